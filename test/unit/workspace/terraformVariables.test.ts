/**
 * A Terraform module is a folder: `var.name` in main.tf takes the default that variables.tf declares,
 * and `local.name` the value locals.tf gives it, through the workspace model, as they do for a variable
 * or local declared in the same file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/cli';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { WRITTEN_SECRET } from '../../../src/hints/engine/workspace/contribution';
import { realHintRules } from '../hints/support';
import { contributionOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const VARIABLES = lines(
  'variable "transit_encryption" {',
  '  type    = bool',
  '  default = false',
  '}',
  'variable "name" {',
  '  default = "sessions"',
  '}',
  'variable "replicas" {',
  '  default = 2',
  '}',
  'variable "snapshot_name" {',
  '  default = null',
  '}',
  'variable "auth_token" {',
  '  default = "literal-token"',
  '}',
  'variable "db_password" {',
  '  default = "hunter2"',
  '}',
  'variable "subnets" {',
  '  default = ["a", "b"]',
  '}',
  'variable "admin_passwords" {',
  '  default = ["hunter2", "hunter3"]',
  '}',
  'variable "ports" {',
  '  default = [5432, var.port]',
  '}',
  'variable "label" {',
  '  default = "${var.name}-cache"',
  '}',
  'variable "vpc_id" {',
  '  type = string',
  '}',
);

const MAIN = lines(
  'resource "aws_elasticache_replication_group" "sessions" {',
  '  replication_group_id       = var.name',
  '  description                = "session store"',
  '  engine                     = "redis"',
  '  transit_encryption_enabled = var.transit_encryption',
  '  at_rest_encryption_enabled = true',
  '}',
);

function model(files: Record<string, string>): WorkspaceModel {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([file, text]) => built.update(file, indexFile(file, 'terraform', text))));
  return built;
}

function ruleIds(text: string, workspace?: { model: WorkspaceModel; file: string }): string[] {
  const result = analyzeText(text, realHintRules(), { kind: 'terraform', fileName: workspace?.file, workspace: workspace?.model });
  return result.findings.map((finding) => finding.ruleId);
}

describe('Terraform variable defaults across the files of a module', () => {
  it('indexes single values and lists of them, never a secret (only that one is written), a template, a list of anything else or a variable without one', () => {
    assert.deepEqual(contributionOf('cache/variables.tf', VARIABLES)?.variableDefaults, {
      transit_encryption: false,
      name: 'sessions',
      replicas: 2,
      snapshot_name: null,
      auth_token: WRITTEN_SECRET,
      db_password: WRITTEN_SECRET,
      subnets: ['a', 'b'],
    });
  });

  it('indexes locals the same way', () => {
    const locals = lines('locals {', '  backup_days = 0', '  cidrs       = ["10.0.0.0/8"]', '  db_password = "hunter2"', '  name        = "orders-${var.env}"', '}');
    assert.deepEqual(contributionOf('db/locals.tf', locals)?.localValues, { backup_days: 0, cidrs: ['10.0.0.0/8'], db_password: WRITTEN_SECRET });
  });

  it('reports a master password or auth token whose default variables.tf writes as a literal, not one it leaves empty or unset', () => {
    const database = lines(
      'resource "aws_db_instance" "orders" {',
      '  engine            = "postgres"',
      '  instance_class    = "db.t3.micro"',
      '  username          = "orders"',
      '  password          = var.db_password',
      '  storage_encrypted = true',
      '}',
      'resource "aws_elasticache_replication_group" "sessions" {',
      '  replication_group_id       = "sessions"',
      '  description                = "session store"',
      '  engine                     = "redis"',
      '  transit_encryption_enabled = true',
      '  at_rest_encryption_enabled = true',
      '  auth_token                 = var.auth_token',
      '}',
    );
    const reported = (variables: string): string[] =>
      ruleIds(database, { model: model({ 'db/variables.tf': variables, 'db/main.tf': database }), file: 'db/main.tf' }).filter((id) => id === 'rds-master-password' || id === 'elasticache-auth-token');
    assert.deepEqual(reported(VARIABLES), ['rds-master-password', 'elasticache-auth-token']);
    const unwritten = lines(
      'variable "db_password" {',
      '  type      = string',
      '  sensitive = true',
      '}',
      'variable "auth_token" {',
      '  default = ""',
      '}',
    );
    assert.deepEqual(reported(unwritten), []);
    assert.deepEqual(reported(lines('variable "db_password" {', '  default = null', '}', 'variable "auth_token" {', '  default = "${var.prefix}-token"', '}')), []);
    assert.deepEqual(ruleIds(database).filter((id) => id === 'rds-master-password'), [], 'alone, var.db_password is unknown');
  });

  it('answers for the folder of the asking file, from its other files only', () => {
    const workspace = model({ 'cache/variables.tf': VARIABLES, 'other/variables.tf': lines('variable "multi_az" {', '  default = false', '}') });
    assert.equal(workspace.terraformVariableDefault('cache/main.tf', 'transit_encryption'), false);
    assert.equal(workspace.terraformVariableDefault('cache/main.tf', 'replicas'), 2);
    assert.equal(workspace.terraformVariableDefault('cache/main.tf', 'multi_az'), undefined, 'another module');
    assert.equal(workspace.terraformVariableDefault('cache/nested/main.tf', 'name'), undefined, 'a child folder is another module');
    assert.equal(workspace.terraformVariableDefault('cache/variables.tf', 'name'), undefined, 'the asking file reads its own text');
    assert.equal(workspace.terraformVariableDefault('cache/main.tf', 'constructor'), undefined);
  });

  it('reports a setting that a default in variables.tf turns off, and only with the workspace', () => {
    const workspace = model({ 'cache/variables.tf': VARIABLES, 'cache/main.tf': MAIN });
    assert.ok(ruleIds(MAIN, { model: workspace, file: 'cache/main.tf' }).includes('elasticache-transit-encryption'));
    assert.ok(!ruleIds(MAIN).includes('elasticache-transit-encryption'), 'alone, var.transit_encryption is unknown');
    assert.ok(!ruleIds(MAIN, { model: workspace, file: 'elsewhere/main.tf' }).includes('elasticache-transit-encryption'), 'another folder');
  });

  it('takes the default of variables.tf for a reference written as a string of one interpolation, "${var.name}"', () => {
    const legacy = MAIN.replace('var.transit_encryption', '"${var.transit_encryption}"');
    const workspace = model({ 'cache/variables.tf': VARIABLES, 'cache/main.tf': legacy });
    assert.ok(ruleIds(legacy, { model: workspace, file: 'cache/main.tf' }).includes('elasticache-transit-encryption'));
    const framed = MAIN.replace('var.transit_encryption', '"${var.transit_encryption}x"');
    assert.ok(!ruleIds(framed, { model: workspace, file: 'cache/main.tf' }).includes('elasticache-transit-encryption'), 'a template is a string, not the variable');
  });

  it('reads a setting that makes a rule moot as unset when its variable defaults to null', () => {
    const variables = lines('variable "retention" {', '  default = 0', '}', 'variable "source_db" {', '  type    = string', '  default = null', '}', 'variable "primary" {', '  default = "orders-primary"', '}');
    const instance = (source: string): string =>
      lines('resource "aws_db_instance" "orders" {', '  engine                  = "postgres"', '  backup_retention_period = var.retention', `  replicate_source_db     = ${source}`, '}');
    const workspace = model({ 'db/variables.tf': variables, 'db/main.tf': instance('var.source_db') });
    // No source database: no read replica, so a retention of 0 turns backups off.
    assert.ok(ruleIds(instance('var.source_db'), { model: workspace, file: 'db/main.tf' }).includes('rds-backup-retention'));
    // A read replica keeps no backups of its own; an unknown source may be one.
    assert.ok(!ruleIds(instance('var.primary'), { model: workspace, file: 'db/main.tf' }).includes('rds-backup-retention'));
    assert.ok(!ruleIds(instance('var.other_source'), { model: workspace, file: 'db/main.tf' }).includes('rds-backup-retention'));
  });

  it('reads a setting that makes a rule moot as unset when its variable defaults to an empty string', () => {
    const variables = lines('variable "retention" {', '  default = 0', '}', 'variable "source_db" {', '  default = ""', '}', 'variable "snapshot" {', '  default = ""', '}');
    const instance = lines(
      'resource "aws_db_instance" "orders" {',
      '  engine                  = "postgres"',
      '  backup_retention_period = var.retention',
      '  replicate_source_db     = var.source_db',
      '  snapshot_identifier     = var.snapshot',
      '}',
    );
    const workspace = model({ 'db/variables.tf': variables, 'db/main.tf': instance });
    // The AWS provider reads an empty optional string as unset: no read replica, no snapshot to restore.
    const ids = ruleIds(instance, { model: workspace, file: 'db/main.tf' });
    assert.ok(ids.includes('rds-backup-retention'), 'backups off on a primary');
    assert.ok(ids.includes('rds-storage-encrypted'), 'a new database, not a restored snapshot');
    const replica = instance.replace('var.source_db', 'var.primary');
    assert.ok(!ruleIds(replica, { model: workspace, file: 'db/main.tf' }).includes('rds-backup-retention'), 'an input without a default may name a primary');
  });

  it('opens ingress to a list default or a string default declared in variables.tf, on a group and on a rule resource', () => {
    const variables = lines('variable "admin_cidrs" {', '  default = ["0.0.0.0/0"]', '}', 'variable "office_cidr" {', '  default = "0.0.0.0/0"', '}', 'variable "vpn_cidr" {', '  default = "10.8.0.0/16"', '}');
    const main = lines(
      'resource "aws_security_group" "db" {',
      '  ingress {',
      '    from_port   = 5432',
      '    to_port     = 5432',
      '    protocol    = "tcp"',
      '    cidr_blocks = var.admin_cidrs',
      '  }',
      '}',
      'resource "aws_vpc_security_group_ingress_rule" "office" {',
      '  ip_protocol = "tcp"',
      '  from_port   = 6379',
      '  to_port     = 6379',
      '  cidr_ipv4   = var.office_cidr',
      '}',
      'resource "aws_security_group_rule" "vpn" {',
      '  type        = "ingress"',
      '  from_port   = 3306',
      '  to_port     = 3306',
      '  protocol    = "tcp"',
      '  cidr_blocks = [var.vpn_cidr]',
      '}',
    );
    const workspace = model({ 'net/variables.tf': variables, 'net/main.tf': main });
    assert.deepEqual(ruleIds(main, { model: workspace, file: 'net/main.tf' }), ['rds-open-ingress', 'elasticache-open-ingress']);
    assert.deepEqual(ruleIds(main), [], 'alone, the variables are unknown');
  });

  it('reads a local of locals.tf, unless the file declares that local itself', () => {
    const locals = lines('locals {', '  backup_days = 0', '}');
    const main = lines('resource "aws_db_instance" "orders" {', '  storage_encrypted       = true', '  backup_retention_period = local.backup_days', '}');
    const workspace = model({ 'db/locals.tf': locals, 'db/main.tf': main });
    assert.deepEqual(ruleIds(main, { model: workspace, file: 'db/main.tf' }), ['rds-deletion-protection', 'rds-multi-az', 'rds-backup-retention']);
    assert.deepEqual(ruleIds(main), ['rds-deletion-protection', 'rds-multi-az']);
    assert.deepEqual(ruleIds(lines('locals {', '  backup_days = var.days', '}', main), { model: workspace, file: 'db/main.tf' }), ['rds-deletion-protection', 'rds-multi-az']);
  });

  it('never takes a default from another file for a variable the file declares itself', () => {
    const own = lines('variable "transit_encryption" {', '  type = bool', '}', MAIN);
    const workspace = model({ 'cache/variables.tf': VARIABLES });
    assert.ok(!ruleIds(own, { model: workspace, file: 'cache/main.tf' }).includes('elasticache-transit-encryption'));
  });

  describe('on the command line', () => {
    let temp: string;

    beforeEach(() => {
      temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-hints-tfvars-')));
      fs.mkdirSync(path.join(temp, 'cache'));
      fs.writeFileSync(path.join(temp, 'cache', 'variables.tf'), VARIABLES);
      fs.writeFileSync(path.join(temp, 'cache', 'main.tf'), MAIN);
    });

    afterEach(() => {
      fs.rmSync(temp, { recursive: true, force: true });
    });

    async function findings(...argv: string[]): Promise<string> {
      let stdout = '';
      await runCli([...argv, '--format', 'json'], { stdout: (text) => (stdout += text), stderr: () => undefined, cwd: temp }, realHintRules());
      return stdout;
    }

    it('judges main.tf with the defaults of variables.tf beside it, unless told to judge each file alone', async () => {
      assert.match(await findings('.'), /elasticache-transit-encryption/);
      assert.doesNotMatch(await findings('.', '--no-workspace'), /elasticache-transit-encryption/);
    });
  });
});
