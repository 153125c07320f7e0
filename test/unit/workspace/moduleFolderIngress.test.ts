/**
 * Security group rules of Terraform module folders, read with the workspace: a module folder's group that admits an
 * input's CIDR blocks on one port (`cidr_blocks = var.db_access` on 3306) is judged with each caller's blocks, one open
 * to every address on an input's port (`from_port = var.database_port`) with each caller's port, and a
 * rule resource whose `security_group_id` takes the id of one group through an expression (`join("", [for sg in
 * aws_security_group.this : sg.id])`) belongs to that group, so a database module's every-port rule is no cache's.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';
import { moduleInputsOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** `line rule` of every open-ingress finding of `file`, judged with the other files as its workspace. */
function ingressFindings(files: Record<string, string>, file: string): string[] {
  const model = new WorkspaceModel();
  model.batch(() => Object.entries(files).forEach(([name, text]) => model.update(name, indexFile(name, 'terraform', text))));
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace: model });
  return result.findings
    .filter((finding) => finding.ruleId.endsWith('-open-ingress'))
    .map((finding) => `${result.lines.lineOf(finding.start) + 1} ${finding.ruleId}`)
    .sort();
}

const GROUPS = lines(
  'variable "db_access" { type = list(string) }',
  'variable "admin_cidr" { type = string }',
  'variable "port" { default = 5432 }',
  'resource "aws_security_group" "db" {',
  '  ingress {',
  '    from_port   = 3306',
  '    to_port     = 3306',
  '    protocol    = "tcp"',
  '    cidr_blocks = var.db_access',
  '  }',
  '}',
  'resource "aws_security_group_rule" "pg" {',
  '  type              = "ingress"',
  '  from_port         = var.port',
  '  to_port           = var.port',
  '  protocol          = "tcp"',
  '  cidr_blocks       = var.reporting_cidrs',
  '  security_group_id = aws_security_group.db.id',
  '}',
  'resource "aws_vpc_security_group_ingress_rule" "redis" {',
  '  security_group_id = aws_security_group.db.id',
  '  from_port         = 6379',
  '  to_port           = 6379',
  '  ip_protocol       = "tcp"',
  '  cidr_ipv4         = var.admin_cidr',
  '}',
  'resource "aws_db_instance" "db" {',
  '  engine                 = "mysql"',
  '  vpc_security_group_ids = [aws_security_group.db.id]',
  '}',
);

describe('Terraform module folders: security group rules that admit an input', () => {
  it('notes the port each input is admitted on: a number written in place, or an input passed to both ends', () => {
    const inputs = moduleInputsOf('modules/db/main.tf', GROUPS);
    assert.deepEqual(inputs?.db_access, { resource: 'aws_security_group', argument: 'cidr_blocks', admittedOn: { port: 3306 } });
    assert.deepEqual(inputs?.reporting_cidrs, { resource: 'aws_security_group_rule', argument: 'cidr_blocks', admittedOn: { portInput: 'port' } });
    assert.deepEqual(inputs?.admin_cidr, { resource: 'aws_vpc_security_group_ingress_rule', argument: 'cidr_ipv4', admittedOn: { port: 6379 } });
  });

  it('notes no input of a port range, of all traffic, of an egress rule, or of a rule made under count', () => {
    const others = lines(
      'resource "aws_security_group" "web" {',
      '  ingress {',
      '    from_port   = 0',
      '    to_port     = 65535',
      '    protocol    = "tcp"',
      '    cidr_blocks = var.ranged',
      '  }',
      '  ingress {',
      '    from_port   = 0',
      '    to_port     = 0',
      '    protocol    = "-1"',
      '    cidr_blocks = var.everything',
      '  }',
      '}',
      'resource "aws_security_group_rule" "out" {',
      '  type        = "egress"',
      '  from_port   = 3306',
      '  to_port     = 3306',
      '  protocol    = "tcp"',
      '  cidr_blocks = var.outbound',
      '}',
      'resource "aws_security_group_rule" "maybe" {',
      '  count       = var.enabled ? 1 : 0',
      '  type        = "ingress"',
      '  from_port   = 3306',
      '  to_port     = 3306',
      '  protocol    = "tcp"',
      '  cidr_blocks = var.optional',
      '}',
    );
    assert.equal(moduleInputsOf('modules/web/main.tf', others), undefined);
  });

  it("reports a caller's open block on a database or cache port, and neither a private range nor a port it leaves unknown", () => {
    const caller = lines(
      'module "public" {',
      '  source          = "../modules/db"',
      '  db_access       = ["203.0.113.7/32", "0.0.0.0/0"]',
      '  port            = 5432',
      '  reporting_cidrs = ["0.0.0.0/0"]',
      '  admin_cidr      = "0.0.0.0/0"',
      '}',
      'module "private" {',
      '  source          = "../modules/db"',
      '  db_access       = ["10.0.0.0/16"]',
      '  reporting_cidrs = ["0.0.0.0/0"]',
      '  admin_cidr      = "10.1.0.0/16"',
      '}',
    );
    const files = { 'modules/db/main.tf': GROUPS, 'live/main.tf': caller };
    assert.deepEqual(ingressFindings(files, 'live/main.tf'), ['3 rds-open-ingress', '5 rds-open-ingress', '6 elasticache-open-ingress']);
  });
});

