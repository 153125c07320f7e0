/**
 * The handlers of a Serverless Framework TypeScript service as its template writes them (`const hello = async
 * (event) => ...; export const main = middyfy(hello);`) and a data layer that gets its connection from a factory of
 * its own module (`export const runQuery = async (q) => { const client = await newClient(); await client.connect(); ... }`,
 * `newClient` returning `new Client(...)`): the handler's call opens a connection on every invocation (workspace
 * mode), and a client the wrapped handler makes in its body is made on every invocation. Silent: a data-layer
 * function whose factory hands back one pool kept at module level (lazily, or a `const` it returns), a function wrapped with a second argument's
 * worth of options that no export holds, and the same files without the workspace.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

const PG_TOOLS = sourceLines(
  "import { Client } from 'pg';",
  '',
  'export const newClient = async () => {',
  '  return new Client({ host: process.env.PGHOST, user: process.env.PGUSER, password: process.env.PGPASSWORD });',
  '};',
  '',
  'export const runQuery = async (text: string, values: unknown[]) => {',
  '  const client = await newClient();',
  '  await client.connect();',
  '  const result = await client.query(text, values);',
  '  await client.end();',
  '  return result;',
  '};',
);

const LAZY_TOOLS = sourceLines(
  "import { Pool } from 'pg';",
  '',
  'let shared: Pool | undefined;',
  '',
  'export const sharedPool = () => {',
  '  if (!shared) {',
  '    shared = new Pool({ host: process.env.PGHOST, max: 2 });',
  '  }',
  '  return shared;',
  '};',
  '',
  'export const runShared = async (text: string) => {',
  '  const pool = sharedPool();',
  '  return pool.query(text);',
  '};',
);

const POOL_TOOLS = sourceLines(
  "import { Pool } from 'pg';",
  '',
  'const pool = new Pool({ host: process.env.PGHOST, max: 2 });',
  '',
  'export const getPool = () => pool;',
  '',
  'export const runPooled = async (text: string) => {',
  '  const kept = getPool();',
  '  return kept.query(text);',
  '};',
);

const LAMBDA_TOOLS = sourceLines("import middy from '@middy/core';", '', 'export const middyfy = (handler: any) => middy(handler);');

const handler = (call: string, module = 'pg-tools') =>
  sourceLines(
    "import { middyfy } from '../../libs/lambda';",
    `import { ${call} } from '../../libs/${module}';`,
    '',
    'const nearby = async (event: { municipality: string }) => {',
    `  const { rows } = await ${call}('SELECT id FROM links WHERE municipality = $1');`,
    '  return rows;',
    '};',
    '',
    'export const main = middyfy(nearby);',
  );

const SDK_HANDLER = sourceLines(
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
  "import { middyfy } from '../../libs/lambda';",
  '',
  'const getOrder = async (event: { pathParameters: { orderId: string } }) => {',
  '  const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  "  const { Item } = await ddb.send(new GetCommand({ TableName: process.env.ORDER_TABLE, Key: { orderId: event.pathParameters.orderId } }));",
  '  return Item;',
  '};',
  '',
  'const format = async (event: { body: string }) => {',
  '  const ddb = new DynamoDBClient({});',
  '  return { ddb, body: event.body };',
  '};',
  '',
  'export const main = middyfy(getOrder);',
  'const formatted = middyfy(format, { strict: true });',
  'export default formatted;',
);

function findings(files: Record<string, string>, file: string, rule: string, workspace?: null): string[] {
  return hintsOfFile(files, file, workspace).filter((hint) => hint.endsWith(`${rule}!`));
}

describe('Serverless Framework TypeScript handlers and their data layer', () => {
  const files = {
    'src/libs/pg-tools.ts': PG_TOOLS,
    'src/libs/lambda.ts': LAMBDA_TOOLS,
    'src/functions/nearby/handler.ts': handler('runQuery'),
    'src/libs/pool-tools.ts': POOL_TOOLS,
    'src/libs/lazy-tools.ts': LAZY_TOOLS,
    'src/functions/shared/handler.ts': handler('runShared', 'lazy-tools'),
    'src/functions/pooled/handler.ts': handler('runPooled', 'pool-tools'),
    'src/functions/getOrder/handler.ts': SDK_HANDLER,
  };

  it("reports a wrapped handler's call of a data-layer function whose own module's factory makes its connection", () => {
    assert.deepEqual(findings(files, 'src/functions/nearby/handler.ts', 'rds-sql-connection-per-invocation'), ['5:runQuery rds-sql-connection-per-invocation!']);
    assert.deepEqual(findings(files, 'src/functions/nearby/handler.ts', 'rds-sql-connection-per-invocation', null), []);
  });

  it('stays silent for a data-layer function whose factory hands back one pool kept at module level', () => {
    assert.deepEqual(findings(files, 'src/functions/shared/handler.ts', 'rds-sql-connection-per-invocation'), []);
    assert.deepEqual(findings(files, 'src/functions/pooled/handler.ts', 'rds-sql-connection-per-invocation'), []);
  });

  it('reports a client that a handler exported through a wrapper call makes in its body, not one of a function wrapped with options and exported under another name', () => {
    assert.deepEqual(findings(files, 'src/functions/getOrder/handler.ts', 'lambda-client-per-invocation'), ['6:DynamoDBClient lambda-client-per-invocation!']);
  });
});
