/**
 * A module from a source the engine cannot read (the team's own git repository) whose inputs name the database's
 * arguments under one prefix (`rds_engine_type`, `rds_engine_version`, `db_instance_class`): read as those arguments
 * where the engine input under that prefix names an RDS engine.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const block = (...inputs: string[]): string =>
  sourceLines('module "orders_db" {', '  source = "git::https://github.com/example/terraform-rds.git?ref=1.2.0"', ...inputs, '}');

describe('an unread module whose database inputs share a prefix', () => {
  it('reads the inputs under the engine input prefix as the database arguments', () => {
    const hints = hintsIn('main.tf', block('  rds_engine_type         = "mysql"', '  rds_engine_version      = "5.7"', '  rds_instance_class      = "db.t3.micro"', '  backup_retention_period = 0'));
    assert.ok(hints.includes('4:rds_engine_version rds-engine-version-extended-support'), hints.join('\n'));
    assert.ok(hints.includes('5:rds_instance_class rds-instance-class'), hints.join('\n'));
    assert.ok(hints.some((hint) => hint.startsWith('6:') && hint.endsWith('rds-backup-retention!')), hints.join('\n'));
    const dbPrefix = hintsIn('main.tf', block('  db_engine            = "postgres"', '  db_deletion_protection = false'));
    assert.ok(dbPrefix.some((hint) => hint.startsWith('4:') && hint.endsWith('rds-deletion-protection!')), dbPrefix.join('\n'));
  });

  it('keeps an argument the block writes under its own name, and reads nothing without an RDS engine', () => {
    const both = hintsIn('main.tf', block('  rds_engine    = "postgres"', '  engine_version = "16.4"', '  rds_engine_version = "12.3"'));
    assert.ok(!both.some((hint) => hint.startsWith('5:')), both.join('\n'));
    assert.deepEqual(hintsIn('main.tf', block('  rds_engine_type    = "docdb"', '  rds_instance_class = "db.r6g.large"')), []);
    assert.deepEqual(hintsIn('main.tf', block('  cache_engine     = "mysql"', '  cache_node_type  = "db.t3.micro"')), []);
  });
});
