/**
 * The CDK's restored and replica databases take the instance or cluster settings of the database they make:
 * `DatabaseInstanceFromSnapshot` and `DatabaseInstanceReadReplica` their `engine` (the snapshot's restore only),
 * `multiAz`, `enablePerformanceInsights`, `monitoringInterval`, `iamAuthentication`, `autoMinorVersionUpgrade`,
 * `storageType`, `iops`, `caCertificate` and (the snapshot's restore only) `backupRetention`;
 * `DatabaseClusterFromSnapshot` its `engine`, `backup`, `iamAuthentication`, `monitoringInterval` and
 * `enablePerformanceInsights`. What stays silent: a replica's `backupRetention` (its backups are the source's until
 * it is promoted) and the placement props.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('CDK databases restored from a snapshot or made as read replicas', () => {
  it('reads a restored instance\'s settings, and judges its engine version', () => {
    const stack = sourceLines(
      "import { Duration, Stack } from 'aws-cdk-lib';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      '',
      'export class RestoreStack extends Stack {',
      '  constructor(scope: any, id: string, vpc: any) {',
      '    super(scope, id);',
      "    new rds.DatabaseInstanceFromSnapshot(this, 'Restored', {",
      "      snapshotIdentifier: 'orders-final',",
      '      engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_5_7_44 }),',
      '      vpc,',
      '      multiAz: false,',
      '      enablePerformanceInsights: true,',
      '      monitoringInterval: Duration.minutes(1),',
      '      iamAuthentication: true,',
      '      backupRetention: Duration.days(0),',
      "      caCertificate: rds.CaCertificate.of('rds-ca-2019'),",
      '    });',
      '  }',
      '}',
    );
    const hints = hintsIn('stack.ts', stack);
    for (const expected of [
      '9:engine rds-engine-version-extended-support',
      '9:rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_5_7_44 }) rds-engine-version-extended-support!',
      '11:multiAz rds-multi-az',
      '11:multiAz rds-multi-az!',
      '12:enablePerformanceInsights rds-performance-insights',
      '13:monitoringInterval rds-monitoring-interval',
      '14:iamAuthentication rds-iam-auth',
      '15:backupRetention rds-backup-retention',
      '15:backupRetention rds-backup-retention!',
      '16:caCertificate rds-ca-certificate',
      '16:caCertificate rds-ca-certificate!',
    ]) {
      assert.ok(hints.includes(expected), `${expected}\n${hints.join('\n')}`);
    }
    assert.ok(!hints.some((hint) => hint.startsWith('8:') || hint.startsWith('10:')), hints.join('\n'));
  });

  it("reads a read replica's instance settings but not its backup retention", () => {
    const stack = sourceLines(
      'from aws_cdk import Duration, Stack, aws_ec2 as ec2, aws_rds as rds',
      '',
      'class ReplicaStack(Stack):',
      '    def __init__(self, scope, id, source, vpc):',
      '        super().__init__(scope, id)',
      '        rds.DatabaseInstanceReadReplica(self, "Replica",',
      '            source_database_instance=source,',
      '            instance_type=ec2.InstanceType("m6g.large"),',
      '            vpc=vpc,',
      '            multi_az=True,',
      '            auto_minor_version_upgrade=False,',
      '            storage_type=rds.StorageType.IO1,',
      '            iops=3000,',
      '            backup_retention=Duration.days(0),',
      '        )',
    );
    const hints = hintsIn('replica.py', stack);
    for (const expected of ['10:multi_az rds-multi-az', '11:auto_minor_version_upgrade rds-auto-minor-version-upgrade', '12:storage_type rds-storage-type', '13:iops rds-iops']) {
      assert.ok(hints.includes(expected), `${expected}\n${hints.join('\n')}`);
    }
    assert.ok(!hints.some((hint) => hint.startsWith('14:')), hints.join('\n'));
  });

  it("reads a restored cluster's settings", () => {
    const stack = sourceLines(
      "import { Duration, Stack } from 'aws-cdk-lib';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      '',
      'export class RestoreStack extends Stack {',
      '  constructor(scope: any, id: string, vpc: any) {',
      '    super(scope, id);',
      "    new rds.DatabaseClusterFromSnapshot(this, 'Restored', {",
      "      snapshotIdentifier: 'reports-final',",
      '      engine: rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_2_11_2 }),',
      "      writer: rds.ClusterInstance.provisioned('writer'),",
      '      vpc,',
      '      backup: { retention: Duration.days(7) },',
      '      iamAuthentication: true,',
      '      enablePerformanceInsights: true,',
      '    });',
      '  }',
      '}',
    );
    const hints = hintsIn('stack.ts', stack);
    for (const expected of [
      '9:engine rds-engine-version-extended-support',
      '9:rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_2_11_2 }) rds-engine-version-extended-support!',
      '12:backup rds-backup-retention',
      '13:iamAuthentication rds-iam-auth',
      '14:enablePerformanceInsights rds-performance-insights',
    ]) {
      assert.ok(hints.includes(expected), `${expected}\n${hints.join('\n')}`);
    }
  });
});
