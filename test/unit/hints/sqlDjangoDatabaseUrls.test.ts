/**
 * Django `DATABASES` entries that dj-database-url makes from a URL (`code/sqlDjango.ts`, `code/sqlSettings.ts`):
 * `dj_database_url.config(…)` (the URL in `$DATABASE_URL`, or its `default=`) and `dj_database_url.parse(url)` get
 * the `rds-sql-connection` hover on the entry's key, their URL read as a connection string (a literal password to
 * RDS is a finding, `sslmode=disable` in it too). Silent: a SQLite URL, another library's `config()`, a shadowed name.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function sql(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));
}

describe('Django DATABASES made by dj-database-url', () => {
  it('reads config() from the environment and parse() of a literal URL with its password', () => {
    const code = sourceLines(
      'import dj_database_url',
      '',
      'DATABASES = {',
      '    "default": dj_database_url.config(conn_max_age=600, ssl_require=True),',
      '}',
      'DATABASES["reports"] = dj_database_url.parse("postgres://reports:Rep0rts-2024@reports.c1a2b3.eu-west-1.rds.amazonaws.com:5432/reports")',
    );
    const found = sql('settings/production.py', code);
    assert.ok(found.includes('4:"default" rds-sql-connection'), found.join('\n'));
    assert.ok(found.includes('6:"reports" rds-sql-connection'), found.join('\n'));
    assert.ok(found.some((hint) => hint.startsWith('6:') && hint.endsWith('rds-sql-password!')), found.join('\n'));
  });

  it('reads the default URL of config() under an alias', () => {
    const code = sourceLines(
      'import dj_database_url as db_url',
      '',
      'DATABASES = {"default": db_url.config(default="mysql://app:Sh0p-Secret@shop.c1a2b3.us-east-1.rds.amazonaws.com/shop")}',
    );
    const found = sql('settings.py', code);
    assert.ok(found.includes('3:"default" rds-sql-connection'), found.join('\n'));
    assert.ok(found.some((hint) => hint.startsWith('3:') && hint.endsWith('rds-sql-password!')), found.join('\n'));
  });

  it('stays silent on SQLite, another config(), and a shadowed module name', () => {
    const sqlite = sourceLines('import dj_database_url', 'DATABASES = {"default": dj_database_url.config(default="sqlite:///db.sqlite3")}');
    assert.deepEqual(sql('settings.py', sqlite), []);
    const other = sourceLines('import decouple', 'DATABASES = {"default": decouple.config("DATABASE")}');
    assert.deepEqual(sql('settings.py', other), []);
    const shadowed = sourceLines(
      'import dj_database_url',
      'def databases(dj_database_url):',
      '    DATABASES = {"default": dj_database_url.config()}',
      '    return DATABASES',
    );
    assert.deepEqual(sql('settings.py', shadowed), []);
  });
});
