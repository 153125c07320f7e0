/**
 * Terraform module blocks whose source is a module folder of the workspace: an input that one of the
 * folder's database resources takes (whole, or as `condition ? var.x : null`) is read as that argument.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';
import { contributionOf, moduleInputsOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const CACHE_MODULE = lines(
  'resource "aws_elasticache_replication_group" "this" {',
  '  replication_group_id       = var.name',
  '  description                = "sessions"',
  '  at_rest_encryption_enabled = var.at_rest_encryption_enabled',
  '  transit_encryption_enabled = var.global_datastore == null ? var.transit_encryption : null',
  '  auth_token                 = var.auth_token != "" ? var.auth_token : null',
  '  snapshot_retention_limit   = var.retention',
  '  final_snapshot_identifier  = var.retention',
  '}',
  'resource "aws_s3_bucket" "exports" {',
  '  bucket = var.exports_bucket',
  '}',
);

const CALLER = lines(
  'module "sessions" {',
  '  source                     = "../../modules/cache"',
  '  name                       = "sessions"',
  '  at_rest_encryption_enabled = true',
  '  transit_encryption         = false',
  '  auth_token                 = "a-literal-token-1234"',
  '  retention                  = 7',
  '  exports_bucket             = "exports"',
  '}',
);

function model(files: Record<string, string>): WorkspaceModel {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([file, text]) => built.update(file, indexFile(file, 'terraform', text))));
  return built;
}

function hints(text: string, workspace?: { model: WorkspaceModel; file: string }): string[] {
  const result = analyzeText(text, realHintRules(), { kind: 'terraform', fileName: workspace?.file, workspace: workspace?.model });
  const at = (offset: number): number => result.lines.lineOf(offset) + 1;
  return [
    ...result.sites.flatMap((site) => site.ruleIds.map((id) => `${at(site.start)} ${id}`)),
    ...result.findings.map((finding) => `${at(finding.start)} ${finding.ruleId}!`),
  ].sort();
}

describe('Terraform local module folders', () => {
  it('indexes the inputs a database resource takes whole or through a null fallback, and drops one two arguments take', () => {
    assert.deepEqual(moduleInputsOf('modules/cache/main.tf', CACHE_MODULE), {
      name: { resource: 'aws_elasticache_replication_group', argument: 'replication_group_id' },
      at_rest_encryption_enabled: { resource: 'aws_elasticache_replication_group', argument: 'at_rest_encryption_enabled' },
      transit_encryption: { resource: 'aws_elasticache_replication_group', argument: 'transit_encryption_enabled' },
      auth_token: { resource: 'aws_elasticache_replication_group', argument: 'auth_token' },
      retention: null,
    });
  });

  it("reads a caller's inputs as the arguments they reach, with their hovers and findings", () => {
    const workspace = model({ 'modules/cache/main.tf': CACHE_MODULE, 'envs/prod/cache.tf': CALLER });
    assert.deepEqual(hints(CALLER, { model: workspace, file: 'envs/prod/cache.tf' }), [
      '4 elasticache-at-rest-encryption',
      '5 elasticache-transit-encryption',
      '5 elasticache-transit-encryption!',
      '6 elasticache-auth-token',
      '6 elasticache-auth-token!',
    ]);
    assert.deepEqual(hints(CALLER), [], 'alone, the module is unknown');
  });

  it('reads a module block with a bare label that calls its parent folder (`module sessions { source = "../" }`)', () => {
    const caller = CALLER.replace('module "sessions" {', 'module sessions {').replace('"../../modules/cache"', '"../"');
    const workspace = model({ 'modules/cache/main.tf': CACHE_MODULE, 'modules/cache/example/main.tf': caller });
    assert.deepEqual(hints(caller, { model: workspace, file: 'modules/cache/example/main.tf' }), [
      '4 elasticache-at-rest-encryption',
      '5 elasticache-transit-encryption',
      '5 elasticache-transit-encryption!',
      '6 elasticache-auth-token',
      '6 elasticache-auth-token!',
    ]);
  });

  it('counts no absent input against a rule, and reads nothing for a source outside the workspace', () => {
    const bare = lines('module "sessions" {', '  source = "../../modules/cache"', '  name   = "sessions"', '}');
    const workspace = model({ 'modules/cache/main.tf': CACHE_MODULE, 'envs/prod/cache.tf': bare });
    assert.deepEqual(hints(bare, { model: workspace, file: 'envs/prod/cache.tf' }), []);
    const remote = CALLER.replace('../../modules/cache', 'git::https://example.com/modules.git//cache');
    const elsewhere = model({ 'modules/cache/main.tf': CACHE_MODULE, 'envs/prod/cache.tf': remote });
    assert.deepEqual(hints(remote, { model: elsewhere, file: 'envs/prod/cache.tf' }), []);
  });

  it('reads an input the module leaves out under a condition written first (`condition ? null : var.x`), as Cloud Posse writes it', () => {
    const cluster = lines(
      'resource "aws_rds_cluster" "primary" {',
      '  count                 = local.regional ? 1 : 0',
      '  master_password       = local.ignore_credentials || var.manage_password ? null : var.admin_password',
      '  deletion_protection   = local.serverless ? null : var.deletion_protection',
      '  backup_retention_period = var.restore ? 1 : var.serverless ? null : var.retention_period',
      '}',
    );
    assert.deepEqual(moduleInputsOf('modules/db/main.tf', cluster), {
      admin_password: { resource: 'aws_rds_cluster', argument: 'master_password' },
      deletion_protection: { resource: 'aws_rds_cluster', argument: 'deletion_protection' },
    });
    const caller = lines(
      'module "db" {',
      '  source              = "../../"',
      '  admin_password      = "Example-Passw0rd-1"',
      '  deletion_protection = false',
      '  retention_period    = 0',
      '}',
    );
    const workspace = model({ 'main.tf': cluster, 'examples/basic/main.tf': caller });
    assert.deepEqual(hints(caller, { model: workspace, file: 'examples/basic/main.tf' }), [
      '3 rds-master-password',
      '3 rds-master-password!',
      '4 rds-deletion-protection',
      '4 rds-deletion-protection!',
    ]);
  });

  it('reads no input through a chain of conditionals, and one it only partly decides as that, with a hover and no finding', () => {
    const cluster = lines(
      'resource "aws_rds_cluster" "primary" {',
      '  deletion_protection = var.a ? true : var.b ? null : var.deletion_protection',
      '  master_password     = var.generated ? var.admin_password : null_resource.x',
      '}',
    );
    assert.deepEqual(moduleInputsOf('modules/db/main.tf', cluster), {
      admin_password: { resource: 'aws_rds_cluster', argument: 'master_password', partial: true },
    });
  });

  it('reads an input the module sets beside a literal of its own, or computes the argument from, with a hover and no finding', () => {
    const instance = lines(
      'locals {',
      '  major_version = split(".", var.engine_version)[0]',
      '}',
      'resource "aws_db_instance" "main" {',
      '  storage_encrypted       = var.serverless ? true : var.storage_encrypted',
      '  backup_retention_period = var.is_read_replica ? 0 : var.backup_retention_period',
      '  multi_az                = var.is_read_replica ? var.replica_multi_az : false',
      '  max_allocated_storage   = var.max_storage > 0 ? var.max_storage : 0',
      '  engine_version          = var.is_read_replica ? null : local.major_version',
      '  instance_class          = "db.${var.family}.${var.size}"',
      '  identifier              = "${var.project}-${var.stage}-${var.tenant}"',
      '  allocated_storage       = var.a ? 20 : var.b ? 50 : var.allocated_storage',
      '}',
      'resource "aws_rds_cluster" "main" {',
      '  deletion_protection = var.deletion_protection',
      '  master_username     = "${var.deletion_protection}-admin"',
      '}',
    );
    assert.deepEqual(moduleInputsOf('modules/db/main.tf', instance), {
      storage_encrypted: { resource: 'aws_db_instance', argument: 'storage_encrypted', partial: true },
      backup_retention_period: { resource: 'aws_db_instance', argument: 'backup_retention_period', partial: true },
      replica_multi_az: { resource: 'aws_db_instance', argument: 'multi_az', partial: true },
      max_storage: { resource: 'aws_db_instance', argument: 'max_allocated_storage', partial: true },
      engine_version: { resource: 'aws_db_instance', argument: 'engine_version', partial: true },
      family: { resource: 'aws_db_instance', argument: 'instance_class', partial: true },
      size: { resource: 'aws_db_instance', argument: 'instance_class', partial: true },
      // Taken whole by one argument and computed into another: the whole one wins.
      deletion_protection: { resource: 'aws_rds_cluster', argument: 'deletion_protection' },
    });
    const caller = lines(
      'module "db" {',
      '  source                  = "../../modules/db"',
      '  storage_encrypted       = false',
      '  backup_retention_period = 0',
      '  replica_multi_az        = false',
      '  max_storage             = 0',
      '  engine_version          = "11.22"',
      '  project                 = "ledger"',
      '  deletion_protection     = false',
      '}',
    );
    const workspace = model({ 'modules/db/main.tf': instance, 'envs/prod/db.tf': caller });
    assert.deepEqual(hints(caller, { model: workspace, file: 'envs/prod/db.tf' }), [
      '3 rds-storage-encrypted',
      '4 rds-backup-retention',
      '5 rds-multi-az',
      '6 rds-storage-autoscaling',
      '7 rds-engine-version-extended-support',
      '9 rds-deletion-protection',
      '9 rds-deletion-protection!',
    ]);
  });

  it("reads an Aurora setting that the cluster and its instances both take as the cluster's, in one file or two", () => {
    const cluster = lines('resource "aws_rds_cluster" "this" {', '  engine         = var.engine', '  engine_version = var.engine_version', '}');
    const instances = lines('resource "aws_rds_cluster_instance" "this" {', '  count          = var.cluster_size', '  engine         = var.engine', '  engine_version = var.engine_version', '}');
    assert.deepEqual(moduleInputsOf('modules/aurora/main.tf', lines(cluster, instances)), {
      engine: { resource: 'aws_rds_cluster', argument: 'engine', versionInput: 'engine_version' },
      engine_version: { resource: 'aws_rds_cluster', argument: 'engine_version' },
      cluster_size: { resource: 'aws_rds_cluster_instance', argument: 'count' },
    });
    const caller = lines('module "db" {', '  source         = "../../modules/aurora"', '  engine         = "aurora-mysql"', '  engine_version = "5.7.mysql_aurora.2.11.2"', '}');
    const findings = (files: Record<string, string>): string[] => hints(caller, { model: model({ ...files, 'envs/dev/db.tf': caller }), file: 'envs/dev/db.tf' }).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings({ 'modules/aurora/main.tf': lines(cluster, instances) }), ['4 rds-engine-version-extended-support!']);
    assert.deepEqual(findings({ 'modules/aurora/cluster.tf': cluster, 'modules/aurora/instances.tf': instances }), ['4 rds-engine-version-extended-support!']);
    // Another pair of resources, or another argument of the instance, leaves the input unknown.
    const standalone = lines('resource "aws_db_instance" "this" {', '  engine = var.engine', '}');
    assert.deepEqual(moduleInputsOf('modules/aurora/main.tf', lines(cluster, standalone))?.engine, null);
    const other = lines('resource "aws_rds_cluster_instance" "this" {', '  engine_version = var.engine', '}');
    assert.deepEqual(moduleInputsOf('modules/aurora/main.tf', lines(cluster, other))?.engine, null);
    assert.deepEqual(findings({ 'modules/aurora/cluster.tf': cluster, 'modules/aurora/other.tf': standalone }), []);
  });

  it("reads a module folder's variable default only where some caller of the workspace leaves the input out", () => {
    const database = lines(
      'variable "deletion_protection" {',
      '  default = false',
      '}',
      'resource "aws_db_instance" "this" {',
      '  engine              = "postgres"',
      '  storage_encrypted   = true',
      '  deletion_protection = var.deletion_protection',
      '}',
    );
    const call = (...inputs: string[]): string => lines('module "db" {', '  source = "../../modules/db"', ...inputs, '}');
    assert.deepEqual(contributionOf('envs/prod/main.tf', call('  name = "a"', '  count = 1'))?.moduleCalls, { 'modules/db': [['name']] });
    const findings = (callers: Record<string, string>): string[] =>
      hints(database, { model: model({ 'modules/db/main.tf': database, ...callers }), file: 'modules/db/main.tf' }).filter((hint) => hint.endsWith('!'));
    const protectedCall = call('  deletion_protection = true');
    assert.deepEqual(findings({}), ['4 rds-multi-az!', '7 rds-deletion-protection!'], 'no caller: the folder is a root, its default runs');
    assert.deepEqual(findings({ 'envs/prod/main.tf': protectedCall, 'envs/stage/main.tf': protectedCall }), ['4 rds-multi-az!']);
    assert.deepEqual(findings({ 'envs/prod/main.tf': protectedCall, 'envs/dev/main.tf': call('  name = "dev"') }), ['4 rds-multi-az!', '7 rds-deletion-protection!']);
  });

  it("iterates a module's `for_each` over the maps of objects its callers pass as a variable of their own", () => {
    const databases = lines(
      'variable "databases" {}',
      'resource "aws_db_instance" "this" {',
      '  for_each            = var.databases',
      '  engine              = "postgres"',
      '  storage_encrypted   = true',
      '  publicly_accessible = each.value.public',
      '}',
    );
    const caller = (...inputs: string[]): string => lines('module "dbs" {', '  source = "../../modules/dbs"', ...inputs, '}');
    const variable = (publics: boolean[]): string =>
      lines('variable "dbs" {', '  default = {', ...publics.map((value, i) => `    db${i} = { public = ${value} }`), '  }', '}');
    const findings = (callers: Record<string, string>): string[] =>
      hints(databases, { model: model({ 'modules/dbs/main.tf': databases, ...callers }), file: 'modules/dbs/main.tf' }).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(contributionOf('envs/prod/main.tf', caller('  databases = var.dbs', '  name = "x"'))?.moduleCallVariables, { 'modules/dbs': [{ databases: 'dbs' }] });
    assert.deepEqual(findings({ 'envs/prod/main.tf': caller('  databases = var.dbs'), 'envs/prod/variables.tf': variable([false, true]) }), ['2 rds-deletion-protection!', '2 rds-multi-az!', '6 rds-publicly-accessible!']);
    assert.deepEqual(findings({ 'envs/prod/main.tf': caller('  databases = var.dbs'), 'envs/prod/variables.tf': variable([false, false]) }), ['2 rds-deletion-protection!', '2 rds-multi-az!']);
    // Every caller's map counts: one public database among them is one.
    const twoCallers = { 'envs/prod/main.tf': caller('  databases = var.dbs'), 'envs/prod/variables.tf': variable([false]), 'envs/dev/main.tf': caller('  databases = var.dbs'), 'envs/dev/variables.tf': variable([true]) };
    assert.deepEqual(findings(twoCallers), ['2 rds-deletion-protection!', '2 rds-multi-az!', '6 rds-publicly-accessible!']);
    // A caller that passes something else leaves the elements unknown.
    assert.deepEqual(findings({ ...twoCallers, 'envs/qa/main.tf': caller('  databases = local.dbs') }), ['2 rds-deletion-protection!', '2 rds-multi-az!']);
    assert.deepEqual(findings({ 'envs/prod/main.tf': caller('  databases = var.dbs') }), ['2 rds-deletion-protection!', '2 rds-multi-az!'], 'a variable with no map of objects');
  });

  it('reads security group rules a module iterates over a map of objects from another file: its default, or what its callers pass', () => {
    const rules = lines(
      'resource "aws_security_group" "all" {',
      '  for_each = toset(["web", "db"])',
      '  name     = each.value',
      '}',
      'resource "aws_security_group_rule" "all" {',
      '  for_each          = var.sg_rules',
      '  type              = each.value.type',
      '  security_group_id = aws_security_group.all[each.value.sg].id',
      '  protocol          = "tcp"',
      '  from_port         = each.value.port',
      '  to_port           = each.value.port',
      '  cidr_blocks       = [each.value.cidr]',
      '}',
    );
    const map = (...rows: string[]): string => lines('variable "sg_rules" {', '  default = {', ...rows, '  }', '}');
    const mysql = '    mysql = { sg = "db", type = "ingress", port = 3306, cidr = "0.0.0.0/0" }';
    const https = '    https = { sg = "web", type = "ingress", port = 443, cidr = "0.0.0.0/0" }';
    const out = '    out = { sg = "db", type = "egress", port = 3306, cidr = "0.0.0.0/0" }';
    const findings = (files: Record<string, string>): string[] =>
      hints(rules, { model: model({ 'modules/network/rules.tf': rules, ...files }), file: 'modules/network/rules.tf' }).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings({ 'modules/network/variables.tf': map(mysql, https, out) }), ['12 rds-open-ingress!'], "the folder's own default");
    const caller = lines('module "network" {', '  source   = "../../modules/network"', '  sg_rules = var.sg_rules', '}');
    assert.deepEqual(findings({ 'modules/network/variables.tf': lines('variable "sg_rules" {}'), 'envs/prod/main.tf': caller, 'envs/prod/variables.tf': map(https, mysql) }), ['12 rds-open-ingress!']);
    assert.deepEqual(findings({ 'modules/network/variables.tf': lines('variable "sg_rules" {}'), 'envs/prod/main.tf': caller, 'envs/prod/variables.tf': map(https, out) }), []);
  });

  it("takes the engine a caller leaves out from the folder's variable default, one folder or two down", () => {
    const cluster = lines('resource "aws_rds_cluster" "this" {', '  engine         = var.engine', '  engine_version = var.engine_version', '}');
    const variables = (engine: string): string => lines('variable "engine" {', `  default = "${engine}"`, '}', 'variable "engine_version" {}');
    const wrapper = lines(variables('aurora-mysql'), 'module "cluster" {', '  source         = "../aurora"', '  engine         = var.engine', '  engine_version = var.engine_version', '}');
    const files = { 'modules/aurora/main.tf': cluster, 'modules/aurora/variables.tf': variables('aurora-postgresql'), 'modules/mysql/main.tf': wrapper };
    const findings = (caller: string): string[] => hints(caller, { model: model({ ...files, 'envs/dev/db.tf': caller }), file: 'envs/dev/db.tf' }).filter((hint) => hint.endsWith('!'));
    const call = (source: string, ...inputs: string[]): string => lines('module "db" {', `  source = "../../modules/${source}"`, ...inputs, '}');
    assert.deepEqual(findings(call('aurora', '  engine_version = "11.21"')), ['3 rds-engine-version-extended-support!'], 'Aurora PostgreSQL by default');
    assert.deepEqual(findings(call('mysql', '  engine_version = "5.7.mysql_aurora.2.11.2"')), ['3 rds-engine-version-extended-support!'], "the wrapper's default wins");
    assert.deepEqual(findings(call('aurora', '  engine_version = "16.4"')), []);
    // An engine the caller writes replaces the default, known or not.
    assert.deepEqual(findings(call('aurora', '  engine = var.engine', '  engine_version = "11.21"')), []);
    assert.deepEqual(findings(call('mysql', '  engine = "aurora-postgresql"', '  engine_version = "5.7.mysql_aurora.2.11.2"')), []);
  });

  it('judges a caller\'s version with the engine the folder writes itself beside the version input', () => {
    const cluster = (engine: string): string => lines('resource "aws_rds_cluster" "this" {', `  engine            = ${engine}`, '  engine_version    = var.pg_version', '  storage_encrypted = true', '}');
    const findings = (engine: string, version: string): string[] => {
      const caller = lines('module "db" {', '  source     = "../../modules/postgres"', `  pg_version = ${version}`, '}');
      const files = { 'modules/postgres/main.tf': cluster(engine), 'envs/prod/db.tf': caller };
      return hints(caller, { model: model(files), file: 'envs/prod/db.tf' }).filter((hint) => hint.endsWith('!'));
    };
    assert.deepEqual(findings('"aurora-postgresql"', '"11.17"'), ['3 rds-engine-version-extended-support!'], 'Aurora PostgreSQL 11');
    assert.deepEqual(findings('"aurora-postgresql"', '"16.4"'), []);
    assert.deepEqual(findings('var.engine', '"11.17"'), [], 'an engine the caller may choose');
    assert.deepEqual(findings('"aurora-mysql"', '"11.17"'), [], 'no Aurora MySQL version');
  });
});

describe('Terraform local module folders whose arguments are conditionals on an input', () => {
  const DATABASE = lines(
    'locals {',
    '  retention_days = var.production ? 14 : 0',
    '}',
    'resource "aws_db_instance" "main" {',
    '  count                   = var.stage == "none" ? 0 : 1',
    '  identifier              = "${var.stage}-db"',
    '  publicly_accessible     = var.stage == "sandbox" ? true : false',
    '  backup_retention_period = local.retention_days',
    '  deletion_protection     = !var.protect ? false : true',
    '  storage_encrypted       = ("legacy" != var.tier) ? true : false',
    '  multi_az                = var.production && var.ha ? true : false',
    '  skip_final_snapshot     = var.quick ? true : var.skip_final_snapshot',
    '}',
  );
  const caller = (inputs: string[]): string => lines('module "db" {', '  source = "../../modules/database"', ...inputs.map((input) => `  ${input}`), '}');

  it('indexes a conditional on one input whose branches are single values, also through a local, and nothing else', () => {
    assert.deepEqual(moduleInputsOf('modules/database/main.tf', DATABASE), {
      stage: { resource: 'aws_db_instance', argument: 'publicly_accessible', when: { equals: 'sandbox', yes: true, no: false } },
      production: { resource: 'aws_db_instance', argument: 'backup_retention_period', when: { yes: 14, no: 0 } },
      protect: { resource: 'aws_db_instance', argument: 'deletion_protection', when: { negated: true, yes: false, no: true } },
      tier: { resource: 'aws_db_instance', argument: 'storage_encrypted', when: { equals: 'legacy', negated: true, yes: true, no: false } },
      // Passed on beside a literal: a hover at the caller, no finding (see above).
      skip_final_snapshot: { resource: 'aws_db_instance', argument: 'skip_final_snapshot', partial: true },
    });
  });

  it("reads the branch a caller's literal chooses, on the caller's line, and nothing for an input that is no literal", () => {
    const sandbox = caller(['stage      = "sandbox"', 'production = false', 'protect    = "false"', 'tier       = "legacy"']);
    const live = caller(['stage      = "live"', 'production = true', 'protect    = true', 'tier       = var.tier']);
    const workspace = model({ 'modules/database/main.tf': DATABASE, 'envs/sandbox/main.tf': sandbox, 'envs/live/main.tf': live });
    assert.deepEqual(hints(sandbox, { model: workspace, file: 'envs/sandbox/main.tf' }), [
      '3 rds-publicly-accessible',
      '3 rds-publicly-accessible!',
      '4 rds-backup-retention',
      '4 rds-backup-retention!',
      '5 rds-deletion-protection',
      '5 rds-deletion-protection!',
      '6 rds-storage-encrypted',
      '6 rds-storage-encrypted!',
    ]);
    assert.deepEqual(hints(live, { model: workspace, file: 'envs/live/main.tf' }), ['3 rds-publicly-accessible', '4 rds-backup-retention', '5 rds-deletion-protection']);
  });

  it('reads a comparison alone as a bool, and a local another file of the module declares', () => {
    const locals = lines('locals {', '  keep_days = var.durable ? 7 : 0', '  both      = var.a && var.b', '}');
    const cluster = lines(
      'resource "aws_rds_cluster" "main" {',
      '  deletion_protection     = (var.env == "prod")',
      '  storage_encrypted       = !var.plain',
      '  backup_retention_period = local.keep_days',
      '  copy_tags_to_snapshot   = local.both',
      '}',
    );
    assert.deepEqual(contributionOf('modules/aurora/locals.tf', locals)?.localConditions, { keep_days: { input: 'durable', when: { yes: 7, no: 0 } } });
    assert.deepEqual(contributionOf('modules/aurora/main.tf', cluster)?.localArguments, {
      keep_days: [{ resource: 'aws_rds_cluster', argument: 'backup_retention_period' }],
      both: [{ resource: 'aws_rds_cluster', argument: 'copy_tags_to_snapshot' }],
    });
    const call = caller(['source = "../../modules/aurora"', 'env     = "dev"', 'plain   = true', 'durable = false', 'a       = true', 'b       = true']).replace('  source = "../../modules/database"\n', '');
    const workspace = model({ 'modules/aurora/locals.tf': locals, 'modules/aurora/main.tf': cluster, 'envs/dev/main.tf': call });
    assert.deepEqual(hints(call, { model: workspace, file: 'envs/dev/main.tf' }), [
      '3 rds-deletion-protection',
      '3 rds-deletion-protection!',
      '4 rds-storage-encrypted',
      '4 rds-storage-encrypted!',
      '5 rds-backup-retention',
      '5 rds-backup-retention!',
    ]);
  });

  it('keeps every argument that conditionals on one input set, and drops none of them for an argument taking the input whole', () => {
    const database = lines(
      'resource "aws_db_instance" "main" {',
      '  identifier          = var.env',
      '  deletion_protection = var.env == "prod"',
      '  multi_az            = var.env == "prod" ? true : false',
      '  publicly_accessible = var.env == "dev"',
      '}',
    );
    assert.deepEqual(moduleInputsOf('modules/database/main.tf', database), {
      env: {
        resource: 'aws_db_instance',
        argument: 'identifier',
        more: [
          { resource: 'aws_db_instance', argument: 'deletion_protection', when: { equals: 'prod', yes: true, no: false } },
          { resource: 'aws_db_instance', argument: 'multi_az', when: { equals: 'prod', yes: true, no: false } },
          { resource: 'aws_db_instance', argument: 'publicly_accessible', when: { equals: 'dev', yes: true, no: false } },
        ],
      },
    });
    const dev = caller(['env = "dev"']);
    const prod = caller(['env = "prod"']);
    const workspace = model({ 'modules/database/main.tf': database, 'envs/dev/main.tf': dev, 'envs/prod/main.tf': prod });
    assert.deepEqual(hints(dev, { model: workspace, file: 'envs/dev/main.tf' }), [
      '3 rds-deletion-protection',
      '3 rds-deletion-protection!',
      '3 rds-multi-az',
      '3 rds-multi-az!',
      '3 rds-publicly-accessible',
      '3 rds-publicly-accessible!',
    ]);
    assert.deepEqual(hints(prod, { model: workspace, file: 'envs/prod/main.tf' }), ['3 rds-deletion-protection', '3 rds-multi-az', '3 rds-publicly-accessible']);
    const sites = analyzeText(prod, realHintRules(), { kind: 'terraform', fileName: 'envs/prod/main.tf', workspace: workspace }).sites;
    assert.deepEqual(sites.map((site) => site.name), [undefined], 'one place holds three arguments: no one name is written there');
  });

  it('drops an input two conditionals of one argument read differently, and compares values of one type only', () => {
    const twice = lines(
      'resource "aws_db_instance" "a" {',
      '  publicly_accessible = var.stage == "sandbox" ? true : false',
      '}',
      'resource "aws_db_instance" "b" {',
      '  publicly_accessible = var.stage == "demo" ? true : false',
      '}',
    );
    assert.deepEqual(moduleInputsOf('modules/database/main.tf', twice), { stage: null });
    const numbered = lines('resource "aws_db_instance" "a" {', '  publicly_accessible = var.tier == 1 ? true : false', '}');
    const call = caller(['tier = "1"']);
    const workspace = model({ 'modules/database/main.tf': numbered, 'envs/a/main.tf': call });
    assert.deepEqual(hints(call, { model: workspace, file: 'envs/a/main.tf' }), []);
  });
});

describe('Terraform local module folders that wrap a registry module', () => {
  const WRAPPER = lines(
    'module "db" {',
    '  source                  = "terraform-aws-modules/rds-aurora/aws"',
    '  version                 = "~> 9.0"',
    '  name                    = var.name',
    '  engine                  = "aurora-postgresql"',
    '  deletion_protection     = var.deletion_protection',
    '  backup_retention_period = var.backup_days',
    '  publicly_accessible     = var.public',
    '  master_password         = var.password',
    '  skip_final_snapshot     = var.env == "prod" ? false : true',
    '}',
  );

  it('indexes the inputs the registry module takes whole, as the resource arguments they reach', () => {
    assert.deepEqual(moduleInputsOf('modules/aurora/main.tf', WRAPPER), {
      name: { resource: 'aws_rds_cluster', argument: 'name' },
      deletion_protection: { resource: 'aws_rds_cluster', argument: 'deletion_protection' },
      backup_days: { resource: 'aws_rds_cluster', argument: 'backup_retention_period' },
      // v9 takes instance settings as inputs: they reach the instances.
      public: { resource: 'aws_rds_cluster_instance', argument: 'publicly_accessible' },
      // The module manages the password unless told not to: what a caller passes may never arrive.
      password: null,
      // A conditional on an input: the caller's value picks the branch.
      env: { resource: 'aws_rds_cluster', argument: 'skip_final_snapshot', when: { equals: 'prod', yes: false, no: true } },
    });
  });

  it("reads a registry module's input that the wrapper sets by a conditional on its own input, at the caller", () => {
    const staging = lines('module "orders_db" {', '  source = "../../modules/aurora"', '  env    = "staging"', '}');
    const prod = lines('module "orders_db" {', '  source = "../../modules/aurora"', '  env    = "prod"', '}');
    const workspace = model({ 'modules/aurora/main.tf': WRAPPER, 'envs/staging/db.tf': staging, 'envs/prod/db.tf': prod });
    assert.deepEqual(hints(staging, { model: workspace, file: 'envs/staging/db.tf' }), ['3 rds-skip-final-snapshot', '3 rds-skip-final-snapshot!']);
    assert.deepEqual(hints(prod, { model: workspace, file: 'envs/prod/db.tf' }), ['3 rds-skip-final-snapshot']);
  });

  it("reads a caller's inputs through the wrapper, with the caller's variable defaults", () => {
    const caller = lines(
      'variable "protect" {',
      '  default = false',
      '}',
      'module "orders_db" {',
      '  source              = "../../modules/aurora"',
      '  deletion_protection = var.protect',
      '  backup_days         = 0',
      '  public              = true',
      '  password            = "Example-Passw0rd-1"',
      '}',
    );
    const workspace = model({ 'modules/aurora/main.tf': WRAPPER, 'envs/prod/db.tf': caller });
    assert.deepEqual(hints(caller, { model: workspace, file: 'envs/prod/db.tf' }), [
      '6 rds-deletion-protection',
      '6 rds-deletion-protection!',
      '7 rds-backup-retention',
      '7 rds-backup-retention!',
      '8 rds-publicly-accessible',
      '8 rds-publicly-accessible!',
    ]);
  });

  it('passes a master password on when the wrapper turns the managed password off, and reads nothing of an unknown module', () => {
    const unmanaged = WRAPPER.replace('  master_password ', '  manage_master_user_password = false\n  master_password ');
    assert.deepEqual(moduleInputsOf('modules/aurora/main.tf', unmanaged)?.password, { resource: 'aws_rds_cluster', argument: 'master_password' });
    const switched = WRAPPER.replace('  master_password ', '  manage_master_user_password = var.managed\n  master_password ');
    assert.equal(moduleInputsOf('modules/aurora/main.tf', switched)?.password, null);
    const elsewhere = WRAPPER.replace('terraform-aws-modules/rds-aurora/aws', 'example-org/aurora/aws');
    assert.equal(moduleInputsOf('modules/aurora/main.tf', elsewhere), undefined);
  });

  it('leaves an ElastiCache failover input unknown where Multi-AZ may turn failover on', () => {
    const cache = lines(
      'module "redis" {',
      '  source                     = "terraform-aws-modules/elasticache/aws"',
      '  multi_az_enabled           = var.multi_az',
      '  automatic_failover_enabled = var.failover',
      '  transit_encryption_enabled = var.tls',
      '}',
    );
    assert.deepEqual(moduleInputsOf('modules/cache/main.tf', cache), {
      multi_az: { resource: 'aws_elasticache_replication_group', argument: 'multi_az_enabled' },
      failover: null,
      tls: { resource: 'aws_elasticache_replication_group', argument: 'transit_encryption_enabled' },
    });
    // cloudposse's module takes its own names for some arguments.
    const cloudposse = lines('module "redis" {', '  source       = "cloudposse/elasticache-redis/aws"', '  cluster_size = var.nodes', '  transit_encryption_enabled = var.tls', '}');
    assert.deepEqual(moduleInputsOf('modules/cache/main.tf', cloudposse), {
      nodes: { resource: 'aws_elasticache_replication_group', argument: 'num_cache_clusters' },
      tls: { resource: 'aws_elasticache_replication_group', argument: 'transit_encryption_enabled' },
    });
  });
});

describe('Terraform local module folders that pass inputs on to other module folders', () => {
  const DATABASE = lines(
    'resource "aws_db_instance" "this" {',
    '  identifier          = var.name',
    '  engine              = "postgres"',
    '  deletion_protection = var.deletion_protection',
    '  publicly_accessible = var.public',
    '}',
  );
  // The service module takes the environment's settings and hands the database ones on.
  const SERVICE = lines(
    'module "database" {',
    '  source              = "../database"',
    '  name                = var.name',
    '  deletion_protection = var.protect_data',
    '  public              = var.env == "dev" ? true : false',
    '}',
    'module "replica" {',
    '  source = "../database"',
    '  name   = "${var.name}-replica"',
    '  public = var.public_replica',
    '}',
    'module "audit" {',
    '  source = "../audit"',
    '  name   = var.name',
    '}',
  );
  const CALLER = lines(
    'module "orders" {',
    '  source         = "../../modules/service"',
    '  name           = "orders"',
    '  protect_data   = false',
    '  public_replica = true',
    '  env            = "prod"',
    '}',
  );

  it('indexes the inputs a module block passes on whole, with the folder and the input they reach', () => {
    assert.deepEqual(contributionOf('modules/service/main.tf', SERVICE)?.moduleForwards, {
      name: [
        { folder: 'modules/database', input: 'name' },
        { folder: 'modules/audit', input: 'name' },
      ],
      protect_data: [{ folder: 'modules/database', input: 'deletion_protection' }],
      public_replica: [{ folder: 'modules/database', input: 'public' }],
    });
  });

  it("reads a caller's inputs as the arguments they reach two module folders down", () => {
    const workspace = model({ 'modules/database/main.tf': DATABASE, 'modules/service/main.tf': SERVICE, 'envs/prod/main.tf': CALLER });
    assert.deepEqual(hints(CALLER, { model: workspace, file: 'envs/prod/main.tf' }), [
      '4 rds-deletion-protection',
      '4 rds-deletion-protection!',
      '5 rds-publicly-accessible',
      '5 rds-publicly-accessible!',
    ]);
  });

  it('reads nothing for an input the folder passes nowhere certain, through a module folder the workspace lacks, or in a cycle', () => {
    const workspace = model({ 'modules/service/main.tf': SERVICE, 'envs/prod/main.tf': CALLER });
    assert.deepEqual(hints(CALLER, { model: workspace, file: 'envs/prod/main.tf' }), [], 'the database folder is missing');
    const loop = lines('module "self" {', '  source = "../loop"', '  x      = var.x', '}');
    const caller = lines('module "loop" {', '  source = "../../modules/loop"', '  x      = false', '}');
    const cyclic = model({ 'modules/loop/main.tf': loop, 'envs/dev/main.tf': caller });
    assert.deepEqual(hints(caller, { model: cyclic, file: 'envs/dev/main.tf' }), []);
  });
});
