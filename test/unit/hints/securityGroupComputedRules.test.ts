/**
 * The terraform-aws-modules security-group module's computed rules (audit57d): `computed_ingress_with_cidr_blocks`,
 * `computed_ingress_with_ipv6_cidr_blocks` and `computed_ingress_rules` make as many rules as their
 * `number_of_computed_*` input says, from the first elements of the list, and none when it is left out.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

/** Findings only, as `line:text rule`. */
function findings(code: string): string[] {
  return hintsIn('main.tf', code)
    .filter((hint) => hint.endsWith('!'))
    .map((hint) => hint.slice(0, -1));
}

const cache = (group: string): string[] => [
  'resource "aws_elasticache_replication_group" "sessions" {',
  '  replication_group_id       = "sessions"',
  '  description                = "sessions"',
  '  node_type                  = "cache.t4g.small"',
  '  num_cache_clusters         = 2',
  '  automatic_failover_enabled = true',
  '  multi_az_enabled           = true',
  '  transit_encryption_enabled = true',
  '  at_rest_encryption_enabled = true',
  '  auth_token                 = var.token',
  '  snapshot_retention_limit   = 7',
  `  security_group_ids         = [${group}]`,
  '}',
];

describe('the security-group module: computed ingress rules (audit57d)', () => {
  it('reads the rules its number_of_computed_* input makes, the first ones of the list', () => {
    const code = sourceLines(
      'module "cache_sg" {',
      '  source = "terraform-aws-modules/security-group/aws"',
      '  name   = "cache"',
      '  computed_ingress_with_cidr_blocks = [',
      '    { rule = "redis-tcp", cidr_blocks = "0.0.0.0/0" },',
      '    { from_port = 6379, to_port = 6379, protocol = "tcp", cidr_blocks = "0.0.0.0/0" },',
      '  ]',
      '  number_of_computed_ingress_with_cidr_blocks = 1',
      '  computed_ingress_with_ipv6_cidr_blocks = [{ rule = "redis-tcp", ipv6_cidr_blocks = "::/0" }]',
      '  number_of_computed_ingress_with_ipv6_cidr_blocks = 1',
      '}',
      ...cache('module.cache_sg.security_group_id'),
    );
    assert.deepEqual(findings(code), ['5:"0.0.0.0/0" elasticache-open-ingress', '9:"::/0" elasticache-open-ingress']);
  });

  it('reads computed rule names on the ingress CIDR blocks', () => {
    const code = sourceLines(
      'module "cache_sg" {',
      '  source                           = "terraform-aws-modules/security-group/aws"',
      '  name                             = "cache"',
      '  ingress_cidr_blocks              = ["0.0.0.0/0"]',
      '  computed_ingress_rules           = ["redis-tcp"]',
      '  number_of_computed_ingress_rules = 1',
      '}',
      ...cache('module.cache_sg.security_group_id'),
    );
    assert.deepEqual(findings(code), ['4:"0.0.0.0/0" elasticache-open-ingress']);
  });

  it('says nothing where the number is left out, zero, or not a literal', () => {
    for (const count of ['', '  number_of_computed_ingress_with_cidr_blocks = 0', '  number_of_computed_ingress_with_cidr_blocks = length(var.cidrs)']) {
      const code = sourceLines(
        'module "cache_sg" {',
        '  source = "terraform-aws-modules/security-group/aws"',
        '  name   = "cache"',
        '  computed_ingress_with_cidr_blocks = [{ rule = "redis-tcp", cidr_blocks = "0.0.0.0/0" }]',
        count,
        '}',
        ...cache('module.cache_sg.security_group_id'),
      );
      assert.deepEqual(findings(code), [], count);
    }
  });
});
