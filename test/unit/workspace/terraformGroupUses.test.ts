/**
 * A Terraform module is a folder: a security group that security.tf opens to the internet and that
 * endpoints.tf or alb.tf attaches only to resources that are not databases or caches gets no
 * open-ingress finding in workspace mode, for every port or for a range not aimed at one engine.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';
import { contributionOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** A group with one inline rule open to the internet on [from, to] (protocol -1 for all traffic). */
function openGroup(name: string, from: number, to: number, protocol = 'tcp'): string {
  return lines(
    `resource "aws_security_group" "${name}" {`,
    `  name   = "${name}"`,
    '  vpc_id = var.vpc_id',
    '  ingress {',
    `    from_port   = ${from}`,
    `    to_port     = ${to}`,
    `    protocol    = "${protocol}"`,
    '    cidr_blocks = ["0.0.0.0/0"]',
    '  }',
    '}',
  );
}

const ENDPOINTS = lines(
  'resource "aws_vpc_endpoint" "ssm" {',
  '  vpc_id             = var.vpc_id',
  '  vpc_endpoint_type  = "Interface"',
  '  service_name       = "com.amazonaws.${var.region}.ssm"',
  '  security_group_ids = [aws_security_group.edge.id]',
  '}',
);

const LOAD_BALANCER = lines(
  'resource "aws_lb" "web" {',
  '  name            = "web"',
  '  security_groups = concat([aws_security_group.edge.id], var.extra_groups)',
  '}',
);

const DATABASE = lines(
  'resource "aws_db_instance" "orders" {',
  '  engine                 = "postgres"',
  '  storage_encrypted      = true',
  '  vpc_security_group_ids = [aws_security_group.edge.id]',
  '}',
);

const MODULE = lines(
  'module "jobs" {',
  '  source             = "./modules/jobs"',
  '  security_group_ids = ["${aws_security_group.edge.id}"]',
  '}',
);

function model(files: Record<string, string>): WorkspaceModel {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([file, text]) => built.update(file, indexFile(file, 'terraform', text))));
  return built;
}

/** The open-ingress findings of `file` as `line rule`, judged with the workspace of `files` (alone without). */
function openIngress(files: Record<string, string>, file: string, workspace = true): string[] {
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace: workspace ? model(files) : undefined });
  return result.findings.filter((finding) => finding.ruleId.endsWith('-open-ingress')).map((finding) => `${files[file].slice(0, finding.start).split('\n').length} ${finding.ruleId}`);
}

const REPORTED = ['8 elasticache-open-ingress', '8 rds-open-ingress'];

