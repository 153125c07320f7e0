/**
 * A stack's props read as the values the app passes in another file: the database stack sets
 * `multiAz: props.multiAz`, `bin/app.ts` makes it with `{ multiAz: false }`. TypeScript apps with a shared props
 * interface file, Python apps with `app.py` and a `stacks` package, several constructions that pass different
 * values, fallbacks (`?? true`, Python defaults, `kwargs.get`), and what must stay silent: values that are no
 * literal, spreads, a prop of the same name on a construct no rule reads, a value the stack overrides, and a
 * stack made only in a test.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { WorkspaceView } from '../../../src/hints/engine/workspace/types';
import { realHintRules, sourceLines } from '../hints/support';
import { workspaceOf } from './support';

/** `line rule: message tail` for each finding of `file`, judged in the workspace of `files` (or alone). */
function findings(files: Record<string, string>, file: string, alone = false): string[] {
  const view: WorkspaceView | undefined = alone ? undefined : workspaceOf(files);
  const code = files[file];
  const result = analyzeText(code, realHintRules(), {
    kind: documentKind(undefined, file)!,
    fileName: file,
    ...(view ? { workspace: view } : {}),
    onError: (error) => assert.fail(String(error)),
  });
  return result.findings.map((finding) => {
    const passed = / (Value from .*|\S+ leaves .*)\.$/.exec(finding.message)?.[1];
    return `${result.lines.lineOf(finding.start) + 1}:${code.slice(finding.start, finding.end)} ${finding.ruleId}${passed ? ` | ${passed}` : ''}`;
  });
}

const PROPS = sourceLines(
  "import { RemovalPolicy, StackProps } from 'aws-cdk-lib';",
  "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
  '',
  'export interface DatabaseStackProps extends StackProps {',
  '  readonly vpc: ec2.IVpc;',
  '  readonly multiAz: boolean;',
  '  readonly deletionProtection?: boolean;',
  '  readonly removalPolicy?: RemovalPolicy;',
  '  readonly publiclyAccessible?: boolean;',
  '  readonly encrypted?: boolean;',
  '}',
);

const STACK = sourceLines(
  "import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';",
  "import * as rds from 'aws-cdk-lib/aws-rds';",
  "import * as s3 from 'aws-cdk-lib/aws-s3';",
  "import { Construct } from 'constructs';",
  "import { DatabaseStackProps } from './database-props';",
  '',
  'export class DatabaseStack extends Stack {',
  '  constructor(scope: Construct, id: string, props: DatabaseStackProps) {',
  '    super(scope, id, props);',
  "    new rds.DatabaseInstance(this, 'Orders', {",
  '      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),',
  '      vpc: props.vpc,',
  '      multiAz: props.multiAz,',
  '      deletionProtection: props.deletionProtection ?? true,',
  '      removalPolicy: props.removalPolicy,',
  '      publiclyAccessible: props?.publiclyAccessible,',
  '      storageEncrypted: props.encrypted,',
  '      backupRetention: Duration.days(7),',
  '    });',
  "    new s3.Bucket(this, 'Exports', { removalPolicy: props.removalPolicy });",
  '  }',
  '}',
);

const APP = sourceLines(
  '#!/usr/bin/env node',
  "import * as cdk from 'aws-cdk-lib';",
  "import { NetworkStack } from '../lib/network-stack';",
  "import { DatabaseStack } from '../lib/database-stack';",
  '',
  'const app = new cdk.App();',
  "const network = new NetworkStack(app, 'Network');",
  "new DatabaseStack(app, 'OrdersDb-dev', {",
  '  vpc: network.vpc,',
  '  multiAz: false,',
  '  deletionProtection: false,',
  '  removalPolicy: cdk.RemovalPolicy.DESTROY,',
  '  encrypted: true,',
  '});',
  "new DatabaseStack(app, 'OrdersDb-prod', {",
  '  vpc: network.vpc,',
  '  multiAz: true,',
  '  publiclyAccessible: true,',
  '  encrypted: true,',
  '});',
);

