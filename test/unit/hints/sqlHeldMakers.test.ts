/**
 * `rds-sql-connection-per-invocation` through a method: a Lambda handler calls a method of a module-level instance
 * the file makes once (`const invoices = new InvoiceStore()`, `const ledger = createLedger()`), and that method opens
 * a new pool or connection in its body on each call, so every invocation opens one. The finding is at the call.
 * Silent: a method that keeps its pool in a field, a receiver the handler gets as a parameter, an instance of
 * another class than the one declaring the method, and a name bound to something else than the maker's result.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

const STORE = sourceLines(
  "import { Pool } from 'pg';",
  '',
  'class InvoiceStore {',
  '  async unpaid(customerId: string) {',
  '    const pool = new Pool({ host: process.env.INVOICES_HOST, max: 1 });',
  "    const { rows } = await pool.query('select id from invoices where customer_id = $1', [customerId]);",
  '    await pool.end();',
  '    return rows;',
  '  }',
  '}',
  '',
  'class Archive {',
  '  async list() {',
  '    return [];',
  '  }',
  '}',
  '',
  'const createLedger = () => ({',
  '  async balance(accountId: string) {',
  '    const pool = new Pool({ host: process.env.LEDGER_HOST });',
  "    const { rows } = await pool.query('select sum(amount) from entries where account_id = $1', [accountId]);",
  '    await pool.end();',
  '    return rows;',
  '  },',
  '});',
  '',
  'class RateCache {',
  '  private pool?: Pool;',
  '  async rates() {',
  '    this.pool = this.pool ?? new Pool({ host: process.env.RATES_HOST });',
  "    return (await this.pool.query('select code, rate from rates')).rows;",
  '  }',
  '}',
  '',
);

function perInvocation(code: string): string[] {
  return hintsOfFile({ 'src/handler.ts': code }, 'src/handler.ts', null).filter((hint) => hint.endsWith('rds-sql-connection-per-invocation!'));
}

describe('SQL connections a method of a module-level instance opens on each call', () => {
  it("reports a handler's call of a method of the file's class instance or of the object its factory returned", () => {
    const code = STORE + sourceLines(
      'const invoices = new InvoiceStore();',
      'const ledger = createLedger();',
      '',
      'export const handler = async (event: { customerId: string; accountId: string }) => {',
      '  const open = await invoices.unpaid(event.customerId);',
      '  return { open, balance: await ledger.balance(event.accountId) };',
      '};',
    );
    assert.deepEqual(perInvocation(code), ['39:unpaid rds-sql-connection-per-invocation!', '40:balance rds-sql-connection-per-invocation!']);
  });

  it('stays silent for a kept pool, a receiver passed in, another class, and a name bound to something else', () => {
    const code = STORE + sourceLines(
      'const rateCache = new RateCache();',
      'const archive = new Archive();',
      'const other = { unpaid: async (id: string) => [id] };',
      '',
      'export const handler = async (event: { customerId: string }, store: InvoiceStore) => {',
      '  const rates = await rateCache.rates();',
      '  const passed = await store.unpaid(event.customerId);',
      '  const listed = await archive.list();',
      '  return { rates, passed, listed, mine: await other.unpaid(event.customerId) };',
      '};',
    );
    assert.deepEqual(perInvocation(code), []);
  });
});

describe("SQL connections a method opens on each call, on an instance another module's class or factory makes (workspace mode)", () => {
  const DATA = sourceLines(
    "const { Pool } = require('pg');",
    '',
    'let shared;',
    '',
    'function createReports(config) {',
    '  return {',
    '    async monthly(accountId) {',
    '      const pool = new Pool(config);',
    "      const { rows } = await pool.query('select * from monthly where account_id = $1', [accountId]);",
    '      await pool.end();',
    '      return rows;',
    '    },',
    '    async yearly(accountId) {',
    '      shared = shared || new Pool(config);',
    "      return (await shared.query('select * from yearly where account_id = $1', [accountId])).rows;",
    '    },',
    '  };',
    '}',
    '',
    'class AuditTrail {',
    '  async recent(accountId) {',
    '    const pool = new Pool({ host: process.env.AUDIT_HOST });',
    "    const { rows } = await pool.query('select * from audit where account_id = $1 limit 20', [accountId]);",
    '    await pool.end();',
    '    return rows;',
    '  }',
    '}',
    '',
    'const openTrail = () => new AuditTrail();',
    '',
    'module.exports = { createReports, AuditTrail, openTrail };',
  );
  const HANDLER = sourceLines(
    "const { createReports, AuditTrail, openTrail } = require('./data');",
    '',
    'const reports = createReports({ host: process.env.REPORTS_HOST });',
    'const trail = new AuditTrail();',
    'const opened = openTrail();',
    '',
    'exports.handler = async (event) => {',
    '  const monthly = await reports.monthly(event.accountId);',
    '  const yearly = await reports.yearly(event.accountId);',
    '  const recent = await trail.recent(event.accountId);',
    '  return { monthly, yearly, recent, again: await opened.recent(event.accountId) };',
    '};',
  );
  const files = { 'src/data.js': DATA, 'src/handler.js': HANDLER };
  const calls = (view?: null): string[] => hintsOfFile(files, 'src/handler.js', view).filter((hint) => hint.endsWith('rds-sql-connection-per-invocation!'));

  it("reports the calls of the factory's object's, the class instance's and a returned instance's methods that open a pool", () => {
    assert.deepEqual(calls().sort(), ['10:recent rds-sql-connection-per-invocation!', '11:recent rds-sql-connection-per-invocation!', '8:monthly rds-sql-connection-per-invocation!']);
  });

  it('stays silent for a method that keeps its pool in a module-level name, and without the workspace', () => {
    assert.ok(!calls().some((hint) => hint.startsWith('9:')));
    assert.deepEqual(calls(null), []);
  });
});
