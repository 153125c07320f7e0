/**
 * password-in-stack-output in a Terraform child module: a module folder that a `module` block of the workspace
 * calls hands its outputs to that caller only. Terraform keeps the root module's outputs in state, where
 * `terraform output` and `terraform_remote_state` read them, so the root's output is the one reported, whatever
 * the child names its password output.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';

const OUTPUT = 'password-in-stack-output!';

const files: Record<string, string> = {
  'modules/rds/main.tf': ['module "db" {', '  source  = "terraform-aws-modules/rds/aws"', '  engine  = "postgres"', '}', ''].join('\n'),
  'modules/rds/outputs.tf': ['output "db_password" {', '  value = module.db.db_instance_password', '}', ''].join('\n'),
  'live/main.tf': ['module "rds" {', '  source = "../modules/rds"', '}', ''].join('\n'),
  'live/outputs.tf': ['output "db_password" {', '  value = module.rds.db_instance_password', '}', ''].join('\n'),
};

describe('Password outputs of Terraform child modules', () => {
  it('reports the root module output that hands out the password, not the child module output it passes on', () => {
    assert.deepEqual(hintsOfFile(files, 'live/outputs.tf').filter((hint) => hint.endsWith(OUTPUT)), [`2:module.rds.db_instance_password ${OUTPUT}`]);
    assert.deepEqual(hintsOfFile(files, 'modules/rds/outputs.tf').filter((hint) => hint.endsWith(OUTPUT)), []);
  });

  it('still reports a module folder that nothing in the workspace calls, and a file read alone', () => {
    const uncalled = { ...files, 'live/main.tf': ['module "rds" {', '  source = "../modules/other"', '}', ''].join('\n') };
    assert.deepEqual(hintsOfFile(uncalled, 'modules/rds/outputs.tf').filter((hint) => hint.endsWith(OUTPUT)), [`2:module.db.db_instance_password ${OUTPUT}`]);
    assert.deepEqual(hintsOfFile(files, 'modules/rds/outputs.tf', null).filter((hint) => hint.endsWith(OUTPUT)), [`2:module.db.db_instance_password ${OUTPUT}`]);
  });

  it('reports a root output of a local module output that hands out a password, under any name', () => {
    const named = {
      'modules/db/main.tf': ['resource "aws_db_instance" "main" {', '  engine   = "postgres"', '  password = var.password', '}', 'variable "password" {}', ''].join('\n'),
      'modules/db/outputs.tf': ['output "admin_login" {', '  value     = aws_db_instance.main.password', '  sensitive = true', '}', 'output "host" {', '  value = aws_db_instance.main.address', '}', ''].join('\n'),
      'live/main.tf': ['module "db" {', '  source   = "../modules/db"', '  password = var.db_password', '}', ''].join('\n'),
      'live/outputs.tf': ['output "db_login" {', '  value     = module.db.admin_login', '  sensitive = true', '}', 'output "db_host" {', '  value = module.db.host', '}', 'output "other" {', '  value = module.other.admin_login', '}', ''].join('\n'),
    };
    assert.deepEqual(hintsOfFile(named, 'live/outputs.tf').filter((hint) => hint.endsWith(OUTPUT)), [`2:module.db.admin_login ${OUTPUT}`]);
    assert.deepEqual(hintsOfFile(named, 'modules/db/outputs.tf').filter((hint) => hint.endsWith(OUTPUT)), []);
  });
});
