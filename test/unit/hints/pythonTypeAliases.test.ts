/**
 * Python type aliases of a client type, as FastAPI dependencies are written (`RedisDep = Annotated[Redis,
 * Depends(get_redis)]`): an annotation that names one is that client, in the same file and, in workspace
 * mode, in the files that import it from a module of the project. Then what must stay silent: an alias of
 * another type, a rebound one, disagreeing `TYPE_CHECKING` branches, a library's name of the same spelling,
 * a test double's module, a local class that shares a client's name, and any alias without the workspace.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';

/** The hovers and findings of the calls that would read as Redis or DynamoDB commands (`line:call rule`). */
function clientHints(hints: string[]): string[] {
  return hints.filter((hint) => / (?:redis|dynamodb)-/.test(hint));
}

const DEPS = sourceLines(
  'from typing import Annotated',
  '',
  'from fastapi import Depends',
  'from mypy_boto3_dynamodb.client import DynamoDBClient',
  'from redis import asyncio as aioredis',
  '',
  'from .settings import settings',
  '',
  '',
  'async def get_redis() -> aioredis.Redis:',
  '    return aioredis.from_url(settings.redis_url)',
  '',
  '',
  'def get_dynamo(): ...',
  '',
  '',
  'RedisDep = Annotated[aioredis.Redis, Depends(get_redis)]',
  'type DynamoDep = Annotated[DynamoDBClient, Depends(get_dynamo)]',
);

const SERVICE = sourceLines(
  'from fastapi import APIRouter',
  '',
  'from app.deps import RedisDep',
  'from ..deps import DynamoDep',
  '',
  'router = APIRouter()',
  '',
  '',
  'class CacheService:',
  '    def __init__(self, redis: RedisDep, dynamo: DynamoDep):',
  '        self.redis = redis',
  '        self.dynamo = dynamo',
  '',
  '    async def clear(self):',
  '        await self.redis.flushall()',
  '',
  '    def everything(self):',
  '        return self.dynamo.scan(TableName="sessions")["Items"]',
  '',
  '',
  '@router.get("/keys")',
  'async def keys(redis: RedisDep):',
  '    return await redis.keys("*")',
);

