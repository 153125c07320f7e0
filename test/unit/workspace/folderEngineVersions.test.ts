/**
 * A module folder whose database takes its engine from an input and writes its version itself (`engine =
 * var.engine`, `engine_version = "12.19"`), or from an input whose default the block leaves in place: a caller's engine
 * is judged with that version, at the caller's block.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';

const folder = (version: string): string =>
  [
    'variable "engine" {}',
    'resource "aws_db_instance" "db" {',
    '  identifier        = "orders"',
    '  engine            = var.engine',
    `  engine_version    = ${version}`,
    '  instance_class    = "db.t4g.medium"',
    '  storage_encrypted = true',
    '}',
  ].join('\n');

const caller = (engine: string): string => `module "orders_db" {\n  source = "../modules/db"\n  engine = ${engine}\n}\n`;

const findings = (files: Record<string, string>, file: string): string[] => hintsOfFile(files, file).filter((hint) => hint.endsWith('!'));

describe("a caller's engine judged with the version its module folder writes", () => {
  it('reports the block whose engine runs a version past standard support', () => {
    assert.deepEqual(findings({ 'modules/db/main.tf': folder('"12.19"'), 'prod/main.tf': caller('"postgres"') }, 'prod/main.tf'), ['1:"orders_db" rds-engine-version-extended-support!']);
    assert.deepEqual(findings({ 'modules/db/main.tf': folder('"12.19"'), 'prod/main.tf': caller('"aurora-postgresql"') }, 'prod/main.tf'), ['1:"orders_db" rds-engine-version-extended-support!']);
  });

  it('keeps a supported version, an engine the caller does not write out, and a version the folder takes as an input', () => {
    assert.deepEqual(findings({ 'modules/db/main.tf': folder('"16.4"'), 'prod/main.tf': caller('"postgres"') }, 'prod/main.tf'), []);
    assert.deepEqual(findings({ 'modules/db/main.tf': folder('"12.19"'), 'prod/main.tf': caller('local.engine') }, 'prod/main.tf'), []);
    assert.deepEqual(findings({ 'modules/db/main.tf': folder('var.version'), 'prod/main.tf': caller('"postgres"') }, 'prod/main.tf'), []);
  });

  describe("with the version an input of the folder defaults to", () => {
    const variables = (version: string): string => `variable "engine" {}\nvariable "engine_version" {\n  type    = string\n  default = ${version}\n}\n`;
    const withInput = (version: string): Record<string, string> => ({ 'modules/db/main.tf': folder('var.engine_version'), 'modules/db/variables.tf': variables(version) });

    it('reports a block that leaves the version input out when its default is past standard support', () => {
      assert.deepEqual(findings({ ...withInput('"5.7"'), 'prod/main.tf': caller('"mysql"') }, 'prod/main.tf'), ['1:"orders_db" rds-engine-version-extended-support!']);
    });

    it('keeps a block that passes its own version, a supported default, and an empty default', () => {
      const passing = 'module "orders_db" {\n  source         = "../modules/db"\n  engine         = "mysql"\n  engine_version = "8.4.3"\n}\n';
      assert.deepEqual(findings({ ...withInput('"5.7"'), 'prod/main.tf': passing }, 'prod/main.tf'), []);
      assert.deepEqual(findings({ ...withInput('"8.4.3"'), 'prod/main.tf': caller('"mysql"') }, 'prod/main.tf'), []);
      assert.deepEqual(findings({ ...withInput('""'), 'prod/main.tf': caller('"mysql"') }, 'prod/main.tf'), []);
    });
  });
});
