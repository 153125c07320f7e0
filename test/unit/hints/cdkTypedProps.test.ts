/**
 * TypeScript CDK props typed with their construct's props interface and built apart from it, then handed to
 * a helper of the project that makes the construct (`DynamoDBCreator.createTable(this, tableParam)`).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('CDK props typed with their construct’s props interface', () => {
  it('reads a TableProps literal handed to a project helper as the table’s props', () => {
    const code = sourceLines(
      "import cdk = require('@aws-cdk/core');",
      "import { Table, TableProps, AttributeType, BillingMode } from '@aws-cdk/aws-dynamodb';",
      "import { DynamoDBCreator } from '../services/dynamodb/creator';",
      'export class VisitorStack extends cdk.Stack {',
      '  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {',
      '    super(scope, id, props);',
      '    const tableParam: TableProps = {',
      "      tableName: 'Visitors',",
      "      partitionKey: { name: 'id', type: AttributeType.STRING },",
      '      billingMode: BillingMode.PROVISIONED,',
      '      removalPolicy: cdk.RemovalPolicy.DESTROY,',
      '    };',
      '    const table: Table = DynamoDBCreator.createTable(this, tableParam);',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('visitor-stack.ts', code), [
      '9:partitionKey dynamodb-key-schema',
      '10:billingMode dynamodb-billing-mode',
      '11:removalPolicy dynamodb-removal-policy',
      '11:removalPolicy dynamodb-removal-policy!',
    ]);
  });

  it('reads a qualified props type and what it sets, not what it leaves to the helper', () => {
    const code = sourceLines(
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import { makeDatabase } from './database';",
      'export function reportsDb(scope: Construct, vpc: IVpc) {',
      '  const dbProps: rds.DatabaseInstanceProps = {',
      '    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),',
      '    vpc,',
      '    publiclyAccessible: true,',
      '  };',
      "  return makeDatabase(scope, 'Reports', dbProps);",
      '}',
    );
    const found = hintsIn('reports.ts', code);
    assert.ok(found.includes('7:publiclyAccessible rds-publicly-accessible!'), found.join('\n'));
    // The helper may set what the literal leaves out: no finding for a prop it does not write.
    assert.ok(!found.some((hint) => /rds-storage-encrypted!|rds-deletion-protection!|rds-backup-retention!/.test(hint)), found.join('\n'));
  });

  it('reads TableV2’s props (TablePropsV2)', () => {
    const code = sourceLines(
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import { makeTable } from './tables';",
      'export function sessions(scope: Construct) {',
      '  const props: dynamodb.TablePropsV2 = {',
      "    partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },",
      '    billing: dynamodb.Billing.onDemand(),',
      '  };',
      "  return makeTable(scope, 'Sessions', props);",
      '}',
    );
    assert.deepEqual(hintsIn('sessions.ts', code), ['5:partitionKey dynamodb-key-schema', '6:billing dynamodb-billing-mode']);
  });

  it('reads props the file passes to the construct itself once', () => {
    const code = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import { Table, TableProps, AttributeType, BillingMode } from 'aws-cdk-lib/aws-dynamodb';",
      'export class OrdersStack extends cdk.Stack {',
      '  constructor(scope: cdk.App, id: string) {',
      '    super(scope, id);',
      '    const tableProps: TableProps = {',
      "      partitionKey: { name: 'pk', type: AttributeType.STRING },",
      '      billingMode: BillingMode.PAY_PER_REQUEST,',
      '    };',
      "    new Table(this, 'Orders', tableProps);",
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('orders-stack.ts', code), ['7:partitionKey dynamodb-key-schema', '8:billingMode dynamodb-billing-mode', '10:Table dynamodb-pitr!']);
  });

  it('leaves props types that are not a CDK construct’s alone', () => {
    const code = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import { TableProps } from './types';",
      'interface ClusterProps { publiclyAccessible: boolean; billingMode: string }',
      'export function settings() {',
      "  const local: TableProps = { billingMode: 'PROVISIONED', removalPolicy: 'destroy' };",
      "  const cluster: ClusterProps = { publiclyAccessible: true, billingMode: 'PROVISIONED' };",
      "  const stack: cdk.StackProps = { env: { region: 'eu-west-1' } };",
      '  return [local, cluster, stack];',
      '}',
    );
    assert.deepEqual(hintsIn('settings.ts', code), []);
  });
});

describe('CDK v1’s L1 child of a construct', () => {
  it('reads findChild("Resource") as the construct’s own resource, and no other child', () => {
    const ts = sourceLines(
      "import cdk = require('@aws-cdk/core');",
      "import { Table, AttributeType } from '@aws-cdk/aws-dynamodb';",
      'export class CreateTableStack extends cdk.Stack {',
      '  public table: Table;',
      '  constructor(scope: cdk.App, id: string) {',
      '    super(scope, id);',
      "    this.table = new Table(this, 'cdkTable', { partitionKey: { name: 'id', type: AttributeType.STRING } });",
      "    const cfnTable = this.table.node.findChild('Resource') as cdk.CfnResource;",
      '    cfnTable.applyRemovalPolicy(cdk.RemovalPolicy.DESTROY);',
      "    const role = this.table.node.findChild('ScalingRole') as cdk.CfnResource;",
      '    role.applyRemovalPolicy(cdk.RemovalPolicy.DESTROY);',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('create-table-stack.ts', ts), [
      '7:partitionKey dynamodb-key-schema',
      '9:applyRemovalPolicy dynamodb-removal-policy',
      '7:Table dynamodb-pitr!',
      '9:applyRemovalPolicy dynamodb-removal-policy!',
    ]);
    const py = sourceLines(
      'from aws_cdk import core, aws_dynamodb as dynamodb',
      'class TableStack(core.Stack):',
      '    def __init__(self, scope, id, **kwargs):',
      '        super().__init__(scope, id, **kwargs)',
      '        table = dynamodb.Table(self, "Events", partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING))',
      '        cfn_table = table.node.find_child("Resource")',
      '        cfn_table.apply_removal_policy(core.RemovalPolicy.DESTROY)',
    );
    const found = hintsIn('table_stack.py', py);
    assert.ok(found.includes('7:apply_removal_policy dynamodb-removal-policy!'), found.join('\n'));
  });
});
