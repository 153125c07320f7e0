/**
 * A replication group whose in-transit encryption is on in `preferred` mode still accepts clients that connect
 * without TLS (the first step of moving a running group to TLS): `TransitEncryptionMode` gets the transit
 * encryption hover in every format, and `preferred` beside an enabled setting gets that rule's finding.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULE = ['elasticache-transit-encryption'];

describe('ElastiCache transit encryption mode', () => {
  it('reports a Terraform group left in preferred mode, and not one in required mode', () => {
    const main = sourceLines(
      'resource "aws_elasticache_replication_group" "sessions" {',
      '  replication_group_id       = "sessions"',
      '  description                = "sessions"',
      '  transit_encryption_enabled = true',
      '  transit_encryption_mode    = "preferred"',
      '}',
      'resource "aws_elasticache_replication_group" "counters" {',
      '  replication_group_id       = "counters"',
      '  description                = "counters"',
      '  transit_encryption_enabled = true',
      '  transit_encryption_mode    = "required"',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.tf', main, RULE), [
      '10:transit_encryption_enabled elasticache-transit-encryption',
      '11:transit_encryption_mode elasticache-transit-encryption',
      '4:transit_encryption_enabled elasticache-transit-encryption',
      '5:transit_encryption_mode elasticache-transit-encryption',
      '5:transit_encryption_mode elasticache-transit-encryption!',
    ]);
  });

  it('reads the mode from a CloudFormation parameter default, and leaves it to the switch when that is off', () => {
    const template = sourceLines(
      'Parameters:',
      '  Mode:',
      '    Type: String',
      '    Default: preferred',
      'Resources:',
      '  Queue:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: queue',
      '      TransitEncryptionEnabled: true',
      '      TransitEncryptionMode: !Ref Mode',
      '  Locks:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: locks',
      '      TransitEncryptionEnabled: false',
      '      TransitEncryptionMode: preferred',
    );
    assert.deepEqual(hintsOfRules('template.yaml', template, RULE), [
      '10:TransitEncryptionEnabled elasticache-transit-encryption',
      '11:TransitEncryptionMode elasticache-transit-encryption',
      '11:TransitEncryptionMode elasticache-transit-encryption!',
      '16:TransitEncryptionEnabled elasticache-transit-encryption',
      '16:TransitEncryptionEnabled elasticache-transit-encryption!',
      '17:TransitEncryptionMode elasticache-transit-encryption',
    ]);
  });

  it('reports preferred mode on CDK L1 props in TypeScript and Python, not where the switch is unknown', () => {
    const typescript = sourceLines(
      "import { CfnReplicationGroup } from 'aws-cdk-lib/aws-elasticache';",
      'export function feedCache(scope: any, encrypted: boolean) {',
      "  new CfnReplicationGroup(scope, 'Feed', {",
      "    replicationGroupDescription: 'feed',",
      '    transitEncryptionEnabled: true,',
      "    transitEncryptionMode: 'preferred',",
      '  });',
      "  new CfnReplicationGroup(scope, 'Other', {",
      "    replicationGroupDescription: 'other',",
      '    transitEncryptionEnabled: encrypted,',
      "    transitEncryptionMode: 'preferred',",
      '  });',
      '}',
    );
    assert.deepEqual(hintsOfRules('cache.ts', typescript, RULE), [
      '10:transitEncryptionEnabled elasticache-transit-encryption',
      '11:transitEncryptionMode elasticache-transit-encryption',
      '5:transitEncryptionEnabled elasticache-transit-encryption',
      '6:transitEncryptionMode elasticache-transit-encryption',
      '6:transitEncryptionMode elasticache-transit-encryption!',
    ]);
    const python = sourceLines(
      'from aws_cdk import aws_elasticache as elasticache',
      'def feed_cache(scope):',
      '    elasticache.CfnReplicationGroup(scope, "Feed",',
      '        replication_group_description="feed",',
      '        transit_encryption_enabled=True,',
      '        transit_encryption_mode="preferred",',
      '    )',
    );
    assert.deepEqual(hintsOfRules('cache.py', python, RULE), [
      '5:transit_encryption_enabled elasticache-transit-encryption',
      '6:transit_encryption_mode elasticache-transit-encryption',
      '6:transit_encryption_mode elasticache-transit-encryption!',
    ]);
  });

  it('reports a ModifyReplicationGroup request that moves a group to preferred mode only', () => {
    const code = sourceLines(
      'import boto3',
      'client = boto3.client("elasticache")',
      'def start_tls_migration(group_id):',
      '    client.modify_replication_group(ReplicationGroupId=group_id, TransitEncryptionEnabled=True, TransitEncryptionMode="preferred")',
      'def finish_tls_migration(group_id):',
      '    client.modify_replication_group(ReplicationGroupId=group_id, TransitEncryptionMode="required")',
    );
    assert.deepEqual(hintsOfRules('migrate.py', code, RULE), [
      '4:TransitEncryptionEnabled elasticache-transit-encryption',
      '4:TransitEncryptionMode elasticache-transit-encryption',
      '4:TransitEncryptionMode elasticache-transit-encryption!',
      '6:TransitEncryptionMode elasticache-transit-encryption',
    ]);
  });
});
