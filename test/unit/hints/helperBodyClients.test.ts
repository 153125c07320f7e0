/**
 * Functions of another module that return no client but make one in their body on each call and use it there
 * (`export async function removeListing(pk, sk) { const client = new DocumentClient(); await client.delete(...) }`),
 * called by a Lambda handler: the handler makes that client on every invocation, reported at the call with the
 * rule's `calledMessage`. Silent: a helper that keeps its client in a module-level name (lazy singleton), one
 * that builds it from its own parameters (a Region the caller picks), one under `@lru_cache`, one that makes a
 * client of no database service, a call outside any handler, a name the handler shadows, and files read alone.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { hintsOfFile as hints, workspaceOf } from '../workspace/support';
import { realHintRules, sourceLines } from './support';

const PER_INVOCATION = 'lambda-client-per-invocation!';
const PER_REQUEST = 'client-per-request!';

function reported(files: Record<string, string>, file: string, rule: string, alone = false): string[] {
  return hints(files, file, alone ? null : undefined).filter((hint) => hint.endsWith(rule));
}

describe('TypeScript helpers of another module that make a client in their body', () => {
  const LISTINGS = sourceLines(
    "import { S3 } from 'aws-sdk';",
    "import { DocumentClient } from 'aws-sdk/clients/dynamodb';",
    '',
    'let shared: DocumentClient | undefined;',
    '',
    'export async function removeListing(owner: string, id: string) {',
    '  const client = new DocumentClient();',
    "  const out = await client.delete({ TableName: process.env.TABLE_NAME!, Key: { pk: owner, sk: id }, ReturnValues: 'ALL_OLD' }).promise();",
    '  return { statusCode: out.Attributes ? 204 : 404 };',
    '}',
    '',
    'export async function listingById(owner: string, id: string) {',
    '  if (!shared) {',
    '    shared = new DocumentClient();',
    '  }',
    '  const out = await shared.get({ TableName: process.env.TABLE_NAME!, Key: { pk: owner, sk: id } }).promise();',
    '  return out.Item;',
    '}',
    '',
    'export async function moveListing(region: string, owner: string, id: string) {',
    '  const regional = new DocumentClient({ region });',
    '  await regional.delete({ TableName: process.env.TABLE_NAME!, Key: { pk: owner, sk: id } }).promise();',
    '}',
    '',
    'export function uploadUrl(owner: string, id: string) {',
    '  const s3 = new S3({ region: process.env.REGION });',
    "  return s3.createPresignedPost({ Bucket: process.env.BUCKET_NAME, Fields: { key: `${owner}/${id}` } });",
    '}',
  );
  const DELETE = sourceLines(
    "import { APIGatewayProxyEvent } from 'aws-lambda';",
    "import { listingById, moveListing, removeListing, uploadUrl } from './listings';",
    '',
    'export async function handler(event: APIGatewayProxyEvent) {',
    '  const owner = event.requestContext.authorizer?.claims.sub;',
    '  const id = event.pathParameters!.id!;',
    '  const before = await listingById(owner, id);',
    "  await moveListing(event.queryStringParameters?.region ?? 'eu-west-1', owner, id);",
    '  const url = uploadUrl(owner, id);',
    '  return before ? removeListing(owner, id) : { statusCode: 404, body: JSON.stringify(url) };',
    '}',
  );
  const SCRIPT = sourceLines(
    "import { removeListing } from './listings';",
    '',
    'export async function purge(ids: string[]) {',
    '  for (const id of ids) {',
    "    await removeListing('admin', id);",
    '  }',
    '}',
  );
  const SHADOWED = sourceLines(
    "import { removeListing } from './listings';",
    '',
    'export const handler = async (event: { id: string }) => {',
    '  const removeListing = async (owner: string, id: string) => ({ owner, id });',
    "  return removeListing('me', event.id);",
    '};',
  );
  const files = { 'services/ads/listings.ts': LISTINGS, 'services/ads/delete.ts': DELETE, 'services/ads/purge.ts': SCRIPT, 'services/ads/shadowed.ts': SHADOWED };

  it('reports the call of a helper that makes a DynamoDB client in its body, with the message for a call', () => {
    assert.deepEqual(reported(files, 'services/ads/delete.ts', PER_INVOCATION), [`10:removeListing ${PER_INVOCATION}`]);
    const result = analyzeText(DELETE, realHintRules(), { kind: 'typescript', fileName: 'services/ads/delete.ts', workspace: workspaceOf(files) });
    const [finding] = result.findings.filter((found) => found.ruleId === 'lambda-client-per-invocation');
    assert.match(finding.message, /^This call makes a new client on every invocation/);
  });

  it('stays silent for a lazy singleton, a client built from the caller’s Region, an S3 client, a script, a shadowed name and a file read alone', () => {
    assert.deepEqual(reported(files, 'services/ads/delete.ts', PER_INVOCATION, true), []);
    assert.deepEqual(reported(files, 'services/ads/purge.ts', PER_INVOCATION), []);
    assert.deepEqual(reported(files, 'services/ads/shadowed.ts', PER_INVOCATION), []);
  });

  it('reports the same call in a web route, as a client per request', () => {
    const route = sourceLines(
      "import express from 'express';",
      "import { removeListing } from './listings';",
      'const app = express();',
      "app.delete('/listings/:id', async (req, res) => {",
      "  res.json(await removeListing('me', req.params.id));",
      '});',
    );
    assert.deepEqual(reported({ ...files, 'services/ads/app.ts': route }, 'services/ads/app.ts', PER_REQUEST), [`5:removeListing ${PER_REQUEST}`]);
  });
});

describe('Python helpers of another module that make a client in their body', () => {
  const STORE = sourceLines(
    'import os',
    'from functools import lru_cache',
    '',
    'import boto3',
    '',
    '_orders = None',
    '',
    'def save_order(order):',
    '    table = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])',
    '    table.put_item(Item=order)',
    '    return order["id"]',
    '',
    'def save_in_region(order, region):',
    '    table = boto3.resource("dynamodb", region_name=region).Table(os.environ["ORDERS_TABLE"])',
    '    table.put_item(Item=order)',
    '',
    'def save_shared(order):',
    '    global _orders',
    '    if _orders is None:',
    '        _orders = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])',
    '    _orders.put_item(Item=order)',
    '',
    '@lru_cache(maxsize=None)',
    'def order_count():',
    '    client = boto3.client("dynamodb")',
    '    return client.describe_table(TableName=os.environ["ORDERS_TABLE"])["Table"]["ItemCount"]',
    '',
    'def archive(body):',
    '    s3 = boto3.client("s3")',
    '    s3.put_object(Bucket=os.environ["BUCKET"], Key="orders/latest.json", Body=body)',
  );
  const HANDLER = sourceLines(
    'import json',
    '',
    'from orders.store import archive, order_count, save_in_region, save_order, save_shared',
    '',
    'def handler(event, context):',
    '    body = json.loads(event["body"])',
    '    order_id = save_order(body)',
    '    save_in_region(body, event["region"])',
    '    save_shared(body)',
    '    archive(event["body"])',
    '    return {"statusCode": 200, "body": json.dumps({"id": order_id, "count": order_count()})}',
  );
  const files = { 'orders/store.py': STORE, 'orders/handler.py': HANDLER };

  it('reports the helper that makes a Table of a new resource on every call, and no other', () => {
    assert.deepEqual(reported(files, 'orders/handler.py', PER_INVOCATION), [`7:save_order ${PER_INVOCATION}`]);
    assert.deepEqual(reported(files, 'orders/handler.py', PER_INVOCATION, true), []);
  });
});

describe('A lazy singleton wrapped by a library call in a Lambda handler', () => {
  const HANDLER = sourceLines(
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
    '',
    'let documents: DynamoDBDocumentClient | undefined;',
    '',
    'export const handler = async (event: { id: string }) => {',
    '  if (!documents) {',
    '    documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
    '  }',
    '  const perCall = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
    '  await perCall.send(new GetCommand({ TableName: process.env.TABLE, Key: { id: event.id } }));',
    '  return documents.send(new GetCommand({ TableName: process.env.TABLE, Key: { id: event.id } }));',
    '};',
  );

  it('reads the client as kept where the wrapper is kept: module-level is silent, a local is reported', () => {
    assert.deepEqual(reported({ 'src/get.ts': HANDLER }, 'src/get.ts', PER_INVOCATION, true), [`10:DynamoDBClient ${PER_INVOCATION}`]);
  });
});
