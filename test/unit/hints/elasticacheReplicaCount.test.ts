/**
 * `elasticache-replica-count`: a replication group's `NumCacheClusters` (the primary and its replicas) gets the
 * replication facts. CloudFormation, Terraform and the SDK; a Memcached cluster's `NumCacheNodes` is not it.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULE = 'elasticache-replica-count';

describe('ElastiCache replication group nodes', () => {
  it('reads a replication group in CloudFormation and Terraform, not a cache cluster', () => {
    const template = sourceLines(
      'Resources:',
      '  Sessions:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: sessions',
      '      NumCacheClusters: 1',
      '  Counters:',
      '    Type: AWS::ElastiCache::CacheCluster',
      '    Properties:',
      '      Engine: memcached',
      '      CacheNodeType: cache.t4g.micro',
      '      NumCacheNodes: 2',
    );
    assert.deepEqual(hintsOfRules('template.yaml', template, [RULE]), [`6:NumCacheClusters ${RULE}`]);
    const terraform = sourceLines(
      'resource "aws_elasticache_replication_group" "sessions" {',
      '  replication_group_id = "sessions"',
      '  description          = "sessions"',
      '  num_cache_clusters   = 3',
      '}',
      'resource "aws_elasticache_cluster" "counters" {',
      '  cluster_id      = "counters"',
      '  engine          = "memcached"',
      '  num_cache_nodes = 2',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.tf', terraform, [RULE]), [`4:num_cache_clusters ${RULE}`]);
  });

  it("reads the SDK's CreateReplicationGroup", () => {
    const code = sourceLines(
      'import boto3',
      '',
      'elasticache = boto3.client("elasticache")',
      '',
      'def create(name):',
      '    elasticache.create_replication_group(ReplicationGroupId=name, ReplicationGroupDescription=name, NumCacheClusters=2)',
    );
    assert.deepEqual(hintsOfRules('create.py', code, [RULE]), [`6:NumCacheClusters ${RULE}`]);
  });
});
