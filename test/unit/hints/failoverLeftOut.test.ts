/**
 * elasticache-automatic-failover where failover is left out: CreateReplicationGroup, CloudFormation and Terraform
 * all default AutomaticFailoverEnabled to false, so a replication group with replicas and no failover setting
 * promotes none. Silent without replicas, with Multi-AZ on (which needs failover), and where failover is written.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const failover = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('elasticache-automatic-failover!'));

describe('Automatic failover left out of a replication group with replicas', () => {
  it('reports a Terraform resource with two cache clusters or a replica per shard', () => {
    const group = (...lines: string[]): string =>
      sourceLines('resource "aws_elasticache_replication_group" "sessions" {', '  replication_group_id = "sessions"', '  description          = "sessions"', '  node_type            = "cache.t4g.small"', ...lines, '}');
    assert.deepEqual(failover(hintsIn('cache.tf', group('  num_cache_clusters   = 2'))), ['1:"sessions" elasticache-automatic-failover!']);
    assert.deepEqual(failover(hintsIn('cache.tf', group('  replicas_per_node_group = 1'))), ['1:"sessions" elasticache-automatic-failover!']);
    assert.deepEqual(failover(hintsIn('cache.tf', group('  num_cache_clusters   = 1'))), []);
    assert.deepEqual(failover(hintsIn('cache.tf', group('  num_cache_clusters   = 2', '  multi_az_enabled     = true'))), []);
    assert.deepEqual(failover(hintsIn('cache.tf', group('  num_cache_clusters   = 2', '  automatic_failover_enabled = true'))), []);
    assert.deepEqual(failover(hintsIn('cache.tf', group('  num_cache_clusters   = 2', '  automatic_failover_enabled = false'))), ['6:automatic_failover_enabled elasticache-automatic-failover!']);
  });

  it('reports a CloudFormation group and a CreateReplicationGroup request the same way', () => {
    const template = sourceLines(
      'Resources:',
      '  Sessions:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: sessions',
      '      CacheNodeType: cache.t4g.small',
      '      Engine: valkey',
      '      NumCacheClusters: 2',
    );
    assert.equal(failover(hintsIn('template.yaml', template)).length, 1);
    assert.deepEqual(failover(hintsIn('template.yaml', `${template}\n      MultiAZEnabled: true`)), []);
    const code = sourceLines(
      "import { ElastiCacheClient, CreateReplicationGroupCommand } from '@aws-sdk/client-elasticache';",
      'const client = new ElastiCacheClient({});',
      'export async function create(): Promise<void> {',
      '  await client.send(new CreateReplicationGroupCommand({',
      "    ReplicationGroupId: 'sessions',",
      "    ReplicationGroupDescription: 'sessions',",
      "    CacheNodeType: 'cache.t4g.small',",
      '    NumCacheClusters: 3,',
      '  }));',
      '}',
    );
    assert.equal(failover(hintsIn('create.ts', code)).length, 1, hintsIn('create.ts', code).join('\n'));
    assert.deepEqual(failover(hintsIn('create.ts', code.replace('NumCacheClusters: 3', 'NumCacheClusters: 1'))), []);
  });
});
