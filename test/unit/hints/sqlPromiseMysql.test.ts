/**
 * promise-mysql, the promise wrapper of `mysql`: its `createConnection` and `createPool` open a connection or a pool
 * with `mysql`'s options, in a class's constructor as in a Lambda handler. The traps: a local object of the same
 * name, and the `query` of the connection it gives.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('JavaScript and TypeScript: promise-mysql connections and pools', () => {
  it('reads createConnection and createPool with their options', () => {
    const provider = sourceLines(
      "const mysql = require('promise-mysql');",
      '',
      'class ReportsProvider {',
      '  constructor(props) {',
      '    this.connection = mysql.createConnection({',
      '      host: props.host,',
      '      user: props.username,',
      '      password: props.password,',
      '      ssl: { rejectUnauthorized: false },',
      '    });',
      '  }',
      '}',
      '',
      "const pool = mysql.createPool({ host: 'orders.cluster-c1x2.eu-west-1.rds.amazonaws.com', user: 'app', password: 'Orders#2025' });",
      'module.exports = { ReportsProvider, pool };',
    );
    assert.deepEqual(hintsIn('src/providers/reports.js', provider), [
      '5:createConnection rds-sql-connection',
      '8:password rds-sql-password',
      '9:ssl rds-sql-tls-verification-off',
      '9:rejectUnauthorized rds-sql-tls-verification-off',
      '14:createPool rds-sql-connection',
      // An Aurora pool with no ssl: mysql connects in clear.
      '14:createPool rds-sql-tls-missing',
      '14:password rds-sql-password',
      '9:rejectUnauthorized rds-sql-tls-verification-off!',
      '14:createPool rds-sql-tls-missing!',
      "14:'Orders#2025' rds-sql-password!",
    ]);
  });

  it('finds the connection a Lambda handler opens on each invocation, and says nothing of a local mysql object', () => {
    const handler = sourceLines(
      "import mysql from 'promise-mysql';",
      '',
      'export const handler = async (event) => {',
      '  const connection = await mysql.createConnection({ host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWORD });',
      "  return connection.query('SELECT * FROM orders WHERE id = ?', [event.pathParameters.id]);",
      '};',
    );
    const hints = hintsIn('handlers/order.ts', handler);
    assert.ok(hints.includes('4:createConnection rds-sql-connection-per-invocation!'), hints.join('\n'));
    const local = sourceLines(
      'const mysql = { createConnection: (settings) => settings };',
      "export const connection = mysql.createConnection({ host: 'localhost', password: 'x' });",
    );
    assert.deepEqual(hintsIn('lib/fake.ts', local), []);
  });
});
