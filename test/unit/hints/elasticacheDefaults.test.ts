/**
 * ElastiCache settings whose default depends on the engine: encryption at rest is on unless turned off
 * for Valkey and off unless turned on for Redis OSS (CreateReplicationGroup, AtRestEncryptionEnabled).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const atRestFindings = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('elasticache-at-rest-encryption!'));

describe('ElastiCache defaults by engine', () => {
  it('leaves a Valkey replication group without AtRestEncryptionEnabled alone, and reports a Redis OSS one', () => {
    const terraform = (engine: string): string =>
      sourceLines('resource "aws_elasticache_replication_group" "queue" {', '  replication_group_id = "jobs"', '  description          = "jobs"', `  engine               = "${engine}"`, '  num_cache_clusters   = 2', '}');
    assert.deepEqual(atRestFindings('main.tf', terraform('valkey')), []);
    assert.equal(atRestFindings('main.tf', terraform('redis')).length, 1);
    const template = (engine: string): string =>
      sourceLines('Resources:', '  Queue:', '    Type: AWS::ElastiCache::ReplicationGroup', '    Properties:', '      ReplicationGroupDescription: jobs', `      Engine: ${engine}`, '      NumCacheClusters: 2');
    assert.deepEqual(atRestFindings('template.yaml', template('valkey')), []);
    assert.equal(atRestFindings('template.yaml', template('redis')).length, 1);
  });
});
