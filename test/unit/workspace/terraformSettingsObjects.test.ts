/**
 * Settings a module folder reads as attributes of one object input, handed on to a registry module
 * (`at_rest_encryption_enabled = var.cluster_settings.at_rest` in the folder's `cloudposse/elasticache-redis`
 * block), and a caller that passes that object as a local of its file (`cluster_settings = local.settings`): the
 * local's entries get the hovers and findings of the arguments they reach. Also cloudposse/rds-cluster's
 * `instance_type` (the instances' class), the storage type and Multi-AZ DB cluster instance class of
 * `aws_rds_cluster`, and a replication group whose `auth_token` is null.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const FOLDER = lines(
  'module "redis" {',
  '  source  = "cloudposse/elasticache-redis/aws"',
  '  version = "1.7.0"',
  '',
  '  name                       = var.name',
  '  at_rest_encryption_enabled = var.cluster_settings.at_rest',
  '  transit_encryption_enabled = var.cluster_settings.transit',
  '  snapshot_retention_limit   = var.cluster_settings.snapshots',
  '}',
);

const caller = (settings: string): string =>
  lines(
    'locals {',
    '  settings = {',
    `    at_rest   = ${settings}`,
    '    transit   = var.transit',
    '    snapshots = 7',
    '  }',
    '}',
    '',
    'module "sessions" {',
    '  source           = "./modules/cache"',
    '  name             = "sessions"',
    '  cluster_settings = local.settings',
    '}',
  );

describe('Terraform object inputs passed as a local and on to a registry module', () => {
  it('gives the local entries that reach the registry module their hovers, and a literal its finding', () => {
    const files = { 'modules/cache/main.tf': FOLDER, 'main.tf': caller('false') };
    assert.deepEqual(hintsOfFile(files, 'main.tf'), [
      '3:at_rest elasticache-at-rest-encryption',
      '3:at_rest elasticache-at-rest-encryption!',
      '4:transit elasticache-transit-encryption',
      '5:snapshots elasticache-snapshot-retention',
    ]);
  });

  it('keeps silent on an unknown value and on a local that is no object literal', () => {
    const files = { 'modules/cache/main.tf': FOLDER, 'main.tf': caller('var.at_rest') };
    assert.ok(!hintsOfFile(files, 'main.tf').some((hint) => hint.endsWith('!')));
    const computed = lines('locals {', '  settings = merge(var.defaults, { at_rest = false })', '}', 'module "sessions" {', '  source           = "./modules/cache"', '  cluster_settings = local.settings', '}');
    assert.deepEqual(hintsOfFile({ 'modules/cache/main.tf': FOLDER, 'main.tf': computed }, 'main.tf'), []);
  });

  it('reads cloudposse/rds-cluster instance_type as the instances class', () => {
    const block = lines('module "aurora" {', '  source        = "cloudposse/rds-cluster/aws"', '  version       = "1.3.2"', '  engine        = "aurora-postgresql"', '  instance_type = "db.r6g.large"', '}');
    assert.ok(hintsOfFile({ 'main.tf': block }, 'main.tf').includes('5:instance_type rds-instance-class'));
  });

  it('hovers the storage type and the Multi-AZ DB cluster instance class of aws_rds_cluster', () => {
    const cluster = lines(
      'resource "aws_rds_cluster" "orders" {',
      '  engine                    = "postgres"',
      '  db_cluster_instance_class = "db.r6gd.large"',
      '  storage_type              = "io1"',
      '  iops                      = 3000',
      '  storage_encrypted         = true',
      '  manage_master_user_password = true',
      '}',
    );
    const hints = hintsOfFile({ 'main.tf': cluster }, 'main.tf');
    assert.ok(hints.includes('3:db_cluster_instance_class rds-instance-class'), hints.join('\n'));
    assert.ok(hints.includes('4:storage_type rds-storage-type'), hints.join('\n'));
  });

  it('reports a replication group whose auth_token is null or empty and that names no user group', () => {
    const group = (token: string, users = ''): string =>
      lines(
        'resource "aws_elasticache_replication_group" "sessions" {',
        '  replication_group_id       = "sessions"',
        '  description                = "sessions"',
        '  node_type                  = "cache.t4g.small"',
        '  at_rest_encryption_enabled = true',
        '  transit_encryption_enabled = true',
        `  auth_token                 = ${token}`,
        users,
        '}',
      );
    const control = (code: string): string[] => hintsOfFile({ 'main.tf': code }, 'main.tf').filter((hint) => hint.includes('elasticache-access-control!'));
    assert.equal(control(group('null')).length, 1);
    assert.equal(control(group('""')).length, 1);
    assert.deepEqual(control(group('var.token')), []);
    assert.deepEqual(control(group('null', '  user_group_ids = [aws_elasticache_user_group.app.id]')), []);
    assert.deepEqual(control(group('var.enabled ? random_password.token.result : null')), []);
  });
});
