/**
 * Infrastructure written for older releases and looser syntax: registry modules pinned to an older major
 * (whose defaults differed), unquoted engine versions, AWS provider v3 replication groups, read
 * replicas, which keep no backups of their own, and Terraform blocks with bare (unquoted) labels.
 */
import * as assert from 'node:assert/strict';
import { newestAllowedRelease, refRelease } from '../../../src/hints/engine/iac/terraformModules';
import { hintsIn, sourceLines } from './support';

const findingsIn = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('!'));

describe('Registry modules pinned to an older release', () => {
  const rdsModule = (...lines: string[]): string =>
    sourceLines('module "orders_db" {', '  source            = "terraform-aws-modules/rds/aws"', ...lines, '  engine            = "postgres"', '  instance_class    = "db.t3.micro"', '}');

  it('reads storage_encrypted as off by default in terraform-aws-rds before v4', () => {
    for (const version of ['"~> 2.0"', '"3.4.1"', '"= 3.5.0"', '"~> 3.4.0"', '">= 2.0, ~> 3.0"', '"v2.5.0"']) {
      const hints = findingsIn('main.tf', rdsModule(`  version           = ${version}`));
      assert.deepEqual(hints, ['1:"orders_db" rds-deletion-protection!', '1:"orders_db" rds-multi-az!', '1:"orders_db" rds-storage-encrypted!'], `${version}: ${hints.join('\n')}`);
    }
  });

  it('reads the release a git source pins with ?ref', () => {
    const code = sourceLines('module "orders_db" {', '  source = "git::https://github.com/terraform-aws-modules/terraform-aws-rds.git?ref=v3.5.0"', '}');
    assert.deepEqual(findingsIn('main.tf', code), ['1:"orders_db" rds-deletion-protection!', '1:"orders_db" rds-multi-az!', '1:"orders_db" rds-storage-encrypted!']);
  });

  it('keeps the current defaults when the constraint allows v4 or later, or leaves the major open', () => {
    for (const version of ['"~> 4.0"', '"6.12.0"', '">= 2.0"', '"~> 2"', '"< 4.0.0"', 'var.rds_module_version', '"~> 3.0-beta"']) {
      const hints = findingsIn('main.tf', rdsModule(`  version           = ${version}`));
      assert.deepEqual(hints, ['1:"orders_db" rds-deletion-protection!', '1:"orders_db" rds-multi-az!'], `${version}: ${hints.join('\n')}`);
    }
    assert.deepEqual(findingsIn('main.tf', rdsModule()), ['1:"orders_db" rds-deletion-protection!', '1:"orders_db" rds-multi-az!']);
  });

  it('stays silent on an older release where storage_encrypted is set, or the instance is a replica', () => {
    assert.deepEqual(findingsIn('main.tf', rdsModule('  version           = "~> 2.0"', '  storage_encrypted = true')), ['1:"orders_db" rds-deletion-protection!', '1:"orders_db" rds-multi-az!']);
    assert.deepEqual(findingsIn('main.tf', rdsModule('  version           = "~> 2.0"', '  replicate_source_db = module.primary.db_instance_id')), []);
  });

  it('reports a literal password of terraform-aws-rds only where the module passes it on', () => {
    const rds = (...lines: string[]): string => sourceLines('module "orders_db" {', '  source   = "terraform-aws-modules/rds/aws"', ...lines, '  storage_encrypted = true', '}');
    const passed = [
      ['  version  = "~> 6.0"', '  manage_master_user_password = false'],
      ['  version  = "~> 5.0"', '  create_random_password = false'],
      ['  version  = "~> 3.0"'],
    ];
    for (const lines of passed) {
      const hints = findingsIn('main.tf', rds(...lines, '  password = "Orders2024!"'));
      assert.ok(hints.some((hint) => hint.endsWith('rds-master-password!')), `${lines.join(' ')}: ${hints.join('\n')}`);
    }
    // The module manages or draws the password and ignores this one (v4 and later by default), or the switch is unknown.
    const ignored = [[], ['  version  = "~> 6.0"'], ['  version  = "~> 5.0"'], ['  version  = "~> 6.0"', '  manage_master_user_password = true'], ['  version  = "~> 6.0"', '  manage_master_user_password = var.managed']];
    for (const lines of ignored) {
      const hints = hintsIn('main.tf', rds(...lines, '  password = "Orders2024!"'));
      assert.ok(!hints.some((hint) => hint.endsWith('rds-master-password!')), `${lines.join(' ')}: ${hints.join('\n')}`);
      assert.ok(hints.some((hint) => hint.endsWith('password rds-master-password')), hints.join('\n'));
    }
  });

  it('reads allowed_cidr_blocks of terraform-aws-rds-aurora v7 and older as ingress on the cluster port', () => {
    const aurora = (engine: string, cidrs: string): string =>
      sourceLines('module "reports" {', '  source              = "terraform-aws-modules/rds-aurora/aws"', '  version             = "~> 5.2"', `  engine              = "${engine}"`, `  allowed_cidr_blocks = ${cidrs}`, '}');
    assert.deepEqual(findingsIn('main.tf', aurora('aurora-postgresql', '["0.0.0.0/0"]')), ['1:"reports" rds-deletion-protection!', '5:"0.0.0.0/0" rds-open-ingress!']);
    assert.deepEqual(findingsIn('main.tf', aurora('aurora-mysql', '["10.20.0.0/16"]')), ['1:"reports" rds-deletion-protection!']);
    assert.deepEqual(findingsIn('main.tf', aurora('aurora-mysql', 'var.office_cidrs')), ['1:"reports" rds-deletion-protection!']);
    const noGroup = aurora('aurora-mysql', '["0.0.0.0/0"]').replace('}\n', '  create_security_group = false\n}\n');
    assert.deepEqual(findingsIn('main.tf', noGroup), ['1:"reports" rds-deletion-protection!']);
  });

  it('reads the password input of terraform-aws-rds-aurora v5 and older as the master password when no random one replaces it', () => {
    const aurora = (...lines: string[]): string => sourceLines('module "reports" {', '  source   = "terraform-aws-modules/rds-aurora/aws"', '  version  = "~> 5.2"', ...lines, '}');
    const hints = hintsIn('main.tf', aurora('  create_random_password = false', '  password = "Reports2021!"'));
    assert.ok(hints.includes('5:"Reports2021!" rds-master-password!'), hints.join('\n'));
    assert.ok(hints.includes('5:password rds-master-password'), hints.join('\n'));
    // The module draws a random password by default and ignores this one; an unknown switch says nothing either.
    assert.deepEqual(findingsIn('main.tf', aurora('  password = "Reports2021!"')), ['1:"reports" rds-deletion-protection!']);
    assert.deepEqual(findingsIn('main.tf', aurora('  create_random_password = var.random', '  password = "Reports2021!"')), ['1:"reports" rds-deletion-protection!']);
    assert.deepEqual(findingsIn('main.tf', aurora('  create_random_password = false', '  password = var.reports_password')), ['1:"reports" rds-deletion-protection!']);
  });

  it('reports a literal master password of terraform-aws-rds-aurora only where the module passes it on', () => {
    const aurora = (version: string, ...lines: string[]): string =>
      sourceLines('module "reports" {', '  source   = "terraform-aws-modules/rds-aurora/aws"', `  version  = "${version}"`, '  engine   = "aurora-postgresql"', ...lines, '}');
    const reported = (code: string): boolean => findingsIn('main.tf', code).some((hint) => hint.endsWith('rds-master-password!'));
    assert.ok(reported(aurora('~> 9.0', '  manage_master_user_password = false', '  master_password = "Reports2024!"')));
    assert.ok(reported(aurora('~> 7.0', '  create_random_password = false', '  master_password = "Reports2024!"')));
    assert.ok(reported(aurora('2.29.0', '  password = "Reports2024!"')), 'v2 passed the password on whenever it was set');
    // Managed (v8 on) or drawn at random (v3 to v7) by default; a global cluster member is not read.
    assert.ok(!reported(aurora('~> 9.0', '  master_password = "Reports2024!"')));
    assert.ok(!reported(aurora('~> 7.0', '  master_password = "Reports2024!"')));
    assert.ok(!reported(aurora('~> 10.0', '  manage_master_user_password = false', '  global_cluster_identifier = "reports-global"', '  master_password_wo = "Reports2024!"')));
  });

  it('gives the newest release a constraint allows, or none when it leaves the major open', () => {
    assert.deepEqual(newestAllowedRelease('~> 2.0'), [2, Infinity, Infinity]);
    assert.deepEqual(newestAllowedRelease('~> 2.5.1'), [2, 5, Infinity]);
    assert.deepEqual(newestAllowedRelease('3.4.1'), [3, 4, 1]);
    assert.deepEqual(newestAllowedRelease('>= 2.0, ~> 3.1'), [3, Infinity, Infinity]);
    assert.equal(newestAllowedRelease('>= 2.0'), undefined);
    assert.equal(newestAllowedRelease('~> 3'), undefined);
    assert.equal(newestAllowedRelease('latest'), undefined);
    assert.equal(refRelease('git::https://github.com/terraform-aws-modules/terraform-aws-rds.git?ref=v2.20.0'), 'v2.20.0');
    assert.equal(refRelease('git::https://github.com/terraform-aws-modules/terraform-aws-rds.git?ref=main'), undefined);
  });
});

