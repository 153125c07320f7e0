/**
 * TLS switched off on a SQL connection (`rds-sql-tls-disabled`): the explicit off switches of each driver, read
 * into one `TlsDisabled` option anchored on the switch.
 *
 * - PostgreSQL: libpq's and PgJDBC's `sslmode=disable` in a URL or keyword DSN (node-postgres's connection string
 *   reads it as `ssl: false`), psycopg's `sslmode="disable"`, asyncpg's `ssl=False` / `ssl="disable"`, and
 *   node-postgres's or postgres.js's `ssl: false` next to a `host` (a connection string's `sslmode` wins over it),
 *   and pg8000's `ssl_context=None` written out.
 * - MySQL: Connector/J's `sslMode=DISABLED` and `useSSL=false`, PyMySQL's and MySQL Connector/Python's
 *   `ssl_disabled=True`, and .NET's `SslMode=None` / `Disabled` (`sqlConnectionsDotnet.ts`). A MySQL driver's
 *   `ssl: false` or no `ssl` is left alone: the drivers differ in what they do then.
 *
 * Reported only for a connection that goes to RDS: in code, a host under `.rds.amazonaws.com`, a host the code
 * reads from elsewhere under a name for RDS (`process.env.RDS_HOSTNAME`, also through a name bound once to such a
 * read: `HOST = params['/app/rds_host']`), or from an environment variable that the
 * workspace's Lambda functions running the file set to an RDS endpoint, or the host of an RDS database's secret
 * (`sqlSecretHosts.ts`); a literal host of any other name (`db`,
 * `postgres` of a Docker Compose file, an address), a host read as `DB_HOST`, and test code keep the hover only.
 * Configuration files gate on the RDS host themselves (`config/`). Connection strings written or built outside a
 * driver call are read by `sqlTlsBuilt.ts`, Django's and SQLAlchemy's settings by `sqlTlsSettings.ts`.
 */
import { isRdsHost } from '../config/values';
import type { CodeAnalyzer } from './analyzer';
import { Literal, OptionContext, OptionOccurrence } from '../model';
import { Span } from '../types';
import { tokenAt } from './tokenIndex';
import { valueIsRds } from './sqlTlsBuilt';
import { readsRdsSecretHost } from './sqlSecretHosts';

export const TLS_DISABLED = 'tlsdisabled';

const DSN_TLS_SWITCH = /(?:^|[?&;\s])(sslmode\s*=\s*'?disabled?'?|usessl=false)(?=[&;\s]|$)/gi;

/**
 * Whether a URL's query or a keyword DSN switches TLS off: `sslmode=disable` (libpq, PgJDBC), `sslMode=DISABLED` or
 * `useSSL=false` (Connector/J). The drivers match these keys case-sensitively (Connector/J's `PropertyKey`), so a
 * `useSSl=false` is an unknown property they ignore, and TLS stays at its default; the values are read in any case.
 */
export function dsnSwitchesTlsOff(dsn: string): boolean {
  for (const match of dsn.matchAll(DSN_TLS_SWITCH)) {
    const key = /^\w+/.exec(match[1])![0];
    if (key === 'sslmode' || key === 'sslMode' || key === 'useSSL') {
      return true;
    }
  }
  return false;
}

/** The `TlsDisabled` option of a switch anchored on `key`: for the checks where `report`, a hover elsewhere. */
export function tlsDisabledOption(key: Span, value: Span, report: boolean): OptionOccurrence {
  return { name: 'TlsDisabled', norm: TLS_DISABLED, key, value, literal: report ? { kind: 'bool', value: true } : { kind: 'expr', text: '' }, removal: value };
}

/** Whether a host a connection string names is an RDS endpoint (none: the driver's local default). */
export const namesRdsHost = (host: string | undefined): boolean => host !== undefined && isRdsHost(host);

