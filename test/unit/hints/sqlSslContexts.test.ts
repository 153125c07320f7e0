/**
 * Python SSL contexts handed to a SQL connection (`code/sqlSslContexts.ts`): `ctx.check_hostname = False` and
 * `ctx.verify_mode = ssl.CERT_NONE` on a context made with `ssl.create_default_context()` or `ssl.SSLContext(...)`,
 * set before the context goes to asyncpg's, aiomysql's or PyMySQL's `ssl` (also through SQLAlchemy's
 * `connect_args`), get `rds-sql-tls-verification-off` where they are written. Silent: a context that keeps
 * verification or trusts the RDS bundle, one set after the call, and one only an HTTP client gets while another
 * function's context of the same name goes to the database.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function findings(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint) && hint.endsWith('!'));
}

describe('SSL contexts of Python SQL connections', () => {
  it('reports check_hostname and verify_mode switched off on the context asyncpg gets', () => {
    const pool = sourceLines(
      'import os',
      'import ssl',
      '',
      'import asyncpg',
      '',
      '',
      'async def create_pool():',
      '    context = ssl.create_default_context()',
      '    context.check_hostname = False',
      '    context.verify_mode = ssl.CERT_NONE', // 10
      '    return await asyncpg.create_pool(dsn=os.environ["DATABASE_URL"], ssl=context, min_size=1, max_size=5)',
    );
    assert.deepEqual(findings('app/db/pool.py', pool), ['9:check_hostname rds-sql-tls-verification-off!', '10:verify_mode rds-sql-tls-verification-off!']);
    const hovers = hintsIn('app/db/pool.py', pool);
    assert.ok(hovers.includes('9:check_hostname rds-sql-tls-verification-off'), hovers.join('\n'));
  });

  it('reads a module-level context of a SQLAlchemy engine\'s connect_args, and one imported by name for aiomysql', () => {
    const engine = sourceLines(
      'import ssl',
      '',
      'from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker',
      '',
      'from app.settings import DATABASE_URL',
      '',
      'ssl_context = ssl.create_default_context()',
      'ssl_context.check_hostname = False',
      'ssl_context.verify_mode = ssl.CERT_NONE',
      '', // 10
      'engine = create_async_engine(DATABASE_URL, pool_pre_ping=True, connect_args={"ssl": ssl_context})',
      'Session = async_sessionmaker(engine, expire_on_commit=False)',
    );
    assert.deepEqual(findings('app/database.py', engine), ['8:check_hostname rds-sql-tls-verification-off!', '9:verify_mode rds-sql-tls-verification-off!']);
    const imported = sourceLines(
      'from ssl import CERT_NONE, SSLContext, PROTOCOL_TLS_CLIENT',
      '',
      'import aiomysql',
      '',
      '',
      'async def connect(settings):',
      '    tls = SSLContext(PROTOCOL_TLS_CLIENT)',
      '    tls.check_hostname = False',
      '    tls.verify_mode = CERT_NONE',
      '    return await aiomysql.create_pool(host=settings.host, user=settings.user, password=settings.password, ssl=tls)', // 10
    );
    assert.deepEqual(findings('shop/db.py', imported), ['8:check_hostname rds-sql-tls-verification-off!', '9:verify_mode rds-sql-tls-verification-off!']);
  });

  it('keeps quiet on a verifying context, a switch set after the call, and another function\'s context for HTTP', () => {
    const verifying = sourceLines(
      'import ssl',
      'import asyncpg',
      '',
      '',
      'async def connect(dsn):',
      '    context = ssl.create_default_context(cafile="/opt/certs/global-bundle.pem")',
      '    context.check_hostname = True',
      '    context.verify_mode = ssl.CERT_REQUIRED',
      '    return await asyncpg.connect(dsn, ssl=context)',
    );
    assert.deepEqual(findings('db.py', verifying), []);
    const after = sourceLines(
      'import ssl',
      'import asyncpg',
      '',
      '',
      'async def connect(dsn):',
      '    context = ssl.create_default_context()',
      '    connection = await asyncpg.connect(dsn, ssl=context)',
      '    context.check_hostname = False',
      '    return connection',
    );
    assert.deepEqual(findings('db.py', after), []);
    const other = sourceLines(
      'import ssl',
      '',
      'import aiohttp',
      'import asyncpg',
      '',
      '',
      'def insecure_http():',
      '    context = ssl.create_default_context()',
      '    context.check_hostname = False',
      '    context.verify_mode = ssl.CERT_NONE', // 10
      '    return aiohttp.TCPConnector(ssl=context)',
      '',
      '',
      'async def connect(dsn):',
      '    context = ssl.create_default_context()',
      '    return await asyncpg.connect(dsn, ssl=context)',
    );
    assert.deepEqual(findings('db.py', other), []);
  });

  it('reads the switches a function of the file sets on the context it returns, and nothing a helper leaves verifying', () => {
    const pooled = sourceLines(
      'import os',
      'import ssl',
      '',
      'import pg8000',
      'from dbutils.pooled_db import PooledDB',
      '',
      '',
      'def _tls_context():',
      '    if os.environ.get("PG_TLS") != "1":',
      '        return None', // 10
      '    tls = ssl.create_default_context()',
      '    tls.load_verify_locations("/opt/rds/global-bundle.pem")',
      '    tls.verify_mode = ssl.CERT_REQUIRED',
      '    tls.check_hostname = False',
      '    return tls',
      '',
      '',
      'def make_pool():',
      '    tls = _tls_context()',
      '    return PooledDB(pg8000, maxconnections=4, host=os.environ["PGHOST"], password=os.environ["PGPASSWORD"], ssl_context=tls)', // 20
    );
    assert.deepEqual(findings('metrics/pool.py', pooled), ['14:check_hostname rds-sql-tls-verification-off!']);
    const verifying = sourceLines(
      'import os',
      'import ssl',
      '',
      'import asyncpg',
      '',
      '',
      'def _tls_context():',
      '    tls = ssl.create_default_context(cafile="/opt/rds/global-bundle.pem")',
      '    insecure = ssl.create_default_context()',
      '    insecure.check_hostname = False', // 10
      '    return tls',
      '',
      '',
      'async def connect():',
      '    return await asyncpg.connect(os.environ["DATABASE_URL"], ssl=_tls_context())',
      '',
      '',
      'async def connect_kept():',
      '    tls = _tls_context()',
      '    return await asyncpg.connect(os.environ["DATABASE_URL"], ssl=tls)', // 20
    );
    assert.deepEqual(findings('db.py', verifying), []);
  });
});
