/**
 * Terraform shapes around security groups and registry modules: `locals` and list variable defaults
 * of the same file, lists that wrap a reference, `dynamic "ingress"` blocks, the terraform-aws-modules
 * security-group module and its named rules, cloudposse's elasticache-redis module, and read replicas.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

/** Findings only, as `line:text rule`. */
function findings(code: string): string[] {
  return hintsIn('main.tf', code)
    .filter((hint) => hint.endsWith('!'))
    .map((hint) => hint.slice(0, -1));
}

describe('Terraform security groups and modules', () => {
  it('says nothing of every port open on a group the file attaches only to resources that are not databases', () => {
    const code = sourceLines(
      'resource "aws_security_group" "web" {',
      '  ingress {',
      '    from_port   = 0',
      '    to_port     = 0',
      '    protocol    = "-1"',
      '    cidr_blocks = ["0.0.0.0/0"]',
      '  }',
      '}',
      'resource "aws_lb" "web" {',
      '  security_groups = [aws_security_group.web.id]',
      '}',
      'resource "aws_security_group" "cache" {}',
      'resource "aws_security_group_rule" "cache_all" {',
      '  type              = "ingress"',
      '  from_port         = 0',
      '  to_port           = 65535',
      '  protocol          = "tcp"',
      '  cidr_blocks       = ["0.0.0.0/0"]',
      '  security_group_id = aws_security_group.cache.id',
      '}',
      'resource "aws_instance" "bastion" {',
      '  vpc_security_group_ids = [aws_security_group.cache.id]',
      '}',
      'resource "aws_elasticache_replication_group" "cache" {',
      '  security_group_ids         = [aws_security_group.cache.id]',
      '  at_rest_encryption_enabled = true',
      '  transit_encryption_enabled = true',
      '  auth_token                 = var.token',
      '}',
      'resource "aws_security_group" "jobs" {',
      '  ingress {',
      '    protocol    = "-1"',
      '    from_port   = 0',
      '    to_port     = 0',
      '    cidr_blocks = ["0.0.0.0/0"]',
      '  }',
      '}',
      'module "jobs" {',
      '  source          = "./modules/jobs"',
      '  security_groups = [aws_security_group.jobs.id]',
      '}',
    );
    // The cache group (line 18) serves a cache only: every port open is a cache's port, not a database's.
    assert.deepEqual(findings(code), [
      '18:"0.0.0.0/0" elasticache-open-ingress',
      '35:"0.0.0.0/0" elasticache-open-ingress',
      '35:"0.0.0.0/0" rds-open-ingress',
    ]);
  });

  it('reads ports from locals and CIDR blocks from a list variable default of the same file', () => {
    const code = sourceLines(
      'locals {',
      '  db_port = 5432',
      '  office  = ["203.0.113.0/24"]',
      '}',
      'variable "allowed_cidrs" {',
      '  type    = list(string)',
      '  default = ["0.0.0.0/0"]',
      '}',
      'resource "aws_security_group_rule" "db" {',
      '  type        = "ingress"',
      '  from_port   = local.db_port',
      '  to_port     = local.db_port',
      '  protocol    = "tcp"',
      '  cidr_blocks = var.allowed_cidrs',
      '}',
      'resource "aws_security_group_rule" "office" {',
      '  type        = "ingress"',
      '  from_port   = local.db_port',
      '  to_port     = local.db_port',
      '  protocol    = "tcp"',
      '  cidr_blocks = local.office',
      '}',
    );
    assert.deepEqual(findings(code), ['14:var.allowed_cidrs rds-open-ingress']);
  });

  it('reads a list that wraps a reference: a variable default, a local, or a key of the dynamic block element', () => {
    const code = sourceLines(
      'variable "admin_cidr" {',
      '  type    = string',
      '  default = "0.0.0.0/0"',
      '}',
      'variable "vpn_cidr" {',
      '  default = "10.8.0.0/16"',
      '}',
      'locals {',
      '  db_ingress = [',
      '    { port = 3306, cidr = "10.40.0.0/16" },',
      '    { port = 3306, cidr = "0.0.0.0/0" },',
      '  ]',
      '  bastion = "::/0"',
      '}',
      'resource "aws_security_group_rule" "admin" {',
      '  type        = "ingress"',
      '  from_port   = 5432',
      '  to_port     = 5432',
      '  protocol    = "tcp"',
      '  cidr_blocks = [var.admin_cidr]',
      '}',
      'resource "aws_security_group_rule" "vpn" {',
      '  type             = "ingress"',
      '  from_port        = 5432',
      '  to_port          = 5432',
      '  protocol         = "tcp"',
      '  cidr_blocks      = [var.vpn_cidr, "192.0.2.0/24"]',
      '  ipv6_cidr_blocks = [local.bastion]',
      '}',
      'resource "aws_security_group" "db" {',
      '  dynamic "ingress" {',
      '    for_each = local.db_ingress',
      '    content {',
      '      from_port   = ingress.value.port',
      '      to_port     = ingress.value.port',
      '      protocol    = "tcp"',
      '      cidr_blocks = [ingress.value.cidr]',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(findings(code), ['20:var.admin_cidr rds-open-ingress', '28:local.bastion rds-open-ingress', '37:ingress.value.cidr rds-open-ingress']);
  });

  it('opens a dynamic ingress block whose for_each has elements, and no block that may not exist', () => {
    const code = sourceLines(
      'locals {',
      '  databases = { reporting = 1, analytics = 2 }',
      '}',
      'variable "public" {',
      '  default = false',
      '}',
      'resource "aws_security_group" "db" {',
      '  dynamic "ingress" {',
      '    for_each = local.databases',
      '    content {',
      '      from_port   = 5432',
      '      to_port     = 5432',
      '      protocol    = "tcp"',
      '      cidr_blocks = ["0.0.0.0/0"]',
      '    }',
      '  }',
      '  dynamic "ingress" {',
      '    for_each = var.public ? [1] : []',
      '    content {',
      '      from_port   = 6379',
      '      to_port     = 6379',
      '      protocol    = "tcp"',
      '      cidr_blocks = ["0.0.0.0/0"]',
      '    }',
      '  }',
      '  dynamic "ingress" {',
      '    for_each = { for name, db in local.databases : name => db if db > 5 }',
      '    content {',
      '      from_port   = 5432',
      '      to_port     = 5432',
      '      protocol    = "tcp"',
      '      cidr_blocks = ["0.0.0.0/0"]',
      '    }',
      '  }',
      '  dynamic "ingress" {',
      '    for_each = toset([])',
      '    content {',
      '      from_port   = 3306',
      '      to_port     = 3306',
      '      protocol    = "tcp"',
      '      cidr_blocks = ["0.0.0.0/0"]',
      '    }',
      '  }',
      '  dynamic "egress" {',
      '    for_each = toset(["all"])',
      '    content {',
      '      from_port   = 0',
      '      to_port     = 0',
      '      protocol    = "-1"',
      '      cidr_blocks = ["0.0.0.0/0"]',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(findings(code), ['14:"0.0.0.0/0" rds-open-ingress']);
  });

  it('reads a rule resource once per element of its for_each, with each.value as the element', () => {
    const code = sourceLines(
      'variable "partner_cidrs" {',
      '  default = ["198.51.100.0/24", "0.0.0.0/0"]',
      '}',
      'resource "aws_vpc_security_group_ingress_rule" "partners" {',
      '  for_each          = toset(var.partner_cidrs)',
      '  ip_protocol       = "tcp"',
      '  from_port         = 3306',
      '  to_port           = 3306',
      '  cidr_ipv4         = each.value',
      '}',
      'resource "aws_security_group_rule" "offices" {',
      '  for_each    = { berlin = "192.0.2.0/24", lisbon = "203.0.113.0/24" }',
      '  type        = "ingress"',
      '  from_port   = 5432',
      '  to_port     = 5432',
      '  protocol    = "tcp"',
      '  cidr_blocks = [each.value]',
      '}',
      'resource "aws_vpc_security_group_ingress_rule" "none" {',
      '  for_each    = toset([])',
      '  ip_protocol = "tcp"',
      '  from_port   = 6379',
      '  to_port     = 6379',
      '  cidr_ipv4   = "0.0.0.0/0"',
      '}',
    );
    assert.deepEqual(findings(code), ['9:each.value rds-open-ingress']);
  });

  it('takes each.key for the element of a set, never of a map or of a dynamic block over a list', () => {
    const code = sourceLines(
      'resource "aws_vpc_security_group_ingress_rule" "partners" {',
      '  for_each    = toset(["198.51.100.0/24", "0.0.0.0/0"])',
      '  ip_protocol = "tcp"',
      '  from_port   = 5432',
      '  to_port     = 5432',
      '  cidr_ipv4   = each.key',
      '}',
      'resource "aws_vpc_security_group_ingress_rule" "named" {',
      '  for_each    = { "0.0.0.0/0" = "world" }',
      '  ip_protocol = "tcp"',
      '  from_port   = 6379',
      '  to_port     = 6379',
      '  cidr_ipv4   = each.key',
      '}',
      'resource "aws_security_group" "cache" {',
      '  dynamic "ingress" {',
      '    for_each = ["0.0.0.0/0"]',
      '    content {',
      '      from_port   = 6379',
      '      to_port     = 6379',
      '      protocol    = "tcp"',
      '      cidr_blocks = [ingress.key]',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(findings(code), ['6:each.key rds-open-ingress']);
  });

  it('reads the inline ingress of a security group once per element of its for_each', () => {
    const code = sourceLines(
      'variable "databases" {',
      '  default = {',
      '    reporting = { port = 5432, cidrs = ["10.0.0.0/8"] }',
      '    legacy    = { port = 3306, cidrs = ["0.0.0.0/0"] }',
      '  }',
      '}',
      'resource "aws_security_group" "db" {',
      '  for_each = var.databases',
      '  name     = each.key',
      '  ingress {',
      '    from_port   = each.value.port',
      '    to_port     = each.value.port',
      '    protocol    = "tcp"',
      '    cidr_blocks = each.value.cidrs',
      '  }',
      '}',
      'resource "aws_security_group" "none" {',
      '  for_each = {}',
      '  ingress {',
      '    from_port   = 5432',
      '    to_port     = 5432',
      '    protocol    = "tcp"',
      '    cidr_blocks = ["0.0.0.0/0"]',
      '  }',
      '}',
    );
    assert.deepEqual(findings(code), ['14:each.value.cidrs rds-open-ingress']);
  });

  it("reads an ElastiCache user's authentication_mode block as the user's own arguments", () => {
    const code = sourceLines(
      'resource "aws_elasticache_user" "api" {',
      '  user_id       = "api"',
      '  user_name     = "api"',
      '  engine        = "redis"',
      '  access_string = "on ~* +@read"',
      '  authentication_mode {',
      '    type      = "password"',
      '    passwords = ["Api-Password-2025!"]',
      '  }',
      '}',
      'resource "aws_elasticache_user" "open" {',
      '  user_id       = "open"',
      '  user_name     = "open"',
      '  engine        = "redis"',
      '  access_string = "on ~* +@all"',
      '  authentication_mode {',
      '    type = "no-password-required"',
      '  }',
      '}',
      'resource "aws_elasticache_user" "from_secret" {',
      '  user_id       = "svc"',
      '  user_name     = "svc"',
      '  engine        = "redis"',
      '  access_string = "on ~* +@read"',
      '  authentication_mode {',
      '    type      = "password"',
      '    passwords = [var.svc_password]',
      '  }',
      '}',
    );
    assert.deepEqual(findings(code), ['8:["Api-Password-2025!"] elasticache-create-user', '17:type elasticache-create-user']);
  });

  it('reads a dynamic ingress block once per element of a list of objects, through its iterator', () => {
    const code = sourceLines(
      'variable "ingress_rules" {',
      '  type = list(object({ port = number, cidrs = list(string) }))',
      '  default = [',
      '    { port = 443, cidrs = ["0.0.0.0/0"] },',
      '    { port = 5432, cidrs = ["10.0.0.0/8"] },',
      '    { port = 6379, cidrs = ["0.0.0.0/0"] },',
      '  ]',
      '}',
      'resource "aws_security_group" "cache" {',
      '  dynamic "ingress" {',
      '    for_each = var.ingress_rules',
      '    iterator = rule',
      '    content {',
      '      from_port   = rule.value.port',
      '      to_port     = rule.value.port',
      '      protocol    = "tcp"',
      '      cidr_blocks = rule.value.cidrs',
      '    }',
      '  }',
      '  dynamic "ingress" {',
      '    for_each = toset([3306, 5432])',
      '    content {',
      '      from_port   = ingress.value',
      '      to_port     = ingress.value',
      '      protocol    = "tcp"',
      '      cidr_blocks = ["0.0.0.0/0"]',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(findings(code), ['17:rule.value.cidrs elasticache-open-ingress', '26:"0.0.0.0/0" rds-open-ingress']);
  });

  it('reads the security-group module: named rules, a database submodule, and rules written as objects', () => {
    const code = sourceLines(
      'module "cache_sg" {',
      '  source              = "terraform-aws-modules/security-group/aws"',
      '  ingress_cidr_blocks = ["0.0.0.0/0"]',
      '  ingress_rules       = ["redis-tcp", "https-443-tcp"]',
      '}',
      'module "db_sg" {',
      '  source              = "terraform-aws-modules/security-group/aws//modules/postgresql"',
      '  ingress_cidr_blocks = ["10.0.0.0/8"]',
      '  ingress_with_cidr_blocks = [',
      '    { rule = "mysql-tcp", cidr_blocks = "10.1.0.0/16,0.0.0.0/0" },',
      '    { from_port = 22, to_port = 22, protocol = "tcp", cidr_blocks = "0.0.0.0/0" },',
      '  ]',
      '}',
      'module "public_pg" {',
      '  source              = "git::https://github.com/terraform-aws-modules/terraform-aws-security-group.git//modules/postgresql?ref=v5.1.0"',
      '  ingress_cidr_blocks = ["0.0.0.0/0"]',
      '}',
      'module "v6" {',
      '  source  = "terraform-aws-modules/security-group/aws"',
      '  ingress_with_ipv6_cidr_blocks = [{ from_port = 6379, to_port = 6379, protocol = "tcp", ipv6_cidr_blocks = "::/0" }]',
      '}',
      'module "off" {',
      '  source              = "terraform-aws-modules/security-group/aws"',
      '  create              = false',
      '  ingress_cidr_blocks = ["0.0.0.0/0"]',
      '  ingress_rules       = ["postgresql-tcp"]',
      '}',
    );
    assert.deepEqual(findings(code), ['3:"0.0.0.0/0" elasticache-open-ingress', '10:"10.1.0.0/16,0.0.0.0/0" rds-open-ingress', '16:"0.0.0.0/0" rds-open-ingress', '20:"::/0" elasticache-open-ingress']);
  });

  it("reads cloudposse's elasticache-redis module as a replication group, with its defaults and security group", () => {
    const code = sourceLines(
      'module "sessions" {',
      '  source                     = "cloudposse/elasticache-redis/aws"',
      '  cluster_size               = 2',
      '  automatic_failover_enabled = false',
      '  auth_token                 = var.token',
      '  allowed_cidr_blocks        = ["0.0.0.0/0"]',
      '}',
      'module "cluster" {',
      '  source                     = "github.com/cloudposse/terraform-aws-elasticache-redis?ref=1.2.0"',
      '  cluster_mode_enabled       = true',
      '  cluster_size               = 2',
      '  automatic_failover_enabled = false',
      '  transit_encryption_enabled = false',
      '  at_rest_encryption_enabled = true',
      '  auth_token                 = var.token',
      '  allowed_cidr_blocks        = ["0.0.0.0/0"]',
      '  create_security_group      = false',
      '}',
    );
    assert.deepEqual(findings(code), [
      '1:"sessions" elasticache-at-rest-encryption',
      '4:automatic_failover_enabled elasticache-automatic-failover',
      '6:"0.0.0.0/0" elasticache-open-ingress',
      // 1.2.0 defaulted engine_version to Redis OSS 4.0.10.
      '8:"cluster" elasticache-engine-version-extended-support',
      '13:transit_encryption_enabled elasticache-transit-encryption',
    ]);
  });

  it("takes cloudposse's failover default, its additional security group rules, and a global datastore's settings", () => {
    const code = sourceLines(
      'module "replicas" {',
      '  source                     = "cloudposse/elasticache-redis/aws"',
      '  cluster_size               = 2',
      '  at_rest_encryption_enabled = true',
      '  auth_token                 = var.token',
      '  additional_security_group_rules = [',
      '    { type = "ingress", from_port = 6379, to_port = 6379, protocol = "tcp", cidr_blocks = ["0.0.0.0/0"] },',
      '    { type = "egress", from_port = 0, to_port = 0, protocol = "-1", cidr_blocks = ["0.0.0.0/0"] },',
      '    { type = "ingress", from_port = 6379, to_port = 6379, protocol = "tcp", cidr_blocks = ["10.0.0.0/8"] },',
      '  ]',
      '}',
      'module "single" {',
      '  source                     = "cloudposse/elasticache-redis/aws"',
      '  at_rest_encryption_enabled = true',
      '  auth_token                 = var.token',
      '}',
      'module "sharded" {',
      '  source                               = "cloudposse/elasticache-redis/aws"',
      '  cluster_mode_enabled                 = true',
      '  cluster_mode_replicas_per_node_group = 1',
      '  at_rest_encryption_enabled           = true',
      '  auth_token                           = var.token',
      '}',
      'module "secondary" {',
      '  source                      = "cloudposse/elasticache-redis/aws"',
      '  global_replication_group_id = "ldgnf-sessions"',
      '  automatic_failover_enabled  = true',
      '  cluster_size                = 2',
      '  transit_encryption_enabled  = false',
      '  auth_token                  = var.token',
      '}',
    );
    assert.deepEqual(findings(code), ['1:"replicas" elasticache-automatic-failover', '7:"0.0.0.0/0" elasticache-open-ingress']);
  });

  it("reads the rules of a registry module's own security group, on the port the module gives them", () => {
    const code = sourceLines(
      'module "aurora_v10" {',
      '  source = "terraform-aws-modules/rds-aurora/aws"',
      '  engine = "aurora-postgresql"',
      '  security_group_ingress_rules = {',
      '    anywhere = { cidr_ipv4 = "0.0.0.0/0" }',
      '    office   = { cidr_ipv4 = "203.0.113.0/24" }',
      '  }',
      '}',
      'module "aurora_v9" {',
      '  source = "terraform-aws-modules/rds-aurora/aws"',
      '  engine = "aurora-mysql"',
      '  security_group_rules = {',
      '    out = { type = "egress", cidr_blocks = ["0.0.0.0/0"] }',
      '    in  = { cidr_blocks = ["0.0.0.0/0"] }',
      '  }',
      '}',
      'module "unknown_port" {',
      '  source = "terraform-aws-modules/rds-aurora/aws"',
      '  engine = var.engine',
      '  security_group_ingress_rules = { all = { cidr_ipv4 = "0.0.0.0/0" } }',
      '}',
      'module "no_group" {',
      '  source                = "terraform-aws-modules/elasticache/aws"',
      '  create_security_group = false',
      '  security_group_rules  = { all = { cidr_ipv4 = "0.0.0.0/0" } }',
      '}',
      'module "memcached" {',
      '  source               = "terraform-aws-modules/elasticache/aws"',
      '  engine               = "memcached"',
      '  security_group_rules = { all = { cidr_ipv6 = "::/0" } }',
      '}',
    );
    assert.deepEqual(findings(code).filter((finding) => finding.includes('open-ingress')), [
      '5:"0.0.0.0/0" rds-open-ingress',
      '14:"0.0.0.0/0" rds-open-ingress',
      '30:"::/0" elasticache-open-ingress',
    ]);
  });

  it('reports no skipped final snapshot on a read replica, which RDS deletes only without one', () => {
    const code = sourceLines(
      'resource "aws_db_instance" "primary" {',
      '  storage_encrypted   = true',
      '  skip_final_snapshot = true',
      '}',
      'resource "aws_db_instance" "replica" {',
      '  replicate_source_db = aws_db_instance.primary.identifier',
      '  skip_final_snapshot = true',
      '}',
    );
    assert.deepEqual(findings(code), ['1:"primary" rds-deletion-protection', '1:"primary" rds-multi-az', '3:skip_final_snapshot rds-skip-final-snapshot']);
    assert.ok(hintsIn('main.tf', code).includes('7:skip_final_snapshot rds-skip-final-snapshot'), 'the hover stays');
  });

  it('takes automatic failover as the ElastiCache modules set it under multi-AZ or cluster mode', () => {
    const code = sourceLines(
      'module "multi_az" {',
      '  source                     = "terraform-aws-modules/elasticache/aws"',
      '  num_cache_clusters         = 2',
      '  multi_az_enabled           = true',
      '  automatic_failover_enabled = false',
      '}',
      'module "single_az" {',
      '  source                     = "terraform-aws-modules/elasticache/aws"',
      '  num_cache_clusters         = 2',
      '  automatic_failover_enabled = false',
      '}',
      'module "flags" {',
      '  source     = "terraform-aws-modules/elasticache/aws//modules/serverless-cache"',
      '  cache_name = "flags"',
      '  engine     = "valkey"',
      '}',
    );
    assert.deepEqual(
      hintsIn('main.tf', code).filter((hint) => hint.includes('failover') || hint.includes('serverless')),
      ['5:automatic_failover_enabled elasticache-automatic-failover', '10:automatic_failover_enabled elasticache-automatic-failover', '13:"terraform-aws-modules/elasticache/aws//modules/serverless-cache" elasticache-serverless', '10:automatic_failover_enabled elasticache-automatic-failover!'],
    );
  });

  it("leaves a global datastore secondary's encryption to the datastore, and reports a group that joins none", () => {
    const group = (name: string, ...lines: string[]): string[] => [
      `resource "aws_elasticache_replication_group" "${name}" {`,
      `  replication_group_id       = "orders-${name}"`,
      '  description                = "orders"',
      '  num_cache_clusters         = 2',
      '  automatic_failover_enabled = true',
      '  auth_token                 = var.auth_token',
      ...lines,
      '}',
    ];
    const code = sourceLines(
      ...group('secondary', '  global_replication_group_id = aws_elasticache_global_replication_group.orders.global_replication_group_id'),
      ...group('lonely', '  global_replication_group_id = null'),
      ...group('off', '  global_replication_group_id = var.global_id', '  transit_encryption_enabled  = false'),
    );
    assert.deepEqual(
      findings(code).filter((hint) => hint.includes('encryption')),
      ['9:"lonely" elasticache-at-rest-encryption', '9:"lonely" elasticache-transit-encryption', '24:transit_encryption_enabled elasticache-transit-encryption'],
    );
  });

  it("reads cloudposse's rds-cluster module as an Aurora cluster and its instances, with its security group", () => {
    const code = sourceLines(
      'module "orders_db" {',
      '  source              = "cloudposse/rds-cluster/aws"',
      '  version             = "1.9.0"',
      '  engine              = "aurora-postgresql"',
      '  cluster_family      = "aurora-postgresql15"',
      '  cluster_size        = 2',
      '  admin_user          = "orders"',
      '  admin_password      = "orders-2024"',
      '  db_port             = 5432',
      '  publicly_accessible = true',
      '  allowed_cidr_blocks = ["0.0.0.0/0"]',
      '  vpc_id              = module.vpc.vpc_id',
      '  subnets             = module.vpc.private_subnets',
      '}',
      'module "reports_db" {',
      '  source                     = "git::https://github.com/cloudposse/terraform-aws-rds-cluster.git?ref=tags/0.36.0"',
      '  engine                     = "aurora-mysql"',
      '  admin_password             = random_password.reports.result',
      '  publicly_accessible        = false',
      '  allowed_cidr_blocks        = ["10.0.0.0/16"]',
      '  security_groups            = [aws_security_group.app.id]',
      '}',
      'module "restored_db" {',
      '  source              = "cloudposse/rds-cluster/aws"',
      '  engine              = "aurora-mysql"',
      '  snapshot_identifier = var.snapshot_arn',
      '  admin_password      = "ignored-on-restore"',
      '}',
      'module "managed_db" {',
      '  source                     = "cloudposse/rds-cluster/aws"',
      '  engine                     = "aurora-mysql"',
      '  manage_admin_user_password = true',
      '  admin_password             = "ignored-when-managed"',
      '}',
    );
    // The module skips the final snapshot unless told otherwise: every block here leaves it out.
    assert.deepEqual(findings(code), [
      '1:"orders_db" rds-deletion-protection',
      '1:"orders_db" rds-skip-final-snapshot',
      '8:"orders-2024" rds-master-password',
      '10:publicly_accessible rds-publicly-accessible',
      '11:"0.0.0.0/0" rds-open-ingress',
      '15:"reports_db" rds-deletion-protection',
      '15:"reports_db" rds-skip-final-snapshot',
      '23:"restored_db" rds-deletion-protection',
      '23:"restored_db" rds-skip-final-snapshot',
      '29:"managed_db" rds-deletion-protection',
      '29:"managed_db" rds-skip-final-snapshot',
    ]);
    assert.ok(hintsIn('main.tf', code).includes('27:admin_password rds-master-password'), hintsIn('main.tf', code).join('\n'));
  });

  it("reads cloudposse's rds module as a DB instance, with its storage encryption default by release and its security group", () => {
    const code = sourceLines(
      'module "wordpress_db" {',
      '  source              = "cloudposse/rds/aws"',
      '  version             = "1.1.0"',
      '  database_name       = "wordpress"',
      '  database_user       = "admin"',
      '  database_password   = "wordpress-admin"',
      '  database_port       = 3306',
      '  engine              = "mysql"',
      '  publicly_accessible = true',
      '  allowed_cidr_blocks = ["0.0.0.0/0"]',
      '}',
      'module "legacy_db" {',
      '  source            = "git::https://github.com/cloudposse/terraform-aws-rds.git?ref=tags/0.20.0"',
      '  engine            = "postgres"',
      '  database_password = var.db_password',
      '  database_port     = 5432',
      '  allowed_cidr_blocks = ["10.0.0.0/16"]',
      '}',
      'module "reader" {',
      '  source              = "cloudposse/rds/aws"',
      '  replicate_source_db = module.wordpress_db.instance_id',
      '  database_password   = "not-used-by-a-replica"',
      '  database_port       = 3306',
      '}',
    );
    // Both instances keep the module's defaults of no automated backups and no final snapshot; a replica's are its source's.
    assert.deepEqual(findings(code), [
      '1:"wordpress_db" rds-backup-retention',
      '1:"wordpress_db" rds-deletion-protection',
      '1:"wordpress_db" rds-multi-az',
      '1:"wordpress_db" rds-skip-final-snapshot',
      '6:"wordpress-admin" rds-master-password',
      '9:publicly_accessible rds-publicly-accessible',
      '10:"0.0.0.0/0" rds-open-ingress',
      '12:"legacy_db" rds-backup-retention',
      '12:"legacy_db" rds-deletion-protection',
      '12:"legacy_db" rds-multi-az',
      '12:"legacy_db" rds-skip-final-snapshot',
      '12:"legacy_db" rds-storage-encrypted',
    ]);
  });
});

