/**
 * CDK apps that import a service module by the path TypeScript resolves into aws-cdk-lib's files rather than by its
 * export: early v2's `aws-cdk-lib/lib/aws-rds` (what editors' auto-import wrote then), and one file of a module
 * (`aws-cdk-lib/aws-dynamodb/lib/table`, v1's `@aws-cdk/aws-rds/lib/instance`). Each names the same module as
 * `aws-cdk-lib/aws-rds`; a path outside aws-cdk-lib's service modules names none.
 */
import * as assert from 'node:assert/strict';
import { cdkModule } from '../../../src/hints/engine/services';
import { contributionOf } from '../workspace/support';
import { hintsOfRules, sourceLines } from './support';

function ledgerStack(rdsModule: string, ec2Module: string): string {
  return sourceLines(
    "import { RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';",
    `import { Peer, Port, SecurityGroup, SubnetType, Vpc } from '${ec2Module}';`,
    `import { Credentials, DatabaseInstance, DatabaseInstanceEngine, PostgresEngineVersion } from '${rdsModule}';`,
    "import { Construct } from 'constructs';",
    '',
    'export class LedgerStack extends Stack {',
    '  constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
    "    const vpc = new Vpc(this, 'Vpc', { natGateways: 0 });",
    "    const group = new SecurityGroup(this, 'LedgerDb', { vpc });",
    '    group.addIngressRule(Peer.anyIpv4(), Port.tcp(5432));',
    "    new DatabaseInstance(this, 'Ledger', {",
    '      engine: DatabaseInstanceEngine.postgres({ version: PostgresEngineVersion.VER_16 }),',
    '      vpc,',
    '      vpcSubnets: { subnetType: SubnetType.PRIVATE_ISOLATED },',
    '      securityGroups: [group],',
    "      credentials: Credentials.fromPassword('ledger', SecretValue.unsafePlainText('ledger-admin-2024')),",
    '      storageEncrypted: false,',
    '      removalPolicy: RemovalPolicy.DESTROY,',
    '    });',
    '  }',
    '}',
  );
}

const RULES = ['rds-open-ingress', 'rds-storage-encrypted', 'rds-removal-policy'];

describe('CDK modules imported by their resolved paths', () => {
  it('reads early v2’s aws-cdk-lib/lib/aws-rds and aws-cdk-lib/lib/aws-ec2 as aws-cdk-lib/aws-rds and aws-cdk-lib/aws-ec2', () => {
    const exported = hintsOfRules('lib/ledger-stack.ts', ledgerStack('aws-cdk-lib/aws-rds', 'aws-cdk-lib/aws-ec2'), RULES);
    const resolved = hintsOfRules('lib/ledger-stack.ts', ledgerStack('aws-cdk-lib/lib/aws-rds', 'aws-cdk-lib/lib/aws-ec2'), RULES);
    assert.ok(exported.some((hint) => hint.endsWith('rds-open-ingress!')), exported.join('\n'));
    assert.ok(exported.some((hint) => hint.endsWith('rds-storage-encrypted!')), exported.join('\n'));
    assert.ok(exported.some((hint) => hint.endsWith('rds-removal-policy!')), exported.join('\n'));
    assert.deepEqual(resolved, exported);
  });

  it('reads a construct imported from one file of a module (aws-cdk-lib/aws-dynamodb/lib/table)', () => {
    const code = sourceLines(
      "import { RemovalPolicy, Stack } from 'aws-cdk-lib';",
      "import { AttributeType, BillingMode } from 'aws-cdk-lib/aws-dynamodb';",
      "import { Table } from 'aws-cdk-lib/aws-dynamodb/lib/table';",
      '',
      'export class EventsStack extends Stack {',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      "    new Table(this, 'Events', {",
      "      partitionKey: { name: 'pk', type: AttributeType.STRING },",
      '      billingMode: BillingMode.PAY_PER_REQUEST,',
      '      removalPolicy: RemovalPolicy.DESTROY,',
      '    });',
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('lib/events-stack.ts', code, ['dynamodb-removal-policy', 'dynamodb-billing-mode']), [
      '10:billingMode dynamodb-billing-mode',
      '11:removalPolicy dynamodb-removal-policy',
      '11:removalPolicy dynamodb-removal-policy!',
    ]);
  });

  it('puts a table imported through aws-cdk-lib/lib/aws-dynamodb in the workspace model', () => {
    const code = sourceLines(
      "import { Stack } from 'aws-cdk-lib';",
      "import { AttributeType, Table } from 'aws-cdk-lib/lib/aws-dynamodb';",
      '',
      'export class EventsStack extends Stack {',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      "    new Table(this, 'Events', { partitionKey: { name: 'pk', type: AttributeType.STRING } });",
      '  }',
      '}',
    );
    const tables = contributionOf('lib/events-stack.ts', code)?.tables ?? [];
    assert.deepEqual(tables.map((table) => [table.logicalName, table.partitionKey?.name]), [['Events', 'pk']]);
  });

  it('names a module only for the service modules of aws-cdk-lib and @aws-cdk', () => {
    assert.equal(cdkModule('aws-cdk-lib/lib/aws-rds'), 'aws_rds');
    assert.equal(cdkModule('aws-cdk-lib/aws-dynamodb/lib/table-v2'), 'aws_dynamodb');
    assert.equal(cdkModule('@aws-cdk/aws-rds/lib/instance'), 'aws_rds');
    assert.equal(cdkModule('aws-cdk-lib/lib/core'), undefined);
    assert.equal(cdkModule('aws-cdk-lib/aws-rds/lib/instance/extra'), undefined);
    assert.equal(cdkModule('my-aws-cdk-lib/lib/aws-rds'), undefined);
  });
});
