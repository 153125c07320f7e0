/**
 * A CDK engine version a stack keeps in a field of its class and reads as `version: this.version` (Python
 * `version=self.version`): the constant written to the field, in the class body or the constructor, is judged where
 * it is written. What stays silent: a field the engine does not read, a version still in standard support, a field
 * of the same name in another class, and a constant that is no whole value (`VER_2_09_3.auroraMysqlFullVersion`).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findingsOf = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith('rds-engine-version-extended-support!'));

describe('CDK engine versions kept in a field of the stack', () => {
  it('judges a TypeScript field written in the class body or the constructor', () => {
    const stack = sourceLines(
      "import { Stack } from 'aws-cdk-lib';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      '',
      'export class ReportsStack extends Stack {',
      '  private readonly legacyVersion: rds.AuroraMysqlEngineVersion =',
      '    rds.AuroraMysqlEngineVersion.VER_2_11_2;',
      '  private readonly currentVersion = rds.AuroraMysqlEngineVersion.VER_3_08_0;',
      '  private readonly instanceVersion: rds.MysqlEngineVersion;',
      '',
      '  constructor(scope: any, id: string, vpc: any) {',
      '    super(scope, id);',
      '    this.instanceVersion = rds.MysqlEngineVersion.VER_5_7_44;',
      "    new rds.DatabaseCluster(this, 'Reports', {",
      '      engine: rds.DatabaseClusterEngine.auroraMysql({ version: this.legacyVersion }),',
      "      writer: rds.ClusterInstance.provisioned('writer'),",
      '      vpc,',
      '    });',
      "    new rds.DatabaseInstance(this, 'Audit', {",
      '      engine: rds.DatabaseInstanceEngine.mysql({ version: this.instanceVersion }),',
      '      vpc,',
      '    });',
      '  }',
      '}',
      '',
      'export class OtherStack extends Stack {',
      '  private readonly legacyVersion = rds.AuroraMysqlEngineVersion.VER_2_07_1;',
      '}',
    );
    assert.deepEqual(findingsOf('stack.ts', stack), [
      '6:rds.AuroraMysqlEngineVersion.VER_2_11_2 rds-engine-version-extended-support!',
      '12:rds.MysqlEngineVersion.VER_5_7_44 rds-engine-version-extended-support!',
    ]);
  });

  it('judges a Python attribute set in __init__ or on the class', () => {
    const stack = sourceLines(
      'from aws_cdk import Stack, aws_rds as rds',
      '',
      'class ReportsStack(Stack):',
      '    engine_version = rds.PostgresEngineVersion.VER_11_22',
      '',
      '    def __init__(self, scope, id, vpc):',
      '        super().__init__(scope, id)',
      '        self.cluster_version = rds.AuroraPostgresEngineVersion.VER_12_22',
      '        self.spare_version = rds.AuroraPostgresEngineVersion.VER_11_21',
      '        rds.DatabaseInstance(self, "Audit", vpc=vpc,',
      '            engine=rds.DatabaseInstanceEngine.postgres(version=self.engine_version))',
      '        rds.DatabaseCluster(self, "Reports", vpc=vpc, writer=rds.ClusterInstance.provisioned("writer"),',
      '            engine=rds.DatabaseClusterEngine.aurora_postgres(version=self.cluster_version))',
    );
    assert.deepEqual(findingsOf('stack.py', stack), [
      '4:rds.PostgresEngineVersion.VER_11_22 rds-engine-version-extended-support!',
      '8:rds.AuroraPostgresEngineVersion.VER_12_22 rds-engine-version-extended-support!',
    ]);
  });

  it('stays silent where the field holds no whole constant', () => {
    const stack = sourceLines(
      "import { Stack } from 'aws-cdk-lib';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      '',
      'export class ReportsStack extends Stack {',
      '  private readonly full = rds.AuroraMysqlEngineVersion.VER_2_11_2.auroraMysqlFullVersion;',
      '  constructor(scope: any, id: string, vpc: any, props: { version: rds.AuroraMysqlEngineVersion }) {',
      '    super(scope, id);',
      "    new rds.DatabaseCluster(this, 'Reports', {",
      '      engine: rds.DatabaseClusterEngine.auroraMysql({ version: this.full }),',
      "      writer: rds.ClusterInstance.provisioned('writer'),",
      '      vpc,',
      '    });',
      '  }',
      '}',
    );
    assert.deepEqual(findingsOf('stack.ts', stack), []);
  });
});
