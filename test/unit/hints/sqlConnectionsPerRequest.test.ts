/**
 * `client-per-request` for a single SQL connection a web request handler opens on every request (sixty-first
 * session): in place (`mysql.createConnection(cfg)`, `new Client(cfg)`, `psycopg2.connect(...)`,
 * `DriverManager.getConnection(url)`), through a function of its file that opens one (`getConnection()`), or in
 * workspace mode through another module's (`createConnection()` of `lib/db`). Silent: a checkout from a shared pool,
 * a connection kept at module level or on Flask's `g`, a local server's, one the request's own data picks, .NET's
 * drivers (which pool underneath), a Lambda handler's (its own rule), and code that serves no request.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, realHintRules, sourceLines } from './support';

const RULE = 'client-per-request!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

/** The messages of the file's `client-per-request` findings. */
function messages(fileName: string, code: string): string[] {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings.filter((finding) => finding.ruleId === 'client-per-request').map((finding) => finding.message);
}

describe('A single SQL connection opened on every web request', () => {
  it('reports mysql2 and pg connections an Express route opens, in place or through a function of its file', () => {
    const code = sourceLines(
      "const express = require('express');",
      "const mysql = require('mysql2/promise');",
      "const { Client } = require('pg');",
      'const app = express();',
      '',
      'function openShop() {',
      '  return mysql.createConnection({ host: process.env.SHOP_HOST, user: process.env.SHOP_USER, database: "shop" });',
      '}',
      '',
      "app.get('/carts/:id', async (req, res) => {",
      '  const conn = await openShop();',
      "  const [rows] = await conn.query('SELECT * FROM carts WHERE id = ?', [req.params.id]);",
      '  await conn.end();',
      '  res.json(rows);',
      '});',
      '',
      "app.get('/stock', async (req, res) => {",
      '  const pg = new Client({ connectionString: process.env.STOCK_URL });',
      '  await pg.connect();',
      "  const { rows } = await pg.query('SELECT sku, qty FROM stock');",
      '  await pg.end();',
      '  res.json(rows);',
      '});',
    );
    assert.deepEqual(reported('src/server.js', code), [`11:openShop ${RULE}`, `18:Client ${RULE}`]);
    const [called, inPlace] = messages('src/server.js', code);
    assert.match(called, /^This call opens a new SQL connection on every request/);
    assert.match(inPlace, /^This SQL connection is opened on every request/);
  });

  it('reports psycopg2 in a Flask view and JDBC in a Spring endpoint', () => {
    const python = sourceLines(
      'import os',
      'import psycopg2',
      'from flask import Flask, jsonify',
      '',
      'app = Flask(__name__)',
      '',
      '@app.route("/rooms")',
      'def rooms():',
      '    conn = psycopg2.connect(host=os.environ["PGHOST"], dbname="rooms", user="web", password=os.environ["PGPASSWORD"])',
      '    try:',
      '        with conn.cursor() as cur:',
      '            cur.execute("SELECT name FROM rooms")',
      '            return jsonify(cur.fetchall())',
      '    finally:',
      '        conn.close()',
    );
    assert.deepEqual(reported('web/app.py', python), [`9:connect ${RULE}`]);
    const java = sourceLines(
      'package shop;',
      '',
      'import java.sql.Connection;',
      'import java.sql.DriverManager;',
      'import org.springframework.web.bind.annotation.GetMapping;',
      'import org.springframework.web.bind.annotation.RestController;',
      '',
      '@RestController',
      'public class StockController {',
      '    @GetMapping("/stock")',
      '    public String stock() throws Exception {',
      '        try (Connection conn = DriverManager.getConnection(System.getenv("JDBC_URL"), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"))) {',
      '            return conn.getCatalog();',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(reported('StockController.java', java), [`12:getConnection ${RULE}`]);
  });

  it('reports a Next.js API route’s call of another module’s factory that opens a connection, in workspace mode only', () => {
    const db = sourceLines(
      "import mysql from 'mysql2/promise';",
      '',
      'export const openDb = async () =>',
      '  mysql.createConnection({ host: process.env.MAIL_DB_HOST, user: process.env.MAIL_DB_USER, database: "mail" });',
    );
    const route = sourceLines(
      "import { openDb } from '../../lib/db';",
      '',
      'export default async function handler(req, res) {',
      '  const db = await openDb();',
      "  const [rows] = await db.execute('SELECT id FROM outbox');",
      '  await db.end();',
      '  res.status(200).json(rows);',
      '}',
    );
    const files = { 'lib/db.js': db, 'pages/api/outbox.js': route };
    assert.deepEqual(hintsOfFile(files, 'pages/api/outbox.js').filter((hint) => hint.endsWith(RULE)), [`4:openDb ${RULE}`]);
    assert.deepEqual(hintsOfFile(files, 'pages/api/outbox.js', null).filter((hint) => hint.endsWith(RULE)), []);
  });

  it('stays silent on a pool checkout, a module-level connection, a local server, a connection the request picks and plain functions', () => {
    const code = sourceLines(
      "const express = require('express');",
      "const mysql = require('mysql2');",
      'const app = express();',
      'const pool = mysql.createPool({ host: process.env.DB_HOST, connectionLimit: 10 });',
      'const shared = mysql.createConnection({ host: process.env.DB_HOST });',
      '',
      "app.get('/a', (req, res) => {",
      '  pool.getConnection((err, conn) => { conn.release(); res.send("ok"); });',
      '});',
      '',
      "app.get('/b', (req, res) => shared.query('SELECT 1', () => res.send('ok')));",
      '',
      "app.get('/dev', (req, res) => {",
      "  const local = mysql.createConnection({ host: 'localhost', user: 'root' });",
      '  local.end();',
      '  res.send("ok");',
      '});',
      '',
      "app.post('/probe', (req, res) => {",
      '  const probe = mysql.createConnection({ host: req.body.host, user: req.body.user });',
      '  probe.end();',
      '  res.send("ok");',
      '});',
      '',
      'function migrate() {',
      '  const conn = mysql.createConnection({ host: process.env.DB_HOST });',
      '  conn.end();',
      '}',
    );
    assert.deepEqual(reported('src/app.js', code), []);
  });

  it('stays silent on a connection kept on Flask’s g, a Lambda handler’s, a CLI’s and .NET’s', () => {
    const flask = sourceLines(
      'import os',
      'import pymysql',
      'from flask import Flask, g',
      '',
      'app = Flask(__name__)',
      '',
      'def get_db():',
      '    if "db" not in g:',
      '        g.db = pymysql.connect(host=os.environ["DB_HOST"], user="web", password=os.environ["DB_PASSWORD"], ssl={"ca": "rds.pem"})',
      '    return g.db',
      '',
      '@app.route("/items")',
      'def items():',
      '    return str(get_db().open)',
    );
    assert.deepEqual(reported('web/items.py', flask), []);
    const lambda = sourceLines(
      'import os',
      'import psycopg2',
      '',
      'def handler(event, context):',
      '    conn = psycopg2.connect(host=os.environ["DB_HOST"], dbname="app", user="fn", password=os.environ["DB_PASSWORD"])',
      '    conn.close()',
    );
    assert.deepEqual(reported('fn/handler.py', lambda), []);
    const cli = sourceLines(
      'import os',
      'import psycopg2',
      '',
      'def main():',
      '    conn = psycopg2.connect(host=os.environ["DB_HOST"], dbname="app", user="ops", password=os.environ["DB_PASSWORD"])',
      '    conn.close()',
      '',
      'if __name__ == "__main__":',
      '    main()',
    );
    assert.deepEqual(reported('scripts/backfill.py', cli), []);
    const dotnet = sourceLines(
      'using Microsoft.AspNetCore.Mvc;',
      'using Npgsql;',
      '',
      '[ApiController, Route("rooms")]',
      'public class RoomsController : ControllerBase',
      '{',
      '    [HttpGet]',
      '    public async Task<IActionResult> Get()',
      '    {',
      '        await using var conn = new NpgsqlConnection(Environment.GetEnvironmentVariable("ROOMS_DB"));',
      '        await conn.OpenAsync();',
      '        return Ok();',
      '    }',
      '}',
    );
    assert.deepEqual(reported('Controllers/RoomsController.cs', dotnet), []);
  });

  it('reports a Next.js App Router handler that takes no request, and stays silent on a local factory and one kept on g in another module', () => {
    const route = sourceLines(
      "import { NextResponse } from 'next/server';",
      "import mysql from 'mysql2/promise';",
      '',
      'export async function GET() {',
      '  const db = await mysql.createConnection({ host: process.env.FEED_HOST, user: process.env.FEED_USER, database: "feed" });',
      "  const [rows] = await db.query('SELECT id FROM posts');",
      '  await db.end();',
      '  return NextResponse.json(rows);',
      '}',
    );
    assert.deepEqual(reported('app/api/posts/route.js', route), [`5:createConnection ${RULE}`]);
    const local = sourceLines(
      'import pymysql',
      'from flask import Flask',
      '',
      'app = Flask(__name__)',
      '',
      'def get_connection():',
      '    return pymysql.connect(host="localhost", user="root", password="", database="notes")',
      '',
      '@app.route("/notes")',
      'def notes():',
      '    conn = get_connection()',
      '    conn.close()',
      '    return "ok"',
    );
    assert.deepEqual(reported('notes/app.py', local), []);
    const db = sourceLines(
      'import os',
      'import psycopg2',
      'from flask import g',
      '',
      'def get_db():',
      '    if "db" not in g:',
      '        conn = psycopg2.connect(os.environ["DATABASE_URL"], sslmode="require")',
      '        g.db = conn.cursor()',
      '    return g.db',
      '',
      'def open_db():',
      '    return psycopg2.connect(os.environ["DATABASE_URL"], sslmode="require")',
    );
    const views = sourceLines(
      'from flask import Blueprint',
      'from games.db import get_db, open_db',
      '',
      'bp = Blueprint("lobby", __name__)',
      '',
      '@bp.route("/lobby")',
      'def lobby():',
      '    get_db().execute("SELECT 1")',
      '    conn = open_db()',
      '    conn.close()',
      '    return "ok"',
    );
    const files = { 'games/db.py': db, 'games/lobby.py': views };
    assert.deepEqual(hintsOfFile(files, 'games/lobby.py').filter((hint) => hint.endsWith(RULE)), [`9:open_db ${RULE}`]);
  });
});
