/**
 * `elasticache-node-type`: a cache's node type, where it is set, gets the scaling facts (the only way up with
 * cluster mode disabled, online change, data tiering node types). CloudFormation, Terraform and the SDK; an RDS
 * instance class and a DAX cluster's node type are not it.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULE = 'elasticache-node-type';

describe('ElastiCache node type', () => {
  it('reads replication groups and cache clusters, not a DAX cluster or a DB instance', () => {
    const code = sourceLines(
      'Resources:',
      '  Sessions:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: sessions',
      '      CacheNodeType: cache.r7g.large',
      '  Counters:',
      '    Type: AWS::ElastiCache::CacheCluster',
      '    Properties:',
      '      Engine: memcached',
      '      CacheNodeType: cache.t4g.micro',
      '      NumCacheNodes: 1',
      '  Accelerator:',
      '    Type: AWS::DAX::Cluster',
      '    Properties:',
      '      NodeType: dax.r5.large',
      '      ReplicationFactor: 3',
      '      IAMRoleARN: arn:aws:iam::123456789012:role/dax',
    );
    assert.deepEqual(hintsOfRules('template.yaml', code, [RULE]), [`11:CacheNodeType ${RULE}`, `6:CacheNodeType ${RULE}`]);
    const terraform = sourceLines(
      'resource "aws_elasticache_replication_group" "sessions" {',
      '  replication_group_id = "sessions"',
      '  description          = "sessions"',
      '  node_type            = "cache.r6gd.xlarge"',
      '  data_tiering_enabled = true',
      '}',
      'resource "aws_dax_cluster" "accelerator" {',
      '  cluster_name       = "accelerator"',
      '  node_type          = "dax.r5.large"',
      '  replication_factor = 3',
      '  iam_role_arn       = "arn:aws:iam::123456789012:role/dax"',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.tf', terraform, [RULE]), [`4:node_type ${RULE}`]);
  });

  it("reads the SDK's CacheNodeType on a replication group change", () => {
    const code = sourceLines(
      'import boto3',
      '',
      'elasticache = boto3.client("elasticache")',
      '',
      'def scale_up(group_id):',
      '    elasticache.modify_replication_group(ReplicationGroupId=group_id, CacheNodeType="cache.r7g.xlarge", ApplyImmediately=True)',
    );
    assert.deepEqual(hintsOfRules('scale.py', code, [RULE]), [`6:CacheNodeType ${RULE}`]);
  });
});
