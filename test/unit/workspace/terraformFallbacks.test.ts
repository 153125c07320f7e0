/**
 * `try(var.db.encrypted, false)`, `try(each.value.public, true)` and `lookup(each.value, "multi_az", false)`: the
 * fallback stands for an attribute the object (or the `for_each` element) leaves out, as `lookup`'s third argument
 * already did on `var.x` and `local.x`; an attribute the variable's type names (`optional(bool)`) is null there,
 * not an error, so the fallback does not stand for it. Elements that differ are judged one by one. A resource made
 * by `count` reads `var.list[count.index].key` as the value every element of the list gives.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

function model(files: Record<string, string>): WorkspaceModel {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([file, text]) => built.update(file, indexFile(file, documentKind(undefined, file)!, text))));
  return built;
}

/** The findings of `file` among `files`, judged in workspace mode, as `line rule`. */
function findings(files: Record<string, string>, file = 'db/main.tf'): string[] {
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace: model(files) });
  return result.findings.map((finding) => `${result.lines.lineOf(finding.start) + 1} ${finding.ruleId}`).sort();
}

/** One instance whose encryption, exposure and snapshot come from `expressions`, all else settled. */
const instance = (storage: string, exposure: string, snapshot: string, forEach?: string): string =>
  lines(
    'resource "aws_db_instance" "orders" {',
    forEach ? `  for_each            = ${forEach}` : '  identifier          = "orders"',
    '  engine              = "postgres"',
    '  instance_class      = "db.t4g.micro"',
    '  multi_az            = true',
    '  deletion_protection = true',
    `  storage_encrypted   = ${storage}`,
    `  publicly_accessible = ${exposure}`,
    `  skip_final_snapshot = ${snapshot}`,
    '}',
  );

describe('Terraform try() and lookup() fallbacks', () => {
  it('reads try(var.x.key, fallback) as lookup(var.x, "key", fallback), from a default in another file', () => {
    const files = {
      'db/variables.tf': lines('variable "db" {', '  default = { name = "orders" }', '}'),
      'db/main.tf': instance('try(var.db.encrypted, false)', 'try(var.db["public"], true)', 'try(var.db.skip, true) ? true : false'),
    };
    assert.deepEqual(findings(files), ['7 rds-storage-encrypted', '8 rds-publicly-accessible', '9 rds-skip-final-snapshot']);
  });

  it('takes what the object writes over the fallback, and a local object too', () => {
    const files = {
      'db/locals.tf': lines('locals {', '  db = {', '    encrypted = true', '    public    = false', '  }', '}'),
      'db/main.tf': instance('try(local.db.encrypted, false)', 'try(local.db.public, true)', 'try(local.db.skip, false)'),
    };
    assert.deepEqual(findings(files), []);
  });

  it('keeps silent where the type names the attribute, or try has more arguments or none it can read', () => {
    const typed = lines('variable "db" {', '  type    = object({ name = string, encrypted = optional(bool), public = optional(bool) })', '  default = { name = "orders" }', '}');
    assert.deepEqual(findings({ 'db/variables.tf': typed, 'db/main.tf': instance('try(var.db.encrypted, false)', 'try(var.db.public, true)', 'false') }), []);
    const untyped = lines('variable "db" {', '  default = { name = "orders" }', '}');
    const odd = instance('try(var.db.encrypted, var.other.encrypted, false)', 'try(var.db.public + 1, true)', 'try(var.db.skip, var.fallback_skip)');
    assert.deepEqual(findings({ 'db/variables.tf': untyped, 'db/main.tf': odd }), []);
  });

  it('gives for_each elements that leave the key out the fallback of try(each.value.key, ...) and lookup(each.value, ...)', () => {
    const files = {
      'db/variables.tf': lines('variable "databases" {', '  default = {', '    orders = { engine = "postgres" }', '    users  = { engine = "postgres" }', '  }', '}'),
      'db/main.tf': instance('lookup(each.value, "encrypted", false)', 'try(each.value.public, true)', 'try(each.value["skip"], false)', 'var.databases'),
    };
    assert.deepEqual(findings(files), ['7 rds-storage-encrypted', '8 rds-publicly-accessible']);
  });

  it('judges elements one by one where one writes the key and another leaves it out', () => {
    const files = {
      'db/main.tf': lines(
        'locals {',
        '  tenants = {',
        '    acme   = { public = false, encrypted = true }',
        '    globex = { encrypted = true }',
        '  }',
        '}',
        instance('try(each.value.encrypted, false)', 'try(each.value.public, true)', 'false', 'local.tenants'),
      ),
    };
    assert.deepEqual(findings(files), ['14 rds-publicly-accessible']);
  });

  it('reads var.list[count.index].key where every element of the list agrees, also from another file', () => {
    const files = {
      'db/variables.tf': lines('variable "dbs" {', '  default = [', '    { public = false, skip = true },', '    { public = true, skip = true },', '  ]', '}'),
      'db/main.tf': instance('true', 'var.dbs[count.index].public', 'var.dbs[count.index]["skip"]', undefined).replace('  identifier          = "orders"', '  count               = length(var.dbs)'),
    };
    assert.deepEqual(findings(files), ['9 rds-skip-final-snapshot']);
  });

  it('keeps silent for elements of a variable whose element type names the key', () => {
    const typed = lines(
      'variable "databases" {',
      '  type = map(object({ engine = string, public = optional(bool), encrypted = optional(bool) }))',
      '  default = { orders = { engine = "postgres" } }',
      '}',
    );
    const files = { 'db/variables.tf': typed, 'db/main.tf': instance('try(each.value.encrypted, false)', 'lookup(each.value, "public", true)', 'false', 'var.databases') };
    assert.deepEqual(findings(files), []);
  });
});
