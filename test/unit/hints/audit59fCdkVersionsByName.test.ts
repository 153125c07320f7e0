/**
 * CDK engine versions named by their full version string (`AuroraPostgresEngineVersion.of('11.9', '11')`) and
 * Aurora default parameter group families (`default.aurora-postgresql11`) given to a construct whose engine
 * names no version, in TypeScript and Python. Silent where the version is supported, the engine names its own
 * version, or the group is a custom one.
 */
import * as assert from 'node:assert/strict';
import { cdkEngineVersion } from '../../../src/hints/engine/code/cdk';
import { hintsIn, sourceLines } from './support';

const RULE = 'rds-engine-version-extended-support!';

function findings(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

describe('CDK engine versions by name (audit59f)', () => {
  it('reads the full version string of an engine version made with of()', () => {
    assert.deepEqual(cdkEngineVersion("rds.AuroraPostgresEngineVersion.of('13.7', '13')"), { engine: 'aurora-postgresql', version: '13.7' });
    assert.deepEqual(cdkEngineVersion('rds.MysqlEngineVersion.of("5.7.38", "5.7")'), { engine: 'mysql', version: '5.7.38' });
    assert.deepEqual(cdkEngineVersion('rds.AuroraMysqlEngineVersion.of(aurora_mysql_full_version="5.7.mysql_aurora.2.11.2")'), {
      engine: 'aurora-mysql',
      version: '5.7.mysql_aurora.2.11.2',
    });
    assert.deepEqual(cdkEngineVersion('awsrds.PostgresEngineVersion_Of(jsii.String("11.22"), jsii.String("11"))'), { engine: 'postgres', version: '11.22' });
    assert.equal(cdkEngineVersion('rds.PostgresEngineVersion.of(props.version, "16")'), undefined);
  });

  it('reports TypeScript constructs on a version made with of() or a default Aurora group of an old family', () => {
    const code = sourceLines(
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      'export function build(stack: any, vpc: any) {',
      "  new rds.DatabaseCluster(stack, 'Old', {",
      "    engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.of('11.9', '11') }),",
      '    vpc,',
      '  });',
      "  new rds.DatabaseCluster(stack, 'Current', {",
      "    engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.of('16.4', '16') }),",
      '    vpc,',
      '  });',
      "  new rds.DatabaseCluster(stack, 'ByFamily', {",
      '    engine: rds.DatabaseClusterEngine.AURORA_MYSQL,',
      "    parameterGroup: rds.ParameterGroup.fromParameterGroupName(stack, 'Params', 'default.aurora-mysql5.7'),",
      '    vpc,',
      '  });',
      "  new rds.DatabaseCluster(stack, 'OwnVersion', {",
      '    engine: rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_3_05_2 }),',
      "    parameterGroup: rds.ParameterGroup.fromParameterGroupName(stack, 'Params2', 'default.aurora-mysql5.7'),",
      '    vpc,',
      '  });',
      "  new rds.DatabaseCluster(stack, 'Custom', {",
      '    engine: rds.DatabaseClusterEngine.AURORA_POSTGRESQL,',
      "    parameterGroup: rds.ParameterGroup.fromParameterGroupName(stack, 'Params3', 'tuned-aurora-postgresql11'),",
      '    vpc,',
      '  });',
      '}',
    );
    assert.deepEqual(
      findings('stack.ts', code).map((hint) => hint.split(':')[0]),
      ['4', '13'],
    );
  });

  it('follows a version made with of() and a group looked up by name through a variable, not two groups', () => {
    const code = sourceLines(
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      'export function build(stack: any, vpc: any, tuned: boolean) {',
      "  const version = rds.AuroraPostgresEngineVersion.of('11.21', '11');",
      "  const params = rds.ParameterGroup.fromParameterGroupName(stack, 'Params', 'default.postgres11');",
      "  new rds.DatabaseCluster(stack, 'Cluster', { engine: rds.DatabaseClusterEngine.auroraPostgres({ version }), vpc });",
      "  new rds.DatabaseInstance(stack, 'Instance', {",
      '    engine: rds.DatabaseInstanceEngine.POSTGRES,',
      '    parameterGroup: params,',
      '    vpc,',
      '  });',
      "  let chosen = rds.ParameterGroup.fromParameterGroupName(stack, 'Old', 'default.postgres11');",
      "  if (tuned) { chosen = rds.ParameterGroup.fromParameterGroupName(stack, 'New', 'default.postgres16'); }",
      "  new rds.DatabaseInstance(stack, 'Either', { engine: rds.DatabaseInstanceEngine.POSTGRES, parameterGroup: chosen, vpc });",
      '}',
    );
    assert.deepEqual(
      findings('stack.ts', code).map((hint) => hint.split(':')[0]),
      ['3', '8'],
    );
  });

  it('judges a version made with of() inside an engine held by a variable where it is written', () => {
    const code = sourceLines(
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      'export function build(stack: any, vpc: any) {',
      "  const engine = rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.of('11.21', '11') });",
      "  const current = rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.of('16.4', '16') });",
      "  new rds.DatabaseCluster(stack, 'Old', { engine, vpc });",
      "  new rds.DatabaseCluster(stack, 'New', { engine: current, vpc });",
      '}',
    );
    assert.deepEqual(
      findings('stack.ts', code).map((hint) => hint.split(':')[0]),
      ['3'],
    );
  });

  it('reports a Python construct on a version made with of()', () => {
    const code = sourceLines(
      'from aws_cdk import aws_rds as rds',
      'def build(stack, vpc):',
      '    rds.DatabaseInstance(stack, "Db",',
      '        engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.of("11.22", "11")),',
      '        vpc=vpc,',
      '    )',
      '    params = rds.ParameterGroup.from_parameter_group_name(stack, "Params", "default.aurora-postgresql11")',
      '    rds.DatabaseCluster(stack, "Cluster",',
      '        engine=rds.DatabaseClusterEngine.AURORA_POSTGRESQL,',
      '        parameter_group=params,',
      '        instance_props=rds.InstanceProps(vpc=vpc),',
      '    )',
    );
    assert.deepEqual(
      findings('stack.py', code).map((hint) => hint.split(':')[0]),
      ['4', '10'],
    );
  });

  it('reads an Aurora default cluster parameter group family in CloudFormation, not beside a written version', () => {
    const code = sourceLines(
      'Resources:',
      '  Cluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora-mysql',
      '      DBClusterParameterGroupName: default.aurora-mysql5.7',
      '  Pinned:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora-mysql',
      '      EngineVersion: 8.0.mysql_aurora.3.05.2',
      '      DBClusterParameterGroupName: default.aurora-mysql5.7',
    );
    assert.deepEqual(
      findings('template.yaml', code).map((hint) => hint.split(':')[0]),
      ['6'],
    );
  });
});
