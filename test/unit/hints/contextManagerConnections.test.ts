/**
 * A Python `@contextmanager` generator runs anew each time `with` enters it, so one
 * that connects in its body opens a connection on every invocation of a Lambda handler that enters it; a cache
 * decorator (`@lru_cache`, async-lru's `@alru_cache` above an `async def`) still hands back its first call's connection.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findingsIn = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('!'));

describe('connections opened by a context manager a Lambda handler enters', () => {
  it('psycopg2 in a @contextmanager entered by two handlers', () => {
    const code = sourceLines(
      'import os',
      'import psycopg2',
      'from contextlib import contextmanager',
      '',
      '',
      '@contextmanager',
      'def get_connection():',
      '    conn = None',
      '    try:',
      "        conn = psycopg2.connect(host=os.environ['DB_HOST'], password=os.environ['DB_TOKEN'], sslmode='verify-full')",
      '        yield conn',
      '    finally:',
      '        if conn:',
      '            conn.close()',
      '',
      '',
      'def handler(event, context):',
      '    with get_connection() as conn:',
      '        with conn.cursor() as cur:',
      "            cur.execute('SELECT 1')",
      '',
      '',
      'def handler_with_transaction(event, context):',
      '    with get_connection() as conn:',
      '        conn.commit()',
    );
    assert.deepEqual(findingsIn('handler.py', code), ['18:get_connection rds-sql-connection-per-invocation!', '24:get_connection rds-sql-connection-per-invocation!']);
  });

  it('pymysql in a @contextlib.contextmanager, named by its module', () => {
    const code = sourceLines(
      'import contextlib',
      'import os',
      'import pymysql',
      '',
      '',
      '@contextlib.contextmanager',
      'def database():',
      "    conn = pymysql.connect(host=os.environ['DB_HOST'], password=os.environ['DB_PASSWORD'])",
      '    yield conn',
      '    conn.close()',
      '',
      '',
      'def lambda_handler(event, context):',
      '    with database() as conn:',
      '        return conn.open',
    );
    assert.deepEqual(findingsIn('handler.py', code), ['14:database rds-sql-connection-per-invocation!']);
  });

  it('trap: a connection an lru_cache keeps', () => {
    const code = sourceLines(
      'import os',
      'import pymysql',
      'from functools import lru_cache',
      '',
      '',
      '@lru_cache(maxsize=1)',
      'def shared():',
      "    return pymysql.connect(host=os.environ['DB_HOST'], password=os.environ['DB_PASSWORD'])",
      '',
      '',
      'def lambda_handler(event, context):',
      '    conn = shared()',
      '    return conn.open',
    );
    assert.deepEqual(findingsIn('handler.py', code), []);
  });

  it('async: an @asynccontextmanager that connects, beside an @alru_cache pool', () => {
    const code = sourceLines(
      'import os',
      'from contextlib import asynccontextmanager',
      '',
      'import asyncpg',
      'from async_lru import alru_cache',
      '',
      '',
      '@alru_cache(maxsize=1)',
      'async def shared_pool():',
      "    return await asyncpg.create_pool(dsn=os.environ['DSN'])",
      '',
      '',
      '@asynccontextmanager',
      'async def connection():',
      "    conn = await asyncpg.connect(dsn=os.environ['DSN'])",
      '    try:',
      '        yield conn',
      '    finally:',
      '        await conn.close()',
      '',
      '',
      'async def handler(event, context):',
      '    pool = await shared_pool()',
      '    async with connection() as conn:',
      "        return await conn.fetch('SELECT 1')",
    );
    assert.deepEqual(findingsIn('handler.py', code), ['24:connection rds-sql-connection-per-invocation!']);
  });
});
