/**
 * redis-py-cluster (`rediscluster`): its `StrictRedisCluster` (1.x) and `RedisCluster` (2.x) extend redis-py's
 * client and hand their options to redis-py's connections, so the file's commands, options and Lambda handlers are
 * read as redis-py's. A class of the same name from elsewhere, or a module that only shares the prefix, is not.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('redis-py-cluster clients', () => {
  it('reads a StrictRedisCluster a Lambda handler makes, its commands and its literal password without TLS', () => {
    const code = sourceLines(
      'from rediscluster import StrictRedisCluster',
      '',
      'NODES = [{"host": "sessions.abc123.clustercfg.use1.cache.amazonaws.com", "port": "6379"}]',
      '',
      'def handler(event, context):',
      '    cache = StrictRedisCluster(startup_nodes=NODES, password="Cl0ud-Cache!", decode_responses=True)',
      '    cache.set(event["id"], event["body"])',
      '    for key in cache.keys("session:*"):',
      '        cache.delete(key)',
      '    return cache.get(event["id"])',
    );
    const findings = hintsIn('sessions/handler.py', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, [
      '6:StrictRedisCluster lambda-client-per-invocation!',
      '6:password redis-auth-without-tls!',
      '6:"Cl0ud-Cache!" redis-password!',
      '8:keys redis-keys!',
      '9:delete redis-loop-round-trips!',
    ]);
    assert.ok(hintsIn('sessions/handler.py', code).includes('7:set redis-expire'));
  });

  it('reads rediscluster.RedisCluster through the module, not a class of another module named alike', () => {
    const code = sourceLines(
      'import rediscluster',
      'from clusterkit import StrictRedisCluster',
      'from redisclusterkit import RedisCluster',
      '',
      'shared = rediscluster.RedisCluster(startup_nodes=[{"host": "orders.abc123.clustercfg.use1.cache.amazonaws.com", "port": "6379"}])',
      'fake = StrictRedisCluster(nodes=[])',
      'other = RedisCluster(nodes=[])',
      '',
      'def handler(event, context):',
      '    shared.set("last", event["id"], ex=60)',
      '    fake.set("last", event["id"])',
      '    other.set("last", event["id"])',
    );
    const hints = hintsIn('orders/handler.py', code);
    assert.ok(hints.includes('10:set redis-expire'));
    assert.deepEqual(hints.filter((hint) => hint.startsWith('11:') || hint.startsWith('12:') || hint.startsWith('6:') || hint.startsWith('7:')), []);
    assert.deepEqual(hints.filter((hint) => hint.endsWith('!')), []);
  });
});