/** The option of a URL, libpq keyword DSN or JDBC URL that switches TLS off, or undefined; the host it names decides. */
export function dsnTlsDisabled(dsn: string, key: Span, value: Span): OptionOccurrence | undefined {
  return dsnSwitchesTlsOff(dsn) ? tlsDisabledOption(key, value, namesRdsHost(dsnHost(dsn))) : undefined;
}

/** Options that name the server. */
export const HOST_OPTIONS: ReadonlySet<string> = new Set(['host', 'hostname', 'server']);
/** Options that hold a whole connection string. */
export const DSN_OPTIONS: ReadonlySet<string> = new Set(['connectionstring', 'dsn', 'uri', 'url', 'conninfo']);

/**
 * The host a URL (`postgres://u@host:5432/db`, `jdbc:mysql://host/db`), a keyword DSN (`host=x dbname=y`) or
 * go-sql-driver/mysql's DSN (`user:pw@tcp(host:3306)/db`) names.
 */
export function dsnHost(dsn: string): string | undefined {
  const url = /^[a-z][\w+.:-]*:\/\/(?:[^@/?]*@)?(\[[^\]]*\]|[^/:?;,]+)/i.exec(dsn.trim());
  return url?.[1] ?? /(?:^|[\s;])host\s*=\s*'?([^\s';,]+)/i.exec(dsn)?.[1] ?? GO_MYSQL_DSN.exec(dsn)?.[1];
}

/** go-sql-driver/mysql's DSN, `user:pw@tcp(host:3306)/db` (also `@tcp([::1]:3306)/`), with its host. */
export const GO_MYSQL_DSN = /@tcp\(\[?([^\]):/]+)[^)]*\)\//;

const isStr = (literal: Literal): literal is { kind: 'str'; value: string } => literal.kind === 'str';

/**
 * A host read from elsewhere under a name that says RDS or Aurora: Elastic Beanstalk's `RDS_HOSTNAME`,
 * `config.rds.host`, `auroraEndpoint`. `DB_HOST` may be any server (a local or Compose one as often as not).
 */
export const RDS_NAMED = /(?:^|[^A-Za-z])(?:rds|Rds|RDS|aurora|Aurora|AURORA)(?![a-z])/;

/**
 * An environment variable read, from its text: `process.env.DB_HOST`, `process.env["DB_HOST"]`, Python's
 * `os.environ["DB_HOST"]`, `os.environ.get("DB_HOST")` and `os.getenv("DB_HOST")` (with or without a fallback), Go's
 * `os.Getenv("DB_HOST")`, Java's `System.getenv("DB_HOST")`; a JavaScript read with a literal fallback
 * (`process.env.DB_HOST || 'localhost'`) as Python's `os.environ.get("DB_HOST", "localhost")`: the deployed value decides.
 */
