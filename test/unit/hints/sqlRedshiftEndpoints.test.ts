/**
 * A PostgreSQL driver's connection to Amazon Redshift (a `.redshift.amazonaws.com` or
 * `.redshift-serverless.amazonaws.com` host, or Redshift's port 5439) is no RDS connection: no RDS hover, no
 * literal-password or per-invocation finding of the RDS rules. An RDS endpoint beside it keeps them.
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
});
