/**
 * CDK v1 engines named without a version object: an engine constant with the version in the construct's own
 * `engineVersion` prop, and Aurora MySQL version 1's engine (`DatabaseClusterEngine.AURORA`, `.aurora(...)`).
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { hintsIn, realHintRules, sourceLines } from './support';

const RULE = 'rds-engine-version-extended-support';

/** `line text` of every extended-support finding, and whether its message is the end-of-life one. */
function findings(fileName: string, text: string): string[] {
  const result = analyzeText(text, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings
    .filter((finding) => finding.ruleId === RULE)
    .map((finding) => {
      const line = result.lines.position(finding.start).line + 1;
      const endOfLife = /end of life/.test(finding.message) ? ' (end of life)' : '';
      return `${line} ${text.slice(finding.start, finding.end)}${endOfLife}`;
    });
}

/** A CDK v1 Python stack making one database construct with `props`. */
const pythonStack = (construct: string, ...props: string[]): string =>
  sourceLines(
    'from aws_cdk import aws_rds as rds, core',
    '',
    'class ReportsStack(core.Stack):',
    '    def __init__(self, scope, id, vpc, **kwargs):',
    '        super().__init__(scope, id, **kwargs)',
    `        rds.${construct}(`,
    '            self,',
    '            "Reports",',
    ...props.map((prop) => `            ${prop},`),
    '            vpc=vpc,',
    '        )',
  );

/** A CDK v1 TypeScript stack making one database construct with `props`. */
const typescriptStack = (construct: string, ...props: string[]): string =>
  sourceLines(
    "import * as cdk from '@aws-cdk/core';",
    "import * as rds from '@aws-cdk/aws-rds';",
    '',
    'export class ReportsStack extends cdk.Stack {',
    '  constructor(scope: cdk.Construct, id: string, vpc: any) {',
    '    super(scope, id);',
    `    new rds.${construct}(this, 'Reports', {`,
    ...props.map((prop) => `      ${prop},`),
    '      vpc,',
    '    });',
    '  }',
    '}',
  );

describe('CDK v1 engines without a version object', () => {
  it('judges the engineVersion prop beside an engine constant, at the version', () => {
    assert.deepEqual(findings('reports.py', pythonStack('DatabaseInstance', 'engine=rds.DatabaseInstanceEngine.POSTGRES', 'engine_version="11.6"')), ['10 "11.6"']);
    assert.deepEqual(findings('reports.ts', typescriptStack('DatabaseInstance', 'engine: rds.DatabaseInstanceEngine.MYSQL', "engineVersion: '5.7.26'")), ["9 '5.7.26'"]);
    assert.deepEqual(
      findings('reports.py', pythonStack('DatabaseCluster', 'engine=rds.DatabaseClusterEngine.AURORA_MYSQL', 'engine_version="5.7.mysql_aurora.2.07.2"')),
      ['10 "5.7.mysql_aurora.2.07.2"'],
    );
    // The version prop gets the rule's hover too.
    assert.ok(hintsIn('reports.py', pythonStack('DatabaseInstance', 'engine=rds.DatabaseInstanceEngine.POSTGRES', 'engine_version="16.4"')).includes(`10:engine_version ${RULE}`));
  });

  it('reports Aurora MySQL version 1 named by its engine alone, with the end-of-life message', () => {
    assert.deepEqual(findings('reports.py', pythonStack('DatabaseCluster', 'engine=rds.DatabaseClusterEngine.AURORA')), ['9 rds.DatabaseClusterEngine.AURORA (end of life)']);
    assert.deepEqual(findings('reports.ts', typescriptStack('DatabaseCluster', 'engine: rds.DatabaseClusterEngine.AURORA')), ['8 rds.DatabaseClusterEngine.AURORA (end of life)']);
    assert.deepEqual(
      findings('reports.py', pythonStack('DatabaseCluster', 'engine=rds.DatabaseClusterEngine.aurora(version=rds.AuroraEngineVersion.VER_1_22_2)')),
      ['9 rds.DatabaseClusterEngine.aurora(version=rds.AuroraEngineVersion.VER_1_22_2) (end of life)'],
    );
  });

  it('reads the same constants in C# props and Java builders', () => {
    const csharp = sourceLines(
      'using Amazon.CDK;',
      'using Amazon.CDK.AWS.RDS;',
      '',
      'public class ReportsStack : Stack',
      '{',
      '    public ReportsStack(Construct scope, string id, IVpc vpc) : base(scope, id)',
      '    {',
      '        new DatabaseInstance(this, "Reports", new DatabaseInstanceProps',
      '        {',
      '            Engine = DatabaseInstanceEngine.POSTGRES,',
      '            EngineVersion = "11.6",',
      '            Vpc = vpc,',
      '        });',
      '        new DatabaseCluster(this, "Events", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA, InstanceProps = new InstanceProps { Vpc = vpc } });',
      '    }',
      '}',
    );
    assert.deepEqual(findings('ReportsStack.cs', csharp), ['11 "11.6"', '14 DatabaseClusterEngine.AURORA (end of life)']);
    const java = sourceLines(
      'import software.amazon.awscdk.core.Stack;',
      'import software.amazon.awscdk.services.rds.DatabaseInstance;',
      'import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;',
      '',
      'public class ReportsStack extends Stack {',
      '    public ReportsStack(Construct scope, String id, IVpc vpc) {',
      '        super(scope, id);',
      '        DatabaseInstance.Builder.create(this, "Reports")',
      '                .engine(DatabaseInstanceEngine.MYSQL)',
      '                .engineVersion("5.7.26")',
      '                .vpc(vpc)',
      '                .build();',
      '    }',
      '}',
    );
    assert.deepEqual(findings('ReportsStack.java', java), ['10 "5.7.26"']);
  });

  it('stays silent on a version with no date past, a version not written as a string, and engines with a version object', () => {
    assert.deepEqual(findings('reports.py', pythonStack('DatabaseInstance', 'engine=rds.DatabaseInstanceEngine.POSTGRES', 'engine_version="16.4"')), []);
    assert.deepEqual(findings('reports.py', pythonStack('DatabaseInstance', 'engine=rds.DatabaseInstanceEngine.MYSQL', 'engine_version=settings.version')), []);
    assert.deepEqual(findings('reports.py', pythonStack('DatabaseCluster', 'engine=rds.DatabaseClusterEngine.AURORA', 'engine_version=settings.version')), []);
    assert.deepEqual(findings('reports.py', pythonStack('DatabaseInstance', 'engine=rds.DatabaseInstanceEngine.POSTGRES')), []);
    assert.deepEqual(findings('reports.ts', typescriptStack('DatabaseCluster', 'engine: rds.DatabaseClusterEngine.AURORA_POSTGRESQL')), []);
    assert.deepEqual(
      findings('reports.ts', typescriptStack('DatabaseCluster', 'engine: rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_3_08_0 })')),
      [],
    );
    // An engine of another construct kind is not an RDS engine.
    assert.deepEqual(findings('reports.ts', typescriptStack('SubnetGroup', 'engine: rds.DatabaseClusterEngine.AURORA', "engineVersion: '5.6.10a'")), []);
  });
});
