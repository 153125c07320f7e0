/**
 * rds-backup-retention on PromoteReadReplica, whose BackupRetentionPeriod sets the promoted instance's automated
 * backups (0 turns them off): the hover in every SDK shape, the finding on 0, nothing on another call's option.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const retention = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => / rds-backup-retention/.test(hint));

describe('BackupRetentionPeriod of PromoteReadReplica', () => {
  it('hovers the option in Python and JavaScript, and reports 0', () => {
    const python = sourceLines(
      'import boto3',
      'rds = boto3.client("rds")',
      'rds.promote_read_replica(DBInstanceIdentifier="orders-replica", BackupRetentionPeriod=7)',
      'rds.promote_read_replica(DBInstanceIdentifier="scratch-replica", BackupRetentionPeriod=0)',
    );
    assert.deepEqual(retention('promote.py', python), ['3:BackupRetentionPeriod rds-backup-retention', '4:BackupRetentionPeriod rds-backup-retention', '4:BackupRetentionPeriod rds-backup-retention!']);
    const javascript = sourceLines(
      "import { RDSClient, PromoteReadReplicaCommand } from '@aws-sdk/client-rds';",
      'const rds = new RDSClient({});',
      "await rds.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: 'orders-replica', BackupRetentionPeriod: 14 }));",
    );
    assert.deepEqual(retention('promote.mjs', javascript), ['3:BackupRetentionPeriod rds-backup-retention']);
  });

  it('stays silent on the option of a call that does not take it', () => {
    const python = sourceLines('import boto3', 'rds = boto3.client("rds")', 'rds.reboot_db_instance(DBInstanceIdentifier="orders", BackupRetentionPeriod=0)');
    assert.deepEqual(retention('reboot.py', python), []);
  });
});
