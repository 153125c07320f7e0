/**
 * Constructs made inside a database's props (a KMS key for its storage, a parameter group, a security group):
 * the keys passed to that `new` belong to that construct, so the database neither takes their removal policy
 * nor loses its own to them.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function stack(own: string, keys: string): string {
  return sourceLines(
    "import { RemovalPolicy, Stack } from 'aws-cdk-lib';",
    "import * as kms from 'aws-cdk-lib/aws-kms';",
    "import * as rds from 'aws-cdk-lib/aws-rds';",
    '',
    'export class LedgerStack extends Stack {',
    '  constructor(scope: Construct, id: string, props: LedgerProps) {',
    '    super(scope, id, props);',
    "    new rds.DatabaseInstance(this, 'Ledger', {",
    '      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),',
    '      vpc: props.vpc,',
    `      removalPolicy: RemovalPolicy.${own},`,
    "      storageEncryptionKey: new kms.Key(this, 'LedgerKey', {",
    '        enableKeyRotation: true,',
    `        removalPolicy: RemovalPolicy.${keys},`,
    '      }),',
    "      securityGroups: [new ec2.SecurityGroup(this, 'LedgerSg', { vpc: props.vpc, allowAllOutbound: false })],",
    '    });',
    '  }',
    '}',
  );
}

const removal = (found: string[]): string[] => found.filter((hint) => hint.includes('removal'));

describe('CDK constructs made inside a database’s props', () => {
  it('keeps a KMS key’s removal policy out of the database’s', () => {
    assert.deepEqual(removal(hintsIn('ledger-stack.ts', stack('SNAPSHOT', 'DESTROY'))), ['11:removalPolicy rds-removal-policy']);
  });

  it('still reports the database’s own DESTROY, whatever the key’s', () => {
    assert.deepEqual(removal(hintsIn('ledger-stack.ts', stack('DESTROY', 'RETAIN'))), ['11:removalPolicy rds-removal-policy', '11:removalPolicy rds-removal-policy!']);
  });
});