describe('Engine versions written as numbers', () => {
  const instance = (engine: string, version: string): string =>
    sourceLines('Resources:', '  Database:', '    Type: AWS::RDS::DBInstance', '    Properties:', `      Engine: ${engine}`, `      EngineVersion: ${version}`, '      StorageEncrypted: true');

  it('reads an unquoted YAML version such as 12.2 or 5.7 as the version it spells', () => {
    assert.ok(findingsIn('template.yaml', instance('postgres', '12.2')).includes('6:12.2 rds-engine-version-extended-support!'));
    assert.ok(findingsIn('template.yaml', instance('MySQL', '5.7')).includes('6:5.7 rds-engine-version-extended-support!'));
    const terraform = sourceLines('resource "aws_db_instance" "orders" {', '  engine            = "postgres"', '  engine_version    = 11', '  storage_encrypted = true', '}');
    assert.ok(findingsIn('main.tf', terraform).includes('3:11 rds-engine-version-extended-support!'), findingsIn('main.tf', terraform).join('\n'));
  });

  it('stays silent on a supported major, and where a number hides the MySQL minor (8.0 reads as 8)', () => {
    assert.deepEqual(findingsIn('template.yaml', instance('postgres', '16.3')), ['2:Database rds-deletion-protection!', '2:Database rds-multi-az!']);
    assert.deepEqual(findingsIn('template.yaml', instance('MySQL', '8.0')), ['2:Database rds-deletion-protection!', '2:Database rds-multi-az!']);
    assert.deepEqual(findingsIn('template.yaml', instance('MySQL', '8')), ['2:Database rds-deletion-protection!', '2:Database rds-multi-az!']);
  });
});

