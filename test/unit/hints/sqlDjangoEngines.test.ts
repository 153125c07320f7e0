/**
 * Django `DATABASES` entries whose `ENGINE` a module-level name holds (`code/sqlDjangoEngines.ts`): a name whose every
 * assignment in the file is a server backend's string is that backend, even when a flag switches it; django-iam-dbauth's
 * backends sign in to RDS with an IAM token, so their entries' options are read whatever the host. A name from the
 * environment, from a function or naming SQLite stays silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const sql = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));

describe('Django DATABASES engines held by names', () => {
  it('reads an entry whose ENGINE is a module constant a flag switches to django-iam-dbauth', () => {
    const code = sourceLines(
      'from .secrets import read_secret',
      '',
      'ENGINE = "django.db.backends.postgresql"',
      'if read_secret("IAM") == "True":',
      '    ENGINE = "django_iam_dbauth.aws.postgresql"',
      '',
      'DATABASES = {',
      '    "default": {"ENGINE": ENGINE, "HOST": read_secret("DB_HOST"), "OPTIONS": {"sslmode": "disable"}},',
      '}',
    );
    // The plain backend may connect anywhere: the hover alone, its options unread.
    assert.deepEqual(sql('settings/database.py', code), ['8:"default" rds-sql-connection']);
  });

  it("reads django-iam-dbauth's entries as RDS, whose options are read whatever the host", () => {
    const code = sourceLines(
      'import os',
      '',
      'REPORTS_ENGINE = "django_iam_dbauth.aws.postgresql"',
      '',
      'DATABASES = {}',
      'DATABASES["reports"] = {',
      '    "ENGINE": REPORTS_ENGINE,',
      '    "HOST": os.environ["REPORTS_HOST"],',
      '    "OPTIONS": {"use_iam_auth": True, "sslmode": "verify-full", "sslrootcert": "/opt/certs/global-bundle.pem"},',
      '}',
    );
    assert.deepEqual(sql('settings/reports.py', code), ['6:"reports" rds-sql-connection', '9:"sslmode" rds-sql-tls-verification-off', '9:"sslrootcert" rds-sql-tls-verification-off']);
  });

  it('gives nothing for an ENGINE from the environment, set inside a function, or naming SQLite', () => {
    const code = sourceLines(
      'import os',
      '',
      'FROM_ENV = os.environ.get("DB_ENGINE", "django.db.backends.postgresql")',
      'LOCAL = "django.db.backends.sqlite3"',
      'PICKED = "django.db.backends.mysql"',
      '',
      'def pick():',
      '    global PICKED',
      '    PICKED = "django.db.backends.postgresql"',
      '',
      'DATABASES = {',
      '    "default": {"ENGINE": FROM_ENV, "HOST": "db.internal"},',
      '    "local": {"ENGINE": LOCAL, "NAME": "dev.sqlite3"},',
      '    "picked": {"ENGINE": PICKED, "HOST": "db.internal"},',
      '}',
    );
    assert.deepEqual(sql('settings/base.py', code), []);
  });
});
