/**
 * Terraform arguments written as a conditional (`local.is_serverless ? null : var.storage_encrypted`): a rule
 * judges them where both outcomes get the same verdict, a `null` branch meaning the resource's own default, or
 * where the module knows the values the test compares.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules, sourceLines } from './support';

/** `line:column ruleId` of every finding. */
function findings(text: string): string[] {
  const result = analyzeText(text, realHintRules(), { kind: documentKind(undefined, 'main.tf')!, fileName: 'main.tf' });
  return result.findings.map((finding) => {
    const position = result.lines.position(finding.start);
    return `${position.line + 1}:${position.character + 1} ${finding.ruleId}`;
  });
}

const variables = [
  'variable "storage_encrypted" {',
  '  type    = bool',
  '  default = false',
  '}',
  '',
  'variable "deletion_protection" {',
  '  type    = bool',
  '  default = false',
  '}',
  '',
  'locals {',
  '  is_serverless = var.engine_mode == "serverless"',
  '  production    = terraform.workspace == "prod"',
  '}',
  '',
];

describe('Terraform conditionals', () => {
  it('reports an argument whose branches are both off, or off and left out where absence is off', () => {
    const code = sourceLines(
      ...variables,
      'resource "aws_db_instance" "orders" {',
      '  engine              = "postgres"',
      '  storage_encrypted   = local.production ? null : var.storage_encrypted',
      '  deletion_protection = local.production ? var.deletion_protection : false',
      '}',
      '',
      'resource "aws_rds_cluster" "reports" {',
      '  engine              = "aurora-postgresql"',
      '  storage_encrypted   = local.is_serverless ? false : var.storage_encrypted',
      '  deletion_protection = local.is_serverless ? null : var.deletion_protection',
      '  skip_final_snapshot = local.production ? true : true',
      '}',
      '',
      'resource "aws_elasticache_replication_group" "sessions" {',
      '  engine                     = "redis"',
      '  at_rest_encryption_enabled = true',
      '  transit_encryption_enabled = local.production ? null : false',
      '  user_group_ids             = [aws_elasticache_user_group.app.id]',
      '}',
    );
    assert.deepEqual(findings(code), [
      '16:28 rds-multi-az', '18:3 rds-storage-encrypted',
      '19:3 rds-deletion-protection',
      '24:3 rds-storage-encrypted',
      '25:3 rds-deletion-protection',
      '26:3 rds-skip-final-snapshot',
      '32:3 elasticache-transit-encryption',
    ]);
  });

  it('stays silent where the branches differ, a null branch means a default with another verdict, or a branch is unknown', () => {
    const code = sourceLines(
      ...variables,
      'resource "aws_db_instance" "orders" {',
      '  engine              = "postgres"',
      '  storage_encrypted   = local.production ? true : var.storage_encrypted',
      '  deletion_protection = local.production ? true : null',
      '  publicly_accessible = local.production ? null : true',
      '  skip_final_snapshot = local.production ? false : true',
      '}',
      '',
      '# Aurora encrypts new clusters by default: left out in serverless mode, off otherwise.',
      'resource "aws_rds_cluster" "reports" {',
      '  engine              = "aurora-postgresql"',
      '  storage_encrypted   = local.is_serverless ? null : var.storage_encrypted',
      '  deletion_protection = local.production ? null : (var.deletion_protection ? true : false)',
      '  skip_final_snapshot = local.production ? false : local.is_serverless ? true : var.skip',
      '}',
      '',
      'resource "aws_elasticache_replication_group" "cache" {',
      '  engine                     = "valkey"',
      '  at_rest_encryption_enabled = local.production ? null : false',
      '  transit_encryption_enabled = true',
      '  user_group_ids             = [aws_elasticache_user_group.app.id]',
      '}',
      '',
      'module "db" {',
      '  source              = "terraform-aws-modules/rds/aws"',
      '  storage_encrypted   = local.production ? null : false',
      '  deletion_protection = local.production ? null : false',
      '}',
    );
    assert.deepEqual(findings(code), ['16:28 rds-multi-az', '39:8 rds-multi-az']);
  });

  it("takes the branch a test of known values picks (a variable's default, a local), and no branch for a test of unknown values", () => {
    const code = sourceLines(
      'variable "environment" {',
      '  type    = string',
      '  default = "sandbox"',
      '}',
      'variable "durable" {',
      '  type    = bool',
      '  default = false',
      '}',
      'locals {',
      '  keep_days = var.durable ? 7 : 0',
      '}',
      'resource "aws_db_instance" "orders" {',
      '  engine                  = "postgres"',
      '  publicly_accessible     = var.environment == "sandbox" ? true : false',
      '  backup_retention_period = local.keep_days',
      '  deletion_protection     = !var.durable ? false : true',
      '  storage_encrypted       = ("sandbox" != var.environment) ? true : false',
      '  multi_az                = terraform.workspace == "prod" ? true : false',
      '  skip_final_snapshot     = var.environment == 1 ? false : true',
      '  copy_tags_to_snapshot   = var.durable && var.environment == "sandbox" ? false : true',
      '}',
    );
    assert.deepEqual(findings(code), ['14:3 rds-publicly-accessible', '15:3 rds-backup-retention', '16:3 rds-deletion-protection', '17:3 rds-storage-encrypted']);
  });
});
