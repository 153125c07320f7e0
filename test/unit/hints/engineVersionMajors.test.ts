/**
 * Engine majors added to the lifecycle table from the AWS release calendars (2026-12-07): RDS for PostgreSQL
 * 13 and Aurora PostgreSQL 13 (end of standard support 28 February 2026), RDS for PostgreSQL 10 (end of life
 * 17 April 2023) and Aurora MySQL version 3 (standard support until 30 April 2028). Each is judged on an RDS
 * instance and an Aurora cluster in CloudFormation, Terraform and CDK; Aurora PostgreSQL 10, which no AWS
 * page dates, and majors still in standard support stay silent.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules, sourceLines } from './support';

const RULE = 'rds-engine-version-extended-support';

/** `line text` of every extended-support finding, with `(end of life)` when its message says so. */
function findings(fileName: string, text: string): string[] {
  const result = analyzeText(text, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings
    .filter((finding) => finding.ruleId === RULE)
    .map((finding) => {
      const line = result.lines.position(finding.start).line + 1;
      const endOfLife = /past its end of life/.test(finding.message) ? ' (end of life)' : '';
      return `${line} ${text.slice(finding.start, finding.end)}${endOfLife}`;
    });
}

describe('Engine majors dated from the AWS release calendars', () => {
  it('reports PostgreSQL 13 on RDS and Aurora and PostgreSQL 10 on RDS in CloudFormation', () => {
    const template = sourceLines(
      'Resources:',
      '  Reports:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      EngineVersion: "13.20"',
      '  Legacy:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      EngineVersion: "10.21"',
      '  Orders:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora-postgresql',
      '      EngineVersion: "13.21"',
      '  OldOrders:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora-postgresql',
      '      EngineVersion: "10.21"',
      '  Current:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora-mysql',
      '      EngineVersion: 8.0.mysql_aurora.3.10.0',
    );
    const found = findings('template.yaml', template);
    assert.ok(found.includes('6 "13.20"'), found.join('\n'));
    assert.ok(found.includes('11 "10.21" (end of life)'), found.join('\n'));
    assert.ok(found.includes('16 "13.21"'), found.join('\n'));
    assert.equal(found.length, 3, found.join('\n'));
  });

  it('reports PostgreSQL 13 on an aws_db_instance and an aws_rds_cluster in Terraform, not PostgreSQL 14', () => {
    const code = sourceLines(
      'resource "aws_db_instance" "reports" {',
      '  engine         = "postgres"',
      '  engine_version = "13.20"',
      '}',
      'resource "aws_rds_cluster" "orders" {',
      '  engine         = "aurora-postgresql"',
      '  engine_version = "13.21"',
      '}',
      'resource "aws_rds_cluster" "current" {',
      '  engine         = "aurora-postgresql"',
      '  engine_version = "14.12"',
      '}',
    );
    assert.deepEqual(findings('main.tf', code), ['3 "13.20"', '7 "13.21"']);
  });

  it('reports PostgreSQL 13 on a CDK instance and an Aurora cluster, not Aurora MySQL version 3', () => {
    const code = sourceLines(
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import { Stack } from 'aws-cdk-lib';",
      'export class DataStack extends Stack {',
      '  constructor(scope, id, props) {',
      '    super(scope, id, props);',
      "    new rds.DatabaseInstance(this, 'Reports', {",
      '      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_13_7 }),',
      '      vpc: props.vpc,',
      '    });',
      "    new rds.DatabaseCluster(this, 'Orders', {",
      '      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_13_9 }),',
      '      vpc: props.vpc,',
      '    });',
      "    new rds.DatabaseCluster(this, 'Current', {",
      '      engine: rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_3_10_0 }),',
      '      vpc: props.vpc,',
      '    });',
      '  }',
      '}',
    );
    assert.deepEqual(findings('stack.ts', code), [
      '7 rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_13_7 })',
      '11 rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_13_9 })',
    ]);
  });
});
