/**
 * data-api-client, the RDS Data API's "DocumentClient" wrapper: its client (made by the module's default export,
 * required or imported) sends statements with `query(sql, params)` and transactions with `transaction()...commit()`.
 * Its calls get the Data API's hovers, a statement built from values in the first argument (or in the object
 * form's `sql`) is reported, and a client made inside a Lambda handler gets `lambda-client-per-invocation`. Named
 * placeholders, another library's `query`, a shadowing local and a comment say nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['rds-data-api-statement', 'rds-data-api-transaction', 'rds-data-api-sql-built-from-values', 'lambda-client-per-invocation'];

describe('data-api-client (the Data API wrapper)', () => {
  it('reads a required client, its statements and a transaction chain, and flags SQL interpolated into the first argument, not a function that gives the statement later', () => {
    const code = sourceLines(
      "const data = require('data-api-client')({ secretArn: process.env.SECRET, resourceArn: process.env.CLUSTER, database: 'fleet' });",
      '',
      'exports.handler = async (event) => {',
      "  await data.query('SELECT * FROM trucks WHERE id = :id', { id: event.id });",
      '  await data.query(`SELECT * FROM trucks WHERE plate = ${event.plate}`);',
      '  return data',
      '    .transaction()',
      "    .query('UPDATE trucks SET busy = true WHERE id = :id', { id: event.id })",
      "    .query('INSERT INTO trips (truck) VALUES (' + event.id + ')')",
      "    .query((previous) => [`UPDATE fleet SET trips = trips + 1 WHERE id = ${event.id}`])",
      '    .commit();',
      '};',
    );
    assert.deepEqual(
      hintsOfRules('fleet.js', code, RULES),
      [
        '4:query rds-data-api-statement',
        '5:query rds-data-api-statement',
        '5:`SELECT * FROM trucks WHERE plate = ${event.plate}` rds-data-api-sql-built-from-values',
        '5:`SELECT * FROM trucks WHERE plate = ${event.plate}` rds-data-api-sql-built-from-values!',
        '7:transaction rds-data-api-transaction',
        '8:query rds-data-api-statement',
        '9:query rds-data-api-statement',
        "9:'INSERT INTO trips (truck) VALUES (' + event.id + ')' rds-data-api-sql-built-from-values",
        "9:'INSERT INTO trips (truck) VALUES (' + event.id + ')' rds-data-api-sql-built-from-values!",
        '10:query rds-data-api-statement',
        '11:commit rds-data-api-transaction',
      ].sort(),
    );
  });

  it('reads an imported factory, the object form, and a client made on every invocation of a handler', () => {
    const code = sourceLines(
      "import dataApiClient from 'data-api-client';",
      '',
      "const shared = dataApiClient({ secretArn: 'arn:s', resourceArn: 'arn:c', database: 'fleet' });",
      '',
      'export async function retire(id: string) {',
      '  const sql = `DELETE FROM trucks WHERE id = ${id}`;',
      '  return shared.query({ sql });',
      '}',
      '',
      'export const handler = async (event: { id: string }) => {',
      "  const perCall = dataApiClient({ secretArn: 'arn:s', resourceArn: 'arn:c', database: 'fleet' });",
      "  return perCall.query('SELECT 1');",
      '};',
    );
    assert.deepEqual(
      hintsOfRules('fleet.ts', code, RULES),
      [
        '7:query rds-data-api-statement',
        '7:sql rds-data-api-sql-built-from-values',
        '7:sql rds-data-api-sql-built-from-values!',
        '11:dataApiClient lambda-client-per-invocation',
        '11:dataApiClient lambda-client-per-invocation!',
        '12:query rds-data-api-statement',
      ].sort(),
    );
  });

  it("says nothing of another library's query, a local that shadows the factory, or the module named in a comment", () => {
    const code = sourceLines(
      "import dataApiClient from 'data-api-client';",
      "import { Pool } from 'undici';",
      '',
      "// const old = require('data-api-client')({ database: 'x' }); old.query(`SELECT ${1}`);",
      'const pool = new Pool("http://search");',
      'export async function search(term: string) {',
      '  const dataApiClient = (options: object) => ({ query: (text: string) => [options, text] });',
      "  const local = dataApiClient({ database: 'x' });",
      '  local.query(`SELECT * FROM docs WHERE body = ${term}`);',
      '  return pool.request({ path: `/q?term=${term}`, method: "GET" });',
      '}',
    );
    assert.deepEqual(hintsOfRules('search.ts', code, RULES), []);
  });
});
