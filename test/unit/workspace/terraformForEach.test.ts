/**
 * `each.value.x` in a resource whose `for_each` is a map or list written in this file (in place, or as a
 * variable's default or a local): the value its elements give, when they all give the same one; where they
 * differ, each element's in turn (the checks run once per element). Elements that leave the key out or are
 * unknown, a `for` expression and a variable the `.tfvars` files set stay silent.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

function findings(files: Record<string, string>, file: string): string[] {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace: built });
  return result.findings.map((finding) => `${result.lines.lineOf(finding.start) + 1} ${finding.ruleId}`).sort();
}

/** Tenant databases made from a map variable; `databases` is the variable's default. */
const tenants = (databases: string, forEach = 'var.tenants'): string =>
  lines(
    'variable "tenants" {',
    '  type = map(object({ public = bool, encrypted = bool }))',
    `  default = ${databases}`,
    '}',
    'resource "aws_db_instance" "tenant" {',
    `  for_each            = ${forEach}`,
    '  identifier          = "tenant-${each.key}"',
    '  engine              = "mysql"',
    '  instance_class      = "db.t4g.small"',
    '  multi_az            = true',
    '  deletion_protection = true',
    '  publicly_accessible = each.value.public',
    '  storage_encrypted   = each.value["encrypted"]',
    '}',
  );

