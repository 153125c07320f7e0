/** dynamodb-encryption-key on the customer managed key each replica of a global table names in its own Region. */
import * as assert from 'node:assert/strict';
import { hintsOfRules, hoverAt, sourceLines } from './support';

const RULE = ['dynamodb-encryption-key'];

describe('the KMS key of a global table replica', () => {
  it('hovers a CloudFormation replica SSESpecification beside the table-level one', () => {
    const template = sourceLines(
      'Resources:',
      '  Orders:',
      '    Type: AWS::DynamoDB::GlobalTable',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
      '      SSESpecification:',
      '        SSEEnabled: true',
      '        SSEType: KMS',
      '      Replicas:',
      '        - Region: eu-west-1', // 10
      '          SSESpecification:',
      '            KMSMasterKeyId: alias/orders-eu',
      '        - Region: us-east-1',
      '          Tags:',
      '            - Key: SSESpecification',
      '              Value: none',
    );
    assert.deepEqual(hintsOfRules('template.yaml', template, RULE), ['11:SSESpecification dynamodb-encryption-key', '6:SSESpecification dynamodb-encryption-key']);
  });

  it('hovers kms_key_arn of a Terraform replica block and of aws_dynamodb_table_replica, not of other resources', () => {
    const code = sourceLines(
      'resource "aws_dynamodb_table" "orders" {',
      '  name         = "orders"',
      '  billing_mode = "PAY_PER_REQUEST"',
      '  server_side_encryption {',
      '    enabled     = true',
      '    kms_key_arn = aws_kms_key.orders.arn',
      '  }',
      '  replica {',
      '    region_name = "eu-west-1"',
      '    kms_key_arn = aws_kms_key.orders_eu.arn', // 10
      '  }',
      '}',
      'resource "aws_dynamodb_table_replica" "us" {',
      '  global_table_arn = aws_dynamodb_table.orders.arn',
      '  kms_key_arn      = aws_kms_key.orders_us.arn',
      '}',
      'resource "aws_lambda_function" "reader" {',
      '  function_name = "reader"',
      '  kms_key_arn   = aws_kms_key.lambda.arn',
      '}', // 20
      'resource "aws_db_instance" "reports" {',
      '  engine     = "postgres"',
      '  kms_key_id = aws_kms_key.reports.arn',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.tf', code, RULE), [
      '10:kms_key_arn dynamodb-encryption-key',
      '15:kms_key_arn dynamodb-encryption-key',
      '4:server_side_encryption dynamodb-encryption-key',
    ]);
  });

  it('says that the key must be in the replica Region', () => {
    const code = sourceLines('resource "aws_dynamodb_table_replica" "us" {', '  kms_key_arn = aws_kms_key.orders_us.arn', '}');
    assert.match(hoverAt('main.tf', code, 'kms_key_arn'), /created in the replica's\s+Region/);
  });
});
