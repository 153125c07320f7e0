/**
 * A module from a source the engine cannot read that makes a Redis replication group: a `cache.*` node type (as
 * `node_type` or cloudposse's `instance_type`) and an `engine` input that names Redis or Valkey. Its inputs named as
 * the group's arguments are read as written.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const block = (label: string, ...inputs: string[]): string =>
  sourceLines(`module "${label}" {`, '  source = "git@github.com:example/terraform-elasticache.git?ref=1.0.3"', ...inputs, '}');

describe('an unread module that makes a Redis replication group', () => {
  it("reads the inputs named as the group's arguments, the node type also as instance_type", () => {
    const hints = hintsIn('main.tf', block('sessions', '  engine         = "redis"', '  instance_type  = "cache.t3.micro"', '  engine_version = "4.0.10"', '  transit_encryption_enabled = false'));
    assert.ok(hints.includes('4:instance_type elasticache-node-type'), hints.join('\n'));
    assert.ok(hints.some((hint) => hint.startsWith('5:') && hint.endsWith('elasticache-engine-version-extended-support!')), hints.join('\n'));
    assert.ok(hints.some((hint) => hint.startsWith('6:') && hint.endsWith('elasticache-transit-encryption!')), hints.join('\n'));
    const valkey = hintsIn('main.tf', block('cache', '  engine    = "valkey"', '  node_type = "cache.r7g.large"'));
    assert.ok(valkey.includes('4:node_type elasticache-node-type'), valkey.join('\n'));
  });

  it('reads nothing without a cache node type, without an engine input, or for another engine', () => {
    assert.deepEqual(hintsIn('main.tf', block('sessions', '  engine         = "redis"', '  instance_type  = var.node_type', '  engine_version = "4.0.10"')), []);
    assert.deepEqual(hintsIn('main.tf', block('sessions_redis', '  instance_type  = "cache.t3.micro"', '  engine_version = "4.0.10"')), []);
    assert.deepEqual(hintsIn('main.tf', block('cache', '  engine    = "memcached"', '  node_type = "cache.t3.micro"', '  engine_version = "1.6.17"')), []);
  });
});
