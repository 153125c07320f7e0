/**
 * Audit60b: a database or cache that writes no engine version but attaches a custom parameter group of its Terraform
 * module or CloudFormation template runs the major of the group's family, judged by the engine-lifecycle rules at
 * the attachment; and the hover on a serverless cache's major engine version. Silent where a version is written,
 * the family is not a string, the family names another engine or a supported major, the reference is to a group
 * the module does not declare, or a template's instance belongs to a cluster (the cluster is judged).
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { hintsIn, realHintRules, sourceLines } from './support';

const LIFECYCLE = ['elasticache-engine-version-extended-support!', 'rds-engine-version-extended-support!'];
const findings = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => LIFECYCLE.some((rule) => hint.endsWith(rule)));

/** Lifecycle findings of `file` read in workspace mode beside the other files of its folder. */
function workspaceFindings(files: Record<string, string>, file: string): string[] {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace: built });
  return result.findings
    .filter((finding) => LIFECYCLE.some((rule) => rule === `${finding.ruleId}!`))
    .map((finding) => `${result.lines.lineOf(finding.start) + 1}:${files[file].slice(finding.start, finding.end)}`);
}

describe('Engine versions from a custom parameter group family (audit60b)', () => {
  it('reports Terraform databases and caches whose only version is the family of a group of the file', () => {
    const code = sourceLines(
      'resource "aws_db_parameter_group" "pg11" {',
      '  name   = "pg11"',
      '  family = "postgres11"',
      '}',
      'resource "aws_elasticache_parameter_group" "sessions" {',
      '  count  = 1',
      '  name   = "sessions"',
      '  family = "redis5.0"',
      '}',
      'resource "aws_db_instance" "orders" {',
      '  engine               = "postgres"',
      '  instance_class       = "db.t3.micro"',
      '  parameter_group_name = aws_db_parameter_group.pg11.name',
      '}',
      'resource "aws_elasticache_replication_group" "sessions" {',
      '  replication_group_id = "sessions"',
      '  description          = "sessions"',
      '  node_type            = "cache.t3.micro"',
      '  parameter_group_name = aws_elasticache_parameter_group.sessions[0].id',
      '}',
    );
    assert.deepEqual(findings('main.tf', code), ['13:aws_db_parameter_group.pg11.name rds-engine-version-extended-support!', '19:aws_elasticache_parameter_group.sessions[0].id elasticache-engine-version-extended-support!']);
  });

  it('judges a read replica by its source, not by the group it attaches', () => {
    const code = sourceLines(
      'resource "aws_db_parameter_group" "my80" {',
      '  name   = "my80"',
      '  family = "mysql8.0"',
      '}',
      'resource "aws_db_instance" "replica" {',
      '  replicate_source_db  = aws_db_instance.primary.identifier',
      '  instance_class       = "db.t4g.large"',
      '  parameter_group_name = aws_db_parameter_group.my80.name',
      '}',
    );
    assert.deepEqual(findings('main.tf', code), []);
  });

  it('stays silent on a written version, a variable family, a supported family, another engine and an undeclared group', () => {
    const code = sourceLines(
      'resource "aws_db_parameter_group" "old" {',
      '  name   = "old"',
      '  family = "mysql5.7"',
      '}',
      'resource "aws_db_parameter_group" "chosen" {',
      '  name   = "chosen"',
      '  family = var.family',
      '}',
      'resource "aws_db_parameter_group" "current" {',
      '  name   = "current"',
      '  family = "postgres16"',
      '}',
      'resource "aws_db_instance" "pinned" {',
      '  engine               = "mysql"',
      '  engine_version       = "8.4.3"',
      '  instance_class       = "db.t3.micro"',
      '  parameter_group_name = aws_db_parameter_group.old.name',
      '}',
      'resource "aws_db_instance" "chosen" {',
      '  engine               = "postgres"',
      '  instance_class       = "db.t3.micro"',
      '  parameter_group_name = aws_db_parameter_group.chosen.name',
      '}',
      'resource "aws_db_instance" "current" {',
      '  engine               = "postgres"',
      '  instance_class       = "db.t3.micro"',
      '  parameter_group_name = aws_db_parameter_group.current.name',
      '}',
      'resource "aws_db_instance" "mariadb" {',
      '  engine               = "mariadb"',
      '  instance_class       = "db.t3.micro"',
      '  parameter_group_name = aws_db_parameter_group.old.name',
      '}',
      'resource "aws_db_instance" "elsewhere" {',
      '  engine               = "mysql"',
      '  instance_class       = "db.t3.micro"',
      '  parameter_group_name = aws_db_parameter_group.shared.name',
      '}',
    );
    assert.deepEqual(findings('main.tf', code), []);
  });

  it('reads a group attached by the literal name the module creates it with, and not a name no group of the module has', () => {
    const files = {
      'cache/parameter.tf': sourceLines('resource "aws_elasticache_parameter_group" "tuned" {', '  name   = "tuned-redis"', '  family = "redis5.0"', '}'),
      'cache/main.tf': sourceLines(
        'resource "aws_elasticache_replication_group" "tuned" {',
        '  replication_group_id = "tuned"',
        '  description          = "tuned"',
        '  node_type            = "cache.t3.micro"',
        '  parameter_group_name = "tuned-redis"',
        '}',
        'resource "aws_elasticache_replication_group" "shared" {',
        '  replication_group_id = "shared"',
        '  description          = "shared"',
        '  node_type            = "cache.t3.micro"',
        '  parameter_group_name = "shared-redis"',
        '}',
      ),
    };
    assert.deepEqual(workspaceFindings(files, 'cache/main.tf'), ['5:"tuned-redis"']);
  });

  it('leaves a local module block alone: its folder may write the version and is judged there', () => {
    const files = {
      'live/main.tf': sourceLines(
        'resource "aws_db_parameter_group" "app" {',
        '  name   = "app-pg"',
        '  family = "postgres12"',
        '}',
        'module "db" {',
        '  source          = "../modules/db"',
        '  parameter_group = "app-pg"',
        '}',
      ),
      'modules/db/main.tf': sourceLines(
        'variable "parameter_group" {}',
        'variable "engine_version" {',
        '  default = "16.4"',
        '}',
        'resource "aws_db_instance" "this" {',
        '  engine               = "postgres"',
        '  engine_version       = var.engine_version',
        '  instance_class       = "db.t4g.micro"',
        '  parameter_group_name = var.parameter_group',
        '}',
      ),
    };
    assert.deepEqual(workspaceFindings(files, 'live/main.tf'), []);
  });

  it('reads a group declared in another file of the module, in workspace mode only', () => {
    const files = {
      'db/params.tf': sourceLines('resource "aws_rds_cluster_parameter_group" "cluster" {', '  name   = "cluster"', '  family = "aurora-mysql5.7"', '}'),
      'db/cluster.tf': sourceLines(
        'resource "aws_rds_cluster" "main" {',
        '  engine                          = "aurora-mysql"',
        '  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.cluster.name',
        '}',
      ),
      'other/cluster.tf': sourceLines(
        'resource "aws_rds_cluster" "main" {',
        '  engine                          = "aurora-mysql"',
        '  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.cluster.name',
        '}',
      ),
    };
    assert.deepEqual(workspaceFindings(files, 'db/cluster.tf'), ['3:aws_rds_cluster_parameter_group.cluster.name']);
    assert.deepEqual(workspaceFindings(files, 'other/cluster.tf'), []);
    assert.deepEqual(findings('cluster.tf', files['db/cluster.tf']), []);
  });

  it('reports a template cluster and cache by the group they Ref, not a cluster member', () => {
    const code = sourceLines(
      'Resources:',
      '  ClusterParams:',
      '    Type: AWS::RDS::DBClusterParameterGroup',
      '    Properties:',
      '      Description: cluster',
      '      Family: aurora-postgresql11',
      '  InstanceParams:',
      '    Type: AWS::RDS::DBParameterGroup',
      '    Properties:',
      '      Description: instance',
      '      Family: aurora-postgresql11',
      '  CacheParams:',
      '    Type: AWS::ElastiCache::ParameterGroup',
      '    Properties:',
      '      Description: cache',
      '      CacheParameterGroupFamily: redis4.0',
      '  Cluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora-postgresql',
      '      DBClusterParameterGroupName: !Ref ClusterParams',
      '  Member:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: aurora-postgresql',
      '      DBClusterIdentifier: !Ref Cluster',
      '      DBInstanceClass: db.r6g.large',
      '      DBParameterGroupName: !Ref InstanceParams',
      '  Cache:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: cache',
      '      CacheNodeType: cache.t3.micro',
      '      CacheParameterGroupName: !Ref CacheParams',
      '  Pinned:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: pinned',
      '      CacheNodeType: cache.t3.micro',
      '      EngineVersion: "7.1"',
      '      CacheParameterGroupName: !Ref CacheParams',
    );
    assert.deepEqual(findings('template.yaml', code), ['21:!Ref ClusterParams rds-engine-version-extended-support!', '34:!Ref CacheParams elasticache-engine-version-extended-support!']);
  });
});