describe('Terraform replication groups in AWS provider v3 syntax', () => {
  const group = (...lines: string[]): string =>
    sourceLines(
      'resource "aws_elasticache_replication_group" "sessions" {',
      '  replication_group_id          = "sessions"',
      '  replication_group_description = "sessions"',
      '  at_rest_encryption_enabled    = true',
      '  transit_encryption_enabled    = true',
      '  auth_token                    = var.sessions_token',
      ...lines,
      '}',
    );

  it('counts number_cache_clusters as the nodes of the group', () => {
    const hints = findingsIn('main.tf', group('  number_cache_clusters         = 2', '  automatic_failover_enabled    = false'));
    assert.deepEqual(hints, ['8:automatic_failover_enabled elasticache-automatic-failover!']);
    assert.deepEqual(findingsIn('main.tf', group('  number_cache_clusters         = 1', '  automatic_failover_enabled    = false')), []);
    // The node count has the hover that num_cache_clusters has, under the name the file writes.
    assert.ok(hintsIn('main.tf', group('  number_cache_clusters         = 2')).includes('7:number_cache_clusters elasticache-replica-count'));
  });

  it('reads the shards and replicas of a cluster_mode block as the group’s own', () => {
    const code = group('  automatic_failover_enabled    = false', '  cluster_mode {', '    replicas_per_node_group = 1', '    num_node_groups         = 2', '  }');
    const hints = hintsIn('main.tf', code);
    assert.ok(hints.includes('7:automatic_failover_enabled elasticache-automatic-failover!'), hints.join('\n'));
    assert.ok(hints.includes('9:replicas_per_node_group elasticache-cluster-mode'), hints.join('\n'));
    assert.ok(hints.includes('10:num_node_groups elasticache-cluster-mode'), hints.join('\n'));
    const noReplicas = group('  automatic_failover_enabled    = false', '  cluster_mode {', '    replicas_per_node_group = 0', '    num_node_groups         = 1', '  }');
    assert.deepEqual(findingsIn('main.tf', noReplicas), []);
  });

  it('leaves the same keys alone in a block of another resource', () => {
    const code = sourceLines('resource "aws_elasticache_cluster" "sessions" {', '  cluster_id = "sessions"', '  cluster_mode {', '    num_node_groups = 2', '  }', '}');
    assert.ok(!hintsIn('main.tf', code).some((hint) => hint.includes('elasticache-cluster-mode')), hintsIn('main.tf', code).join('\n'));
  });
});

