/**
 * Redis client options read from a settings object of the same file (`password: settings.password`, where
 * `const settings = { host: '127.0.0.1', password: undefined }`): the value written there decides, so a
 * password that is `undefined` sends none and a local host is local; a settings object that anything may
 * change keeps the value unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Redis options read from a const settings object of the file', () => {
  it('sends no password when the settings write it as undefined (a store spec against a local server)', () => {
    const found = hintsIn(
      'redis-store.spec.ts',
      sourceLines(
        "import Redis from 'ioredis'",
        "import { createStore } from './redis-store'",
        '',
        'const settings = {',
        "  host: 'redis.ci.internal',",
        '  port: 6379,',
        '  password: undefined,',
        '  db: 3,',
        '}',
        '',
        "describe('redis store', () => {",
        "  it('accepts a client made by the caller', async () => {",
        '    const store = createStore({',
        '      client: new Redis({',
        '        host: settings.host,',
        '        port: settings.port,',
        '        password: settings.password,',
        '        db: settings.db,',
        '      }),',
        '    })',
        "    await store.put('a', 1)",
        '  })',
        '})',
      ),
    );
    assert.ok(!found.some((hint) => hint.endsWith('redis-auth-without-tls!')), found.join('\n'));
    assert.ok(!found.some((hint) => hint.endsWith('redis-password!')), found.join('\n'));
  });

  it('reads a local host from the settings, and a literal password written there', () => {
    const found = hintsIn(
      'cache.ts',
      sourceLines(
        "import Redis from 'ioredis'",
        '',
        'const devCache = {',
        "  host: 'localhost',",
        "  password: 'local-dev-only',",
        '}',
        '',
        'const remoteCache = {',
        "  host: 'orders-cache.prod.example.com',",
        "  password: 'Zq8-prod-cache-secret',",
        '  port: 6379,',
        '}',
        '',
        'export const local = new Redis({ host: devCache.host, password: devCache.password })',
        'export const remote = new Redis({ host: remoteCache.host, port: remoteCache.port, password: remoteCache.password })',
      ),
    );
    // A local server: the password in clear stays on the machine.
    assert.ok(!found.includes('14:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(found.includes('15:password redis-auth-without-tls!'), found.join('\n'));
    // The literal password the settings hold is reported where the client reads it.
    assert.ok(found.includes('15:remoteCache.password redis-password!'), found.join('\n'));
  });

  it('keeps the value unknown when the settings may change or the name is another binding', () => {
    const found = hintsIn(
      'clients.ts',
      sourceLines(
        "import Redis from 'ioredis'",
        '',
        'const settings = { host: \'localhost\', password: undefined as string | undefined }',
        'if (process.env.REDIS_PASSWORD) {',
        '  settings.password = process.env.REDIS_PASSWORD',
        "  settings.host = 'sessions.prod.example.com'",
        '}',
        'export const sessions = new Redis({ host: settings.host, password: settings.password })',
        '',
        "let shared = { host: 'localhost', password: undefined }",
        'export function reconfigure(next: typeof shared) {',
        '  shared = next',
        '}',
        'export const jobs = new Redis({ host: shared.host, password: shared.password })',
        '',
        "const cfg = { host: 'localhost', password: undefined }",
        'export function clientFor(cfg: { host: string; password: string }) {',
        '  return new Redis({ host: cfg.host, password: cfg.password })',
        '}',
        '',
        "const merged = { host: 'localhost', password: undefined }",
        'Object.assign(merged, loadSecrets())',
        'export const cache = new Redis({ host: merged.host, password: merged.password })',
        'declare function loadSecrets(): object',
      ),
    );
    // The password may be set (or the host changed) after the object is written: unknown, so a finding stays possible
    // only where nothing says the host is local; a parameter named like the object is not the object.
    assert.ok(found.includes('8:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(found.includes('14:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(found.includes('18:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(found.includes('23:password redis-auth-without-tls!'), found.join('\n'));
  });

  it('takes compound assignments and updates of a member as changes too', () => {
    const found = hintsIn(
      'clients.ts',
      sourceLines(
        "import Redis from 'ioredis'",
        '',
        "const sessionSettings = { host: 'localhost', password: undefined as string | undefined }",
        'sessionSettings.password ??= process.env.REDIS_PASSWORD',
        'sessionSettings.host ||= process.env.REDIS_HOST',
        'export const sessions = new Redis({ host: sessionSettings.host, password: sessionSettings.password })',
        '',
        "const jobSettings = { host: 'localhost', port: 6379, password: undefined as string | undefined }",
        'jobSettings.port++',
        'export const jobs = new Redis({ host: jobSettings.host, port: jobSettings.port, password: process.env.JOBS_PASSWORD })',
        '',
        "const localSettings = { host: 'localhost', password: undefined as string | undefined }",
        'const isLocal = localSettings.host === "localhost"',
        'export const local = new Redis({ host: localSettings.host, password: process.env.LOCAL_PASSWORD })',
      ),
    );
    // Changed after it was written: the host is unknown, so the clear-text password may leave the machine.
    assert.ok(found.includes('6:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(found.includes('10:password redis-auth-without-tls!'), found.join('\n'));
    // A comparison reads the object without changing it: still the local server.
    assert.ok(!found.includes('14:password redis-auth-without-tls!'), found.join('\n'));
  });

  it('reads a value nested one const deep, and a TLS option that is undefined as off', () => {
    const found = hintsIn(
      'queue.ts',
      sourceLines(
        "import Redis from 'ioredis'",
        '',
        "const HOSTS = { primary: 'jobs.cache.example.com' }",
        'const connection = {',
        '  host: HOSTS.primary,',
        '  tls: undefined,',
        '  password: process.env.JOBS_REDIS_TOKEN,',
        '}',
        'export const queueRedis = new Redis({ host: connection.host, tls: connection.tls, password: connection.password, maxRetriesPerRequest: null })',
      ),
    );
    assert.ok(found.includes('9:password redis-auth-without-tls!'), found.join('\n'));
  });
});
