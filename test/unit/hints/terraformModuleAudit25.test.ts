/**
 * Terraform shapes of real projects around registry modules (audit tfmod25): names of locals and
 * variables that hold dashes, the security-group module's rule lists joined with `concat(...)`, and a
 * PostgreSQL 9.6 instance (past its end of life) through terraform-aws-modules/rds v2.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

/** Findings only, as `line:text rule`. */
function findings(code: string): string[] {
  return hintsIn('main.tf', code)
    .filter((hint) => hint.endsWith('!'))
    .map((hint) => hint.slice(0, -1));
}

describe('Terraform registry modules in real project shapes (tfmod25)', () => {
  it('reads a literal master password through a local object whose name holds a dash', () => {
    const code = sourceLines(
      'locals {',
      '  shop-db-name = "shopdb"',
      '  shop-db-login = {',
      '    user = "shopadmin"',
      '    pass = "Sh0pAdm1nPass"',
      '  }',
      '}',
      'module "shop-db" {',
      '  source         = "cloudposse/rds-cluster/aws"',
      '  version        = "0.44.1"',
      '  engine         = "aurora-mysql"',
      '  cluster_size   = 1',
      '  name           = local.shop-db-name',
      '  admin_user     = local.shop-db-login.user',
      '  admin_password = local.shop-db-login.pass',
      '  skip_final_snapshot = false',
      '}',
    );
    assert.deepEqual(findings(code), ['8:"shop-db" rds-deletion-protection', '15:local.shop-db-login.pass rds-master-password']);
  });

  it('reads a dashed variable default, and keeps a spaced dash a subtraction', () => {
    const code = sourceLines(
      'variable "db-password" {',
      '  default = "N0tAS3cret!"',
      '}',
      'variable "replica-count" {',
      '  default = 3',
      '}',
      'resource "aws_db_instance" "orders" {',
      '  identifier        = "orders"',
      '  engine            = "postgres"',
      '  username          = "orders"',
      '  password          = var.db-password',
      '  storage_encrypted = true',
      '  allocated_storage = var.replica-count - 1',
      '}',
    );
    assert.deepEqual(findings(code), ['7:"orders" rds-deletion-protection', '7:"orders" rds-multi-az', '11:var.db-password rds-master-password']);
  });

  it('says nothing of a dashed local that holds a generated password', () => {
    const code = sourceLines(
      'resource "random_password" "db" {',
      '  length = 32',
      '}',
      'locals {',
      '  db-creds = { pass = random_password.db.result }',
      '}',
      'module "orders-db" {',
      '  source              = "cloudposse/rds-cluster/aws"',
      '  version             = "1.7.0"',
      '  engine              = "aurora-postgresql"',
      '  admin_password      = local.db-creds.pass',
      '  skip_final_snapshot = false',
      '}',
    );
    assert.deepEqual(findings(code), ['7:"orders-db" rds-deletion-protection']);
  });

  it('reads the security-group module rules a concat() joins, next to rules a for expression builds', () => {
    const code = sourceLines(
      'variable "app_subnet_cidrs" {',
      '  type = list(string)',
      '}',
      'module "db_sg" {',
      '  source = "terraform-aws-modules/security-group/aws"',
      '  name   = "db"',
      '  ingress_with_cidr_blocks = concat(',
      '    [for cidr in var.app_subnet_cidrs : { from_port = 5432, to_port = 5432, protocol = "tcp", cidr_blocks = cidr }],',
      '    [',
      '      {',
      '        rule        = "postgresql-tcp"',
      '        cidr_blocks = "0.0.0.0/0"',
      '      },',
      '    ],',
      '  )',
      '}',
      'resource "aws_db_instance" "app" {',
      '  identifier             = "app"',
      '  engine                 = "postgres"',
      '  storage_encrypted      = true',
      '  manage_master_user_password = true',
      '  vpc_security_group_ids = [module.db_sg.security_group_id]',
      '}',
    );
    assert.deepEqual(findings(code), ['12:"0.0.0.0/0" rds-open-ingress', '17:"app" rds-deletion-protection', '17:"app" rds-multi-az']);
  });

  it('says nothing of concat() rule lists that admit only private ranges', () => {
    const code = sourceLines(
      'module "db_sg" {',
      '  source = "terraform-aws-modules/security-group/aws"',
      '  name   = "db"',
      '  ingress_with_cidr_blocks = concat(',
      '    [{ rule = "postgresql-tcp", cidr_blocks = "10.0.0.0/16" }],',
      '    [{ from_port = 5432, to_port = 5432, protocol = "tcp", cidr_blocks = "172.16.0.0/12" }],',
      '  )',
      '}',
      'resource "aws_db_instance" "app" {',
      '  identifier             = "app"',
      '  engine                 = "postgres"',
      '  storage_encrypted      = true',
      '  manage_master_user_password = true',
      '  vpc_security_group_ids = [module.db_sg.security_group_id]',
      '}',
    );
    assert.deepEqual(findings(code), ['9:"app" rds-deletion-protection', '9:"app" rds-multi-az']);
  });

  it('reports PostgreSQL 9.6 and 10 through terraform-aws-modules/rds v2 (both deprecated, with no Extended Support), and not PostgreSQL 14 (its end of standard support is still ahead)', () => {
    const code = sourceLines(
      'module "legacy" {',
      '  source            = "terraform-aws-modules/rds/aws"',
      '  version           = "~> 2.0"',
      '  identifier        = "legacy"',
      '  engine            = "postgres"',
      '  engine_version    = "9.6.9"',
      '  storage_encrypted = true',
      '}',
      'module "newer" {',
      '  source            = "terraform-aws-modules/rds/aws"',
      '  version           = "~> 2.0"',
      '  identifier        = "newer"',
      '  engine            = "postgres"',
      '  engine_version    = "10.21"',
      '  storage_encrypted = true',
      '}',
      'module "current" {',
      '  source            = "terraform-aws-modules/rds/aws"',
      '  version           = "~> 2.0"',
      '  identifier        = "current"',
      '  engine            = "postgres"',
      '  engine_version    = "14.12"',
      '  storage_encrypted = true',
      '}',
    );
    // PostgreSQL 10 is listed since RDS deprecated it on 17 April 2023 (RDS for PostgreSQL release notes).
    assert.deepEqual(findings(code), [
      '1:"legacy" rds-deletion-protection',
      '1:"legacy" rds-multi-az',
      '6:"9.6.9" rds-engine-version-extended-support',
      '9:"newer" rds-deletion-protection',
      '9:"newer" rds-multi-az',
      '14:"10.21" rds-engine-version-extended-support',
      '17:"current" rds-deletion-protection',
      '17:"current" rds-multi-az',
    ]);
  });
});
