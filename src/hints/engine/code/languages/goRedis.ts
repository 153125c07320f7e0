/**
 * go-redis client options: `redis.NewClient(&redis.Options{Addr: ..., Password: ..., TLSConfig: &tls.Config{...}})`,
 * written in the call or held by a variable, or parsed from a URL (`redis.ParseURL("redis://:secret@cache:6379")`).
 * A client connects with TLS only when its options carry a `TLSConfig`; the fields of that config
 * (`InsecureSkipVerify`) are read with the client's own options.
 */
import { OptionOccurrence } from '../../model';
import type { CodeAnalyzer } from '../analyzer';
import { redisClientOptions } from '../redisOptions';
import { keepUrlOptions, literalUrlCall, RedisUrl, urlOption } from '../redisUrls';
import { expressionEnd, segments } from '../braces';
import { contextFrom } from '../options';
import { assignedOption, memberAssignmentsOf } from '../requests';
import { builtUrlCall } from './goUrls';
import { noteOptionsCall, optionsLiteral } from './goCallers';
import { isGoRedisFactory } from './goClients';
import { configFieldsSetApart, optionsTlsFieldsSetApart } from './goTlsFieldsSetApart';

/** `redis.NewClient(...)` at the name token: the options of the client it makes. */
export function goRedisFactoryCall(a: CodeAnalyzer, nameIndex: number): void {
  const open = nameIndex + 1;
  if (!isGoRedisFactory(a.tokens.text(nameIndex)) || !a.is(open, '(') || a.partner[open] < 0) {
    return;
  }
  const [start, end] = segments(a, open)[0] ?? [-1, -1];
  if (start < 0) {
    return;
  }
  const literal = optionsLiteral(a, start);
  if (literal >= 0 && a.partner[literal] + 1 === end) {
    redisClientOptions(a, literal, 'go-redis');
    const context = a.contexts[a.contexts.length - 1];
    context.options.push(...assignedTlsConfigFields(a, context.options));
    return;
  }
  // `redis.NewClient(opts)`: the literal the variable was declared with, and the fields assigned to the variable
  // before the call; all of them when the code does nothing else with the variable before (`onlyFieldsSetBefore`).
  // Functional options (`opt(opts)`) stay unseen, so what it lacks is then unknown.
  // `redis.NewClient(&opts)` when `opts` holds the options struct itself.
  const variable = a.is(start, '&') ? start + 1 : start;
  const held = a.isId(variable) && end === variable + 1 ? a.scopes.lookup(a.tokens.text(variable), variable) : undefined;
  const heldLiteral = held && held.expression >= 0 ? optionsLiteral(a, held.expression) : -1;
  if (held && heldLiteral >= 0) {
    redisClientOptions(a, heldLiteral, 'go-redis');
    const context = a.contexts[a.contexts.length - 1];
    context.complete = onlyFieldsSetBefore(a, held.token, start);
    // `opt.TLSConfig = &tls.Config{...}` between the declaration and the call (under `if useTLS {` or not).
    const name = a.tokens.text(variable);
    for (const eq of memberAssignmentsOf(a, name, held)) {
      if (eq < start) {
        context.options.push(assignedOption(a, eq));
      }
    }
    context.options.push(...assignedTlsConfigFields(a, context.options), ...optionsTlsFieldsSetApart(a, name, held, start));
  } else if (held && held.expression < 0) {
    // `func NewRedis(cfg Config, options *redis.Options)` that sets `options.TLSConfig = tlsConfig` before the call:
    // the fields the function sets, of options the caller made (so what they lack is unknown).
    const name = a.tokens.text(variable);
    const options = memberAssignmentsOf(a, name, held).filter((eq) => eq < start).map((eq) => assignedOption(a, eq));
    if (options.length > 0) {
      options.push(...assignedTlsConfigFields(a, options));
      a.contexts.push({ kind: 'redis-client', type: 'go-redis', options, complete: false, anchor: a.tokenSpan(nameIndex) });
    }
  } else if (!held) {
    // `redis.NewClient(cfg.RedisOptions())`: the options a function of the file returns (read in `goCallers.ts`).
    noteOptionsCall(a, start, end);
  }
}

