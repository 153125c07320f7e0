/**
 * Redis wrapper classes as teams write them: node-redis 3 commands promisified into class fields in a NestJS
 * `onModuleInit` (`this.setAsync = promisify(this.client.set).bind(this.client)`), called as `this.setAsync(key, v)`,
 * and promisified commands paired for `redis-expire` like the client's own; and a counter a branch hands back at
 * once (`if (!ttl) return this.conn.incrby(key, n)`), after which no EXPIRE of the function runs.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Redis wrapper classes: promisified fields and counters handed back', () => {
  it('reads a class field that holds a promisified command as that command, and a SET then EXPIRE through two of them', () => {
    const code = sourceLines(
      "import { Injectable, OnModuleInit } from '@nestjs/common';",
      "import { promisify } from 'util';",
      "import * as redis from 'redis';",
      '',
      '@Injectable()',
      'export class OtpThrottle implements OnModuleInit {',
      '  private client: redis.RedisClient;',
      '  private readAsync: any;',
      '  private writeAsync: any;',
      '  private expireAsync: any;',
      '',
      '  onModuleInit() {',
      '    this.client = redis.createClient({ url: process.env.THROTTLE_REDIS_URL });',
      '    this.readAsync = promisify(this.client.get).bind(this.client);',
      '    this.writeAsync = promisify(this.client.set).bind(this.client);',
      '    this.expireAsync = promisify(this.client.expire).bind(this.client);',
      '  }',
      '',
      '  async remember(phone: string, attempts: number, windowSeconds: number) {',
      '    await this.writeAsync(`otp:${phone}`, String(attempts));',
      '    await this.expireAsync(`otp:${phone}`, windowSeconds);',
      '  }',
      '',
      '  async attempts(phone: string) {',
      '    return Number(await this.readAsync(`otp:${phone}`)) || 0;',
      '  }',
      '}',
    );
    const found = hintsIn('otp.throttle.ts', code);
    for (const hint of ['20:writeAsync redis-expire!', '21:expireAsync redis-expire']) {
      assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
    }
    assert.ok(!found.includes('21:expireAsync redis-expire!'), found.join('\n'));
  });

  it('pairs a SET and an EXPIRE sent through module-level promisified functions', () => {
    const code = sourceLines(
      "const { promisify } = require('util');",
      "const redis = require('redis');",
      '',
      'const client = redis.createClient({ url: process.env.REDIS_URL });',
      'const setAsync = promisify(client.set).bind(client);',
      'const expireAsync = promisify(client.expire).bind(client);',
      '',
      'async function keepDraft(id, body, seconds) {',
      '  await setAsync(`draft:${id}`, body);',
      '  await expireAsync(`draft:${id}`, seconds);',
      '}',
      '',
      'module.exports = { keepDraft };',
    );
    assert.ok(hintsIn('drafts.js', code).includes('9:setAsync redis-expire!'));
  });

  it('stays silent for a field that two assignments give different commands, and for a field holding no promisified method', () => {
    const code = sourceLines(
      "import { promisify } from 'util';",
      "import * as redis from 'redis';",
      '',
      'export class Switching {',
      '  private client = redis.createClient({ url: process.env.REDIS_URL });',
      '  private send: any;',
      '  private label = (key: string) => key.toUpperCase();',
      '',
      '  useReads() {',
      '    this.send = promisify(this.client.get).bind(this.client);',
      '  }',
      '',
      '  useDeletes() {',
      '    this.send = promisify(this.client.del).bind(this.client);',
      '  }',
      '',
      '  async run(key: string) {',
      '    await this.send(key);',
      '    return this.label(key);',
      '  }',
      '}',
    );
    const found = hintsIn('switching.ts', code).filter((hint) => hint.startsWith('18:') || hint.startsWith('19:'));
    assert.deepEqual(found, []);
  });

  it('does not pair a counter a branch hands back at once with the EXPIRE of the other path', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      '',
      'export class Quota {',
      '  private conn = new Redis(process.env.QUOTA_REDIS_URL as string);',
      '',
      '  async bump(key: string, windowSeconds?: number): Promise<number> {',
      '    if (!windowSeconds) return this.conn.incrby(key, 1);',
      "    const [[, count]] = (await this.conn.multi().incrby(key, 1).expire(key, windowSeconds, 'NX').exec()) as [[null, number]];",
      '    return count;',
      '  }',
      '',
      '  async bumpTwice(key: string, windowSeconds: number): Promise<number> {',
      '    const count = await this.conn.incr(key);',
      '    await this.conn.expire(key, windowSeconds);',
      '    return count;',
      '  }',
      '}',
    );
    const found = hintsIn('quota.ts', code);
    assert.ok(!found.includes('7:incrby redis-expire!'), found.join('\n'));
    assert.ok(found.includes('13:incr redis-expire!'), found.join('\n'));
  });

  it('does not pair a SET handed back by `return await` in Python with a later EXPIRE', () => {
    const code = sourceLines(
      'import redis',
      '',
      'r = redis.Redis(host="cache.internal")',
      '',
      '',
      'def remember(key, value, ttl=None):',
      '    if ttl is None:',
      '        return r.set(key, value)',
      '    r.set(key, value)',
      '    r.expire(key, ttl)',
    );
    const found = hintsIn('remember.py', code);
    assert.ok(!found.includes('8:set redis-expire!'), found.join('\n'));
    assert.ok(found.includes('9:set redis-expire!'), found.join('\n'));
  });
});
