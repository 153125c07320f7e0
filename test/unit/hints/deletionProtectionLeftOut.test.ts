/**
 * Deletion protection left out of a new primary database: off by default in the API, CloudFormation, Terraform
 * and the CDK (unless its removalPolicy is RETAIN), so reported as information with its own message; written
 * `false`, it stays a warning. Read replicas, Aurora instances (their cluster's setting protects them) and CDK
 * constructs kept on removal are not reported.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { Finding, HintRule, Severity } from '../../../src/hints/engine/types';
import { realHintRules, sourceLines } from './support';

const RULE = 'rds-deletion-protection';

/** `line severity` of each deletion protection finding, and the findings themselves. */
function protection(fileName: string, code: string, severityOf?: (rule: HintRule) => Severity | 'off'): { at: string[]; findings: Finding[] } {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName, ...(severityOf ? { severityOf } : {}) });
  const findings = result.findings.filter((finding) => finding.ruleId === RULE);
  return { at: findings.map((finding) => `${result.lines.lineOf(finding.start) + 1} ${finding.severity}`), findings };
}

const terraform = sourceLines(
  'resource "aws_db_instance" "orders" {',
  '  engine         = "postgres"',
  '  instance_class = "db.t4g.micro"',
  '}',
  '',
  'resource "aws_db_instance" "orders_replica" {',
  '  replicate_source_db = aws_db_instance.orders.identifier',
  '  instance_class      = "db.t4g.micro"',
  '}',
  '',
  'resource "aws_db_instance" "ledger" {',
  '  engine              = "mysql"',
  '  deletion_protection = false',
  '}',
  '',
  'resource "aws_rds_cluster" "events" {',
  '  engine = "aurora-postgresql"',
  '}',
  '',
  'resource "aws_db_instance" "kept" {',
  '  engine              = "mysql"',
  '  deletion_protection = true',
  '}',
);

describe('Deletion protection left out', () => {
  it('reports a Terraform instance or cluster that leaves it out as information, and one that writes false as a warning', () => {
    const { at, findings } = protection('main.tf', terraform);
    assert.deepEqual(at, ['1 information', '13 warning', '16 information']);
    assert.match(findings[0].message, /^Deletion protection is not set, which means off/);
    assert.match(findings[0].message, /deletion_protection|Deletion protection/);
    assert.match(findings[1].message, /explicitly off/);
  });

  it('offers to set it to true where it is left out', () => {
    const fix = protection('main.tf', terraform).findings[0].fix;
    assert.ok(fix, 'a quick fix');
    assert.ok(fix.edits.some((edit) => /deletion_protection\s*=\s*true/.test(edit.newText)), JSON.stringify(fix.edits));
  });

  it('keeps the severity the user chose for the rule', () => {
    const { at } = protection('main.tf', terraform, (rule) => (rule.id === RULE ? 'error' : (rule.diagnostic?.severity ?? 'information')));
    assert.deepEqual(at, ['1 error', '13 error', '16 error']);
  });

  it('reads a registry module that leaves the input out at its default of false', () => {
    const code = sourceLines(
      'module "orders_db" {',
      '  source  = "terraform-aws-modules/rds/aws"',
      '  version = "~> 6.0"',
      '  engine  = "postgres"',
      '}',
      '',
      'module "kept_db" {',
      '  source              = "terraform-aws-modules/rds/aws"',
      '  version             = "~> 6.0"',
      '  engine              = "postgres"',
      '  deletion_protection = true',
      '}',
    );
    assert.deepEqual(protection('main.tf', code).at, ['1 information']);
  });

  it('reports a CloudFormation DB cluster named by its DBClusterIdentifier, not an Aurora instance in it', () => {
    const code = sourceLines(
      'Resources:',
      '  Cluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      DBClusterIdentifier: events',
      '      Engine: aurora-postgresql',
      '  Writer:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      DBClusterIdentifier: !Ref Cluster',
      '      DBInstanceClass: db.r6g.large',
      '      Engine: aurora-postgresql',
    );
    assert.deepEqual(protection('template.yaml', code).at, ['2 information']);
  });

  it('leaves a CDK construct kept on removal, whose deletion protection the CDK turns on', () => {
    const code = sourceLines(
      "import { RemovalPolicy } from 'aws-cdk-lib';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      '',
      "new rds.DatabaseInstance(this, 'Orders', {",
      '  engine,',
      '  vpc,',
      '});',
      '',
      "new rds.DatabaseInstance(this, 'Ledger', {",
      '  engine,',
      '  vpc,',
      '  removalPolicy: RemovalPolicy.RETAIN,',
      '});',
    );
    assert.deepEqual(protection('stack.ts', code).at, ['4 information']);
  });

  it('reports a CreateDBInstance request that leaves it out, not one for a read replica', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'rds = boto3.client("rds")',
      '',
      'def create(name):',
      '    rds.create_db_instance(DBInstanceIdentifier=name, Engine="postgres", DBInstanceClass="db.t4g.micro")',
      '',
      'def replicate(name, source):',
      '    rds.create_db_instance_read_replica(DBInstanceIdentifier=name, SourceDBInstanceIdentifier=source)',
    );
    assert.deepEqual(protection('admin.py', code).at, ['6 information']);
  });
});
