/**
 * The options a connection string carries, read for the SQL connection contexts of `sqlConnections.ts`: its
 * password (in a URL, a libpq key-value DSN, go-sql-driver/mysql's `user:password@tcp(...)` or JDBC parameters),
 * TLS switched off or certificates not verified, and whether it names a server on this machine.
 */
import { Literal, OptionContext, OptionOccurrence } from '../model';
import { Span } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { positionalOption } from './options';
import { boundLiteral } from './sqlLiterals';
import { DSN_OPTIONS, dsnTlsDisabled, HOST_OPTIONS } from './sqlTls';
import { hasUnknownPart, writtenDsnText } from './sqlInterpolatedDsns';
import { goFormattedDsn } from './sqlFormattedDsnsGo';
import { conditionalStrings } from './sqlConditionalDsns';

/** Hosts of a database on the same machine or in the test's own container network. */
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|::1|\[::1\]|0\.0\.0\.0|host\.docker\.internal)$/i;
/**
 * A DSN or URL naming a local host: `postgres://u:p@localhost:5432/db`, `jdbc:postgresql://localhost/db`,
 * `host=127.0.0.1 dbname=x`, go-sql-driver/mysql's `root:pw@tcp(localhost:3306)/db`.
 */
export const LOCAL_DSN = /(?:@(?:tcp\()?|\/\/|\bhost=)(?:localhost|127\.0\.0\.1|\[::1\])(?:[:/\s)]|$)/i;

/** The password a URL writes in its user info (`postgres://app:secret@host/db`, `rediss://:token@cache:6379`), as written. */
export function urlPassword(url: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@/\s]+)@/i.exec(url)?.[1];
}

/** A password in a URL (`postgres://app:secret@host/db`) or a libpq key-value DSN (`password=secret`), as written. */
function dsnPassword(dsn: string): string | undefined {
  const url = urlPassword(dsn);
  if (url !== undefined) {
    return url;
  }
  // go-sql-driver/mysql: `user:password@tcp(host:3306)/db`.
  const mysql = /^[^:@/\s]+:([^@/\s]+)@(?:tcp|unix)?\(/.exec(dsn);
  if (mysql) {
    return mysql[1];
  }
  // JDBC URL parameters: `jdbc:postgresql://host/db?user=app&password=secret`.
  const jdbc = /^jdbc:.*[?&;]password=([^&;]+)/i.exec(dsn);
  if (jdbc) {
    return jdbc[1];
  }
  const keyValue = /(?:^|\s)password\s*=\s*('(?:[^'\\]|\\.)*'|[^\s']+)/.exec(dsn);
  return keyValue ? keyValue[1].replace(/^'|'$/g, '') : undefined;
}

/** A connection string written in place, or held by a name bound once to it: its password counts as the `password` option. */
export function withDsnPasswords(a: CodeAnalyzer, context: OptionContext): OptionContext {
  for (const option of [...context.options]) {
    if (DSN_OPTIONS.has(option.norm)) {
      const [first, end] = a.tokensOf(option.value);
      const held = option.literal.kind === 'expr' && end === first + 1 ? boundLiteral(a, first) : -1;
      const dsn = held >= 0 ? positionalOption(a, held, held + 1, option.name) : option;
      addDsnOptions(a, context, dsn, dsn.value, held >= 0 ? dsn.key : option.key);
      if (held < 0) {
        addConditionalDsns(a, context, first, end, option.name);
      }
    }
  }
  return context;
}

/**
 * Each connection string a condition may pick at tokens [first, end) (`sqlConditionalDsns.ts`), read at its literal:
 * the password one branch writes is in the code whichever branch a deployment takes; not a branch naming this machine.
 */
export function addConditionalDsns(a: CodeAnalyzer, context: OptionContext, first: number, end: number, name: string): void {
  for (const branch of conditionalStrings(a, first, end)) {
    const picked = positionalOption(a, branch, branch + 1, name);
    if (picked.literal.kind !== 'str' || !LOCAL_DSN.test(picked.literal.value)) {
      addDsnOptions(a, context, picked, picked.value, picked.key);
    }
  }
}

/**
 * The password and TLS switches of a DSN option, reported at `value` and `key`. One written as an f-string or
 * template, or the string a same-file function returns, is read as the text it makes for its password alone
 * (`sqlInterpolatedDsns.ts`; `sqlTlsBuilt.ts` reads the TLS switches of built strings), and not where it names a local server.
 */
