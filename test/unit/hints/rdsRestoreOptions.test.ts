/**
 * A restore or a read replica creates a new DB instance and takes the same instance settings as CreateDBInstance:
 * class, storage type, IOPS, minor version upgrades and IAM authentication get their hovers there too.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['rds-instance-class', 'rds-storage-type', 'rds-iops', 'rds-auto-minor-version-upgrade', 'rds-iam-auth'];

describe('RDS instance settings of a restore or a read replica', () => {
  it('reads them in boto3 restore and read replica calls', () => {
    const code = sourceLines(
      'import boto3',
      'rds = boto3.client("rds")',
      'rds.restore_db_instance_from_db_snapshot(',
      '    DBInstanceIdentifier="orders-restored", DBSnapshotIdentifier="snap",',
      '    DBInstanceClass="db.r7g.large", StorageType="io2", Iops=12000,',
      '    AutoMinorVersionUpgrade=False, EnableIAMDatabaseAuthentication=True,',
      ')',
      'rds.restore_db_instance_to_point_in_time(',
      '    SourceDBInstanceIdentifier="orders", TargetDBInstanceIdentifier="orders-pitr",',
      '    DBInstanceClass="db.r7g.large", StorageType="gp3", AutoMinorVersionUpgrade=True,',
      ')',
      'rds.create_db_instance_read_replica(',
      '    DBInstanceIdentifier="orders-replica", SourceDBInstanceIdentifier="orders",',
      '    StorageType="gp3", Iops=3000, EnableIAMDatabaseAuthentication=True,',
      ')',
    );
    assert.deepEqual(hintsOfRules('restore.py', code, RULES), [
      '10:AutoMinorVersionUpgrade rds-auto-minor-version-upgrade',
      '10:DBInstanceClass rds-instance-class',
      '10:StorageType rds-storage-type',
      '14:EnableIAMDatabaseAuthentication rds-iam-auth',
      '14:Iops rds-iops',
      '14:StorageType rds-storage-type',
      '5:DBInstanceClass rds-instance-class',
      '5:Iops rds-iops',
      '5:StorageType rds-storage-type',
      '6:AutoMinorVersionUpgrade rds-auto-minor-version-upgrade',
      '6:EnableIAMDatabaseAuthentication rds-iam-auth',
    ]);
  });

  it('reads them in an SDK v3 restore command', () => {
    const code = sourceLines(
      "import { RDSClient, RestoreDBInstanceToPointInTimeCommand } from '@aws-sdk/client-rds';",
      'const rds = new RDSClient({});',
      'await rds.send(new RestoreDBInstanceToPointInTimeCommand({',
      "  SourceDBInstanceIdentifier: 'orders', TargetDBInstanceIdentifier: 'orders-pitr',",
      "  StorageType: 'gp3', Iops: 12000, EnableIAMDatabaseAuthentication: true,",
      '}));',
    );
    assert.deepEqual(hintsOfRules('restore.ts', code, RULES), ['5:EnableIAMDatabaseAuthentication rds-iam-auth', '5:Iops rds-iops', '5:StorageType rds-storage-type']);
  });
});
