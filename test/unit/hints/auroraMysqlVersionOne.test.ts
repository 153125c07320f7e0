/** rds-engine-version-extended-support on Aurora MySQL version 1 (engine `aurora`), past its end of life with no Extended Support. */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { hintsIn, realHintRules, sourceLines } from './support';

const RULE = 'rds-engine-version-extended-support';
const findings = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith(`${RULE}!`));
const messages = (fileName: string, code: string): string[] =>
  analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName })
    .findings.filter((finding) => finding.ruleId === RULE)
    .map((finding) => finding.message);

// The reporting cluster of an older stack, with its secret managed by RDS.
const cluster = (engine: string, version: string): string =>
  sourceLines(
    'resource "aws_rds_cluster" "reporting" {',
    '  cluster_identifier          = "reporting-${var.environment}"',
    `  engine                      = "${engine}"`,
    `  engine_version              = ${version}`,
    '  master_username             = "reporting"',
    '  manage_master_user_password = true',
    '  db_subnet_group_name        = aws_db_subnet_group.reporting.name',
    '  storage_encrypted           = true',
    '  backup_retention_period     = 7',
    '}',
  );

describe('Aurora MySQL version 1 engine versions', () => {
  it('fires on an `aurora` cluster at 5.6.10a or 5.6.mysql_aurora.1.x, saying end of life rather than Extended Support', () => {
    assert.deepEqual(findings('reporting.tf', cluster('aurora', '"5.6.10a"')), [`4:"5.6.10a" ${RULE}!`]);
    assert.deepEqual(findings('reporting.tf', cluster('aurora', '"5.6.mysql_aurora.1.22.2"')), [`4:"5.6.mysql_aurora.1.22.2" ${RULE}!`]);
    const [message] = messages('reporting.tf', cluster('aurora', '"5.6.10a"'));
    assert.match(message, /past its end of life \(Aurora MySQL version 1/);
    assert.doesNotMatch(message, /extra charge/);
    // Aurora MySQL version 2 keeps the Extended Support message.
    assert.match(messages('reporting.tf', cluster('aurora-mysql', '"5.7.mysql_aurora.2.11.2"'))[0], /RDS Extended Support at an extra charge/);
  });

  it('fires on a CloudFormation DB cluster of engine aurora', () => {
    const template = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  ReportingCluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora',
      '      EngineVersion: 5.6.10a',
      '      MasterUsername: reporting',
      '      ManageMasterUserPassword: true',
      '',
    ].join('\n');
    assert.deepEqual(findings('reporting.yaml', template), [`7:5.6.10a ${RULE}!`]);
  });

  it('stays silent on Aurora MySQL 3, on a version `aurora` does not number, and on a version read from a variable', () => {
    assert.deepEqual(findings('reporting.tf', cluster('aurora-mysql', '"8.0.mysql_aurora.3.08.0"')), []);
    assert.deepEqual(findings('reporting.tf', cluster('aurora', '"5.7.12"')), []);
    assert.deepEqual(findings('reporting.tf', cluster('aurora', 'var.engine_version')), []);
    assert.ok(hintsIn('reporting.tf', cluster('aurora', 'var.engine_version')).includes(`4:engine_version ${RULE}`));
  });

  it('fires on the engine of a DB cluster that names `aurora` and no version, never on its member instances', () => {
    const template = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  LedgerCluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora',
      '      MasterUsername: ledger',
      '      ManageMasterUserPassword: true',
      '      DBSubnetGroupName: !Ref LedgerSubnets',
      '  LedgerWriter:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: aurora',
      '      DBClusterIdentifier: !Ref LedgerCluster',
      '      DBInstanceClass: db.r5.large',
      '',
    ].join('\n');
    assert.deepEqual(findings('ledger.yaml', template), [`6:aurora ${RULE}!`]);
    // Only the RDS rule: the ElastiCache rule shares the check, not the cluster.
    assert.deepEqual(hintsIn('ledger.yaml', template).filter((hint) => hint.includes('elasticache')), []);
    assert.match(messages('ledger.yaml', template)[0], /past its end of life \(Aurora MySQL version 1/);
    const terraform = (engine: string): string => cluster(engine, 'x').replace(/^ {2}engine_version .*\n/m, '');
    assert.deepEqual(findings('reporting.tf', terraform('aurora')), [`3:"aurora" ${RULE}!`]);
    assert.deepEqual(findings('reporting.tf', terraform('aurora-mysql')), []);
    assert.deepEqual(findings('reporting.tf', terraform('aurora-postgresql')), []);
    assert.deepEqual(findings('reporting.tf', cluster('aurora', 'x').replace('"aurora"', 'var.engine').replace(/^ {2}engine_version .*\n/m, '')), []);
  });
});

