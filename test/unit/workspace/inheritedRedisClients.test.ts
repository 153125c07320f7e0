/**
 * A Redis client class a project module subclasses (`class CacheClient(redis.StrictRedis)`) and hands out
 * through a factory function or a module-level instance: another file that imports either gets the client,
 * unless the subclass defines one of the commands the rules read itself.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsInWorkspace, workspaceOf } from './support';

const CACHE_MODULE = sourceLines(
  'import redis',
  '',
  '',
  'def make_cache(settings):',
  '    pool = redis.ConnectionPool(host=settings.cache_host, port=6379, max_connections=20)',
  '    return CacheClient(connection_pool=pool)',
  '',
  '',
  'class CacheClient(redis.StrictRedis):',
  '    """Adds a health check that never raises."""',
  '',
  '    def healthy(self):',
  '        try:',
  '            return self.ping()',
  '        except redis.RedisError:',
  '            return False',
  '',
  '',
  'sessions = CacheClient(host="sessions.internal", port=6379)',
);

const GUARDED_MODULE = sourceLines(
  'import redis',
  '',
  '',
  'def make_cache(settings):',
  '    return GuardedCache(host=settings.cache_host)',
  '',
  '',
  'class GuardedCache(redis.Redis):',
  '    def keys(self, pattern="*"):',
  '        return list(self.scan_iter(match=pattern, count=500))',
);

const JOBS = sourceLines(
  'from webapp.cache import make_cache, sessions',
  'from webapp.settings import settings',
  '',
  '',
  'def expire_reports():',
  '    cache = make_cache(settings)',
  '    for key in cache.keys("report:*"):',
  '        cache.delete(key)',
  '',
  '',
  'def drop_sessions():',
  '    return sessions.keys("session:*")',
);

describe('Redis client subclasses handed out by another module', () => {
  it('reads what a factory returns and a module-level instance as the client they extend', () => {
    const model = workspaceOf({ 'webapp/__init__.py': '', 'webapp/cache.py': CACHE_MODULE });
    const found = hintsInWorkspace(model, 'webapp/jobs.py', JOBS);
    assert.ok(found.includes('7:keys redis-keys!'), found.join('\n'));
    assert.ok(found.includes('8:delete redis-loop-round-trips!'), found.join('\n'));
    assert.ok(found.includes('12:keys redis-keys!'), found.join('\n'));
  });

  it('stays silent when the subclass defines the command itself, and without the workspace', () => {
    const guarded = workspaceOf({ 'webapp/__init__.py': '', 'webapp/cache.py': GUARDED_MODULE });
    const found = hintsInWorkspace(guarded, 'webapp/jobs.py', JOBS.replace('make_cache, sessions', 'make_cache'));
    assert.ok(!found.some((hint) => hint.includes('redis-keys')), found.join('\n'));
    assert.deepEqual(hintsInWorkspace(undefined, 'webapp/jobs.py', JOBS), []);
  });
});
