/**
 * INI settings files (`config/iniSettings.ts`): the sections of a `database.ini`, `alembic.ini`, `.cfg` or `my.cnf`
 * that name an RDS or ElastiCache endpoint are read as the connections a Python loader hands to psycopg2 or redis-py;
 * every other section, and every other `.ini` file, stays silent.
 */
import * as assert from 'node:assert/strict';
import { documentKind, HINT_FILE_GLOB, PATTERN_ONLY_GLOBS } from '../../../src/hints/engine/documentKinds';
import { hintsIn, hoverAt, sourceLines } from './support';

const RDS = 'ledger.c7k2p9x4q1mz.eu-west-1.rds.amazonaws.com';
const CACHE = 'ledger-cache.q8w2e4.0001.euw1.cache.amazonaws.com';

describe('INI settings files', () => {
  it('are selected by name: connection settings, not tool settings', () => {
    for (const name of ['config/database.ini', 'db.ini', 'settings.cfg', 'config.ini', 'alembic.ini', 'databaseAWSRDS.ini', 'redis.cfg', 'etc/my.cnf', 'rds_settings.ini']) {
      assert.equal(documentKind(undefined, name), 'ini', name);
    }
    for (const name of ['pytest.ini', 'tox.ini', 'setup.cfg', 'venv/pyvenv.cfg', 'php.ini', 'config/nginx-app.conf', 'redis.conf', 'uwsgi.ini', 'mypy.ini']) {
      assert.notEqual(documentKind(undefined, name), 'ini', name);
    }
    assert.ok(PATTERN_ONLY_GLOBS.includes('**/*database*.ini') && PATTERN_ONLY_GLOBS.includes('**/alembic*.ini'));
    assert.ok(HINT_FILE_GLOB.includes(',*db*.cfg,') && !/\{[^}]*\{/.test(HINT_FILE_GLOB.slice(4)));
  });

  it('read a ConfigParser section to an RDS endpoint: the connection, and a literal password as a finding', () => {
    const ini = sourceLines('[postgresql]', `host=${RDS}`, 'database=ledger', 'user=ledger_app', 'password=Ledg3rPass', 'port=5432');
    assert.deepEqual(hintsIn('config/database.ini', ini).sort(), ['2:host rds-sql-connection', '5:Ledg3rPass rds-sql-password!', '5:password rds-sql-password'].sort());
  });

  it('report sslmode=disable to RDS, and keep a placeholder password from the findings', () => {
    const ini = sourceLines('[rds]', `host = ${RDS}`, 'password = <FROM_SECRETS_MANAGER>', 'sslmode = disable');
    const hints = hintsIn('config/settings.ini', ini);
    assert.ok(hints.includes('4:sslmode rds-sql-tls-disabled!'), hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.endsWith('rds-sql-password!')), hints.join('\n'));
    // `require` encrypts without verifying the server: a hover, no finding.
    const require = hintsIn('config/database.ini', sourceLines('[rds]', `host = ${RDS}`, 'sslmode = require'));
    assert.ok(require.includes('3:sslmode rds-sql-tls-verification-off') && !require.some((hint) => hint.endsWith('!')), require.join('\n'));
  });

  it('read a Redis section to ElastiCache: TLS missing as a hover, a password without TLS as findings', () => {
    const ini = sourceLines('[redis]', `host = ${CACHE}`, 'port = 6379', 'password = c4che-t0ken');
    const hints = hintsIn('config/database.ini', ini);
    assert.ok(hints.includes('2:host redis-tls'), hints.join('\n'));
    assert.ok(hints.includes('4:c4che-t0ken redis-password!'), hints.join('\n'));
    assert.ok(hints.some((hint) => hint.endsWith('redis-auth-without-tls!')), hints.join('\n'));
  });

  it('take ssl = True (and a rediss:// URL) as TLS on, and ssl_cert_reqs = none as verification off', () => {
    const on = hintsIn('config.ini', sourceLines('[cache]', `redis_host = ${CACHE}`, 'redis_password = ${REDIS_AUTH}', 'redis_ssl = True'));
    assert.ok(!on.some((hint) => hint.endsWith('!')), on.join('\n'));
    const url = hintsIn('config.ini', sourceLines('[cache]', `redis_url = rediss://${CACHE}:6379/0`));
    assert.ok(!url.some((hint) => hint.endsWith('!') || hint.includes('redis-tls')), url.join('\n'));
    const lax = hintsIn('config.ini', sourceLines('[cache]', `host = ${CACHE}`, 'ssl = true', 'ssl_cert_reqs = none'));
    assert.ok(lax.some((hint) => hint.startsWith('4:') && hint.endsWith('redis-tls!')), lax.join('\n'));
  });

  it("read Alembic's sqlalchemy.url and a Flask .cfg's URI to RDS", () => {
    const alembic = hintsIn('alembic.ini', sourceLines('[alembic]', 'script_location = migrations', `sqlalchemy.url = postgresql+psycopg2://ledger:Ledg3rPass@${RDS}:5432/ledger`));
    assert.ok(alembic.includes('3:sqlalchemy.url rds-sql-connection'), alembic.join('\n'));
    // The password is reported on the URL that holds it, as in code.
    assert.ok(alembic.some((hint) => hint.startsWith('3:postgresql+psycopg2://') && hint.endsWith('rds-sql-password!')), alembic.join('\n'));
    const flask = hintsIn('db.cfg', sourceLines(`SQLALCHEMY_DATABASE_URI = 'mysql+pymysql://shop:Sh0pPass@${RDS}/shop'`, "SECRET_KEY = 'dev'"));
    assert.ok(flask.some((hint) => hint.startsWith('1:mysql+pymysql://') && hint.endsWith('rds-sql-password!')), flask.join('\n'));
  });

  it("read MySQL's option file as Django's read_default_file names it", () => {
    const hints = hintsIn('deploy/my.cnf', sourceLines('[client]', `host = ${RDS}`, 'user = shop', 'password = Sh0pPass', 'ssl-mode = DISABLED'));
    assert.ok(hints.includes('2:host rds-sql-connection') && hints.includes('4:Sh0pPass rds-sql-password!') && hints.includes('5:ssl-mode rds-sql-tls-disabled!'), hints.join('\n'));
  });

  it('keep prefixed keys apart: a db_ password belongs to the database, not to the cache beside it', () => {
    const ini = sourceLines('[DEFAULT]', `db_host = ${RDS}`, 'db_password = Ledg3rPass', `cache_host = ${CACHE}`);
    const hints = hintsIn('settings.ini', ini);
    assert.ok(hints.includes('3:Ledg3rPass rds-sql-password!'), hints.join('\n'));
    assert.ok(hints.includes('4:cache_host redis-tls') && !hints.some((hint) => hint.includes('redis-password')), hints.join('\n'));
  });

  it('stay silent on what is no RDS or ElastiCache connection', () => {
    const silent = [
      sourceLines('[postgresql]', 'host=localhost', 'database=ledger', 'user=postgres', 'password=postgres'),
      sourceLines('[postgresql]', 'host=203.0.113.40', 'password=Ledg3rPass', 'port=5472'),
      sourceLines('[warehouse]', 'host = ledger.abc123.eu-west-1.redshift.amazonaws.com', 'port = 5439', 'password = Wareh0use'),
      sourceLines('[sessions]', 'host = ledger-sessions.q8w2e4.cfg.euw1.cache.amazonaws.com', 'port = 11211', 'password = none-needed'),
      sourceLines('[memcached]', `host = ${CACHE}`),
      sourceLines('[redis]', 'redis_url=redis://<redis_url>'),
      sourceLines('[postgresql]', 'host=', 'password=Ledg3rPass'),
      sourceLines('[alembic]', 'sqlalchemy.url = postgresql://ledger:Ledg3rPass@localhost/ledger'),
      // A value continued on an indented line is not what its first line shows.
      sourceLines('[postgresql]', 'host =', `    ${RDS}`, 'password=Ledg3rPass'),
    ];
    for (const ini of silent) {
      assert.deepEqual(hintsIn('config/database.ini', ini), [], ini);
    }
    assert.deepEqual(hintsIn('tests/Unit/database.ini', sourceLines('[postgresql]', `host=${RDS}`, 'password=Ledg3rPass')), []);
  });

  it("show Python's example on the endpoint's hover", () => {
    const markdown = hoverAt('config/database.ini', sourceLines('[postgresql]', `host=${RDS}`, 'password=${DB_PASSWORD}'), 'host');
    assert.match(markdown, /```python/);
  });
});
