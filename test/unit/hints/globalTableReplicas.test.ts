/**
 * Global tables: `AWS::DynamoDB::GlobalTable` in CloudFormation, SAM and Serverless templates keeps its stream and
 * TTL settings at the top level as a table does, while point-in-time recovery and deletion protection are set per
 * replica in `Replicas` (a replica that leaves recovery out has it off, reported on the replica); Terraform sets them in an `aws_dynamodb_table`'s `replica` blocks or on an
 * `aws_dynamodb_table_replica`. Each gets the hover it gets on a table, and so does a replica's customer managed key
 * (SSESpecification, kms_key_arn); an `aws_dynamodb_table_replica`'s `global_table_arn`, which makes the table global,
 * gets the global tables hover; a replica's other keys (Region, Tags, region_name) and the same keys under another
 * resource type stay unread.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('DynamoDB global tables in templates', () => {
  it('reads the top-level stream and TTL settings and each replica of a SAM template', () => {
    const template = sourceLines(
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Transform: AWS::Serverless-2016-10-31',
      'Parameters:',
      '  SecondRegion: { Type: String, Default: eu-west-1 }',
      'Resources:',
      '  SessionsTable:',
      '    Type: AWS::DynamoDB::GlobalTable',
      '    DeletionPolicy: Retain',
      '    Properties:',
      '      TableName: !Sub sessions-${AWS::StackName}',
      '      BillingMode: PAY_PER_REQUEST',
      '      AttributeDefinitions: [{ AttributeName: sessionId, AttributeType: S }]',
      '      KeySchema: [{ AttributeName: sessionId, KeyType: HASH }]',
      '      StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }',
      '      TimeToLiveSpecification: { AttributeName: expiresAt, Enabled: true }',
      '      Replicas:',
      '        - Region: !Ref AWS::Region',
      '          DeletionProtectionEnabled: true',
      '          PointInTimeRecoverySpecification:',
      '            PointInTimeRecoveryEnabled: true',
      '          SSESpecification: { KMSMasterKeyId: alias/aws/dynamodb }',
      '          Tags: [{ Key: team, Value: payments }]',
      '        - Region: !Ref SecondRegion',
      '          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false }',
      '  SessionsFunction:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: app.handler',
      '      Runtime: python3.12',
      '      Policies: [{ DynamoDBCrudPolicy: { TableName: !Ref SessionsTable } }]',
    );
    assert.deepEqual(hintsIn('template.yaml', template).sort(), [
      '11:BillingMode dynamodb-billing-mode',
      '12:AttributeDefinitions dynamodb-key-schema',
      '13:KeySchema dynamodb-key-schema',
      '14:StreamSpecification dynamodb-streams',
      '15:TimeToLiveSpecification dynamodb-ttl',
      '16:Replicas dynamodb-global-tables',
      '18:DeletionProtectionEnabled dynamodb-deletion-protection',
      '19:PointInTimeRecoverySpecification dynamodb-pitr',
      '20:PointInTimeRecoveryEnabled dynamodb-pitr',
      '21:SSESpecification dynamodb-encryption-key',
      // The second replica turns recovery off in its Region.
      '24:PointInTimeRecoveryEnabled dynamodb-pitr',
      '24:PointInTimeRecoveryEnabled dynamodb-pitr!',
      '24:PointInTimeRecoverySpecification dynamodb-pitr',
      '8:DeletionPolicy dynamodb-removal-policy',
    ]);
  });

  it('reads replicas of a JSON template, a replica under a condition, and a Serverless resources block', () => {
    const json = JSON.stringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Conditions: { Prod: { 'Fn::Equals': [{ Ref: 'AWS::AccountId' }, '111122223333'] } },
        Resources: {
          Orders: {
            Type: 'AWS::DynamoDB::GlobalTable',
            Properties: {
              AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
              KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
              BillingMode: 'PAY_PER_REQUEST',
              Replicas: [
                { Region: 'us-east-1', DeletionProtectionEnabled: { 'Fn::If': ['Prod', true, false] } },
                { 'Fn::If': ['Prod', { Region: 'eu-west-1', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }, { Ref: 'AWS::NoValue' }] },
              ],
            },
          },
        },
      },
      null,
      2,
    );
    const hovers = hintsIn('orders.template.json', json).map((hint) => hint.replace(/^\d+:/, ''));
    assert.deepEqual(hovers.sort(), ['"AttributeDefinitions" dynamodb-key-schema', '"BillingMode" dynamodb-billing-mode', '"DeletionProtectionEnabled" dynamodb-deletion-protection', '"KeySchema" dynamodb-key-schema', '"Orders" dynamodb-removal-policy!', '"PointInTimeRecoveryEnabled" dynamodb-pitr', '"PointInTimeRecoverySpecification" dynamodb-pitr', '"Region" dynamodb-pitr!', '"Replicas" dynamodb-global-tables']);

    const serverless = sourceLines(
      'service: notes',
      'provider: { name: aws, runtime: nodejs20.x }',
      'resources:',
      '  Resources:',
      '    NotesTable:',
      '      Type: AWS::DynamoDB::GlobalTable',
      '      Properties:',
      '        TableName: notes-${sls:stage}',
      '        BillingMode: PAY_PER_REQUEST',
      '        AttributeDefinitions: [{ AttributeName: notesId, AttributeType: S }]',
      '        KeySchema: [{ AttributeName: notesId, KeyType: HASH }]',
      '        Replicas:',
      '          - Region: ${aws:region}',
      '            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }',
    );
    assert.deepEqual(hintsIn('serverless.yml', serverless).sort(), ['10:AttributeDefinitions dynamodb-key-schema', '11:KeySchema dynamodb-key-schema', '12:Replicas dynamodb-global-tables', '14:PointInTimeRecoveryEnabled dynamodb-pitr', '14:PointInTimeRecoverySpecification dynamodb-pitr', '5:NotesTable dynamodb-removal-policy!', '9:BillingMode dynamodb-billing-mode']);
  });

  it('reads no replica keys of other resource types, nor replicas passed whole as a parameter', () => {
    const template = sourceLines(
      'Parameters:',
      '  ReplicaList: { Type: CommaDelimitedList }',
      'Resources:',
      '  Mirror:',
      '    Type: Custom::TableMirror',
      '    Properties:',
      '      ServiceToken: !GetAtt MirrorFunction.Arn',
      '      Replicas:',
      '        - Region: eu-west-1',
      '          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }',
      '          DeletionProtectionEnabled: true',
      '  Cache:',
      '    Type: AWS::DynamoDB::GlobalTable',
      '    Properties:',
      '      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]',
      '      KeySchema: [{ AttributeName: id, KeyType: HASH }]',
      '      BillingMode: PAY_PER_REQUEST',
      '      Replicas: !Ref ReplicaList',
    );
    // The global table's own `Replicas`, passed whole, still get the global tables hover.
    assert.deepEqual(hintsIn('template.yaml', template), ['15:AttributeDefinitions dynamodb-key-schema', '16:KeySchema dynamodb-key-schema', '17:BillingMode dynamodb-billing-mode', '18:Replicas dynamodb-global-tables', '12:Cache dynamodb-removal-policy!']);
  });

  it("reads a Terraform table's replica blocks and a table replica resource, not other nested blocks", () => {
    const tables = sourceLines(
      'variable "replica_regions" { default = ["eu-west-1"] }',
      '',
      'resource "aws_dynamodb_table" "sessions" {',
      '  name             = "sessions"',
      '  billing_mode     = "PAY_PER_REQUEST"',
      '  hash_key         = "id"',
      '  stream_enabled   = true',
      '  stream_view_type = "NEW_AND_OLD_IMAGES"',
      '  attribute {',
      '    name = "id"',
      '    type = "S"',
      '  }',
      '  point_in_time_recovery {',
      '    enabled = true',
      '  }',
      '  replica {',
      '    region_name                 = "eu-west-1"',
      '    kms_key_arn                 = aws_kms_key.replica.arn',
      '    point_in_time_recovery      = true',
      '    deletion_protection_enabled = true',
      '  }',
      '  replica {',
      '    region_name = "ap-southeast-2"',
      '  }',
      '}',
      '',
      'resource "aws_dynamodb_table_replica" "tokyo" {',
      '  provider               = aws.tokyo',
      '  global_table_arn       = aws_dynamodb_table.sessions.arn',
      '  point_in_time_recovery = true',
      '}',
      '',
      'resource "aws_elasticache_replication_group" "cache" {',
      '  replication_group_id = "cache"',
      '  description          = "cache"',
      '  replica {',
      '    point_in_time_recovery = true',
      '  }',
      '}',
    );
    assert.deepEqual(
      hintsIn('main.tf', tables).filter((hint) => !hint.includes('elasticache')),
      [
        '5:billing_mode dynamodb-billing-mode',
        '6:hash_key dynamodb-key-schema',
        '7:stream_enabled dynamodb-streams',
        '8:stream_view_type dynamodb-streams',
        '9:attribute dynamodb-key-schema',
        '13:point_in_time_recovery dynamodb-pitr',
        '16:replica dynamodb-global-tables',
        '18:kms_key_arn dynamodb-encryption-key',
        '19:point_in_time_recovery dynamodb-pitr',
        '20:deletion_protection_enabled dynamodb-deletion-protection',
        '22:replica dynamodb-global-tables',
        '29:global_table_arn dynamodb-global-tables',
        '30:point_in_time_recovery dynamodb-pitr',
        // The second replica block leaves point_in_time_recovery out: off in its Region, whatever the table's own says.
        '22:replica dynamodb-pitr!',
      ],
    );
    assert.ok(!hintsIn('main.tf', tables).some((hint) => hint.startsWith('37:')));
  });
});
