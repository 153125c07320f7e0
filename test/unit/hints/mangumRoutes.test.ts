/**
 * Routes of an ASGI app that Mangum adapts to AWS Lambda (`code/mangumApps.ts`): each request is an invocation, so a
 * route that opens a database connection, itself or through a function of its file, or makes a client, does so on
 * every invocation. Silent: a route of another app of the module, a function that is no route, an app a `Mangum`
 * of another package takes, and a route that only uses module-level resources.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function findings(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith('!'));
}

describe('Routes of an app Mangum runs on Lambda', () => {
  it('reads the routes of the app handed to Mangum as Lambda handlers', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      'import pymysql',
      'from fastapi import FastAPI',
      'from mangum import Mangum',
      '',
      'app = FastAPI()',
      'TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE"])',
      '',
      'def db():', // 10
      '    return pymysql.connect(host=os.environ["DB_HOST"], user="api", password=os.environ["DB_PASSWORD"])',
      '',
      '@app.get("/items/{item_id}")',
      'async def item(item_id: str):',
      '    return TABLE.get_item(Key={"id": item_id}).get("Item")',
      '',
      '@app.post("/items")',
      'def create(body: dict):',
      '    conn = db()',
      '    sqs = boto3.client("sqs")', // 20
      '    logs = boto3.client("dynamodb")',
      '    return conn, sqs, logs',
      '',
      'handler = Mangum(app)',
    );
    assert.deepEqual(findings('api/main.py', code), ['19:db rds-sql-connection-per-invocation!', '21:client lambda-client-per-invocation!']);
  });

  it('says nothing of another app, of a function that is no route, or of a Mangum of another package (the servers’ routes open a connection per request)', () => {
    const code = sourceLines(
      'import os',
      'import pymysql',
      'from fastapi import FastAPI',
      'from mangum import Mangum',
      'from adapters import Mangum as Other',
      '',
      'app = FastAPI()',
      'internal = FastAPI()',
      'jobs = FastAPI()',
      '', // 10
      '@internal.get("/stats")',
      'def stats():',
      '    return pymysql.connect(host=os.environ["DB_HOST"], user="api", password=os.environ["DB_PASSWORD"])',
      '',
      '@jobs.post("/run")',
      'def run():',
      '    return pymysql.connect(host=os.environ["DB_HOST"], user="api", password=os.environ["DB_PASSWORD"])',
      '',
      'def report():',
      '    return pymysql.connect(host=os.environ["DB_HOST"], user="api", password=os.environ["DB_PASSWORD"])', // 20
      '',
      'handler = Mangum(app)',
      'other = Other(jobs)',
    );
    // No Lambda invocation here; since the sixty-first session a server's route that opens a connection is `client-per-request`'s.
    assert.deepEqual(findings('api/main.py', code), ['13:connect client-per-request!', '17:connect client-per-request!']);
  });
});
