/**
 * CloudFormation security groups that a network stack exports and other stacks import: a group its own template
 * attaches to nothing serves what the importing resources of the workspace serve. A group only services import
 * gets no every-port finding; one a database or cache imports, a nested stack is handed, or nothing of the
 * workspace imports keeps it, and so does a rule aimed at one engine's port.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** A network stack whose `AppSecurityGroup` takes all traffic from anywhere, exported under `name` (YAML). */
function network(name: string, ingress = ['IpProtocol: -1']): string {
  return lines(
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  AppSecurityGroup:',
    '    Type: AWS::EC2::SecurityGroup',
    '    Properties:',
    '      GroupDescription: Access to the containers',
    '      VpcId: !Ref VPC',
    '  AppIngressFromAnywhere:',
    '    Type: AWS::EC2::SecurityGroupIngress',
    '    Properties:',
    '      GroupId: !Ref AppSecurityGroup',
    ...ingress.map((line) => `      ${line}`),
    '      CidrIp: 0.0.0.0/0',
    'Outputs:',
    '  AppSecurityGroup:',
    '    Value: !GetAtt AppSecurityGroup.GroupId',
    '    Export:',
    `      Name: ${name}`,
  );
}

const JOIN_EXPORT = "!Join [':', [!Ref 'AWS::StackName', 'AppSecurityGroup']]";

/** A service stack whose ECS service imports the group by `name`. */
function service(name: string): string {
  return lines(
    'Parameters:',
    '  NetworkStackName:',
    '    Type: String',
    'Resources:',
    '  Service:',
    '    Type: AWS::ECS::Service',
    '    Properties:',
    '      LaunchType: FARGATE',
    '      NetworkConfiguration:',
    '        AwsvpcConfiguration:',
    '          SecurityGroups:',
    '            - Fn::ImportValue:',
    `                ${name}`,
  );
}

/** A stack whose resource of `type` imports the group by `name` under `property`. */
function importer(type: string, property: string, name: string, ...more: string[]): string {
  return lines('Resources:', '  Store:', `    Type: ${type}`, '    Properties:', ...more.map((line) => `      ${line}`), `      ${property}:`, '        - Fn::ImportValue:', `            ${name}`);
}

function model(files: Record<string, string>): WorkspaceModel {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([file, text]) => built.update(file, indexFile(file, file.endsWith('.json') ? 'json' : 'yaml', text))));
  return built;
}

/** The open-ingress rule ids of `file`, judged with the workspace of `files` (alone without). */
function openIngress(files: Record<string, string>, file: string, workspace = true): string[] {
  const kind = file.endsWith('.json') ? 'json' : 'yaml';
  return analyzeText(files[file], realHintRules(), { kind, fileName: file, workspace: workspace ? model(files) : undefined })
    .findings.filter((finding) => finding.ruleId.endsWith('-open-ingress'))
    .map((finding) => finding.ruleId)
    .sort();
}

const BOTH = ['elasticache-open-ingress', 'rds-open-ingress'];
const SERVICE_IMPORT = "!Join [':', [!Ref 'NetworkStackName', 'AppSecurityGroup']]";

