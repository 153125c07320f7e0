/**
 * Python settings modules' dicts spread into a driver or Redis client of another module (`pymysql.connect(**DB_CONFIG)`
 * after `from config import DB_CONFIG`): the dict's literal entries are the call's options, placed at the spread and
 * pointing at the settings module's line. Traps: a dict bound twice, a module not named for settings, a local
 * server, and a dict with an entry of another shape, whose keys are not all known.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { pythonSettingDicts } from '../../../src/hints/engine/workspace/pythonSettingDicts';
import { realHintRules, sourceLines } from '../hints/support';
import { workspaceOf } from './support';

const CONFIG = sourceLines(
  'import os',
  '',
  'DB_CONFIG = {',
  '    "host": "orders.cluster-c1a2b3.us-east-1.rds.amazonaws.com",',
  '    "user": "admin",',
  '    "password": "Orders-2024!",  # rotate me',
  '    "database": "orders",',
  '}',
  '',
  'REDIS = {"host": "sessions.x1y2z3.ng.0001.use1.cache.amazonaws.com", "port": 6379, "password": "redis-pass-1", "ssl": False}',
);

const CLIENTS = sourceLines(
  'import pymysql',
  'import redis',
  '',
  'from config import DB_CONFIG, REDIS',
  '',
  '',
  'def connection():',
  '    return pymysql.connect(**DB_CONFIG)',
  '',
  '',
  'cache = redis.Redis(**REDIS)',
);

/** `line rule | where the value comes from` for each finding of `file` among `files`. */
function findings(files: Record<string, string>, file: string): string[] {
  const result = analyzeText(files[file], realHintRules(), { kind: 'python', fileName: file, workspace: workspaceOf(files), onError: (error) => assert.fail(String(error)) });
  return result.findings.map((finding) => `${result.lines.lineOf(finding.start) + 1} ${finding.ruleId}${finding.related?.[0] ? ` | ${finding.related[0].message}` : ''}`).sort();
}

describe('settings dicts another module binds, spread into a client', () => {
  it('reads a dict written one entry a line, and one written on one line', () => {
    // Each entry is placed at its literal, quotes included.
    const at = (written: string, line: number) => ({ line, start: CONFIG.indexOf(written), end: CONFIG.indexOf(written) + written.length });
    assert.deepEqual(pythonSettingDicts('app/config.py', CONFIG)?.DB_CONFIG.value, {
      entries: {
        host: { value: 'orders.cluster-c1a2b3.us-east-1.rds.amazonaws.com', ...at('"orders.cluster-c1a2b3.us-east-1.rds.amazonaws.com"', 3) },
        user: { value: 'admin', ...at('"admin"', 4) },
        password: { value: 'Orders-2024!', ...at('"Orders-2024!"', 5) },
        database: { value: 'orders', ...at('"orders"', 6) },
      },
      open: false,
    });
    assert.deepEqual(Object.keys(pythonSettingDicts('app/config.py', CONFIG)?.REDIS.value.entries ?? {}), ['host', 'port', 'password', 'ssl']);
  });

  it("gives the driver's and the client's calls the options the dicts write", () => {
    assert.deepEqual(findings({ 'config.py': CONFIG, 'clients.py': CLIENTS }, 'clients.py'), [
      '11 redis-auth-without-tls | Value from config.py:10 (password: …)',
      '11 redis-password | Value from config.py:10 (password: …)',
      '8 rds-sql-password | Value from config.py:6 (password: …)',
      // The dict names an Aurora endpoint and no ssl option: PyMySQL connects in clear.
      '8 rds-sql-tls-missing',
    ]);
  });

  it('reads nothing of a dict bound twice, of a module not named for settings, or for a local server, and no absence in an open dict', () => {
    const twice = CONFIG + "DB_CONFIG = {**DB_CONFIG, 'password': os.environ['DB_PASSWORD']}\n";
    assert.deepEqual(findings({ 'config.py': twice, 'clients.py': CLIENTS }, 'clients.py').filter((line) => line.startsWith('8 ')), []);
    assert.deepEqual(findings({ 'helpers.py': CONFIG, 'clients.py': CLIENTS.replace('from config import', 'from helpers import') }, 'clients.py'), []);
    const local = CONFIG.replace('orders.cluster-c1a2b3.us-east-1.rds.amazonaws.com', 'localhost');
    assert.deepEqual(findings({ 'config.py': local, 'clients.py': CLIENTS }, 'clients.py').filter((line) => line.startsWith('8 ')), []);
    const open = CONFIG.replace('"ssl": False}', '"ssl": os.getenv("REDIS_TLS") == "1"}');
    assert.deepEqual(findings({ 'config.py': open, 'clients.py': CLIENTS }, 'clients.py').filter((line) => line.startsWith('11 ')), ['11 redis-password | Value from config.py:10 (password: …)']);
  });
});
