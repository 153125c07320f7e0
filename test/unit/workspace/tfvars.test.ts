/**
 * Terraform variable definitions files: the values `terraform.tfvars` and `*.auto.tfvars` give a root
 * module's variables stand before their defaults, and a variable that a file loaded only on request
 * (`-var-file`) sets is unknown.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind, isAnalysedKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';
import { contributionOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const DATABASE = lines(
  'resource "aws_db_instance" "shared" {',
  '  identifier        = "shared"',
  '  engine            = var.engine',
  '  engine_version    = var.engine_version',
  '  storage_encrypted = var.encrypted',
  '}',
);

const VARIABLES = lines(
  'variable "engine" {',
  '  type    = string',
  '  default = "mysql"',
  '}',
  'variable "engine_version" {',
  '  default = "8.0.32"',
  '}',
  'variable "encrypted" {',
  '  default = true',
  '}',
);

function model(files: Record<string, string>): WorkspaceModel {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([file, text]) => built.update(file, indexFile(file, documentKind(undefined, file)!, text))));
  return built;
}

/** The findings of `file` among `files`, judged in workspace mode. */
function findings(files: Record<string, string>, file: string): string[] {
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace: model(files) });
  return result.findings.map((finding) => `${result.lines.lineOf(finding.start) + 1} ${finding.ruleId}`).sort();
}

const EXTENDED = ['4 rds-engine-version-extended-support'];

describe('Terraform .tfvars files', () => {
  it('are read by the workspace model only, with the variables they set', () => {
    assert.equal(documentKind(undefined, 'stacks/db/terraform.tfvars'), 'tfvars');
    assert.ok(!isAnalysedKind('tfvars'));
    assert.deepEqual(contributionOf('stacks/db/terraform.tfvars', lines('engine = "postgres"', 'ports = [5432, 5433]', 'tags = { team = "data" }', 'db_password = "hunter2-literal"', 'name = "${var.env}-db"'))?.tfvars, {
      loadedByItself: true,
      assignments: { engine: 'postgres', ports: [5432, 5433], tags: null, db_password: null, name: null },
    });
    assert.equal(contributionOf('stacks/db/prod.tfvars', lines('engine = "postgres"'))?.tfvars?.loadedByItself, false);
    assert.equal(contributionOf('stacks/db/override.auto.tfvars', lines('engine = "postgres"'))?.tfvars?.loadedByItself, true);
  });

  it('give the value terraform.tfvars sets instead of the default, in another file or the same one', () => {
    const defaults = { 'db/main.tf': DATABASE, 'db/variables.tf': VARIABLES };
    assert.deepEqual(findings(defaults, 'db/main.tf'), EXTENDED, 'the defaults name MySQL 8.0');
    const postgres = { ...defaults, 'db/terraform.tfvars': lines('engine         = "postgres"', 'engine_version = "16.4"') };
    assert.deepEqual(findings(postgres, 'db/main.tf'), []);
    const together = { 'db/main.tf': lines(DATABASE, VARIABLES), 'db/terraform.tfvars': postgres['db/terraform.tfvars'] };
    assert.deepEqual(findings(together, 'db/main.tf'), []);
    const older = { 'db/main.tf': DATABASE, 'db/variables.tf': VARIABLES.replace('"mysql"', '"postgres"').replace('"8.0.32"', '"16.4"'), 'db/terraform.tfvars': lines('engine = "mysql"', 'engine_version = "8.0.36"', 'encrypted = false') };
    assert.deepEqual(findings(older, 'db/main.tf'), ['4 rds-engine-version-extended-support', '5 rds-storage-encrypted']);
  });

  it('let a later *.auto.tfvars file win over terraform.tfvars', () => {
    const files = { 'db/main.tf': DATABASE, 'db/variables.tf': VARIABLES, 'db/terraform.tfvars': lines('engine_version = "8.0.32"'), 'db/zz.auto.tfvars': lines('engine_version = "8.4.3"') };
    assert.deepEqual(findings(files, 'db/main.tf'), []);
    const earlier = { ...files, 'db/zz.auto.tfvars': lines('engine_version = "8.4.3"'), 'db/terraform.tfvars': lines('engine_version = "8.0.32"'), 'db/aa.auto.tfvars': lines('engine_version = "5.7.44"') };
    assert.deepEqual(findings(earlier, 'db/main.tf'), [], 'the last in name order wins');
    const later = { ...files, 'db/terraform.tfvars': lines('engine_version = "8.4.3"'), 'db/zz.auto.tfvars': lines('engine_version = "8.0.32"') };
    assert.deepEqual(findings(later, 'db/main.tf'), EXTENDED);
  });

  it('leave a variable unknown where a file loaded on request or a value not written out sets it, and apply to their own folder only', () => {
    const defaults = { 'db/main.tf': DATABASE, 'db/variables.tf': VARIABLES };
    assert.deepEqual(findings({ ...defaults, 'db/prod.tfvars': lines('engine_version = "8.0.32"') }, 'db/main.tf'), [], 'a -var-file may say anything else');
    assert.deepEqual(findings({ ...defaults, 'db/terraform.tfvars': lines('engine_version = local.version') }, 'db/main.tf'), []);
    assert.deepEqual(findings({ ...defaults, 'other/terraform.tfvars': lines('engine = "postgres"') }, 'db/main.tf'), EXTENDED);
    assert.deepEqual(findings({ ...defaults, 'db/terraform.tfvars': lines('region = "eu-west-1"') }, 'db/main.tf'), EXTENDED, 'another variable');
  });
});