describe('Terraform module folders: an open rule whose port is an input', () => {
  // The folder opens its group to every address on the port its caller picks, and runs the database on that port.
  const DATABASE = lines(
    'variable "database_port" { type = number }',
    'resource "aws_security_group" "db" {',
    '  ingress {',
    '    from_port   = var.database_port',
    '    to_port     = var.database_port',
    '    protocol    = "tcp"',
    '    cidr_blocks = ["0.0.0.0/0"]',
    '  }',
    '}',
    'resource "aws_db_instance" "db" {',
    '  engine                 = "postgres"',
    '  port                   = var.database_port',
    '  vpc_security_group_ids = [aws_security_group.db.id]',
    '}',
  );
  const caller = (port: string): string => lines('module "orders" {', '  source        = "../modules/db"', `  database_port = ${port}`, '}');
  // The same folder with the rule in a file of its own: what the rule's file shows is judged at each caller.
  const [RULE_FILE, INSTANCE_FILE] = [DATABASE.slice(0, DATABASE.indexOf('resource "aws_db_instance"')), DATABASE.slice(DATABASE.indexOf('resource "aws_db_instance"'))];

  it("keeps both places the input reaches in another file: the instance's port and the rule's open sources", () => {
    assert.deepEqual(moduleInputsOf('modules/db/sg.tf', RULE_FILE)?.database_port, { resource: 'aws_security_group', argument: 'from_port', opensTo: ['0.0.0.0/0'] });
    assert.deepEqual(moduleInputsOf('modules/db/main.tf', DATABASE)?.database_port, { resource: 'aws_db_instance', argument: 'port' }, 'the rule of the same file is judged there');
  });

  it("reports the rule itself where the database of its file runs on the port the input gives, whichever the caller picks", () => {
    for (const port of ['5432', '8080', 'var.port']) {
      const files = { 'modules/db/main.tf': DATABASE, 'live/main.tf': caller(port) };
      assert.deepEqual(ingressFindings(files, 'modules/db/main.tf'), ['7 rds-open-ingress'], port);
      assert.deepEqual(ingressFindings(files, 'live/main.tf'), [], port);
    }
    assert.deepEqual(ingressFindings({ 'modules/db/main.tf': DATABASE.replace('["0.0.0.0/0"]', '["10.0.0.0/16"]') }, 'modules/db/main.tf'), [], 'a private range');
    const cache = DATABASE.replace('resource "aws_db_instance" "db" {', 'resource "aws_elasticache_replication_group" "db" {').replace('vpc_security_group_ids', 'security_group_ids');
    assert.deepEqual(ingressFindings({ 'modules/db/main.tf': cache }, 'modules/db/main.tf'), ['7 elasticache-open-ingress']);
    const otherPort = DATABASE.replace('  port                   = var.database_port', '  port                   = var.admin_port');
    assert.deepEqual(ingressFindings({ 'modules/db/main.tf': otherPort }, 'modules/db/main.tf'), [], 'the database runs on another input');
  });

  it("reports the caller's database port, and neither another port nor a private source", () => {
    const findings = (module: string, port: string): string[] =>
      ingressFindings({ 'modules/db/sg.tf': module.slice(0, module.indexOf('resource "aws_db_instance"')), 'modules/db/main.tf': INSTANCE_FILE, 'live/main.tf': caller(port) }, 'live/main.tf');
    assert.deepEqual(findings(DATABASE, '5432'), ['3 rds-open-ingress']);
    assert.deepEqual(findings(DATABASE, '"3306"'), ['3 rds-open-ingress'], 'a port written as a string');
    assert.deepEqual(findings(DATABASE, '8080'), []);
    assert.deepEqual(findings(DATABASE, 'var.port'), [], 'a port the caller leaves unknown');
    assert.deepEqual(findings(DATABASE.replace('["0.0.0.0/0"]', '["10.0.0.0/16"]'), '5432'), [], 'a private range');
    assert.deepEqual(findings(DATABASE.replace('    to_port     = var.database_port', '    to_port     = 65535'), '5432'), [], 'a range of ports');
  });
});

