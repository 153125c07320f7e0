/**
 * Attributes of Terraform object variables (`var.db.publicly_accessible`, `var.settings["storage_encrypted"]`,
 * `lookup(var.cfg, "multi_az", false)`): read from the object the folder's `.tfvars` files set the variable
 * to, else from the variable's `default` object in this file or another of the module. An unknown value and
 * a file loaded only on request stay silent; an attribute the object type defaults (`optional(bool, true)`) takes
 * that default where the default object leaves it out, and a lookup's default never stands for it.
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

/** The findings of `file` among `files`, judged in workspace mode, as `line rule`. */
function findings(files: Record<string, string>, file: string): string[] {
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace: model(files) });
  return result.findings.map((finding) => `${result.lines.lineOf(finding.start) + 1} ${finding.ruleId}`).sort();
}

/** The findings of one rule. */
function transit(files: Record<string, string>, file: string): string[] {
  return findings(files, file).filter((finding) => finding.endsWith(' elasticache-transit-encryption'));
}

/** An instance whose exposure and encryption come from an object variable `var.postgres`. */
const INSTANCE = lines(
  'resource "aws_db_instance" "orders" {',
  '  identifier          = "orders"',
  '  engine              = "postgres"',
  '  instance_class      = "db.t4g.micro"',
  '  publicly_accessible = var.postgres.publicly_accessible',
  '  storage_encrypted   = var.postgres["storage_encrypted"]',
  '  deletion_protection = true',
  '  multi_az            = true',
  '}',
);

const OBJECT_VARIABLE = lines(
  'variable "postgres" {',
  '  description = "Settings of the orders database"',
  '  type = object({',
  '    publicly_accessible = bool',
  '    storage_encrypted   = bool',
  '  })',
  '}',
);

