/**
 * `rds-sql-tls-missing` (`code/sqlTlsMissing.ts`): a connection to RDS with a driver that connects in clear unless
 * told otherwise (node-postgres, mysql2, mysql, porsager's `postgres`, PyMySQL, aiomysql, pg8000) and no TLS asked for.
 * Silent: any `ssl` or `ssl_*` option, a connection string, options the code does not show, a host that is not
 * visibly RDS, `PGSSLMODE`, test code, and the drivers that try TLS by default.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'rds-sql-tls-missing';

const tls = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.includes(` ${RULE}`));

describe('SQL connections to RDS that never ask for TLS', () => {
  it('reports a node-postgres pool to an Aurora endpoint with no ssl, where the finding is, with its hover', () => {
    const db = sourceLines(
      "import { Pool } from 'pg';",
      '',
      'export const pool = new Pool({',
      "  host: 'orders.cluster-c1x2y3.eu-west-1.rds.amazonaws.com',",
      '  user: process.env.DB_USER,',
      '  password: process.env.DB_PASSWORD,',
      '  max: 2,',
      '});',
    );
    assert.deepEqual(tls('src/db.ts', db), [`3:Pool ${RULE}`, `3:Pool ${RULE}!`]);
  });

  it('reports mysql2 and mysql pools and a PyMySQL connection whose host is read under an RDS name', () => {
    const mysql2 = sourceLines("const mysql = require('mysql2/promise');", 'module.exports = mysql.createPool({ host: process.env.RDS_HOSTNAME, user: process.env.RDS_USERNAME, password: process.env.RDS_PASSWORD });');
    assert.deepEqual(tls('src/db.js', mysql2), [`2:createPool ${RULE}`, `2:createPool ${RULE}!`]);
    const legacy = sourceLines("const mysql = require('mysql');", 'const connection = mysql.createConnection({ host: process.env.RDS_HOSTNAME, user: process.env.RDS_USERNAME });');
    assert.deepEqual(tls('src/db.js', legacy), [`2:createConnection ${RULE}`, `2:createConnection ${RULE}!`]);
    const pymysql = sourceLines('import os', 'import pymysql', '', 'conn = pymysql.connect(host=os.environ["RDS_HOSTNAME"], user="app", password=os.environ["DB_PASSWORD"], database="shop")');
    assert.deepEqual(tls('ledger.py', pymysql), [`4:connect ${RULE}`, `4:connect ${RULE}!`]);
    const pg8000 = sourceLines('import os', 'import pg8000.native', '', 'conn = pg8000.native.Connection(host=os.environ["RDS_HOSTNAME"], user="app", password=os.environ["DB_PASSWORD"])');
    assert.deepEqual(tls('ledger.py', pg8000), [`4:Connection ${RULE}`, `4:Connection ${RULE}!`]);
    const secured = sourceLines('import os', 'import ssl', 'import pg8000', 'conn = pg8000.connect(host=os.environ["RDS_HOSTNAME"], user="app", ssl_context=ssl.create_default_context())');
    assert.deepEqual(tls('ledger.py', secured), []);
  });

  it('reads a host passed as a name the code binds once to a value named for RDS, and not one bound to another', () => {
    const held = sourceLines(
      'import os',
      'import pymysql',
      '',
      'def open_db(params):',
      "    host = params['/shop/rds_host']",
      '    password = params["/shop/db_password"]',
      '    return pymysql.connect(host=host, user="app", password=password, database="shop")',
    );
    assert.deepEqual(tls('helpers/db.py', held), [`7:connect ${RULE}`, `7:connect ${RULE}!`]);
    const constant = sourceLines('import os', 'import pymysql', 'HOST = os.environ["AURORA_WRITER"]', 'conn = pymysql.connect(host=HOST, user="app")');
    assert.deepEqual(tls('ledger.py', constant), [`4:connect ${RULE}`, `4:connect ${RULE}!`]);
    const other = sourceLines('import os', 'import pymysql', '', 'def open_db(params):', "    host = params['/shop/db_host']", '    return pymysql.connect(host=host, user="app")');
    assert.deepEqual(tls('helpers/db.py', other), []);
    const twice = sourceLines('import os', 'import pymysql', '', 'def open_db(params, local):', "    host = params['/shop/rds_host']", "    if local:", "        host = 'localhost'", '    return pymysql.connect(host=host, user="app")');
    assert.deepEqual(tls('helpers/db.py', twice), []);
  });

  it('keeps quiet where TLS is asked for: ssl in any form, an ssl_* option, a connection string, PGSSLMODE', () => {
    const host = "'orders.cluster-c1x2y3.eu-west-1.rds.amazonaws.com'";
    for (const options of [`host: ${host}, ssl: { ca }`, `host: ${host}, ssl: process.env.DB_SSL === 'true'`, `host: ${host}, ssl: 'Amazon RDS'`, 'connectionString: process.env.DATABASE_URL']) {
      assert.deepEqual(tls('src/db.js', sourceLines("import { Pool } from 'pg';", `export const pool = new Pool({ ${options} });`)), [], options);
    }
    const environment = sourceLines("import { Pool } from 'pg';", "process.env.PGSSLMODE ??= 'verify-full';", `export const pool = new Pool({ host: ${host} });`);
    assert.deepEqual(tls('src/db.js', environment), []);
    const defaults = sourceLines("import pg from 'pg';", 'pg.defaults.ssl = { ca: process.env.RDS_CA };', `export const pool = new pg.Pool({ host: ${host} });`);
    assert.deepEqual(tls('src/db.js', defaults), []);
    for (const option of ['ssl={"ca": "/opt/global-bundle.pem"}', 'ssl_ca="/opt/global-bundle.pem"', 'ssl_verify_identity=True', 'read_default_file="/etc/mysql/app.cnf"']) {
      const code = sourceLines('import os', 'import pymysql', `conn = pymysql.connect(host=os.environ["RDS_HOSTNAME"], user="app", ${option})`);
      assert.deepEqual(tls('ledger.py', code), [], option);
    }
  });

  it('keeps quiet where the options or the server are unknown, in test code, and for drivers that try TLS by default', () => {
    const spread = sourceLines("import { Pool } from 'pg';", "export const pool = new Pool({ ...base, host: 'orders.cluster-c1x2y3.eu-west-1.rds.amazonaws.com' });");
    assert.deepEqual(tls('src/db.js', spread), []);
    const kwargs = sourceLines('import os', 'import pymysql', 'conn = pymysql.connect(host=os.environ["RDS_HOSTNAME"], **settings.DB)');
    assert.deepEqual(tls('ledger.py', kwargs), []);
    // `DB_HOST` may name any server; a literal host of another name is a Compose service or a developer's.
    assert.deepEqual(tls('src/db.js', sourceLines("import { Pool } from 'pg';", 'export const pool = new Pool({ host: process.env.DB_HOST });')), []);
    assert.deepEqual(tls('src/db.js', sourceLines("import { Pool } from 'pg';", "export const pool = new Pool({ host: 'postgres' });")), []);
    const rds = "'orders.cluster-c1x2y3.eu-west-1.rds.amazonaws.com'";
    assert.deepEqual(tls('test/db.test.js', sourceLines("import { Pool } from 'pg';", `const pool = new Pool({ host: ${rds} });`)), []);
    // psycopg2 and asyncpg default to sslmode=prefer: they try TLS first.
    assert.deepEqual(tls('db.py', sourceLines('import psycopg2', `conn = psycopg2.connect(host=${rds}, dbname="app")`)), []);
    assert.deepEqual(tls('db.py', sourceLines('import asyncpg', `pool = await asyncpg.create_pool(host=${rds}, database="app")`)), []);
  });
});
