/**
 * `sslmode` switched off in the Python settings that frameworks hand to psycopg (`rds-sql-tls-disabled`), where the
 * code shows the connection's host:
 *
 * - Django: a `DATABASES` entry's `"OPTIONS": {"sslmode": "disable"}` beside its `"HOST"`. The PostgreSQL backend
 *   starts psycopg's connection parameters from `OPTIONS` and adds `HOST` to them (`get_connection_params`,
 *   https://github.com/django/django/blob/main/django/db/backends/postgresql/base.py).
 * - SQLAlchemy: `create_engine(url, connect_args={"sslmode": "disable"})`, whose `connect_args` go to the DBAPI's
 *   `connect()` as keyword arguments (https://docs.sqlalchemy.org/en/20/core/engines.html#custom-dbapi-connect-arguments-on-connect-routines).
 *
 * As for built connection strings (`sqlTlsBuilt.ts`), only a host that is visibly RDS gets the finding, and test
 * code nothing.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { OptionContext } from '../model';
import { inTestCode } from './testFixtures';
import { tlsDisabledOption } from './sqlTls';
import { valueIsRds } from './sqlTlsBuilt';

/** The settings' `sslmode` switched off to a visibly RDS host, other than at `covered` (a driver call's option). */
export function settingsTlsContexts(a: CodeAnalyzer, covered: ReadonlySet<number>): OptionContext[] {
  if (a.language.family !== 'python' || !a.text.includes('sslmode')) {
    return [];
  }
  const contexts: OptionContext[] = [];
  for (let k = 0; k + 2 < a.tokens.length; k++) {
    // `"sslmode": "disable"` as a dict's entry.
    if (!a.isString(k) || a.tokens.text(k) !== 'sslmode' || !a.is(k + 1, ':') || !a.isString(k + 2) || a.tokens.text(k + 2).toLowerCase() !== 'disable') {
      continue;
    }
    const open = a.parent[k];
    const host = open > 1 && a.is(open, '{') && !covered.has(a.tokens.starts[k + 2]) ? hostOf(a, open) : undefined;
    if (host && valueIsRds(a, host.from, host.to, host.url) && !inTestCode(a, k)) {
      const value = a.tokenSpan(k + 2);
      contexts.push({ kind: 'sql-client', type: 'dsn', options: [tlsDisabledOption(a.tokenSpan(k), value, true)], complete: false, anchor: value });
    }
  }
  return contexts;
}

/** The host the dict at `open` connects to: its Django entry's `"HOST"`, or the URL of the `create_engine` it is `connect_args` of. */
function hostOf(a: CodeAnalyzer, open: number): { from: number; to: number; url: boolean } | undefined {
  const outer = a.parent[open];
  if (a.is(open - 1, ':') && a.isString(open - 2) && a.tokens.text(open - 2) === 'OPTIONS' && outer >= 0 && a.is(outer, '{')) {
    const entry = segments(a, outer).find(([from, to]) => to > from + 2 && a.isString(from) && a.tokens.text(from) === 'HOST' && a.is(from + 1, ':'));
    return entry && { from: entry[0] + 2, to: entry[1], url: false };
  }
  if (a.is(open - 1, '=') && a.idIs(open - 2, 'connect_args') && outer >= 0 && a.is(outer, '(') && a.idIs(outer - 1, 'create_engine')) {
    const [url] = segments(a, outer);
    return url && !a.is(url[0] + 1, '=') ? { from: url[0], to: url[1], url: true } : undefined;
  }
  return undefined;
}
