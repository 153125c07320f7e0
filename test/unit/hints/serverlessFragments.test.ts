/**
 * Resource fragments that a Serverless service includes with `${file(...)}`: a file of one resource, a
 * file of resources by logical id, and a `Resources:` file get what the same resources get inline in a
 * template, judged by their shape alone; their Serverless variables are unknown values; files that only
 * look similar (Kubernetes, docker-compose, GitHub workflows, Helm values) get nothing.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { readTemplate } from '../../../src/hints/engine/iac';
import { LineIndex } from '../../../src/hints/engine/text';
import { Finding } from '../../../src/hints/engine/types';
import { realHintRules } from './support';

const DB = ['Type: AWS::RDS::DBInstance', 'DeletionPolicy: Delete', 'Properties:', '  Engine: postgres', '  PubliclyAccessible: true', '  BackupRetentionPeriod: 0', '  DeletionProtection: false'];

const CACHE = ['Type: AWS::ElastiCache::ReplicationGroup', 'Properties:', '  ReplicationGroupDescription: sessions', '  Engine: valkey', '  TransitEncryptionEnabled: false'];

const indent = (lines: string[], by: string): string[] => lines.map((line) => by + line);
const join = (lines: string[]): string => [...lines, ''].join('\n');

const TEMPLATE = join(['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  Db:', ...indent(DB, '    '), '  Cache:', ...indent(CACHE, '    ')]);

function analyze(text: string, kind: 'yaml' | 'json' = 'yaml'): Finding[] {
  return [...analyzeText(text, realHintRules(), { kind }).findings].sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.start - b.start);
}

/** A finding as its rule, message, the text it marks, and its quick fix as what it replaces with what. */
function described(text: string, finding: Finding): unknown {
  const edits = finding.fix?.edits.map((edit) => [text.slice(edit.start, edit.end), edit.newText.split('\n').map((line) => line.trim()).join('\n')]);
  return [finding.ruleId, finding.severity, finding.message, text.slice(finding.start, finding.end), finding.fix?.title, edits];
}

function types(text: string, kind: 'yaml' | 'json' = 'yaml'): string[] {
  return (readTemplate(kind, text, new LineIndex(text))?.model.contexts ?? []).map((context) => context.type);
}

function hoverTexts(text: string): string[] {
  return analyzeText(text, realHintRules(), { kind: 'yaml' }).sites.map((site) => text.slice(site.start, site.end));
}

