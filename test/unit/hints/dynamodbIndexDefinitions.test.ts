/**
 * `dynamodb-secondary-index-definition`: where a GSI or LSI is defined, the hover gives what an index costs and
 * limits (eventual consistency, write back-pressure, LSIs only at creation and 10 GB per key, projections).
 * CloudFormation, Terraform (a resource's blocks and the registry module's list), CDK (props and the
 * `add...SecondaryIndex` methods, also on a table held by a field) and the SDK's CreateTable and UpdateTable.
 * Reading an index description from a response, or naming the block in `ignore_changes`, defines nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULE = 'dynamodb-secondary-index-definition';

describe('DynamoDB secondary index definitions', () => {
  it('reads CloudFormation GSIs and LSIs', () => {
    const code = sourceLines(
      'Resources:',
      '  Orders:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
      '      KeySchema:',
      '        - { AttributeName: pk, KeyType: HASH }',
      '        - { AttributeName: sk, KeyType: RANGE }',
      '      GlobalSecondaryIndexes:',
      '        - IndexName: by-status',
      '          KeySchema: [{ AttributeName: status, KeyType: HASH }]',
      '          Projection: { ProjectionType: KEYS_ONLY }',
      '      LocalSecondaryIndexes:',
      '        - IndexName: by-created',
      '          KeySchema: [{ AttributeName: pk, KeyType: HASH }, { AttributeName: created, KeyType: RANGE }]',
      '          Projection: { ProjectionType: ALL }',
    );
    assert.deepEqual(hintsOfRules('template.yaml', code, [RULE]), [`13:LocalSecondaryIndexes ${RULE}`, `9:GlobalSecondaryIndexes ${RULE}`]);
  });

  it("reads Terraform's blocks and the registry module's list, not ignore_changes", () => {
    const code = sourceLines(
      'resource "aws_dynamodb_table" "orders" {',
      '  name     = "orders"',
      '  hash_key = "pk"',
      '  global_secondary_index {',
      '    name            = "by-status"',
      '    hash_key        = "status"',
      '    projection_type = "KEYS_ONLY"',
      '  }',
      '  lifecycle {',
      '    ignore_changes = [global_secondary_index]',
      '  }',
      '}',
      '',
      'module "sessions" {',
      '  source   = "terraform-aws-modules/dynamodb-table/aws"',
      '  name     = "sessions"',
      '  hash_key = "id"',
      '  global_secondary_indexes = [{ name = "by-user", hash_key = "user", projection_type = "ALL" }]',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.tf', code, [RULE]), [`18:global_secondary_indexes ${RULE}`, `4:global_secondary_index ${RULE}`]);
  });

  it('reads CDK props and methods, on a table a construct keeps in a field', () => {
    const code = sourceLines(
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import { Construct } from 'constructs';",
      '',
      'export class Tables extends Construct {',
      '  readonly orders: dynamodb.Table;',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      "    this.orders = new dynamodb.Table(this, 'Orders', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });",
      "    this.orders.addGlobalSecondaryIndex({ indexName: 'by-status', partitionKey: { name: 'status', type: dynamodb.AttributeType.STRING } });",
      "    new dynamodb.TableV2(this, 'Carts', {",
      "      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },",
      "      globalSecondaryIndexes: [{ indexName: 'by-user', partitionKey: { name: 'user', type: dynamodb.AttributeType.STRING } }],",
      '    });',
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('tables.ts', code, [RULE]), [`12:globalSecondaryIndexes ${RULE}`, `9:addGlobalSecondaryIndex ${RULE}`]);
  });

  it("reads the SDK's UpdateTable index updates, not an index description read from a response", () => {
    const code = sourceLines(
      'import boto3',
      '',
      'client = boto3.client("dynamodb")',
      '',
      'def add_status_index():',
      '    described = client.describe_table(TableName="orders")["Table"]',
      '    if not described.get("GlobalSecondaryIndexes"):',
      '        client.update_table(',
      '            TableName="orders",',
      '            AttributeDefinitions=[{"AttributeName": "status", "AttributeType": "S"}],',
      '            GlobalSecondaryIndexUpdates=[{"Create": {"IndexName": "by-status", "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}], "Projection": {"ProjectionType": "KEYS_ONLY"}}}],',
      '        )',
    );
    assert.deepEqual(hintsOfRules('indexes.py', code, [RULE]), [`11:GlobalSecondaryIndexUpdates ${RULE}`]);
  });
});
