/**
 * A file that works with another cloud's managed database (it imports that cloud's Pulumi provider or Google's
 * Cloud SQL connector, and names nothing of AWS) gets no RDS hover or finding on its SQL connections; the same
 * connection in a file that also names AWS keeps them.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('SQL connections to another cloud', () => {
  it('gives a Pulumi GCP program that fills its Cloud SQL database over pg8000 no RDS hover', () => {
    const code = sourceLines(
      'import pulumi',
      'import pulumi_gcp as gcp',
      'import pg8000.native',
      'instance = gcp.sql.DatabaseInstance("orders", database_version="POSTGRES_15")',
      'def create_tables(host):',
      '    conn = pg8000.native.Connection(host=host, user="orders", password="Orders-Pw-2024", database="orders")',
      '    conn.run("CREATE TABLE IF NOT EXISTS orders (id serial PRIMARY KEY)")',
    );
    assert.deepEqual(hintsIn('__main__.py', code), []);
  });

  it("gives a Node service on Google's Cloud SQL connector no RDS hover", () => {
    const code = sourceLines(
      "const { Connector } = require('@google-cloud/cloud-sql-connector');",
      "const { Pool } = require('pg');",
      'const connector = new Connector();',
      'async function pool() {',
      "  const options = await connector.getOptions({ instanceConnectionName: process.env.INSTANCE, ipType: 'PRIVATE' });",
      "  return new Pool({ ...options, user: 'api', password: process.env.DB_PASSWORD, database: 'api' });",
      '}',
      'module.exports = { pool };',
    );
    assert.deepEqual(hintsIn('db.js', code), []);
  });

  it('keeps the hovers where the file also names AWS', () => {
    const code = sourceLines(
      'import boto3',
      'import pulumi_gcp as gcp',
      'import pg8000.native',
      'def create_tables(host):',
      '    conn = pg8000.native.Connection(host=host, user="orders", password="Orders-Pw-2024", database="orders")',
    );
    assert.ok(hintsIn('__main__.py', code).some((hint) => hint.includes('rds-sql-connection')));
  });
});
