/**
 * `rds-sql-connection-per-invocation` through another module's factory of a mysql or mysql2 pool or connection
 * (workspace mode): a Lambda layer or shared module exports `createPool()` that returns `mysql.createPool(...)`
 * (also through a `var` it returns) or `mysql2.createConnection(...)`, and a handler calls it on each invocation.
 * The finding is at the handler's call. Silent: a factory whose pool is kept in a module-level name, a handler
 * that calls the factory outside its body, and the same files without the workspace.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

const LAYER_POOL = sourceLines(
  "import mysql from 'mysql';",
  '',
  'export async function createPool() {',
  '  var pool = mysql.createPool({ host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWORD, database: "shop" });',
  '  return pool;',
  '}',
);

const CONNECTION = sourceLines(
  "const mysql = require('mysql2/promise');",
  '',
  'const openConnection = async () => {',
  '  return mysql.createConnection({ host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWORD });',
  '};',
  '',
  'module.exports = { openConnection };',
);

const KEPT = sourceLines(
  "const mysql = require('mysql2/promise');",
  '',
  'const shared = mysql.createPool({ host: process.env.DB_HOST });',
  'const keptPool = () => shared;',
  '',
  'module.exports = { keptPool };',
);

const LAYER_HANDLER = sourceLines(
  "import { createPool } from '/opt/nodejs/db/pool.mjs';",
  '',
  'export const handler = async (event) => {',
  '  let pool;',
  '  try { pool = await createPool(); }',
  '  catch (error) { return { statusCode: 500 }; }',
  "  return new Promise((resolve) => pool.query('SELECT 1', () => { pool.end(); resolve({ statusCode: 200 }); }));",
  '};',
);

const CONNECTION_HANDLER = sourceLines(
  "const { openConnection } = require('../lib/db');",
  '',
  'exports.handler = async (event) => {',
  '  const conn = await openConnection();',
  "  const [rows] = await conn.query('SELECT id FROM orders WHERE id = ?', [event.id]);",
  '  await conn.end();',
  '  return rows;',
  '};',
);

const OUTSIDE_HANDLER = sourceLines(
  "const { openConnection } = require('../lib/db');",
  '',
  'const ready = openConnection();',
  '',
  'exports.handler = async (event) => {',
  '  const conn = await ready;',
  "  const [rows] = await conn.query('SELECT id FROM orders WHERE id = ?', [event.id]);",
  '  return rows;',
  '};',
);

const KEPT_HANDLER = sourceLines(
  "const { keptPool } = require('../lib/kept');",
  '',
  'exports.handler = async (event) => {',
  "  const [rows] = await keptPool().query('SELECT 1');",
  '  return rows;',
  '};',
);

function perInvocation(files: Record<string, string>, file: string, workspace?: null): string[] {
  return hintsOfFile(files, file, workspace).filter((hint) => hint.endsWith('rds-sql-connection-per-invocation!'));
}

describe('mysql pools and connections a factory of another module opens (workspace mode)', () => {
  const files = {
    'layers/shared/nodejs/db/pool.mjs': LAYER_POOL,
    'functions/orders/index.mjs': LAYER_HANDLER,
    'lib/db.js': CONNECTION,
    'lib/kept.js': KEPT,
    'functions/conn.js': CONNECTION_HANDLER,
    'functions/outside.js': OUTSIDE_HANDLER,
    'functions/kept.js': KEPT_HANDLER,
  };

  it("reports a handler's call of a Lambda layer's factory that returns a new mysql pool", () => {
    assert.deepEqual(perInvocation(files, 'functions/orders/index.mjs'), ['5:createPool rds-sql-connection-per-invocation!']);
    assert.deepEqual(perInvocation(files, 'functions/orders/index.mjs', null), []);
  });

  it("reports a handler's call of a module's factory that returns a new mysql2 connection", () => {
    assert.deepEqual(perInvocation(files, 'functions/conn.js'), ['4:openConnection rds-sql-connection-per-invocation!']);
  });

  it('stays silent for a connection opened outside the handler and for a factory that hands out a kept pool', () => {
    assert.deepEqual(perInvocation(files, 'functions/outside.js'), []);
    assert.deepEqual(perInvocation(files, 'functions/kept.js'), []);
  });
});
