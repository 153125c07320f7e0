/**
 * `elasticache-standalone-redis-tls`: a Redis OSS cache made as a cache cluster on its own has no TLS (on a
 * cache cluster `TransitEncryptionEnabled` is for Memcached 1.6.12+), in Terraform, CloudFormation, CDK and
 * the SDKs; a Memcached cluster, a member of a replication group and an engine not written as a literal stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'elasticache-standalone-redis-tls';

function findings(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.includes(`${RULE}!`));
}

describe('standalone Redis OSS cache clusters', () => {
  it('reports a Terraform aws_elasticache_cluster with engine redis, and not Memcached, a replica member or a variable', () => {
    const code = sourceLines(
      'resource "aws_elasticache_cluster" "sessions" {',
      '  cluster_id      = "sessions"',
      '  engine          = "redis"',
      '  node_type       = "cache.t4g.micro"',
      '  num_cache_nodes = 1',
      '}',
      'resource "aws_elasticache_cluster" "pages" {',
      '  cluster_id = "pages"',
      '  engine     = "memcached"',
      '}',
      'resource "aws_elasticache_cluster" "reader" {',
      '  cluster_id           = "reader"',
      '  engine               = "redis"',
      '  replication_group_id = aws_elasticache_replication_group.main.id',
      '}',
      'resource "aws_elasticache_cluster" "chosen" {',
      '  cluster_id = "chosen"',
      '  engine     = var.engine',
      '}',
    );
    assert.deepEqual(findings('cache.tf', code), ['3:engine elasticache-standalone-redis-tls!']);
    assert.deepEqual(
      hintsIn('cache.tf', code).filter((hint) => hint.includes(RULE)),
      ['3:engine elasticache-standalone-redis-tls', '3:engine elasticache-standalone-redis-tls!'],
      'the hover only where it fires',
    );
  });

  it('leaves TransitEncryptionEnabled off on a Redis OSS cache cluster to this rule, and judges it on a Memcached one', () => {
    const code = sourceLines(
      'resource "aws_elasticache_cluster" "sessions" {',
      '  engine                     = "redis"',
      '  transit_encryption_enabled = false',
      '}',
      'resource "aws_elasticache_cluster" "pages" {',
      '  engine                     = "memcached"',
      '  transit_encryption_enabled = false',
      '}',
    );
    assert.deepEqual(
      hintsIn('cache.tf', code).filter((hint) => hint.endsWith('!')),
      ['2:engine elasticache-standalone-redis-tls!', '7:transit_encryption_enabled elasticache-transit-encryption!'],
    );
  });

  it('reports a CloudFormation cache cluster, a CDK CfnCacheCluster and a boto3 create_cache_cluster', () => {
    const template = sourceLines('Resources:', '  Cache:', '    Type: AWS::ElastiCache::CacheCluster', '    Properties:', '      Engine: redis', '      NumCacheNodes: 1');
    assert.deepEqual(findings('template.yaml', template), ['5:Engine elasticache-standalone-redis-tls!']);
    const cdk = sourceLines(
      "import { aws_elasticache as elasticache, Stack } from 'aws-cdk-lib';",
      'export class CacheStack extends Stack {',
      '  constructor(scope, id) {',
      '    super(scope, id);',
      "    new elasticache.CfnCacheCluster(this, 'Cache', { engine: 'redis', cacheNodeType: 'cache.t3.micro', numCacheNodes: 1 });",
      '  }',
      '}',
    );
    assert.deepEqual(findings('stack.ts', cdk), ["5:engine elasticache-standalone-redis-tls!"]);
    const python = sourceLines('import boto3', 'boto3.client("elasticache").create_cache_cluster(CacheClusterId="c", Engine="redis", NumCacheNodes=1)');
    assert.deepEqual(findings('provision.py', python), ['2:Engine elasticache-standalone-redis-tls!']);
  });
});