/**
 * Whether the options a local holds are all in view at the call (`start`): the local is declared in the call's
 * function (`opt := &redis.Options{...}`) and, before the call, the code only sets its fields (`opt.TLSConfig =
 * ...`, read with the literal). Handed to a function (`applyDefaults(opt)`), assigned again or declared elsewhere,
 * it may carry a `TLSConfig` the code does not show.
 */
function onlyFieldsSetBefore(a: CodeAnalyzer, declared: number, start: number): boolean {
  const fn = a.scopes.enclosing(start, ['function']);
  const declaration = a.is(declared + 1, ':=') || (a.idIs(declared - 1, 'var') && a.is(declared + 1, '='));
  if (fn <= 0 || a.scopes.enclosing(declared, ['function']) !== fn || !declaration || a.is(declared - 1, ',')) {
    return false;
  }
  const name = a.tokens.text(declared);
  for (let k = declared + 1; k < start; k++) {
    if (a.idIs(k, name) && !a.isAccess(k - 1)) {
      const setsField = a.is(k + 1, '.') && a.isId(k + 2) && a.is(k + 3, '=') && !a.is(k - 1, '*') && !a.is(k - 1, '&');
      if (!setsField) {
        return false;
      }
    }
  }
  return true;
}

/**
 * The URL parsers, and whether each reads `skip_verify`. `ParseURL` and `ParseClusterURL` take the password
 * from the URL's user information and turn TLS on for `rediss://`; `ParseURL` sets `InsecureSkipVerify` from
 * `skip_verify` on a `rediss://` URL since go-redis v9.8.0 (options.go, setupConnParams), where older versions
 * and `ParseClusterURL` reject the parameter as an unexpected option.
 */
const URL_PARSERS = new Map([
  ['ParseURL', true],
  ['ParseClusterURL', false],
]);

export function isGoRedisUrlParser(name: string): boolean {
  return URL_PARSERS.has(name);
}

/**
 * `redis.ParseURL("...")` at the name token, with a literal URL (or a constant that holds one): the options it
 * gives, kept by the call's first token so that fields set on its result (`opt.TLSConfig = ...`) join them.
 */
export function goRedisUrl(a: CodeAnalyzer, nameIndex: number): void {
  const parsed = literalUrlCall(a, nameIndex);
  if (!parsed) {
    // `redis.ParseURL("redis://" + addr)`, `fmt.Sprintf("rediss://%s", addr)`: the scheme the code writes.
    builtUrlCall(a, nameIndex, 'go-redis');
    return;
  }
  const { url, token, options } = parsed;
  const skipVerify = url.tls && URL_PARSERS.get(a.tokens.text(nameIndex)) ? lastParameter(url, 'skip_verify') : undefined;
  if (skipVerify) {
    // go-redis reads "true" and "1" as true, "false", "0" and "" as false.
    const value = skipVerify.value.value;
    options.push(urlOption(a, token, 'skip_verify', skipVerify.key, skipVerify.value, value === 'true' || value === '1' ? { kind: 'bool', value: true } : { kind: 'str', value }));
  }
  keepUrlOptions(a, nameIndex, 'go-redis', options);
}

/** go-redis reads the last value of a parameter given more than once. */
function lastParameter(url: RedisUrl, key: string): RedisUrl['query'][number] | undefined {
  for (let k = url.query.length - 1; k >= 0; k--) {
    if (url.query[k].key.value === key) {
      return url.query[k];
    }
  }
  return undefined;
}

/**
 * The fields of a `&tls.Config{...}` literal assigned to options built apart (`opt.TLSConfig = &tls.Config{
 * InsecureSkipVerify: true}`) or held by a variable (`TLSConfig: tlsConfig`, `opt.TLSConfig = tlsConfig`),
 * read as a `TLSConfig: &tls.Config{...}` field of the literal already is.
 */