describe('Serverless resource fragments', () => {
  it('give a file of resources by logical id the findings and quick fixes of the same resources in a template', () => {
    const fragment = join(['# resources: Resources: ${file(resources/data.yml)}', 'Db:', ...indent(DB, '  '), 'Cache:', ...indent(CACHE, '  ')]);
    const template = analyze(TEMPLATE);
    assert.ok(template.length >= 4 && template.some((finding) => finding.fix), 'the template has findings and quick fixes to compare');
    assert.deepEqual(
      analyze(fragment).map((finding) => described(fragment, finding)),
      template.map((finding) => described(TEMPLATE, finding)),
    );
  });

  it('give a file of one resource the same findings, anchored on its Type where the template names the resource', () => {
    const fragment = join(DB);
    const template = analyze(TEMPLATE).filter((finding) => !finding.ruleId.startsWith('elasticache-'));
    const found = analyze(fragment);
    assert.ok(template.length >= 3);
    // The marked text differs only where the finding is on the resource itself: its logical id or its Type.
    const anchorless = (text: string, finding: Finding): unknown => {
      const [rule, severity, message, marked, title, edits] = described(text, finding) as unknown[];
      return [rule, severity, message, marked === 'Db' || marked === 'Type' ? 'the resource' : marked, title, edits];
    };
    assert.deepEqual(
      found.map((finding) => anchorless(fragment, finding)),
      template.map((finding) => anchorless(TEMPLATE, finding)),
    );
    assert.deepEqual(hoverTexts(fragment).filter((text) => text === 'PubliclyAccessible' || text === 'DeletionPolicy'), ['DeletionPolicy', 'PubliclyAccessible']);
  });

  it('read JSON fragments the same way', () => {
    const json = JSON.stringify({ Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres', PubliclyAccessible: true } }, null, 2);
    assert.deepEqual(types(json, 'json'), ['AWS::RDS::DBInstance']);
    assert.ok(analyze(json, 'json').some((finding) => finding.ruleId === 'rds-publicly-accessible'));
  });

  it('leave every Serverless variable unknown, in a fragment and in a Resources file alike', () => {
    // Per rule: the property, a literal value that it reports, and a variable in its place.
    const cases: [string, string, string, string][] = [
      ['rds-publicly-accessible', 'PubliclyAccessible', 'true', '${self:custom.public}'],
      ['rds-backup-retention', 'BackupRetentionPeriod', '0', "${opt:backupDays, 0}"],
      ['rds-deletion-protection', 'DeletionProtection', 'false', '${self:custom.protect.${sls:stage}}'],
      ['rds-engine-version-extended-support', 'EngineVersion', '"11.22"', '"11.${self:custom.minor}"'],
    ];
    const fires = (rule: string, lines: string[]) => analyze(join(lines)).some((finding) => finding.ruleId === rule);
    for (const [rule, key, literal, variable] of cases) {
      const resource = (value: string) => ['Type: AWS::RDS::DBInstance', 'Properties:', '  Engine: postgres', '  StorageEncrypted: true', `  ${key}: ${value}`];
      const resourcesFile = (value: string) => ['Resources:', '  Db:', ...indent(resource(value), '    '), 'Outputs:', '  DbId:', '    Value: !Ref Db'];
      assert.ok(fires(rule, resource(literal)) && fires(rule, resourcesFile(literal)), `${rule} fires on ${literal}`);
      assert.ok(!fires(rule, resource(variable)), `${key}: ${variable} in a fragment`);
      assert.ok(!fires(rule, resourcesFile(variable)), `${key}: ${variable} in a Resources file`);
    }
  });

  it('keep CloudFormation’s own ${Name} and ${AWS::Region} and read !Ref and !GetAtt between the resources of a fragment', () => {
    const group = ['Group:', '  Type: AWS::EC2::SecurityGroup', '  Properties:', '    GroupDescription: ${AWS::StackName} group', '    SecurityGroupIngress:', '      - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 }'];
    const user = (type: string, property: string) => ['User:', `  Type: ${type}`, '  Properties:', `    ${property}:`, '      - !GetAtt Group.GroupId'];
    const open = (lines: string[]) => analyze(join(lines)).filter((finding) => finding.ruleId === 'rds-open-ingress').length;
    assert.equal(open([...group, ...user('AWS::RDS::DBInstance', 'VPCSecurityGroups')]), 1, 'the group protects a database');
    assert.equal(open([...group, ...user('AWS::ElasticLoadBalancingV2::LoadBalancer', 'SecurityGroups')]), 0, 'the group serves a load balancer only');
    const table = join(['Type: AWS::DynamoDB::Table', 'Properties:', '  TableName: "${AWS::StackName}-${Suffix}"', '  BillingMode: ${self:custom.billing}']);
    const literals = readTemplate('yaml', table, new LineIndex(table))?.model.contexts[0].options.map((option) => [option.name, option.literal]);
    assert.deepEqual(literals, [
      ['TableName', { kind: 'str', value: '${AWS::StackName}-${Suffix}' }],
      ['BillingMode', { kind: 'expr', text: '${self:custom.billing}' }],
    ]);
  });

  it('read nothing from files that are not resource fragments', () => {
    const lookAlikes: Record<string, string[]> = {
      'a Kubernetes manifest': ['apiVersion: rds.services.k8s.aws/v1alpha1', 'kind: DBInstance', 'metadata:', '  name: reports', 'spec:', '  engine: postgres', '  publiclyAccessible: true'],
      'a ConfigMap holding a snippet': ['apiVersion: v1', 'kind: ConfigMap', 'data:', '  db.yaml: |', ...indent(DB, '    ')],
      'a docker-compose file with an extension key': ['x-aws:', ...indent(DB, '  '), 'services:', '  db:', '    image: postgres:16'],
      'a GitHub workflow': ['on: push', 'jobs:', '  deploy:', '    env:', '      Type: AWS::RDS::DBInstance', '    steps:', '      - run: |', ...indent(DB, '          ')],
      'Helm values with a resource among other settings': ['replicaCount: 2', 'service:', '  Type: LoadBalancer', 'database:', ...indent(DB, '  ')],
      'a resource with a key no resource has': [...DB, 'Owner: data-team'],
      'one resource without Properties': ['Type: AWS::RDS::DBInstance', 'DeletionPolicy: Delete'],
      'a custom or third-party type': ['Type: Custom::Database', 'Properties:', '  PubliclyAccessible: true'],
      'a logical id that CloudFormation would reject': ['reports-db:', ...indent(DB, '  ')],
      'an OpenAPI document': ['openapi: 3.0.3', 'paths:', '  /db:', '    get:', '      x-amazon-apigateway-integration:', '        type: aws_proxy'],
    };
    for (const [name, lines] of Object.entries(lookAlikes)) {
      const text = join(lines);
      assert.deepEqual(types(text), [], name);
      assert.deepEqual(analyze(text), [], name);
      assert.deepEqual(hoverTexts(text), [], name);
    }
  });
});
