/**
 * A JavaScript SQL pool's options variable completed key by key before the driver is given it: a conditional
 * object then `poolConfig.ssl = { rejectUnauthorized: false }`, or a literal then `config.password = '...'`. The
 * traps: a key set after the pool is made (the driver has copied its options by then), a key set on another
 * variable of the same name in another function, and a variable the file never passes to a driver.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('JavaScript: options a SQL pool gets through assignments to its options variable', () => {
  it('reads the keys assigned before the pool is made, a conditional object included', () => {
    const store = sourceLines(
      "const { Pool } = require('pg');",
      '',
      'let pool;',
      'const ready = (async () => {',
      '  const url = process.env.DATABASE_URL || null;',
      '  const poolConfig = url ? { connectionString: url } : {};',
      '  if (url) poolConfig.ssl = { rejectUnauthorized: false };',
      '  pool = new Pool(poolConfig);',
      '})();',
      '',
      'function reportingPool() {',
      "  const config = { host: 'reports.cluster-ro-c1x2.eu-west-1.rds.amazonaws.com', user: 'reports' };",
      "  config.password = 'Reports#2025';",
      '  return new Pool(config);',
      '}',
      'module.exports = { ready, reportingPool };',
    );
    assert.deepEqual(hintsIn('lib/store.js', store), [
      '7:ssl rds-sql-tls-verification-off',
      '7:rejectUnauthorized rds-sql-tls-verification-off',
      '8:Pool rds-sql-connection',
      '13:password rds-sql-password',
      '14:Pool rds-sql-connection',
      // No ssl is assigned to the reporting pool's options: node-postgres connects to RDS in clear.
      '14:Pool rds-sql-tls-missing',
      '7:rejectUnauthorized rds-sql-tls-verification-off!',
      "13:'Reports#2025' rds-sql-password!",
      '14:Pool rds-sql-tls-missing!',
    ]);
  });

  it('says nothing of a key set after the pool is made, in another function, or on an object no driver is given', () => {
    const store = sourceLines(
      "const mysql = require('mysql2/promise');",
      '',
      'function makePool() {',
      '  const settings = { host: process.env.DB_HOST, user: process.env.DB_USER };',
      '  const pool = mysql.createPool(settings);',
      '  settings.ssl = { rejectUnauthorized: false };',
      '  return pool;',
      '}',
      '',
      'function describe() {',
      '  const settings = {};',
      "  settings.password = 'not-a-pool-setting';",
      '  return settings;',
      '}',
      'module.exports = { makePool, describe };',
    );
    assert.deepEqual(hintsIn('lib/pool.js', store), ['5:createPool rds-sql-connection']);
  });
});
