/**
 * `elasticache-replica-count`: a replication group's `NumCacheClusters` (the primary and its replicas) gets the
 * replication facts, and a cache cluster's `NumCacheNodes` what its count means (one node for Valkey or Redis OSS,
 * Memcached's nodes without replication). CloudFormation, Terraform and the SDK.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULE = 'elasticache-replica-count';

describe('ElastiCache replication group nodes', () => {
  it('reads a replication group and a cache cluster in CloudFormation and Terraform', () => {
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
    assert.deepEqual(hintsOfRules('template.yaml', template, [RULE]), [`12:NumCacheNodes ${RULE}`, `6:NumCacheClusters ${RULE}`]);
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
    assert.deepEqual(hintsOfRules('main.tf', terraform, [RULE]), [`4:num_cache_clusters ${RULE}`, `9:num_cache_nodes ${RULE}`]);
  });

  it("reads the SDK's CreateReplicationGroup and CreateCacheCluster", () => {
    const code = sourceLines(
      'import boto3',
      '',
      'elasticache = boto3.client("elasticache")',
      '',
      'def create(name):',
      '    elasticache.create_replication_group(ReplicationGroupId=name, ReplicationGroupDescription=name, NumCacheClusters=2)',
      '    elasticache.create_cache_cluster(CacheClusterId=name, Engine="redis", NumCacheNodes=1)',
    );
    assert.deepEqual(hintsOfRules('create.py', code, [RULE]), [`6:NumCacheClusters ${RULE}`, `7:NumCacheNodes ${RULE}`]);
  });
});
