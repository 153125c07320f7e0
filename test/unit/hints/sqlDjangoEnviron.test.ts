/**
 * Django `DATABASES` entries that django-environ makes from a URL (`code/sqlDjangoEnviron.ts`): `env.db()` and
 * `env.db_url()` on an `environ.Env()` instance, and `Env.db_url_config(url)`, also through a module-level name bound
 * once to the call, get the `rds-sql-connection` hover on the entry's key, their URL read as a connection string.
 * Silent: a SQLite URL, another library's `db()`, a name bound twice, a shadowed class.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function sql(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));
}

describe('Django DATABASES made by django-environ', () => {
  it('reads Env.db_url_config() of a URL built from a secret, through the name that holds the entry', () => {
    const code = sourceLines(
      'import json',
      'import os',
      'from environ import Env',
      'from .secrets import read_secret',
      '',
      'creds = json.loads(read_secret(os.environ["DB_SECRET_ARN"]))',
      'db_url = f"postgresql://{creds[\'username\']}:{creds[\'password\']}@{creds[\'host\']}:5432/ledger"',
      'ledger_db = Env.db_url_config(db_url)',
      '',
      'DATABASES = {"default": ledger_db}',
    );
    assert.deepEqual(sql('ledger/settings/aws.py', code), ['10:"default" rds-sql-connection']);
  });

  it('reads env.db() from the environment and env.db_url() with a literal default and its password', () => {
    const code = sourceLines(
      'import environ',
      '',
      'env = environ.Env(DEBUG=(bool, False))',
      '',
      'DATABASES = {',
      '    "default": env.db(),',
      '    "reports": env.db_url("REPORTS_URL", default="mysql://reports:Rep0rt-Pass-7@reports.c9x8y7.eu-west-1.rds.amazonaws.com:3306/reports"),',
      '}',
    );
    const found = sql('shop/settings.py', code);
    assert.ok(found.includes('6:"default" rds-sql-connection'), found.join('\n'));
    assert.ok(found.includes('7:"reports" rds-sql-connection'), found.join('\n'));
    assert.ok(found.some((hint) => hint.startsWith('7:') && hint.endsWith('rds-sql-password!')), found.join('\n'));
  });

  it('stays silent on SQLite, another db(), a name bound twice and a shadowed Env', () => {
    const sqlite = sourceLines('import environ', 'env = environ.Env()', 'DATABASES = {"default": env.db(default="sqlite:///db.sqlite3")}');
    assert.deepEqual(sql('settings.py', sqlite), []);
    const other = sourceLines('import environ', 'from config import store', 'DATABASES = {"default": store.db()}');
    assert.deepEqual(sql('settings.py', other), []);
    const twice = sourceLines(
      'from environ import Env',
      'entry = Env.db_url_config("postgres://app@db.internal/app")',
      'entry = {"ENGINE": "django.db.backends.sqlite3", "NAME": "app.db"}',
      'DATABASES = {"default": entry}',
    );
    assert.deepEqual(sql('settings.py', twice), []);
    const shadowed = sourceLines('from environ import Env', 'def databases(Env):', '    return {"default": Env.db_url_config("postgres://app@db/app")}', 'DATABASES = databases(None)');
    assert.deepEqual(sql('settings.py', shadowed), []);
  });
});
