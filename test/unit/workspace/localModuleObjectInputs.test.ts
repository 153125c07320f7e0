/**
 * Terraform module folders that take their settings as object inputs (`publicly_accessible =
 * var.settings.publicly_accessible`): the entries of the object literal a caller passes reach those arguments, with
 * their hovers and findings on the caller's lines, also when the caller's entry passes on its own input, whose
 * default or caller's literal is the value, and through a folder that forwards the entry to another.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';
import { moduleInputsOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

function hints(files: Record<string, string>, file: string): string[] {
  const model = new WorkspaceModel();
  model.batch(() => Object.entries(files).forEach(([name, text]) => model.update(name, indexFile(name, 'terraform', text))));
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace: model });
  const at = (offset: number): number => result.lines.lineOf(offset) + 1;
  return [
    ...result.sites.flatMap((site) => site.ruleIds.map((id) => `${at(site.start)} ${id}`)),
    ...result.findings.map((finding) => `${at(finding.start)} ${finding.ruleId}!`),
  ].sort();
}

const CLUSTER_MODULE = lines(
  'variable "cluster" {}',
  'variable "settings" {}',
  'resource "aws_rds_cluster" "this" {',
  '  engine              = var.cluster.engine',
  '  engine_version      = var.cluster.engine_version',
  '  master_username     = "admin"',
  '  master_password     = var.cluster.master_password',
  '  storage_encrypted   = true',
  '  deletion_protection = var.settings.deletion_protection',
  '  tags                = var.settings.tags',
  '}',
);

describe('Terraform module folders: object inputs', () => {
  it('indexes an argument that takes an attribute of an input whole as that input and attribute', () => {
    assert.deepEqual(moduleInputsOf('modules/aurora/main.tf', CLUSTER_MODULE), {
      'cluster.engine': { resource: 'aws_rds_cluster', argument: 'engine' },
      'cluster.engine_version': { resource: 'aws_rds_cluster', argument: 'engine_version' },
      'cluster.master_password': { resource: 'aws_rds_cluster', argument: 'master_password' },
      'settings.deletion_protection': { resource: 'aws_rds_cluster', argument: 'deletion_protection' },
      'settings.tags': { resource: 'aws_rds_cluster', argument: 'tags' },
    });
  });

  it("reads the entries of the caller's object literals, and a caller's own input through its default", () => {
    const caller = lines(
      'variable "engine_version" {',
      '  default = "5.7.mysql_aurora.2.11.2"',
      '}',
      'module "db" {',
      '  source = "../modules/aurora"',
      '  cluster = {',
      '    engine          = "aurora-mysql"',
      '    engine_version  = var.engine_version',
      '    master_password = var.master_password',
      '  }',
      '  settings = {',
      '    deletion_protection = false',
      '  }',
      '}',
    );
    assert.deepEqual(hints({ 'modules/aurora/main.tf': CLUSTER_MODULE, 'live/main.tf': caller }, 'live/main.tf'), [
      '12 rds-deletion-protection',
      '12 rds-deletion-protection!',
      '8 rds-engine-version-extended-support',
      '8 rds-engine-version-extended-support!',
      '9 rds-master-password',
    ]);
  });

  it('stays silent on an object passed to a folder that is not the module, and on a variable passed whole', () => {
    const files = {
      'modules/aurora/main.tf': CLUSTER_MODULE,
      'live/main.tf': lines('module "db" {', '  source   = "../modules/other"', '  settings = {', '    deletion_protection = false', '  }', '}'),
      'live2/main.tf': lines('module "db" {', '  source   = "../modules/aurora"', '  settings = var.settings', '}'),
    };
    assert.deepEqual(hints(files, 'live/main.tf'), []);
    assert.deepEqual(hints(files, 'live2/main.tf'), []);
  });

  it('follows an entry that a wrapper folder passes on from its own input to the folder below', () => {
    const wrapper = lines(
      'variable "protect" {}',
      'module "cluster" {',
      '  source = "../aurora"',
      '  settings = {',
      '    deletion_protection = var.protect',
      '  }',
      '}',
    );
    const caller = lines('module "orders" {', '  source  = "../modules/wrapper"', '  protect = false', '}');
    const files = { 'modules/aurora/main.tf': CLUSTER_MODULE, 'modules/wrapper/main.tf': wrapper, 'live/main.tf': caller };
    assert.deepEqual(hints(files, 'live/main.tf'), ['3 rds-deletion-protection', '3 rds-deletion-protection!']);
  });
});