const ENVIRONMENT_READ =
  /^(?:process\.env(?:\.([A-Za-z_]\w*)|\[\s*['"](\w+)['"]\s*\])(?:\s*(?:\|\||\?\?)\s*(?:'[^']*'|"[^"]*"))?|os\.(?:environ\[\s*['"](\w+)['"]\s*\]|(?:environ\.get|getenv)\(\s*['"](\w+)['"]\s*(?:,[^()]*)?\)|Getenv\(\s*"(\w+)"\s*\))|System\.getenv\(\s*"(\w+)"\s*\))$/;

/**
 * Whether a host expression (its text) reads an environment variable that the Lambda functions running the file set
 * to an RDS endpoint's address in the workspace's templates, Terraform or CDK app (`DB_HOST: !GetAtt Db.Endpoint.Address`).
 */
export function readsRdsEndpoint(a: CodeAnalyzer, text: string): boolean {
  const ask = a.project?.environmentIsRdsEndpoint;
  const read = ask ? ENVIRONMENT_READ.exec(text.trim()) : null;
  const variable = read?.slice(1).find((name) => name !== undefined);
  return variable !== undefined && ask!(variable);
}

/**
 * Whether the connection goes to RDS as far as the code shows: every host written as a literal is an RDS
 * endpoint, or no host is written and one read from elsewhere is named for RDS or set to an RDS endpoint by the
 * functions that run the file. No host at all is the driver's default, a local server.
 */
export function toRds(a: CodeAnalyzer, context: OptionContext): boolean {
  const written: string[] = [];
  let named = false;
  for (const option of context.options) {
    const hostOption = HOST_OPTIONS.has(option.norm);
    if (!hostOption && !DSN_OPTIONS.has(option.norm)) {
      continue;
    }
    const literal = option.literal;
    const host = isStr(literal) ? (hostOption ? literal.value : dsnHost(literal.value)) : undefined;
    if (host !== undefined) {
      written.push(host);
    }
    const rdsSecret = hostOption && literal.kind === 'expr' && readsRdsSecretHost(a, literal.text, tokenAt(a, option.value.start));
    named ||= literal.kind === 'expr' && (RDS_NAMED.test(literal.text) || readsRdsEndpoint(a, literal.text) || heldRds(a, option.value, !hostOption) || rdsSecret);
  }
  return written.length > 0 ? written.every(isRdsHost) : named;
}

/**
 * A host (or URL) passed as a name that the code binds once to an RDS value (`host=HOST` below
 * `HOST = params['/app/rds_host']` in the same function, or a module constant): what `valueIsRds` sees through it.
 */
function heldRds(a: CodeAnalyzer, value: Span, url: boolean): boolean {
  const from = tokenAt(a, value.start);
  return from >= 0 && a.isId(from) && a.tokens.ends[from] === value.end && valueIsRds(a, from, from + 1, url);
}

/** The option of the context that switches TLS off for its driver, other than a connection string's. */
function keywordSwitch(context: OptionContext): OptionOccurrence | undefined {
  const flavor = context.type;
  return context.options.find(({ norm, literal }) => {
    switch (flavor) {
      case 'pg':
      case 'postgres-js':
        // `ssl: false` holds only when no connection string sets `sslmode` over it.
        return norm === 'ssl' && literal.kind === 'bool' && !literal.value && context.options.some((option) => HOST_OPTIONS.has(option.norm)) && !context.options.some((option) => DSN_OPTIONS.has(option.norm));
      case 'psycopg2':
      case 'psycopg':
        return norm === 'sslmode' && isStr(literal) && literal.value.toLowerCase() === 'disable';
      case 'jdbc':
        // A pool's data source property (`sqlJavaPoolProperties.ts`): PgJDBC's `sslmode` `disable`, Connector/J's `sslMode` `DISABLED`.
        return norm === 'sslmode' && isStr(literal) && /^disabled?$/i.test(literal.value);
      case 'asyncpg':
        return norm === 'ssl' && ((literal.kind === 'bool' && !literal.value) || (isStr(literal) && literal.value.toLowerCase() === 'disable'));
      case 'pymysql':
      case 'mysql-connector':
        return norm === 'ssldisabled' && literal.kind === 'bool' && literal.value;
      case 'pg8000':
        // pg8000 makes no TLS connection when `ssl_context` is None (its default); True verifies with the system CAs.
        return norm === 'sslcontext' && literal.kind === 'none';
      default:
        return false;
    }
  });
}

/**
 * Adds the `TlsDisabled` option of a code connection's keyword switch, for the checks where the connection goes to
 * RDS; in test code every such option is a hover only.
 */
export function withTlsDisabled(a: CodeAnalyzer, context: OptionContext, inTest: boolean): OptionContext {
  const keyword = keywordSwitch(context);
  if (keyword) {
    context.options.push(tlsDisabledOption(keyword.key, keyword.value, !inTest && toRds(a, context)));
  }
  if (inTest) {
    context.options.forEach((option, index) => {
      if (option.norm === TLS_DISABLED) {
        context.options[index] = { ...option, literal: { kind: 'expr', text: '' } };
      }
    });
  }
  return context;
}
