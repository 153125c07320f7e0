/**
 * redis-check-then-set: a lock whose key a GET or EXISTS found free and a SET without NX of the same key then takes,
 * in the same function (ioredis, node-redis, redis-py), gets a warning at the SET: the SET inside an `if` on the
 * value's absence, or after an `if` on its presence that leaves. SET NX, a cache filled after a miss, another key,
 * a SET the read does not guard, and a read in another function get nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULE = 'redis-check-then-set';
const findings = (fileName: string, code: string): string[] => hintsOfRules(fileName, code, [RULE]).filter((hint) => hint.endsWith('!'));

describe('Redis locks taken by GET then SET', () => {
  it('reads ioredis and node-redis locks guarded by an early return or an absence test', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      "import { createClient } from 'redis';",
      'const redis = new Redis(process.env.REDIS_URL);',
      'const client = createClient({ url: process.env.REDIS_URL });',
      'export async function acquire(jobId, workerId) {',
      '  const holder = await redis.get(`lock:${jobId}`);',
      '  if (holder) {',
      '    return false;',
      '  }',
      "  await redis.set(`lock:${jobId}`, workerId, 'EX', 30);", // 10
      '  return true;',
      '}',
      'export async function claimInvoice(id) {',
      '  if (!(await client.exists(`invoice:${id}`))) {',
      "    await client.set(`invoice:${id}`, 'worker-1', { EX: 60 });", // 15
      '    return true;',
      '  }',
      '  return false;',
      '}',
    );
    assert.deepEqual(findings('locks.js', code), [`10:set ${RULE}!`, `15:set ${RULE}!`]);
  });

  it('reads redis-py', () => {
    const code = sourceLines(
      'import redis',
      '',
      'r = redis.Redis.from_url("redis://cache:6379/0")',
      '',
      'def take_lease(node_id):',
      '    current = r.get("scheduler:lease")',
      '    if current is None:',
      '        r.set("scheduler:lease", node_id, ex=15)', // 8
      '        return True',
      '    return current == node_id',
    );
    assert.deepEqual(findings('lease.py', code), [`8:set ${RULE}!`]);
  });

  it('leaves alone SET NX, cache fills, other keys, unguarded SETs and other functions', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'const redis = new Redis();',
      'export async function acquire(jobId, token) {',
      '  const holder = await redis.get(`lock:${jobId}`);',
      '  if (holder) return false;',
      "  return (await redis.set(`lock:${jobId}`, token, 'EX', 30, 'NX')) === 'OK';",
      '}',
      'export async function profile(id) {',
      '  const cached = await redis.get(`profile:${id}`);',
      '  if (cached) return JSON.parse(cached);',
      '  const fresh = await loadProfile(id);',
      "  await redis.set(`profile:${id}`, JSON.stringify(fresh), 'EX', 300);",
      '  return fresh;',
      '}',
      'export async function refreshLock(jobId, token) {',
      '  const holder = await redis.get(`lock:${jobId}`);',
      '  if (holder === token) {',
      "    await redis.set(`lock:${jobId}`, token, 'EX', 30);", // renews its own lock: present, not absent
      '  }',
      '}',
      'export async function other(jobId, token) {',
      '  const holder = await redis.get(`lock:${jobId}`);',
      '  if (!holder) {',
      "    await redis.set(`lock:${jobId}:audit`, token);",
      '  }',
      '}',
      'export async function later(jobId, token) {',
      "  await redis.set(`lock:${jobId}`, token, 'EX', 30);",
      '}',
    );
    assert.deepEqual(findings('fine.js', code), []);
  });
});
