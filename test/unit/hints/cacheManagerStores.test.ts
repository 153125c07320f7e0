/** cache-manager's Redis stores open their own client from the options they are given (audit 13). */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('cache-manager Redis stores', () => {
  it('cache-manager-ioredis-yet: a password without TLS in redisStore(...) inside a NestJS useFactory', () => {
    const code = sourceLines(
      "import { CacheModule } from '@nestjs/cache-manager';",
      "import { Module } from '@nestjs/common';",
      "import { redisStore } from 'cache-manager-ioredis-yet';",
      "import { cacheHost, cachePassword } from './settings';",
      '',
      '@Module({',
      '  imports: [',
      '    CacheModule.registerAsync({',
      '      isGlobal: true,',
      '      useFactory: async () => {',
      '        const store = await redisStore({ host: cacheHost, port: 6379, password: cachePassword });',
      '        return { store, ttl: 60_000 };',
      '      },',
      '    }),',
      '  ],',
      '})',
      'export class CacheConfigModule {}',
    );
    const hints = hintsIn('cache-config.module.ts', code);
    assert.ok(hints.includes('11:password redis-auth-without-tls!'), hints.join('\n'));
    assert.ok(!hints.includes('11:password redis-password!'), hints.join('\n'));
  });

  it('cache-manager-redis-yet: node-redis options, a literal password and the namespace import', () => {
    const code = sourceLines(
      "import * as redisYet from 'cache-manager-redis-yet';",
      '',
      'export async function makeStore() {',
      '  return redisYet.redisStore({',
      "    socket: { host: 'cache.internal', port: 6379 },",
      "    password: 'hunter2-cache',",
      '    ttl: 30_000,',
      '  });',
      '}',
    );
    const hints = hintsIn('store.ts', code);
    assert.ok(hints.includes("6:'hunter2-cache' redis-password!"), hints.join('\n'));
    assert.ok(hints.includes('6:password redis-auth-without-tls!'), hints.join('\n'));
  });

  it('cache-manager-redis-store 3: TLS through socket.tls or a rediss:// URL stays silent on auth-without-tls', () => {
    const code = sourceLines(
      "const { redisStore } = require('cache-manager-redis-store');",
      '',
      'async function stores() {',
      '  const secure = await redisStore({ socket: { host: process.env.REDIS_HOST, tls: true }, password: process.env.REDIS_PASSWORD });',
      "  const byUrl = await redisStore({ url: 'rediss://cache.internal:6380', password: process.env.REDIS_PASSWORD });",
      '  return [secure, byUrl];',
      '}',
      'module.exports = { stores };',
    );
    const hints = hintsIn('stores.js', code);
    assert.ok(!hints.some((hint) => hint.includes('redis-auth-without-tls!')), hints.join('\n'));
  });

  it('stays silent on a redisStore of another module, of the file, on redisInsStore and on options it cannot see', () => {
    const code = sourceLines(
      "import { redisInsStore, redisStore as yetStore } from 'cache-manager-redis-yet';",
      "import { redisStore } from './local-store';",
      "import { createClient } from 'redis';",
      '',
      'function memoryStore(options: { password: string }) {',
      '  return options;',
      '}',
      '',
      'export async function build(settings: Record<string, string>) {',
      "  const a = await redisStore({ host: 'cache', password: settings.password });",
      "  const b = memoryStore({ password: 'not-a-cache' });",
      "  const client = createClient({ url: 'rediss://cache.internal:6380' });",
      '  const c = redisInsStore(client, { ttl: 1000 });',
      '  const d = await yetStore({ ...settings, ttl: 1000 });',
      '  return [a, b, c, d];',
      '}',
    );
    const hints = hintsIn('build.ts', code);
    assert.ok(!hints.some((hint) => /^(10|11|13|14):/.test(hint)), hints.join('\n'));
  });
  it('@keyv/redis: a URL with a literal password in new KeyvRedis(...) or createKeyv(...), not a client passed in (audit app-22)', () => {
    const code = sourceLines(
      "import KeyvRedis, { createKeyv } from '@keyv/redis';",
      "import { CacheModule } from '@nestjs/cache-manager';",
      "import { createClient } from 'redis';",
      '',
      'const shared = createClient({ url: process.env.REDIS_URL });',
      '',
      'export const CacheConfig = CacheModule.registerAsync({',
      '  useFactory: () => ({',
      "    stores: [new KeyvRedis('redis://default:s3cret-pass@cache.internal:6379')],",
      '  }),',
      '});',
      "export const sessions = createKeyv('redis://:other-pass@cache.internal:6379', { namespace: 'sessions' });",
      "export const secured = createKeyv('rediss://:tls-pass@cache.internal:6380');",
      'export const reused = new KeyvRedis(shared);',
      "export const local = createKeyv('redis://localhost:6379');",
    );
    const hints = hintsIn('cache.config.ts', code).filter((hint) => hint.endsWith('!'));
    assert.ok(hints.some((hint) => hint.startsWith('9:') && hint.endsWith('redis-password!')), hints.join('\n'));
    assert.ok(hints.some((hint) => hint.startsWith('12:') && hint.endsWith('redis-password!')), hints.join('\n'));
    assert.ok(!hints.some((hint) => /^1[45]:/.test(hint)), hints.join('\n'));
  });
});
