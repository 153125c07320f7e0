/**
 * Terraform `module` blocks whose source the engine cannot read (a module of another registry namespace,
 * a git source): when an `engine` input names an RDS engine (or none is given and the inputs size an RDS
 * instance: a `db.*` class and allocated storage, or a replica's `replicate_source_db`), the inputs that are the database resource's
 * own argument names are read as written, and nothing is read as a default.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function findings(code: string): string[] {
  return hintsIn('main.tf', code)
    .filter((hint) => hint.endsWith('!'))
    .map((hint) => hint.slice(0, -1));
}

describe('Terraform modules from sources the engine cannot read', () => {
  it('reads the written settings of a course module that makes a MySQL instance', () => {
    const code = sourceLines(
      'module "reporting_db" {',
      '  source              = "acme-labs/mysql-instance/aws"',
      '  version             = "1.4.0"',
      '  engine              = "mysql"',
      '  engine_version      = "5.7"',
      '  instance_class      = "db.t3.micro"',
      '  username            = "report"',
      '  password            = "Reporting2020"',
      '  publicly_accessible = true',
      '  storage_encrypted   = false',
      '  allowed_cidrs       = ["0.0.0.0/0"]',
      '}',
    );
    assert.deepEqual(findings(code), [
      '5:"5.7" rds-engine-version-extended-support',
      '8:"Reporting2020" rds-master-password',
      '9:publicly_accessible rds-publicly-accessible',
      '10:storage_encrypted rds-storage-encrypted',
    ]);
  });

  it('reads an Aurora module from git: the cluster settings on the cluster, public access on its instances', () => {
    const code = sourceLines(
      'module "orders" {',
      '  source              = "git::https://github.com/acme-labs/tf-aurora.git?ref=v2.1.0"',
      '  engine              = "aurora-postgresql"',
      '  password            = "OrdersAdmin#1"',
      '  deletion_protection = false',
      '  skip_final_snapshot = true',
      '  publicly_accessible = true',
      '}',
    );
    assert.deepEqual(findings(code), [
      '4:"OrdersAdmin#1" rds-master-password',
      '5:deletion_protection rds-deletion-protection',
      '6:skip_final_snapshot rds-skip-final-snapshot',
      '7:publicly_accessible rds-publicly-accessible',
    ]);
  });

  it('reads a Terragrunt configuration whose source is such a module, as its module block', () => {
    const code = sourceLines(
      'terraform {',
      '  source = "git::https://github.com/acme-labs/infra-modules.git//postgres?ref=v3.2.0"',
      '}',
      '',
      'inputs = {',
      '  engine              = "postgres"',
      '  publicly_accessible = true',
      '  password            = "staging-Pa55"',
      '}',
    );
    const hints = hintsIn('terragrunt.hcl', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(hints, ['7:publicly_accessible rds-publicly-accessible!', '8:"staging-Pa55" rds-master-password!']);
  });

  it('reads a module that fixes its engine itself and takes an RDS instance class and storage', () => {
    const code = sourceLines(
      'module "integrations_db" {',
      '  source              = "git::git@github.com:acme-labs/infra-modules.git//postgres?ref=main"',
      '  instance_class      = "db.t3.micro"',
      '  allocated_storage   = 20',
      '  engine_version      = "10.15"',
      '  username            = "integrations"',
      '  password            = "integrations-2020"',
      '  publicly_accessible = true',
      '}',
      // An Aurora or DocumentDB instance's class takes no storage; an engine input decides by itself.
      'module "docs_cluster" {',
      '  source              = "git::git@github.com:acme-labs/infra-modules.git//docdb?ref=main"',
      '  instance_class      = "db.r6g.large"',
      '  master_password     = "docs-cluster-2020"',
      '}',
      'module "search_db" {',
      '  source              = "acme-labs/opensearch/aws"',
      '  engine              = var.engine',
      '  instance_class      = "db.t3.micro"',
      '  allocated_storage   = 20',
      '  publicly_accessible = true',
      '}',
    );
    assert.deepEqual(findings(code), ['7:"integrations-2020" rds-master-password', '8:publicly_accessible rds-publicly-accessible']);
  });

  it('reads the read replica such a module makes from its source database, not a cluster replica', () => {
    const code = sourceLines(
      'module "ledger_replica" {',
      '  source              = "acme-labs/postgres-instance/aws"',
      '  replicate_source_db = module.ledger.identifier',
      '  instance_class      = "db.r6g.large"',
      '  publicly_accessible = true',
      '}',
      'module "ledger_cluster_replica" {',
      '  source                        = "acme-labs/aurora/aws"',
      '  replication_source_identifier = module.ledger_cluster.arn',
      '  instance_class                = "db.r6g.large"',
      '  publicly_accessible           = true',
      '}',
    );
    assert.deepEqual(findings(code), ['5:publicly_accessible rds-publicly-accessible']);
    const hovers = hintsIn('main.tf', code).filter((hint) => hint.startsWith('4:'));
    assert.deepEqual(hovers, ['4:instance_class rds-instance-class']);
  });

  it('counts no input the block leaves out, since the module decides its defaults', () => {
    const code = sourceLines(
      'module "db" {',
      '  source         = "acme-labs/postgres/aws"',
      '  engine         = "postgres"',
      '  engine_version = "16.4"',
      '  password       = var.db_password',
      '}',
    );
    assert.deepEqual(findings(code), []);
  });

  it('says nothing of a module whose inputs name no RDS engine, or that a local folder holds', () => {
    const code = sourceLines(
      'module "cache" {',
      '  source              = "acme-labs/redis/aws"',
      '  engine              = "redis"',
      '  password            = "not-a-database-input"',
      '}',
      'module "web" {',
      '  source              = "acme-labs/static-site/aws"',
      '  publicly_accessible = true',
      '  password            = "basic-auth-for-preview"',
      '}',
      'module "local_db" {',
      '  source              = "./modules/db"',
      '  engine              = "mysql"',
      '  publicly_accessible = true',
      '}',
      'module "engine_from_variable" {',
      '  source              = "acme-labs/mysql-instance/aws"',
      '  engine              = var.engine',
      '  publicly_accessible = true',
      '}',
    );
    assert.deepEqual(findings(code), []);
  });
});
