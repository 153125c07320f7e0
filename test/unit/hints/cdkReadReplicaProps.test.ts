/**
 * CDK's `DatabaseInstanceReadReplica` and `DatabaseInstanceFromSnapshot` take `DatabaseInstanceNewProps`'s
 * `deletionProtection` and `deleteAutomatedBackups` as `DatabaseInstance` does: both hover, and deletion protection
 * written `false` is reported. `deleteAutomatedBackups: true` on a read replica is not (its `sourceDatabaseInstance`
 * makes the rule moot, as CloudFormation's `SourceDBInstanceIdentifier` does); on an instance restored from a
 * snapshot it is.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULES = ['rds-deletion-protection', 'rds-delete-automated-backups'];
const ofRules = (found: string[]): string[] => found.filter((hint) => RULES.some((rule) => hint.endsWith(` ${rule}`) || hint.endsWith(` ${rule}!`)));

describe('CDK read replicas and instances from a snapshot', () => {
  it('hovers both props of a TypeScript read replica and reports deletion protection turned off', () => {
    const stack = sourceLines(
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      '',
      'export function addReplica(scope: Construct, source: rds.DatabaseInstance, vpc: ec2.IVpc) {',
      "  return new rds.DatabaseInstanceReadReplica(scope, 'Reader', {",
      '    sourceDatabaseInstance: source,',
      '    instanceType,',
      '    vpc,',
      '    deleteAutomatedBackups: true,',
      '    deletionProtection: false,',
      '  });',
      '}',
    );
    assert.deepEqual(ofRules(hintsIn('replica.ts', stack)), [
      '8:deleteAutomatedBackups rds-delete-automated-backups',
      '9:deletionProtection rds-deletion-protection',
      '9:deletionProtection rds-deletion-protection!',
    ]);
  });

  it('reads Python keywords, and reports automated backups deleted with an instance restored from a snapshot', () => {
    const stack = sourceLines(
      'from aws_cdk import aws_rds as rds',
      '',
      'def restored(scope, vpc, engine):',
      '    return rds.DatabaseInstanceFromSnapshot(scope, "Restored",',
      '        snapshot_identifier="orders-final",',
      '        engine=engine,',
      '        vpc=vpc,',
      '        delete_automated_backups=True,',
      '        deletion_protection=False,',
      '    )',
    );
    assert.deepEqual(ofRules(hintsIn('restored.py', stack)), [
      '8:delete_automated_backups rds-delete-automated-backups',
      '9:deletion_protection rds-deletion-protection',
      '8:delete_automated_backups rds-delete-automated-backups!',
      '9:deletion_protection rds-deletion-protection!',
    ]);
  });
});
