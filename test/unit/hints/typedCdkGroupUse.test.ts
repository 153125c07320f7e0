/**
 * CDK in C#: what a security group with every port open to the internet protects, as the file shows it. A group made
 * with `new SecurityGroup(...)` into a local or a private field and handed to constructs through their props'
 * initializers (`SecurityGroup = sg`, `SecurityGroups = new[] { sg }`) or `Connections.AddSecurityGroup(sg)` is theirs:
 * a file system's or a service's every-port rule is not a database port left open; a database's still is, and so is
 * a group handed to something the file does not show. Go apps (`awsec2.NewSecurityGroup`, `SecurityGroups: &[]awsec2.ISecurityGroup{sg}`) alike.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['rds-open-ingress', 'elasticache-open-ingress'];
const findings = (code: string): string[] => hintsOfRules('Infra/PipelineStack.cs', code, RULES).filter((hint) => hint.endsWith('!'));

const HEAD = [
  'using Amazon.CDK;',
  'using Amazon.CDK.AWS.EC2;',
  'using Amazon.CDK.AWS.ECS;',
  'using Amazon.CDK.AWS.EFS;',
  'using Amazon.CDK.AWS.Lambda;',
  'using Amazon.CDK.AWS.RDS;',
  'using System.Collections.Generic;',
  'using Constructs;',
  'namespace Infra',
  '{', // 10
  '    public class PipelineStack : Stack',
  '    {',
];

/** A stack whose private field `shared` gets every port open in one method and is used as `use` says in another. */
function fieldStack(use: string, modifier = 'private'): string {
  return sourceLines(
    ...HEAD,
    `        ${modifier} SecurityGroup shared;`,
    '        private Vpc network;', // 14
    '        internal PipelineStack(Construct scope, string id) : base(scope, id)',
    '        {',
    '            network = new Vpc(this, "Net");',
    '            MakeGroup();',
    '            MakeStorage();',
    '        }', // 20
    '        private void MakeGroup()',
    '        {',
    '            shared = new SecurityGroup(this, "Shared", new SecurityGroupProps { Vpc = network, AllowAllOutbound = true });',
    '            shared.AddIngressRule(Peer.AnyIpv4(), Port.AllTraffic(), "everything");', // 24
    '            shared.Node.AddDependency(network);',
    '        }',
    '        private void MakeStorage()',
    '        {',
    `            ${use}`, // 29
    '        }',
    '    }',
    '}',
  );
}

describe('C# CDK security groups by what they are given to', () => {
  it('leaves an every-port rule on a private field given only to a file system or a Fargate service', () => {
    assert.deepEqual(findings(fieldStack('var files = new FileSystem(this, "Files", new FileSystemProps { Vpc = network, Encrypted = true, SecurityGroup = shared });')), []);
    assert.deepEqual(findings(fieldStack('new FargateService(this, "Jobs", new FargateServiceProps { Cluster = null, SecurityGroups = new[] { shared } });')), []);
    assert.deepEqual(findings(fieldStack('new Function(this, "Fn", new FunctionProps { Vpc = network, SecurityGroups = new List<ISecurityGroup> { this.shared } });')), []);
    assert.deepEqual(findings(fieldStack('var fs = new Amazon.CDK.AWS.EFS.FileSystem(this, "Files", new FileSystemProps { Vpc = network }); fs.Connections.AddSecurityGroup(shared);')), []);
  });

  it('keeps the finding where the group also goes to a database, to a construct of the project, to a props variable, or out of the file', () => {
    const db = 'new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Vpc = network, SecurityGroups = new[] { shared } });';
    assert.deepEqual(findings(fieldStack(`new FileSystem(this, "Files", new FileSystemProps { SecurityGroup = shared }); ${db}`)), ['24:AddIngressRule rds-open-ingress!', '24:AddIngressRule elasticache-open-ingress!'].filter((hint) => hint.includes('rds')));
    assert.equal(findings(fieldStack('new ReportStore(this, "Reports", new ReportStoreProps { SecurityGroup = shared });')).length, 2);
    assert.equal(findings(fieldStack('var props = new FileSystemProps { SecurityGroup = shared }; new FileSystem(this, "Files", props);')).length, 2);
    assert.equal(findings(fieldStack('Export(shared.SecurityGroupId);')).length, 2);
    assert.equal(findings(fieldStack('Keep(shared);')).length, 2);
    // A field other files may read: another stack may give it to a database.
    assert.equal(findings(fieldStack('new FileSystem(this, "Files", new FileSystemProps { SecurityGroup = shared });', 'public')).length, 2);
    assert.equal(findings(fieldStack('new FileSystem(this, "Files", new FileSystemProps { SecurityGroup = shared });', 'internal')).length, 2);
    // Used nowhere, or set again: unknown.
    assert.equal(findings(fieldStack('var unused = 1;')).length, 2);
    assert.equal(findings(fieldStack('shared = new SecurityGroup(this, "Other", new SecurityGroupProps { Vpc = network }); new FileSystem(this, "Files", new FileSystemProps { SecurityGroup = shared });')).length, 2);
  });

  it('reads a local group, and keeps a database port open whatever takes the group', () => {
    const code = (rule: string, use: string): string =>
      sourceLines(
        ...HEAD,
        '        internal PipelineStack(Construct scope, string id, IVpc vpc, ICluster cluster) : base(scope, id)',
        '        {',
        '            var workers = new SecurityGroup(this, "Workers", new SecurityGroupProps { Vpc = vpc });',
        `            workers.AddIngressRule(Peer.AnyIpv4(), ${rule});`, // 16
        `            ${use}`,
        '        }',
        '    }',
        '}',
      );
    const service = 'new FargateService(this, "Svc", new FargateServiceProps { Cluster = cluster, SecurityGroups = new[] { workers } });';
    assert.deepEqual(findings(code('Port.AllTraffic()', service)), []);
    assert.deepEqual(findings(code('Port.TcpRange(0, 65535)', service)), []);
    assert.deepEqual(findings(code('Port.Tcp(5432)', service)), ['16:AddIngressRule rds-open-ingress!']);
    assert.equal(findings(code('Port.AllTraffic()', 'new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Vpc = vpc, SecurityGroups = new[] { workers } });')).length, 1);
  });
});

