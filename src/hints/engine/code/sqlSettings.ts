/**
 * SQL connections that Python settings name rather than a call opens (`code/sqlConnections.ts` reads the calls):
 * the entries of Django's `DATABASES` (`sqlDjango.ts`; also those dj-database-url and django-environ make from a URL) and
 * Flask-SQLAlchemy's `SQLALCHEMY_DATABASE_URI` (`sqlOrmPython.ts`), whose URL is read as an engine's: its password,
 * and `sslmode=disable` in it.
 */
import { OptionContext } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { positionalOption } from './options';
import { SqlConnection, SqlFlavor } from './sqlConnections';
import { addDsnOptions, namesLocalHost } from './sqlDsnOptions';
import { djangoDatabases, djangoDatabaseUrls } from './sqlDjango';
import { djangoEnvironUrls } from './sqlDjangoEnviron';
import { flaskDatabaseUris, FlaskUri, urlSetting } from './sqlOrmPython';
import { withTlsDisabled } from './sqlTls';
import { inTestCode } from './testFixtures';

/** Adds the connections and contexts of the file's settings to those of its driver calls. `testFile`: the file is a test's by its path. */
export function withSettingsConnections(a: CodeAnalyzer, found: { connections: SqlConnection[]; contexts: OptionContext[] }, testFile: boolean): typeof found {
  const django = djangoDatabases(a, testFile);
  if (django) {
    found.connections.push(...django.connections);
    found.contexts.push(...django.contexts);
  }
  const uris: [FlaskUri, SqlFlavor][] = flaskDatabaseUris(a).map((uri) => [uri, 'flask-sqlalchemy']);
  for (const [key, url] of [...djangoDatabaseUrls(a), ...djangoEnvironUrls(a)]) {
    const uri = url ? urlSetting(a, key, url[0], url[1], 'django') : { name: key, url: -1, type: 'django' };
    if (uri) {
      uris.push([uri, 'django']);
    }
  }
  for (const [uri, flavor] of uris) {
    const anchor = a.tokenSpan(uri.name);
    const context: OptionContext = { kind: 'sql-client', type: uri.type, options: [], complete: false, anchor };
    if (uri.url >= 0) {
      const dsn = positionalOption(a, uri.url, uri.url + 1, 'dsn');
      context.options.push(dsn);
      addDsnOptions(a, context, dsn, dsn.value, dsn.key);
    }
    // As for a driver's call: a local server keeps the hover alone, and in a test nothing.
    const testCode = inTestCode(a, uri.name);
    if (!namesLocalHost(context)) {
      found.contexts.push(withTlsDisabled(a, context, testCode));
    } else if (testFile || testCode) {
      continue;
    }
    found.connections.push({ name: anchor, flavor });
  }
  return found;
}
