/**
 * `client-per-request` for SQL pools and engines: a web request handler (a route, a view, a FastAPI dependency) that
 * makes a connection pool or an engine on every request, itself, through a function of its file or (workspace mode)
 * through another module's function that makes one and hands it back. Silent: a pool kept at module level or under
 * `@lru_cache`, a pool made from the request's own data (a tenant's database), a local server's, and code that serves
 * no request. (A single connection per request is reported too since the sixty-first session: `sqlConnectionsPerRequest.test.ts`.)
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

const RULE = 'client-per-request!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

describe('SQL pools and engines made on every web request', () => {
  it('reports an engine or pool made in a FastAPI route, a Flask view and a FastAPI dependency', () => {
    const code = sourceLines(
      'import os',
      'import psycopg2.pool',
      'from fastapi import APIRouter, Depends',
      'from flask import Blueprint',
      'from sqlalchemy import create_engine, text',
      '',
      'router = APIRouter()',
      'bp = Blueprint("reports", __name__)',
      '',
      'def reports_engine():',
      '    engine = create_engine(os.environ["REPORTS_URL"])',
      '    yield engine',
      '',
      '@router.get("/totals")',
      'def totals():',
      '    engine = create_engine(os.environ["DB_URL"])',
      '    with engine.connect() as conn:',
      '        return conn.execute(text("SELECT 1")).all()',
      '',
      '@bp.route("/orders")',
      'def orders():',
      '    pool = psycopg2.pool.SimpleConnectionPool(1, 5, dsn=os.environ["DB_DSN"])',
      '    conn = pool.getconn()',
      '    return "ok"',
      '',
      '@router.get("/reports")',
      'def reports(engine=Depends(reports_engine)):',
      '    return engine.url.database',
    );
    assert.deepEqual(reported('app/routes.py', code), [`11:create_engine ${RULE}`, `16:create_engine ${RULE}`, `22:SimpleConnectionPool ${RULE}`]);
  });

  it('stays silent on a module-level or cached pool, a tenant database, a local server and plain functions', () => {
    const code = sourceLines(
      'import os',
      'from functools import lru_cache',
      'from fastapi import APIRouter',
      'from sqlalchemy import create_engine, text',
      '',
      'router = APIRouter()',
      'ENGINE = create_engine(os.environ["DB_URL"])',
      '',
      '@lru_cache(maxsize=1)',
      'def cached_engine():',
      '    return create_engine(os.environ["DB_URL"])',
      '',
      '@router.get("/health")',
      'def health():',
      '    with ENGINE.connect() as c, cached_engine().connect() as d:',
      '        return "ok"',
      '',
      '@router.get("/tenants/{tenant}")',
      'def tenant(tenant: str):',
      '    url = f"postgresql://reader@{tenant}.db.internal/app"',
      '    return create_engine(url).url.host',
      '',
      '@router.get("/dev")',
      'def dev():',
      '    return create_engine("postgresql://dev@localhost/app").url.host',
      '',
      'def migrate():',
      '    return create_engine(os.environ["DB_URL"])',
    );
    assert.deepEqual(reported('app/routes.py', code), []);
  });

  it('reports a call of a function of the file that makes a pool and hands it back, not one that fills a module-level name', () => {
    const code = sourceLines(
      'import os',
      'import mysql.connector.pooling',
      'from fastapi import APIRouter',
      '',
      'router = APIRouter()',
      '_pool = None',
      '',
      'def new_pool():',
      '    pool = mysql.connector.pooling.MySQLConnectionPool(pool_name="app", pool_size=5, host=os.environ["DB_HOST"])',
      '    return pool',
      '',
      'def shared_pool():',
      '    global _pool',
      '    if _pool is None:',
      '        _pool = mysql.connector.pooling.MySQLConnectionPool(pool_name="app", pool_size=5, host=os.environ["DB_HOST"])',
      '    return _pool',
      '',
      'def pool_for(host):',
      '    return mysql.connector.pooling.MySQLConnectionPool(pool_name="tenant", pool_size=2, host=host)',
      '',
      '@router.post("/games")',
      'def create_game():',
      '    fresh = new_pool()',
      '    kept = shared_pool()',
      '    return "ok"',
      '',
      '@router.get("/tenants/{host}")',
      'def tenant_games(host: str):',
      '    own = pool_for(host)',
      '    default = pool_for(os.environ["DB_HOST"])',
      '    return "ok"',
    );
    assert.deepEqual(reported('app/routes.py', code), [`23:new_pool ${RULE}`, `30:pool_for ${RULE}`]);
  });

  it('reports a pool made in an Express route, not one made when the module loads', () => {
    const code = sourceLines(
      "const { Pool } = require('pg');",
      "const express = require('express');",
      'const router = express.Router();',
      'const shared = new Pool({ connectionString: process.env.DATABASE_URL });',
      "router.get('/orders', async (req, res) => {",
      '  const pool = new Pool({ connectionString: process.env.DATABASE_URL });',
      "  const { rows } = await shared.query('SELECT 1');",
      '  res.json(rows);',
      '});',
    );
    assert.deepEqual(reported('src/routes/orders.js', code), [`6:Pool ${RULE}`]);
  });

  it('reports sql.Open in a Go handler and a Hikari pool in a Spring endpoint, not a package-level pool', () => {
    const go = sourceLines(
      'package main',
      '',
      'import (',
      '\t"database/sql"',
      '\t"net/http"',
      '\t"os"',
      '',
      '\t_ "github.com/lib/pq"',
      ')',
      '',
      'var shared, _ = sql.Open("postgres", os.Getenv("DATABASE_URL"))',
      '',
      'func orders(w http.ResponseWriter, r *http.Request) {',
      '\tdb, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))',
      '\tdefer db.Close()',
      '\tshared.Query("SELECT 1")',
      '}',
    );
    assert.deepEqual(reported('main.go', go), [`14:Open ${RULE}`]);
    const java = sourceLines(
      'package shop;',
      '',
      'import com.zaxxer.hikari.HikariConfig;',
      'import com.zaxxer.hikari.HikariDataSource;',
      'import org.springframework.web.bind.annotation.GetMapping;',
      'import org.springframework.web.bind.annotation.RestController;',
      '',
      '@RestController',
      'public class OrdersController {',
      '    @GetMapping("/orders")',
      '    public String orders() throws Exception {',
      '        HikariConfig config = new HikariConfig();',
      '        config.setJdbcUrl(System.getenv("JDBC_URL"));',
      '        try (HikariDataSource ds = new HikariDataSource(config); var conn = ds.getConnection()) {',
      '            return "ok";',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(reported('OrdersController.java', java), [`14:HikariDataSource ${RULE}`]);
  });

  it('reports a view’s call of another module’s function that makes a pool or a connection, in workspace mode only', () => {
    const db = sourceLines(
      'import os',
      'import mysql.connector.pooling',
      '',
      'def create_connection_pool():',
      '    settings = {"host": os.getenv("DB_HOST"), "user": os.getenv("DB_USER"), "password": os.getenv("DB_PASSWORD")}',
      '    pool = mysql.connector.pooling.MySQLConnectionPool(pool_name="rds", pool_size=10, **settings)',
      '    return pool',
      '',
      'def open_connection():',
      '    return mysql.connector.connect(host=os.getenv("DB_HOST"), user=os.getenv("DB_USER"))',
    );
    const routes = sourceLines(
      'from fastapi import APIRouter',
      'from app.libs.db import create_connection_pool, open_connection',
      '',
      'router = APIRouter()',
      '',
      '@router.get("/games")',
      'async def games():',
      '    cnx = create_connection_pool()',
      '    conn = open_connection()',
      '    return "ok"',
    );
    const files = { 'app/libs/db.py': db, 'app/routers/games.py': routes };
    const hints = hintsOfFile(files, 'app/routers/games.py').filter((hint) => hint.endsWith(RULE));
    assert.deepEqual(hints, [`8:create_connection_pool ${RULE}`, `9:open_connection ${RULE}`]);
    assert.deepEqual(hintsOfFile(files, 'app/routers/games.py', null).filter((hint) => hint.endsWith(RULE)), []);
  });
});
