/**
 * The `tls.Config` Go code hands its SQL drivers apart from the DSN, whose fields are the connection's, read where
 * they are written (under a condition or not: a run that takes that branch connects with them):
 * - pgx's config after it is parsed, which pgx connects with (https://pkg.go.dev/github.com/jackc/pgx/v5/pgconn#Config):
 *   `cfg, err := pgxpool.ParseConfig(dsn)` then `cfg.ConnConfig.TLSConfig = &tls.Config{InsecureSkipVerify: true}`
 *   (pgx's own `cfg.TLSConfig = tlsConfig`, a config variable declared with such a literal, or one field of it,
 *   `cfg.TLSConfig.InsecureSkipVerify = true`), and the same on a config a function of the file is handed
 *   (`func configureTLS(cfg *pgxpool.Config, mode string)`);
 * - go-sql-driver/mysql's registered configs, which a DSN's `tls=<name>` selects
 *   (https://pkg.go.dev/github.com/go-sql-driver/mysql#RegisterTLSConfig): `mysql.RegisterTLSConfig("rds", &tls.Config{...})`,
 *   read when it turns verification off, as no DSN may pick a config registered for nothing.
 */
import type { OptionContext, OptionOccurrence } from '../model';
import type { Binding } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { goMethodName } from './helperFunctions';
import { goImportSpecs } from './languages/goPackageStructs';
import { assignedTlsConfigFields, tlsConfigLiteral } from './languages/goRedis';
import { configFieldsSetApart } from './languages/goTlsFieldsSetApart';
import { contextFrom } from './options';
import { assignedOption } from './requests';
import type { Value } from './values';

/** The types of a parsed pgx config: pgxpool's `Config` and pgx's `ConnConfig`. */
const CONFIG_TYPES = new Set(['Config', 'ConnConfig']);
const GO_MYSQL_DRIVER = 'github.com/go-sql-driver/mysql';

/** The contexts of the file's TLS configs handed to a pgx config parameter or registered with go-sql-driver/mysql, outside `skip`ped (test) code. */
export function goSqlTlsConfigContexts(a: CodeAnalyzer, pgxNames: ReadonlySet<string>, skip: (token: number) => boolean): OptionContext[] {
  return [...configParameterContexts(a, pgxNames, skip), ...registeredConfigContexts(a, skip)];
}

/**
 * The TLS options written on the config that the `ParseConfig` call starting at `start` returns
 * (`cfg, err := pgxpool.ParseConfig(dsn)`), in the rest of its function.
 */
export function parsedConfigTlsOptions(a: CodeAnalyzer, start: number): OptionOccurrence[] {
  const name = firstAssigned(a, start);
  const binding = name >= 0 ? a.scopes.lookup(a.tokens.text(name), name) : undefined;
  const fn = a.scopes.enclosing(start, ['function']);
  return binding && fn > 0 ? tlsWrittenOn(a, a.tokens.text(name), binding, start, a.scopes.range(fn)[1]) : [];
}

/**
 * A context per function parameter of a pgx config type (`cfg *pgxpool.Config`, `cc *pgx.ConnConfig`) whose body
 * writes TLS settings on it; `pgxNames` are the names the file imports pgx and pgxpool under.
 */
function configParameterContexts(a: CodeAnalyzer, pgxNames: ReadonlySet<string>, skip: (token: number) => boolean): OptionContext[] {
  const contexts: OptionContext[] = [];
  for (const fn of a.functions.values()) {
    // A method's parameters follow its name, after the receiver's (`func (b *builder) applyTLS(cfg *pgxpool.Config)`).
    const method = goMethodName(a, fn);
    const open = method >= 0 ? method + 1 : fn.params;
    const close = a.is(open, '(') ? a.partner[open] : -1;
    if (close < 0 || fn.body < 0 || skip(fn.params)) {
      continue;
    }
    for (let k = open + 1; k + 3 < close; k++) {
      const type = a.is(k + 1, '*') ? k + 2 : k + 1;
      const typed = a.isId(k) && (a.is(k - 1, '(') || a.is(k - 1, ',')) && pgxNames.has(a.id(type) ?? '') && a.is(type + 1, '.') && CONFIG_TYPES.has(a.id(type + 2) ?? '');
      const binding = typed ? a.scopes.lookup(a.tokens.text(k), fn.body + 1) : undefined;
      const options = binding?.token === k ? tlsWrittenOn(a, a.tokens.text(k), binding, fn.body, a.partner[fn.body]) : [];
      if (options.length > 0) {
        contexts.push({ kind: 'sql-client', type: 'pgx', options, complete: true, anchor: a.tokenSpan(k) });
      }
    }
  }
  return contexts;
}

