/**
 * Attributes of Terraform locals written as objects (`local.db.multi_az`, `local.db["storage_encrypted"]`,
 * `lookup(local.defaults, "skip_final_snapshot", false)`), in the file that writes the `locals` block or, in
 * workspace mode, another file of the module; through another local, and through a conditional between two
 * object locals that give the attribute the same value. A module's shape: a `defaults.tf` of settings objects
 * and a `main.tf` that takes each setting from the caller's object variable, else from those defaults.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';
import { contributionOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

function model(files: Record<string, string>): WorkspaceModel {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([file, text]) => built.update(file, indexFile(file, documentKind(undefined, file)!, text))));
  return built;
}

/** The findings of `file` among `files` as `line rule`: in workspace mode, or alone without `files` beside it. */
function findings(files: Record<string, string>, file: string, alone = false): string[] {
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, ...(alone ? {} : { workspace: model(files) }) });
  return result.findings.map((finding) => `${result.lines.lineOf(finding.start) + 1} ${finding.ruleId}`).sort();
}

const DEFAULTS = lines(
  'locals {',
  '  mysql_defaults = {',
  '    port                    = 3306',
  '    skip_final_snapshot     = true',
  '    backup_retention_period = 0',
  '    deletion_protection     = false',
  '    master_password         = "kept-out-of-other-files"',
  '  }',
  '  postgres_defaults = {',
  '    port                    = 5432',
  '    skip_final_snapshot     = true',
  '    backup_retention_period = 7',
  '    deletion_protection     = true',
  '  }',
  '}',
);

const CLUSTER = lines(
  'variable "settings" {',
  '  description = "Overrides of the cluster defaults"',
  '  default     = {}',
  '}',
  'variable "flavor" {',
  '  default = "mysql"',
  '}',
  'locals {',
  '  defaults = (var.flavor == "postgres" ? local.postgres_defaults : local.mysql_defaults)',
  '}',
  'resource "aws_rds_cluster" "this" {',
  '  cluster_identifier      = "ledger"',
  '  engine                  = "aurora-mysql"',
  '  master_username         = "ledger"',
  '  manage_master_user_password = true',
  '  skip_final_snapshot     = lookup(var.settings, "skip_final_snapshot", local.defaults.skip_final_snapshot)',
  '  backup_retention_period = lookup(var.settings, "backup_retention_period", local.defaults.backup_retention_period)',
  '  deletion_protection     = local.defaults["deletion_protection"]',
  '}',
);

describe('Terraform object locals', () => {
  it('lends a settings object of locals to the module\'s other files, a secret attribute only as written', () => {
    const contribution = contributionOf('modules/aurora/defaults.tf', DEFAULTS);
    assert.equal(contribution?.localObjects?.mysql_defaults?.skip_final_snapshot, true);
    assert.equal(contribution?.localObjects?.postgres_defaults?.backup_retention_period, 7);
    assert.notEqual(contribution?.localObjects?.mysql_defaults?.master_password, 'kept-out-of-other-files');
  });

  it('reads an attribute both branches of a conditional local give alike, and none where they differ', () => {
    const files = { 'modules/aurora/defaults.tf': DEFAULTS, 'modules/aurora/main.tf': CLUSTER };
    // skip_final_snapshot is true in both defaults; retention and deletion protection differ between them.
    assert.deepEqual(findings(files, 'modules/aurora/main.tf'), ['16 rds-skip-final-snapshot']);
  });

  it('reads objects written in the same file, through another local, with `lookup` and an index', () => {
    const code = lines(
      'locals {',
      '  base = {',
      '    publicly_accessible = true',
      '    multi_az            = false',
      '  }',
      '  reporting = local.base',
      '}',
      'resource "aws_db_instance" "reporting" {',
      '  identifier          = "reporting"',
      '  engine              = "postgres"',
      '  instance_class      = "db.t4g.micro"',
      '  storage_encrypted   = true',
      '  publicly_accessible = local.reporting.publicly_accessible',
      '  multi_az            = local.base["multi_az"]',
      '  deletion_protection = lookup(local.base, "deletion_protection", false)',
      '}',
    );
    assert.deepEqual(findings({ 'db/main.tf': code }, 'db/main.tf', true), ['13 rds-publicly-accessible', '14 rds-multi-az', '15 rds-deletion-protection']);
  });

  it('says nothing where the object is not written in place, the attribute is missing, or the file stands alone', () => {
    const code = lines(
      'variable "overrides" {',
      '  type    = map(any)',
      '  default = {}',
      '}',
      'locals {',
      '  merged = merge(local.base, var.overrides)',
      '  base = {',
      '    multi_az = false',
      '  }',
      '  by_env = { for name, env in var.overrides : name => env }',
      '}',
      'resource "aws_db_instance" "app" {',
      '  identifier          = "app"',
      '  engine              = "mysql"',
      '  storage_encrypted   = true',
      '  multi_az            = local.merged.multi_az',
      '  publicly_accessible = local.base.publicly_accessible',
      '  deletion_protection = local.by_env.deletion_protection',
      '}',
    );
    assert.deepEqual(findings({ 'app/main.tf': code }, 'app/main.tf', true), []);
    const files = { 'modules/aurora/defaults.tf': DEFAULTS, 'modules/aurora/main.tf': CLUSTER };
    assert.deepEqual(findings(files, 'modules/aurora/main.tf', true), []);
  });
});
