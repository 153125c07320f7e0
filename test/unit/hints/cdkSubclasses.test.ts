/**
 * CDK constructs subclassed to fix their props: `super(scope, id, { ... })` in a TypeScript class that extends
 * a construct, and Python's `super().__init__(scope, id, key=value)`, make that construct with those props. A
 * spread of the caller's props leaves absent settings unknown; a stack, a plain `Construct` and a class of the
 * file are no construct of the rules.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const onlyFindings = (found: string[]): string[] => found.filter((hint) => hint.endsWith('!'));

describe('CDK construct subclasses', () => {
  it('reads the props a TypeScript subclass passes to super, with a dotted or a named base', () => {
    const dotted = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import { Construct } from 'constructs';",
      '',
      'export class ReportingCluster extends rds.DatabaseCluster {',
      '  constructor(scope: Construct, id: string, props: ReportingClusterProps) {',
      '    super(scope, id, {',
      '      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),',
      '      vpc: props.vpc,',
      '      storageEncrypted: false,',
      '      deletionProtection: false,',
      '      removalPolicy: cdk.RemovalPolicy.DESTROY,',
      '    });',
      '  }',
      '}',
    );
    assert.deepEqual(onlyFindings(hintsIn('reporting-cluster.ts', dotted)), [
      '10:storageEncrypted rds-storage-encrypted!',
      '11:deletionProtection rds-deletion-protection!',
      '12:removalPolicy rds-removal-policy!',
    ]);
    const named = sourceLines(
      "import { RemovalPolicy } from 'aws-cdk-lib';",
      "import { BillingMode, Table, TableProps } from 'aws-cdk-lib/aws-dynamodb';",
      '',
      'export class AuditTable extends Table {',
      '  constructor(scope: Construct, id: string, props: TableProps) {',
      '    super(scope, id, {',
      '      ...props,',
      '      billingMode: BillingMode.PAY_PER_REQUEST,',
      '      pointInTimeRecovery: true,',
      '      removalPolicy: RemovalPolicy.DESTROY,',
      '    });',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('audit-table.ts', named), [
      '8:billingMode dynamodb-billing-mode',
      '9:pointInTimeRecovery dynamodb-pitr',
      '10:removalPolicy dynamodb-removal-policy',
      '10:removalPolicy dynamodb-removal-policy!',
    ]);
  });

  it('reads Python super().__init__ keywords, and leaves absent settings unknown behind **kwargs', () => {
    const python = (extra: string): string =>
      sourceLines(
        'from aws_cdk import aws_rds as rds',
        'from constructs import Construct',
        '',
        '',
        'class LedgerDatabase(rds.DatabaseInstance):',
        '    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:',
        '        super().__init__(',
        '            scope,',
        '            construct_id,',
        '            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),',
        '            publicly_accessible=True,',
        `            ${extra}`,
        '        )',
      );
    assert.deepEqual(onlyFindings(hintsIn('ledger_database.py', python('**kwargs,'))), ['11:publicly_accessible rds-publicly-accessible!']);
    // Without the caller's keywords, storage left out is storage unencrypted.
    assert.deepEqual(onlyFindings(hintsIn('ledger_database.py', python('port=5432,'))), ['7:super rds-deletion-protection!', '7:super rds-multi-az!', '7:super rds-storage-encrypted!', '11:publicly_accessible rds-publicly-accessible!']);
    const oldStyle = python('**kwargs,').replace('super().__init__(', 'super(LedgerDatabase, self).__init__(');
    assert.deepEqual(onlyFindings(hintsIn('ledger_database.py', oldStyle)), ['11:publicly_accessible rds-publicly-accessible!']);
  });

  it('says nothing for a stack, a plain construct, a class of the file, another method of super, or a base not imported from the CDK', () => {
    const stack = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import { Construct } from 'constructs';",
      "import { Table } from './table';",
      'class DataStack extends cdk.Stack {',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id, { terminationProtection: false, description: "removalPolicy: DESTROY" });',
      '  }',
      '}',
      'class Holder extends Construct {',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      '  }',
      '}',
      'class Local extends Table {',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id, { removalPolicy: "destroy", pointInTimeRecovery: false });',
      '    super.grantReadData(this.reader);',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('data-stack.ts', stack), []);
    const python = sourceLines(
      'from aws_cdk import Stack',
      'from .base import Table',
      '',
      'class DataStack(Stack):',
      '    def __init__(self, scope, construct_id, **kwargs):',
      '        super().__init__(scope, construct_id, removal_policy="destroy", **kwargs)',
      '',
      'class Local(Table):',
      '    def __init__(self, scope, construct_id):',
      '        super().__init__(scope, construct_id, point_in_time_recovery=False)',
    );
    assert.deepEqual(hintsIn('data_stack.py', python), []);
  });

  it("reads a same-file construction of a subclass that spreads its props into super's, without the keys super sets after the spread", () => {
    const code = sourceLines(
      "import { RemovalPolicy, Stack } from 'aws-cdk-lib';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import { Construct } from 'constructs';",
      '',
      'class TeamDatabase extends rds.DatabaseInstance {',
      '  constructor(scope: Construct, id: string, props: rds.DatabaseInstanceProps) {',
      '    super(scope, id, { deletionProtection: false, ...props, storageEncrypted: true, removalPolicy: RemovalPolicy.SNAPSHOT });',
      '  }',
      '}',
      '',
      'class PlainDatabase extends rds.DatabaseInstance {',
      '  constructor(scope: Construct, id: string, props: rds.DatabaseInstanceProps) {',
      '    super(scope, id, { engine: props.engine, vpc: props.vpc });',
      '  }',
      '}',
      '',
      'export class DataStack extends Stack {',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      "    const db = new TeamDatabase(this, 'Db', {",
      '      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16_4 }),',
      '      vpc: this.vpc,',
      '      publiclyAccessible: true,',
      '      removalPolicy: RemovalPolicy.DESTROY,',
      '    });',
      '    db.grantConnect(this.role);',
      "    new PlainDatabase(this, 'Plain', { engine: this.engine, vpc: this.vpc, publiclyAccessible: true });",
      '  }',
      '}',
    );
    assert.deepEqual(onlyFindings(hintsIn('data-stack.ts', code)), [
      '7:deletionProtection rds-deletion-protection!',
      '13:super rds-deletion-protection!',
      '13:super rds-multi-az!',
      '13:super rds-storage-encrypted!',
      '23:publiclyAccessible rds-publicly-accessible!',
    ]);
    const hovers = hintsIn('data-stack.ts', code).filter((hint) => /^(2[0-7]):/.test(hint) && !hint.endsWith('!'));
    assert.ok(hovers.includes('23:publiclyAccessible rds-publicly-accessible'), hovers.join('\n'));
    assert.ok(!hovers.some((hint) => hint.startsWith('24:')), 'the class sets its own removal policy after the spread');
    assert.ok(!hovers.some((hint) => hint.startsWith('27:')), 'a class that does not spread its props passes none of them on');
  });

  it('reads an instance of a same-file subclass of a construct as that construct, for its grants', () => {
    const code = sourceLines(
      "import { Stack } from 'aws-cdk-lib';",
      "import { TableV2, TablePropsV2 } from 'aws-cdk-lib/aws-dynamodb';",
      "import { Construct } from 'constructs';",
      'class AppTable extends TableV2 {',
      '  constructor(scope: Construct, id: string, props: TablePropsV2) {',
      '    super(scope, id, { ...props });',
      '  }',
      '}',
      'class Registry {}',
      'export class ShopStack extends Stack {',
      '  build(fn: any) {',
      "    const carts = new AppTable(this, 'Carts', { partitionKey: this.key });",
      '    carts.grantFullAccess(fn);',
      '    new Registry().grantFullAccess(fn);',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('shop-stack.ts', code).filter((hint) => hint.includes('grant')), ['13:grantFullAccess dynamodb-grant', '13:grantFullAccess dynamodb-grant!']);
  });
});
