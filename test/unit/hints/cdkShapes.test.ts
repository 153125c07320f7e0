/**
 * CDK stacks in the shapes apps take: props collected in a dict and spread with `**`, a stack handed to
 * another as a parameter typed with its class, and L1 security groups written like a template.
 */
import * as assert from 'node:assert/strict';
import { pickExample } from '../../../src/hints/examples';
import { hintsIn, hintsOfRules, realHintRules, sourceLines } from './support';

describe('CDK stacks', () => {
  it('judges a JavaScript app’s removal policies and Lambda environment as a TypeScript app’s, with the TypeScript example', () => {
    const code = sourceLines(
      "const { Stack, RemovalPolicy } = require('aws-cdk-lib');",
      "const dynamodb = require('aws-cdk-lib/aws-dynamodb');",
      "const rds = require('aws-cdk-lib/aws-rds');",
      "const lambda = require('aws-cdk-lib/aws-lambda');",
      'class DataStack extends Stack {',
      '  constructor(scope, id, props) {',
      '    super(scope, id, props);',
      "    new dynamodb.Table(this, 'Orders', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, removalPolicy: RemovalPolicy.DESTROY });",
      "    new rds.DatabaseInstance(this, 'Db', { engine: rds.DatabaseInstanceEngine.POSTGRES, vpc: props.vpc, storageEncrypted: true, removalPolicy: RemovalPolicy.DESTROY });",
      "    new lambda.Function(this, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromAsset('lambda'), environment: { DB_PASSWORD: 'hunter2-secret' } });",
      '  }',
      '}',
      'module.exports = { DataStack };',
    );
    const found = hintsIn('lib/data-stack.js', code).filter((hint) => hint.endsWith('!'));
    for (const id of ['dynamodb-removal-policy', 'rds-removal-policy', 'rds-password-in-lambda-environment']) {
      assert.ok(found.some((hint) => hint.endsWith(`${id}!`)), `${id}\n${found.join('\n')}`);
    }
    const removal = realHintRules().find((rule) => rule.id === 'rds-removal-policy')!;
    assert.equal(pickExample(removal, 'javascript', 'cdk')?.code, removal.examples['cdk-typescript']);
  });

  it('reads construct libraries imported with TypeScript’s import-equals form', () => {
    const code = sourceLines(
      "import cdk = require('@aws-cdk/core');",
      "import dynamodb = require('@aws-cdk/aws-dynamodb');",
      'export class HitsStack extends cdk.Stack {',
      '  constructor(scope: cdk.App, id: string) {',
      '    super(scope, id);',
      "    const hits = new dynamodb.Table(this, 'Hits', {",
      "      partitionKey: { name: 'path', type: dynamodb.AttributeType.STRING },",
      '      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,',
      '      removalPolicy: cdk.RemovalPolicy.DESTROY,',
      '    });',
      '    hits.grantReadWriteData(this.handler);',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('hits-stack.ts', code), [
      '7:partitionKey dynamodb-key-schema',
      '8:billingMode dynamodb-billing-mode',
      '9:removalPolicy dynamodb-removal-policy',
      '11:grantReadWriteData dynamodb-grant',
      '9:removalPolicy dynamodb-removal-policy!',
    ]);
  });

  it('reads CDK v1 SecretValue.plainText, the name unsafePlainText had before, as the literal password it is', () => {
    const ts = sourceLines(
      "import * as cdk from '@aws-cdk/core';",
      "import * as rds from '@aws-cdk/aws-rds';",
      'export class DbStack extends cdk.Stack {',
      '  constructor(scope: cdk.Construct, id: string, props: DbProps) {',
      '    super(scope, id, props);',
      "    new rds.DatabaseInstance(this, 'Db', {",
      '      engine: props.engine,',
      '      vpc: props.vpc,',
      '      storageEncrypted: true,',
      "      credentials: rds.Credentials.fromPassword('admin', cdk.SecretValue.plainText('s3cret-Passw0rd')),", // 10
      '    });',
      "    new rds.DatabaseInstance(this, 'Reports', {",
      '      engine: props.engine,',
      '      vpc: props.vpc,',
      '      storageEncrypted: true,',
      "      credentials: rds.Credentials.fromPassword('admin', cdk.SecretValue.plainText(props.password)),", // 16
      '    });',
      '  }',
      '}',
    );
    const found = hintsIn('lib/db-stack.ts', ts).filter((hint) => hint.endsWith('rds-master-password!'));
    assert.deepEqual(found.map((hint) => hint.split(':')[0]), ['10']);
    const py = sourceLines(
      'from aws_cdk import core',
      'from aws_cdk import aws_rds as rds',
      'class DbStack(core.Stack):',
      '    def __init__(self, scope, construct_id, vpc, engine, **kwargs):',
      '        super().__init__(scope, construct_id, **kwargs)',
      '        rds.DatabaseInstance(self, "Db", engine=engine, vpc=vpc, storage_encrypted=True,',
      '            credentials=rds.Credentials.from_password("admin", core.SecretValue.plain_text("s3cret-Passw0rd")))', // 7
    );
    assert.deepEqual(hintsIn('stacks/db_stack.py', py).filter((hint) => hint.endsWith('rds-master-password!')).map((hint) => hint.split(':')[0]), ['7']);
  });

  it('reads the CDK v1 props the master password had before credentials: masterUser of a cluster, masterUserPassword of an instance', () => {
    const ts = sourceLines(
      "import * as cdk from '@aws-cdk/core';",
      "import * as rds from '@aws-cdk/aws-rds';",
      'export class LegacyDbStack extends cdk.Stack {',
      '  constructor(scope: cdk.Construct, id: string, props: DbProps) {',
      '    super(scope, id, props);',
      "    new rds.DatabaseCluster(this, 'Cluster', {",
      '      engine: rds.DatabaseClusterEngine.AURORA_MYSQL,',
      "      masterUser: { username: 'admin', password: cdk.SecretValue.plainText('s3cret-Passw0rd') },", // 8
      '      instanceProps: props.instanceProps,',
      '    });',
      "    new rds.DatabaseCluster(this, 'Generated', {",
      '      engine: rds.DatabaseClusterEngine.AURORA_MYSQL,',
      "      masterUser: { username: 'admin' },", // 13
      '      instanceProps: props.instanceProps,',
      '    });',
      "    new rds.DatabaseInstance(this, 'Instance', {",
      '      engine: props.engine,',
      '      vpc: props.vpc,',
      '      storageEncrypted: true,',
      "      masterUsername: 'admin',",
      "      masterUserPassword: cdk.SecretValue.plainText('s3cret-Passw0rd'),", // 21
      '    });',
      '  }',
      '}',
    );
    const found = hintsIn('lib/legacy-db-stack.ts', ts).filter((hint) => hint.includes('rds-master-password'));
    assert.deepEqual(found, [
      '8:masterUser rds-master-password',
      '13:masterUser rds-master-password',
      '21:masterUserPassword rds-master-password',
      // The finding marks the value that holds the literal.
      "8:{ username: 'admin', password: cdk.SecretValue.plainText('s3cret-Passw0rd') } rds-master-password!",
      "21:cdk.SecretValue.plainText('s3cret-Passw0rd') rds-master-password!",
    ]);
  });

  it('reads a reference to an existing database or table as no new resource: its attributes are no props', () => {
    const ts = sourceLines(
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      'export class AppStack extends Stack {',
      '  constructor(scope: Construct, id: string, props: AppProps) {',
      '    super(scope, id, props);',
      "    const db = rds.DatabaseInstance.fromDatabaseInstanceAttributes(this, 'Db', {",
      '      instanceEndpointAddress: props.dbHost,',
      "      instanceIdentifier: 'orders',",
      '      port: 5432,',
      '      securityGroups: [],',
      '    });',
      "    const table = dynamodb.Table.fromTableName(this, 'Orders', 'orders');",
      '    table.grantReadData(props.fn);',
      "    new rds.DatabaseInstance(this, 'Reports', { engine: props.engine, vpc: props.vpc });",
      '  }',
      '}',
    );
    const found = hintsIn('app-stack.ts', ts);
    assert.ok(!found.some((hint) => hint.startsWith('6:')), found.join('\n'));
    assert.ok(found.includes('13:grantReadData dynamodb-grant'), found.join('\n'));
    assert.ok(found.some((hint) => /^14:.*rds-storage-encrypted!$/.test(hint)), found.join('\n'));
    const py = sourceLines(
      'from aws_cdk import Stack, aws_rds as rds',
      'class AppStack(Stack):',
      '    def __init__(self, scope, construct_id, **kwargs):',
      '        super().__init__(scope, construct_id, **kwargs)',
      '        rds.DatabaseCluster.from_database_cluster_attributes(self, "Db", cluster_identifier="orders", port=5432)',
      '        rds.DatabaseCluster(self, "Reports", engine=engine, vpc=vpc, storage_encrypted=False)',
    );
    const pyFound = hintsIn('app_stack.py', py);
    assert.ok(!pyFound.some((hint) => hint.startsWith('5:')), pyFound.join('\n'));
    assert.ok(pyFound.some((hint) => /^6:storage_encrypted .*!$/.test(hint)), pyFound.join('\n'));
  });

  it('reads props spread from a dict into two tables, reporting a shared value once', () => {
    const code = sourceLines(
      'from aws_cdk import RemovalPolicy, Stack',
      'from aws_cdk import aws_dynamodb as dynamodb',
      'class DataStack(Stack):',
      '    def __init__(self, scope, construct_id, **kwargs):',
      '        super().__init__(scope, construct_id, **kwargs)',
      '        table_props = dict(',
      '            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,',
      '            removal_policy=RemovalPolicy.DESTROY,',
      '        )',
      '        self.events = dynamodb.Table(self, "Events", **table_props)',
      '        self.audit = dynamodb.Table(self, "Audit", **table_props, time_to_live_attribute="ttl")',
    );
    assert.deepEqual(hintsIn('data_stack.py', code), [
      '7:billing_mode dynamodb-billing-mode',
      '8:removal_policy dynamodb-removal-policy',
      '11:time_to_live_attribute dynamodb-ttl',
      '8:removal_policy dynamodb-removal-policy!',
    ]);
  });

  it('reads the modules of a parenthesised import list, as cdk init writes it, and of a comma-separated one', () => {
    const body = [
      'class DataStack(Stack):',
      '    def __init__(self, scope, construct_id):',
      '        super().__init__(scope, construct_id)',
      '        dynamodb.Table(self, "T", removal_policy=RemovalPolicy.DESTROY)',
      '        with open("a") as first, open("b") as second:',
      '            rds = first',
      '        rds.DatabaseInstance(self, "Db", publicly_accessible=True)',
    ];
    const parenthesised = sourceLines('from aws_cdk import (', '    Stack,', '    RemovalPolicy,', '    aws_rds as rds,', '    aws_dynamodb as dynamodb,', ')', ...body);
    assert.deepEqual(hintsIn('data_stack.py', parenthesised), ['10:removal_policy dynamodb-removal-policy', '10:removal_policy dynamodb-removal-policy!']);
    const oneLine = sourceLines('from aws_cdk import Stack, RemovalPolicy, aws_dynamodb as dynamodb, aws_rds as rds', ...body.slice(0, 4));
    assert.deepEqual(hintsIn('data_stack.py', oneLine), ['5:removal_policy dynamodb-removal-policy', '5:removal_policy dynamodb-removal-policy!']);
  });

  it("reads Port's well-known database ports (Port.POSTGRES, Port.MYSQL_AURORA) and not its web ports", () => {
    const typescript = sourceLines(
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      'export function open(sg: ec2.SecurityGroup) {',
      "  sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.POSTGRES, 'psql from anywhere');",
      "  sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.HTTPS, 'web');",
      '}',
    );
    assert.ok(hintsIn('sg.ts', typescript).includes('3:addIngressRule rds-open-ingress!'), hintsIn('sg.ts', typescript).join('\n'));
    assert.ok(!hintsIn('sg.ts', typescript).some((hint) => hint.startsWith('4:')), hintsIn('sg.ts', typescript).join('\n'));
    const python = sourceLines(
      'from aws_cdk import aws_ec2 as ec2',
      'def open_db(sg: ec2.SecurityGroup) -> None:',
      '    sg.add_ingress_rule(ec2.Peer.any_ipv4(), ec2.Port.MYSQL_AURORA, "mysql from anywhere")',
    );
    assert.ok(hintsIn('sg.py', python).includes('3:add_ingress_rule rds-open-ingress!'), hintsIn('sg.py', python).join('\n'));
  });

  it('reads a port written with its props (new ec2.Port({ protocol: ec2.Protocol.TCP, fromPort, toPort })), TCP only', () => {
    const typescript = sourceLines(
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      'export function open(sg: ec2.SecurityGroup) {',
      "  sg.addIngressRule(ec2.Peer.anyIpv4(), new ec2.Port({ protocol: ec2.Protocol.TCP, fromPort: 5432, toPort: 5432, stringRepresentation: 'pg' }));",
      "  sg.addIngressRule(ec2.Peer.anyIpv4(), new ec2.Port({ protocol: ec2.Protocol.UDP, fromPort: 5432, toPort: 5432, stringRepresentation: 'pg' }));",
      '}',
    );
    assert.deepEqual(hintsIn('sg.ts', typescript).filter((hint) => hint.endsWith('!')), ['3:addIngressRule rds-open-ingress!']);
  });

  it('reads a Python construct parameter typed with a CDK class or interface, and not one typed with props', () => {
    const code = sourceLines(
      'from aws_cdk import Stack, aws_dynamodb as dynamodb, aws_lambda as _lambda',
      'class ApiStack(Stack):',
      '    def __init__(self, scope, construct_id, *, events: dynamodb.ITableV2, fn: _lambda.IFunction, props: dynamodb.TableProps):',
      '        super().__init__(scope, construct_id)',
      '        events.grant_full_access(fn)',
      '        props.grant_full_access(fn)',
    );
    assert.deepEqual(hintsIn('api_stack.py', code), ['5:grant_full_access dynamodb-grant', '5:grant_full_access dynamodb-grant!']);
  });

  it('follows a stack passed to another as a parameter typed with its class', () => {
    const code = sourceLines(
      'from aws_cdk import App, Stack',
      'from aws_cdk import aws_dynamodb as dynamodb',
      'from aws_cdk import aws_lambda as _lambda',
      'class DataStack(Stack):',
      '    def __init__(self, scope, construct_id):',
      '        super().__init__(scope, construct_id)',
      '        self.orders = dynamodb.TableV2(self, "Orders", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING))',
      'class ApiStack(Stack):',
      '    def __init__(self, scope, construct_id, *, data: DataStack, fn: _lambda.IFunction):',
      '        super().__init__(scope, construct_id)',
      '        data.orders.grant_full_access(fn)',
      '        data.orders.grant_read_data(fn)',
      'app = App()',
    );
    assert.deepEqual(hintsIn('app.py', code), ['7:partition_key dynamodb-key-schema', '11:grant_full_access dynamodb-grant', '12:grant_read_data dynamodb-grant', '7:TableV2 dynamodb-pitr!', '11:grant_full_access dynamodb-grant!']);
  });

  it('follows a construct made with new from a same-file class to the table field it sets', () => {
    const code = sourceLines(
      "import { Stack } from 'aws-cdk-lib';",
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import { Construct } from 'constructs';",
      'export class IdempotencyTable extends Construct {',
      '  public readonly table: dynamodb.TableV2;',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      "    this.table = new dynamodb.TableV2(this, 'Table', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });",
      '  }',
      '  scan(): void {}',
      '}',
      'export class ApiStack extends Stack {',
      '  constructor(scope: Construct, id: string, fn: unknown) {',
      '    super(scope, id);',
      "    const idempotency = new IdempotencyTable(this, 'Idempotency');",
      '    idempotency.table.grantFullAccess(fn);',
      '    idempotency.scan();',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('stack.ts', code), ['8:partitionKey dynamodb-key-schema', '16:grantFullAccess dynamodb-grant', '8:TableV2 dynamodb-pitr!', '16:grantFullAccess dynamodb-grant!']);
  });

  it('reads L1 security group ingress in TypeScript and Python, and not egress or a private range', () => {
    const typescript = sourceLines(
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      "const sg = new ec2.CfnSecurityGroup(this, 'CacheSg', {",
      "  groupDescription: 'cache',",
      "  securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 6379, toPort: 6379, cidrIp: '0.0.0.0/0' }],",
      "  securityGroupEgress: [{ ipProtocol: '-1', cidrIp: '0.0.0.0/0' }],",
      '});',
      "new ec2.CfnSecurityGroupIngress(this, 'Db', { groupId: sg.attrGroupId, ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, cidrIp: '10.0.0.0/8' });",
    );
    assert.deepEqual(hintsIn('network.ts', typescript), ["4:'0.0.0.0/0' elasticache-open-ingress", "4:'0.0.0.0/0' elasticache-open-ingress!"]);
    const python = sourceLines(
      'from aws_cdk import aws_ec2 as ec2',
      'ec2.CfnSecurityGroup(self, "DbSg", group_description="db", security_group_ingress=[',
      '    ec2.CfnSecurityGroup.IngressProperty(ip_protocol="tcp", from_port=5432, to_port=5433, cidr_ip="0.0.0.0/0"),',
      '    {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ip": "0.0.0.0/0"},',
      '])',
      'ec2.CfnSecurityGroupIngress(self, "Cache", ip_protocol="-1", cidr_ipv6="::/0", group_id="sg-1")',
    );
    assert.deepEqual(hintsIn('network.py', python), [
      '3:"0.0.0.0/0" rds-open-ingress',
      '6:"::/0" elasticache-open-ingress',
      '6:"::/0" rds-open-ingress',
      '3:"0.0.0.0/0" rds-open-ingress!',
      '6:"::/0" elasticache-open-ingress!',
      '6:"::/0" rds-open-ingress!',
    ]);
  });

  it("reads an SST Table's key, indexes, stream and TTL props (v2 and v1 modules), and no other SST construct or same-named class", () => {
    const stack = (module: string): string =>
      sourceLines(
        `import { StackContext, Table, Bucket } from '${module}';`,
        '',
        'export function Data({ stack }: StackContext) {',
        "  const table = new Table(stack, 'data', {",
        "    fields: { pk: 'string', sk: 'string', gsi1pk: 'string' },",
        "    primaryIndex: { partitionKey: 'pk', sortKey: 'sk' },",
        "    globalIndexes: { gsi1: { partitionKey: 'gsi1pk' } },",
        '    stream: true,',
        "    timeToLiveAttribute: 'expiresAt',",
        '  });',
        "  const bucket = new Bucket(stack, 'files', { stream: true });",
        '  return { table, bucket };',
        '}',
      );
    const expected = [
      '6:partitionKey dynamodb-key-schema',
      '6:sortKey dynamodb-key-schema',
      '7:globalIndexes dynamodb-secondary-index-definition',
      '7:partitionKey dynamodb-key-schema',
      '8:stream dynamodb-streams',
      '9:timeToLiveAttribute dynamodb-ttl',
      '4:Table dynamodb-pitr!',
    ];
    assert.deepEqual(hintsIn('stacks/Data.ts', stack('sst/constructs')), expected);
    assert.deepEqual(hintsIn('stacks/Data.ts', stack('@serverless-stack/resources')), expected);
    assert.deepEqual(hintsIn('stacks/Data.ts', stack('./local-constructs')), []);
    // The props SST hands to the CDK table: a literal DESTROY is found, a stage's choice only hovered.
    const removal = sourceLines(
      "import { RemovalPolicy } from 'aws-cdk-lib';",
      "import { StackContext, Table } from 'sst/constructs';",
      'export function Data({ stack }: StackContext) {',
      "  const keep = stack.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;",
      "  const scratch = new Table(stack, 'scratch', { fields: { pk: 'string' }, cdk: { table: { removalPolicy: RemovalPolicy.DESTROY } } });",
      "  const data = new Table(stack, 'data', { fields: { pk: 'string' }, cdk: { table: { removalPolicy: keep } } });",
      '  return { scratch, data };',
      '}',
    );
    // The scratch table is declared disposable; the data table is kept in prod without point-in-time recovery.
    assert.deepEqual(hintsIn('stacks/Data.ts', removal), ['5:removalPolicy dynamodb-removal-policy', '6:removalPolicy dynamodb-removal-policy', '5:removalPolicy dynamodb-removal-policy!', '6:Table dynamodb-pitr!']);
  });

  it("reads point-in-time recovery in the props an SST Table hands to its CDK table (v2 cdk.table, v1 dynamodbTable)", () => {
    const v2 = sourceLines(
      "import { StackContext, Table } from 'sst/constructs';",
      'export function Data({ stack }: StackContext) {',
      "  new Table(stack, 'kept', { fields: { pk: 'string' }, primaryIndex: { partitionKey: 'pk' }, cdk: { table: { pointInTimeRecovery: true } } });",
      "  new Table(stack, 'bare', { fields: { pk: 'string' }, primaryIndex: { partitionKey: 'pk' } });",
      '}',
    );
    assert.deepEqual(hintsOfRules('stacks/Data.ts', v2, ['dynamodb-pitr']), ['3:pointInTimeRecovery dynamodb-pitr', '4:Table dynamodb-pitr!']);
    const v1 = sourceLines(
      "import { Stack, Table, TableFieldType } from '@serverless-stack/resources';",
      'export class Data extends Stack {',
      '  constructor(scope, id) {',
      '    super(scope, id);',
      "    new Table(this, 'kept', { fields: { pk: TableFieldType.STRING }, primaryIndex: { partitionKey: 'pk' }, dynamodbTable: { pointInTimeRecovery: true } });",
      "    new Table(this, 'bare', { fields: { pk: TableFieldType.STRING }, primaryIndex: { partitionKey: 'pk' } });",
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('stacks/Data.ts', v1, ['dynamodb-pitr']), ['5:pointInTimeRecovery dynamodb-pitr', '6:Table dynamodb-pitr!']);
  });
});