describe('Python: type aliases of a client type (FastAPI dependencies)', () => {
  it('reads a parameter annotated with a module-level alias: Annotated, TypeAlias, `type`, a plain alias, Optional and `| None`', () => {
    const code = sourceLines(
      'from typing import Annotated, Optional, TypeAlias',
      'import typing',
      'from fastapi import Depends',
      'from mypy_boto3_dynamodb import DynamoDBClient',
      'from redis import asyncio as aioredis',
      'from redis import Redis',
      '',
      'async def get_redis() -> aioredis.Redis: ...',
      'RedisDep = Annotated[aioredis.Redis, Depends(get_redis)]',
      'DynamoDep: TypeAlias = Annotated[DynamoDBClient, Depends(get_redis)]',
      'type SyncCache = Redis',
      'Cache = aioredis.Redis',
      'MaybeCache = typing.Optional[Redis]',
      'Nullable = Annotated[Redis | None, Depends(get_redis)]',
      '',
      'class CacheService:',
      '    def __init__(self, redis: RedisDep, dynamo: DynamoDep):',
      '        self.redis = redis',
      '        self.dynamo = dynamo',
      '    async def clear(self):',
      '        await self.redis.flushall()',
      '        return self.dynamo.scan(TableName="t")',
      'async def keys(redis: RedisDep, sync: SyncCache, cache: Optional[Cache], maybe: MaybeCache, nullable: Nullable):',
      '    sync.keys("a:*")',
      '    cache.keys("b:*")',
      '    maybe.keys("c:*")',
      '    nullable.keys("d:*")',
      '    return await redis.keys("*")',
    );
    const found = hintsIn('app/cache.py', code);
    for (const expected of ['21:flushall redis-flush!', '22:scan dynamodb-scan!', '24:keys redis-keys!', '25:keys redis-keys!', '26:keys redis-keys!', '27:keys redis-keys!', '28:keys redis-keys!']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
  });

  it('reads an alias whose type is quoted (a TYPE_CHECKING import), and no bare string nor a quoted name of no client', () => {
    const code = sourceLines(
      'from typing import TYPE_CHECKING, Annotated, Optional',
      'from fastapi import Depends',
      'if TYPE_CHECKING:',
      '    from mypy_boto3_dynamodb.service_resource import Table',
      '    from redis import Redis',
      'TableDep = Annotated["Table", Depends(get_table)]',
      'CacheDep = Optional["Redis"]',
      'Caller = Annotated["CallerInfo", Depends(get_caller)]',
      'Plain = "Table"',
      'def handler(table: TableDep, cache: CacheDep, caller: Caller, plain: Plain):',
      '    table.scan()',
      '    cache.keys("*")',
      '    caller.scan()',
      '    plain.scan()',
    );
    assert.deepEqual(clientHints(hintsIn('handlers.py', code)), ['11:scan dynamodb-scan', '12:keys redis-keys', '11:scan dynamodb-scan!', '12:keys redis-keys!']);
  });

  it('reads a class attribute annotated with an alias, and an alias of an alias', () => {
    const code = sourceLines(
      'from dataclasses import dataclass',
      'from typing import Annotated',
      'import redis',
      'from fastapi import Depends',
      'Client = redis.Redis',
      'ClientDep = Annotated[Client, Depends(lambda: redis.Redis())]',
      '@dataclass',
      'class Purger:',
      '    cache: ClientDep',
      '    def drop_all(self):',
      '        self.cache.flushall()',
    );
    assert.ok(hintsIn('purge.py', code).includes('11:flushall redis-flush!'), hintsIn('purge.py', code).join('\n'));
  });

  it('stays silent on an alias of another type, of str, rebound, bound otherwise in an else branch, or of a class of the file named like a client', () => {
    const code = sourceLines(
      'from typing import TYPE_CHECKING, Annotated, Any',
      'from fastapi import Depends',
      'from redis import Redis',
      'from sqlalchemy.orm import Session',
      'from mypy_boto3_dynamodb import DynamoDBClient',
      'import redis',
      '',
      'SessionDep = Annotated[Session, Depends(get_db)]',
      'TokenDep = Annotated[str, Depends(get_token)]',
      'Rebound = Annotated[Redis, Depends(get_redis)]',
      'Rebound = Annotated[object, Depends(get_fake)]',
      'Reset = Redis',
      'Reset = None',
      'if TYPE_CHECKING:',
      '    DynamoDep = Annotated[DynamoDBClient, Depends(get_dynamo)]',
      'else:',
      '    DynamoDep = Annotated[Any, Depends(get_dynamo)]',
      'Factory = redis.from_url',
      'Picked = Redis if USE_REDIS else dict',
      'class Cache:',
      '    def keys(self, pattern): ...',
      'CacheDep = Annotated[Cache, Depends(Cache)]',
      '',
      'def handler(s: SessionDep, t: TokenDep, r: Rebound, x: Reset, d: DynamoDep, f: Factory, p: Picked, c: CacheDep):',
      '    s.scan(TableName="t")',
      '    t.keys("*")',
      '    r.keys("*")',
      '    x.keys("*")',
      '    d.scan(TableName="t")',
      '    f.keys("*")',
      '    p.keys("*")',
      '    c.keys("*")',
    );
    assert.deepEqual(clientHints(hintsIn('handlers.py', code)), []);
  });

  it('stays silent on an alias of a class of the file that shares a client library name', () => {
    const code = sourceLines(
      'from typing import Annotated',
      'from fastapi import Depends',
      'import redis',
      'class Redis:',
      '    def keys(self, pattern): ...',
      'RedisDep = Annotated[Redis, Depends(Redis)]',
      'def handler(r: RedisDep):',
      '    r.keys("*")',
    );
    assert.deepEqual(clientHints(hintsIn('handlers.py', code)), []);
  });

  it('stays silent on an alias rebound by a function through `global`, by a loop, or by `with … as`', () => {
    const code = sourceLines(
      'from typing import Annotated',
      'import redis',
      'Swapped = Annotated[redis.Redis, "dep"]',
      'Looped = redis.Redis',
      'Opened = redis.Redis',
      'def use_fake():',
      '    global Swapped',
      '    Swapped = dict',
      'for Looped in (dict,):',
      '    pass',
      'with open("x") as Opened:',
      '    pass',
      'def handler(a: Swapped, b: Looped, c: Opened):',
      '    a.keys("*")',
      '    b.keys("*")',
      '    c.keys("*")',
    );
    assert.deepEqual(clientHints(hintsIn('handlers.py', code)), []);
  });
});

describe('workspace: type aliases that a module of the project defines', () => {
  it('reads an alias imported absolutely or relatively, and one read from the module as an attribute; nothing without the workspace', () => {
    const model = workspaceOf({ 'app/deps.py': DEPS, 'app/__init__.py': '', 'app/settings.py': 'settings = None\n' });
    const found = hintsInWorkspace(model, 'app/services/cache.py', SERVICE);
    for (const expected of ['15:flushall redis-flush!', '18:scan dynamodb-scan!', '23:keys redis-keys!']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
    assert.deepEqual(clientHints(hintsInWorkspace(undefined, 'app/services/cache.py', SERVICE)), []);

    const attribute = sourceLines('import app.deps as deps', 'from app import deps as same', '', 'async def drop_all(redis: deps.RedisDep, other: same.RedisDep):', '    await redis.flushall()', '    await other.flushall()');
    assert.deepEqual(clientHints(hintsInWorkspace(model, 'app/jobs/purge.py', attribute)), ['5:flushall redis-flush', '5:flushall redis-flush!', '6:flushall redis-flush', '6:flushall redis-flush!']);
  });

  it('reads a quoted alias another module defines (`Annotated["Table", Depends(get_table)]` under TYPE_CHECKING)', () => {
    const deps = sourceLines(
      'from typing import TYPE_CHECKING, Annotated',
      'from fastapi import Depends',
      'if TYPE_CHECKING:',
      '    from mypy_boto3_dynamodb.service_resource import Table',
      'from app.db import get_table',
      'TableDep = Annotated["Table", Depends(get_table)]',
    );
    const model = workspaceOf({ 'app/deps.py': deps, 'app/db.py': 'def get_table(): ...\n', 'app/__init__.py': '' });
    const route = sourceLines('from app.deps import TableDep', '', 'def visit(code: str, table: TableDep):', '    return table.get_item(Key={"code": code})');
    assert.deepEqual(clientHints(hintsInWorkspace(model, 'app/routes.py', route)), ['4:get_item dynamodb-get-item']);
  });

  it('stays silent on an alias of another type, a rebound one, a test double module, and a name of the same spelling from a package', () => {
    const model = workspaceOf({
      'app/deps.py': DEPS,
      'app/settings.py': 'settings = None\n',
      'app/other_deps.py': sourceLines(
        'from typing import Annotated',
        'from fastapi import Depends',
        'from redis import Redis',
        'from sqlalchemy.orm import Session',
        'SessionDep = Annotated[Session, Depends(get_db)]',
        'CacheDep = Annotated[Redis, Depends(get_redis)]',
        'CacheDep = Annotated[dict, Depends(get_fake)]',
      ),
      'tests/fakes.py': sourceLines('from typing import Annotated', 'from redis import Redis', 'FakeDep = Annotated[Redis, "fake"]'),
    });
    const code = sourceLines(
      'import boto3, redis',
      'from app.other_deps import CacheDep, SessionDep',
      'from tests.fakes import FakeDep',
      'from fastapi_redis import RedisDep',
      'import fastapi_redis.deps as package_deps',
      '',
      'def handler(c: CacheDep, s: SessionDep, f: FakeDep, r: RedisDep, p: package_deps.RedisDep):',
      '    c.keys("*")',
      '    s.scan(TableName="t")',
      '    f.keys("*")',
      '    r.keys("*")',
      '    p.keys("*")',
    );
    assert.deepEqual(clientHints(hintsInWorkspace(model, 'app/handlers.py', code)), []);
  });
});