export function addDsnOptions(a: CodeAnalyzer, context: OptionContext, dsn: OptionOccurrence, value: Span, key: Span): void {
  const text = writtenDsnText(a, ...a.tokensOf(dsn.value));
  if (text === undefined) {
    addDsnPassword(context, dsn.literal, value, key);
  } else if (!LOCAL_DSN.test(text)) {
    addWrittenPassword(context, text, value, key);
  }
}

export function addDsnPassword(context: OptionContext, literal: Literal, value: Span, key: Span): void {
  // go-sql-driver/mysql's `tls=skip-verify` accepts any certificate, as `InsecureSkipVerify: true` does.
  // JDBC: MySQL Connector/J's `verifyServerCertificate=false`, PgJDBC's `NonValidatingFactory`.
  if (literal.kind === 'str' && /[?&]tls=skip-verify(?:&|$)|[?&;]verifyServerCertificate=false\b|[?&;]sslfactory=org\.postgresql\.ssl\.NonValidatingFactory\b/i.test(literal.value)) {
    context.options.push({ name: 'InsecureSkipVerify', norm: 'insecureskipverify', key, value, literal: { kind: 'bool', value: true }, removal: value });
  }
  // `sslmode=disable`, Connector/J's `sslMode=DISABLED` or `useSSL=false`: no TLS at all (`sqlTls.ts`).
  const tlsOff = literal.kind === 'str' ? dsnTlsDisabled(literal.value, key, value) : undefined;
  if (tlsOff) {
    context.options.push(tlsOff);
  }
  if (literal.kind === 'str') {
    addWrittenPassword(context, literal.value, value, key);
  }
}

/**
 * Go: a DSN `fmt.Sprintf` builds (`sqlFormattedDsnsGo.ts`), not to a local server: a password that is a literal of
 * the file, reported at that literal, and go-sql-driver/mysql's `tls=skip-verify` in the format, reported there.
 */
export function addFormattedDsnOptions(a: CodeAnalyzer, context: OptionContext, [first, end]: readonly [number, number]): void {
  const dsn = goFormattedDsn(a, first, end);
  if (!dsn || LOCAL_DSN.test(dsn.text)) {
    return;
  }
  const password = dsn.literalOf(dsnPassword);
  if (password && password.value !== '' && !hasUnknownPart(password.value)) {
    const span = a.tokenSpan(password.token);
    context.options.push({ name: 'password', norm: 'password', key: span, value: span, literal: { kind: 'str', value: password.value }, removal: span });
  }
  const skipVerify = SKIP_VERIFY.test(dsn.text) ? dsn.formatToken(SKIP_VERIFY_PARAM) : -1;
  if (skipVerify >= 0) {
    const span = a.tokenSpan(skipVerify);
    context.options.push({ name: 'InsecureSkipVerify', norm: 'insecureskipverify', key: span, value: span, literal: { kind: 'bool', value: true }, removal: span });
  }
}

/** go-sql-driver/mysql's `tls=skip-verify`: TLS that accepts any certificate. */
const SKIP_VERIFY = /[?&]tls=skip-verify(?:&|$)/;
const SKIP_VERIFY_PARAM = /\btls=skip-verify\b/;

/** The password a DSN's text writes in place, as the `password` option (not one an unknown interpolation gives). */
function addWrittenPassword(context: OptionContext, dsn: string, value: Span, key: Span): void {
  const password = dsnPassword(dsn);
  if (password === undefined || hasUnknownPart(password)) {
    return;
  }
  const occurrence: OptionOccurrence = { name: 'password', norm: 'password', key, value, literal: { kind: 'str', value: password }, removal: value };
  context.options.push(occurrence);
}

/** Whether the options name a host on this machine (a literal host, or a connection string that names one). */
export function namesLocalHost(context: OptionContext): boolean {
  return context.options.some((option) => {
    const literal = option.literal;
    if (literal.kind !== 'str') {
      return false;
    }
    return (HOST_OPTIONS.has(option.norm) && LOCAL_HOST.test(literal.value.trim())) || ((DSN_OPTIONS.has(option.norm) || option.norm === 'dsn') && LOCAL_DSN.test(literal.value));
  });
}
