/**
 * An object spread into options or a request (`new Pool({ ...poolConfig, max: 5 })`) lends the keys of every
 * assignment of the variable that may reach the spread: the literal of each branch of an if/else that sets it,
 * not only the last one written. An assignment that a later one in the same block replaces lends nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('objects spread from a variable set in branches', () => {
  it('reads the pool options of both branches that set the spread variable', () => {
    const code = sourceLines(
      "import pg from 'pg';",
      'let poolConfig;',
      'if (process.env.DB_HOST) {',
      '  poolConfig = {',
      '    host: process.env.DB_HOST,',
      '    ssl: { rejectUnauthorized: false },',
      '  };',
      '} else {',
      '  poolConfig = { connectionString: process.env.DATABASE_URL, ssl: true };',
      '}',
      'export const pool = new pg.Pool({ ...poolConfig, max: 5 });',
    );
    assert.deepEqual(hintsIn('db.js', code), [
      '6:ssl rds-sql-tls-verification-off',
      '6:rejectUnauthorized rds-sql-tls-verification-off',
      '9:ssl rds-sql-tls-verification-off',
      '11:Pool rds-sql-connection',
      '6:rejectUnauthorized rds-sql-tls-verification-off!',
    ]);
  });

  it('reads a request key set in only one branch, and nothing from an assignment replaced in the same block', () => {
    const code = sourceLines(
      "import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';",
      'const ddb = new DynamoDBClient({});',
      'export async function page(all: boolean, cursor?: Record<string, any>) {',
      '  let params;',
      '  if (all) {',
      "    params = { TableName: 'orders', KeyConditionExpression: 'pk = :p', FilterExpression: 'open = :t' };",
      '  } else {',
      "    params = { TableName: 'orders', KeyConditionExpression: 'pk = :p' };",
      '  }',
      "  let fixed = { ConsistentRead: true };",
      "  fixed = { TableName: 'audit' };",
      '  const first = await ddb.send(new QueryCommand({ ...params, ExclusiveStartKey: cursor }));',
      '  const second = await ddb.send(new QueryCommand({ ...fixed, KeyConditionExpression: "pk = :p" }));',
      '  return [first, second];',
      '}',
    );
    const hints = hintsIn('page.ts', code);
    assert.ok(hints.includes('6:FilterExpression dynamodb-filter-expression'), hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.startsWith('10:')), hints.join('\n'));
  });
});
