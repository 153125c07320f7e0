/**
 * Pulumi's RDS enums (`aws.rds.EngineType.AuroraMysql`, Python `aws.rds.EngineType.AURORA_MYSQL`, Go
 * `rds.EngineTypeAuroraPostgresql`, C# `Aws.Rds.EngineType.AuroraMysql`, and `EngineMode`) are the strings the
 * provider sends, so the rules that judge an engine or an engine mode read them as those strings; a member of an
 * enum of another module, or a name of the program's own, is no engine.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function findings(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith('!'));
}

describe('Pulumi RDS enums read as the strings they are', () => {
  it('judges a Python Aurora MySQL 2 cluster whose engine is EngineType.AURORA_MYSQL', () => {
    const code = sourceLines(
      'import pulumi',
      'import pulumi_aws as aws',
      'cluster = aws.rds.Cluster("db",',
      '    engine=aws.rds.EngineType.AURORA_MYSQL,',
      '    engine_version="5.7.mysql_aurora.2.11.2",',
      '    master_username="admin",',
      '    master_password=pulumi.Config().require_secret("pw"))',
    );
    assert.deepEqual(findings('__main__.py', code), ['3:Cluster rds-deletion-protection!', '5:"5.7.mysql_aurora.2.11.2" rds-engine-version-extended-support!']);
  });

  it('judges TypeScript EngineType and EngineMode members, also imported by name', () => {
    const code = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'import { EngineType } from "@pulumi/aws/rds";',
      'new aws.rds.Cluster("a", { engine: aws.rds.EngineType.AuroraMysql, engineVersion: "5.7.mysql_aurora.2.11.2" });',
      'new aws.rds.Cluster("b", { engine: EngineType.AuroraPostgresql, engineMode: aws.rds.EngineMode.Serverless, engineVersion: "13.12" });',
    );
    assert.deepEqual(findings('index.ts', code), [
      '3:Cluster rds-deletion-protection!',
      '3:"5.7.mysql_aurora.2.11.2" rds-engine-version-extended-support!',
      '4:Cluster rds-deletion-protection!',
      '4:engineMode rds-aurora-serverless-v1!',
      // Aurora PostgreSQL 13 left standard support on 28 February 2026.
      '4:"13.12" rds-engine-version-extended-support!',
    ]);
  });

  it('judges a Go cluster whose engine is rds.EngineTypeAuroraPostgresql', () => {
    const code = sourceLines(
      'package main',
      'import (',
      '\t"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/rds"',
      '\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      ')',
      'func main() {',
      '\tpulumi.Run(func(ctx *pulumi.Context) error {',
      '\t\t_, err := rds.NewCluster(ctx, "db", &rds.ClusterArgs{',
      '\t\t\tEngine:        rds.EngineTypeAuroraPostgresql,',
      '\t\t\tEngineVersion: pulumi.String("11.21"),',
      '\t\t})',
      '\t\treturn err',
      '\t})',
      '}',
    );
    assert.deepEqual(findings('main.go', code), ['8:NewCluster rds-deletion-protection!', '10:pulumi.String("11.21") rds-engine-version-extended-support!']);
  });

  it('leaves an enum of another module, or a member it does not know, as no engine', () => {
    const code = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'import { Engines } from "./engines";',
      'new aws.rds.Cluster("a", { engine: aws.docdb.EngineType.AuroraMysql, engineVersion: "5.7.mysql_aurora.2.11.2" });',
      'new aws.rds.Cluster("b", { engine: Engines.EngineType.AuroraMysql, engineVersion: "5.7.mysql_aurora.2.11.2" });',
      'new aws.rds.Cluster("c", { engine: aws.rds.EngineType.Neptune, engineVersion: "5.7.mysql_aurora.2.11.2" });',
    );
    assert.deepEqual(findings('index.ts', code), ['3:Cluster rds-deletion-protection!', '4:Cluster rds-deletion-protection!', '5:Cluster rds-deletion-protection!']);
  });
});