describe('Go CDK security groups by what they are given to', () => {
  const goFindings = (code: string): string[] => hintsOfRules('infra/stack.go', code, RULES).filter((hint) => hint.endsWith('!'));
  const stack = (rule: string, use: string): string =>
    sourceLines(
      'package infra',
      'import (',
      '\t"github.com/aws/aws-cdk-go/awscdk/v2"',
      '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"',
      '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"',
      '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"',
      '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"',
      '\t"github.com/aws/jsii-runtime-go"',
      ')',
      'func Build(stack awscdk.Stack, vpc awsec2.IVpc, cluster awsecs.ICluster) {', // 10
      '\tworkers := awsec2.NewSecurityGroup(stack, jsii.String("Workers"), &awsec2.SecurityGroupProps{Vpc: vpc})',
      `\tworkers.AddIngressRule(awsec2.Peer_AnyIpv4(), ${rule}, jsii.String("open"), nil)`, // 12
      '\tworkers.Node().AddDependency(vpc)',
      `\t${use}`,
      '}',
    );
  const all = 'awsec2.Port_AllTraffic()';

  it('leaves an every-port rule on a group given only to an instance, a service or a file system', () => {
    assert.deepEqual(goFindings(stack(all, 'awsec2.NewInstance(stack, jsii.String("Box"), &awsec2.InstanceProps{Vpc: vpc, SecurityGroup: workers})')), []);
    assert.deepEqual(goFindings(stack('awsec2.Port_AllTcp()', 'awsecs.NewFargateService(stack, jsii.String("Svc"), &awsecs.FargateServiceProps{Cluster: cluster, SecurityGroups: &[]awsec2.ISecurityGroup{workers}})')), []);
    assert.deepEqual(goFindings(stack(all, 'files := awsefs.NewFileSystem(stack, jsii.String("Files"), &awsefs.FileSystemProps{Vpc: vpc}); files.Connections().AddSecurityGroup(workers)')), []);
  });

  it('keeps the finding for a group given to a database, put in a slice, handed to a function, or opening a database port', () => {
    assert.deepEqual(goFindings(stack(all, 'awsrds.NewDatabaseCluster(stack, jsii.String("Db"), &awsrds.DatabaseClusterProps{Vpc: vpc, SecurityGroups: &[]awsec2.ISecurityGroup{workers}})')), ['12:AddIngressRule rds-open-ingress!']);
    assert.equal(goFindings(stack(all, 's := make([]awsec2.ISecurityGroup, 1); s[0] = workers')).length, 2);
    assert.equal(goFindings(stack(all, 'attach(stack, workers)')).length, 2);
    assert.equal(goFindings(stack(all, '')).length, 2);
    assert.deepEqual(goFindings(stack('awsec2.Port_Tcp(jsii.Number(3306))', 'awsec2.NewInstance(stack, jsii.String("Box"), &awsec2.InstanceProps{Vpc: vpc, SecurityGroup: workers})')), ['12:AddIngressRule rds-open-ingress!']);
  });
});