describe('Terraform object variables', () => {
  it('keeps the objects a .tfvars file sets, with their attributes, a secret attribute unknown', () => {
    assert.deepEqual(contributionOf('live/terraform.tfvars', lines('postgres = {', '  publicly_accessible = true', '  password = "from-a-vault"', '  tags = { team = "orders" }', '  subnets = ["a", "b"]', '}'))?.tfvars?.objects, {
      postgres: { publicly_accessible: true, password: null, tags: null, subnets: ['a', 'b'] },
    });
    assert.deepEqual(contributionOf('live/prod.auto.tfvars.json', JSON.stringify({ postgres: { multi_az: false, nested: { a: 1 } }, db_secret: { a: 1 } }))?.tfvars?.objects, {
      postgres: { multi_az: false, nested: null },
    });
  });

  it('reads an attribute the .tfvars object sets: an unsafe value is reported, a safe one is not', () => {
    const files = {
      'live/main.tf': INSTANCE,
      'live/variables.tf': OBJECT_VARIABLE,
      'live/terraform.tfvars': lines('postgres = {', '  publicly_accessible = true', '  storage_encrypted   = false', '}'),
    };
    assert.deepEqual(findings(files, 'live/main.tf'), ['5 rds-publicly-accessible', '6 rds-storage-encrypted']);
    const safe = { ...files, 'live/terraform.tfvars': lines('postgres = {', '  publicly_accessible = false', '  storage_encrypted   = true', '}') };
    assert.deepEqual(findings(safe, 'live/main.tf'), []);
  });

  it('stays silent on an attribute whose value is unknown, missing, or set by a file loaded only on request', () => {
    const unknown = { 'live/main.tf': INSTANCE, 'live/variables.tf': OBJECT_VARIABLE, 'live/terraform.tfvars': lines('postgres = {', '  publicly_accessible = local.public', '  storage_encrypted   = null', '}') };
    assert.deepEqual(findings(unknown, 'live/main.tf'), []);
    // The later file replaces the whole object: the attribute it leaves out is not taken from the earlier one.
    const replaced = { ...unknown, 'live/terraform.tfvars': lines('postgres = {', '  publicly_accessible = true', '}'), 'live/zz.auto.tfvars': lines('postgres = {', '  storage_encrypted = true', '}') };
    assert.deepEqual(findings(replaced, 'live/main.tf'), []);
    const onRequest = { 'live/main.tf': INSTANCE, 'live/variables.tf': lines('variable "postgres" {', '  default = {', '    publicly_accessible = true', '    storage_encrypted   = false', '  }', '}'), 'live/prod.tfvars': lines('postgres = {', '  publicly_accessible = false', '}') };
    assert.deepEqual(findings(onRequest, 'live/main.tf'), []);
    const wholeUnknown = { 'live/main.tf': INSTANCE, 'live/variables.tf': onRequest['live/variables.tf'], 'live/terraform.tfvars': lines('postgres = merge(local.base, { publicly_accessible = false })') };
    assert.deepEqual(findings(wholeUnknown, 'live/main.tf'), []);
  });

  it('reads the default object in this file or another file of the module, the .tfvars object first', () => {
    const defaults = lines('variable "postgres" {', '  default = {', '    publicly_accessible = false', '    "storage_encrypted" = false', '  }', '}');
    assert.deepEqual(findings({ 'db/main.tf': `${defaults}${INSTANCE}` }, 'db/main.tf'), ['12 rds-storage-encrypted']);
    assert.deepEqual(findings({ 'db/main.tf': INSTANCE, 'db/variables.tf': defaults }, 'db/main.tf'), ['6 rds-storage-encrypted']);
    assert.deepEqual(findings({ 'db/main.tf': INSTANCE, 'db/variables.tf': defaults, 'db/terraform.tfvars': lines('postgres = { publicly_accessible = false, storage_encrypted = true }') }, 'db/main.tf'), []);
    // A variable declared in another folder (a child module) is not this module's.
    assert.deepEqual(findings({ 'db/main.tf': INSTANCE, 'other/variables.tf': defaults }, 'db/main.tf'), []);
  });

  it("takes lookup's default for an attribute a map leaves out, never one an object type may fill", () => {
    const cluster = (type: string): string =>
      lines(
        'variable "cache" {',
        `  type    = ${type}`,
        '  default = {}',
        '}',
        'resource "aws_elasticache_replication_group" "sessions" {',
        '  replication_group_id       = "sessions"',
        '  description                = "sessions"',
        '  engine                     = "redis"',
        '  at_rest_encryption_enabled = true',
        '  automatic_failover_enabled = true',
        '  multi_az_enabled           = true',
        '  num_cache_clusters         = 2',
        '  transit_encryption_enabled = lookup(var.cache, "transit_encryption_enabled", false)',
        '}',
      );
    assert.deepEqual(transit({ 'cache/main.tf': cluster('map(any)') }, 'cache/main.tf'), ['13 elasticache-transit-encryption']);
    assert.deepEqual(transit({ 'cache/main.tf': cluster('object({ transit_encryption_enabled = optional(bool, true) })') }, 'cache/main.tf'), []);
    assert.deepEqual(transit({ 'cache/main.tf': cluster('map(any)').replace('false)', 'true)') }, 'cache/main.tf'), []);
    assert.deepEqual(transit({ 'cache/main.tf': cluster('map(any)'), 'cache/terraform.tfvars': lines('cache = { transit_encryption_enabled = true }') }, 'cache/main.tf'), []);
    // Declared in another file of the module: its type is read there; a .tfvars object leaving the attribute out takes the default too.
    const split = (type: string): Record<string, string> => ({
      'cache/main.tf': cluster(type).replace(/^variable[^]*?\n}\n/, ''),
      'cache/variables.tf': cluster(type).match(/^variable[^]*?\n}\n/)![0],
      'cache/terraform.tfvars': lines('cache = { engine = "redis" }'),
    });
    assert.deepEqual(transit(split('map(any)'), 'cache/main.tf'), ['9 elasticache-transit-encryption']);
    assert.deepEqual(transit(split('object({ engine = string, transit_encryption_enabled = optional(bool, true) })'), 'cache/main.tf'), []);
    // Declared in no file of the module (a folder the workspace does not hold): its type is unknown.
    assert.deepEqual(transit({ 'cache/main.tf': split('map(any)')['cache/main.tf'] }, 'cache/main.tf'), []);
  });

  it('reads the Terraform 0.11 string form and no other expression built on an attribute', () => {
    const defaults = lines('variable "postgres" {', '  default = {', '    publicly_accessible = true', '    storage_encrypted = true', '  }', '}');
    const legacy = INSTANCE.replace('var.postgres.publicly_accessible', '"${var.postgres.publicly_accessible}"');
    assert.deepEqual(findings({ 'db/main.tf': legacy, 'db/variables.tf': defaults }, 'db/main.tf'), ['5 rds-publicly-accessible']);
    const negated = INSTANCE.replace('var.postgres.publicly_accessible', '!var.postgres.publicly_accessible');
    assert.deepEqual(findings({ 'db/main.tf': negated, 'db/variables.tf': defaults }, 'db/main.tf'), []);
    const other = INSTANCE.replace('var.postgres.publicly_accessible', 'var.postgres.public_access');
    assert.deepEqual(findings({ 'db/main.tf': other, 'db/variables.tf': defaults }, 'db/main.tf'), []);
  });

  it("reads an attribute a typed map's default leaves out as unknown, in the same file or another of the module", () => {
    const variable = lines('variable "postgres" {', '  type = map(string)', '  default = {', '    engine = "postgres"', '  }', '}');
    // Neither object writes `publicly_accessible` and no `lookup` gives a default: unknown, and no internal error.
    const failures: unknown[] = [];
    const file = variable + INSTANCE;
    const result = analyzeText(file, realHintRules(), { kind: 'terraform', fileName: 'db/main.tf', onError: (error) => failures.push(error) });
    assert.deepEqual(failures, []);
    assert.ok(!result.findings.some((finding) => finding.ruleId === 'rds-publicly-accessible'));
    assert.deepEqual(findings({ 'db/main.tf': INSTANCE, 'db/variables.tf': variable }, 'db/main.tf'), []);
  });

  it("takes an attribute's default from the variable's object type (`optional(bool, false)`) where no object written sets it", () => {
    const variable = (type: string, fallback?: string): string =>
      lines('variable "db" {', `  type = ${type}`, ...(fallback ? [`  default = ${fallback}`] : []), '}');
    const TYPE = lines(
      'object({',
      '    name                     = string',
      '    deletion_protection      = optional(bool, false)',
      '    delete_automated_backups = optional(bool, true)',
      '    password                 = optional(string, "hunter2-hunter2")',
      '    extra                    = optional(object({ storage_encrypted = optional(bool, false) }), {})',
      '  })',
    ).trim();
    const database = lines(
      'resource "aws_db_instance" "orders" {',
      '  identifier               = var.db.name',
      '  engine                   = "postgres"',
      '  instance_class           = "db.t4g.micro"',
      '  storage_encrypted        = var.db.storage_encrypted',
      '  deletion_protection      = var.db.deletion_protection',
      '  delete_automated_backups = var.db.delete_automated_backups',
      '  password                 = var.db.password',
      '  multi_az                 = true',
      '}',
    );
    const expected = ['6 rds-deletion-protection', '7 rds-delete-automated-backups'];
    // Declared in the same file, or in another file of the module.
    assert.deepEqual(findings({ 'db/main.tf': variable(TYPE) + database }, 'db/main.tf'), expected.map((finding) => finding.replace(/^\d+/, (line) => String(Number(line) + 9))));
    assert.deepEqual(findings({ 'db/main.tf': database, 'db/variables.tf': variable(TYPE) }, 'db/main.tf'), expected);
    // A default object's own attribute wins over the type's default; one it leaves out takes the type's.
    assert.deepEqual(findings({ 'db/main.tf': database, 'db/variables.tf': variable(TYPE, '{ name = "orders", deletion_protection = true }') }, 'db/main.tf'), ['7 rds-delete-automated-backups']);
    // A default that is no object, a nested object's attribute, a secret and a .tfvars object (left to what it writes) lend nothing.
    assert.deepEqual(findings({ 'db/main.tf': database, 'db/variables.tf': variable(TYPE, 'null') }, 'db/main.tf'), []);
    assert.deepEqual(findings({ 'db/main.tf': database, 'db/variables.tf': variable(TYPE), 'db/terraform.tfvars': lines('db = { name = "orders" }') }, 'db/main.tf'), []);
  });
});
