/**
 * `dynamodb-key-schema`: a table's primary key, where it is defined, gets the key design facts (fixed at
 * creation, partition throughput, item collections, key types and sizes). The table's own key only: the key
 * of an index defined beside it (CloudFormation `KeySchema` in `GlobalSecondaryIndexes`, Terraform's
 * `hash_key` in a `global_secondary_index` block, CDK `partitionKey` of `addGlobalSecondaryIndex`) is not it.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULE = 'dynamodb-key-schema';

describe('DynamoDB primary key definitions', () => {
  it("reads a CloudFormation table's KeySchema and a SAM SimpleTable's PrimaryKey, not an index's KeySchema", () => {
    const code = sourceLines(
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Orders:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      KeySchema:',
      '        - { AttributeName: customerId, KeyType: HASH }',
      '      GlobalSecondaryIndexes:',
      '        - IndexName: by-status',
      '          KeySchema: [{ AttributeName: status, KeyType: HASH }]',
      '          Projection: { ProjectionType: KEYS_ONLY }',
      '  Sessions:',
      '    Type: AWS::Serverless::SimpleTable',
      '    Properties:',
      '      PrimaryKey: { Name: id, Type: String }',
    );
    assert.deepEqual(hintsOfRules('template.yaml', code, [RULE]), [`15:PrimaryKey ${RULE}`, `6:KeySchema ${RULE}`]);
  });

  it("reads Terraform's hash_key and range_key of the table, not of its index block", () => {
    const code = sourceLines(
      'resource "aws_dynamodb_table" "orders" {',
      '  name      = "orders"',
      '  hash_key  = "customerId"',
      '  range_key = "orderKey"',
      '  global_secondary_index {',
      '    name            = "by-status"',
      '    hash_key        = "status"',
      '    projection_type = "KEYS_ONLY"',
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.tf', code, [RULE]), [`3:hash_key ${RULE}`, `4:range_key ${RULE}`]);
  });

  it("reads CDK's partitionKey and sortKey of the table, not of an index it adds", () => {
    const code = sourceLines(
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import { Stack } from 'aws-cdk-lib';",
      '',
      'export class Tables extends Stack {',
      '  build() {',
      "    const orders = new dynamodb.Table(this, 'Orders', {",
      "      partitionKey: { name: 'customerId', type: dynamodb.AttributeType.STRING },",
      "      sortKey: { name: 'orderKey', type: dynamodb.AttributeType.STRING },",
      '    });',
      "    orders.addGlobalSecondaryIndex({ indexName: 'by-status', partitionKey: { name: 'status', type: dynamodb.AttributeType.STRING } });",
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('tables.ts', code, [RULE]), [`7:partitionKey ${RULE}`, `8:sortKey ${RULE}`]);
  });
});
