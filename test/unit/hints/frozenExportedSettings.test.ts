/**
 * A settings module that freezes the object it exports (`module.exports = Object.freeze({ ... })`, `export default
 * Object.freeze({ ... })`, `export const db = Object.freeze({ ... })`) hands out the same literals as an object
 * written plainly: another module's connection reads its RDS host and literal password (`rds-sql-password`,
 * `rds-sql-tls-missing`). Silent for a frozen object of a developer's local database, and for a freeze that is not
 * the whole exported value.
 */
import * as assert from 'node:assert/strict';
import { jsSecretConstants } from '../../../src/hints/engine/workspace/jsSecretConstants';
import { jsSettingConstants } from '../../../src/hints/engine/workspace/jsSettingConstants';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

const POOL = sourceLines(
  "const { Pool } = require('pg');",
  "const Settings = require('./settings');",
  '',
  'const pool = new Pool({ host: Settings.dbHost, user: Settings.dbUser, password: Settings.dbPassword });',
  '',
  "exports.handler = async () => (await pool.query('select 1')).rows;",
);

function findingsOf(settings: string): string[] {
  return hintsOfFile({ 'app/settings.js': settings, 'app/handler.js': POOL }, 'app/handler.js').filter((hint) => hint.endsWith('!'));
}

describe('Settings a module exports frozen', () => {
  it('reads the host and the literal password of a frozen CommonJS export', () => {
    const settings = sourceLines('module.exports = Object.freeze({', "  dbHost: 'orders.c1x2y3z4w5v6.eu-west-1.rds.amazonaws.com',", "  dbUser: 'app',", "  dbPassword: 'S3cond-Spring-19',", '});');
    assert.deepEqual(findingsOf(settings), ['4:Pool rds-sql-tls-missing!', '4:Settings.dbPassword rds-sql-password!']);
  });

  it('keeps the keys of frozen ES exports, default and named', () => {
    assert.deepEqual(jsSecretConstants(sourceLines('export default Object.freeze({', "  password: 'x-Literal-1',", '});'))?.['default.password']?.value, 'x-Literal-1');
    assert.equal(jsSettingConstants('settings.ts', sourceLines('export const db = Object.freeze({', "  host: 'a.rds.amazonaws.com',", '  port: 5432,', '});'))?.['db.host']?.value, 'a.rds.amazonaws.com');
    assert.equal(jsSettingConstants('settings.ts', sourceLines('export default Object.freeze({', '  public: false,', '}) as const;'))?.['default.public']?.value, false);
  });

  it("stays silent for a developer's local database and for a freeze that is not the whole exported value", () => {
    assert.deepEqual(findingsOf(sourceLines('module.exports = Object.freeze({', "  dbHost: 'localhost',", "  dbPassword: 'dev-only',", '});')), []);
    assert.equal(jsSettingConstants('settings.ts', sourceLines('export const db = Object.freeze({', "  host: 'a.rds.amazonaws.com',", '}).valueOf();')), undefined);
  });
});