describe('CDK stack props passed by the app in another file', () => {
  const files = { 'lib/database-props.ts': PROPS, 'lib/database-stack.ts': STACK, 'bin/app.ts': APP };

  it('reads each construction’s values and names the one that passes the defect', () => {
    assert.deepEqual(findings(files, 'lib/database-stack.ts'), [
      '13:multiAz rds-multi-az | Value from bin/app.ts:10 (multiAz: false)',
      '14:deletionProtection rds-deletion-protection | Value from bin/app.ts:11 (deletionProtection: false)',
      '15:removalPolicy rds-removal-policy | Value from bin/app.ts:12 (removalPolicy: cdk.RemovalPolicy.DESTROY)',
      '16:publiclyAccessible rds-publicly-accessible | Value from bin/app.ts:18 (publiclyAccessible: true)',
    ]);
  });

  it('changes nothing when the stack file is judged alone', () => {
    assert.deepEqual(findings(files, 'lib/database-stack.ts', true), []);
  });

  it('uses the fallback when a construction leaves the prop out, and the construct’s default without one', () => {
    const app = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import { DatabaseStack } from '../lib/database-stack';",
      'const app = new cdk.App();',
      "new DatabaseStack(app, 'Db', { vpc: undefined as never, multiAz: true });",
    );
    const stack = STACK.replace('props.deletionProtection ?? true', 'props.deletionProtection ?? false');
    assert.deepEqual(findings({ ...files, 'bin/app.ts': app, 'lib/database-stack.ts': stack }, 'lib/database-stack.ts'), [
      "10:DatabaseInstance rds-storage-encrypted | bin/app.ts:4 leaves out the prop storageEncrypted reads, so the construct's default applies",
      '14:deletionProtection rds-deletion-protection | bin/app.ts:4 leaves deletionProtection out, so the fallback applies',
    ]);
  });

  it('stays silent on values that are no literal, spreads, overrides and stacks made only in tests', () => {
    const app = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import { DatabaseStack } from '../lib/database-stack';",
      "import { settings } from '../config';",
      'const app = new cdk.App();',
      "const stage = app.node.tryGetContext('stage');",
      "new DatabaseStack(app, 'Db', {",
      '  ...settings,',
      "  multiAz: stage === 'prod',",
      "  deletionProtection: process.env.PROTECT === 'yes',",
      '  encrypted: true,',
      '});',
      "new DatabaseStack(app, 'Db2', { multiAz: true, encrypted: true, removalPolicy: cdk.RemovalPolicy.RETAIN, ...settings });",
    );
    const test = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import { Template } from 'aws-cdk-lib/assertions';",
      "import { DatabaseStack } from '../lib/database-stack';",
      "const stack = new DatabaseStack(new cdk.App(), 'Test', { multiAz: false, deletionProtection: false, publiclyAccessible: true } as never);",
      'Template.fromStack(stack);',
    );
    const overridden = STACK.replace('multiAz: props.multiAz,', 'multiAz: true,');
    assert.deepEqual(findings({ ...files, 'bin/app.ts': app, 'test/database-stack.test.ts': test, 'lib/database-stack.ts': overridden }, 'lib/database-stack.ts'), []);
    assert.deepEqual(findings({ 'lib/database-props.ts': PROPS, 'lib/database-stack.ts': STACK, 'test/database-stack.test.ts': test }, 'lib/database-stack.ts'), []);
  });
});

describe('CDK stack props passed by a Python app', () => {
  const stack = sourceLines(
    'from aws_cdk import Duration, RemovalPolicy, Stack',
    'from aws_cdk import aws_rds as rds',
    'from constructs import Construct',
    '',
    '',
    'class DatabaseStack(Stack):',
    '    def __init__(self, scope: Construct, construct_id: str, *, multi_az: bool = True, backup_days: int = 7, **kwargs) -> None:',
    '        super().__init__(scope, construct_id)',
    '        rds.DatabaseInstance(',
    '            self,',
    '            "Orders",',
    '            engine=rds.DatabaseInstanceEngine.POSTGRES,',
    '            multi_az=multi_az,',
    '            storage_encrypted=True,',
    '            deletion_protection=kwargs.get("deletion_protection", True),',
    '            removal_policy=kwargs.get("removal_policy"),',
    '        )',
  );
  const app = sourceLines(
    'import os',
    'import aws_cdk as cdk',
    'from stacks.database_stack import DatabaseStack',
    '',
    'app = cdk.App()',
    'DatabaseStack(app, "Dev", multi_az=False, deletion_protection=False, removal_policy=cdk.RemovalPolicy.DESTROY)',
    'DatabaseStack(app, "Prod", multi_az=os.environ.get("MULTI_AZ") == "1")',
    'app.synth()',
  );

  it('reads keyword arguments into named parameters and `kwargs.get`, with their defaults', () => {
    const files = { 'stacks/database_stack.py': stack, 'app.py': app };
    assert.deepEqual(findings(files, 'stacks/database_stack.py'), [
      '13:multi_az rds-multi-az | Value from app.py:6 (multi_az: False)',
      '15:deletion_protection rds-deletion-protection | Value from app.py:6 (deletion_protection: False)',
      '16:removal_policy rds-removal-policy | Value from app.py:6 (removal_policy: cdk.RemovalPolicy.DESTROY)',
    ]);
    assert.deepEqual(findings(files, 'stacks/database_stack.py', true), []);
  });

  it('stays silent for a stack made only in a test, or with arguments it unpacks', () => {
    const test = sourceLines('import aws_cdk as cdk', 'from stacks.database_stack import DatabaseStack', 'DatabaseStack(cdk.App(), "T", multi_az=False)');
    assert.deepEqual(findings({ 'stacks/database_stack.py': stack, 'tests/test_database_stack.py': test }, 'stacks/database_stack.py'), []);
    const unpacked = sourceLines('import aws_cdk as cdk', 'from stacks.database_stack import DatabaseStack', 'settings = load()', 'DatabaseStack(cdk.App(), "Db", **settings)');
    assert.deepEqual(findings({ 'stacks/database_stack.py': stack, 'app.py': unpacked }, 'stacks/database_stack.py'), []);
  });
});
