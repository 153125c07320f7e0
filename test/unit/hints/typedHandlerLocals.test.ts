/**
 * A client made in a Lambda handler into a local declared with a type annotation (TypeScript `const c: T = new T()`,
 * Python `c: T = boto3.client(...)`) is made on every invocation; and a Query reply tested only for being there,
 * then read for its first item, is read for nothing past the first page.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

describe('typed locals of Lambda handlers', () => {
  it('reports a client a handler makes into a TypeScript local declared with its type, and not one kept outside', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
      "import Redis from 'ioredis';",
      "import type { APIGatewayProxyEvent } from 'aws-lambda';",
      'let kept: Redis | undefined;',
      'export const handler = async (event: APIGatewayProxyEvent) => {',
      '  const raw: DynamoDBClient = new DynamoDBClient({});',
      '  const docs: DynamoDBDocumentClient | undefined = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '  kept = kept ?? new Redis(process.env.CACHE_URL as string);',
      '  const held: Redis | undefined = kept;',
      '  return { statusCode: 200, body: String(raw) + String(docs) + String(held) + event.path };',
      '};',
    );
    assert.deepEqual(hintsOfRules('handler.ts', code, ['lambda-client-per-invocation']).filter((hint) => hint.endsWith('!')), [
      '7:DynamoDBClient lambda-client-per-invocation!',
      '8:DynamoDBClient lambda-client-per-invocation!',
    ]);
  });

  it('reports a client a Python handler makes into an annotated local, and not after an else colon', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      'from mypy_boto3_dynamodb.client import DynamoDBClient',
      '',
      'def handler(event, context):',
      '    client: DynamoDBClient = boto3.client("dynamodb")',
      '    return client.get_item(TableName="t", Key={"pk": {"S": event["id"]}})',
      '',
      'def other(event, context):',
      '    global table',
      '    if os.environ.get("LOCAL"):',
      '        table = None',
      '    else:',
      '        table = boto3.resource("dynamodb").Table("t")',
      '    return table',
    );
    assert.deepEqual(hintsOfRules('handler.py', code, ['lambda-client-per-invocation']).filter((hint) => hint.endsWith('!')), ['6:client lambda-client-per-invocation!']);
  });

  it('reads a Query reply tested for being there, then for items, as read for its first item only', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, QueryCommand, QueryCommandOutput } from '@aws-sdk/lib-dynamodb';",
      'const docs = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'export async function target(code: string) {',
      "  const command = new QueryCommand({ TableName: 'links', IndexName: 'byCode', KeyConditionExpression: 'code = :c', ExpressionAttributeValues: { ':c': code } });",
      '  const reply: QueryCommandOutput = await docs.send(command);',
      '  if (!reply || !reply.Items?.length) {',
      '    return undefined;',
      '  }',
      '  return reply.Items[0].url;',
      '}',
      'export async function all(code: string) {',
      "  const command = new QueryCommand({ TableName: 'links', IndexName: 'byCode', KeyConditionExpression: 'code = :c', ExpressionAttributeValues: { ':c': code } });",
      '  const reply = await docs.send(command);',
      '  if (reply == null) {',
      '    return [];',
      '  }',
      '  return reply.Items;',
      '}',
    );
    assert.deepEqual(hintsOfRules('links.ts', code, ['dynamodb-query']).filter((hint) => hint.endsWith('!')), ['13:QueryCommand dynamodb-query!']);
  });

  it('reads a Python Query reply tested for being there, or compared with None, as read for its first item only', () => {
    const code = sourceLines(
      'import boto3',
      'from boto3.dynamodb.conditions import Key',
      'links = boto3.resource("dynamodb").Table("links")',
      '',
      'def resolve(code):',
      '    reply = links.query(IndexName="byCode", KeyConditionExpression=Key("code").eq(code))',
      '    if not reply or not reply.get("Items"):',
      '        return None',
      '    return reply["Items"][0]["target"]',
      '',
      'def first(code):',
      '    reply = links.query(IndexName="byCode", KeyConditionExpression=Key("code").eq(code))',
      '    if reply is None:',
      '        return None',
      '    items = reply.get("Items", [])',
      '    return items[0] if items else None',
      '',
      'def every(owner):',
      '    reply = links.query(KeyConditionExpression=Key("owner_id").eq(owner))',
      '    if reply is not None:',
      '        return reply["Items"]',
      '    return []',
    );
    assert.deepEqual(hintsOfRules('links.py', code, ['dynamodb-query']).filter((hint) => hint.endsWith('!')), ['19:query dynamodb-query!']);
  });

  it('reports a Redis client an Express route makes into a typed local on every request', () => {
    const code = sourceLines(
      "import express from 'express';",
      "import Redis from 'ioredis';",
      'const app = express();',
      "app.get('/count', async (req, res) => {",
      '  const counter: Redis = new Redis(process.env.REDIS_URL as string);',
      '  res.json(await counter.incr(String(req.query.key)));',
      '});',
    );
    assert.deepEqual(hintsOfRules('routes.ts', code, ['client-per-request']).filter((hint) => hint.endsWith('!')), ['5:Redis client-per-request!']);
  });
});
