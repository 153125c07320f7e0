/**
 * A DB instance a Python script deletes while it walks a cluster's `DBClusterMembers` (`code/auroraClusterMembers.ts`):
 * an Aurora instance keeps no data of its own, so skipping its final snapshot or its automated backups is no finding
 * (the hover stays). Still reported: the cluster's own deletion, and instances of another list or of the event.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function rdsHints(code: string): string[] {
  return hintsIn('teardown/tasks.py', code).filter((hint) => / rds-(?:skip-final-snapshot|delete-automated-backups)/.test(hint));
}

describe('Instances of an Aurora cluster deleted member by member', () => {
  it('reports no final snapshot or automated backups of a cluster member, by subscript or get', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'rds = boto3.client("rds")',
      '',
      'def teardown(cluster_id):',
      '    described = rds.describe_db_clusters(DBClusterIdentifier=cluster_id)',
      '    for member in described["DBClusters"][0]["DBClusterMembers"]:',
      '        rds.delete_db_instance(DBInstanceIdentifier=member["DBInstanceIdentifier"], SkipFinalSnapshot=True)',
      '    for node in described["DBClusters"][0].get("DBClusterMembers", []):',
      '        rds.delete_db_instance(DBInstanceIdentifier=node.get("DBInstanceIdentifier"), SkipFinalSnapshot=True)', // 10
      '    rds.delete_db_cluster(DBClusterIdentifier=cluster_id, SkipFinalSnapshot=True)',
    );
    assert.deepEqual(rdsHints(code), [
      '8:SkipFinalSnapshot rds-skip-final-snapshot',
      '10:SkipFinalSnapshot rds-skip-final-snapshot',
      '11:SkipFinalSnapshot rds-skip-final-snapshot',
      '11:delete_db_cluster rds-delete-automated-backups!',
      '11:SkipFinalSnapshot rds-skip-final-snapshot!',
    ]);
  });

  it('still reports instances of another list, of the event, and a member name of another function', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'rds = boto3.client("rds")',
      '',
      'def members(cluster):',
      '    for member in cluster["DBClusterMembers"]:',
      '        print(member)',
      '',
      'def cleanup(event):',
      '    for member in rds.describe_db_instances()["DBInstances"]:', // 10
      '        rds.delete_db_instance(DBInstanceIdentifier=member["DBInstanceIdentifier"], SkipFinalSnapshot=True)',
      '    rds.delete_db_instance(DBInstanceIdentifier=event["DBInstanceIdentifier"], SkipFinalSnapshot=True)',
    );
    const findings = rdsHints(code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, [
      '11:delete_db_instance rds-delete-automated-backups!',
      '11:SkipFinalSnapshot rds-skip-final-snapshot!',
      '12:delete_db_instance rds-delete-automated-backups!',
      '12:SkipFinalSnapshot rds-skip-final-snapshot!',
    ]);
  });
});
