/**
 * Serverless Framework service files in the single-file analysis: the resources under
 * `resources.Resources` get exactly what the same resources get in a CloudFormation template (findings,
 * messages, quick fixes), `${self:…}` variables count where they end in a literal of the file, and
 * nothing else in the file (functions, custom settings, IAM statements) is a resource.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { readTemplate } from '../../../src/hints/engine/iac';
import { LineIndex } from '../../../src/hints/engine/text';
import { Finding, TextEdit } from '../../../src/hints/engine/types';
import { realHintRules } from './support';

const RESOURCES = [
  'Db:',
  '  Type: AWS::RDS::DBInstance',
  '  Properties:',
  '    Engine: postgres',
  '    PubliclyAccessible: true',
  '    BackupRetentionPeriod: 0',
  'Cache:',
  '  Type: AWS::ElastiCache::ReplicationGroup',
  '  Properties:',
  '    ReplicationGroupDescription: sessions',
  '    Engine: valkey',
  '    TransitEncryptionEnabled: false',
];

const indent = (lines: string[], by: string): string[] => lines.map((line) => by + line);

const TEMPLATE = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', ...indent(RESOURCES, '  '), ''].join('\n');

const SERVICE = ['service: sessions', 'provider:', '  name: aws', '  runtime: nodejs20.x', 'functions:', '  api:', '    handler: src/api.handler', 'resources:', '  Resources:', ...indent(RESOURCES, '    '), ''].join('\n');

function analyze(text: string): Finding[] {
  return [...analyzeText(text, realHintRules(), { kind: 'yaml' }).findings].sort((a, b) => a.ruleId.localeCompare(b.ruleId));
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

/** A finding as its rule, message, the text it marks, and its quick fix as what it replaces with what. */
function described(text: string, finding: Finding): unknown {
  const edits = finding.fix?.edits.map((edit) => [text.slice(edit.start, edit.end), edit.newText.split('\n').map((line) => line.trimStart()).join('\n')]);
  return [finding.ruleId, finding.severity, finding.message, text.slice(finding.start, finding.end), finding.fix?.title, edits];
}

describe('Serverless Framework service files', () => {
  it('give the resources of resources.Resources the findings and quick fixes of a CloudFormation template', () => {
    const template = analyze(TEMPLATE);
    const service = analyze(SERVICE);
    assert.ok(template.length >= 3, 'the template has findings to compare');
    assert.ok(template.some((finding) => finding.fix), 'and quick fixes');
    assert.deepEqual(
      service.map((finding) => described(SERVICE, finding)),
      template.map((finding) => described(TEMPLATE, finding)),
    );
    for (const finding of service.filter((candidate) => candidate.fix)) {
      const fixed = apply(SERVICE, finding.fix!.edits);
      assert.ok(!analyze(fixed).some((after) => after.ruleId === finding.ruleId && after.start === finding.start), `${finding.ruleId} is fixed`);
    }
  });

  it('read a ${self:custom…} value that ends in a literal, but never rewrite the variable in place', () => {
    const text = SERVICE.replace('PubliclyAccessible: true', 'PubliclyAccessible: ${self:custom.open}').replace('provider:', 'custom:\n  open: true\nprovider:');
    const finding = analyze(text).find((candidate) => candidate.ruleId === 'rds-publicly-accessible');
    assert.ok(finding, 'the variable resolves to true');
    assert.ok(!finding.fix?.edits.some((edit) => text.slice(edit.start, edit.end).includes('${')), 'no edit replaces the variable');
  });

  it('leave a value unknown when a variable depends on the stage, an option or another source', () => {
    for (const value of ['${self:custom.open.${sls:stage}}', '${opt:public}', '${env:PUBLIC}', "${self:custom.missing, true}", '${self:custom.open}']) {
      const text = SERVICE.replace('PubliclyAccessible: true', `PubliclyAccessible: ${value}`);
      assert.ok(!analyze(text).some((finding) => finding.ruleId === 'rds-publicly-accessible'), value);
    }
  });

  it('read resources written as a list of fragments, which the framework merges, as one resources.Resources', () => {
    const listed = ['service: sessions', 'provider:', '  name: aws', 'resources:', '  - ${file(resources/queues.yml)}', '  - Resources:', ...indent(RESOURCES.slice(0, 6), '      '), '  - Outputs:', '      DbName:', '        Value: !Ref Db', '  - Resources:', ...indent(RESOURCES.slice(6), '      '), ''].join('\n');
    const types = (readTemplate('yaml', listed, new LineIndex(listed))?.model.contexts ?? []).map((context) => context.type);
    assert.deepEqual(types, ['AWS::RDS::DBInstance', 'AWS::ElastiCache::ReplicationGroup']);
    assert.deepEqual(
      analyze(listed).map((finding) => finding.ruleId),
      analyze(SERVICE).map((finding) => finding.ruleId),
    );
    const includesOnly = ['service: sessions', 'provider:', '  name: aws', 'resources:', '  - ${file(resources/tables.yml)}', ''].join('\n');
    assert.deepEqual(analyze(includesOnly), []);
  });

  it('read nothing outside resources.Resources, and nothing from a file that is not an AWS service', () => {
    const types = (text: string): string[] => (readTemplate('yaml', text, new LineIndex(text))?.model.contexts ?? []).map((context) => context.type);
    assert.deepEqual(types(SERVICE), ['AWS::RDS::DBInstance', 'AWS::ElastiCache::ReplicationGroup']);
    const elsewhere = ['service: sessions', 'custom:', '  Resources:', ...indent(RESOURCES, '    '), 'provider:', '  name: aws', 'functions:', '  api:', '    handler: src/api.handler', '    Type: AWS::DynamoDB::Table', ''].join('\n');
    assert.deepEqual(types(elsewhere), []);
    assert.deepEqual(types(SERVICE.replace('name: aws', 'name: azure')), []);
  });
});
