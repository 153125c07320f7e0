/**
 * `lambda-client-per-invocation` and a name a Python handler imports by name from a project module that holds a
 * client made once at that module's import (`from aws_clients import dynamo_resource`): a call on it
 * (`dynamo_resource.Table(name)`, `.meta.client`), in the handler or in a helper it calls, makes no new client, as
 * for the same module-level name of the handler's own file. A helper that makes its own resource still counts.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

function perInvocation(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith('lambda-client-per-invocation!'));
}

const CLIENTS = sourceLines('import boto3', '', 'dynamo_resource = boto3.resource("dynamodb")', 'dynamo_client = boto3.client("dynamodb")');

describe('Clients a Lambda handler imports by name from a project module', () => {
  it('reads a Table of the imported resource, in a helper or in the handler, as no new client', () => {
    const handler = sourceLines(
      'import os',
      'from aws_clients import dynamo_resource, dynamo_client',
      '',
      'def lambda_handler(event, context):',
      '    item = load(event["id"])',
      '    dynamo_resource.Table(os.environ["TABLE"]).put_item(Item=item)',
      '    return dynamo_resource.meta.client.describe_table(TableName=os.environ["TABLE"])',
      '',
      'def load(item_id):',
      '    table = dynamo_resource.Table(os.environ["TABLE"])',
      '    return table.get_item(Key={"id": item_id}).get("Item")',
    );
    const files = { 'runtime/aws_clients.py': CLIENTS, 'runtime/handler.py': handler };
    assert.deepEqual(perInvocation(files, 'runtime/handler.py'), []);
    assert.ok(hintsOfFile(files, 'runtime/handler.py').includes('11:get_item dynamodb-get-item'));
  });

  it('still reports a helper that makes its own resource on each call', () => {
    const handler = sourceLines(
      'import os',
      'import boto3',
      'from aws_clients import dynamo_resource',
      '',
      'def lambda_handler(event, context):',
      '    archive(event["id"])',
      '    return dynamo_resource.Table(os.environ["TABLE"]).get_item(Key={"id": event["id"]})',
      '',
      'def archive(item_id):',
      '    boto3.resource("dynamodb").Table(os.environ["ARCHIVE"]).put_item(Item={"id": item_id})',
    );
    const files = { 'runtime/aws_clients.py': CLIENTS, 'runtime/handler.py': handler };
    assert.deepEqual(perInvocation(files, 'runtime/handler.py'), ['6:archive lambda-client-per-invocation!']);
  });
});
