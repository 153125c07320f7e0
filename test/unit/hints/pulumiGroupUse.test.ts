/**
 * A Pulumi security group open to the internet on every port (or a range not aimed at one engine) is reported only
 * where the file hands the group to a database or cache resource by id, and by the rule of the kind of store it protects.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function findings(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith('!'));
}

describe('Pulumi security groups by what they protect', () => {
  it('reports every port open on a group a database or a cache takes, each by its own rule, and none on a web server’s', () => {
    const code = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'const dbAccess = new aws.ec2.SecurityGroup("db", { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] });',
      'const cacheAccess = new aws.ec2.SecurityGroup("cache", { ingress: [{ protocol: "tcp", fromPort: 0, toPort: 65535, cidrBlocks: ["0.0.0.0/0"] }] });',
      'const webAccess = new aws.ec2.SecurityGroup("web", { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] });',
      'const unused = new aws.ec2.SecurityGroup("spare", { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] });',
      'new aws.rds.Cluster("orders", { engine: "aurora-postgresql", storageEncrypted: true, vpcSecurityGroupIds: [dbAccess.id] });',
      'new aws.elasticache.ReplicationGroup("sessions", { description: "s", atRestEncryptionEnabled: true, transitEncryptionEnabled: true, authToken: token, securityGroupIds: [cacheAccess.id] });',
      'new aws.ec2.Instance("web", { vpcSecurityGroupIds: [webAccess.id] });',
    );
    assert.deepEqual(findings('index.ts', code), ['2:"0.0.0.0/0" rds-open-ingress!', '3:"0.0.0.0/0" elasticache-open-ingress!', '6:Cluster rds-deletion-protection!']);
  });

  it('reads Python keyword arguments and Args objects, and no group whose name the store reads from another binding', () => {
    const code = sourceLines(
      'import pulumi_aws as aws',
      'sg = aws.ec2.SecurityGroup("db", ingress=[aws.ec2.SecurityGroupIngressArgs(protocol="-1", from_port=0, to_port=0, cidr_blocks=["0.0.0.0/0"])])',
      'cluster = aws.rds.Cluster("c", aws.rds.ClusterArgs(engine="aurora-postgresql", storage_encrypted=True, vpc_security_group_ids=[sg.id]))',
      'def other(sg):',
      '    return aws.rds.Instance("i", engine="postgres", storage_encrypted=True, vpc_security_group_ids=[sg.id])',
      'wide = aws.ec2.SecurityGroup("wide", ingress=[{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}])',
      'def attach(wide):',
      '    return aws.rds.Instance("j", engine="postgres", storage_encrypted=True, vpc_security_group_ids=[wide.id])',
    );
    assert.deepEqual(findings('__main__.py', code), ['2:"0.0.0.0/0" rds-open-ingress!', '3:Cluster rds-deletion-protection!', '5:Instance rds-deletion-protection!', '5:Instance rds-multi-az!', '8:Instance rds-deletion-protection!', '8:Instance rds-multi-az!']);
  });
});
