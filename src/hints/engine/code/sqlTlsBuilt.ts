/**
 * Connection strings that switch TLS off wherever the code writes or builds them (`rds-sql-tls-disabled`), not only
 * as a driver call's argument: a JavaScript template or Python f-string (`postgres://${user}@${host}/db?sslmode=disable`,
 * Pulumi's `pulumi.interpolate`), Go's `fmt.Sprintf("host=%s ... sslmode=disable", host, ...)`, a `+` concatenation, or
 * a plain literal, handed to GORM, SQLAlchemy, knex, TypeORM, Prisma or a container's `DATABASE_URL`. libpq reads the
 * same `sslmode` in a URL and a keyword DSN, and so do pgx, GORM's PostgreSQL driver and psycopg
 * (https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING).
 *
 * Reported only where the host is visibly RDS: a literal `*.rds.amazonaws.com` host, a value named for RDS or Aurora
 * (`process.env.RDS_HOSTNAME`, `os.Getenv("RDS_HOST")`, a local bound once to one), an environment variable the
 * workspace's Lambda functions running the file set to an RDS endpoint (`readsRdsEndpoint`), or the endpoint attribute of an
 * RDS resource the same program defines (Pulumi's `db.address` / `db.endpoint` of `new aws.rds.Instance(...)`, CDK's
 * `instance.dbInstanceEndpointAddress`). A string a driver call of the file takes, in place or through a name bound
 * once to it (`dsn := fmt.Sprintf(...)` then `sql.Open("postgres", dsn)`), or the one `return` of a function of the file
 * the call calls (`sql.Open("postgres", connString())`), gets the hover as a literal one does, for a
 * host that is not a local one, and so does a configuration's field or key named for a connection string
 * (`heldAsConnectionString`). Anything else, and test code (test functions, `_test.go`, Testcontainers files, as for
 * driver calls), gets nothing: no hover either.
 */
import type { CodeAnalyzer } from './analyzer';
import { TOKEN_KIND } from '../lexer';
import { expressionEnd, segments } from './braces';
import { OptionContext } from '../model';
import { Span } from '../types';
import { isRdsHost } from '../config/values';
import { bindsWholeExpression } from '../scope/scopes';
import { boundLiteral, onlyBinding } from './sqlLiterals';
import { SqlConnection } from './sqlConnections';
import { LOCAL_DSN } from './sqlDsnOptions';
import { builderReturning, callsBuilder } from './sqlDsnBuilders';
import { inTestCode } from './testFixtures';
import { dsnHost, dsnSwitchesTlsOff, RDS_NAMED, readsRdsEndpoint, TLS_DISABLED, tlsDisabledOption } from './sqlTls';
import { readsRdsSecretHost } from './sqlSecretHosts';

/** The cheap gate: a file with none of these words builds no connection string that switches TLS off. */
const MAY_SWITCH_OFF = /sslmode|usessl/i;

/** A hole in a built string: the text of the value, and a token of the scope it is read in. */
interface Hole {
  text: string;
  at: number;
}

/** A built string: its text with each value as `\uE000<index>\uE000`, and the values. */
interface Built {
  text: string;
  holes: Hole[];
  from: number;
  to: number;
}