/** The first name a call's results are assigned to (`cfg` of `cfg, err := f(...)`), or -1. */
function firstAssigned(a: CodeAnalyzer, start: number): number {
  if (!a.is(start - 1, ':=') && !a.is(start - 1, '=')) {
    return -1;
  }
  let k = start - 2;
  while (a.isId(k) && a.is(k - 1, ',') && a.isId(k - 2)) {
    k -= 2;
  }
  return a.isId(k) && !a.isAccess(k - 1) ? k : -1;
}

/**
 * The TLS options written on the config `name` (of `binding`) between `from` and `end`: the fields of a config
 * assigned whole (`name.TLSConfig = ...`, `name.ConnConfig.TLSConfig = ...`) and single fields set on it
 * (`name.TLSConfig.InsecureSkipVerify = true`).
 */
function tlsWrittenOn(a: CodeAnalyzer, name: string, binding: Binding<Value>, from: number, end: number): OptionOccurrence[] {
  const options: OptionOccurrence[] = [];
  for (let k = from + 1; k < end; k++) {
    if (!a.idIs(k, name) || a.isAccess(k - 1) || a.scopes.lookup(name, k) !== binding) {
      continue;
    }
    const field = a.is(k + 1, '.') && a.idIs(k + 2, 'ConnConfig') ? k + 3 : k + 1;
    if (!a.is(field, '.') || !a.idIs(field + 1, 'TLSConfig')) {
      continue;
    }
    if (a.is(field + 2, '=')) {
      options.push(...assignedTlsConfigFields(a, [assignedOption(a, field + 2)]));
    } else if (a.is(field + 2, '.') && a.isId(field + 3) && a.is(field + 4, '=')) {
      options.push(assignedOption(a, field + 4));
    }
  }
  return options;
}

/** A context per `mysql.RegisterTLSConfig(name, config)` whose config turns verification off (`InsecureSkipVerify: true`). */
function registeredConfigContexts(a: CodeAnalyzer, skip: (token: number) => boolean): OptionContext[] {
  const aliases = new Set(goImportSpecs(a).filter(({ path }) => path === GO_MYSQL_DRIVER).map(({ alias }) => alias ?? 'mysql'));
  const contexts: OptionContext[] = [];
  for (let k = 0; aliases.size > 0 && k + 3 < a.tokens.length; k++) {
    if (!aliases.has(a.id(k) ?? '') || a.isAccess(k - 1) || !a.is(k + 1, '.') || !a.idIs(k + 2, 'RegisterTLSConfig') || !a.is(k + 3, '(') || skip(k)) {
      continue;
    }
    const parts = segments(a, k + 3);
    const options = parts.length === 2 ? registeredFields(a, parts[1][0], parts[1][1]) : [];
    if (options.some((option) => option.norm === 'insecureskipverify')) {
      contexts.push({ kind: 'sql-client', type: 'go-sql', options, complete: true, anchor: a.tokenSpan(k + 2) });
    }
  }
  return contexts;
}

/** The fields of the config argument `[first, end)`: a literal in place, or a variable's literal and the fields set on it before. */
function registeredFields(a: CodeAnalyzer, first: number, end: number): OptionOccurrence[] {
  const inPlace = tlsConfigLiteral(a, first, end);
  const held = inPlace < 0 && end === first + 1 && a.isId(first) ? a.scopes.lookup(a.tokens.text(first), first) : undefined;
  const apart = held ? configFieldsSetApart(a, a.tokens.text(first), held, first) : undefined;
  const brace = held ? tlsConfigLiteral(a, held.expression) : inPlace;
  const fields = brace >= 0 ? contextFrom(a, brace, a.partner[brace], 'sql-client', 'go-sql', a.tokenSpan(brace)).options : [];
  return [...(apart?.options ?? []), ...fields.filter((field) => !apart?.names.has(field.norm))];
}
