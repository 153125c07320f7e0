/**
 * A TypeScript Lambda handler declared with a handler type of `aws-lambda` is a handler whatever its parameters are
 * called, or if it takes none: a client it makes is made on every invocation. The type may be imported by name, as a
 * type, or read from the namespace (`lambda.SQSHandler`). Then the traps: a `Handler` type of another module, a
 * function typed with an event type that is not a handler's, and a CommonJS export, read as before.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function handlerFile(imports: string, declaration: string): string {
  return sourceLines(
    imports,
    "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';",
    '',
    `${declaration} => {`,
    '  const client = new DynamoDBClient({});',
    "  await client.send(new GetItemCommand({ TableName: 'orders', Key: { pk: { S: 'health' } } }));",
    '};',
  );
}

const PER_INVOCATION = '5:DynamoDBClient lambda-client-per-invocation!';

describe('TypeScript: Lambda handlers declared with a handler type of aws-lambda', () => {
  it('reads a handler typed by name, as a type import or through the namespace, whatever its parameters', () => {
    for (const [imports, declaration] of [
      ["import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';", 'export const health: APIGatewayProxyHandlerV2 = async ()'],
      ["import { ScheduledHandler } from 'aws-lambda';", 'export const sweep: ScheduledHandler = async (_scheduled)'],
      ["import { Handler, SQSEvent } from 'aws-lambda';", 'export const consume: Handler<SQSEvent, void> = async (batch)'],
      ["import * as lambda from 'aws-lambda';", 'export const consume: lambda.SQSHandler = async (batch)'],
      ["import * as lambda from 'aws-lambda';", 'export const consume: lambda.Handler<lambda.SQSEvent> = async (batch)'],
    ]) {
      assert.ok(hintsIn('src/handlers.ts', handlerFile(imports, declaration)).includes(PER_INVOCATION), declaration);
    }
  });

  it('says nothing of a Handler type of another module, an event type alone, or an unexported function', () => {
    for (const [imports, declaration] of [
      ["import type { Handler } from './router';", 'export const warmUp: Handler = async ()'],
      ["import type { SQSEvent } from 'aws-lambda';", 'export const parse: (batch: SQSEvent) => Promise<void> = async (batch)'],
      ["import type { ScheduledHandler } from 'aws-lambda';", 'const sweep: ScheduledHandler = async ()'],
    ]) {
      assert.ok(!hintsIn('src/handlers.ts', handlerFile(imports, declaration)).includes(PER_INVOCATION), declaration);
    }
  });

  it('still reads a CommonJS handler assigned to a member of exports', () => {
    const file = sourceLines(
      "const { DynamoDBClient, GetItemCommand } = require('@aws-sdk/client-dynamodb');",
      '',
      'exports.handler = async (event) => {',
      '  const client = new DynamoDBClient({});',
      "  return client.send(new GetItemCommand({ TableName: 'orders', Key: { pk: { S: event.id } } }));",
      '};',
    );
    assert.ok(hintsIn('handler.js', file).includes('4:DynamoDBClient lambda-client-per-invocation!'));
  });
});
