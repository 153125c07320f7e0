/**
 * CDK security groups open on every port to the internet: silent where the file gives the group only to
 * constructs that are not data stores (a load balancer, a service), reported wherever a database, a
 * project construct or nothing at all takes it, and for a database port whatever takes it.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const TS_HEAD = [
  "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
  "import * as ecs from 'aws-cdk-lib/aws-ecs';",
  "import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';",
  "import * as rds from 'aws-cdk-lib/aws-rds';",
  "import { Construct } from 'constructs';",
  "import { InternalCache } from './cache';",
  'export class Edge extends Construct {',
  '  constructor(scope: Construct, id: string, vpc: ec2.IVpc, cluster: ecs.ICluster) {',
  '    super(scope, id);',
  "    const edgeSg = new ec2.SecurityGroup(this, 'EdgeSg', { vpc });",
];

function typescript(port: string, ...uses: string[]): string {
  return sourceLines(...TS_HEAD, `    edgeSg.addIngressRule(ec2.Peer.anyIpv4(), ${port});`, ...uses, '  }', '}');
}

const OPEN = (hints: string[]): string[] => hints.filter((hint) => /open-ingress!$/.test(hint));

describe('CDK security groups that serve no database', () => {
  it('stays silent for an all-traffic group given only to a load balancer and a service (TypeScript)', () => {
    const code = typescript(
      'ec2.Port.allTraffic()',
      "    const lb = new elbv2.ApplicationLoadBalancer(this, 'Lb', { vpc, internetFacing: true, securityGroup: edgeSg });",
      "    new ecs.FargateService(this, 'Svc', { cluster, taskDefinition: this.task, securityGroups: [edgeSg] });",
      '    lb.addSecurityGroup(edgeSg);',
      '    edgeSg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.allTcp());',
    );
    assert.deepEqual(OPEN(hintsIn('edge.ts', code)), []);
  });

  it('stays silent for a group given through a construct’s connections, and named as a peer of a database’s rule', () => {
    const code = typescript(
      'ec2.Port.tcpRange(0, 8888)',
      "    const lb = new elbv2.NetworkLoadBalancer(this, 'Nlb', { vpc });",
      "    new ec2.InterfaceVpcEndpoint(this, 'Ep', { vpc, service: ec2.InterfaceVpcEndpointAwsService.SSM, securityGroups: [edgeSg] });",
      "    new ec2.Instance(this, 'Bastion', { vpc, connections: new ec2.Connections({ securityGroups: [edgeSg] }) } as any);",
      "    const db = rds.DatabaseInstance.fromDatabaseInstanceAttributes(this, 'Db', this.attrs);",
      '    db.connections.allowFrom(edgeSg, ec2.Port.tcp(5432));',
    );
    assert.deepEqual(OPEN(hintsIn('edge.ts', code)), []);
  });

  it('reports the group also given to a database, used nowhere, or passed to a project construct or a function', () => {
    const dbAlso = typescript(
      'ec2.Port.allTraffic()',
      "    new elbv2.ApplicationLoadBalancer(this, 'Lb', { vpc, securityGroup: edgeSg });",
      "    new rds.DatabaseInstance(this, 'Db', { vpc, engine: this.engine, securityGroups: [edgeSg] });",
    );
    assert.ok(OPEN(hintsIn('edge.ts', dbAlso)).includes('11:addIngressRule rds-open-ingress!'), hintsIn('edge.ts', dbAlso).join('\n'));
    const nowhere = typescript('ec2.Port.allTraffic()');
    assert.ok(OPEN(hintsIn('edge.ts', nowhere)).includes('11:addIngressRule rds-open-ingress!'));
    const project = typescript(
      'ec2.Port.allTraffic()',
      "    new elbv2.ApplicationLoadBalancer(this, 'Lb', { vpc, securityGroup: edgeSg });",
      "    new InternalCache(this, 'Cache', { vpc, securityGroups: [edgeSg] });",
    );
    assert.ok(OPEN(hintsIn('edge.ts', project)).includes('11:addIngressRule elasticache-open-ingress!'));
    const called = typescript('ec2.Port.allTraffic()', "    new elbv2.ApplicationLoadBalancer(this, 'Lb', { vpc, securityGroup: edgeSg });", '    attachTo(edgeSg);');
    assert.ok(OPEN(hintsIn('edge.ts', called)).includes('11:addIngressRule rds-open-ingress!'));
    const id = typescript(
      'ec2.Port.allTraffic()',
      "    new elbv2.ApplicationLoadBalancer(this, 'Lb', { vpc, securityGroup: edgeSg });",
      "    new rds.CfnDBInstance(this, 'Db', { dbInstanceClass: 'db.t3.micro', vpcSecurityGroups: [edgeSg.securityGroupId] });",
    );
    assert.ok(OPEN(hintsIn('edge.ts', id)).includes('11:addIngressRule rds-open-ingress!'));
    const props = typescript('ec2.Port.allTraffic()', '    const edgeProps = { vpc, securityGroup: edgeSg };', "    new elbv2.ApplicationLoadBalancer(this, 'Lb', edgeProps);");
    assert.ok(OPEN(hintsIn('edge.ts', props)).includes('11:addIngressRule rds-open-ingress!'));
    const listed = typescript('ec2.Port.allTraffic()', '    const securityGroups = [edgeSg];', "    new elbv2.ApplicationLoadBalancer(this, 'Lb', { vpc, securityGroup: edgeSg });");
    assert.ok(OPEN(hintsIn('edge.ts', listed)).includes('11:addIngressRule rds-open-ingress!'));
  });

  it('reports a database port whatever takes the group', () => {
    const code = typescript('ec2.Port.tcp(5432)', "    new elbv2.ApplicationLoadBalancer(this, 'Lb', { vpc, securityGroup: edgeSg });");
    assert.ok(OPEN(hintsIn('edge.ts', code)).includes('11:addIngressRule rds-open-ingress!'), hintsIn('edge.ts', code).join('\n'));
  });

  it('reports a group whose name is bound again, or which is a parameter', () => {
    const rebound = typescript('ec2.Port.allTraffic()', "    new elbv2.ApplicationLoadBalancer(this, 'Lb', { vpc, securityGroup: edgeSg });", '    edgeSg = this.shared;', "    new rds.DatabaseInstance(this, 'Db', { vpc, engine: this.engine, securityGroups: [edgeSg] });");
    assert.ok(OPEN(hintsIn('edge.ts', rebound.replace('const edgeSg', 'let edgeSg'))).includes('11:addIngressRule rds-open-ingress!'));
    const parameter = sourceLines(
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      "import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';",
      'export function open(scope: any, vpc: ec2.IVpc, sg: ec2.SecurityGroup) {',
      '  sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.allTraffic());',
      "  new elbv2.ApplicationLoadBalancer(scope, 'Lb', { vpc, securityGroup: sg });",
      '}',
    );
    assert.ok(OPEN(hintsIn('open.ts', parameter)).includes('4:addIngressRule rds-open-ingress!'));
  });

  it('reads private this.x fields in TypeScript and _x fields in Python, and keeps the findings of public ones', () => {
    const field = sourceLines(
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      "import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      'export class Network {',
      '  private readonly edgeSg: ec2.SecurityGroup;',
      '  constructor(scope: any, vpc: ec2.IVpc) {',
      "    this.edgeSg = new ec2.SecurityGroup(scope, 'EdgeSg', { vpc });",
      '    this.edgeSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.allTraffic());',
      "    new elbv2.ApplicationLoadBalancer(scope, 'Lb', { vpc, securityGroup: this.edgeSg });",
      '  }',
      '}',
    );
    assert.deepEqual(OPEN(hintsIn('network.ts', field)), []);
    const withDb = field.replace("securityGroup: this.edgeSg });", "securityGroup: this.edgeSg });\n    new rds.DatabaseCluster(scope, 'Db', { vpc, securityGroups: [this.edgeSg] } as any);");
    assert.ok(OPEN(hintsIn('network.ts', withDb)).includes('8:addIngressRule rds-open-ingress!'), hintsIn('network.ts', withDb).join('\n'));
    // A public field: another file, handed this construct, may give the group to a database.
    const publicField = field.replace('  private readonly edgeSg', '  readonly edgeSg');
    assert.ok(OPEN(hintsIn('network.ts', publicField)).includes('8:addIngressRule rds-open-ingress!'));

    const python = (name: string, ...uses: string[]): string =>
      sourceLines(
        'from aws_cdk import Stack, aws_ec2 as ec2, aws_ecs_patterns as patterns, aws_elasticloadbalancingv2 as elbv2, aws_rds as rds',
        'from .cache import InternalCache',
        'class EdgeStack(Stack):',
        '    def __init__(self, scope, construct_id, vpc, **kwargs):',
        '        super().__init__(scope, construct_id, **kwargs)',
        `        self.${name} = ec2.SecurityGroup(self, "EdgeSg", vpc=vpc)`,
        `        self.${name}.add_ingress_rule(ec2.Peer.any_ipv4(), ec2.Port.all_traffic())`,
        `        lb = elbv2.ApplicationLoadBalancer(self, "Lb", vpc=vpc, internet_facing=True, security_group=self.${name})`,
        ...uses.map((use) => use.replace('SG', name)),
      );
    assert.deepEqual(OPEN(hintsIn('edge_stack.py', python('_edge_sg', '        lb.add_security_group(self.SG)'))), []);
    assert.ok(OPEN(hintsIn('edge_stack.py', python('edge_sg', '        lb.add_security_group(self.SG)'))).includes('7:add_ingress_rule rds-open-ingress!'), 'a public attribute');
    const pyDb = python('_edge_sg', '        rds.DatabaseInstance(self, "Db", vpc=vpc, engine=self.engine, security_groups=[self.SG])');
    assert.ok(OPEN(hintsIn('edge_stack.py', pyDb)).includes('7:add_ingress_rule rds-open-ingress!'), hintsIn('edge_stack.py', pyDb).join('\n'));
    const pyProject = python('_edge_sg', '        InternalCache(self, "Cache", security_groups=[self.SG])');
    assert.ok(OPEN(hintsIn('edge_stack.py', pyProject)).includes('7:add_ingress_rule elasticache-open-ingress!'));
  });

  it('reads a group the file gives nothing as serving others where its own names say so, and never over a use or a data word', () => {
    const group = (name: string, made: string, port = 'ec2.Port.allTraffic()', ...uses: string[]): string =>
      sourceLines(
        "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
        "import * as rds from 'aws-cdk-lib/aws-rds';",
        'export class SecurityGroups {',
        `  readonly ${name}: ec2.SecurityGroup;`,
        '  constructor(scope: any, vpc: ec2.IVpc) {',
        `    this.${name} = new ec2.SecurityGroup(scope, ${made});`,
        `    this.${name}.addIngressRule(ec2.Peer.anyIpv4(), ${port}, 'all inbound');`,
        ...uses,
        '  }',
        '}',
      );
    // Public fields, which another file may give to anything: the names tell.
    assert.deepEqual(OPEN(hintsIn('groups.ts', group('lbSecurityGroup', "'LoadBalancerSG', { vpc }"))), []);
    assert.deepEqual(OPEN(hintsIn('groups.ts', group('edge', "'EdgeSG', { vpc, description: 'Security group for the bastion hosts' }"))), []);
    assert.ok(OPEN(hintsIn('groups.ts', group('edge', "'EdgeSG', { vpc }"))).includes('7:addIngressRule rds-open-ingress!'), 'no role in the names');
    assert.ok(OPEN(hintsIn('groups.ts', group('albSg', "'AlbSG', { vpc, description: 'ALB and Redis cache clients' }"))).includes('7:addIngressRule elasticache-open-ingress!'), 'a data word');
    assert.ok(OPEN(hintsIn('groups.ts', group('lbSecurityGroup', "'LoadBalancerSG', { vpc }", 'ec2.Port.tcp(5432)'))).includes('7:addIngressRule rds-open-ingress!'), 'a database port');
    const given = group('lbSecurityGroup', "'LoadBalancerSG', { vpc }", 'ec2.Port.allTraffic()', "    new rds.DatabaseInstance(scope, 'Db', { vpc, engine: rds.DatabaseInstanceEngine.POSTGRES, securityGroups: [this.lbSecurityGroup] } as any);");
    assert.ok(OPEN(hintsIn('groups.ts', given)).includes('7:addIngressRule rds-open-ingress!'), 'given to a database');
    assert.ok(OPEN(hintsIn('groups.ts', given.replace('  readonly lbSecurityGroup', '  private readonly lbSecurityGroup'))).includes('7:addIngressRule rds-open-ingress!'), 'given to a database, private');
    const python = sourceLines(
      'from aws_cdk import aws_ec2 as ec2',
      'def network(scope, vpc):',
      '    sg = ec2.SecurityGroup(scope, "ProxySg", vpc=vpc, description="Envoy proxy fleet")',
      '    sg.add_ingress_rule(ec2.Peer.any_ipv4(), ec2.Port.all_tcp())',
    );
    assert.deepEqual(OPEN(hintsIn('network.py', python)), []);
    // Handed on where the file cannot see: it may reach a database, whatever its names say.
    assert.ok(OPEN(hintsIn('network.py', `${python}\n    return sg`)).includes('4:add_ingress_rule rds-open-ingress!'));
    assert.ok(OPEN(hintsIn('network.py', python.replace('Envoy proxy fleet', 'Envoy proxy to Postgres'))).includes('4:add_ingress_rule rds-open-ingress!'));
  });

  it('reads Python variables and connections', () => {
    const code = (port: string, ...uses: string[]): string =>
      sourceLines(
        'from aws_cdk import aws_ec2 as ec2, aws_ecs as ecs, aws_lambda as lambda_',
        'def build(scope, vpc, cluster, task):',
        '    sg = ec2.SecurityGroup(scope, "Sg", vpc=vpc)',
        `    sg.add_ingress_rule(ec2.Peer.any_ipv4(), ${port})`,
        ...uses,
      );
    const uses = ['    ecs.FargateService(scope, "Svc", cluster=cluster, task_definition=task, security_groups=[sg])', '    lambda_.Function(scope, "Fn", vpc=vpc, connections=ec2.Connections(security_groups=[sg]))'];
    assert.deepEqual(OPEN(hintsIn('build.py', code('ec2.Port.all_tcp()', ...uses))), []);
    assert.ok(OPEN(hintsIn('build.py', code('ec2.Port.tcp(6379)', ...uses))).includes('4:add_ingress_rule elasticache-open-ingress!'));
    assert.ok(OPEN(hintsIn('build.py', code('ec2.Port.all_tcp()'))).includes('4:add_ingress_rule rds-open-ingress!'));
    assert.ok(OPEN(hintsIn('build.py', code('ec2.Port.all_tcp()', ...uses, '    register(sg)'))).includes('4:add_ingress_rule rds-open-ingress!'));
    assert.ok(OPEN(hintsIn('build.py', code('ec2.Port.all_tcp()', ...uses, '    security_groups = [sg]'))).includes('4:add_ingress_rule rds-open-ingress!'));
  });
  it('keeps every finding in a file with more groups of every-port rules than it reads (generated code)', () => {
    const groups = Array.from({ length: 70 }, (_, i) => [
      `export function open${i}(scope: any, vpc: ec2.IVpc) {`,
      `  const sg = new ec2.SecurityGroup(scope, 'Sg${i}', { vpc });`,
      '  sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.allTraffic());',
      `  new elbv2.ApplicationLoadBalancer(scope, 'Lb${i}', { vpc, securityGroup: sg });`,
      '}',
    ]).flat();
    const code = sourceLines("import * as ec2 from 'aws-cdk-lib/aws-ec2';", "import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';", ...groups);
    assert.equal(OPEN(hintsIn('generated.ts', code)).filter((hint) => hint.endsWith('rds-open-ingress!')).length, 70);
    assert.deepEqual(OPEN(hintsIn('one.ts', sourceLines("import * as ec2 from 'aws-cdk-lib/aws-ec2';", "import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';", ...groups.slice(0, 5)))), []);
  });

  it('reads the bundling function constructs (NodejsFunction, PythonFunction, GoFunction) as functions', () => {
    const ts = (importLine: string, make: string): string =>
      sourceLines(
        "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
        importLine,
        'export function rotator(scope: any, vpc: ec2.IVpc) {',
        "  const fnSg = new ec2.SecurityGroup(scope, 'FnSg', { vpc });",
        '  fnSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.allTraffic());',
        `  new ${make}(scope, 'Rotator', { vpc, entry: 'lambda', securityGroups: [fnSg] });`,
        '}',
      );
    assert.deepEqual(OPEN(hintsIn('rotator.ts', ts("import * as pyLambda from '@aws-cdk/aws-lambda-python-alpha';", 'pyLambda.PythonFunction'))), []);
    assert.deepEqual(OPEN(hintsIn('rotator.ts', ts("import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';", 'NodejsFunction'))), []);
    assert.deepEqual(OPEN(hintsIn('rotator.ts', ts("import { aws_lambda_nodejs as nodejs } from 'aws-cdk-lib';", 'nodejs.NodejsFunction'))), []);
    assert.deepEqual(OPEN(hintsIn('rotator.ts', ts("import { GoFunction } from '@aws-cdk/aws-lambda-go-alpha';", 'GoFunction'))), []);
    const python = sourceLines(
      'from aws_cdk import aws_ec2 as ec2',
      'from aws_cdk.aws_lambda_python_alpha import PythonFunction',
      'def rotator(scope, vpc):',
      '    fn_sg = ec2.SecurityGroup(scope, "FnSg", vpc=vpc)',
      '    fn_sg.add_ingress_rule(ec2.Peer.any_ipv4(), ec2.Port.all_traffic())',
      '    PythonFunction(scope, "Rotator", entry="lambda", vpc=vpc, security_groups=[fn_sg])',
    );
    assert.deepEqual(OPEN(hintsIn('rotator.py', python)), []);
    // Another class of those packages, a project class of the same name and a database port stay reported.
    assert.ok(OPEN(hintsIn('rotator.ts', ts("import * as pyLambda from '@aws-cdk/aws-lambda-python-alpha';", 'pyLambda.PythonLayerVersion'))).includes('5:addIngressRule rds-open-ingress!'));
    assert.ok(OPEN(hintsIn('rotator.ts', ts("import { NodejsFunction } from './functions';", 'NodejsFunction'))).includes('5:addIngressRule rds-open-ingress!'));
    const dbPort = ts("import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';", 'NodejsFunction').replace('ec2.Port.allTraffic()', 'ec2.Port.tcp(3306)');
    assert.ok(OPEN(hintsIn('rotator.ts', dbPort)).includes('5:addIngressRule rds-open-ingress!'));
  });

  it("reads a broad rule on the connections of a construct that holds no data as that construct's, and keeps a database's", () => {
    const code = (target: string, port: string): string =>
      sourceLines(
        'from aws_cdk import aws_autoscaling as autoscaling, aws_ec2 as ec2, aws_rds as rds',
        'def capacity(scope, vpc, engine):',
        '    asg = autoscaling.AutoScalingGroup(scope, "Asg", vpc=vpc)',
        '    db = rds.DatabaseInstance(scope, "Db", vpc=vpc, engine=engine, storage_encrypted=True)',
        '    sg = ec2.SecurityGroup(scope, "Sg", vpc=vpc)',
        `    ${target}.connections.allow_from_any_ipv4(port_range=${port}, description="dynamic host ports")`,
      );
    // ECS on EC2 maps container ports to 32768-65535 on the instances.
    assert.deepEqual(OPEN(hintsIn('capacity.py', code('asg', 'ec2.Port.tcp_range(32768, 65535)'))), []);
    assert.deepEqual(OPEN(hintsIn('capacity.py', code('asg', 'ec2.Port.all_tcp()'))), []);
    assert.ok(OPEN(hintsIn('capacity.py', code('asg', 'ec2.Port.tcp(3306)'))).includes('6:allow_from_any_ipv4 rds-open-ingress!'), 'one engine port');
    assert.ok(OPEN(hintsIn('capacity.py', code('db', 'ec2.Port.tcp_range(32768, 65535)'))).includes('6:allow_from_any_ipv4 rds-open-ingress!'), 'a database');
    assert.ok(OPEN(hintsIn('capacity.py', code('sg', 'ec2.Port.all_tcp()'))).includes('6:allow_from_any_ipv4 rds-open-ingress!'), "a group's own connections, used nowhere");
    const ts = sourceLines(
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      "import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';",
      'export function edge(scope: any, vpc: ec2.IVpc) {',
      "  const nlb = new elbv2.NetworkLoadBalancer(scope, 'Nlb', { vpc });",
      '  nlb.connections.allowFrom(ec2.Peer.anyIpv4(), ec2.Port.tcpRange(1024, 65535));',
      '}',
    );
    assert.deepEqual(OPEN(hintsIn('edge.ts', ts)), []);
    assert.ok(OPEN(hintsIn('edge.ts', ts.replace('ec2.Port.tcpRange(1024, 65535)', 'ec2.Port.tcpRange(50000, 50010)'))).includes('5:allowFrom rds-open-ingress!'), 'a narrow range at Db2');
  });

  it("reads a database's default port opened to every address through its connections, and no other peer", () => {
    const ts = (peer: string): string =>
      sourceLines(
        "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
        "import * as rds from 'aws-cdk-lib/aws-rds';",
        'export function data(scope: any, vpc: ec2.IVpc, engine: rds.IInstanceEngine, appSg: ec2.ISecurityGroup) {',
        "  const db = new rds.DatabaseInstance(scope, 'Db', { vpc, engine, storageEncrypted: true });",
        `  db.connections.allowDefaultPortFrom(${peer});`,
        "  const sg = new ec2.SecurityGroup(scope, 'Sg', { vpc });",
        `  sg.connections.allowDefaultPortFrom(${peer});`,
        '}',
      );
    assert.deepEqual(OPEN(hintsIn('data.ts', ts('ec2.Peer.anyIpv4()'))), ['5:allowDefaultPortFrom rds-open-ingress!'], "a group has no default port of its own");
    assert.deepEqual(OPEN(hintsIn('data.ts', ts("ec2.Peer.ipv6('::/0')"))), ['5:allowDefaultPortFrom rds-open-ingress!']);
    assert.deepEqual(OPEN(hintsIn('data.ts', ts('appSg'))), []);
    assert.deepEqual(OPEN(hintsIn('data.ts', ts("ec2.Peer.ipv4('10.0.0.0/16')"))), []);
    const python = sourceLines(
      'from aws_cdk import aws_ec2 as ec2, aws_rds as rds',
      'def data(scope, vpc, engine):',
      '    cluster = rds.DatabaseCluster(scope, "Db", vpc=vpc, engine=engine)',
      '    cluster.connections.allow_default_port_from(ec2.Peer.any_ipv4(), "public psql")',
    );
    assert.deepEqual(OPEN(hintsIn('data.py', python)), ['4:allow_default_port_from rds-open-ingress!']);
  });
});