const HOLE = /\uE000(\d+)\uE000/g;
const JS_HOLE = /\$\{((?:[^{}]|\{[^{}]*\})*)\}/g;
const BRACE_HOLE = /(?<!\{)\{([^{}]+)\}(?!\})/g;
/** A Go verb (`%s`, `%d`, `%v`, `%q`, `%-10s`); `%%` is a percent sign. */
const GO_VERB = /%%|%[-+# 0]*\d*(?:\.\d+)?[a-zA-Z]/g;

/**
 * An RDS resource made in the program: Pulumi's `aws.rds.Instance` / `Cluster` / `ClusterInstance` (TypeScript `new`,
 * Python call, Go `rds.NewInstance(ctx, ...)`), the CDK's `DatabaseInstance`, `DatabaseCluster`, `ServerlessCluster` and their `FromSnapshot` forms.
 */
const RDS_RESOURCE = /^(?:new\s+)?(?:[\w$]+\s*\.\s*)*(?:rds\s*\.\s*(?:New)?(?:Instance|Cluster|ClusterInstance)|DatabaseInstance(?:FromSnapshot)?|DatabaseCluster(?:FromSnapshot)?|ServerlessCluster(?:FromSnapshot)?)\s*\(/;
/** The attribute of such a resource, held by a name or a field (`this.database`), that names its endpoint's host (Pulumi's `address`/`endpoint`, the CDK's in either case style). */
const ENDPOINT_ATTRIBUTE = /^((?:this|self)\s*\.\s*)?([A-Za-z_$][\w$]*)\s*\.\s*(?:address|endpoint|Address|Endpoint|ReaderEndpoint|reader_endpoint|readerEndpoint|dbInstanceEndpointAddress|db_instance_endpoint_address|clusterEndpoint\s*\.\s*hostname|cluster_endpoint\s*\.\s*hostname|instanceEndpoint\s*\.\s*hostname|instance_endpoint\s*\.\s*hostname|clusterReadEndpoint\s*\.\s*hostname)$/;

/**
 * Contexts of the connection strings of the file that switch TLS off, other than those at `covered` (a driver call's,
 * already read): reported to a visibly RDS host, a hover only where one of the file's `drivers` takes the string.
 */
export function builtDsnContexts(a: CodeAnalyzer, covered: ReadonlySet<number>, drivers: readonly SqlConnection[]): OptionContext[] {
  const family = a.language.family;
  if ((family !== 'js' && family !== 'python' && family !== 'go' && family !== 'java') || !MAY_SWITCH_OFF.test(a.text)) {
    return [];
  }
  const contexts: OptionContext[] = [];
  let after = -1;
  for (let k = 0; k < a.tokens.length; k++) {
    if (k <= after || !a.isString(k) || !MAY_SWITCH_OFF.test(a.tokens.text(k))) {
      continue;
    }
    const built = builtAt(a, k);
    after = built.to - 1;
    const span = a.span(built.from, built.to - 1);
    if (covered.has(span.start) || covered.has(a.tokens.starts[k]) || inTestCode(a, k)) {
      continue;
    }
    const report = toRdsHost(a, built);
    if (!report && !takenByDriver(a, built, drivers) && !heldAsConnectionString(a, built)) {
      continue;
    }
    const key: Span = a.tokenSpan(k);
    contexts.push({ kind: 'sql-client', type: 'dsn', options: [tlsDisabledOption(key, key, report)], complete: false, anchor: key });
  }
  return contexts;
}

/**
 * Whether a driver call of the file takes the built string (`sql.Open("postgres", fmt.Sprintf(...))`), or a name bound
 * once to it (`dsn := ...` then `sql.Open("postgres", dsn)`, `new Pool({ connectionString })`), and it switches TLS off
 * for a host that is not a local one (a developer's server, as a literal string's is).
 */
function takenByDriver(a: CodeAnalyzer, built: Built, drivers: readonly SqlConnection[]): boolean {
  const dsn = dsnIn(built.text).replace(HOLE, 'x');
  if (drivers.length === 0 || !dsnSwitchesTlsOff(dsn) || LOCAL_DSN.test(dsn)) {
    return false;
  }
  // The name the string is bound to: `dsn := ...`, `const url = ...`, `String url = ...`, `DATABASE_URL = ...`.
  const bound = (a.is(built.from - 1, '=') || a.is(built.from - 1, ':=')) && a.isId(built.from - 2) && !a.isAccess(built.from - 3) ? a.tokens.text(built.from - 2) : undefined;
  // The one `return` of a DSN builder the driver call calls (`sqlDsnBuilders.ts`).
  const builder = builderReturning(a, built.from);
  for (const driver of drivers) {
    const name = a.tokensOf(driver.name)[0];
    // The call's arguments, and a GORM dialector a name holds (`d := postgres.Open(dsn)` then `gorm.Open(d, ...)`).
    for (const open of [a.is(name + 1, '(') ? name + 1 : -1, driver.heldOptions ?? -1]) {
      const close = open > 0 ? a.partner[open] : -1;
      if (close > open && takesBuilt(a, built, open, close, bound, builder)) {
        return true;
      }
    }
  }
  return false;
}

/** A name that says it holds a database's connection string: `dsn`, `PostgresDSN`, `DatabaseURL`, `db_url`, `connString`. */
const CONNECTION_STRING_NAME = /dsn|(?:database|db|postgres|pg|sql)_?ur[li]$|conn(?:ection)?_?str/i;

/**
 * Whether the built string is a configuration's connection string for a host that is not a local one: the value of a
 * field or key named for one (`dsn: fmt.Sprintf("postgres://%s:%s@%s/%s?sslmode=disable", ...)` in a Go config
 * literal, `PostgresDSN: "postgres://app@db:5432/rides?sslmode=disable"` among a service's defaults, `cfg.DSN = ...`).
 * A service builds its configuration in one package and opens the connection with it in another (`db.New(cfg.db.dsn)`),
 * where no driver call of this file takes it; `sslmode` belongs to libpq and the drivers that read its strings, so a
 * string so named that switches it off is a database connection's.
 */
function heldAsConnectionString(a: CodeAnalyzer, built: Built): boolean {
  const before = built.from - 1;
  const keyed = a.is(before, ':') && a.isId(before - 1) && (a.is(before - 2, '{') || a.is(before - 2, ','));
  const assigned = a.is(before, '=') && a.isId(before - 1) && a.isAccess(before - 2);
  const dsn = dsnIn(built.text).replace(HOLE, 'x');
  return (keyed || assigned) && CONNECTION_STRING_NAME.test(a.tokens.text(before - 1)) && dsnSwitchesTlsOff(dsn) && !LOCAL_DSN.test(dsn);
}

/** Whether the tokens between `open` and `close` hold the built string, the name bound to it, or a call of its builder. */
function takesBuilt(a: CodeAnalyzer, built: Built, open: number, close: number, bound: string | undefined, builder: number): boolean {
  if ((built.from > open && built.to <= close) || (builder > 0 && callsBuilder(a, open + 1, close, builder))) {
    return true;
  }
  for (let t = open + 1; bound !== undefined && t < close; t++) {
    if (a.idIs(t, bound) && !a.isAccess(t - 1) && onlyBinding(a, t, bound)?.expression === built.from) {
      return true;
    }
  }
  return false;
}

/** The spans where the driver contexts' `TlsDisabled` options already sit. */
export function tlsDisabledStarts(contexts: readonly OptionContext[]): Set<number> {
  const starts = new Set<number>();
  for (const context of contexts) {
    for (const option of context.options) {
      if (option.norm === TLS_DISABLED) {
        starts.add(option.value.start);
      }
    }
  }
  return starts;
}

/** The string built around the string token `k`: a `fmt.Sprintf` it formats, a `+` chain it is part of, or the token itself. */
function builtAt(a: CodeAnalyzer, k: number): Built {
  const holes: Hole[] = [];
  const open = a.parent[k];
  // Go: `fmt.Sprintf("host=%s ... sslmode=disable", host, ...)`, the format maybe split with `+`.
  if (a.language.family === 'go' && open > 0 && a.is(open, '(') && a.idIs(open - 1, 'Sprintf') && a.isAccess(open - 2)) {
    const parts = segments(a, open);
    const [first, last] = parts[0] ?? [0, 0];
    if (k >= first && k < last && formatOnly(a, first, last)) {
      let text = '';
      for (let t = first; t < last; t += 2) {
        text += a.tokens.text(t);
      }
      let index = 1;
      text = text.replace(GO_VERB, (verb) => {
        if (verb === '%%') {
          return '%';
        }
        const arg = parts[index++];
        holes.push({ text: arg ? a.text.slice(a.tokens.starts[arg[0]], a.tokens.ends[arg[1] - 1]) : '', at: arg ? arg[0] : k });
        return `\uE000${holes.length - 1}\uE000`;
      });
      return { text, holes, from: open - 3, to: a.partner[open] + 1 };
    }
  }
  // A `+` chain: back to its first operand, then each string's text and each other operand a hole.
  let from = k;
  while (a.is(from - 1, '+')) {
    const start = operandStart(a, from - 2);
    if (start < 0) {
      break;
    }
    from = start;
  }
  let text = '';
  let t = from;
  for (;;) {
    const end = operandEnd(a, t);
    text += a.isString(t) && end === t + 1 ? stringText(a, t, holes) : isNumber(a, t) ? a.tokens.text(t) : hole(a, t, end, holes);
    if (!a.is(end, '+') || operandEnd(a, end + 1) < 0) {
      return { text, holes, from, to: end };
    }
    t = end + 1;
  }
}

/** Whether tokens [from, to) are string literals joined by `+` (a format split over lines). */
function formatOnly(a: CodeAnalyzer, from: number, to: number): boolean {
  for (let t = from; t < to; t += 2) {
    if (!a.isString(t) || a.tokens.interpolated(t) || (t + 1 < to && !a.is(t + 1, '+'))) {
      return false;
    }
  }
  return true;
}

/** A string's text, its interpolations (`${expr}`, an f-string's `{expr}`) made holes. */
function stringText(a: CodeAnalyzer, k: number, holes: Hole[]): string {
  const text = a.tokens.text(k);
  if (!a.tokens.interpolated(k)) {
    return text;
  }
  return text.replace(a.language.family === 'js' ? JS_HOLE : BRACE_HOLE, (_, expr: string) => {
    holes.push({ text: expr.trim(), at: k });
    return `\uE000${holes.length - 1}\uE000`;
  });
}

function hole(a: CodeAnalyzer, from: number, to: number, holes: Hole[]): string {
  holes.push({ text: a.text.slice(a.tokens.starts[from], a.tokens.ends[to - 1]), at: from });
  return `\uE000${holes.length - 1}\uE000`;
}

/** A number literal: Java and JavaScript join it as its digits (`":" + 3306 + "/"`, a port). */
const isNumber = (a: CodeAnalyzer, t: number): boolean => a.tokens.kinds[t] === TOKEN_KIND.NUM;

/** The end of an operand starting at `t`: a string or number, or a name with its members, calls and indexes (`os.Getenv("X")`, `cfg.Host`); -1 for anything else. */
function operandEnd(a: CodeAnalyzer, t: number): number {
  if (a.isString(t) || isNumber(a, t)) {
    return t + 1;
  }
  if (!a.isId(t)) {
    return -1;
  }
  let end = t + 1;
  for (;;) {
    if (a.isAccess(end) && a.isId(end + 1)) {
      end += 2;
    } else if ((a.is(end, '(') || a.is(end, '[')) && a.partner[end] > end) {
      end = a.partner[end] + 1;
    } else {
      return end;
    }
  }
}

/** The start of an operand ending at `t` (inclusive), read back as `operandEnd` reads forward; -1 for anything else. */
function operandStart(a: CodeAnalyzer, t: number): number {
  let k = t;
  for (;;) {
    if ((a.isString(k) || isNumber(a, k)) && k === t) {
      return k;
    }
    if ((a.is(k, ')') || a.is(k, ']')) && a.partner[k] >= 0 && a.partner[k] < k) {
      k = a.partner[k] - 1;
      continue;
    }
    if (!a.isId(k)) {
      return -1;
    }
    if (a.isAccess(k - 1) && a.isId(k - 2)) {
      k -= 2;
      continue;
    }
    return k;
  }
}

/** URLs inside a longer text: a container definition's JSON, a command line, `DATABASE_URL=...`. */
const URL_IN_TEXT = /[a-z][\w+.-]*:\/\/[^\s"'`<>]+/gi;

/** The connection string in a text: the URL that switches TLS off, or the whole text (a keyword DSN). */
function dsnIn(text: string): string {
  for (const url of text.matchAll(URL_IN_TEXT)) {
    if (dsnSwitchesTlsOff(url[0].replace(HOLE, 'x'))) {
      return url[0];
    }
  }
  return text;
}

/** Whether the built string switches TLS off for a host that is visibly RDS. */
function toRdsHost(a: CodeAnalyzer, built: Built): boolean {
  const dsn = dsnIn(built.text);
  return dsnSwitchesTlsOff(dsn.replace(HOLE, 'x')) && hostIsRds(a, dsnHost(dsn), built.holes);
}

/** Whether a host read from a built text (maybe one hole, maybe a literal with holes) is visibly RDS. */
function hostIsRds(a: CodeAnalyzer, host: string | undefined, holes: Hole[]): boolean {
  if (host === undefined) {
    return false;
  }
  const only = /^\uE000(\d+)\uE000$/.exec(host);
  return only ? holeIsRds(a, holes[Number(only[1])]) : isRdsHost(host.replace(HOLE, 'x'));
}

/**
 * Whether the expression [from, to) that gives a host (`url`: a connection URL) is visibly RDS: a literal RDS
 * endpoint, a string built around one, a value named for RDS, or a name bound once to any of these.
 */
export function valueIsRds(a: CodeAnalyzer, from: number, to: number, url: boolean): boolean {
  const held = to === from + 1 && a.isId(from) ? boundLiteral(a, from) : -1;
  const at = held >= 0 ? held : from;
  if (a.isString(at) && (held >= 0 || to === from + 1)) {
    const built = builtAt(a, at);
    return hostIsRds(a, url ? dsnHost(dsnIn(built.text)) : built.text.trim(), built.holes);
  }
  return holeIsRds(a, { text: a.text.slice(a.tokens.starts[from], a.tokens.ends[to - 1]), at: from });
}

/** A value named for RDS or Aurora, an RDS resource's endpoint attribute, or a name bound once to either. */
function holeIsRds(a: CodeAnalyzer, hole: Hole | undefined, depth = 0): boolean {
  if (!hole || hole.text === '') {
    return false;
  }
  if (RDS_NAMED.test(hole.text) || readsRdsEndpoint(a, hole.text) || readsRdsSecretHost(a, hole.text, hole.at)) {
    return true;
  }
  const attribute = ENDPOINT_ATTRIBUTE.exec(hole.text);
  const name = attribute ? attribute[2] : /^[A-Za-z_$][\w$]*$/.test(hole.text) ? hole.text : undefined;
  const value = name === undefined ? undefined : attribute?.[1] ? fieldText(a, name, hole.at) : boundText(a, name, hole.at);
  if (value === undefined) {
    return false;
  }
  return attribute ? RDS_RESOURCE.test(value.text) : depth < 2 && holeIsRds(a, { text: value.text, at: value.at }, depth + 1);
}

/** The expression a name read at token `at` is bound to once, as text; Go's `db, err := rds.NewInstance(...)` binds `db` to the call. */
function boundText(a: CodeAnalyzer, name: string, at: number): Hole | undefined {
  const binding = onlyBinding(a, at, name);
  const goFirst = a.language.family === 'go' && binding?.unpacked?.position === 0;
  if (!binding || binding.expression < 0 || !(bindsWholeExpression(binding) || goFirst)) {
    return undefined;
  }
  const from = goFirst ? binding.unpacked!.from : binding.expression;
  const to = expressionEnd(a, from);
  return to > from ? { text: a.text.slice(a.tokens.starts[from], a.tokens.ends[to - 1]), at: from } : undefined;
}

/** The expression the class around token `at` sets its field `name` to, where it sets it once (`this.database = new rds.DatabaseInstance(...)`). */
function fieldText(a: CodeAnalyzer, name: string, at: number): Hole | undefined {
  const owner = a.scopes.enclosing(at, ['class']);
  const members = owner > 0 ? a.scopes.memberBindings(owner, name).filter((member) => member.expression >= 0) : [];
  const from = members.length === 1 ? members[0].expression : -1;
  const to = from >= 0 ? expressionEnd(a, from) : -1;
  return to > from ? { text: a.text.slice(a.tokens.starts[from], a.tokens.ends[to - 1]), at: from } : undefined;
}
