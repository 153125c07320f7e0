/**
 * Multi-AZ DB clusters (engine `mysql` or `postgres`) are not encrypted unless asked, unlike new Aurora
 * clusters: `rds-storage-encrypted` counts a missing `StorageEncrypted` on a DB cluster whose engine is
 * written as one of them, and nowhere else among DB clusters.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules, sourceLines } from './support';

/** `line:column` of every storage-encryption finding. */
function findings(fileName: string, text: string): string[] {
  const result = analyzeText(text, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings
    .filter((finding) => finding.ruleId === 'rds-storage-encrypted')
    .map((finding) => {
      const position = result.lines.position(finding.start);
      return `${position.line + 1}:${position.character + 1}`;
    });
}

describe('Multi-AZ DB clusters without StorageEncrypted', () => {
  it('reports a CloudFormation DB cluster of engine postgres or mysql, and no Aurora, unknown, encrypted or restored one', () => {
    const template = sourceLines(
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Parameters:',
      '  EngineName:',
      '    Type: String',
      'Resources:',
      '  OrdersCluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      DBClusterIdentifier: orders',
      '      Engine: postgres',
      '      DBClusterInstanceClass: db.r6gd.large',
      '      AllocatedStorage: 100',
      '      StorageType: io1',
      '      Iops: 3000',
      '  AuroraCluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      DBClusterIdentifier: reports',
      '      Engine: aurora-postgresql',
      '  ChosenCluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: !Ref EngineName',
      '      DBClusterInstanceClass: db.r6gd.large',
      '  EncryptedCluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: mysql',
      '      StorageEncrypted: true',
      '  RestoredCluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: mysql',
      '      SnapshotIdentifier: orders-final',
      '  AuroraWriter:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      DBClusterIdentifier: !Ref AuroraCluster',
      '      Engine: aurora-postgresql',
      '      DBInstanceClass: db.r6g.large',
    );
    assert.deepEqual(findings('template.yaml', template), ['6:3']);
  });

  it('reports a Terraform aws_rds_cluster of engine postgres, and not an Aurora cluster or a cluster read replica', () => {
    const code = sourceLines(
      'resource "aws_rds_cluster" "orders" {',
      '  cluster_identifier        = "orders"',
      '  engine                    = "postgres"',
      '  db_cluster_instance_class = "db.r6gd.large"',
      '  allocated_storage         = 100',
      '  storage_type              = "io1"',
      '  iops                      = 3000',
      '}',
      '',
      'resource "aws_rds_cluster" "reports" {',
      '  cluster_identifier = "reports"',
      '  engine             = "aurora-mysql"',
      '}',
      '',
      'resource "aws_rds_cluster" "replica" {',
      '  engine                        = "mysql"',
      '  db_cluster_instance_class     = "db.r6gd.large"',
      '  replication_source_identifier = aws_db_instance.source.arn',
      '}',
    );
    assert.deepEqual(findings('main.tf', code), ['1:28']);
  });

  it('reports the CDK L1 construct and a boto3 create_db_cluster of such an engine, not their Aurora forms', () => {
    const stack = sourceLines(
      'from aws_cdk import Stack, aws_rds',
      '',
      '',
      'class DataStack(Stack):',
      '    def __init__(self, scope, construct_id):',
      '        super().__init__(scope, construct_id)',
      '        aws_rds.CfnDBCluster(self, "Orders",',
      '            db_cluster_identifier="orders",',
      '            db_cluster_instance_class="db.r6gd.large",',
      '            engine="postgres",',
      '            allocated_storage=100)',
      '        aws_rds.CfnDBCluster(self, "Reports", db_cluster_identifier="reports", engine="aurora-postgresql")',
    );
    assert.deepEqual(findings('stack.py', stack), ['7:17']);
    const sdk = sourceLines(
      'import boto3',
      '',
      'rds = boto3.client("rds")',
      '',
      'def create_clusters():',
      '    rds.create_db_cluster(DBClusterIdentifier="orders", Engine="mysql", DBClusterInstanceClass="db.r6gd.large", AllocatedStorage=100)',
      '    rds.create_db_cluster(DBClusterIdentifier="reports", Engine="aurora-mysql")',
    );
    assert.deepEqual(findings('clusters.py', sdk), ['6:9']);
  });

  it("leaves an Aurora instance's own StorageEncrypted: false to its cluster, and keeps the cluster's and a standalone instance's", () => {
    const template = sourceLines(
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Parameters:',
      '  EncryptionAtRest:',
      '    Type: String',
      '    Default: false',
      'Resources:',
      '  AuroraCluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      DBClusterIdentifier: ledger',
      '      Engine: aurora-postgresql',
      '      StorageEncrypted: !Ref EncryptionAtRest',
      '  AuroraInstance0:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: aurora-postgresql',
      '      DBClusterIdentifier: !Ref AuroraCluster',
      '      DBInstanceClass: db.r7g.large',
      '      StorageEncrypted: !Ref EncryptionAtRest',
      '  Standalone:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      DBInstanceClass: db.t4g.micro',
      '      StorageEncrypted: !Ref EncryptionAtRest',
    );
    assert.deepEqual(findings('ledger.yaml', template), ['12:7', '25:7']);
  });
});

