/**
 * dynamodb-pitr: a table a template defines with point-in-time recovery off, written or left out, is reported at
 * information level; one that turns it on, or whose switch the reader cannot see, is not.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULE = ['dynamodb-pitr'];

function findings(fileName: string, code: string): string[] {
  return hintsOfRules(fileName, code, RULE).filter((hint) => hint.endsWith('!'));
}

describe('point-in-time recovery off in a template', () => {
  it('reads Terraform\'s switch block, the registry module input and its default, and a replica\'s own setting', () => {
    const code = sourceLines(
      'resource "aws_dynamodb_table" "orders" {',
      '  name     = "orders"',
      '  hash_key = "pk"',
      '  point_in_time_recovery {',
      '    enabled = false',
      '  }',
      '}',
      'resource "aws_dynamodb_table" "users" {',
      '  name     = "users"',
      '  hash_key = "pk"', // 10
      '}',
      'resource "aws_dynamodb_table" "events" {',
      '  hash_key = "pk"',
      '  point_in_time_recovery {',
      '    enabled = true',
      '  }',
      '}',
      'resource "aws_dynamodb_table" "sessions" {',
      '  hash_key = "pk"',
      '  point_in_time_recovery {', // 20
      '    enabled = var.pitr',
      '  }',
      '}',
      'module "carts" {',
      '  source   = "terraform-aws-modules/dynamodb-table/aws"',
      '  hash_key = "pk"',
      '}',
      'module "wishlists" {',
      '  source   = "terraform-aws-modules/dynamodb-table/aws"',
      '  hash_key = "pk"', // 30
      '  point_in_time_recovery_enabled = true',
      '}',
      'resource "aws_dynamodb_table" "global" {',
      '  hash_key = "pk"',
      '  point_in_time_recovery {',
      '    enabled = true',
      '  }',
      '  replica {',
      '    region_name            = "eu-west-1"',
      '    point_in_time_recovery = false', // 40
      '  }',
      '}',
    );
    assert.deepEqual(findings('tables.tf', code), [
      '24:"carts" dynamodb-pitr!',
      '40:point_in_time_recovery dynamodb-pitr!',
      '4:point_in_time_recovery dynamodb-pitr!',
      '8:"users" dynamodb-pitr!',
    ]);
  });

  it('reads CloudFormation\'s nested PointInTimeRecoveryEnabled and a global table\'s replica, and leaves a SimpleTable and an unreadable specification alone', () => {
    const code = sourceLines(
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Parameters:',
      '  Pitr:',
      '    Type: String',
      'Resources:',
      '  Orders:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      KeySchema: [{ AttributeName: pk, KeyType: HASH }]',
      '      PointInTimeRecoverySpecification:', // 10
      '        PointInTimeRecoveryEnabled: false',
      '  Users:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      KeySchema: [{ AttributeName: pk, KeyType: HASH }]',
      '  Events:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      PointInTimeRecoverySpecification:',
      '        PointInTimeRecoveryEnabled: true', // 20
      '  Sessions:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      PointInTimeRecoverySpecification: !Ref AWS::NoValue',
      '  Carts:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      PointInTimeRecoverySpecification:',
      '        PointInTimeRecoveryEnabled: !Ref Pitr',
      '  Global:', // 30
      '    Type: AWS::DynamoDB::GlobalTable',
      '    Properties:',
      '      Replicas:',
      '        - Region: eu-west-1',
      '  Simple:',
      '    Type: AWS::Serverless::SimpleTable',
    );
    // The global table's one replica leaves it out: off in its Region.
    assert.deepEqual(findings('template.yaml', code), ['11:PointInTimeRecoveryEnabled dynamodb-pitr!', '12:Users dynamodb-pitr!', '21:Sessions dynamodb-pitr!', '34:Region dynamodb-pitr!']);
  });

  it('reads the CDK\'s flag and specification, in TypeScript and Python, and not a specification held elsewhere', () => {
    const typescript = sourceLines(
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import { Stack } from 'aws-cdk-lib';",
      'export class Tables extends Stack {',
      '  constructor(scope: any, id: string, spec: dynamodb.PointInTimeRecoverySpecification) {',
      '    super(scope, id);',
      "    new dynamodb.Table(this, 'Orders', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });",
      "    new dynamodb.TableV2(this, 'Users', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, pointInTimeRecovery: false });",
      "    new dynamodb.Table(this, 'Events', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } });",
      "    new dynamodb.Table(this, 'Carts', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, pointInTimeRecoverySpecification: spec });",
      '  }',
      '}',
    );
    assert.deepEqual(findings('lib/tables.ts', typescript), ['6:Table dynamodb-pitr!', '7:pointInTimeRecovery dynamodb-pitr!']);
    const python = sourceLines(
      'from aws_cdk import Stack, aws_dynamodb as dynamodb',
      'class Tables(Stack):',
      '    def __init__(self, scope, id):',
      '        super().__init__(scope, id)',
      '        dynamodb.Table(self, "Orders", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),',
      '            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=False))',
      '        dynamodb.Table(self, "Events", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),',
      '            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=True))',
    );
    assert.deepEqual(findings('tables.py', python), ['6:point_in_time_recovery_enabled dynamodb-pitr!']);
  });

  it('leaves out a table declared disposable and Terraform\'s state lock table, unless they turn it off in so many words', () => {
    const template = sourceLines(
      'Resources:',
      '  Connections:',
      '    Type: AWS::DynamoDB::Table',
      '    DeletionPolicy: Delete',
      '    Properties:',
      '      KeySchema: [{ AttributeName: connectionId, KeyType: HASH }]',
      '  Scratch:',
      '    Type: AWS::DynamoDB::Table',
      '    DeletionPolicy: Delete',
      '    Properties:', // 10
      '      PointInTimeRecoverySpecification:',
      '        PointInTimeRecoveryEnabled: false',
    );
    assert.deepEqual(findings('template.yaml', template), ['12:PointInTimeRecoveryEnabled dynamodb-pitr!']);
    const stack = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      'export class Tables extends cdk.Stack {',
      '  constructor(scope: any, id: string) {',
      '    super(scope, id);',
      "    new dynamodb.Table(this, 'Connections', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, removalPolicy: cdk.RemovalPolicy.DESTROY });",
      "    new dynamodb.Table(this, 'Orders', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, removalPolicy: cdk.RemovalPolicy.RETAIN });",
      '  }',
      '}',
    );
    assert.deepEqual(findings('lib/tables.ts', stack), ['7:Table dynamodb-pitr!']);
    const lock = sourceLines('resource "aws_dynamodb_table" "terraform_lock" {', '  name     = "terraform-lock"', '  hash_key = "LockID"', '}');
    assert.deepEqual(findings('backend.tf', lock), []);
  });

  it('reports at information level, on no SDK request', () => {
    const code = sourceLines(
      "import { DynamoDBClient, UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';",
      'const client = new DynamoDBClient({});',
      "await client.send(new UpdateContinuousBackupsCommand({ TableName: 't', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } }));",
    );
    assert.deepEqual(findings('backups.ts', code), []);
  });
});
