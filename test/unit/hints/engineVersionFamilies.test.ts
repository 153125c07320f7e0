/**
 * Engine versions past standard support read from a default parameter group's family where the resource writes
 * no version (`parameter_group_name = "default.redis4.0"`): a group of another family cannot be attached, so the
 * cache or database runs that major version. Silent where a version is written, the engine disagrees with the
 * family, the group is a custom one, or the family's version is supported.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULES = ['elasticache-engine-version-extended-support!', 'rds-engine-version-extended-support!'];

function findings(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => RULES.some((rule) => hint.endsWith(rule)));
}

describe('Engine versions from a default parameter group family', () => {
  it('reports Terraform caches and databases whose only version is their default group family', () => {
    const code = sourceLines(
      'resource "aws_elasticache_cluster" "sessions" {',
      '  cluster_id           = "sessions"',
      '  engine               = "redis"',
      '  node_type            = "cache.t3.micro"',
      '  num_cache_nodes      = 1',
      '  parameter_group_name = "default.redis3.2"',
      '}',
      'resource "aws_elasticache_replication_group" "queue" {',
      '  replication_group_id = "queue"',
      '  description          = "queue"',
      '  node_type            = "cache.t3.micro"',
      '  parameter_group_name = "default.redis7.cluster.on"',
      '}',
      'resource "aws_elasticache_replication_group" "pinned" {',
      '  replication_group_id = "pinned"',
      '  description          = "pinned"',
      '  node_type            = "cache.t3.micro"',
      '  engine_version       = "7.1"',
      '  parameter_group_name = "default.redis5.0"',
      '}',
      'resource "aws_db_instance" "app" {',
      '  engine               = "mysql"',
      '  instance_class       = "db.t3.micro"',
      '  parameter_group_name = "default.mysql5.7"',
      '}',
      'resource "aws_db_instance" "other" {',
      '  engine               = "mariadb"',
      '  instance_class       = "db.t3.micro"',
      '  parameter_group_name = "default.mysql5.7"',
      '}',
      'resource "aws_db_instance" "custom" {',
      '  engine               = "mysql"',
      '  instance_class       = "db.t3.micro"',
      '  parameter_group_name = "mysql57-tuned"',
      '}',
    );
    assert.deepEqual(findings('main.tf', code), ['6:"default.redis3.2" elasticache-engine-version-extended-support!', '24:"default.mysql5.7" rds-engine-version-extended-support!']);
  });

  it('reports a CloudFormation replication group of a Redis OSS 5 family', () => {
    const code = sourceLines(
      'Resources:',
      '  Cache:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: cache',
      '      Engine: redis',
      '      CacheNodeType: cache.t3.micro',
      '      CacheParameterGroupName: default.redis5.0.cluster.on',
    );
    assert.deepEqual(findings('template.yaml', code), ['8:default.redis5.0.cluster.on elasticache-engine-version-extended-support!']);
  });
});
