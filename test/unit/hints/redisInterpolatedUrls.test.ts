/**
 * redis-py URLs built with an f-string (`f"redis://{host}:{port}"`): a scheme written before any interpolation
 * tells whether the client uses TLS, and a password in the user information is one the code does not show.
 * A module name rebound to the client it makes (`redis = redis.Redis.from_url(url)`) is that client.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('redis-py URLs written as f-strings', () => {
  it('reports a password sent to a redis:// URL built from settings, in a FastAPI startup hook and a worker', () => {
    const found = hintsIn(
      'app/cache.py',
      sourceLines(
        'import os',
        'from redis import asyncio as aioredis',
        'import redis',
        'from app.settings import settings',
        '',
        'async def open_cache():',
        '    return await aioredis.from_url(f"redis://{settings.cache_host}:{settings.cache_port}/0", password=settings.cache_password)',
        '',
        'def worker_connection():',
        '    secret = os.environ["CACHE_SECRET"]',
        '    return redis.Redis.from_url(f"redis://:{secret}@{os.environ[\'CACHE_HOST\']}:6379/1")',
      ),
    );
    assert.ok(found.includes('7:password redis-auth-without-tls!'), found.join('\n'));
    // The password inside the URL is the expression, not a literal secret.
    assert.ok(found.some((hint) => hint.startsWith('11:') && hint.endsWith('redis-auth-without-tls!')), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('11:') && hint.endsWith('redis-password!')), found.join('\n'));
  });

  it('stays silent when the f-string may be rediss://, names the local host, or hides its query', () => {
    const found = hintsIn(
      'app/connections.py',
      sourceLines(
        'import redis',
        'from app.settings import settings',
        '',
        'def secure_pool():',
        '    return redis.ConnectionPool.from_url(f"rediss://{settings.host}:6380/0", password=settings.password)',
        '',
        'def scheme_from_settings():',
        '    return redis.from_url(f"{settings.scheme}://{settings.host}:6379", password=settings.password)',
        '',
        'def local_dev(port):',
        '    return redis.from_url(f"redis://localhost:{port}/0", password=settings.password)',
        '',
        'def extra_options(query):',
        '    return redis.from_url(f"redis://cache.internal:6379/0?{query}", password=settings.password)',
      ),
    );
    assert.ok(!found.some((hint) => hint.endsWith('redis-auth-without-tls!')), found.join('\n'));
    assert.ok(found.includes('5:password redis-password'), found.join('\n'));
  });
});

describe('a module name rebound to the client it makes', () => {
  it('reads `redis = redis.Redis.from_url(...)` in a Celery task module as the client', () => {
    const found = hintsIn(
      'tasks/cleanup.py',
      sourceLines(
        'import os',
        'import redis',
        'from app.worker import celery_app',
        '',
        'redis = redis.Redis.from_url(os.environ["REDIS_URL"])',
        '',
        '@celery_app.task',
        'def drop_sessions():',
        '    for key in redis.keys("session:*"):',
        '        redis.delete(key)',
      ),
    );
    assert.ok(found.includes('9:keys redis-keys!'), found.join('\n'));
    assert.ok(found.includes('10:delete redis-loop-round-trips!'), found.join('\n'));
  });

  it('leaves a parameter that shadows the module, rebound in its function, unknown', () => {
    const found = hintsIn(
      'tasks/report.py',
      sourceLines(
        'import redis',
        '',
        'def count_sessions(redis):',
        '    redis = redis.pipeline()',
        '    redis.keys("session:*")',
        '    return redis.execute()',
      ),
    );
    assert.ok(!found.some((hint) => hint.includes('redis-keys')), found.join('\n'));
  });
});
