/** rds-aurora-serverless-v1: an Aurora cluster in engine mode `serverless` (Aurora Serverless v1), past its end of life. */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'rds-aurora-serverless-v1';
const findings = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith(`${RULE}!`));
const hovers = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith(` ${RULE}`));

// An older SAM app's Data API cluster.
const template = (mode: string): string =>
  sourceLines(
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Transform: AWS::Serverless-2016-10-31',
    'Parameters:',
    '  ClusterMode:',
    '    Type: String',
    `    Default: ${mode}`,
    'Resources:',
    '  BooksCluster:',
    '    Type: AWS::RDS::DBCluster',
    '    Properties:',
    '      Engine: aurora-mysql',
    '      EngineMode: !Ref ClusterMode',
    '      EnableHttpEndpoint: true',
    '      ScalingConfiguration:',
    '        AutoPause: true',
    '        MinCapacity: 1',
  );

const terraform = (mode: string): string =>
  sourceLines(
    'resource "aws_rds_cluster" "books" {',
    '  cluster_identifier = "books"',
    '  engine             = "aurora-postgresql"',
    `  engine_mode        = ${mode}`,
    '  master_username    = "books"',
    '  manage_master_user_password = true',
    '}',
    'module "reports" {',
    '  source      = "terraform-aws-modules/rds-aurora/aws"',
    '  version     = "~> 7.0"',
    '  name        = "reports"',
    '  engine      = "aurora-mysql"',
    `  engine_mode = ${mode}`,
    '}',
  );

describe('Aurora Serverless v1 (engine mode serverless)', () => {
  it('fires on a CloudFormation cluster whose engine mode is serverless, through a parameter default too', () => {
    assert.deepEqual(findings('template.yaml', template('serverless')), [`12:EngineMode ${RULE}!`]);
    assert.deepEqual(findings('template.yaml', template('provisioned')), []);
    assert.deepEqual(hovers('template.yaml', template('provisioned')), [`12:EngineMode ${RULE}`], 'the hover stays on a provisioned cluster');
  });

  it('fires on a Terraform cluster and on the rds-aurora module, and stays silent on provisioned or unknown modes', () => {
    assert.deepEqual(findings('books.tf', terraform('"serverless"')), [`4:engine_mode ${RULE}!`, `13:engine_mode ${RULE}!`]);
    assert.deepEqual(findings('books.tf', terraform('"provisioned"')), []);
    assert.deepEqual(findings('books.tf', terraform('var.engine_mode')), []);
  });

  it('fires on CDK ServerlessCluster, which is always v1, and on an L1 cluster in serverless mode, not on DatabaseCluster', () => {
    const ts = sourceLines(
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      'export function data(scope: any, vpc: ec2.IVpc) {',
      "  new rds.ServerlessCluster(scope, 'Books', { engine: rds.DatabaseClusterEngine.AURORA_MYSQL, vpc, enableDataApi: true });",
      "  new rds.CfnDBCluster(scope, 'Legacy', { engine: 'aurora-postgresql', engineMode: 'serverless' });",
      "  new rds.DatabaseCluster(scope, 'Orders', { engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }), writer: rds.ClusterInstance.serverlessV2('writer'), vpc });",
      '}',
    );
    assert.deepEqual(findings('data.ts', ts), [`4:ServerlessCluster ${RULE}!`, `5:engineMode ${RULE}!`]);
    const python = sourceLines(
      'from aws_cdk import aws_rds as rds',
      'def data(scope, vpc, engine):',
      '    rds.ServerlessCluster(scope, "Books", engine=engine, vpc=vpc)',
      '    rds.DatabaseCluster(scope, "Orders", engine=engine, vpc=vpc, writer=rds.ClusterInstance.serverless_v2("writer"))',
    );
    assert.deepEqual(findings('data.py', python), [`3:ServerlessCluster ${RULE}!`]);
  });

  it('fires on CDK ServerlessClusterFromSnapshot, a v1 cluster restored from a snapshot, and not on DatabaseClusterFromSnapshot', () => {
    const python = sourceLines(
      'from aws_cdk import aws_rds as rds',
      'def restore(scope, vpc, engine):',
      '    rds.ServerlessClusterFromSnapshot(scope, "Books", engine=engine, vpc=vpc, snapshot_identifier="nightly")',
      '    rds.DatabaseClusterFromSnapshot(scope, "Orders", engine=engine, vpc=vpc, snapshot_identifier="nightly", writer=rds.ClusterInstance.serverless_v2("writer"))',
    );
    assert.deepEqual(findings('restore.py', python), [`3:ServerlessClusterFromSnapshot ${RULE}!`]);
  });
});
