/**
 * Terraform module folders that pass an input on as the CIDR blocks a registry module's own security group admits
 * (`allowed_cidr_blocks = var.client_cidrs` in a wrapper of cloudposse's rds or elasticache-redis): the caller's blocks
 * are read on the group's port, which the folder fixes or takes from another input it passes on.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';
import { moduleInputsOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** `line rule` of every finding of `file`, judged with the other files as its workspace. */
function findings(files: Record<string, string>, file: string): string[] {
  const model = new WorkspaceModel();
  model.batch(() => Object.entries(files).forEach(([name, text]) => model.update(name, indexFile(name, 'terraform', text))));
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace: model });
  return result.findings.map((finding) => `${result.lines.lineOf(finding.start) + 1} ${finding.ruleId}`).sort();
}

const DATABASE = lines(
  'module "instance" {',
  '  source              = "cloudposse/rds/aws"',
  '  version             = "1.1.2"',
  '  engine              = "postgres"',
  '  storage_encrypted   = true',
  '  backup_retention_period = 7',
  '  skip_final_snapshot = false',
  '  database_port       = var.port',
  '  allowed_cidr_blocks = var.client_cidrs',
  '}',
);

const CACHE = lines(
  'module "cache" {',
  '  source                     = "cloudposse/elasticache-redis/aws"',
  '  version                    = "1.7.0"',
  '  at_rest_encryption_enabled = true',
  '  auth_token                 = var.token',
  '  allowed_cidr_blocks        = var.networks',
  '}',
);

describe('Terraform module folders: CIDR blocks a wrapped registry module admits', () => {
  it("notes the port the group admits the input on: the folder's input for it, or the module's own port", () => {
    assert.deepEqual(moduleInputsOf('modules/db/main.tf', DATABASE)?.client_cidrs, {
      resource: 'aws_db_instance',
      argument: 'allowed_cidr_blocks',
      admittedOn: { portInput: 'port' },
    });
    assert.deepEqual(moduleInputsOf('modules/cache/main.tf', CACHE)?.networks, {
      resource: 'aws_elasticache_replication_group',
      argument: 'allowed_cidr_blocks',
      admittedOn: { port: 6379 },
    });
  });

  it("reports a caller's open CIDR block on the database or cache port, and not a private range", () => {
    const caller = lines(
      'module "orders" {',
      '  source       = "../modules/db"',
      '  port         = 5432',
      '  client_cidrs = ["0.0.0.0/0"]',
      '}',
      'module "sessions" {',
      '  source   = "../modules/cache"',
      '  token    = var.token',
      '  networks = ["10.0.0.0/16", "0.0.0.0/0"]',
      '}',
      'module "private" {',
      '  source       = "../modules/db"',
      '  port         = 5432',
      '  client_cidrs = ["10.0.0.0/16"]',
      '}',
    );
    const files = { 'modules/db/main.tf': DATABASE, 'modules/cache/main.tf': CACHE, 'live/main.tf': caller };
    assert.deepEqual(findings(files, 'live/main.tf'), ['4 rds-open-ingress', '9 elasticache-open-ingress']);
  });

  it('says nothing where the port is unknown or the folder may not make the group', () => {
    const noPort = lines('module "orders" {', '  source       = "../modules/db"', '  client_cidrs = ["0.0.0.0/0"]', '}');
    assert.deepEqual(findings({ 'modules/db/main.tf': DATABASE, 'live/main.tf': noPort }, 'live/main.tf'), []);
    const reused = CACHE.replace('  auth_token', '  use_existing_security_groups = var.reuse\n  auth_token');
    const caller = lines('module "sessions" {', '  source   = "../modules/cache"', '  reuse    = false', '  networks = ["0.0.0.0/0"]', '}');
    assert.deepEqual(moduleInputsOf('modules/cache/main.tf', reused)?.networks, { resource: 'aws_elasticache_replication_group', argument: 'allowed_cidr_blocks' });
    assert.deepEqual(findings({ 'modules/cache/main.tf': reused, 'live/main.tf': caller }, 'live/main.tf'), []);
  });
});

describe('Terraform module folders: CIDR blocks passed through two folders', () => {
  const SERVICE = lines('module "db" {', '  source       = "../db"', '  port         = var.db_port', '  client_cidrs = var.db_cidrs', '}', 'module "cache" {', '  source   = "../cache"', '  networks = var.cache_cidrs', '}');

  it("reads the caller's blocks on a port the innermost folder fixes, not on one an inner folder's input names (the caller's `port` is another input)", () => {
    const caller = lines(
      'module "svc" {',
      '  source      = "../modules/service"',
      '  db_port     = 5432',
      '  port        = 5432',
      '  db_cidrs    = ["0.0.0.0/0"]',
      '  cache_cidrs = ["0.0.0.0/0"]',
      '}',
    );
    const files = { 'modules/db/main.tf': DATABASE, 'modules/cache/main.tf': CACHE, 'modules/service/main.tf': SERVICE, 'live/main.tf': caller };
    assert.deepEqual(findings(files, 'live/main.tf'), ['6 elasticache-open-ingress']);
  });
});
