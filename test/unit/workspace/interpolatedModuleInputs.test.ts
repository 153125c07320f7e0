/**
 * Terraform 0.11 modules write every value as an interpolation-only string (`"${var.name}"`), which HCL 2 unwraps to
 * the input itself: such an argument, or a nested block's switch, passes the input on as `var.name` would.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';
import { moduleInputsOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const LEGACY_MODULE = lines(
  'resource "aws_db_instance" "this" {',
  '  identifier          = "${var.prefix}-db"',
  '  engine              = "postgres"',
  '  publicly_accessible = "${var.public}"',
  '  storage_encrypted   = "${ var.encrypted }"',
  '  deletion_protection = "${var.protect}-x"',
  '}',
  'resource "aws_dynamodb_table" "sessions" {',
  '  name     = "sessions"',
  '  hash_key = "id"',
  '  point_in_time_recovery {',
  '    enabled = "${var.pitr}"',
  '  }',
  '}',
);

const CALLER = lines(
  'module "data" {',
  '  source    = "../../modules/data"',
  '  prefix    = "prod"',
  '  public    = true',
  '  encrypted = true',
  '  protect   = false',
  '  pitr      = true',
  '}',
);

function hints(text: string, files: Record<string, string>, file: string): string[] {
  const workspace = new WorkspaceModel();
  workspace.batch(() => Object.entries(files).forEach(([name, source]) => workspace.update(name, indexFile(name, 'terraform', source))));
  const result = analyzeText(text, realHintRules(), { kind: 'terraform', fileName: file, workspace });
  const at = (offset: number): number => result.lines.lineOf(offset) + 1;
  return [
    ...result.sites.flatMap((site) => site.ruleIds.map((id) => `${at(site.start)} ${id}`)),
    ...result.findings.map((finding) => `${at(finding.start)} ${finding.ruleId}!`),
  ].sort();
}

describe('Terraform 0.11 interpolation-only module inputs', () => {
  it('indexes an argument and a nested block switch written as "${var.name}", and a string built around an input as partial', () => {
    assert.deepEqual(moduleInputsOf('modules/data/main.tf', LEGACY_MODULE), {
      prefix: { resource: 'aws_db_instance', argument: 'identifier', partial: true },
      public: { resource: 'aws_db_instance', argument: 'publicly_accessible' },
      encrypted: { resource: 'aws_db_instance', argument: 'storage_encrypted' },
      protect: { resource: 'aws_db_instance', argument: 'deletion_protection', partial: true },
      pitr: { resource: 'aws_dynamodb_table', argument: 'point_in_time_recovery' },
    });
  });

  it("reads a caller's inputs as the arguments they reach, with their hovers and findings", () => {
    const files = { 'modules/data/main.tf': LEGACY_MODULE, 'envs/prod/main.tf': CALLER };
    assert.deepEqual(hints(CALLER, files, 'envs/prod/main.tf'), [
      '4 rds-publicly-accessible',
      '4 rds-publicly-accessible!',
      '5 rds-storage-encrypted',
      // Built into a longer string: the input only partly decides the argument, so a hover and no finding.
      '6 rds-deletion-protection',
      '7 dynamodb-pitr',
    ]);
  });
});
