/** Terraform RDS resources that take the same arguments as their API operations. */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Terraform RDS arguments', () => {
  it('hovers apply_immediately on an Aurora cluster instance as on the cluster and a DB instance', () => {
    const code = sourceLines(
      'resource "aws_rds_cluster_instance" "writer" {',
      '  cluster_identifier = aws_rds_cluster.orders.id',
      '  instance_class     = "db.r6g.large"',
      '  engine             = "aurora-postgresql"',
      '  apply_immediately  = true',
      '}',
    );
    assert.ok(hintsIn('main.tf', code).includes('5:apply_immediately rds-apply-immediately'), hintsIn('main.tf', code).join('\n'));
  });

  it('hovers performance_insights_enabled on an Aurora cluster, where Database Insights is set', () => {
    const code = sourceLines(
      'resource "aws_rds_cluster" "reports" {',
      '  engine                       = "aurora-postgresql"',
      '  performance_insights_enabled = var.insights',
      '  storage_encrypted            = true',
      '}',
    );
    assert.ok(hintsIn('main.tf', code).includes('3:performance_insights_enabled rds-performance-insights'), hintsIn('main.tf', code).join('\n'));
  });
});

describe('RDS cluster spellings in CloudFormation and CDK', () => {
  it('hovers PerformanceInsightsEnabled, the cluster spelling of EnablePerformanceInsights', () => {
    const code = sourceLines(
      'Resources:',
      '  Reports:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora-mysql',
      '      StorageEncrypted: true',
      '      PerformanceInsightsEnabled: true',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      PerformanceInsightsEnabled: true',
    );
    const hints = hintsIn('template.yaml', code);
    assert.ok(hints.includes('7:PerformanceInsightsEnabled rds-performance-insights'), hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.startsWith('11:')), hints.join('\n'));
  });

  it('reads the engine version of a CDK ServerlessCluster as that of a DatabaseCluster', () => {
    const code = sourceLines(
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      'export function reports(scope: Construct, vpc: ec2.IVpc) {',
      "  return new rds.ServerlessCluster(scope, 'Reports', {",
      '    engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_11_13 }),',
      '    vpc,',
      '  });',
      '}',
    );
    const hints = hintsIn('reports.ts', code);
    assert.ok(hints.includes('4:engine rds-engine-version-extended-support'), hints.join('\n'));
    assert.ok(hints.some((hint) => hint.startsWith('4:') && hint.endsWith('rds-engine-version-extended-support!')), hints.join('\n'));
  });

  it("reads cloudposse's rds-cluster backup retention and Enhanced Monitoring inputs under their own names", () => {
    const code = sourceLines(
      'module "ledger_db" {',
      '  source                  = "cloudposse/rds-cluster/aws"',
      '  version                 = "2.5.0"',
      '  engine                  = "aurora-postgresql"',
      '  cluster_size            = 2',
      '  retention_period        = 0',
      '  rds_monitoring_interval = 0',
      '  admin_password          = random_password.ledger.result',
      '}',
      'module "audit_db" {',
      '  source           = "cloudposse/rds-cluster/aws"',
      '  engine           = "aurora-mysql"',
      '  retention_period = 14',
      '}',
    );
    const hints = hintsIn('main.tf', code);
    for (const expected of ['6:retention_period rds-backup-retention', '7:rds_monitoring_interval rds-monitoring-interval', '13:retention_period rds-backup-retention']) {
      assert.ok(hints.includes(expected), `${expected}\n${hints.join('\n')}`);
    }
    // `retention_period` is the cluster's backup_retention_period: 0 is reported there, 14 is not.
    assert.deepEqual(
      hints.filter((hint) => hint.endsWith('rds-backup-retention!')),
      ['6:retention_period rds-backup-retention!'],
    );
  });
});
