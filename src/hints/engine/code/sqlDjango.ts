/**
 * Django's `DATABASES` setting (`code/sqlConnections.ts` reads the drivers): each entry whose `ENGINE` is the
 * PostgreSQL or MySQL backend (also GeoDjango's, wrappers' `*.db.backends.postgresql` and django-iam-dbauth's, written
 * or held by a module-level name: `code/sqlDjangoEngines.ts`) is a connection, its
 * key (`"default"`) the hover place. Django hands `USER`, `PASSWORD` and `HOST` to the driver and adds `OPTIONS`
 * to them (https://docs.djangoproject.com/en/5.2/ref/settings/#databases, `get_connection_params` of
 * https://github.com/django/django/blob/main/django/db/backends/postgresql/base.py), so the entry's keys are its
 * options, read as psycopg or mysqlclient reads them.
 *
 * Settings modules keep development databases beside production ones: only an entry whose `HOST` is visibly RDS
 * (an endpoint, a value named for RDS such as Elastic Beanstalk's `RDS_HOSTNAME`), or that signs in with an IAM token, has its options read, so a
 * literal `PASSWORD` counts there alone; another entry keeps the hover on its key, and a test's local database nothing.
 */
import { OptionContext } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd, segments } from './braces';
import { contextFrom } from './options';
import { inTestCode } from './testFixtures';
import { tokensNamed } from './tokenIndex';
import { withLocalPasswords } from './sqlLiterals';
import { valueIsRds } from './sqlTlsBuilt';
import { withTlsDisabled } from './sqlTls';
import { Span } from '../types';
import { djangoBackend } from './sqlDjangoEngines';

/** Hosts on the same machine: `localhost`, a loopback address, or empty (the local socket). */
const LOCAL_HOST = /^(?:|localhost|127\.0\.0\.1|::1)$/i;

/** The value tokens [from, to) of the dict's string key `name`, or undefined. */
function entryValue(a: CodeAnalyzer, open: number, name: string): [number, number] | undefined {
  const entry = segments(a, open).find(([from, to]) => to > from + 2 && a.isString(from) && a.tokens.text(from) === name && a.is(from + 1, ':'));
  return entry && [entry[0] + 2, entry[1]];
}

/** The entries of the file's `DATABASES`: `DATABASES = {"default": …}` or `DATABASES["default"] = …`, as [key, value's first token, value's end]. */
export function entryValues(a: CodeAnalyzer): [number, number, number][] {
  const found: [number, number, number][] = [];
  for (const k of tokensNamed(a, 'DATABASES')) {
    if (a.isAccess(k - 1)) {
      continue;
    }
    if (a.is(k + 1, '=') && a.is(k + 2, '{')) {
      for (const [from, to] of segments(a, k + 2)) {
        if (a.isString(from) && a.is(from + 1, ':') && to > from + 2) {
          found.push([from, from + 2, to]);
        }
      }
    } else if (a.is(k + 1, '[') && a.isString(k + 2) && a.is(k + 3, ']') && a.is(k + 4, '=')) {
      found.push([k + 2, k + 5, expressionEnd(a, k + 5)]);
    }
  }
  return found;
}

/** The database entries written as dicts, as [key, dict's `{`]. */
function entries(a: CodeAnalyzer): [number, number][] {
  return entryValues(a).flatMap(([key, value]): [number, number][] => (a.is(value, '{') && a.partner[value] > value ? [[key, value]] : []));
}

/** dj-database-url's calls that make an entry from a URL (https://github.com/jazzband/dj-database-url#usage). */
const URL_CALLS = new Set(['config', 'parse']);

/**
 * The entries of the file's `DATABASES` that dj-database-url makes from a URL, as [key, URL's tokens]:
 * `dj_database_url.parse(url)`, and `dj_database_url.config(default=url)`, whose URL is `$DATABASE_URL` when set
 * (the URL's tokens are then undefined: not written here).
 */
export function djangoDatabaseUrls(a: CodeAnalyzer): [number, [number, number] | undefined][] {
  if (a.language.family !== 'python' || !a.text.includes('dj_database_url')) {
    return [];
  }
  const found: [number, [number, number] | undefined][] = [];
  for (const [key, value, end] of entryValues(a)) {
    const module = a.id(value);
    const open = value + 3;
    const call = module !== undefined && a.imports.get(module)?.module === 'dj_database_url' && a.scopes.lookup(module, value) === undefined && a.isAccess(value + 1) && URL_CALLS.has(a.tokens.text(value + 2)) && a.is(open, '(') && a.partner[open] + 1 === end;
    if (!call) {
      continue;
    }
    const parse = a.idIs(value + 2, 'parse');
    const argument = segments(a, open).find(([from]) => (parse ? !a.is(from + 1, '=') : a.idIs(from, 'default') && a.is(from + 1, '=')));
    found.push([key, argument && (parse ? argument : [argument[0] + 2, argument[1]])]);
  }
  return found;
}

/** The connections of the file's Django `DATABASES`, and the options of those to RDS. `testFile`: the file is a test's. */
export function djangoDatabases(a: CodeAnalyzer, testFile: boolean): { connections: { name: Span; flavor: 'django' }[]; contexts: OptionContext[] } | undefined {
  if (a.language.family !== 'python' || !(a.text.includes('.db.backends.') || a.text.includes('django_iam_dbauth'))) {
    return undefined;
  }
  const connections: { name: Span; flavor: 'django' }[] = [];
  const contexts: OptionContext[] = [];
  for (const [key, open] of entries(a)) {
    const engine = entryValue(a, open, 'ENGINE');
    const backend = engine && djangoBackend(a, engine[0], engine[1]);
    if (!backend) {
      continue;
    }
    const host = entryValue(a, open, 'HOST');
    // An IAM token signs in to RDS alone, so django-iam-dbauth's backends name RDS whatever the host.
    const rds = backend.iam || (host !== undefined && valueIsRds(a, host[0], host[1], false));
    const testCode = inTestCode(a, key);
    // A test's database on this machine (no HOST is Django's local socket) says nothing about RDS.
    if ((testFile || testCode) && (host === undefined || (host[1] === host[0] + 1 && a.isString(host[0]) && LOCAL_HOST.test(a.tokens.text(host[0]).trim())))) {
      continue;
    }
    const name = a.tokenSpan(key);
    connections.push({ name, flavor: 'django' });
    if (rds) {
      const type = backend.mysql ? 'mysqlclient' : 'psycopg2';
      contexts.push(withTlsDisabled(a, withLocalPasswords(a, contextFrom(a, open, a.partner[open], 'sql-client', type, name)), testCode));
    }
  }
  return connections.length > 0 ? { connections, contexts } : undefined;
}
