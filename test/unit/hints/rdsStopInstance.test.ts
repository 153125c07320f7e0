/**
 * `rds-stop-instance`: a call that stops a DB instance or an Aurora cluster gets the hover that says it starts
 * again after 7 days. SDK v3 commands, boto3, Java and Go; EC2's StopInstances and a start are not it.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULE = 'rds-stop-instance';

describe('Stopping RDS DB instances and Aurora clusters', () => {
  it('reads SDK v3 commands, not a start or an EC2 stop', () => {
    const code = sourceLines(
      "import { RDSClient, StopDBInstanceCommand, StartDBInstanceCommand } from '@aws-sdk/client-rds';",
      "import { EC2Client, StopInstancesCommand } from '@aws-sdk/client-ec2';",
      'const rds = new RDSClient({});',
      'const ec2 = new EC2Client({});',
      'export const handler = async (event: { db: string; hosts: string[] }) => {',
      '  await rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: event.db }));',
      '  await rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: event.db }));',
      '  await ec2.send(new StopInstancesCommand({ InstanceIds: event.hosts }));',
      '};',
    );
    assert.deepEqual(hintsOfRules('park.ts', code, [RULE]), [`6:StopDBInstanceCommand ${RULE}`]);
  });

  it('reads Java and Go clients', () => {
    const java = sourceLines(
      'import software.amazon.awssdk.services.rds.RdsClient;',
      'import software.amazon.awssdk.services.rds.model.StopDbClusterRequest;',
      '',
      'public class Parker {',
      '    private final RdsClient rds = RdsClient.create();',
      '    public void park(String cluster) {',
      '        rds.stopDBCluster(StopDbClusterRequest.builder().dbClusterIdentifier(cluster).build());',
      '    }',
      '}',
    );
    assert.deepEqual(hintsOfRules('Parker.java', java, [RULE]), [`7:StopDbClusterRequest ${RULE}`, `7:stopDBCluster ${RULE}`]);
    const go = sourceLines(
      'package park',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/service/rds"',
      ')',
      '',
      'func Park(ctx context.Context, client *rds.Client, name string) error {',
      '\t_, err := client.StopDBInstance(ctx, &rds.StopDBInstanceInput{DBInstanceIdentifier: aws.String(name)})',
      '\treturn err',
      '}',
    );
    assert.deepEqual(hintsOfRules('park.go', go, [RULE]), [`11:StopDBInstance ${RULE}`, `11:StopDBInstanceInput ${RULE}`]);
  });
});
