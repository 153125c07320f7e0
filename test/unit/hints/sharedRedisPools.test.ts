/**
 * A redis-py client made over a pool that outlives the call (`redis.Redis(connection_pool=pool)`, the pool at module
 * level, imported, or a module's member) opens no connection: no `lambda-client-per-invocation` in a Lambda handler,
 * no `client-per-request` in a FastAPI route, and a `get_redis()` of another module that returns one makes no client
 * per call. A pool made in the same call or function is made per invocation too and still counts.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

const findingsOf = (hints: readonly string[], rule: string): string[] => hints.filter((hint) => hint.endsWith(` ${rule}!`));

describe('redis-py clients over a shared connection pool', () => {
  it('reports no Lambda handler that borrows a module-level pool, and still one that makes its pool there', () => {
    const handler = sourceLines(
      'import os',
      '',
      'import redis',
      '',
      'pool = redis.ConnectionPool.from_url(os.environ["REDIS_URL"])',
      '',
      '',
      'def lambda_handler(event, context):',
      '    r = redis.Redis(connection_pool=pool)',
      '    return {"statusCode": 200, "body": r.get(event["pathParameters"]["id"])}',
    );
    assert.deepEqual(findingsOf(hintsIn('src/get_item/app.py', handler), 'lambda-client-per-invocation'), []);
    const localPool = handler.replace('    r = redis.Redis(connection_pool=pool)', '    local = redis.ConnectionPool.from_url(os.environ["REDIS_URL"])\n    r = redis.Redis(connection_pool=local)');
    assert.equal(findingsOf(hintsIn('src/get_item/app.py', localPool), 'lambda-client-per-invocation').length, 1);
    const inline = handler.replace('redis.Redis(connection_pool=pool)', 'redis.Redis(connection_pool=redis.ConnectionPool(host="cache"))');
    assert.equal(findingsOf(hintsIn('src/get_item/app.py', inline), 'lambda-client-per-invocation').length, 1);
    // A pool of a settings module, read as its member.
    const member = sourceLines(
      'import redis',
      '',
      'import settings',
      '',
      '',
      'def handler(event, context):',
      '    r = redis.StrictRedis(connection_pool=settings.REDIS_POOL)',
      '    return r.get(event["id"])',
    );
    assert.deepEqual(findingsOf(hintsIn('functions/get.py', member), 'lambda-client-per-invocation'), []);
  });

  it('reports no FastAPI route, nor a repository whose get_redis() of another module returns a client over a pool', () => {
    const route = sourceLines(
      'import os',
      '',
      'import redis',
      'from fastapi import FastAPI',
      '',
      'app = FastAPI()',
      'pool = redis.ConnectionPool.from_url(os.environ["REDIS_URL"])',
      '',
      '',
      '@app.get("/items/{item_id}")',
      'def read_item(item_id: str):',
      '    r = redis.Redis(connection_pool=pool)',
      '    return {"item": r.get(f"item:{item_id}")}',
    );
    assert.deepEqual(findingsOf(hintsIn('app/main.py', route), 'client-per-request'), []);
    assert.equal(findingsOf(hintsIn('app/main.py', route.replace('connection_pool=pool', 'host="cache"')), 'client-per-request').length, 1);
    const files = {
      'app/core/cache.py': sourceLines(
        'import os',
        '',
        'import redis',
        '',
        'pool = redis.ConnectionPool.from_url(os.environ["REDIS_URL"])',
        '',
        '',
        'def get_redis() -> redis.Redis:',
        '    return redis.Redis(connection_pool=pool)',
      ),
      'app/repos/items.py': sourceLines(
        'from app.core.cache import get_redis',
        '',
        '',
        'class ItemRepository:',
        '    def __init__(self):',
        '        self.cache = get_redis()',
        '',
        '    def get(self, item_id):',
        '        return self.cache.get(f"item:{item_id}")',
      ),
      'app/api/routes.py': sourceLines(
        'from fastapi import APIRouter, Depends',
        '',
        'from app.repos.items import ItemRepository',
        '',
        'router = APIRouter()',
        '',
        '',
        '@router.get("/items/{item_id}")',
        'def read_item(item_id: str, repo: ItemRepository = Depends(ItemRepository)):',
        '    return repo.get(item_id)',
      ),
    };
    assert.deepEqual(findingsOf(hintsOfFile(files, 'app/repos/items.py'), 'client-per-request'), []);
    // The helper making its own pool on each call: a client per request again.
    const perCall = { ...files, 'app/core/cache.py': files['app/core/cache.py'].replace('    return redis.Redis(connection_pool=pool)', '    return redis.Redis(host=os.environ["REDIS_HOST"])') };
    assert.equal(findingsOf(hintsOfFile(perCall, 'app/repos/items.py'), 'client-per-request').length, 1);
  });
});
