/**
 * `dynamodb-encryption-key`: where a table's encryption at rest is configured, the hover says what the setting
 * chooses (the KMS key; encryption itself is always on). SDK requests (`SSESpecification` of CreateTable and
 * UpdateTable), CloudFormation and SAM tables, Terraform's `server_side_encryption` block and CDK's `encryption`
 * and `encryptionKey`. A DAX cluster's `SSESpecification` and an S3 bucket's `encryption` are other services'.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULE = 'dynamodb-encryption-key';

describe('DynamoDB encryption at rest (KMS key)', () => {
  it('reads a CloudFormation table and a SAM SimpleTable, not a DAX cluster', () => {
    const code = sourceLines(
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Orders:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
      '      SSESpecification:',
      '        SSEEnabled: true',
      '        SSEType: KMS',
      '  Sessions:',
      '    Type: AWS::Serverless::SimpleTable',
      '    Properties:',
      '      SSESpecification:',
      '        SSEEnabled: true',
      '  Accelerator:',
      '    Type: AWS::DAX::Cluster',
      '    Properties:',
      '      NodeType: dax.r5.large',
      '      ReplicationFactor: 3',
      '      IAMRoleARN: !GetAtt DaxRole.Arn',
      '      SSESpecification:',
      '        SSEEnabled: true',
    );
    assert.deepEqual(hintsOfRules('template.yaml', code, [RULE]), [`13:SSESpecification ${RULE}`, `7:SSESpecification ${RULE}`]);
  });

  it("reads Terraform's server_side_encryption block, and CDK tables but not an S3 bucket's encryption", () => {
    const terraform = sourceLines(
      'resource "aws_dynamodb_table" "orders" {',
      '  name         = "orders"',
      '  billing_mode = "PAY_PER_REQUEST"',
      '  hash_key     = "pk"',
      '  server_side_encryption {',
      '    enabled     = true',
      '    kms_key_arn = aws_kms_key.orders.arn',
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.tf', terraform, [RULE]), [`5:server_side_encryption ${RULE}`]);
    const cdk = sourceLines(
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import * as s3 from 'aws-cdk-lib/aws-s3';",
      "import { Stack } from 'aws-cdk-lib';",
      '',
      'export class Tables extends Stack {',
      '  build(key: any) {',
      "    new dynamodb.Table(this, 'Orders', {",
      "      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },",
      '      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,',
      '      encryptionKey: key,',
      '    });',
      "    new s3.Bucket(this, 'Exports', { encryption: s3.BucketEncryption.KMS, encryptionKey: key });",
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('tables.ts', cdk, [RULE]), [`10:encryptionKey ${RULE}`, `9:encryption ${RULE}`]);
  });

  it("reads the SDK's SSESpecification on CreateTable and UpdateTable", () => {
    const code = sourceLines(
      'import boto3',
      '',
      'client = boto3.client("dynamodb")',
      '',
      'def use_owned_key():',
      '    client.update_table(TableName="orders", SSESpecification={"Enabled": False})',
    );
    assert.deepEqual(hintsOfRules('tables.py', code, [RULE]), [`6:SSESpecification ${RULE}`]);
  });
});
