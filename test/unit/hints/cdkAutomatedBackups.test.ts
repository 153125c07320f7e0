/** rds-delete-automated-backups on CDK's DatabaseInstance: `deleteAutomatedBackups: true` drops point-in-time restore with the instance. */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'rds-delete-automated-backups';
const hints = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.includes(RULE));

describe('CDK deleteAutomatedBackups', () => {
  const ts = (value: string): string =>
    sourceLines(
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      'export function data(scope: any, vpc: any, engine: rds.IInstanceEngine) {',
      `  new rds.DatabaseInstance(scope, 'Orders', { engine, vpc, storageEncrypted: true${value} });`,
      '}',
    );

  it('reports an explicit true (TypeScript and Python) and keeps the hover on false', () => {
    assert.deepEqual(hints('data.ts', ts(', deleteAutomatedBackups: true')), [`3:deleteAutomatedBackups ${RULE}`, `3:deleteAutomatedBackups ${RULE}!`]);
    assert.deepEqual(hints('data.ts', ts(', deleteAutomatedBackups: false')), [`3:deleteAutomatedBackups ${RULE}`]);
    const python = sourceLines(
      'from aws_cdk import aws_rds as rds',
      'def data(scope, vpc, engine):',
      '    rds.DatabaseInstance(scope, "Orders", engine=engine, vpc=vpc, delete_automated_backups=True)',
    );
    assert.deepEqual(hints('data.py', python), [`3:delete_automated_backups ${RULE}`, `3:delete_automated_backups ${RULE}!`]);
  });

  it('stays silent where the prop is left out, as for the Terraform argument: only a delete call counts an absence', () => {
    assert.deepEqual(hints('data.ts', ts('')), []);
  });
});

describe('CloudFormation DeleteAutomatedBackups', () => {
  const template = (type: string): string =>
    sourceLines('Resources:', '  Orders:', `    Type: ${type}`, '    Properties:', '      Engine: postgres', '      DeleteAutomatedBackups: false');

  it("hovers a DB instance's property, with no finding (only a delete call counts), and nothing on another resource", () => {
    assert.deepEqual(hints('db.yaml', template('AWS::RDS::DBInstance')), [`6:DeleteAutomatedBackups ${RULE}`]);
    assert.deepEqual(hints('db.yaml', template('AWS::Neptune::DBInstance')), []);
  });
});

describe('Terraform delete_automated_backups on aws_rds_cluster', () => {
  const cluster = (value: string): string =>
    sourceLines('resource "aws_rds_cluster" "orders" {', '  engine = "aurora-postgresql"', value, '}');

  it("reports the cluster's explicit true as on aws_db_instance, and hovers false", () => {
    assert.deepEqual(hints('main.tf', cluster('  delete_automated_backups = true')), [`3:delete_automated_backups ${RULE}`, `3:delete_automated_backups ${RULE}!`]);
    assert.deepEqual(hints('main.tf', cluster('  delete_automated_backups = false')), [`3:delete_automated_backups ${RULE}`]);
  });

  it('stays silent where it is left out, and on a resource that has no such argument', () => {
    assert.deepEqual(hints('main.tf', cluster('  storage_encrypted = true')), []);
    const other = sourceLines('resource "aws_docdb_cluster" "orders" {', '  delete_automated_backups = true', '}');
    assert.deepEqual(hints('main.tf', other), []);
  });
});
