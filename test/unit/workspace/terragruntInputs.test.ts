/**
 * A Terragrunt configuration's `inputs` are the variables of the module its `terraform { source }` names:
 * read as a module block's inputs when the files decide them (a literal source, inputs written out, no
 * `extra_arguments` of its own, and each `include` a parent of the workspace whose var-files it can read),
 * for a module folder of the workspace and for a registry module written `tfr:///`. A value that a parent
 * configuration or a var-file may replace gives no finding.
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

  it('reads inputs written with a colon, as an HCL object may write its items', () => {
    const live = lines('terraform {', '  source = "../../../modules/orders-db"', '}', 'inputs = {', '  admin_password: "Orders-Admin-2026"', '  encrypted: false', '}');
    assert.deepEqual(findings({ [LIVE]: live, 'modules/orders-db/main.tf': MODULE }, LIVE), READ);
  });

  it('reads a module folder named from the repository root, taken as the workspace root', () => {
    const fromRoot = configuration('"${get_repo_root()}/modules//orders-db"');
    assert.deepEqual(findings({ [LIVE]: fromRoot, 'modules/orders-db/main.tf': MODULE }, LIVE), READ);
    // Elsewhere in the workspace, or with the module under another folder, nothing is read.
    assert.deepEqual(findings({ [LIVE]: fromRoot, 'infra/modules/orders-db/main.tf': MODULE }, LIVE), []);
    assert.deepEqual(findings({ [LIVE]: configuration('"${get_repo_root()}/${local.modules}/orders-db"'), 'modules/orders-db/main.tf': MODULE }, LIVE), []);
  });

  it('reads a module source whose release only its query interpolates, counting no input it leaves out', () => {
    const live = (ref: string): string =>
      lines('terraform {', `  source = "github.com/cloudposse/terraform-aws-rds.git?ref=${ref}"`, '}', 'inputs = {', '  engine            = "postgres"', '  engine_version    = "16.4"', '  storage_encrypted = false', '}');
    // Cloud Posse's rds module keeps no automated backups unless told: counted where the release is written.
    assert.deepEqual(findings({ [LIVE]: live('1.1.0') }, LIVE), ['4 rds-backup-retention', '4 rds-deletion-protection', '4 rds-multi-az', '4 rds-skip-final-snapshot', '7 rds-storage-encrypted']);
    assert.deepEqual(findings({ [LIVE]: live('${local.versions.rds}') }, LIVE), ['7 rds-storage-encrypted']);
  });

  it('says nothing where a parent configuration, a var-file or an expression may decide the values', () => {
    const module = { 'modules/orders-db/main.tf': MODULE };
    const cases = [
      // A parent's inputs and extra_arguments merge in, and the workspace holds no parent.
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

  describe('with an include', () => {
    const module = { 'modules/orders-db/main.tf': MODULE };
    const root = (...body: string[]): string => lines('remote_state {', '  backend = "s3"', '  config = {', '    bucket = "acme-state"', '  }', '}', ...body);
    const child = (...include: string[]): string => configuration('"../../../modules/orders-db"', ...include);
    const findRoot = ['include "root" {', '  path = find_in_parent_folders()', '}'];
    const shifted = ['8 rds-master-password', '9 rds-storage-encrypted'];

    it('reads the inputs of a child whose parent the workspace holds and which passes no var-files', () => {
      assert.deepEqual(findings({ [LIVE]: child(...findRoot), 'live/terragrunt.hcl': root(), ...module }, LIVE), shifted);
      // Terragrunt 0.12's interpolated form, a named root file, and a written path.
      assert.deepEqual(findings({ [LIVE]: child('include {', '  path = "${find_in_parent_folders()}"', '}'), 'live/terragrunt.hcl': root(), ...module }, LIVE), shifted);
      assert.deepEqual(findings({ [LIVE]: child('include "root" {', '  path = find_in_parent_folders("root.hcl")', '}'), 'live/root.hcl': root(), ...module }, LIVE), shifted);
      assert.deepEqual(findings({ [LIVE]: child('include "root" {', '  path = "../../root.hcl"', '}'), 'live/root.hcl': root(), ...module }, LIVE), shifted);
      // The nearest parent decides, and a parent's own inputs leave the child's (which win) in place.
      const files = { [LIVE]: child(...findRoot), 'live/prod/terragrunt.hcl': root('inputs = {', '  region = "eu-west-1"', '}'), 'live/terragrunt.hcl': root('terraform {', '  extra_arguments "vars" {', '    arguments = ["-var", "encrypted=true"]', '  }', '}'), ...module };
      assert.deepEqual(findings(files, LIVE), shifted);
    });

    it('leaves out the inputs that a parent\'s var-files of the workspace set, and reads the others', () => {
      const varFiles = root(
        'terraform {',
        '  extra_arguments "common_vars" {',
        '    commands  = ["plan", "apply"]',
        '    arguments = ["-var-file=${get_parent_terragrunt_dir()}/common.tfvars"]',
        '    optional_var_files = [find_in_parent_folders("region.tfvars"), "${get_terragrunt_dir()}/unit.tfvars"]',
        '  }',
        '}',
      );
      const files = {
        [LIVE]: child(...findRoot),
        'live/terragrunt.hcl': varFiles,
        'live/common.tfvars': 'encrypted = true\n',
        'live/prod/region.tfvars': 'aws_region = "eu-west-1"\n',
        'live/prod/orders-db/unit.tfvars': 'tier = "gold"\n',
        ...module,
      };
      assert.deepEqual(findings(files, LIVE), ['8 rds-master-password']);
      // A var-file the workspace does not hold may set any of them.
      const missing: Record<string, string> = { ...files };
      delete missing['live/prod/orders-db/unit.tfvars'];
      assert.deepEqual(findings(missing, LIVE), []);
    });

    it('says nothing where the parent cannot be followed or may set any variable', () => {
      const cases: Record<string, string>[] = [
        // A parent outside the workspace, or another name than the workspace holds.
        { [LIVE]: child(...findRoot) },
        { [LIVE]: child('include "env" {', '  path = find_in_parent_folders("env.hcl")', '}'), 'live/terragrunt.hcl': root() },
        { [LIVE]: child('include "env" {', '  path = "${dirname(find_in_parent_folders())}/_envcommon/db.hcl"', '}'), 'live/terragrunt.hcl': root() },
        // A parent whose var-file path is relative to Terragrunt's working folder, that passes a -var, generates a .tfvars file or includes another.
        { [LIVE]: child(...findRoot), 'live/terragrunt.hcl': root('terraform {', '  extra_arguments "vars" {', '    arguments = ["-var-file=common.tfvars"]', '  }', '}'), 'live/common.tfvars': 'tier = "gold"\n' },
        { [LIVE]: child(...findRoot), 'live/terragrunt.hcl': root('terraform {', '  extra_arguments "vars" {', '    arguments = ["-var", "encrypted=true"]', '  }', '}') },
        { [LIVE]: child(...findRoot), 'live/terragrunt.hcl': root('generate "values" {', '  path     = "terraform.auto.tfvars"', '  contents = "encrypted = true"', '}') },
        { [LIVE]: child(...findRoot), 'live/prod/terragrunt.hcl': root(...findRoot), 'live/terragrunt.hcl': root() },
        // A merge strategy the reader does not know.
        { [LIVE]: child('include "root" {', '  path           = find_in_parent_folders()', '  merge_strategy = local.strategy', '}'), 'live/terragrunt.hcl': root() },
      ];
      for (const files of cases) {
        assert.deepEqual(findings({ ...files, ...module }, LIVE), [], files[LIVE]);
      }
    });

    it('counts an absent input only where no parent passes inputs or var-files', () => {
      const registry = (...include: string[]): string =>
        // Before v4.0.0 the module left storage unencrypted unless told.
        lines(...include, 'terraform {', '  source = "tfr:///terraform-aws-modules/rds/aws?version=3.5.0"', '}', 'inputs = {', '  identifier = "orders"', '  engine     = "postgres"', '}');
      const encryption = (files: Record<string, string>): string[] => findings(files, LIVE).filter((finding) => finding.endsWith('rds-storage-encrypted'));
      assert.deepEqual(encryption({ [LIVE]: registry(...findRoot), 'live/terragrunt.hcl': root() }), ['7 rds-storage-encrypted']);
      assert.deepEqual(encryption({ [LIVE]: registry(...findRoot), 'live/terragrunt.hcl': root('inputs = {', '  storage_encrypted = true', '}') }), []);
      // Not merged, a parent's inputs do not reach the child.
      const noMerge = registry('include "root" {', '  path           = find_in_parent_folders()', '  merge_strategy = "no_merge"', '}');
      assert.deepEqual(encryption({ [LIVE]: noMerge, 'live/terragrunt.hcl': root('inputs = {', '  storage_encrypted = true', '}') }), ['8 rds-storage-encrypted']);
    });

    it('reads only single values of a child whose parent with inputs merges deep, and nothing an expression gives', () => {
      const live = lines(
        'include "root" {',
        '  path           = find_in_parent_folders()',
        '  merge_strategy = "deep"',
        '}',
        'dependency "network" {',
        '  config_path = "../network"',
        '}',
        'locals {',
        '  env = read_terragrunt_config(find_in_parent_folders("env.hcl"))',
        '  public = true',
        '}',
        'terraform {',
        '  source = "git::https://github.com/acme/infra-modules.git//postgres?ref=v2.0.0"',
        '}',
        'inputs = {',
        '  engine                 = "postgres"',
        '  publicly_accessible    = local.public',
        '  password               = local.env.locals.db_password',
        '  vpc_security_group_ids = [dependency.network.outputs.db_group_id]',
        '  storage_encrypted      = dependency.network.outputs.encrypted',
        '}',
      );
      assert.deepEqual(findings({ [LIVE]: live, 'live/terragrunt.hcl': root('inputs = {', '  tags = { team = "orders" }', '}') }, LIVE), ['17 rds-publicly-accessible']);
    });
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