describe('Serverless cache major engine version hover (audit60b)', () => {
  const RULE = 'elasticache-serverless-major-version';
  const hovers = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));

  it('explains the major version of a serverless cache in Terraform, CloudFormation, CDK and the SDK, and nothing else', () => {
    const terraform = sourceLines(
      'resource "aws_elasticache_serverless_cache" "cache" {',
      '  name                 = "cache"',
      '  engine               = "valkey"',
      '  major_engine_version = "8"',
      '}',
      'resource "aws_elasticache_replication_group" "nodes" {',
      '  replication_group_id = "nodes"',
      '  description          = "nodes"',
      '  engine_version       = "7.1"',
      '}',
    );
    assert.deepEqual(hovers('main.tf', terraform), ['4:major_engine_version elasticache-serverless-major-version']);
    const template = sourceLines('Resources:', '  Cache:', '    Type: AWS::ElastiCache::ServerlessCache', '    Properties:', '      ServerlessCacheName: cache', '      Engine: redis', '      MajorEngineVersion: "7"');
    assert.deepEqual(hovers('template.yaml', template), ['7:MajorEngineVersion elasticache-serverless-major-version']);
    const cdk = sourceLines(
      "import * as elasticache from 'aws-cdk-lib/aws-elasticache';",
      "new elasticache.CfnServerlessCache(this, 'Cache', {",
      "  serverlessCacheName: 'cache',",
      "  engine: 'valkey',",
      "  majorEngineVersion: '8',",
      '});',
    );
    assert.deepEqual(hovers('stack.ts', cdk), ['5:majorEngineVersion elasticache-serverless-major-version']);
    const sdk = sourceLines(
      'import boto3',
      'client = boto3.client("elasticache")',
      'client.create_serverless_cache(ServerlessCacheName="cache", Engine="valkey", MajorEngineVersion="8")',
      'client.create_replication_group(ReplicationGroupId="nodes", ReplicationGroupDescription="nodes", MajorEngineVersion="8")',
    );
    assert.deepEqual(hovers('make.py', sdk), ['3:MajorEngineVersion elasticache-serverless-major-version']);
  });
});
