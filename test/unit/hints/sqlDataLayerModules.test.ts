/**
 * `rds-sql-connection-per-invocation` two modules down (workspace mode): a Lambda handler calls a data-layer
 * function of another JavaScript module (`runReport(...)`), which opens a pool on each call through a factory of a
 * third module (`const pool = await openReportsPool()`, a `new Pool(...)` it returns) and ends it. The finding
 * is at the handler's call. Silent: a data-layer function that keeps its pool in a module-level name, also as
 * `pool = pool || (await openReportsPool())`, and the same files without the workspace.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

const DB = sourceLines(
  "const { Pool } = require('pg');",
  '',
  'const openReportsPool = async () => {',
  '  return new Pool({ host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWORD, max: 2 });',
  '};',
  '',
  'module.exports = { openReportsPool };',
);

const REPORTS = sourceLines(
  "const { escapeIdentifier } = require('pg');",
  "const { openReportsPool } = require('../db');",
  '',
  'const runReport = async (table, limit) => {',
  '  const pool = await openReportsPool();',
  '  const { rows } = await pool.query(`SELECT * FROM ${escapeIdentifier(table)} LIMIT $1`, [limit]);',
  '  await pool.end();',
  '  return rows;',
  '};',
  '',
  'let kept;',
  '',
  'const runKeptReport = async (table, limit) => {',
  '  kept = kept || (await openReportsPool());',
  '  const { rows } = await kept.query(`SELECT * FROM ${escapeIdentifier(table)} LIMIT $1`, [limit]);',
  '  return rows;',
  '};',
  '',
  'module.exports = { runReport, runKeptReport };',
);

const handler = (name: string) => sourceLines(`const { ${name} } = require('./data/reports');`, '', 'exports.handler = async (event) => {', `  return ${name}(event.table, 50);`, '};');

function perInvocation(files: Record<string, string>, file: string, workspace?: null): string[] {
  return hintsOfFile(files, file, workspace).filter((hint) => hint.endsWith('rds-sql-connection-per-invocation!'));
}

describe('SQL pools a Lambda data layer opens through a third module (workspace mode)', () => {
  const files = { 'app/db.js': DB, 'app/data/reports.js': REPORTS, 'app/report.js': handler('runReport'), 'app/kept.js': handler('runKeptReport') };

  it('reports the handler\'s call of a data-layer function whose pool another module opens on each call', () => {
    assert.deepEqual(perInvocation(files, 'app/report.js'), ['4:runReport rds-sql-connection-per-invocation!']);
    assert.deepEqual(perInvocation(files, 'app/report.js', null), []);
  });

  it('stays silent for a data-layer function that keeps its pool, also behind a parenthesised fallback', () => {
    assert.deepEqual(perInvocation(files, 'app/kept.js'), []);
  });
});