describe('Backups of a read replica', () => {
  it('reports BackupRetentionPeriod 0 on a source instance but not on its read replica', () => {
    const code = sourceLines(
      'Resources:',
      '  Primary:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      StorageEncrypted: true',
      '      BackupRetentionPeriod: 0',
      '  Replica:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      SourceDBInstanceIdentifier: !Ref Primary',
      '      BackupRetentionPeriod: 0',
    );
    assert.deepEqual(findingsIn('template.yaml', code), ['2:Primary rds-deletion-protection!', '2:Primary rds-multi-az!', '7:BackupRetentionPeriod rds-backup-retention!']);
    const terraform = sourceLines(
      'resource "aws_db_instance" "replica" {',
      '  replicate_source_db     = aws_db_instance.primary.identifier',
      '  instance_class          = "db.t3.micro"',
      '  backup_retention_period = 0',
      '}',
    );
    assert.deepEqual(findingsIn('main.tf', terraform), []);
    const notReplica = terraform.replace('  replicate_source_db     = aws_db_instance.primary.identifier\n', '  engine                  = "postgres"\n  storage_encrypted       = true\n');
    assert.deepEqual(findingsIn('main.tf', notReplica), ['1:"replica" rds-deletion-protection!', '1:"replica" rds-multi-az!', '5:backup_retention_period rds-backup-retention!']);
  });
});

describe('Terraform blocks with bare labels', () => {
  it('reads resources and dynamic blocks whose labels are bare identifiers as their quoted form', () => {
    const code = sourceLines(
      'resource aws_db_instance ledger {',
      '  engine              = "mysql"',
      '  engine_version      = "5.7"',
      '  storage_encrypted   = true',
      '  multi_az            = true',
      '  password            = "ledger-pass-2024"',
      '  deletion_protection = true',
      '}',
      'resource aws_security_group cache {',
      '  dynamic ingress {',
      '    for_each = [6379]',
      '    content {',
      '      from_port   = ingress.value',
      '      to_port     = ingress.value',
      '      protocol    = "tcp"',
      '      cidr_blocks = ["0.0.0.0/0"]',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(findingsIn('main.tf', code), [
      '3:"5.7" rds-engine-version-extended-support!',
      '6:"ledger-pass-2024" rds-master-password!',
      '16:"0.0.0.0/0" elasticache-open-ingress!',
    ]);
    const quoted = code.replace('resource aws_db_instance ledger {', 'resource "aws_db_instance" "ledger" {').replace('dynamic ingress {', 'dynamic "ingress" {');
    assert.deepEqual(findingsIn('main.tf', quoted), findingsIn('main.tf', code));
  });

  it('reads a bare-labelled variable default and stays silent where the labels do not make a block', () => {
    const code = sourceLines('variable public {', '  default = true', '}', 'resource aws_db_instance ledger {', '  engine              = "postgres"', '  storage_encrypted   = true', '  publicly_accessible = var.public', '}');
    assert.deepEqual(findingsIn('main.tf', code), ['4:ledger rds-deletion-protection!', '4:ledger rds-multi-az!', '7:publicly_accessible rds-publicly-accessible!']);
    const split = sourceLines('resource aws_db_instance', 'ledger {', '  engine              = "postgres"', '  publicly_accessible = true', '}');
    assert.deepEqual(findingsIn('main.tf', split), []);
  });
});
