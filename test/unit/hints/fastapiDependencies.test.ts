/**
 * FastAPI: a parameter whose default is `Depends(dependency)` holds what FastAPI gets from the dependency:
 * what a function returns or (a generator) yields, an instance of a class, or what a project module's
 * function returns (workspace mode). A dependency that gives no client, and `Depends` of another library, stay silent.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, hintsInWorkspace, workspaceOf } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

describe('FastAPI dependencies', () => {
  it('reads a parameter that Depends gives what a function returns or yields, or a class instance', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      'import redis',
      'from fastapi import Depends, FastAPI',
      'app = FastAPI()',
      'def get_table():',
      '    return boto3.resource("dynamodb").Table(os.environ["ITEMS_TABLE"])',
      'def get_cache():',
      '    client = redis.Redis(host=os.environ["CACHE_HOST"])',
      '    try:',
      '        yield client',
      '    finally:',
      '        client.close()',
      'class Store:',
      '    def __init__(self):',
      '        self.table = boto3.resource("dynamodb").Table("items")',
      '@app.get("/items")',
      'def list_items(table=Depends(get_table)):',
      '    return table.scan()["Items"]',
      '@app.delete("/cache")',
      'def flush(cache=Depends(dependency=get_cache)):',
      '    return cache.keys("*")',
      '@app.get("/store")',
      'def everything(store: Store = Depends(Store)):',
      '    return store.table.scan()["Items"]',
    );
    const found = hintsIn('api.py', code);
    for (const expected of ['19:scan dynamodb-scan!', '22:keys redis-keys!', '25:scan dynamodb-scan!']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
  });

  it('stays silent for a dependency that gives something else, and for another library\'s Depends', () => {
    const code = sourceLines(
      'from fastapi import Depends',
      'from other import Depends as Needs',
      'def get_settings():',
      '    return {"keys": []}',
      'def get_store():',
      '    return make_store()',
      'def a(settings=Depends(get_settings)):',
      '    return settings.keys()',
      'def b(store=Needs(get_store)):',
      '    return store.keys("*")',
    );
    assert.deepEqual(hintsIn('api.py', code), []);
  });

  it('reads a dependency a project module defines, in workspace mode', () => {
    const deps = sourceLines('import redis', '', 'def get_cache():', '    return redis.Redis(host="cache")');
    const model = workspaceOf({ 'app/deps.py': deps });
    assert.ok(contributionOf('app/deps.py', deps)?.module, 'the module is indexed');
    const routes = sourceLines('from fastapi import Depends', 'from app.deps import get_cache', 'def flush(cache=Depends(get_cache)):', '    return cache.keys("*")');
    assert.ok(hintsInWorkspace(model, 'app/routes.py', routes).includes('4:keys redis-keys!'), hintsInWorkspace(model, 'app/routes.py', routes).join('\n'));
    assert.deepEqual(hintsIn('routes.py', routes), [], 'without the workspace');
  });
});
