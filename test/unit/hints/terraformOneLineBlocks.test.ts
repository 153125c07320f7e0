/**
 * Terraform's one-line blocks (`variable "days" { default = 0 }`, `locals { tier = "sandbox" }`): the argument they
 * hold is read as that of a block written over several lines, so a database setting that takes a variable or a
 * local declared that way in the same file is judged by its value.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

describe('Terraform one-line blocks', () => {
  it('takes the default of a one-line variable block of the same file', () => {
    const main = sourceLines(
      'variable "backup_days" { default = 0 }',
      'variable "protect" { default = false }',
      'variable "instance_class" { type = string }',
      'resource "aws_db_instance" "db" {',
      '  engine                  = "postgres"',
      '  engine_version          = "16.4"',
      '  instance_class          = var.instance_class',
      '  storage_encrypted       = true',
      '  backup_retention_period = var.backup_days',
      '  deletion_protection     = var.protect',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.tf', main, ['rds-backup-retention', 'rds-deletion-protection']), [
      '10:deletion_protection rds-deletion-protection',
      '10:deletion_protection rds-deletion-protection!',
      '9:backup_retention_period rds-backup-retention',
      '9:backup_retention_period rds-backup-retention!',
    ]);
  });

  it('takes a value from a one-line locals block and a variable through a conditional', () => {
    const main = sourceLines(
      'variable "is_production" { default = false }',
      'locals { transit = false }',
      'resource "aws_elasticache_replication_group" "sessions" {',
      '  replication_group_id       = "sessions"',
      '  description                = "sessions"',
      '  engine                     = "valkey"',
      '  node_type                  = "cache.t4g.small"',
      '  num_cache_clusters         = var.is_production ? 2 : 1',
      '  automatic_failover_enabled = var.is_production',
      '  at_rest_encryption_enabled = true',
      '  transit_encryption_enabled = local.transit',
      '  auth_token                 = null',
      '}',
    );
    assert.ok(hintsOfRules('main.tf', main, ['elasticache-transit-encryption']).includes('11:transit_encryption_enabled elasticache-transit-encryption!'));
  });

  it('still leaves a variable without a default, on one line or several, to the caller', () => {
    const main = sourceLines(
      'variable "backup_days" { type = number }',
      'variable "protect" {',
      '  type = bool',
      '}',
      'resource "aws_db_instance" "db" {',
      '  engine                  = "postgres"',
      '  engine_version          = "16.4"',
      '  instance_class          = "db.t4g.medium"',
      '  storage_encrypted       = true',
      '  backup_retention_period = var.backup_days',
      '  deletion_protection     = var.protect',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.tf', main, ['rds-backup-retention', 'rds-deletion-protection']).filter((hint) => hint.endsWith('!')), []);
  });
});
