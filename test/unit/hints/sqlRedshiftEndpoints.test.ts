/**
 * A PostgreSQL driver's connection to Amazon Redshift (a `.redshift.amazonaws.com` or
 * `.redshift-serverless.amazonaws.com` host, or Redshift's port 5439) is no RDS connection: no RDS hover, no
 * literal-password or per-invocation finding of the RDS rules. Nor is one to an EC2 instance's DNS name, a server
 * the project (or Heroku) runs itself: it gets no connection hint, but its literal password is reported still.
 * An RDS endpoint beside them keeps every hint.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function rdsHints(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));
}

describe('SQL connections to Amazon Redshift', () => {
  it('leaves a Lambda handler connecting to Redshift out of the RDS rules, and keeps an RDS one', () => {
    const code = sourceLines(
      'import os',
      'import psycopg2',
      '',
      'WAREHOUSE = "analytics.123456789012.us-east-1.redshift-serverless.amazonaws.com"',
      '',
      'def unload_handler(event, context):',
      '    conn = psycopg2.connect(host=os.environ["HOST"], port="5439", dbname="dev", user="etl", password=os.environ["PASSWORD"])',
      '    conn.cursor().execute("UNLOAD (\'select 1\') TO \'s3://bucket/x\'")',
      '',
      'def load_handler(event, context):',
      '    conn = psycopg2.connect(host=WAREHOUSE, dbname="dev", user="etl", password="Warehouse#1")',
      '    conn.close()',
      '',
      'def url_handler(event, context):',
      '    conn = psycopg2.connect("postgresql://etl:Warehouse#1@etl.abc123.eu-west-1.redshift.amazonaws.com:5439/dev")',
      '    conn.close()',
      '',
      'def orders_handler(event, context):',
      '    conn = psycopg2.connect(host="orders.abc123.us-east-1.rds.amazonaws.com", dbname="orders", user="app", password="Orders#1")',
      '    conn.close()',
    );
    const hints = rdsHints('warehouse_jobs.py', code);
    assert.ok(hints.length > 0, 'the RDS connection keeps its hints');
    assert.ok(
      hints.every((hint) => hint.startsWith('19:')),
      hints.join('\n'),
    );
    assert.ok(hints.includes('19:connect rds-sql-connection-per-invocation!'), hints.join('\n'));
  });

  it('gives a connection to a database server on an EC2 instance no RDS connection hint, and keeps its literal password and the RDS one', () => {
    const code = sourceLines(
      "const { Client, Pool } = require('pg');",
      "const connection = 'postgresql://reviews@ec2-203-0-113-25.us-east-2.compute.amazonaws.com/reviews';",
      '',
      'const db = new Client(connection);',
      "const legacy = new Pool({ host: 'ec2-198-51-100-7.compute-1.amazonaws.com', password: 'Legacy#2' });",
      "const internal = new Pool({ host: 'ip-10-0-1-12.us-west-2.compute.internal', password: 'Internal#3' });",
      "const orders = new Pool({ host: 'orders.abc123.us-east-2.rds.amazonaws.com', password: 'Orders#1' });",
      '',
      'module.exports = { db, legacy, internal, orders };',
    );
    const hints = rdsHints('db.js', code);
    assert.deepEqual(
      hints.filter((hint) => hint.includes('rds-sql-connection')),
      ['7:Pool rds-sql-connection'],
    );
    for (const password of ["5:'Legacy#2' rds-sql-password!", "6:'Internal#3' rds-sql-password!", "7:'Orders#1' rds-sql-password!"]) {
      assert.ok(hints.includes(password), hints.join('\n'));
    }
  });
});
