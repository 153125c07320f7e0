/**
 * CloudFormation custom resource handlers (CDK providers' `onEvent` too), which read the stack operation from
 * their event (`event.RequestType`): CloudFormation invokes them once per Create, Update or Delete, so the clients
 * and connections they make per invocation get no per-invocation finding. A handler that reads no such field, or
 * reads it from another object, keeps its findings.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const PER_INVOCATION = ['lambda-client-per-invocation!', 'rds-sql-connection-per-invocation!'];

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => PER_INVOCATION.some((rule) => hint.endsWith(rule)));
}

describe('CloudFormation custom resource handlers', () => {
  it('finds nothing per invocation in a TypeScript provider that switches on event.RequestType and connects in a helper', () => {
    const code = sourceLines(
      "import { Client } from 'pg';",
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      '',
      'async function createUser(event: any) {',
      '  const client = new Client({ host: process.env.DB_HOST, password: process.env.DB_PASSWORD });',
      '  await client.connect();',
      "  await client.query('CREATE ROLE reporting');",
      '  await client.end();',
      '}',
      '',
      'export async function handler(event: any, context: any) {',
      '  const ddb = new DynamoDBClient({});',
      '  switch (event.RequestType) {',
      "    case 'Create':",
      '      return createUser(event);',
      '    default:',
      '      return { PhysicalResourceId: event.PhysicalResourceId };',
      '  }',
      '}',
    );
    assert.deepEqual(reported('provision.ts', code), []);
  });

  it('finds nothing per invocation in a Python custom resource that reads the request type by key or with get', () => {
    const byKey = sourceLines(
      'import boto3',
      'import psycopg2',
      '',
      'def handler(event, context):',
      "    if event['RequestType'] == 'Delete':",
      '        return',
      "    conn = psycopg2.connect(host=event['ResourceProperties']['Host'], password=fetch_password())",
      "    boto3.client('dynamodb').put_item(TableName='seeds', Item={'id': {'S': 'first'}})",
    );
    assert.deepEqual(reported('seed.py', byKey), []);
    const withGet = byKey.replace("event['RequestType'] == 'Delete'", "event.get('RequestType') == 'Delete'");
    assert.deepEqual(reported('seed.py', withGet), []);
  });

  it('keeps the findings of a handler that reads no request type of its own event', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      '',
      'export const handler = async (event, context) => {',
      '  const client = new DynamoDBClient({});',
      '  const order = JSON.parse(event.body);',
      '  return { kind: order.RequestType, client };',
      '};',
    );
    assert.deepEqual(reported('orders.js', code), ['4:DynamoDBClient lambda-client-per-invocation!']);
  });
});