describe('Terraform for_each elements', () => {
  it('reads each.value.x where every element of a map written in this file agrees', () => {
    const both = '{ acme = { public = true, encrypted = false }, globex = { public = true, encrypted = false } }';
    assert.deepEqual(findings({ 'db/main.tf': tenants(both) }, 'db/main.tf'), ['12 rds-publicly-accessible', '13 rds-storage-encrypted']);
    const safe = '{ acme = { public = false, encrypted = true } }';
    assert.deepEqual(findings({ 'db/main.tf': tenants(safe) }, 'db/main.tf'), []);
  });

  it('reads a map written in place or as a local, and each.value whole', () => {
    const inPlace = tenants('{}', '{ acme = { public = true, encrypted = true } }');
    assert.deepEqual(findings({ 'db/main.tf': inPlace }, 'db/main.tf'), ['12 rds-publicly-accessible']);
    const local = lines(
      'locals {',
      '  caches = { sessions = false, carts = false }',
      '}',
      'resource "aws_elasticache_replication_group" "cache" {',
      '  for_each                   = local.caches',
      '  replication_group_id       = each.key',
      '  description                = "per feature"',
      '  engine                     = "redis"',
      '  auth_token                 = var.token',
      '  at_rest_encryption_enabled = true',
      '  transit_encryption_enabled = each.value',
      '}',
    );
    assert.deepEqual(
      findings({ 'cache/main.tf': local }, 'cache/main.tf').filter((finding) => finding.includes('transit')),
      ['11 elasticache-transit-encryption'],
    );
  });

  it('judges each element where they differ: one public element is reported once, safe ones leave it silent', () => {
    const differ = '{ acme = { public = true, encrypted = true }, globex = { public = false, encrypted = true } }';
    assert.deepEqual(findings({ 'db/main.tf': tenants(differ) }, 'db/main.tf'), ['12 rds-publicly-accessible']);
    const safe = '{ acme = { public = false, encrypted = true }, globex = { public = false, encrypted = false } }';
    assert.deepEqual(findings({ 'db/main.tf': tenants(safe) }, 'db/main.tf'), ['13 rds-storage-encrypted']);
  });

  it('stays silent when elements leave the key out, are unknown, or come from a for expression or a .tfvars file', () => {
    const missing = '{ acme = { encrypted = true } }';
    assert.deepEqual(findings({ 'db/main.tf': tenants(missing) }, 'db/main.tf'), []);
    const unknown = '{ acme = { public = local.public, encrypted = true } }';
    assert.deepEqual(findings({ 'db/main.tf': tenants(unknown) }, 'db/main.tf'), []);
    const filtered = tenants('{ acme = { public = true, encrypted = true } }', '{ for name, t in var.tenants : name => t if !t.public }');
    assert.deepEqual(findings({ 'db/main.tf': filtered }, 'db/main.tf'), []);
    const overridden = { 'db/main.tf': tenants('{ acme = { public = true, encrypted = true } }'), 'db/terraform.tfvars': lines('tenants = { acme = { public = false, encrypted = true } }') };
    assert.deepEqual(findings(overridden, 'db/main.tf'), []);
    // A resource without for_each: each.value means nothing here.
    const none = tenants('{ acme = { public = true, encrypted = true } }').replace('  for_each            = var.tenants\n', '');
    assert.deepEqual(findings({ 'db/main.tf': none }, 'db/main.tf'), []);
  });

  it("reads no list or map from a variable's default that the .tfvars files replace (ingress for_each)", () => {
    const group = lines(
      'variable "db_ingress" {',
      '  default = [{ port = 5432, cidrs = ["0.0.0.0/0"] }]',
      '}',
      'resource "aws_security_group" "db" {',
      '  name = "db"',
      '  dynamic "ingress" {',
      '    for_each = var.db_ingress',
      '    content {',
      '      from_port   = ingress.value.port',
      '      to_port     = ingress.value.port',
      '      protocol    = "tcp"',
      '      cidr_blocks = ingress.value.cidrs',
      '    }',
      '  }',
      '}',
      'resource "aws_db_instance" "db" {',
      '  engine                 = "postgres"',
      '  instance_class         = "db.t4g.micro"',
      '  storage_encrypted      = true',
      '  vpc_security_group_ids = [aws_security_group.db.id]',
      '}',
    );
    assert.deepEqual(findings({ 'db/main.tf': group }, 'db/main.tf'), ['12 rds-open-ingress', '16 rds-deletion-protection', '16 rds-multi-az']);
    assert.deepEqual(findings({ 'db/main.tf': group, 'db/terraform.tfvars': lines('db_ingress = [{ port = 5432, cidrs = ["10.0.0.0/16"] }]') }, 'db/main.tf'), ['16 rds-deletion-protection', '16 rds-multi-az']);
    // A file loaded only on request makes the list unknown too.
    assert.deepEqual(findings({ 'db/main.tf': group, 'db/prod.tfvars': lines('db_ingress = []') }, 'db/main.tf'), ['16 rds-deletion-protection', '16 rds-multi-az']);
  });

  it('reads each.value.x in a registry module block with a for_each written in this file', () => {
    const modules = (forEach: string): string =>
      lines(
        'locals {',
        '  databases = { billing = { public = true }, audit = { public = true } }',
        '}',
        'module "db" {',
        '  source              = "terraform-aws-modules/rds/aws"',
        '  version             = "~> 6.0"',
        `  for_each            = ${forEach}`,
        '  identifier          = each.key',
        '  engine              = "postgres"',
        '  instance_class      = "db.t4g.micro"',
        '  multi_az            = true',
        '  publicly_accessible = each.value.public',
        '}',
      );
    assert.deepEqual(findings({ 'db/main.tf': modules('local.databases') }, 'db/main.tf'), ['12 rds-publicly-accessible', '4 rds-deletion-protection']);
    assert.deepEqual(findings({ 'db/main.tf': modules('{ for k, v in local.databases : k => v if !v.public }') }, 'db/main.tf'), ['4 rds-deletion-protection']);
  });

  it('reads a map of objects another file of the module declares as the default, or the .tfvars files set', () => {
    const main = lines(
      'resource "aws_db_instance" "db" {',
      '  for_each            = var.databases',
      '  identifier          = each.key',
      '  engine              = "postgres"',
      '  instance_class      = "db.t4g.micro"',
      '  multi_az            = true',
      '  publicly_accessible = each.value.public',
      '  storage_encrypted   = each.value.encrypted',
      '}',
    );
    const variables = lines('variable "databases" {', '  default = {', '    orders  = { public = true, encrypted = false }', '    billing = { public = true, encrypted = false }', '  }', '}');
    assert.deepEqual(findings({ 'db/main.tf': main, 'db/variables.tf': variables }, 'db/main.tf'), ['1 rds-deletion-protection', '7 rds-publicly-accessible', '8 rds-storage-encrypted']);
    const safe = lines('databases = {', '  orders = { public = false, encrypted = true }', '}');
    assert.deepEqual(findings({ 'db/main.tf': main, 'db/variables.tf': variables, 'db/terraform.tfvars': safe }, 'db/main.tf'), ['1 rds-deletion-protection']);
    const partly = lines('databases = {', '  orders  = { public = true, encrypted = true }', '  billing = { public = true, encrypted = local.encrypted }', '}');
    assert.deepEqual(findings({ 'db/main.tf': main, 'db/variables.tf': variables, 'db/terraform.tfvars': partly }, 'db/main.tf'), ['1 rds-deletion-protection', '7 rds-publicly-accessible']);
    // Set by a file loaded only on request: unknown, the default no longer stands.
    assert.deepEqual(findings({ 'db/main.tf': main, 'db/variables.tf': variables, 'db/prod.tfvars': safe }, 'db/main.tf'), ['1 rds-deletion-protection']);
    // A .tfvars map of objects for a variable declared nowhere in the folder still stands (Terraform would reject an undeclared one).
    assert.deepEqual(findings({ 'db/main.tf': main, 'db/terraform.tfvars': partly }, 'db/main.tf'), ['1 rds-deletion-protection', '7 rds-publicly-accessible']);
  });
});
