/**
 * A Terraform variable named like a secret lends its default to the module's other files when that default is
 * no secret: `null` (the argument is then left out: `auth_token = var.redis_auth_token` sets no token) or a
 * boolean (`no_password_required = var.user_no_password`). A string default stays where it is written.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';

const GROUP = [
  'resource "aws_elasticache_replication_group" "cache" {',
  '  replication_group_id       = "sessions"',
  '  description                = "sessions"',
  '  node_type                  = "cache.t4g.small"',
  '  at_rest_encryption_enabled = true',
  '  transit_encryption_enabled = true',
  '  auth_token                 = var.redis_auth_token',
  '}',
].join('\n');

const USER = [
  'resource "aws_elasticache_user" "app" {',
  '  user_id              = "app"',
  '  user_name            = "app"',
  '  access_string        = "on ~app:* +@read"',
  '  engine               = "REDIS"',
  '  no_password_required = var.user_no_password',
  '}',
].join('\n');

const variable = (name: string, type: string, fallback: string): string => `variable "${name}" {\n  type    = ${type}\n  default = ${fallback}\n}\n`;

const findings = (files: Record<string, string>, file: string): string[] => hintsOfFile(files, file).filter((hint) => hint.endsWith('!'));

describe('a secret-named Terraform variable whose default is no secret', () => {
  it('leaves an AUTH token out when its default is null, so the group has no access control', () => {
    assert.deepEqual(findings({ 'main.tf': GROUP, 'variables.tf': variable('redis_auth_token', 'string', 'null') }, 'main.tf'), ['1:"cache" elasticache-access-control!']);
    assert.deepEqual(findings({ 'main.tf': GROUP.replace('var.redis_auth_token', 'null') }, 'main.tf'), ['1:"cache" elasticache-access-control!']);
  });

  it('keeps a token that may be set: a string default (reported as a literal) or no default', () => {
    assert.deepEqual(findings({ 'main.tf': GROUP, 'variables.tf': variable('redis_auth_token', 'string', '"0123456789abcdef"') }, 'main.tf'), ['7:var.redis_auth_token elasticache-auth-token!']);
    assert.deepEqual(findings({ 'main.tf': GROUP, 'variables.tf': 'variable "redis_auth_token" {\n  type = string\n}\n' }, 'main.tf'), []);
  });

  it('lends a boolean default: a user that needs no password', () => {
    assert.deepEqual(findings({ 'user.tf': USER, 'variables.tf': variable('user_no_password', 'bool', 'true') }, 'user.tf'), ['6:no_password_required elasticache-create-user!']);
    assert.deepEqual(findings({ 'user.tf': USER, 'variables.tf': variable('user_no_password', 'bool', 'false') }, 'user.tf'), []);
  });
});
