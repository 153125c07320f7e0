/** elasticache-engine-version-extended-support: Redis OSS engine versions past ElastiCache standard support, and the engines and versions that stay silent. */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { hintsIn, realHintRules } from './support';

const RULE = 'elasticache-engine-version-extended-support';
const findings = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith(`${RULE}!`));
const messages = (fileName: string, code: string): string[] =>
  analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName })
    .findings.filter((finding) => finding.ruleId === RULE)
    .map((finding) => finding.message);

describe('elasticache-engine-version-extended-support', () => {
  const terraform = (resource: string, engine: string, version: string): string =>
    [
      'module "labels" {',
      '  source = "cloudposse/label/null"',
      '}',
      '',
      `resource "${resource}" "sessions" {`,
      '  replication_group_id = module.labels.id',
      '  description          = "sessions"',
      '  node_type            = var.node_type',
      `  engine               = "${engine}"`,
      `  engine_version       = "${version}"`,
      '}',
      '',
    ].join('\n');

  it('fires on Redis OSS 5.0.6 and 4.0.10 in Terraform replication groups and clusters', () => {
    assert.deepEqual(findings('cache.tf', terraform('aws_elasticache_replication_group', 'redis', '5.0.6')), [`10:"5.0.6" ${RULE}!`]);
    assert.deepEqual(findings('cache.tf', terraform('aws_elasticache_cluster', 'redis', '4.0.10')), [`10:"4.0.10" ${RULE}!`]);
  });

  it('stays silent on Redis OSS 6.2 and 7.1, on Valkey, on Memcached and on a variable version', () => {
    for (const [engine, version] of [['redis', '6.2'], ['redis', '7.1'], ['redis', '6.x'], ['valkey', '8.0'], ['memcached', '1.4.5'], ['memcached', '5.0.6']]) {
      assert.deepEqual(findings('cache.tf', terraform('aws_elasticache_replication_group', engine, version)), [], `${engine} ${version}`);
    }
    const variable = terraform('aws_elasticache_replication_group', 'redis', 'x').replace('"x"', 'var.redis_version');
    assert.deepEqual(findings('cache.tf', variable), []);
    assert.ok(hintsIn('cache.tf', variable).includes(`10:engine_version ${RULE}`), hintsIn('cache.tf', variable).join('\n'));
  });

  it('stays silent when the engine is a variable', () => {
    const code = terraform('aws_elasticache_replication_group', 'redis', '5.0.6').replace('"redis"', 'var.engine');
    assert.deepEqual(findings('cache.tf', code), []);
  });

  it('reads a version written with no engine as Redis OSS: fires on 4.x and 5.x, silent on 6 and later and where options are hidden', () => {
    const noEngine = (resource: string, version: string): string => terraform(resource, 'redis', version).replace(/^ {2}engine {15}= "redis"\n/m, '');
    assert.ok(!noEngine('aws_elasticache_replication_group', '5.0.6').includes('engine '));
    assert.deepEqual(findings('cache.tf', noEngine('aws_elasticache_replication_group', '5.0.6')), [`9:"5.0.6" ${RULE}!`]);
    for (const version of ['6.2', '7.1', '6.x']) {
      assert.deepEqual(findings('cache.tf', noEngine('aws_elasticache_replication_group', version)), [], version);
    }
    const template = [
      'Resources:',
      '  Sessions:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: sessions',
      '      EngineVersion: "5.0.6"',
      '',
    ].join('\n');
    assert.deepEqual(findings('template.yaml', template), [`6:"5.0.6" ${RULE}!`]);
    const sdk = [
      "import { ElastiCacheClient, CreateReplicationGroupCommand } from '@aws-sdk/client-elasticache';",
      '',
      'const elasticache = new ElastiCacheClient({});',
      '',
      'export async function provision(base: Record<string, string>) {',
      "  await elasticache.send(new CreateReplicationGroupCommand({ ReplicationGroupId: 'a', ReplicationGroupDescription: 'a', EngineVersion: '4.0.10' }));",
      "  await elasticache.send(new CreateReplicationGroupCommand({ ...base, ReplicationGroupId: 'b', ReplicationGroupDescription: 'b', EngineVersion: '4.0.10' }));",
      '}',
    ].join('\n');
    assert.deepEqual(findings('provision.ts', sdk), [`6:'4.0.10' ${RULE}!`]);
  });

  it('fires on CloudFormation replication groups and cache clusters, not on Valkey or Memcached', () => {
    const template = (type: string, engine: string, version: string): string =>
      [
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Resources:',
        '  SessionCache:',
        `    Type: ${type}`,
        '    Properties:',
        '      CacheNodeType: cache.r7g.large',
        `      Engine: ${engine}`,
        `      EngineVersion: ${version}`,
        '',
      ].join('\n');
    assert.deepEqual(findings('template.yaml', template('AWS::ElastiCache::ReplicationGroup', 'redis', '"5.0.6"')), [`8:"5.0.6" ${RULE}!`]);
    assert.deepEqual(findings('template.yaml', template('AWS::ElastiCache::CacheCluster', 'redis', '4.0.10')), [`8:4.0.10 ${RULE}!`]);
    assert.deepEqual(findings('template.yaml', template('AWS::ElastiCache::ReplicationGroup', 'redis', '"7.1"')), []);
    assert.deepEqual(findings('template.yaml', template('AWS::ElastiCache::ReplicationGroup', 'valkey', '"8.0"')), []);
    assert.deepEqual(findings('template.yaml', template('AWS::ElastiCache::CacheCluster', 'memcached', '1.4.5')), []);
  });

  it('fires on an SDK CreateReplicationGroup in a provisioning service, not on a newer version', () => {
    const code = (version: string): string =>
      [
        "import { ElastiCacheClient, CreateReplicationGroupCommand } from '@aws-sdk/client-elasticache';",
        '',
        'export class CacheProvisioner {',
        '  constructor(private readonly elasticache: ElastiCacheClient) {}',
        '',
        '  async provision(tenant: string): Promise<void> {',
        '    await this.elasticache.send(new CreateReplicationGroupCommand({',
        '      ReplicationGroupId: `sessions-${tenant}`,',
        "      ReplicationGroupDescription: 'tenant sessions',",
        "      Engine: 'redis',",
        `      EngineVersion: '${version}',`,
        '    }));',
        '  }',
        '}',
        '',
      ].join('\n');
    assert.deepEqual(findings('provisioner.ts', code('5.0.6')), [`11:'5.0.6' ${RULE}!`]);
    assert.deepEqual(findings('provisioner.ts', code('7.1')), []);
  });

  it('fires on a CDK CfnReplicationGroup on Redis OSS 5, not on Valkey', () => {
    const code = (engine: string, version: string): string =>
      [
        "import * as elasticache from 'aws-cdk-lib/aws-elasticache';",
        '',
        'export class CacheStack extends Stack {',
        '  constructor(scope: Construct, id: string, props: CacheStackProps) {',
        '    super(scope, id, props);',
        "    new elasticache.CfnReplicationGroup(this, 'Sessions', {",
        "      replicationGroupDescription: 'sessions',",
        "      cacheNodeType: 'cache.r7g.large',",
        `      engine: '${engine}',`,
        `      engineVersion: '${version}',`,
        '    });',
        '  }',
        '}',
        '',
      ].join('\n');
    assert.deepEqual(findings('cache-stack.ts', code('redis', '5.0.6')), [`10:'5.0.6' ${RULE}!`]);
    assert.deepEqual(findings('cache-stack.ts', code('valkey', '8.0')), []);
  });

  it('fires on a boto3 create_cache_cluster in a provisioning function, not on Memcached', () => {
    const code = (engine: string, version: string): string =>
      [
        'import boto3',
        '',
        '',
        'def provision_cache(event, context):',
        '    elasticache = boto3.client("elasticache")',
        '    elasticache.create_cache_cluster(',
        '        CacheClusterId=event["tenant"],',
        '        CacheNodeType="cache.t4g.small",',
        '        NumCacheNodes=1,',
        `        Engine="${engine}",`,
        `        EngineVersion="${version}",`,
        '    )',
        '',
      ].join('\n');
    assert.deepEqual(findings('provision.py', code('redis', '4.0.10')), [`11:"4.0.10" ${RULE}!`]);
    assert.deepEqual(findings('provision.py', code('memcached', '1.6.22')), []);
    assert.deepEqual(findings('provision.py', code('redis', '7.1')), []);
  });

  it("fires on cloudposse's elasticache-redis pinned below v2, whose engine_version defaulted to 4.0.10", () => {
    const cache = (source: string, ...inputs: string[]): string =>
      [
        'module "online_store" {',
        `  source                  = "${source}"`,
        '  name                    = "${var.name_prefix}-online"',
        '  vpc_id                  = module.vpc.vpc_id',
        '  subnets                 = module.vpc.private_subnets',
        '  allowed_security_groups = [aws_security_group.workers.id]',
        ...inputs,
        '}',
        '',
      ].join('\n');
    const git = 'git::https://github.com/cloudposse/terraform-aws-elasticache-redis.git';
    for (const source of [`${git}?ref=tags/0.25.0`, `${git}?ref=refs/tags/0.25.0`, `${git}?ref=1.4.1`]) {
      assert.deepEqual(findings('cache.tf', cache(source)), [`1:"online_store" ${RULE}!`], source);
    }
    const registry = 'cloudposse/elasticache-redis/aws';
    assert.deepEqual(findings('cache.tf', cache(registry, '  version = "1.9.2"')), [`1:"online_store" ${RULE}!`]);
    assert.deepEqual(findings('cache.tf', cache(registry, '  version = "~> 1.4"')), [`1:"online_store" ${RULE}!`]);
    // Silent: the current default (7.1), a release from v2 on, a constraint that allows v2, a version or engine the block sets, a global datastore's member.
    assert.deepEqual(findings('cache.tf', cache(registry)), []);
    assert.deepEqual(findings('cache.tf', cache(registry, '  version = "2.0.0"')), []);
    assert.deepEqual(findings('cache.tf', cache(registry, '  version = ">= 1.0"')), []);
    assert.deepEqual(findings('cache.tf', cache(`${git}?ref=tags/main`)), []);
    assert.deepEqual(findings('cache.tf', cache(registry, '  version = "1.9.2"', '  engine_version = "7.1"')), []);
    assert.deepEqual(findings('cache.tf', cache(registry, '  version = "1.9.2"', '  engine = var.engine')), []);
    assert.deepEqual(findings('cache.tf', cache(registry, '  version = "1.9.2"', '  engine = "valkey"')), []);
    assert.deepEqual(findings('cache.tf', cache(registry, '  version = "1.9.2"', '  global_replication_group_id = var.global_id')), []);
  });

  it('fires on the version a global datastore upgrades its members to, in Terraform and CloudFormation', () => {
    const global = (version: string): string =>
      [
        'resource "aws_elasticache_global_replication_group" "sessions" {',
        '  global_replication_group_id_suffix = "sessions"',
        '  primary_replication_group_id       = aws_elasticache_replication_group.primary.id',
        `  engine_version                     = "${version}"`,
        '}',
        '',
      ].join('\n');
    assert.deepEqual(findings('global.tf', global('5.0.6')), [`4:"5.0.6" ${RULE}!`]);
    assert.ok(hintsIn('global.tf', global('7.1')).includes(`4:engine_version ${RULE}`));
    assert.deepEqual(findings('global.tf', global('7.1')), []);
    assert.deepEqual(findings('global.tf', global('6.x')), []);
    const template = [
      'Resources:',
      '  Sessions:',
      '    Type: AWS::ElastiCache::GlobalReplicationGroup',
      '    Properties:',
      '      GlobalReplicationGroupIdSuffix: sessions',
      '      EngineVersion: "5.0.6"',
      '      Members:',
      '        - ReplicationGroupId: !Ref Primary',
      '          Role: PRIMARY',
      '',
    ].join('\n');
    assert.deepEqual(findings('template.yaml', template), [`6:"5.0.6" ${RULE}!`]);
    assert.deepEqual(findings('template.yaml', template.replace('"5.0.6"', '"7.1"')), []);
  });

  describe('Redis OSS 2 and 3, past their end of life', () => {
    // A cache module of a Terraform stack: a lone node with its version pinned when the module was written.
    const cacheModule = (engine: string, version: string): string =>
      [
        'resource "aws_elasticache_subnet_group" "jobs" {',
        '  name       = "${var.name}-jobs"',
        '  subnet_ids = var.private_subnet_ids',
        '}',
        '',
        'resource "aws_elasticache_cluster" "jobs" {',
        '  cluster_id           = "${var.name}-jobs"',
        `  engine               = "${engine}"`,
        `  engine_version       = "${version}"`,
        '  node_type            = "cache.t3.small"',
        '  num_cache_nodes      = 1',
        '  subnet_group_name    = aws_elasticache_subnet_group.jobs.name',
        '  security_group_ids   = [aws_security_group.jobs_cache.id]',
        '}',
        '',
      ].join('\n');

    it('fires on 3.2.x and 2.8.x, saying end of life rather than Extended Support', () => {
      assert.deepEqual(findings('cache.tf', cacheModule('redis', '3.2.10')), [`9:"3.2.10" ${RULE}!`]);
      assert.deepEqual(findings('cache.tf', cacheModule('redis', '2.8.24')), [`9:"2.8.24" ${RULE}!`]);
      const [message] = messages('cache.tf', cacheModule('redis', '3.2.10'));
      assert.match(message, /past its end of life on ElastiCache/);
      assert.doesNotMatch(message, /runs under ElastiCache Extended Support/);
      assert.match(messages('cache.tf', cacheModule('redis', '5.0.6'))[0], /runs under ElastiCache Extended Support/);
    });

    it('fires on a CloudFormation replication group that names no engine', () => {
      const template = [
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Resources:',
        '  QueueCache:',
        '    Type: AWS::ElastiCache::ReplicationGroup',
        '    Properties:',
        '      ReplicationGroupDescription: job queue',
        '      CacheNodeType: !Ref CacheNodeType',
        '      NumCacheClusters: 2',
        '      AutomaticFailoverEnabled: true',
        '      EngineVersion: 3.2.4',
        '',
      ].join('\n');
      assert.deepEqual(findings('cache.yaml', template), [`10:3.2.4 ${RULE}!`]);
      assert.match(messages('cache.yaml', template)[0], /Redis OSS 3 on 31 July 2023/);
    });

    it('stays silent on Memcached 1.x, Valkey, Redis OSS 6.2 and a version read from a variable', () => {
      assert.deepEqual(findings('cache.tf', cacheModule('memcached', '1.6.22')), []);
      assert.deepEqual(findings('cache.tf', cacheModule('valkey', '8.0')), []);
      assert.deepEqual(findings('cache.tf', cacheModule('redis', '6.2')), []);
      const variable = cacheModule('redis', 'x').replace('"x"', 'var.redis_version');
      assert.deepEqual(findings('cache.tf', variable), []);
      assert.ok(hintsIn('cache.tf', variable).includes(`9:engine_version ${RULE}`));
    });
  });
});
