/**
 * Terraform module blocks whose source is a module folder of the workspace: an input that one of the
 * folder's database resources takes (whole, or as `condition ? var.x : null`) is read as that argument.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';
import { contributionOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const CACHE_MODULE = lines(
  'resource "aws_elasticache_replication_group" "this" {',
  '  replication_group_id       = var.name',
  '  description                = "sessions"',
  '  at_rest_encryption_enabled = var.at_rest_encryption_enabled',
  '  transit_encryption_enabled = var.global_datastore == null ? var.transit_encryption : null',
  '  auth_token                 = var.auth_token != "" ? var.auth_token : null',
  '  snapshot_retention_limit   = var.retention',
  '  final_snapshot_identifier  = var.retention',
  '}',
  'resource "aws_s3_bucket" "exports" {',
  '  bucket = var.exports_bucket',
  '}',
);

const CALLER = lines(
  'module "sessions" {',
  '  source                     = "../../modules/cache"',
  '  name                       = "sessions"',
  '  at_rest_encryption_enabled = true',
  '  transit_encryption         = false',
  '  auth_token                 = "a-literal-token-1234"',
  '  retention                  = 7',
  '  exports_bucket             = "exports"',
  '}',
);

function model(files: Record<string, string>): WorkspaceModel {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([file, text]) => built.update(file, indexFile(file, 'terraform', text))));
  return built;
}

function hints(text: string, workspace?: { model: WorkspaceModel; file: string }): string[] {
  const result = analyzeText(text, realHintRules(), { kind: 'terraform', fileName: workspace?.file, workspace: workspace?.model });
  const at = (offset: number): number => result.lines.lineOf(offset) + 1;
  return [
    ...result.sites.flatMap((site) => site.ruleIds.map((id) => `${at(site.start)} ${id}`)),
    ...result.findings.map((finding) => `${at(finding.start)} ${finding.ruleId}!`),
  ].sort();
}

describe('Terraform local module folders', () => {
  it('indexes the inputs a database resource takes whole or through a null fallback, and drops one two arguments take', () => {
    assert.deepEqual(contributionOf('modules/cache/main.tf', CACHE_MODULE)?.moduleInputs, {
      name: { resource: 'aws_elasticache_replication_group', argument: 'replication_group_id' },
      at_rest_encryption_enabled: { resource: 'aws_elasticache_replication_group', argument: 'at_rest_encryption_enabled' },
      transit_encryption: { resource: 'aws_elasticache_replication_group', argument: 'transit_encryption_enabled' },
      auth_token: { resource: 'aws_elasticache_replication_group', argument: 'auth_token' },
      retention: null,
    });
  });

  it("reads a caller's inputs as the arguments they reach, with their hovers and findings", () => {
    const workspace = model({ 'modules/cache/main.tf': CACHE_MODULE, 'envs/prod/cache.tf': CALLER });
    assert.deepEqual(hints(CALLER, { model: workspace, file: 'envs/prod/cache.tf' }), [
      '4 elasticache-at-rest-encryption',
      '5 elasticache-transit-encryption',
      '5 elasticache-transit-encryption!',
      '6 elasticache-auth-token',
      '6 elasticache-auth-token!',
    ]);
    assert.deepEqual(hints(CALLER), [], 'alone, the module is unknown');
  });

  it('counts no absent input against a rule, and reads nothing for a source outside the workspace', () => {
    const bare = lines('module "sessions" {', '  source = "../../modules/cache"', '  name   = "sessions"', '}');
    const workspace = model({ 'modules/cache/main.tf': CACHE_MODULE, 'envs/prod/cache.tf': bare });
    assert.deepEqual(hints(bare, { model: workspace, file: 'envs/prod/cache.tf' }), []);
    const remote = CALLER.replace('../../modules/cache', 'git::https://example.com/modules.git//cache');
    const elsewhere = model({ 'modules/cache/main.tf': CACHE_MODULE, 'envs/prod/cache.tf': remote });
    assert.deepEqual(hints(remote, { model: elsewhere, file: 'envs/prod/cache.tf' }), []);
  });
});
