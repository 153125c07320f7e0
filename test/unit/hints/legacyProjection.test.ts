/** `AttributesToGet`, the legacy form of `ProjectionExpression`, gets the projection hover in each SDK's spelling. */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const projections = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.includes('dynamodb-projection-expression'));

describe('AttributesToGet, the legacy projection', () => {
  it('JavaScript SDK v3, Python boto3 and Java SDK v2 requests', () => {
    const js = sourceLines(
      "const { DynamoDBClient, GetItemCommand } = require('@aws-sdk/client-dynamodb');",
      'const client = new DynamoDBClient({});',
      "exports.get = (sid) => client.send(new GetItemCommand({ TableName: 'sessions', Key: { sid: { S: sid } }, AttributesToGet: ['body'] }));",
    );
    assert.deepEqual(projections('store.js', js), ['3:AttributesToGet dynamodb-projection-expression']);
    const python = sourceLines(
      'import boto3',
      'client = boto3.client("dynamodb")',
      'def handler(event, context):',
      '    return client.scan(TableName="sessions", AttributesToGet=["sid"])',
    );
    assert.deepEqual(projections('handler.py', python), ['4:AttributesToGet dynamodb-projection-expression']);
    const java = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;',
      'class SessionRepository {',
      '  private final DynamoDbClient ddb = DynamoDbClient.create();',
      '  Object find(java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key) {',
      '    return ddb.getItem(GetItemRequest.builder().tableName("sessions").key(key).attributesToGet("body").build());',
      '  }',
      '}',
    );
    assert.deepEqual(projections('SessionRepository.java', java), ['6:attributesToGet dynamodb-projection-expression']);
  });

  it('trap: a key of that name outside a DynamoDB request', () => {
    const code = sourceLines('const options = { AttributesToGet: ["body"] };', 'module.exports = options;');
    assert.deepEqual(projections('options.js', code), []);
  });
});