describe('CloudFormation security groups exported to other stacks', () => {
  it('says nothing of every port open on a group that only services import, though another stack declares a database', () => {
    const files = {
      'stacks/network.yml': network(JOIN_EXPORT),
      'stacks/service.yml': service(SERVICE_IMPORT),
      'stacks/database.yml': importer('AWS::RDS::DBInstance', 'VPCSecurityGroups', "!Join [':', [!Ref 'NetworkStackName', 'DBSecurityGroupId']]", 'Engine: postgres', 'StorageEncrypted: true'),
    };
    assert.deepEqual(openIngress(files, 'stacks/network.yml'), []);
    assert.deepEqual(openIngress(files, 'stacks/network.yml', false), BOTH, 'the template alone');
  });

  it('reads the Sub forms and JSON templates', () => {
    const sub = { 'network.yml': network("!Sub '${AWS::StackName}-AppSecurityGroup'"), 'service.yml': service("!Sub '${NetworkStackName}-AppSecurityGroup'") };
    assert.deepEqual(openIngress(sub, 'network.yml'), []);
    const json = JSON.stringify({
      Resources: {
        AppSecurityGroup: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'app', SecurityGroupIngress: [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }] } },
      },
      Outputs: { Sg: { Value: { Ref: 'AppSecurityGroup' }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-AppSg' } } } },
    }, null, 2);
    const literal = { 'network.json': json, 'service.yml': service('prod-network-AppSg') };
    assert.deepEqual(openIngress(literal, 'network.json'), []);
  });

  it('reports only the kind of data store that imports the group', () => {
    const database = { 'network.yml': network(JOIN_EXPORT), 'db.yml': importer('AWS::RDS::DBInstance', 'VPCSecurityGroups', SERVICE_IMPORT), 'service.yml': service(SERVICE_IMPORT) };
    assert.deepEqual(openIngress(database, 'network.yml'), ['rds-open-ingress']);
    const cache = { 'network.yml': network(JOIN_EXPORT), 'cache.yml': importer('AWS::ElastiCache::ReplicationGroup', 'SecurityGroupIds', SERVICE_IMPORT) };
    assert.deepEqual(openIngress(cache, 'network.yml'), ['elasticache-open-ingress']);
  });

  it('reports what a nested stack handed the group, an import whose name is all references, or Fn::GetStackOutput may serve', () => {
    const nested = lines('Resources:', '  Data:', '    Type: AWS::CloudFormation::Stack', '    Properties:', '      TemplateURL: ./data.yml', '      Parameters:', '        SecurityGroup:', `          Fn::ImportValue: ${SERVICE_IMPORT}`);
    assert.deepEqual(openIngress({ 'network.yml': network(JOIN_EXPORT), 'root.yml': nested, 'service.yml': service(SERVICE_IMPORT) }, 'network.yml'), BOTH);
    const computed = importer('AWS::RDS::DBCluster', 'VpcSecurityGroupIds', '!Ref SecurityGroupExport', 'Engine: aurora-postgresql');
    assert.deepEqual(openIngress({ 'network.yml': network(JOIN_EXPORT), 'service.yml': service(SERVICE_IMPORT), 'db.yml': computed }, 'network.yml'), ['rds-open-ingress']);
    const byOutput = lines('Resources:', '  Cache:', '    Type: AWS::ElastiCache::ReplicationGroup', '    Properties:', '      SecurityGroupIds:', '        - Fn::GetStackOutput:', '            StackName: network', '            OutputName: AppSecurityGroup');
    assert.deepEqual(openIngress({ 'network.yml': network(JOIN_EXPORT), 'service.yml': service(SERVICE_IMPORT), 'cache.yml': byOutput }, 'network.yml'), ['elasticache-open-ingress']);
  });

  it('still reports a group nothing of the workspace imports, one exported under another name, or not exported', () => {
    assert.deepEqual(openIngress({ 'network.yml': network(JOIN_EXPORT) }, 'network.yml'), BOTH);
    assert.deepEqual(openIngress({ 'network.yml': network(JOIN_EXPORT), 'service.yml': service("!Join [':', [!Ref 'NetworkStackName', 'OtherGroup']]") }, 'network.yml'), BOTH);
    const unexported = network(JOIN_EXPORT).replace('    Value: !GetAtt AppSecurityGroup.GroupId', '    Value: !Ref VPC');
    assert.deepEqual(openIngress({ 'network.yml': unexported, 'service.yml': service(SERVICE_IMPORT) }, 'network.yml'), BOTH);
  });

  it('still reports a rule aimed at a database port on a group only services import', () => {
    const files = { 'network.yml': network(JOIN_EXPORT, ['IpProtocol: tcp', 'FromPort: 5432', 'ToPort: 5432']), 'service.yml': service(SERVICE_IMPORT) };
    assert.deepEqual(openIngress(files, 'network.yml'), ['rds-open-ingress']);
  });
});
