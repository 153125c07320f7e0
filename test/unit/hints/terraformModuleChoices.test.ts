/**
 * Registry modules whose defaults differ from the resource's own: a block that leaves such an input out gets
 * the module's choice, which the value checks read as if written (cloudposse/rds keeps no automated backups).
 */
import * as assert from 'node:assert/strict';
import { compileContent } from '../../../src/content/compiler/compileContent';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { hintsIn, sourceLines } from './support';

function findings(code: string): string[] {
  return hintsIn('main.tf', code)
    .filter((hint) => hint.endsWith('!'))
    .map((hint) => hint.slice(0, -1));
}

describe('Registry module defaults chosen unlike the resource', () => {
  it("reports cloudposse/rds's default of no automated backups and no final snapshot where a block leaves them out", () => {
    const code = sourceLines(
      'module "orders_db" {',
      '  source             = "cloudposse/rds/aws"',
      '  version            = "1.1.2"',
      '  name               = "orders"',
      '  engine             = "postgres"',
      '  instance_class     = "db.t4g.medium"',
      '  database_password  = var.db_password',
      '  vpc_id             = var.vpc_id',
      '}',
      'module "reports_db" {',
      '  source                    = "cloudposse/rds/aws"',
      '  engine                    = "mysql"',
      '  backup_retention_period   = 7',
      '  skip_final_snapshot       = false',
      '  final_snapshot_identifier = "reports-final"',
      '}',
      'module "orders_replica" {',
      '  source              = "cloudposse/rds/aws"',
      '  replicate_source_db = module.orders_db.instance_id',
      '}',
    );
    assert.deepEqual(findings(code), ['1:"orders_db" rds-backup-retention', '1:"orders_db" rds-deletion-protection', '1:"orders_db" rds-multi-az', '1:"orders_db" rds-skip-final-snapshot', '10:"reports_db" rds-deletion-protection', '10:"reports_db" rds-multi-az']);
  });

  it('reads a written input, even one whose value is unknown, instead of the default', () => {
    const code = sourceLines(
      'module "db" {',
      '  source                  = "cloudposse/rds/aws"',
      '  backup_retention_period = var.backup_days',
      '  skip_final_snapshot     = var.ephemeral',
      '}',
    );
    assert.deepEqual(findings(code), ['1:"db" rds-deletion-protection', '1:"db" rds-multi-az']);
  });

  it("reports cloudposse/rds-cluster's final-snapshot default on the cluster, not its retention default of 5 days", () => {
    const code = sourceLines(
      'module "ledger" {',
      '  source         = "cloudposse/rds-cluster/aws"',
      '  version        = "2.5.0"',
      '  engine         = "aurora-postgresql"',
      '  cluster_size   = 2',
      '  admin_password = var.ledger_password',
      '}',
    );
    assert.deepEqual(findings(code), ['1:"ledger" rds-deletion-protection', '1:"ledger" rds-skip-final-snapshot']);
  });

  it("leaves alone the defaults a module shares with the resource (terraform-aws-modules/rds: deletion protection and Multi-AZ off)", () => {
    const code = sourceLines(
      'module "db" {',
      '  source               = "terraform-aws-modules/rds/aws"',
      '  version              = "~> 7.0"',
      '  identifier           = "orders"',
      '  engine               = "postgres"',
      '  family               = "postgres16"',
      '  instance_class       = "db.t4g.medium"',
      '  allocated_storage    = 20',
      '  db_subnet_group_name = var.subnet_group',
      '}',
    );
    assert.deepEqual(findings(code), ['1:"db" rds-deletion-protection', '1:"db" rds-multi-az']);
  });

  it('says where the value comes from, in the module’s own input names', () => {
    const rules = compileContent('content').hintRules;
    const code = sourceLines('module "orders_db" {', '  source = "cloudposse/rds/aws"', '  engine = "postgres"', '}');
    const messages = analyzeText(code, rules, { kind: 'terraform' }).findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
    assert.deepEqual(messages, [
      "rds-backup-retention: backup_retention_period 0 turns off automated backups and point-in-time restore for this database. The module's backup_retention_period defaults to 0, and this block leaves it out.",
      "rds-deletion-protection: Deletion protection is not set, which means off, so one delete call (or a replaced IaC resource) removes this database. Turn it on wherever the data must outlive a mistake; fine to leave off for a disposable development database.",
      "rds-multi-az: Single-AZ instance (multi_az false or not set, which means false); an instance or Availability Zone failure means downtime until RDS replaces it. Fine for development, reconsider for production.",
      "rds-skip-final-snapshot: Deleting this database skips the final snapshot; together with deleted automated backups nothing may be left to restore. The module's skip_final_snapshot defaults to true, and this block leaves it out.",
    ]);
  });
});
