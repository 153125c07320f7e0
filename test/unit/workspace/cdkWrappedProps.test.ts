/**
 * CDK classes that wrap a construct and take its props as a member of their own (`new DatabaseInstance(this,
 * 'Instance', { vpc, ...props.databaseInstance })`): a construction of the class in another file writes those props
 * at the member (`new LedgerDatabase(this, 'Ledger', { databaseInstance: { removalPolicy: RemovalPolicy.DESTROY } })`),
 * which are judged there, but for those the class writes after its spread. What must stay silent: keys the class
 * overrides, a spread after the member's, a member spread into two constructs, the props of another member, a
 * construction that leaves the settings out (the class may set them), and the same class read without the workspace.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, hintsOfFile } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

function wrapper(spread: string, extra = ''): string {
  return lines(
    "import { Construct } from 'constructs';",
    "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
    "import * as rds from 'aws-cdk-lib/aws-rds';",
    "import { RemovalPolicy } from 'aws-cdk-lib';",
    '',
    'export interface LedgerDatabaseProps {',
    '  readonly vpc: ec2.IVpc;',
    '  readonly databaseInstance: Omit<rds.DatabaseInstanceProps, "vpc">;',
    '  readonly proxy?: Partial<rds.DatabaseProxyProps>;',
    '}',
    '',
    'export class LedgerDatabase extends Construct {',
    '  public readonly instance: rds.DatabaseInstance;',
    '',
    '  constructor(scope: Construct, id: string, props: LedgerDatabaseProps) {',
    '    super(scope, id);',
    "    this.instance = new rds.DatabaseInstance(this, 'Instance', {",
    '      vpc: props.vpc,',
    '      storageEncrypted: true,',
    `      ${spread}`,
    '    });',
    extra,
    '  }',
    '}',
  );
}

const STACK = lines(
  "import { RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';",
  "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
  "import * as rds from 'aws-cdk-lib/aws-rds';",
  "import { LedgerDatabase } from '../constructs/ledger-database';",
  '',
  'export class LedgerStack extends Stack {',
  '  constructor(scope: Construct, id: string, props: { vpc: ec2.IVpc }) {',
  '    super(scope, id);',
  "    new LedgerDatabase(this, 'Ledger', {",
  '      vpc: props.vpc,',
  '      databaseInstance: {',
  '        engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16_4 }),',
  "        credentials: rds.Credentials.fromPassword('ledger', SecretValue.unsafePlainText('ledger-2024-admin')),",
  '        removalPolicy: RemovalPolicy.DESTROY,',
  '        deletionProtection: false,',
  '        storageEncrypted: false,',
  '      },',
  '    });',
  '  }',
  '}',
);

const WRAPPER_FILE = 'lib/constructs/ledger-database.ts';
const STACK_FILE = 'lib/stacks/ledger-stack.ts';

/** The findings of the stack file, each as its line and rule (a finding on a value spans the whole value). */
const findings = (files: Record<string, string>): string[] =>
  hintsOfFile(files, STACK_FILE)
    .filter((hint) => hint.endsWith('!'))
    .map((hint) => `${hint.slice(0, hint.indexOf(':'))} ${hint.slice(hint.lastIndexOf(' ') + 1)}`);

describe('CDK classes that make a construct from a member of their props', () => {
  it('records the member, the construct and the keys written after the spread', () => {
    assert.deepEqual(contributionOf(WRAPPER_FILE, wrapper('...props.databaseInstance,', ''))?.cdkWrappedProps, {
      LedgerDatabase: { member: 'databaseInstance', construct: 'aws_rds.DatabaseInstance', overridden: [] },
    });
    assert.deepEqual(contributionOf(WRAPPER_FILE, wrapper('...props.databaseInstance, storageEncrypted: true, removalPolicy: RemovalPolicy.SNAPSHOT,'))?.cdkWrappedProps, {
      LedgerDatabase: { member: 'databaseInstance', construct: 'aws_rds.DatabaseInstance', overridden: ['storageencrypted', 'removalpolicy'] },
    });
  });

  it('judges the props a construction writes at the member where they are written', () => {
    const files = { [WRAPPER_FILE]: wrapper('...props.databaseInstance,'), [STACK_FILE]: STACK };
    assert.deepEqual(findings(files), [
      '13 rds-master-password!',
      '14 rds-removal-policy!',
      '15 rds-deletion-protection!',
      '16 rds-storage-encrypted!',
    ]);
    const hovers = hintsOfFile(files, STACK_FILE).filter((hint) => !hint.endsWith('!'));
    assert.ok(hovers.includes('12:engine rds-engine-version-extended-support'), hovers.join('\n'));
  });

  it('leaves out the keys the class writes after the spread, which win', () => {
    const files = { [WRAPPER_FILE]: wrapper('...props.databaseInstance, storageEncrypted: true, removalPolicy: RemovalPolicy.SNAPSHOT,'), [STACK_FILE]: STACK };
    assert.deepEqual(findings(files), ['13 rds-master-password!', '15 rds-deletion-protection!']);
  });

  it('stays silent where the member may not reach the construct as written', () => {
    const shapes = [
      '...props.databaseInstance, ...overrides,',
      '...(props.databaseInstance ?? {}),',
      '...props.proxy,',
      '...Object.assign({}, props.databaseInstance),',
    ];
    for (const spread of shapes) {
      assert.deepEqual(findings({ [WRAPPER_FILE]: wrapper(spread), [STACK_FILE]: STACK }), [], spread);
    }
    const twice = wrapper('...props.databaseInstance,', "    new rds.DatabaseInstance(this, 'Replica', { vpc: props.vpc, ...props.databaseInstance });");
    assert.deepEqual(findings({ [WRAPPER_FILE]: twice, [STACK_FILE]: STACK }), [], 'one member, two constructs');
    assert.deepEqual(findings({ [STACK_FILE]: STACK }), [], 'the class is not in the workspace');
  });

  it('reports nothing a construction leaves out: the class may set it', () => {
    const bare = STACK.replace(/ {8}removalPolicy[^\n]*\n {8}deletionProtection[^\n]*\n {8}storageEncrypted[^\n]*\n/, '');
    assert.deepEqual(findings({ [WRAPPER_FILE]: wrapper('...props.databaseInstance,'), [STACK_FILE]: bare }), ['13 rds-master-password!']);
  });
});
