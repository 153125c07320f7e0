/**
 * A module block whose caller passes a module folder's AUTH token input as null (written, or a variable of the
 * caller's whose default is null) leaves the folder's replication group without a token: where the group writes no
 * user group either, the caller's block has no access control, and is reported there.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';

const group = (extra = ''): string =>
  [
    'variable "token" {',
    '  default = null',
    '}',
    'variable "groups" {',
    '  default = null',
    '}',
    'resource "aws_elasticache_replication_group" "cache" {',
    '  replication_group_id       = "sessions"',
    '  description                = "sessions"',
    '  node_type                  = "cache.t4g.small"',
    '  at_rest_encryption_enabled = true',
    '  transit_encryption_enabled = true',
    '  auth_token                 = var.token',
    extra,
    '}',
  ].join('\n');

const caller = (inputs: string, before = ''): string => `${before}module "cache" {\n  source = "../modules/cache"\n${inputs}\n}\n`;

const findings = (files: Record<string, string>, file: string): string[] => hintsOfFile(files, file).filter((hint) => hint.endsWith('!'));

describe("a module folder's token input that a caller passes as null", () => {
  it('reports the caller whose token is null, written or through its own variable', () => {
    assert.deepEqual(findings({ 'modules/cache/main.tf': group(), 'dev/main.tf': caller('  token = null') }, 'dev/main.tf'), ['1:"cache" elasticache-access-control!']);
    const variable = 'variable "cache_token" {\n  type    = string\n  default = null\n}\n';
    assert.deepEqual(findings({ 'modules/cache/main.tf': group(), 'prod/main.tf': caller('  token = var.cache_token', variable) }, 'prod/main.tf'), ['5:"cache" elasticache-access-control!']);
  });

  it('keeps a caller whose token may be set, and one that leaves the input to the folder', () => {
    assert.deepEqual(findings({ 'modules/cache/main.tf': group(), 'dev/main.tf': caller('  token = random_password.cache.result') }, 'dev/main.tf'), []);
    assert.deepEqual(findings({ 'modules/cache/main.tf': group(), 'dev/main.tf': caller('  name = "x"') }, 'dev/main.tf'), []);
  });

  it('keeps a group whose folder writes a user group the caller leaves to the folder', () => {
    const files = { 'modules/cache/main.tf': group('  user_group_ids             = var.groups'), 'dev/main.tf': caller('  token = null') };
    assert.deepEqual(findings(files, 'dev/main.tf'), []);
    assert.deepEqual(findings({ ...files, 'dev/main.tf': caller('  token  = null\n  groups = null') }, 'dev/main.tf'), ['1:"cache" elasticache-access-control!']);
  });

  it('counts an argument left out only where every group of the folder leaves it out', () => {
    const other = (extra: string): string =>
      ['resource "aws_elasticache_replication_group" "alt" {', '  count                = 0', '  replication_group_id = "alt"', '  description          = "alt"', '  auth_token           = var.token', extra, '}'].join('\n');
    const dev = caller('  token = null');
    assert.deepEqual(findings({ 'modules/cache/main.tf': `${group()}\n${other('')}`, 'dev/main.tf': dev }, 'dev/main.tf'), ['1:"cache" elasticache-access-control!']);
    assert.deepEqual(findings({ 'modules/cache/main.tf': `${group()}\n${other('  user_group_ids       = ["app"]')}`, 'dev/main.tf': dev }, 'dev/main.tf'), []);
  });

  it('reads nothing from a file alone', () => {
    assert.deepEqual(hintsOfFile({ 'dev/main.tf': caller('  token = null') }, 'dev/main.tf', null).filter((hint) => hint.endsWith('!')), []);
  });
});
