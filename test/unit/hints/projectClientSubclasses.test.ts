/**
 * Workspace mode: an instance of a class another module declares that is itself a client by inheritance
 * (Python `class SharedCache(Redis)`, JavaScript `class AppCache extends Redis`) or by a `__getattr__` that
 * forwards to one, made where it is used (`SharedCache()`, `new AppCache()`), is that client. What stays
 * silent: a class that defines a command of its own, its wrapper's own method, and the file judged alone.
 */
import * as assert from 'node:assert/strict';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';
import { sourceLines } from './support';

function findingsOf(found: readonly string[]): string[] {
  return found.filter((hint) => hint.endsWith('!'));
}

const PYTHON_CACHE = sourceLines(
  'from redis import Redis',
  '',
  '',
  'class SharedCache(Redis):',
  '    def __init__(self):',
  '        super().__init__(host="cache.internal", port=6379)',
  '',
  '',
  'class KeyedCache(Redis):',
  '    def keys(self, prefix):',
  '        return list(self.scan_iter(match=prefix + "*"))',
);

describe('Workspace: an instance of another module\'s class that is a client by inheritance', () => {
  it('reads a Python instance made from the imported class as the Redis client', () => {
    const view = sourceLines(
      'from app.cache import SharedCache',
      '',
      '',
      'def listing(prefix):',
      '    r = SharedCache()',
      '    r.set(prefix, "x")',
      '    r.expire(prefix, 30)',
      '    return r.keys(prefix + ":*")',
    );
    const files = { 'app/__init__.py': '', 'app/cache.py': PYTHON_CACHE, 'app/views.py': view };
    const found = hintsInWorkspace(workspaceOf(files), 'app/views.py', view);
    assert.deepEqual(findingsOf(found), ['6:set redis-expire!', '8:keys redis-keys!'], found.join('\n'));
    assert.deepEqual(hintsInWorkspace(undefined, 'app/views.py', view), []);
  });

  it('keeps silent on a command the class defines itself', () => {
    const view = sourceLines('from app.cache import KeyedCache', '', '', 'def listing(prefix):', '    return KeyedCache().keys(prefix)');
    const files = { 'app/__init__.py': '', 'app/cache.py': PYTHON_CACHE, 'app/views.py': view };
    assert.deepEqual(hintsInWorkspace(workspaceOf(files), 'app/views.py', view), []);
  });

  it('reads a wrapper whose __getattr__ forwards to a client, but not the wrapper\'s own method', () => {
    const store = sourceLines(
      'import redis',
      '',
      '',
      'class Store:',
      '    def __init__(self):',
      '        self.conn = redis.Redis(host="cache.internal")',
      '',
      '    def __getattr__(self, name):',
      '        return getattr(self.conn, name)',
      '',
      '    def keys(self, prefix):',
      '        return list(self.conn.scan_iter(match=prefix + "*"))',
    );
    const use = sourceLines('from app.store import Store', '', '', 'def read(prefix):', '    store = Store()', '    store.keys(prefix)', '    return store.mget(["a", "b"])');
    const files = { 'app/__init__.py': '', 'app/store.py': store, 'app/use.py': use };
    const found = hintsInWorkspace(workspaceOf(files), 'app/use.py', use);
    assert.deepEqual(found, ['7:mget redis-mget'], found.join('\n'));
  });

  it('reads a JavaScript instance of an exported class that extends the ioredis client', () => {
    const cache = sourceLines("import Redis from 'ioredis';", '', 'export class AppCache extends Redis {', '  constructor() {', '    super(process.env.REDIS_URL);', '  }', '}');
    const handler = sourceLines("import { AppCache } from './cache';", '', 'const cache = new AppCache();', '', 'export async function list(prefix) {', '  return cache.keys(`${prefix}:*`);', '}');
    const files = { 'src/cache.js': cache, 'src/handler.js': handler };
    const found = hintsInWorkspace(workspaceOf(files), 'src/handler.js', handler);
    assert.deepEqual(findingsOf(found), ['6:keys redis-keys!'], found.join('\n'));
  });

  it('reads a NestJS service that extends the ioredis client, injected into another by its type', () => {
    const service = sourceLines("import Redis from 'ioredis';", '', 'export class RedisService extends Redis {', '  constructor() {', '    super(process.env.REDIS_URL as string);', '  }', '}');
    const user = sourceLines(
      "import { RedisService } from '../redis/redis.service';",
      '',
      'export class BoardService {',
      '  constructor(private readonly redis: RedisService) {}',
      '',
      '  names(): Promise<string[]> {',
      "    return this.redis.keys('board:*');",
      '  }',
      '}',
    );
    const files = { 'src/redis/redis.service.ts': service, 'src/board/board.service.ts': user };
    const found = hintsInWorkspace(workspaceOf(files), 'src/board/board.service.ts', user);
    assert.deepEqual(findingsOf(found), ['7:keys redis-keys!'], found.join('\n'));
  });

  it('reads a class that extends ioredis imported whole (`import * as IORedis`), in its file and in another', () => {
    const service = sourceLines("import * as IORedis from 'ioredis';", '', 'export class RedisService extends IORedis {', '  constructor() {', '    super(process.env.REDIS_URL as string);', '  }', '}');
    const user = sourceLines(
      "import { RedisService } from './redis.service';",
      '',
      'export class TokenService {',
      '  constructor(private readonly redis: RedisService) {}',
      '',
      '  save(token: string): Promise<string> {',
      "    return this.redis.set('token', token);",
      '  }',
      '',
      '  purge(): Promise<string[]> {',
      "    return this.redis.keys('token:*');",
      '  }',
      '}',
    );
    const files = { 'src/redis.service.ts': service, 'src/token.service.ts': user };
    const found = hintsInWorkspace(workspaceOf(files), 'src/token.service.ts', user);
    assert.deepEqual(findingsOf(found), ['11:keys redis-keys!'], found.join('\n'));
    const alone = sourceLines("import * as IORedis from 'ioredis';", '', 'class Local extends IORedis {}', '', 'export const purge = () => new Local().keys("a:*");');
    assert.deepEqual(findingsOf(hintsInWorkspace(undefined, 'src/local.ts', alone)), ['5:keys redis-keys!']);
  });

  it('reads the options a Python subclass hands redis-py through super().__init__, and nothing of a pass-through', () => {
    const cache = sourceLines(
      'import os',
      '',
      'from redis import StrictRedis',
      '',
      '',
      'class Cache(StrictRedis):',
      '    def __init__(self):',
      '        super().__init__(host="orders.abc123.use1.cache.amazonaws.com", password="s3cr3t-orders", ssl=True, ssl_cert_reqs=None)',
      '',
      '',
      'class Relay(StrictRedis):',
      '    def __init__(self, *args, **kwargs):',
      '        super().__init__(*args, **kwargs)',
    );
    const found = hintsInWorkspace(undefined, 'app/cache.py', cache);
    assert.deepEqual(findingsOf(found), ['8:"s3cr3t-orders" redis-password!', '8:ssl_cert_reqs redis-tls!'], found.join('\n'));
    assert.deepEqual(found.filter((hint) => hint.startsWith('13:')), []);
  });
});