export function assignedTlsConfigFields(a: CodeAnalyzer, options: readonly OptionOccurrence[]): OptionOccurrence[] {
  const fields: OptionOccurrence[] = [];
  for (const option of options) {
    if (option.norm !== 'tlsconfig') {
      continue;
    }
    const [key] = a.tokensOf(option.key);
    const [first, end] = a.tokensOf(option.value);
    // `opt.TLSConfig = tlsConfig`: the literal the variable was declared with.
    const held = a.isId(first) && end === first + 1 ? a.scopes.lookup(a.tokens.text(first), first) : undefined;
    // Its fields set apart before (`tlsConfig.InsecureSkipVerify = true`) are read where they are set, in place of
    // the literal's fields of the same names.
    const apart = held ? configFieldsSetApart(a, a.tokens.text(first), held, first) : undefined;
    fields.push(...(apart?.options ?? []));
    // A config written in place is read already when it is a field of the options literal (`TLSConfig: &tls.Config{...}`).
    const brace = held ? tlsConfigLiteral(a, held.expression) : a.is(key - 1, '.') ? tlsConfigLiteral(a, first, end) : -1;
    // `var tlsConfig *tls.Config`, then `tlsConfig = &tls.Config{...}` under a condition: each config it may hold;
    // `TLSConfig: insecureTLS()`: each config a function of the file returns.
    const braces = brace >= 0 ? [brace] : held && held.expression < 0 ? assignedTlsConfigs(a, a.tokens.text(first), held.token, first) : held ? [] : returnedTlsConfigs(a, first, end);
    for (const open of braces) {
      const literalFields = contextFrom(a, open, a.partner[open], 'redis-client', 'go-redis', option.key).options;
      fields.push(...literalFields.filter((field) => !apart?.names.has(field.norm)));
    }
  }
  return fields;
}

/**
 * The `{` of each `&tls.Config{...}` that a plain assignment (`tlsConfig = &tls.Config{...}`) gives the variable
 * `name`, declared at `declared` without a value, in its function before `use`.
 */
function assignedTlsConfigs(a: CodeAnalyzer, name: string, declared: number, use: number): number[] {
  const fn = a.scopes.enclosing(declared, ['function']);
  if (fn <= 0 || a.scopes.enclosing(use, ['function']) !== fn) {
    return [];
  }
  const braces: number[] = [];
  for (let k = declared + 1; k < use; k++) {
    if (a.idIs(k, name) && a.is(k + 1, '=') && !a.isAccess(k - 1)) {
      const brace = tlsConfigLiteral(a, k + 2, expressionEnd(a, k + 2));
      if (brace >= 0) {
        braces.push(brace);
      }
    }
  }
  return braces;
}

/** The `{` of each `&tls.Config{...}` a function of the file returns, where `[first, end)` is a call of it (`insecureTLS()`). */
function returnedTlsConfigs(a: CodeAnalyzer, first: number, end: number): number[] {
  const called = a.isId(first) && !a.isAccess(first - 1) && a.is(first + 1, '(') && a.partner[first + 1] === end - 1 ? a.lookup(a.tokens.text(first), first) : undefined;
  return called?.t === 'function' ? a.returnStarts(called).map((start) => tlsConfigLiteral(a, start)).filter((brace) => brace >= 0) : [];
}

/** The `{` of `&tls.Config{...}` (or `tls.Config{...}`) written from `first` (to `end` when given), or -1. */
export function tlsConfigLiteral(a: CodeAnalyzer, first: number, end?: number): number {
  const k = a.is(first, '&') ? first + 1 : first;
  const brace = k + 3;
  const isTlsConfig = first >= 0 && a.idIs(k, 'tls') && a.is(k + 1, '.') && a.idIs(k + 2, 'Config') && a.is(brace, '{');
  return isTlsConfig && a.partner[brace] > brace && (end === undefined || a.partner[brace] === end - 1) ? brace : -1;
}
