/**
 * Point-in-time recovery of a global table's replicas: CloudFormation's `AWS::DynamoDB::GlobalTable` sets it in each
 * `Replicas` item, Terraform's `replica` blocks each have their own `point_in_time_recovery` (false unless set) beside
 * the table's own block. Each replica that leaves it out is reported on its own.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { hintsOfRules, realHintRules, sourceLines } from './support';

const RULES = ['dynamodb-pitr'];

describe('Point-in-time recovery of global table replicas', () => {
  it('reports each CloudFormation replica that leaves it out or turns it off, and not one that turns it on', () => {
    const template = sourceLines(
      'Resources:', // 1
      '  Sessions:',
      '    Type: AWS::DynamoDB::GlobalTable',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
      '      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]',
      '      KeySchema: [{ AttributeName: pk, KeyType: HASH }]',
      '      StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }',
      '      Replicas:', // 9
      '        - Region: eu-west-1', // 10
      '          PointInTimeRecoverySpecification:',
      '            PointInTimeRecoveryEnabled: true', // 12
      '        - Region: us-east-1', // 13
      '        - Region: ap-south-1', // 14
      '          PointInTimeRecoverySpecification:',
      '            PointInTimeRecoveryEnabled: false', // 16
    );
    assert.deepEqual(hintsOfRules('stack.yaml', template, RULES), [
      '11:PointInTimeRecoverySpecification dynamodb-pitr',
      '12:PointInTimeRecoveryEnabled dynamodb-pitr',
      '13:Region dynamodb-pitr!',
      '15:PointInTimeRecoverySpecification dynamodb-pitr',
      '16:PointInTimeRecoveryEnabled dynamodb-pitr',
      '16:PointInTimeRecoveryEnabled dynamodb-pitr!',
    ]);
  });

  it('says the finding is the replica\'s, and leaves a global table the stack deletes alone', () => {
    const replica = (deletionPolicy: string): string =>
      sourceLines(
        'Resources:',
        '  Carts:',
        '    Type: AWS::DynamoDB::GlobalTable',
        ...(deletionPolicy ? [`    DeletionPolicy: ${deletionPolicy}`] : []),
        '    Properties:',
        '      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]',
        '      KeySchema: [{ AttributeName: pk, KeyType: HASH }]',
        '      Replicas:',
        '        - Region: eu-west-1',
      );
    const result = analyzeText(replica(''), realHintRules(), { kind: documentKind(undefined, 'stack.yaml')!, fileName: 'stack.yaml' });
    const finding = result.findings.find((found) => found.ruleId === 'dynamodb-pitr');
    assert.match(finding?.message ?? '', /this replica of the global table/);
    assert.deepEqual(hintsOfRules('stack.yaml', replica('Delete'), RULES).filter((hint) => hint.endsWith('!')), []);
  });

  it('reports a Terraform replica block without point_in_time_recovery, and judges the table\'s own block apart from its replicas\'', () => {
    const config = sourceLines(
      'resource "aws_dynamodb_table" "sessions" {', // 1
      '  name             = "sessions"',
      '  hash_key         = "id"',
      '  billing_mode     = "PAY_PER_REQUEST"',
      '  stream_enabled   = true',
      '  stream_view_type = "NEW_AND_OLD_IMAGES"',
      '  attribute {',
      '    name = "id"',
      '    type = "S"',
      '  }',
      '  replica {', // 11
      '    region_name            = "eu-west-1"',
      '    point_in_time_recovery = true', // 13
      '  }',
      '  replica {', // 15
      '    region_name = "us-west-2"',
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.tf', config, RULES), [
      '13:point_in_time_recovery dynamodb-pitr',
      '15:replica dynamodb-pitr!',
      // The table's own recovery is off: a replica's setting is the replica's.
      '1:"sessions" dynamodb-pitr!',
    ]);
  });

  it('reports a Terraform table replica resource that leaves point_in_time_recovery out, not one that turns it on', () => {
    const replica = (recovery: string): string =>
      sourceLines(
        'resource "aws_dynamodb_table_replica" "tokyo" {',
        '  provider         = aws.tokyo',
        '  global_table_arn = aws_dynamodb_table.sessions.arn',
        ...(recovery ? [`  point_in_time_recovery = ${recovery}`] : []),
        '}',
      );
    assert.deepEqual(hintsOfRules('replica.tf', replica(''), RULES), ['1:"tokyo" dynamodb-pitr!']);
    assert.deepEqual(hintsOfRules('replica.tf', replica('true'), RULES), ['4:point_in_time_recovery dynamodb-pitr']);
  });

  it('leaves a Terraform table alone whose own block and every replica turn recovery on', () => {
    const config = sourceLines(
      'resource "aws_dynamodb_table" "sessions" {',
      '  name     = "sessions"',
      '  hash_key = "id"',
      '  attribute {',
      '    name = "id"',
      '    type = "S"',
      '  }',
      '  point_in_time_recovery {',
      '    enabled = true',
      '  }',
      '  replica {',
      '    region_name            = "eu-west-1"',
      '    point_in_time_recovery = true',
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.tf', config, RULES).filter((hint) => hint.endsWith('!')), []);
  });
});
