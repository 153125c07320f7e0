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
});
