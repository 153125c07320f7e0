/**
 * password-in-stack-output in a Terraform child module: a module folder that a `module` block of the workspace
 * calls hands its outputs to that caller only. Terraform keeps the root module's outputs in state, where
 * `terraform output` and `terraform_remote_state` read them, so the root's output is the one reported.
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
});
