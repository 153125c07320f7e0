/**
 * serverless-mysql: its export called with `{ config }` opens a `mysql` connection with those options, required and
 * called in place or imported and called, its config written in place or held by a name; made inside a Lambda handler
 * it is made on each invocation. The traps: a local function of the same name, and a call with options it cannot see.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('JavaScript and TypeScript: serverless-mysql connections', () => {
  it('reads the config of a required or imported serverless-mysql, in place or held by a name', () => {
    const required = sourceLines(
      "const mysql = require('serverless-mysql')({",
      '  config: {',
      '    host: process.env.DB_HOST,',
      "    user: 'admin',",
      '    password: process.env.DB_PASSWORD,',
      '    ssl: { rejectUnauthorized: false },',
      '  },',
      '});',
      '',
      'exports.handler = async () => {',
      "  const rows = await mysql.query('SELECT 1');",
      '  await mysql.end();',
      '  return rows;',
      '};',
    );
    assert.deepEqual(hintsIn('lambda/index.js', required), [
      "1:require rds-sql-connection",
      '5:password rds-sql-password',
      '6:ssl rds-sql-tls-verification-off',
      '6:rejectUnauthorized rds-sql-tls-verification-off',
      '6:rejectUnauthorized rds-sql-tls-verification-off!',
    ]);
    const imported = sourceLines(
      "import serverlessMysql from 'serverless-mysql';",
      '',
      "const config = { host: 'orders.cluster-c1x2.eu-west-1.rds.amazonaws.com', user: 'app', password: 'Orders#2025' };",
      'export const db = serverlessMysql({ config, maxRetries: 3 });',
    );
    const hints = hintsIn('src/db.ts', imported);
    for (const expected of ['4:serverlessMysql rds-sql-connection', "3:'Orders#2025' rds-sql-password!"]) {
      assert.ok(hints.includes(expected), `${expected}\n${hints.join('\n')}`);
    }
  });

  it('finds the instance a handler makes on each invocation, and says nothing of a local function of the same name', () => {
    const handler = sourceLines(
      "import serverlessMysql from 'serverless-mysql';",
      '',
      'export const handler = async (event: { id: string }) => {',
      '  const db = serverlessMysql({ config: { host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWORD } });',
      "  return db.query('SELECT * FROM orders WHERE id = ?', [event.id]);",
      '};',
    );
    const hints = hintsIn('handlers/order.ts', handler);
    assert.ok(hints.includes('4:serverlessMysql rds-sql-connection-per-invocation!'), hints.join('\n'));
    const local = sourceLines(
      "import { settings } from './settings';",
      'function serverlessMysql(options: object) { return options; }',
      "export const db = serverlessMysql({ config: { host: 'localhost', password: 'x' } });",
      "export const other = require('other-mysql')({ config: { password: settings.password } });",
    );
    assert.deepEqual(hintsIn('lib/fake.ts', local), []);
  });
});
