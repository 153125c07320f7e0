/**
 * Terraform 0.11 wrote every reference inside a string, `"${var.name}"`. HCL returns a string of one
 * interpolation as its expression, so such a string is read as the bare reference: a variable's default
 * and a local's value reach the checks as they do through `var.name`.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findingsIn = (code: string): string[] => hintsIn('redis.tf', code).filter((hint) => hint.endsWith('!'));

// A cache module of a 0.11-era stack: variables and the resource in one file, every value interpolated.
const module = (engineVersion: string, publicDb: string): string =>
  sourceLines(
    'variable "cluster_name" {}',
    'variable "engine_version" {',
    '  default = "3.2.10"',
    '}',
    'variable "public" {',
    '  default = true',
    '}',
    'locals {',
    '  snapshot_days = 0',
    '}',
    'resource "aws_elasticache_cluster" "jobs" {',
    '  cluster_id      = "${var.cluster_name}"',
    '  engine          = "redis"',
    '  node_type       = "cache.t3.small"',
    '  num_cache_nodes = 1',
    `  engine_version  = ${engineVersion}`,
    '}',
    'resource "aws_db_instance" "reports" {',
    '  engine              = "postgres"',
    '  instance_class      = "db.t3.small"',
    '  storage_encrypted   = true',
    `  publicly_accessible = ${publicDb}`,
    '}',
  );

describe('Terraform strings of one interpolation', () => {
  it('reads "${var.x}" as var.x: the default of a variable of the same file', () => {
    const findings = findingsIn(module('"${var.engine_version}"', '"${var.public}"'));
    assert.ok(findings.includes('16:"${var.engine_version}" elasticache-engine-version-extended-support!'), findings.join('\n'));
    assert.ok(findings.includes('22:publicly_accessible rds-publicly-accessible!'), findings.join('\n'));
    // The same as the bare references.
    const bare = findingsIn(module('var.engine_version', 'var.public'));
    assert.deepEqual(
      findings.map((hint) => hint.replace(/^(\d+):\S+/, '$1')),
      bare.map((hint) => hint.replace(/^(\d+):\S+/, '$1')),
    );
  });

  it('stays silent on a string with more than the interpolation, on a variable without a default and on an attribute reference', () => {
    for (const [version, publicDb] of [
      ['"${var.engine_version}.0"', '"${var.public}-x"'],
      ['"${var.cluster_name}"', '"${var.cluster_name}"'],
      ['"${data.aws_elasticache_cluster.old.engine_version}"', '"${module.network.public}"'],
      ['"v${var.engine_version}"', '"${ var.public } "'],
    ]) {
      const findings = findingsIn(module(version, publicDb)).filter((hint) => /extended-support|publicly-accessible/.test(hint));
      assert.deepEqual(findings, [], `${version} ${publicDb}`);
    }
  });

  it('reads "${local.x}" as local.x', () => {
    const code = sourceLines(
      'locals {',
      '  retention = 0',
      '}',
      'resource "aws_db_instance" "reports" {',
      '  engine                  = "postgres"',
      '  instance_class          = "db.t3.small"',
      '  storage_encrypted       = true',
      '  backup_retention_period = "${local.retention}"',
      '}',
    );
    assert.ok(findingsIn(code).includes('8:backup_retention_period rds-backup-retention!'), findingsIn(code).join('\n'));
  });

  it('reads "${each.value.x}" as each.value.x over a for_each map written in the file', () => {
    const tenants = (encrypted: string): string =>
      sourceLines(
        'locals {',
        '  tenants = {',
        '    acme   = { encrypted = false, public = true }',
        '    globex = { encrypted = false, public = true }',
        '  }',
        '}',
        'resource "aws_db_instance" "tenant" {',
        '  for_each            = local.tenants',
        '  engine              = "postgres"',
        '  instance_class      = "db.t3.small"',
        `  storage_encrypted   = ${encrypted}`,
        '  publicly_accessible = "${each.value["public"]}"',
        '}',
      );
    const findings = findingsIn(tenants('"${each.value.encrypted}"'));
    assert.ok(findings.includes('11:storage_encrypted rds-storage-encrypted!'), findings.join('\n'));
    assert.ok(findings.includes('12:publicly_accessible rds-publicly-accessible!'), findings.join('\n'));
    // Anything more than the one interpolation is a string Terraform builds, not the element's value.
    for (const built of ['"${each.value.encrypted}x"', '"${each.key}"', '"${each.value.encrypted.x}"']) {
      assert.ok(!findingsIn(tenants(built)).some((hint) => hint.includes('storage-encrypted')), built);
    }
  });

  it('reads "${ingress.value.cidr}" as a dynamic ingress element, and "${each.value.cidr}" as a rule per element', () => {
    const group = (cidrs: string, source: string): string =>
      sourceLines(
        'locals {',
        `  sources = [${cidrs}]`,
        '}',
        'resource "aws_security_group" "db" {',
        '  dynamic "ingress" {',
        '    for_each = local.sources',
        '    iterator = rule',
        '    content {',
        '      from_port   = 5432',
        '      to_port     = 5432',
        '      protocol    = "tcp"',
        `      cidr_blocks = [${source}]`,
        '    }',
        '  }',
        '}',
        'resource "aws_security_group_rule" "cache" {',
        '  for_each          = { for name, cidr in { vpn = "10.8.0.0/16" } : name => { cidr = cidr } }',
        '  type              = "ingress"',
        '  from_port         = 6379',
        '  to_port           = 6379',
        '  protocol          = "tcp"',
        '  cidr_blocks       = ["${each.value.cidr}"]',
        '  security_group_id = "sg-0"',
        '}',
      );
    const open = '{ cidr = "10.0.0.0/8" }, { cidr = "0.0.0.0/0" }';
    for (const source of ['"${rule.value.cidr}"', '"${rule.value["cidr"]}"', 'rule.value.cidr']) {
      assert.ok(findingsIn(group(open, source)).some((hint) => hint.startsWith('12:') && hint.endsWith(' rds-open-ingress!')), source);
    }
    // Private ranges only, another iterator's name, or an element no finding reads: nothing.
    assert.deepEqual(findingsIn(group('{ cidr = "10.0.0.0/8" }', '"${rule.value.cidr}"')), []);
    assert.deepEqual(findingsIn(group(open, '"${ingress.value.cidr}"')), []);
    assert.deepEqual(findingsIn(group(open, '"${rule.value.cidr}/32"')), []);
  });

  it('reads "${each.value.cidr}" of an aws_security_group_rule over a map of objects written in the file', () => {
    const code = sourceLines(
      'locals {',
      '  cache_sources = {',
      '    office = { cidr = "198.51.100.0/24" }',
      '    anyone = { cidr = "0.0.0.0/0" }',
      '  }',
      '}',
      'resource "aws_security_group_rule" "cache" {',
      '  for_each          = local.cache_sources',
      '  type              = "ingress"',
      '  from_port         = 6379',
      '  to_port           = 6379',
      '  protocol          = "tcp"',
      '  cidr_blocks       = ["${each.value.cidr}"]',
      '  security_group_id = "sg-0"',
      '}',
    );
    assert.ok(findingsIn(code).includes('13:"${each.value.cidr}" elasticache-open-ingress!'), findingsIn(code).join('\n'));
  });

  it('reads policy_arn = "${each.value}" as each element of the attachment\'s for_each', () => {
    const attachment = (policyArn: string): string =>
      sourceLines(
        'resource "aws_iam_role_policy_attachment" "worker" {',
        '  for_each   = toset(["arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess", "arn:aws:iam::aws:policy/AmazonSQSFullAccess"])',
        '  role       = "worker"',
        `  policy_arn = ${policyArn}`,
        '}',
      );
    const full = (policyArn: string): string[] => findingsIn(attachment(policyArn)).filter((hint) => hint.includes('dynamodb-managed-full-access'));
    assert.equal(full('"${each.value}"').length, 1, full('"${each.value}"').join('\n'));
    assert.deepEqual(full('"${each.value}"'), full('each.value'));
    assert.deepEqual(full('"${each.value}-v2"'), []);
  });
});