describe('Terraform security groups attached in other files of the module', () => {
  it('records which groups a file attaches, and whether only to resources that are not data stores', () => {
    const file = lines(ENDPOINTS, DATABASE.replace('aws_security_group.edge', 'aws_security_group.db'), MODULE.replace('edge', 'jobs'));
    const contribution = contributionOf('net/main.tf', file);
    // What each group serves, as bits: 0 other resources only, 1 a database (2 a cache).
    assert.deepEqual(contribution?.groupUses, { 'aws_security_group.edge': 0, 'aws_security_group.db': 1 });
    // A module of the workspace: its folder, which the model reads for data stores.
    assert.deepEqual(contribution?.groupModules, { 'aws_security_group.jobs': ['net/modules/jobs'] });
    // The kinds of data store the file declares, as the same bits: a database.
    assert.deepEqual([contribution?.dataStores, contribution?.localModules], [1, ['net/modules/jobs']]);
    // A group's own rules name peers; that attaches nothing, and the peer they admit is the clients' group (0).
    const rule = lines('resource "aws_security_group_rule" "peer" {', '  security_group_id        = aws_security_group.edge.id', '  source_security_group_id = aws_security_group.app.id', '}');
    assert.deepEqual(contributionOf('net/rules.tf', rule)?.groupUses, { 'aws_security_group.app': 0 });
  });

  it('says nothing of a broad range or all traffic on a group that another file gives only to endpoints or load balancers', () => {
    assert.deepEqual(openIngress({ 'net/security.tf': openGroup('edge', 0, 8888), 'net/endpoints.tf': ENDPOINTS }, 'net/security.tf'), []);
    assert.deepEqual(openIngress({ 'net/security.tf': openGroup('edge', 0, 0, '-1'), 'net/alb.tf': LOAD_BALANCER, 'net/endpoints.tf': ENDPOINTS }, 'net/security.tf'), []);
    // Judged alone, the file cannot know where the group goes.
    assert.deepEqual(openIngress({ 'net/security.tf': openGroup('edge', 0, 8888), 'net/endpoints.tf': ENDPOINTS }, 'net/security.tf', false), REPORTED);
  });

  it('says nothing of a range across engines on a group the same file gives only to a load balancer', () => {
    assert.deepEqual(openIngress({ 'main.tf': lines(openGroup('edge', 1000, 7000), LOAD_BALANCER) }, 'main.tf', false), []);
  });

  it('says nothing of a range of more than 1,024 ports on a group given only to a load balancer (ECS dynamic host ports)', () => {
    assert.deepEqual(openIngress({ 'main.tf': lines(openGroup('edge', 32768, 65535), LOAD_BALANCER) }, 'main.tf', false), []);
    assert.deepEqual(openIngress({ 'main.tf': lines(openGroup('edge', 32768, 65535), LOAD_BALANCER, DATABASE) }, 'main.tf', false), ['8 rds-open-ingress']);
    assert.deepEqual(openIngress({ 'main.tf': openGroup('hosts', 32768, 65535) }, 'main.tf', false), ['8 rds-open-ingress'], 'a group nothing uses');
    assert.deepEqual(openIngress({ 'main.tf': lines(openGroup('edge', 50000, 51000), LOAD_BALANCER) }, 'main.tf', false), ['8 rds-open-ingress'], 'a range aimed at Db2');
  });

  it('still reports a group that another file gives to a database or a module, or that no file uses but an output hands out', () => {
    const security = openGroup('edge', 0, 8888);
    // Another file gives it to a database: the database's rule (a range across engines is not a cache's port left open).
    assert.deepEqual(openIngress({ 'net/security.tf': security, 'net/alb.tf': LOAD_BALANCER, 'net/db.tf': DATABASE }, 'net/security.tf'), ['8 rds-open-ingress']);
    assert.deepEqual(openIngress({ 'net/security.tf': security, 'net/endpoints.tf': ENDPOINTS, 'net/jobs.tf': MODULE }, 'net/security.tf'), REPORTED);
    const output = lines('output "edge_group" {', '  value = aws_security_group.edge.id', '}');
    assert.deepEqual(openIngress({ 'net/security.tf': security, 'net/other.tf': 'resource "aws_lb" "api" {}\n', 'net/outputs.tf': output }, 'net/security.tf'), REPORTED);
    // A group nothing attaches nor hands out, in a folder of no data store, serves none.
    assert.deepEqual(openIngress({ 'net/security.tf': security, 'net/other.tf': 'resource "aws_lb" "api" {}\n' }, 'net/security.tf'), []);
    // The same file giving it to a database wins over other files giving it to endpoints (a database only: its rule).
    assert.deepEqual(openIngress({ 'net/security.tf': lines(security, DATABASE), 'net/endpoints.tf': ENDPOINTS }, 'net/security.tf'), ['8 rds-open-ingress']);
  });

  it('still reports a group that only a file of another folder attaches: another module, through an output', () => {
    const output = lines('output "edge_group" {', '  value = "${aws_security_group.edge.id}"', '}');
    assert.deepEqual(openIngress({ 'net/security.tf': lines(openGroup('edge', 0, 8888), output), 'edge/endpoints.tf': ENDPOINTS }, 'net/security.tf'), REPORTED);
  });

  it('still reports a rule aimed at one engine, whatever the group is attached to', () => {
    const postgres = { 'net/security.tf': openGroup('edge', 5432, 5432), 'net/endpoints.tf': ENDPOINTS };
    assert.deepEqual(openIngress(postgres, 'net/security.tf'), ['8 rds-open-ingress']);
    const redis = { 'net/security.tf': openGroup('edge', 6379, 6380), 'net/alb.tf': LOAD_BALANCER };
    assert.deepEqual(openIngress(redis, 'net/security.tf'), ['8 elasticache-open-ingress']);
  });

  it('says nothing of a group given only to a module whose folder in the workspace holds no database or cache', () => {
    const service = lines('resource "aws_ecs_service" "api" {', '  name = "api"', '  network_configuration {', '    security_groups = var.security_group_ids', '  }', '}');
    const files = { 'net/security.tf': openGroup('edge', 0, 0, '-1'), 'net/jobs.tf': MODULE, 'net/modules/jobs/main.tf': service };
    assert.deepEqual(openIngress(files, 'net/security.tf'), []);
    // The module block in the group's own file, judged by the per-file reader.
    const together = { 'net/main.tf': lines(openGroup('edge', 0, 0, '-1'), MODULE), 'net/modules/jobs/main.tf': service };
    assert.deepEqual(openIngress(together, 'net/main.tf'), []);
    assert.deepEqual(openIngress(together, 'net/main.tf', false), REPORTED, 'alone, the module might hold a database');
  });

  it('still reports a group given to a module whose folder holds a data store, or may through its own modules, or is not in the workspace', () => {
    const security = openGroup('edge', 0, 0, '-1');
    const nested = lines('module "db" {', '  source = "../db"', '  security_group_ids = var.security_group_ids', '}');
    const registry = lines('module "db" {', '  source = "terraform-aws-modules/rds/aws"', '  vpc_security_group_ids = var.security_group_ids', '}');
    const cases: Record<string, string>[] = [
      { 'net/modules/jobs/main.tf': DATABASE.replace('[aws_security_group.edge.id]', 'var.security_group_ids') },
      { 'net/modules/jobs/main.tf': nested, 'net/modules/db/main.tf': DATABASE.replace('[aws_security_group.edge.id]', 'var.security_group_ids') },
      { 'net/modules/jobs/main.tf': registry },
      { 'net/modules/other/main.tf': 'resource "aws_lb" "api" {}\n' },
      // Modules that use each other: nothing shows that either holds no data store.
      { 'net/modules/jobs/main.tf': nested, 'net/modules/db/main.tf': nested.replace('../db', '../jobs') },
    ];
    for (const modules of cases) {
      assert.deepEqual(openIngress({ 'net/security.tf': security, 'net/jobs.tf': MODULE, ...modules }, 'net/security.tf'), REPORTED, Object.keys(modules).join(', '));
    }
  });

  it('reports a range not aimed at one engine only for the kind of data store the group serves: a cache\'s or a database\'s', () => {
    const cache = lines('resource "aws_elasticache_replication_group" "sessions" {', '  replication_group_id = "sessions"', '  security_group_ids   = [aws_security_group.edge.id]', '}');
    const registryCache = lines('module "redis" {', '  source             = "cloudposse/elasticache-redis/aws"', '  security_groups    = [aws_security_group.edge.id]', '}');
    const security = openGroup('edge', 0, 65535);
    assert.deepEqual(openIngress({ 'main.tf': lines(security, cache) }, 'main.tf', false), ['8 elasticache-open-ingress']);
    assert.deepEqual(openIngress({ 'main.tf': lines(security, registryCache) }, 'main.tf', false), ['8 elasticache-open-ingress']);
    assert.deepEqual(openIngress({ 'main.tf': lines(security, DATABASE) }, 'main.tf', false), ['8 rds-open-ingress']);
    assert.deepEqual(openIngress({ 'main.tf': lines(security, DATABASE, cache) }, 'main.tf', false), REPORTED);
    // Another file's uses count with their kinds: a cache here and a database there, both; a cache there, a cache's.
    assert.deepEqual(openIngress({ 'net/main.tf': lines(security, cache), 'net/db.tf': DATABASE }, 'net/main.tf'), REPORTED);
    assert.deepEqual(openIngress({ 'net/security.tf': security, 'net/cache.tf': cache }, 'net/security.tf'), ['8 elasticache-open-ingress']);
    assert.deepEqual(openIngress({ 'net/security.tf': security, 'net/db.tf': DATABASE, 'net/alb.tf': LOAD_BALANCER }, 'net/security.tf'), ['8 rds-open-ingress']);
    // A rule aimed at one engine's port is reported whatever uses the group.
    assert.deepEqual(openIngress({ 'main.tf': lines(openGroup('edge', 5432, 5432), cache) }, 'main.tf', false), ['8 rds-open-ingress']);
  });
});