describe('Terraform rule resources: the group an expression takes its id from', () => {
  const groups = (groupId: string): string =>
    lines(
      'resource "aws_security_group" "this" {',
      '  for_each = var.groups',
      '  name     = each.key',
      '}',
      'resource "aws_security_group_rule" "all_inbound" {',
      '  type              = "ingress"',
      '  from_port         = 0',
      '  to_port           = 0',
      '  protocol          = "-1"',
      '  cidr_blocks       = ["0.0.0.0/0"]',
      `  security_group_id = ${groupId}`,
      '}',
    );
  const cluster = lines(
    'locals {',
    '  group_ids = [for sg in aws_security_group.this : sg.id]',
    '}',
    'resource "aws_rds_cluster" "main" {',
    '  engine                 = "aurora-postgresql"',
    '  vpc_security_group_ids = local.group_ids',
    '  depends_on             = [aws_security_group.this]',
    '}',
  );
  const judged = (groupId: string): string[] => ingressFindings({ 'modules/cluster/sg.tf': groups(groupId), 'modules/cluster/main.tf': cluster }, 'modules/cluster/sg.tf');

  it("reads an every-port rule on a database module's group, named through an expression, as the database's only", () => {
    for (const groupId of ['join("", [for sg in aws_security_group.this : sg.id if sg != null])', 'one(values(aws_security_group.this)[*].id)', '"${element(aws_security_group.this.*.id, 0)}"']) {
      assert.deepEqual(judged(groupId), ['10 rds-open-ingress'], groupId);
    }
  });

  it('names no group where the expression may give another id', () => {
    for (const groupId of ['coalesce(var.group_id, join("", [for sg in aws_security_group.this : sg.id]))', 'try(aws_security_group.this["db"].id, aws_security_group_rule.other.id)', '"${var.prefix}${aws_security_group.this["db"].id}"']) {
      assert.deepEqual(judged(groupId), ['10 elasticache-open-ingress', '10 rds-open-ingress'], groupId);
    }
  });
});

describe("Terraform rule resources on a VPC's default security group", () => {
  const network = lines(
    'resource "aws_vpc" "main" {',
    '  cidr_block = "10.8.0.0/16"',
    '}',
    'resource "aws_security_group_rule" "anywhere" {',
    '  type              = "ingress"',
    '  from_port         = 0',
    '  to_port           = 65535',
    '  protocol          = "-1"',
    '  cidr_blocks       = ["0.0.0.0/0"]',
    '  security_group_id = "${aws_vpc.main.default_security_group_id}"',
    '}',
  );
  const hosts = (more: string): string =>
    lines('resource "aws_instance" "grid" {', '  ami           = "ami-0abc"', '  instance_type = "t3.micro"', '}', 'output "grid_ips" {', '  value = aws_instance.grid.*.public_ip', '}', more);
  const judged = (more: string): string[] => ingressFindings({ 'grid/network.tf': network, 'grid/hosts.tf': hosts(more) }, 'grid/network.tf');

  it('reads an every-port rule on it as serving nothing where the folder declares no data store and hands the VPC to nobody', () => {
    assert.deepEqual(judged(''), []);
    assert.deepEqual(judged(lines('resource "aws_security_group_rule" "ssh" {', '  security_group_id = aws_vpc.main.default_security_group_id', '}')), []);
  });

  it("reads it as the folder's data stores' group, or any, where the folder declares one or an output names the VPC", () => {
    assert.deepEqual(judged(lines('resource "aws_db_instance" "reports" {', '  engine = "postgres"', '}')), ['9 rds-open-ingress']);
    assert.deepEqual(judged(lines('output "vpc_id" {', '  value = aws_vpc.main.id', '}')), ['9 elasticache-open-ingress', '9 rds-open-ingress']);
    assert.deepEqual(judged(lines('module "cache" {', '  source = "cloudposse/elasticache-redis/aws"', '}')), ['9 elasticache-open-ingress', '9 rds-open-ingress']);
  });
});
