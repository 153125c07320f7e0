/**
 * A Terragrunt configuration's `inputs` are the variables of the module its `terraform { source }` names:
 * read as a module block's inputs when the file alone decides them (a literal source, inputs written out,
 * no `include` and no `extra_arguments`), for a module folder of the workspace and for a registry module
 * written `tfr:///`. A value that a parent configuration or a var-file may replace gives no finding.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { terragruntSource } from '../../../src/hints/engine/iac/terragrunt';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** A module folder whose database takes its password and encryption from variables without defaults. */
const MODULE = lines(
  'variable "admin_password" {',
  '  type      = string',
  '  sensitive = true',
  '}',
  'variable "encrypted" {',
  '  type = bool',
  '}',
  'resource "aws_db_instance" "main" {',
  '  engine            = "postgres"',
  '  instance_class    = "db.t4g.small"',
  '  username          = "app"',
  '  password          = var.admin_password',
  '  storage_encrypted = var.encrypted',
  '}',
);

/** A Terragrunt configuration with `source` and extra lines before the inputs. */
function configuration(source: string, ...extra: string[]): string {
  return lines(
    'terraform {',
    `  source = ${source}`,
    '}',
    ...extra,
    'inputs = {',
    '  admin_password = "Orders-Admin-2026"',
    '  encrypted      = false',
    '}',
  );
}

function model(files: Record<string, string>): WorkspaceModel {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([file, text]) => built.update(file, indexFile(file, documentKind(undefined, file)!, text))));
  return built;
}

/** The findings of `file` as `line rule`, judged with the workspace of `files`. */
function findings(files: Record<string, string>, file: string): string[] {
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace: model(files) });
  return result.findings.map((finding) => `${files[file].slice(0, finding.start).split('\n').length} ${finding.ruleId}`).sort();
}

const LIVE = 'live/prod/orders-db/terragrunt.hcl';
const READ = ['5 rds-master-password', '6 rds-storage-encrypted'];

describe('Terragrunt inputs', () => {
  it('reads the inputs of a configuration whose source is a module folder of the workspace', () => {
    assert.deepEqual(findings({ [LIVE]: configuration('"../../../modules/orders-db"'), 'modules/orders-db/main.tf': MODULE }, LIVE), READ);
    // Terragrunt's `//` between the folder it copies and the module inside it.
    assert.deepEqual(findings({ [LIVE]: configuration('"../../../modules//orders-db"'), 'modules/orders-db/main.tf': MODULE }, LIVE), READ);
  });

  it('reads the inputs given to a registry module written as a tfr:/// source', () => {
    const live = lines(
      'terraform {',
      '  source = "tfr:///terraform-aws-modules/rds/aws?version=6.10.0"',
      '}',
      'inputs = {',
      '  identifier        = "orders"',
      '  engine            = "postgres"',
      '  storage_encrypted = false',
      '}',
    );
    assert.deepEqual(findings({ [LIVE]: live }, LIVE).filter((finding) => finding.endsWith('rds-storage-encrypted')), ['7 rds-storage-encrypted']);
  });

  it('says nothing where a parent configuration, a var-file or an expression may decide the values', () => {
    const module = { 'modules/orders-db/main.tf': MODULE };
    const cases = [
      // A parent's inputs and extra_arguments merge in.
      configuration('"../../../modules/orders-db"', 'include "root" {', '  path = find_in_parent_folders()', '}'),
      configuration('"../../../modules/orders-db"', 'include {', '  path = find_in_parent_folders()', '}'),
      // A var-file overrides the TF_VAR_ variables that Terragrunt passes the inputs as.
      lines('terraform {', '  source = "../../../modules/orders-db"', '  extra_arguments "vars" {', '    commands  = ["plan", "apply"]', '    arguments = ["-var-file=prod.tfvars"]', '  }', '}', 'inputs = {', '  encrypted = false', '}'),
      // A source built by a function: where it points is not written.
      configuration('"${get_parent_terragrunt_dir()}/../modules//orders-db"'),
      // Inputs that are an expression, not an object written out.
      lines('terraform {', '  source = "../../../modules/orders-db"', '}', 'inputs = merge(local.common, {', '  encrypted = false', '})'),
    ];
    for (const live of cases) {
      assert.deepEqual(findings({ [LIVE]: live, ...module }, LIVE), [], live);
    }
  });

  it('says nothing of an input that a .tfvars file beside the configuration sets, which Terraform prefers', () => {
    const files = { [LIVE]: configuration('"../../../modules/orders-db"'), 'live/prod/orders-db/terraform.tfvars': 'encrypted = true\n', 'modules/orders-db/main.tf': MODULE };
    assert.deepEqual(findings(files, LIVE), ['5 rds-master-password']);
  });

  it('reads nothing of a Terraform file with a terraform block and no inputs', () => {
    const stack = lines('terraform {', '  required_version = ">= 1.5"', '}', 'module "db" {', '  source = "../modules/orders-db"', '}');
    assert.deepEqual(findings({ 'stack/main.tf': stack, 'modules/orders-db/main.tf': MODULE }, 'stack/main.tf'), []);
  });

  it('writes a Terragrunt source as a module block would', () => {
    assert.equal(terragruntSource('tfr:///terraform-aws-modules/rds-aurora/aws?version=9.0.0'), 'terraform-aws-modules/rds-aurora/aws');
    assert.equal(terragruntSource('tfr://registry.terraform.io/terraform-aws-modules/elasticache/aws?version=1.2.0'), 'terraform-aws-modules/elasticache/aws');
    assert.equal(terragruntSource('../modules//db'), '../modules/db');
    assert.equal(terragruntSource('git::git@github.com:acme/modules.git//db?ref=v1.0.0'), 'git::git@github.com:acme/modules.git//db?ref=v1.0.0');
  });
});
