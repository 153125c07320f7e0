/**
 * Routes of a Chalice app or blueprint (`code/chaliceApps.ts`): Chalice deploys the routes as one Lambda function,
 * so each request is an invocation, and a route that opens a database connection, itself or through a function of
 * its file, or makes a DynamoDB client, does so on every invocation. Silent: a route of a Flask blueprint, a
 * function that is no route, a blueprint made inside a function, and a route that uses module-level resources.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function findings(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith('!'));
}

describe('Routes of a Chalice app or blueprint', () => {
  it('reads the routes of an app and of a blueprint as Lambda handlers', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      'import pymysql',
      'import chalice',
      'from chalice import Chalice, Blueprint',
      '',
      'app = Chalice(app_name="orders")',
      'admin = chalice.Blueprint(__name__)',
      'TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE"])',
      '', // 10
      'def open_db():',
      '    return pymysql.connect(host=os.environ["DB_HOST"], user="api", password=os.environ["DB_PASSWORD"])',
      '',
      '@app.route("/orders/{order_id}", methods=["GET"], cors=True)',
      'def order(order_id):',
      '    return TABLE.get_item(Key={"id": order_id}).get("Item")',
      '',
      '@app.route("/orders", methods=["POST"])',
      'def create():',
      '    with open_db().cursor() as cursor:', // 20
      '        cursor.execute("INSERT INTO orders VALUES (1)")',
      '    return {}',
      '',
      '@admin.route("/reports")',
      'def reports():',
      '    ddb = boto3.client("dynamodb")',
      '    return ddb.describe_table(TableName="orders")',
    );
    assert.deepEqual(findings('app.py', code), ['20:open_db rds-sql-connection-per-invocation!', '26:client lambda-client-per-invocation!']);
  });

  it('says nothing of a Flask blueprint, a function that is no route, or a blueprint made in a function, as Lambda handlers', () => {
    const code = sourceLines(
      'import os',
      'import pymysql',
      'from flask import Blueprint',
      'from chalice import Chalice',
      '',
      'pages = Blueprint("pages", __name__)',
      'app = Chalice(app_name="orders")',
      '',
      '@pages.route("/stats")',
      'def stats():', // 10
      '    return pymysql.connect(host=os.environ["DB_HOST"], user="api", password=os.environ["DB_PASSWORD"])',
      '',
      'def report():',
      '    return pymysql.connect(host=os.environ["DB_HOST"], user="api", password=os.environ["DB_PASSWORD"])',
      '',
      'def make_routes():',
      '    local = Chalice(app_name="inner")',
      '    @local.route("/inner")',
      '    def inner():',
      '        return pymysql.connect(host=os.environ["DB_HOST"], user="api", password=os.environ["DB_PASSWORD"])', // 20
      '    return local',
    );
    // No Lambda handler here; since the sixty-first session a route that opens a connection is `client-per-request`'s.
    assert.deepEqual(findings('app.py', code), ['11:connect client-per-request!', '20:connect client-per-request!']);
  });
});
