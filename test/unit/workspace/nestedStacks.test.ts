/**
 * CloudFormation nested stacks: a child template's parameters take what the parent stacks of the
 * workspace pass to it (a literal, or a parent parameter's literal default), and a value the model does
 * not know, or parents that disagree, leave the parameter unknown instead of its default.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';
import { contributionOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** A parent stack that creates `cache.yaml` of its folder with these parameters. */
function root(...parameters: string[]): string {
  return lines(
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Parameters:',
    '  Stage:',
    '    Type: String',
    '    Default: prod',
    '  Secret:',
    '    Type: String',
    'Resources:',
    '  Cache:',
    '    Type: AWS::CloudFormation::Stack',
    '    Properties:',
    '      TemplateURL: ./cache.yaml',
    '      Parameters:',
    ...parameters.map((parameter) => `        ${parameter}`),
  );
}

const CHILD = lines(
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Parameters:',
  '  TransitEncryption:',
  '    Type: String',
  '    Default: "true"',
  '  ReplicaCount:',
  '    Type: Number',
  '    Default: 0',
  'Resources:',
  '  Group:',
  '    Type: AWS::ElastiCache::ReplicationGroup',
  '    Properties:',
  '      ReplicationGroupDescription: sessions',
  '      NumNodeGroups: 1',
  '      ReplicasPerNodeGroup: !Ref ReplicaCount',
  '      AutomaticFailoverEnabled: false',
  '      TransitEncryptionEnabled: !Ref TransitEncryption',
  '      AtRestEncryptionEnabled: true',
  '      AuthToken: "{{resolve:secretsmanager:cache:SecretString:token}}"',
);

function model(files: Record<string, string>): WorkspaceModel {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([file, text]) => built.update(file, indexFile(file, 'yaml', text))));
  return built;
}

function ruleIds(text: string, workspace?: { model: WorkspaceModel; file: string }): string[] {
  return analyzeText(text, realHintRules(), { kind: 'yaml', fileName: workspace?.file, workspace: workspace?.model }).findings.map((finding) => finding.ruleId);
}

describe('CloudFormation nested stack parameters', () => {
  it('indexes what a parent passes to a local child template, and to an uploaded copy by its file name', () => {
    const passed = root('TransitEncryption: "false"', 'ReplicaCount: 2', 'Stage: !Ref Stage', 'Region: !Ref AWS::Region', 'DbPassword: hunter2', 'Token: !Ref Secret');
    assert.deepEqual(contributionOf('stacks/root.yaml', passed)?.nestedStackParameters, {
      'stacks/cache.yaml': { TransitEncryption: 'false', ReplicaCount: '2', Stage: 'prod', Region: null, DbPassword: null, Token: null },
    });
    const remote = passed.replace('./cache.yaml', 'https://example-bucket.s3.amazonaws.com/cache.yaml');
    assert.deepEqual(Object.keys(contributionOf('stacks/root.yaml', remote)?.nestedStackParameters ?? {}), ['\0remote\0stacks\0cache.yaml']);
    const unnamed = passed.replace('./cache.yaml', '!Sub https://${Bucket}.s3.amazonaws.com/${Stage}-cache.yaml');
    assert.equal(contributionOf('stacks/root.yaml', unnamed)?.nestedStackParameters, undefined, 'a file name built from a parameter names no file');
  });

  it("reads the child with the values passed instead of its defaults, a Number parameter's as a number", () => {
    const workspace = model({ 'stacks/root.yaml': root('TransitEncryption: "false"', 'ReplicaCount: "2"'), 'stacks/cache.yaml': CHILD });
    assert.deepEqual(ruleIds(CHILD, { model: workspace, file: 'stacks/cache.yaml' }), ['elasticache-automatic-failover', 'elasticache-transit-encryption']);
    assert.deepEqual(ruleIds(CHILD), [], 'alone, the defaults hold');
  });

  it('leaves a parameter unknown where a parent passes a value the model does not know, or parents disagree', () => {
    const child = CHILD.replace('Default: "true"', 'Default: "false"');
    const unknown = model({ 'stacks/root.yaml': root('TransitEncryption: !ImportValue tls-setting'), 'stacks/cache.yaml': child });
    assert.deepEqual(ruleIds(child, { model: unknown, file: 'stacks/cache.yaml' }), []);
    assert.deepEqual(ruleIds(child), ['elasticache-transit-encryption'], 'alone, the default holds');
    const disagree = model({ 'stacks/root.yaml': root('TransitEncryption: "false"'), 'stacks/other.yaml': root('TransitEncryption: "true"'), 'stacks/cache.yaml': CHILD });
    assert.deepEqual(disagree.passedParameters('stacks/cache.yaml'), { TransitEncryption: { anyOf: ['false', 'true'], atDefault: false } });
    assert.deepEqual(ruleIds(CHILD, { model: disagree, file: 'stacks/cache.yaml' }), [], 'the default "true" is one a parent deploys');
    const unlike = CHILD.replace('Default: "true"', 'Default: "maybe"');
    assert.deepEqual(ruleIds(unlike, { model: disagree, file: 'stacks/cache.yaml' }), [], 'no parent deploys the default: unknown');
  });

  it('keeps the default where parents disagree and one of them deploys it', () => {
    const child = CHILD.replace('Default: "true"', 'Default: "false"');
    const passing = model({ 'stacks/root.yaml': root('TransitEncryption: "true"'), 'stacks/dev.yaml': root('ReplicaCount: "2"'), 'stacks/cache.yaml': child });
    assert.deepEqual(passing.passedParameters('stacks/cache.yaml'), { TransitEncryption: { anyOf: ['true'], atDefault: true }, ReplicaCount: { anyOf: ['2'], atDefault: true } });
    assert.deepEqual(ruleIds(child, { model: passing, file: 'stacks/cache.yaml' }), ['elasticache-transit-encryption'], 'dev.yaml leaves TLS at its default, off');
  });

  it('reads an uploaded copy as the template of that file name under the parent, else the only one in the workspace', () => {
    const uploaded = (url: string): string => root('TransitEncryption: "false"', 'ReplicaCount: "2"').replace('./cache.yaml', url);
    const sub = uploaded('!Sub "https://${Bucket}.s3.${AWS::Region}.${AWS::URLSuffix}/${Prefix}cache.yaml"');
    const below = model({ 'app/root.yaml': sub, 'app/nested/cache.yaml': CHILD, 'other/cache.yaml': CHILD });
    assert.deepEqual(ruleIds(CHILD, { model: below, file: 'app/nested/cache.yaml' }), ['elasticache-automatic-failover', 'elasticache-transit-encryption']);
    assert.equal(below.passedParameters('other/cache.yaml'), undefined);
    const only = model({ 'deploy/root.yaml': uploaded('https://templates.s3.amazonaws.com/v2/cache.yaml'), 'templates/cache.yaml': CHILD });
    assert.deepEqual(ruleIds(CHILD, { model: only, file: 'templates/cache.yaml' }), ['elasticache-automatic-failover', 'elasticache-transit-encryption']);
    const several = model({ 'deploy/root.yaml': sub, 'a/cache.yaml': CHILD, 'b/cache.yaml': CHILD });
    assert.equal(several.passedParameters('a/cache.yaml'), undefined, 'two templates of that name outside the parent: neither');
  });
});
