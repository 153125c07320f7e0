/**
 * Settings a resource leaves out whose default is the risky value, reported as the written value is:
 * - a DB instance without MultiAZ is single-AZ (false is the default in the API, CloudFormation, Terraform, Pulumi
 *   and the CDK): `rds-multi-az`, at information level, but not on an instance whose availability another setting
 *   decides (a cluster member, a read replica, a restored copy) nor on an engine that has no Multi-AZ;
 * - a DynamoDB table in a template without DeletionPolicy is deleted with the stack (`dynamodb-removal-policy`);
 *   the CDK's tables are retained unless told otherwise;
 * - props spread from an object literal of the file leave out what it leaves out (a spread of unknown keys does not).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const multiAz = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('rds-multi-az!'));

describe('Multi-AZ left out of a DB instance', () => {
  it('reports a Terraform instance, a registry module, a CloudFormation instance, a CDK construct and an SDK request that leave it out', () => {
    assert.deepEqual(multiAz('main.tf', sourceLines('resource "aws_db_instance" "orders" {', '  engine = "postgres"', '}')), ['1:"orders" rds-multi-az!']);
    assert.deepEqual(multiAz('main.tf', sourceLines('module "orders" {', '  source  = "terraform-aws-modules/rds/aws"', '  version = "~> 6.0"', '}')), ['1:"orders" rds-multi-az!']);
    const template = sourceLines('Resources:', '  Orders:', '    Type: AWS::RDS::DBInstance', '    Properties:', '      Engine: postgres');
    assert.deepEqual(multiAz('template.yaml', template), ['2:Orders rds-multi-az!']);
    const cdk = sourceLines(
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "new rds.DatabaseInstance(this, 'Orders', { engine: rds.DatabaseInstanceEngine.POSTGRES, vpc });",
    );
    assert.deepEqual(multiAz('stack.ts', cdk), ['2:DatabaseInstance rds-multi-az!']);
    const sdk = sourceLines(
      "import { RDSClient, CreateDBInstanceCommand } from '@aws-sdk/client-rds';",
      'const rds = new RDSClient({});',
      "await rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: 'orders', Engine: 'postgres', DBInstanceClass: 'db.t4g.micro' }));",
    );
    assert.equal(multiAz('admin.ts', sdk).length, 1);
  });

  it('says where the setting is written false, and nothing where it is true or not a literal', () => {
    assert.deepEqual(multiAz('main.tf', sourceLines('resource "aws_db_instance" "orders" {', '  engine   = "postgres"', '  multi_az = false', '}')), ['3:multi_az rds-multi-az!']);
    assert.deepEqual(multiAz('main.tf', sourceLines('resource "aws_db_instance" "orders" {', '  engine   = "postgres"', '  multi_az = true', '}')), []);
    assert.deepEqual(multiAz('main.tf', sourceLines('resource "aws_db_instance" "orders" {', '  engine   = "postgres"', '  multi_az = var.multi_az', '}')), []);
  });

  it('stays silent on a read replica, a restored copy, an Aurora cluster member and SQL Server Express', () => {
    assert.deepEqual(multiAz('main.tf', sourceLines('resource "aws_db_instance" "reports" {', '  replicate_source_db = aws_db_instance.orders.identifier', '}')), []);
    assert.deepEqual(multiAz('main.tf', sourceLines('resource "aws_db_instance" "copy" {', '  snapshot_identifier = "orders-final"', '}')), []);
    assert.deepEqual(multiAz('main.tf', sourceLines('resource "aws_db_instance" "legacy" {', '  engine = "sqlserver-ex"', '}')), []);
    const template = sourceLines(
      'Resources:',
      '  Writer:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: aurora-postgresql',
      '      DBClusterIdentifier: !Ref Cluster',
      '  Replica:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      SourceDBInstanceIdentifier: !Ref Primary',
    );
    assert.deepEqual(multiAz('template.yaml', template), []);
    const pulumi = sourceLines(
      "import * as aws from '@pulumi/aws';",
      "new aws.rds.Instance('reports', { replicateSourceDb: primary.identifier, instanceClass: 'db.t4g.micro' });",
    );
    assert.deepEqual(multiAz('index.ts', pulumi), []);
    const replica = sourceLines(
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "new rds.DatabaseInstanceReadReplica(this, 'Reports', { sourceDatabaseInstance: primary, instanceType, vpc });",
    );
    assert.deepEqual(multiAz('stack.ts', replica), []);
  });
});

describe('DeletionPolicy left out of a DynamoDB table in a template', () => {
  const removal = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('dynamodb-removal-policy!'));

  it('reports a table, a global table and a SAM simple table that leave it out, as a written Delete', () => {
    const template = sourceLines(
      'Resources:',
      '  Orders:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties: { BillingMode: PAY_PER_REQUEST }',
      '  Sessions:',
      '    Type: AWS::Serverless::SimpleTable',
      '  Audit:',
      '    Type: AWS::DynamoDB::Table',
      '    DeletionPolicy: Delete',
      '    Properties: { BillingMode: PAY_PER_REQUEST }',
    );
    assert.deepEqual(removal('template.yaml', template), ['2:Orders dynamodb-removal-policy!', '5:Sessions dynamodb-removal-policy!', '9:DeletionPolicy dynamodb-removal-policy!']);
  });

  it('stays silent on Retain, and on a CDK table, whose removal policy is RETAIN unless written', () => {
    const template = sourceLines('Resources:', '  Orders:', '    Type: AWS::DynamoDB::Table', '    DeletionPolicy: Retain', '    Properties: { BillingMode: PAY_PER_REQUEST }');
    assert.deepEqual(removal('template.yaml', template), []);
    const cdk = sourceLines("import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';", "new dynamodb.Table(this, 'Orders', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });");
    assert.deepEqual(removal('stack.ts', cdk), []);
  });
});

describe('Props spread from an object literal of the file', () => {
  const pitr = (code: string): string[] => hintsIn('stack.ts', code).filter((hint) => hint.endsWith('dynamodb-pitr!'));
  const stack = (props: string): string =>
    sourceLines(
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      'const shared = { billingMode: dynamodb.BillingMode.PAY_PER_REQUEST };',
      `new dynamodb.Table(this, 'Orders', { ${props}, partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });`,
    );

  it('reads what the object leaves out as left out, typed or not', () => {
    assert.deepEqual(pitr(stack('...shared')), ['3:Table dynamodb-pitr!']);
    assert.deepEqual(pitr(stack('...shared').replace('const shared =', 'const shared: Partial<dynamodb.TableProps> =')), ['3:Table dynamodb-pitr!']);
    assert.deepEqual(pitr(stack('...shared, pointInTimeRecovery: true')), []);
  });

  it('leaves absence unknown beside a spread whose keys are not known', () => {
    assert.deepEqual(pitr(stack('...shared, ...props.table')), []);
    assert.deepEqual(pitr(stack('...props.table')), []);
  });
});
