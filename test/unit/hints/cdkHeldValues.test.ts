/**
 * CDK values held by names: an ingress rule whose peer and port are locals (`const anywhere = Peer.ipv4('0.0.0.0/0')`,
 * a port built from a module-level constant), and a construct's prop given as a module-level constant or as a field of
 * the class written once (`readonly publiclyAccessible = true` read as `this.publiclyAccessible`). A name bound twice,
 * a field the class writes twice, and a peer that is not the internet stay unknown or silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (hints: string[], rule: string): string[] => hints.filter((hint) => hint.endsWith(`${rule}!`));

describe('CDK values held by names', () => {
  it('reads the peer and the port of an ingress rule from locals and a module-level constant (TypeScript)', () => {
    const code = sourceLines(
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import { Construct } from 'constructs';",
      'const DB_PORT = 3306;',
      'export class Store extends Construct {',
      '  constructor(scope: Construct, id: string, vpc: ec2.IVpc) {',
      '    super(scope, id);',
      "    const group = new ec2.SecurityGroup(this, 'Db', { vpc });",
      "    const everyone = ec2.Peer.ipv4('0.0.0.0/0');",
      "    const office = ec2.Peer.ipv4('10.1.0.0/16');",
      '    const mysql = ec2.Port.tcpRange(DB_PORT, DB_PORT);',
      "    group.addIngressRule(everyone, mysql, 'mysql');",
      "    group.addIngressRule(office, mysql, 'office');",
      "    new rds.DatabaseCluster(this, 'Cluster', { engine: rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_3_05_2 }), vpc, securityGroups: [group] });",
      '  }',
      '}',
    );
    assert.deepEqual(findings(hintsIn('store.ts', code), 'rds-open-ingress'), ['12:addIngressRule rds-open-ingress!']);
  });

  it('reads a peer held by a Python local', () => {
    const code = sourceLines(
      'from aws_cdk import aws_ec2 as ec2, aws_rds as rds',
      'from constructs import Construct',
      '',
      'class Store(Construct):',
      '    def __init__(self, scope, id, vpc):',
      '        super().__init__(scope, id)',
      '        group = ec2.SecurityGroup(self, "Db", vpc=vpc)',
      '        anywhere = ec2.Peer.any_ipv4()',
      '        group.add_ingress_rule(anywhere, ec2.Port.tcp(5432), "pg")',
      '        rds.DatabaseInstance(self, "Db", engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_4), vpc=vpc, security_groups=[group], storage_encrypted=True, multi_az=True)',
    );
    assert.deepEqual(findings(hintsIn('store.py', code), 'rds-open-ingress'), ['9:add_ingress_rule rds-open-ingress!']);
  });

  it('reads a prop given as a module-level constant or a field of the class written once', () => {
    const code = sourceLines(
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import { Construct } from 'constructs';",
      'const REACHABLE = true;',
      'export class Reporting extends Construct {',
      '  readonly exposed: boolean = true;',
      '  private tier = false;',
      '  constructor(scope: Construct, id: string, vpc: ec2.IVpc, exposedLater: boolean) {',
      '    super(scope, id);',
      '    this.tier = exposedLater;',
      '    const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16_4 });',
      "    new rds.DatabaseInstance(this, 'A', { engine, vpc, publiclyAccessible: REACHABLE, storageEncrypted: true, multiAz: true });",
      "    new rds.DatabaseInstance(this, 'B', { engine, vpc, publiclyAccessible: this.exposed, storageEncrypted: true, multiAz: true });",
      "    new rds.DatabaseInstance(this, 'C', { engine, vpc, publiclyAccessible: this.tier, storageEncrypted: true, multiAz: true });",
      '  }',
      '}',
    );
    assert.deepEqual(findings(hintsIn('reporting.ts', code), 'rds-publicly-accessible'), ['12:publiclyAccessible rds-publicly-accessible!', '13:publiclyAccessible rds-publicly-accessible!']);
  });
});
