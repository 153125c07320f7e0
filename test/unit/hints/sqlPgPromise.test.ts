/**
 * pg-promise's Database (`code/sqlPgPromise.ts`): `pgp(connection)`, where `pgp` holds what the library's
 * initializer returned (`require('pg-promise')(options)`, `pgPromise()` of an ES import), opens a node-postgres
 * pool, so its connection object reads as `pg`'s: a literal password, `rejectUnauthorized: false`, `ssl: false` to an
 * RDS host, and a Database a Lambda handler makes on each invocation. Silent: the initializer's own call, the
 * library's helpers (`pgp.as.format`, `pgp.helpers.insert`), a wrapper that passes its parameter on, a shadowed
 * name, a local test database, and a `pgp` that holds something else.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function sql(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));
}

function findings(fileName: string, code: string): string[] {
  return sql(fileName, code).filter((hint) => hint.endsWith('!'));
}

const AURORA = 'ledger.cluster-c9d8e7.us-east-2.rds.amazonaws.com';

describe('pg-promise connections to RDS', () => {
  it('reads pgp(connection) of require(\'pg-promise\')(options) with the object a name holds', () => {
    const db = sourceLines(
      "'use strict';",
      "const pgp = require('pg-promise')({ capSQL: true });",
      '',
      'const connection = {',
      `  host: '${AURORA}',`,
      "  database: 'ledger',",
      "  user: 'ledger_app',",
      "  password: 'Ledger2024!',",
      '  ssl: { rejectUnauthorized: false },',
      '  max: 10,', // 10
      '};',
      '',
      'const db = pgp(connection);',
      'pgp.pg.types.setTypeParser(1082, (val) => val);',
      '',
      'module.exports = {',
      "  byId: (id) => db.oneOrNone('SELECT * FROM entries WHERE id = $1', [id]),",
      "  insert: (rows) => db.none(pgp.helpers.insert(rows, ['id', 'amount'], 'entries')),",
      '};',
    );
    assert.deepEqual(findings('src/lib/db.js', db), ["8:'Ledger2024!' rds-sql-password!", '9:rejectUnauthorized rds-sql-tls-verification-off!']);
    const hovers = sql('src/lib/db.js', db);
    assert.ok(hovers.includes('13:pgp rds-sql-connection'), hovers.join('\n'));
    // The initializer's call and the library's helpers open nothing.
    assert.ok(!hovers.some((hint) => /^(?:2|14|17|18):/.test(hint)), hovers.join('\n'));
  });

  it('reads pgp(connection) of an ES default import, also a connection string and ssl: false', () => {
    const esm = sourceLines(
      "import pgPromise from 'pg-promise';",
      "import { config } from './config';",
      '',
      'const pgp = pgPromise({ schema: config.schema });',
      '',
      'export const db = pgp({',
      '  host: config.dbHost,',
      '  port: 5432,',
      '  ssl: false,',
      '});', // 10
    );
    const hovers = sql('src/db/index.ts', esm);
    assert.ok(hovers.includes('6:pgp rds-sql-connection'), hovers.join('\n'));
    assert.ok(!hovers.some((hint) => hint.startsWith('4:')));
    const url = sourceLines(
      "import pgPromise from 'pg-promise';",
      '',
      'const pgp = pgPromise();',
      `export const db = pgp('postgres://reporter:Rep0rts2024@${AURORA}:5432/ledger');`,
    );
    assert.deepEqual(findings('src/db.ts', url), [`4:'postgres://reporter:Rep0rts2024@${AURORA}:5432/ledger' rds-sql-password!`]);
    const required = sourceLines(
      "const pgPromise = require('pg-promise');",
      "const pgp = pgPromise({ error: (err) => console.error(err) });",
      `const db = pgp({ host: '${AURORA}', ssl: false });`,
      'module.exports = db;',
    );
    assert.deepEqual(findings('db.js', required), ['3:ssl rds-sql-tls-disabled!']);
  });

  it('reports a Database a Lambda handler makes on each invocation, not one kept at module level', () => {
    const handler = sourceLines(
      "const pgp = require('pg-promise')();",
      '',
      'exports.handler = async (event) => {',
      '  const db = pgp({ host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWORD });',
      "  const rows = await db.any('SELECT * FROM entries WHERE account = $1', [event.account]);",
      '  return { statusCode: 200, body: JSON.stringify(rows) };',
      '};',
    );
    assert.deepEqual(findings('src/handler.js', handler), ['4:pgp rds-sql-connection-per-invocation!']);
    const kept = sourceLines(
      "const pgp = require('pg-promise')();",
      'const db = pgp(process.env.DATABASE_URL);',
      '',
      'exports.handler = async (event) => {',
      "  return db.any('SELECT * FROM entries WHERE account = $1', [event.account]);",
      '};',
    );
    assert.deepEqual(findings('src/handler.js', kept), []);
    assert.deepEqual(sql('src/handler.js', kept), ['2:pgp rds-sql-connection']);
  });

  it('keeps quiet on a wrapper, a shadowed or other pgp, the library object itself, and a local test database', () => {
    const wrapper = sourceLines("const pgp = require('pg-promise')();", '', 'module.exports = function makeDb(cn) {', '  return pgp(cn);', '};');
    assert.deepEqual(sql('src/db.js', wrapper), []);
    const shadowed = sourceLines(
      "const pgp = require('pg-promise')();",
      '',
      'function format(pgp, query) {',
      '  return pgp(query);',
      '}',
      'module.exports = { format, pgp };',
    );
    assert.deepEqual(sql('src/format.js', shadowed), []);
    // The library object, not initialized: calling it initializes, it opens nothing.
    const uninitialized = sourceLines("import pgPromise from 'pg-promise';", '', 'export const pgp = pgPromise({ capSQL: true });', 'export const as = pgp.as;');
    assert.deepEqual(sql('src/pgp.ts', uninitialized), []);
    // A `pgp` that holds another call's result.
    const other = sourceLines("import pgPromise from 'pg-promise';", "import { build } from './build';", '', 'const pgp = build(pgPromise);', 'export const db = pgp({ ssl: false });');
    assert.deepEqual(sql('src/db.ts', other), []);
    const test = sourceLines(
      "const pgp = require('pg-promise')();",
      "const db = pgp('postgres://postgres:postgres@localhost:5432/test');",
      "it('reads', async () => { await db.any('SELECT 1'); });",
    );
    assert.deepEqual(sql('test/db.test.js', test), []);
  });
});
