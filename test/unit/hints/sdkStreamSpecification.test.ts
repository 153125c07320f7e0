/**
 * `dynamodb-streams` on the SDK: the `StreamSpecification` of a `CreateTable` or `UpdateTable` request gets the
 * hover the IaC properties get. Silent: the same key read from a `DescribeTable` reply, and other operations.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-streams';

function hovered(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(` ${RULE}`));
}

describe('DynamoDB Streams settings written in SDK requests', () => {
  it('hovers StreamSpecification of UpdateTable and CreateTable in Python, not a describe_table reply', () => {
    const code = sourceLines(
      'import boto3',
      '',
      "ddb = boto3.client('dynamodb')",
      '',
      'def enable_stream(name):',
      '    ddb.update_table(',
      '        TableName=name,',
      "        StreamSpecification={'StreamEnabled': True, 'StreamViewType': 'NEW_AND_OLD_IMAGES'},",
      '    )',
      '    described = ddb.describe_table(TableName=name)',
      "    return described['Table']['StreamSpecification']",
      '',
      'def create_audit_table():',
      '    ddb.create_table(',
      "        TableName='audit',",
      "        KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}],",
      "        AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}],",
      "        BillingMode='PAY_PER_REQUEST',",
      "        StreamSpecification={'StreamEnabled': True, 'StreamViewType': 'KEYS_ONLY'},",
      '    )',
    );
    assert.deepEqual(hovered('streams_setup.py', code), [`8:StreamSpecification ${RULE}`, `19:StreamSpecification ${RULE}`]);
  });

  it('hovers the request property in JavaScript, Java and Go', () => {
    const js = sourceLines(
      "import { DynamoDBClient, UpdateTableCommand } from '@aws-sdk/client-dynamodb';",
      'const client = new DynamoDBClient({});',
      'export async function enable(TableName: string) {',
      "  await client.send(new UpdateTableCommand({ TableName, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } }));",
      '}',
    );
    assert.deepEqual(hovered('enable.ts', js), [`4:StreamSpecification ${RULE}`]);
    const java = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.*;',
      'class Streams {',
      '  private final DynamoDbClient ddb = DynamoDbClient.create();',
      '  void enable(String table) {',
      '    ddb.updateTable(UpdateTableRequest.builder().tableName(table)',
      '        .streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE).build())',
      '        .build());',
      '  }',
      '}',
    );
    assert.deepEqual(hovered('Streams.java', java), [`7:streamSpecification ${RULE}`]);
    const go = sourceLines(
      'package tables',
      'import (',
      '\t"context"',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      ')',
      'func Enable(ctx context.Context, client *dynamodb.Client, name string) error {',
      '\t_, err := client.UpdateTable(ctx, &dynamodb.UpdateTableInput{',
      '\t\tTableName:           aws.String(name),',
      '\t\tStreamSpecification: &types.StreamSpecification{StreamEnabled: aws.Bool(true), StreamViewType: types.StreamViewTypeNewImage},',
      '\t})',
      '\treturn err',
      '}',
    );
    assert.deepEqual(hovered('tables.go', go), [`11:StreamSpecification ${RULE}`]);
  });
});
