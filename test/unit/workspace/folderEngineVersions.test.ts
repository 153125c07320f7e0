/**
 * A module folder whose database takes its engine from an input and writes its version itself (`engine =
 * var.engine`, `engine_version = "12.19"`): a caller's engine is judged with that version, at the caller's block.
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
});
