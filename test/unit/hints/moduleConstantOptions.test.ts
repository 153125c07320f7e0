/**
 * Request options given as a module-level name bound once to a string or boolean literal, as administration
 * scripts write their settings: the option holds that literal (an ElastiCache engine version past standard
 * support, transit encryption off, a literal AUTH token, RDS storage unencrypted). A name bound twice, inside a
 * function, or to a number (a page size the checks read apart) holds nothing known.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('!'));

describe('Request options given as module-level constants', () => {
  it('reads boto3 options held by module constants: engine version, encryption flags, AUTH token', () => {
    const code = sourceLines(
      'import boto3',
      'ENGINE_VERSION = "5.0.6"',
      'TRANSIT = False',
      'TOKEN = "queue-auth-token-0123456789"',
      'ENCRYPTED = False',
      'client = boto3.client("elasticache")',
      'rds = boto3.client("rds")',
      'def create():',
      '    client.create_replication_group(',
      '        ReplicationGroupId="g", ReplicationGroupDescription="g", Engine="redis",',
      '        EngineVersion=ENGINE_VERSION,',
      '        TransitEncryptionEnabled=TRANSIT,',
      '        AtRestEncryptionEnabled=True,',
      '        AuthToken=TOKEN,',
      '    )',
      '    rds.create_db_instance(DBInstanceIdentifier="d", Engine="postgres", StorageEncrypted=ENCRYPTED)',
    );
    const found = findings('provision.py', code);
    for (const hint of [
      '11:ENGINE_VERSION elasticache-engine-version-extended-support!',
      '12:TransitEncryptionEnabled elasticache-transit-encryption!',
      '14:TOKEN elasticache-auth-token!',
      '16:StorageEncrypted rds-storage-encrypted!',
    ]) {
      assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
    }
  });

  it('reads a JavaScript module const the same way', () => {
    const code = sourceLines(
      'import { ElastiCacheClient, CreateReplicationGroupCommand } from "@aws-sdk/client-elasticache";',
      'const ENGINE_VERSION = "4.0.10";',
      'const client = new ElastiCacheClient({});',
      'export async function create() {',
      '  await client.send(new CreateReplicationGroupCommand({',
      '    ReplicationGroupId: "g", ReplicationGroupDescription: "g", Engine: "redis",',
      '    EngineVersion: ENGINE_VERSION,',
      '    TransitEncryptionEnabled: true, AtRestEncryptionEnabled: true, UserGroupIds: ["users"],',
      '  }));',
      '}',
    );
    assert.deepEqual(findings('provision.ts', code), ['7:ENGINE_VERSION elasticache-engine-version-extended-support!']);
  });

  it('leaves a constant bound twice, a local, and a named number unknown', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      'VERSION = "7.1"',
      'if os.environ.get("STAGE") == "legacy":',
      '    VERSION = "5.0.6"',
      'client = boto3.client("elasticache")',
      'table = boto3.resource("dynamodb").Table("orders")',
      'PAGE = 10',
      'def create():',
      '    local_version = "5.0.6"',
      '    client.create_replication_group(ReplicationGroupId="a", ReplicationGroupDescription="a", Engine="redis", EngineVersion=VERSION,',
      '        TransitEncryptionEnabled=True, AtRestEncryptionEnabled=True, UserGroupIds=["u"])',
      '    client.create_replication_group(ReplicationGroupId="b", ReplicationGroupDescription="b", Engine="redis", EngineVersion=local_version,',
      '        TransitEncryptionEnabled=True, AtRestEncryptionEnabled=True, UserGroupIds=["u"])',
      'def first_page():',
      '    return table.scan(Limit=PAGE)["Items"]',
    );
    const found = findings('stages.py', code);
    assert.ok(!found.some((hint) => hint.includes('elasticache-engine-version-extended-support')), found.join('\n'));
    assert.ok(found.includes('16:scan dynamodb-scan!'), found.join('\n'));
  });
});
