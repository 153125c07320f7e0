/**
 * CDK engine versions that reach a database's `engine` through a variable: a default a prop may override,
 * a version or an engine chosen in a branch. The lifecycle finding goes to the constant where it is written.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules, sourceLines } from './support';

const RULE = 'rds-engine-version-extended-support';

/** `line:column text` of every extended-support finding. */
function findings(fileName: string, text: string): string[] {
  const result = analyzeText(text, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings
    .filter((finding) => finding.ruleId === RULE)
    .map((finding) => {
      const position = result.lines.position(finding.start);
      return `${position.line + 1}:${position.character + 1} ${text.slice(finding.start, finding.end)}`;
    });
}

/** A TypeScript stack whose constructor body is `body`. */
const stack = (...body: string[]): string =>
  sourceLines(
    "import * as rds from 'aws-cdk-lib/aws-rds';",
    "import { Stack } from 'aws-cdk-lib';",
    '',
    'export class DataStack extends Stack {',
    '  constructor(scope, id, props) {',
    '    super(scope, id, props);',
    ...body.map((line) => `    ${line}`),
    '  }',
    '}',
  );

describe('CDK engine versions through variables', () => {
  describe('TypeScript', () => {
    it('reports a default version that a prop may override, at the constant', () => {
      const code = stack(
        'let engineVersion = rds.MysqlEngineVersion.VER_8_0_28;',
        "if (typeof props.engineVersion !== 'undefined') {",
        '  engineVersion = props.engineVersion;',
        '}',
        "new rds.DatabaseInstance(this, 'Db', {",
        '  engine: rds.DatabaseInstanceEngine.mysql({ version: engineVersion }),',
        '  vpc: props.vpc,',
        '  storageEncrypted: true,',
        '});',
        "new rds.DatabaseInstance(this, 'Copy', { engine: rds.DatabaseInstanceEngine.mysql({ version: engineVersion }), vpc: props.vpc, storageEncrypted: true });",
      );
      assert.deepEqual(findings('stack.ts', code), ['7:25 rds.MysqlEngineVersion.VER_8_0_28']);
    });

    it('reads a version override under an if without braces, a shorthand `{ version }` and an engine in a const', () => {
      const code = stack(
        'let version: rds.PostgresEngineVersion = rds.PostgresEngineVersion.VER_11_22;',
        'if (props.version) version = props.version;',
        'const engine = rds.DatabaseInstanceEngine.postgres({ version });',
        "new rds.DatabaseInstance(this, 'Db', { engine, vpc: props.vpc, storageEncrypted: true });",
        "const aurora = rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_2_11_2 });",
        "new rds.DatabaseCluster(this, 'Cluster', { engine: aurora, vpc: props.vpc, storageEncrypted: true });",
      );
      assert.deepEqual(findings('stack.ts', code), ['7:46 rds.PostgresEngineVersion.VER_11_22', '11:69 rds.AuroraMysqlEngineVersion.VER_2_11_2']);
    });

    it('reports a constant written in the engine prop once, at the prop, as before', () => {
      const code = stack(
        "new rds.DatabaseInstance(this, 'Db', {",
        '  engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_5_7 }),',
        '  vpc: props.vpc,',
        '  storageEncrypted: true,',
        '});',
      );
      assert.deepEqual(findings('stack.ts', code), ['8:15 rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_5_7 })']);
    });

    it('stays silent on versions in standard support, overwritten defaults, compared or listed constants, and engines of other constructs', () => {
      const code = stack(
        'let current = rds.PostgresEngineVersion.VER_16_4;',
        'if (props.version) { current = props.version; }',
        "new rds.DatabaseInstance(this, 'Current', { engine: rds.DatabaseInstanceEngine.postgres({ version: current }), vpc: props.vpc, storageEncrypted: true });",
        'let replaced = rds.MysqlEngineVersion.VER_5_7;',
        'replaced = rds.MysqlEngineVersion.VER_8_4_3;',
        "new rds.DatabaseInstance(this, 'Replaced', { engine: rds.DatabaseInstanceEngine.mysql({ version: replaced }), vpc: props.vpc, storageEncrypted: true });",
        'if (props.version === rds.MysqlEngineVersion.VER_5_7) { throw new Error("upgrade first"); }',
        'const retired = [rds.MysqlEngineVersion.VER_5_7, rds.MysqlEngineVersion.VER_8_0_28];',
        'const legacy = rds.MysqlEngineVersion.VER_5_7;',
        "new rds.ParameterGroup(this, 'Params', { engine: rds.DatabaseInstanceEngine.mysql({ version: legacy }) });",
        'const full = rds.MysqlEngineVersion.VER_5_7.fullVersion;',
        "new rds.DatabaseInstance(this, 'Full', { engine: rds.DatabaseInstanceEngine.mysql({ version: props.version ?? full }), vpc: props.vpc, storageEncrypted: true });",
      );
      assert.deepEqual(findings('stack.ts', code), []);
    });

    it('does not follow a variable that another function binds', () => {
      const code = sourceLines(
        "import * as rds from 'aws-cdk-lib/aws-rds';",
        '',
        'let version = rds.MysqlEngineVersion.VER_5_7;',
        'export function upgrade(v) { version = v; }',
        'export function database(scope, vpc) {',
        "  return new rds.DatabaseInstance(scope, 'Db', { engine: rds.DatabaseInstanceEngine.mysql({ version }), vpc, storageEncrypted: true });",
        '}',
      );
      assert.deepEqual(findings('stack.ts', code), []);
    });
  });

  describe('Python', () => {
    const python = (...body: string[]): string =>
      sourceLines(
        'from aws_cdk import Stack',
        'from aws_cdk import aws_rds as rds',
        '',
        '',
        'class DataStack(Stack):',
        '    def __init__(self, scope, construct_id, vpc, engine="postgresql", engine_version=None, **kwargs):',
        '        super().__init__(scope, construct_id, **kwargs)',
        ...body.map((line) => `        ${line}`),
      );

    it('reports a default set when no version is passed, and an engine chosen in a branch', () => {
      const code = python(
        'if not engine_version:',
        '    engine_version = rds.MysqlEngineVersion.VER_8_0_28',
        'rds.DatabaseInstance(self, "MySql", engine=rds.DatabaseInstanceEngine.mysql(version=engine_version), vpc=vpc, storage_encrypted=True)',
        'aurora_engine = rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4)',
        'if engine == "mysql":',
        '    aurora_engine = rds.DatabaseClusterEngine.aurora_mysql(version=rds.AuroraMysqlEngineVersion.VER_2_10_1)',
        'params = rds.ParameterGroup(self, "Params", engine=aurora_engine)',
        'rds.DatabaseCluster(self, "Aurora", engine=aurora_engine, parameter_group=params, vpc=vpc, storage_encrypted=True)',
      );
      assert.deepEqual(findings('stack.py', code), ['9:30 rds.MysqlEngineVersion.VER_8_0_28', '13:76 rds.AuroraMysqlEngineVersion.VER_2_10_1']);
    });

    it('stays silent where every reaching version is in standard support, or the engine only serves a parameter group', () => {
      const code = python(
        'if not engine_version: engine_version = rds.PostgresEngineVersion.VER_16_4',
        'rds.DatabaseInstance(self, "Pg", engine=rds.DatabaseInstanceEngine.postgres(version=engine_version), vpc=vpc, storage_encrypted=True)',
        'old = rds.DatabaseInstanceEngine.mysql(version=rds.MysqlEngineVersion.VER_5_7)',
        'rds.ParameterGroup(self, "Legacy", engine=old)',
        'if engine_version == rds.MysqlEngineVersion.VER_5_7:',
        '    raise ValueError("upgrade first")',
      );
      assert.deepEqual(findings('stack.py', code), []);
    });

    it('reads a parameter default as a version the caller may override, and not one the body always replaces', () => {
      const code = sourceLines(
        'from aws_cdk import aws_rds as rds',
        '',
        '',
        'def mysql_database(scope, vpc, version=rds.MysqlEngineVersion.VER_5_7):',
        '    return rds.DatabaseInstance(scope, "Db", engine=rds.DatabaseInstanceEngine.mysql(version=version), vpc=vpc, storage_encrypted=True)',
        '',
        '',
        'def postgres_database(scope, vpc, version=rds.PostgresEngineVersion.VER_11_22):',
        '    version = rds.PostgresEngineVersion.VER_16_4',
        '    return rds.DatabaseInstance(scope, "Pg", engine=rds.DatabaseInstanceEngine.postgres(version=version), vpc=vpc, storage_encrypted=True)',
      );
      assert.deepEqual(findings('stack.py', code), ['4:40 rds.MysqlEngineVersion.VER_5_7']);
    });
  });
});
