/**
 * CDK apps into the workspace model, TypeScript and Python: constructs known by their imports, indexes
 * added by method calls on the variable a table is bound to, functions with their code and environment,
 * and names resolved in the scope that can see them.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, placed } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

describe('workspace index: CDK', () => {
  it('reads a Table and the indexes added to it, with its place, in TypeScript without semicolons', () => {
    const text = lines(
      "import { Stack } from 'aws-cdk-lib'",
      "import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb'",
      '',
      'export class Data extends Stack {',
      '  constructor(scope, id) {',
      '    super(scope, id)',
      "    const table = new Table(this, 'Sessions', {",
      "      partitionKey: { name: 'userId', type: AttributeType.STRING },",
      "      sortKey: { name: 'startedAt', type: AttributeType.NUMBER },",
      '      billingMode: BillingMode.PROVISIONED,',
      "      timeToLiveAttribute: 'expires',",
      '    })',
      "    table.addLocalSecondaryIndex({ indexName: 'byDevice', sortKey: { name: 'device', type: AttributeType.STRING }, projectionType: ProjectionType.KEYS_ONLY })",
      "    table.addGlobalSecondaryIndex({ indexName: 'byIp', partitionKey: { name: 'ip', type: AttributeType.STRING } })",
      '  }',
      '}',
    );
    assert.deepEqual(placed(contributionOf('lib/data.js', text)!.tables), [
      {
        logicalName: 'Sessions',
        format: 'cdk',
        indexes: [
          { name: 'byDevice', kind: 'lsi', partitionKey: { name: 'userId', type: 'S' }, definedAt: '12:46', sortKey: { name: 'device', type: 'S' }, projection: { type: 'KEYS_ONLY', attributes: [] } },
          { name: 'byIp', kind: 'gsi', partitionKey: { name: 'ip', type: 'S' }, definedAt: '13:47', projection: { type: 'ALL', attributes: [] } },
        ],
        indexesKnown: true,
        definedAt: '6:34',
        partitionKey: { name: 'userId', type: 'S' },
        sortKey: { name: 'startedAt', type: 'N' },
        billingMode: 'PROVISIONED',
        ttlAttribute: 'expires',
      },
    ]);
  });

  it('knows constructs through every import form, and nothing that is not the CDK', () => {
    const text = lines(
      "import * as cdk from 'aws-cdk-lib';",
      "import { aws_dynamodb as ddb } from 'aws-cdk-lib';",
      "const dynamodb = require('aws-cdk-lib/aws-dynamodb');",
      "import { Table } from './my-orm';",
      "new cdk.aws_dynamodb.Table(this, 'A', { partitionKey: { name: 'a', type: cdk.aws_dynamodb.AttributeType.STRING } });",
      "new ddb.TableV2(this, 'B', { partitionKey: { name: 'b', type: ddb.AttributeType.BINARY } });",
      "new dynamodb.Table(this, 'C', { partitionKey: { name: 'c', type: dynamodb.AttributeType.NUMBER }, replicationRegions: ['eu-west-1'] });",
      "new Table(this, 'NotCdk', { partitionKey: { name: 'x' } });",
    );
    const tables = contributionOf('lib/stack.ts', text)!.tables;
    assert.deepEqual(
      tables.map((table) => [table.logicalName, table.partitionKey, table.billingMode]),
      [
        ['A', { name: 'a', type: 'S' }, 'PROVISIONED'],
        ['B', { name: 'b', type: 'B' }, 'PAY_PER_REQUEST'],
        ['C', { name: 'c', type: 'N' }, 'PAY_PER_REQUEST'],
      ],
    );
  });

  it('marks the index list incomplete for indexes it cannot read or that use multi-attribute keys', () => {
    const text = lines(
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "const t = new dynamodb.TableV2(this, 'T', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, globalSecondaryIndexes: extraIndexes });",
      "const u = new dynamodb.TableV2(this, 'U', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });",
      "u.addGlobalSecondaryIndex({ indexName: 'multi', partitionKeys: [{ name: 'a', type: dynamodb.AttributeType.STRING }, { name: 'b', type: dynamodb.AttributeType.STRING }] });",
      "u.addGlobalSecondaryIndex({ indexName: 'plain', partitionKey: { name: 'g', type: dynamodb.AttributeType.STRING } });",
      'const v = new dynamodb.Table(this, "V", props);',
    );
    const [t, u, v] = contributionOf('stack.ts', text)!.tables;
    assert.deepEqual([t.indexesKnown, t.indexes.length], [false, 0]);
    assert.deepEqual([u.indexesKnown, u.indexes.map((index) => index.name)], [false, ['plain']]);
    assert.deepEqual([v.indexesKnown, v.partitionKey], [false, undefined]);
  });

  it('wires function environments to tables through variables, fields and addEnvironment, each in its own scope', () => {
    const text = lines(
      "import * as path from 'node:path';",
      "import * as cdk from 'aws-cdk-lib';",
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';",
      'class First extends cdk.Stack {',
      '  constructor(scope, id) {',
      '    super(scope, id);',
      "    const table = new dynamodb.Table(this, 'Carts', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });",
      "    const fn = new lambda.Function(this, 'CartsFn', {",
      "      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'functions', 'carts')),",
      "      handler: 'main.handler',",
      '      environment: { TABLE: table.tableName, MODE: "fast", OTHER: props.other.tableName },',
      '    });',
      "    fn.addEnvironment('TABLE_ARN', table.tableArn);",
      '  }',
      '}',
      'class Second extends cdk.Stack {',
      '  private readonly table = new dynamodb.Table(this, "Wishes", { partitionKey: { name: "id", type: dynamodb.AttributeType.STRING } });',
      '  constructor(scope, id) {',
      '    super(scope, id);',
      "    const fn = new NodejsFunction(this, 'WishesFn', { entry: 'services/wishes/index.ts', environment: { ...shared } });",
      "    fn.addEnvironment('TABLE', this.table.tableName);",
      "    new NodejsFunction(this, 'Defaulted');",
      '  }',
      '}',
    );
    const [carts, wishes, defaulted] = contributionOf('infra/lib/stacks.ts', text)!.functions;
    assert.deepEqual([carts.codePaths, carts.codePathsFromApp, carts.handler], [['infra/functions/carts'], undefined, 'main.handler']);
    assert.deepEqual(carts.environment, {
      TABLE: { kind: 'table', logicalName: 'Carts' },
      MODE: { kind: 'literal', value: 'fast' },
      TABLE_ARN: { kind: 'table', logicalName: 'Carts' },
    });
    assert.deepEqual(carts.unknownEnvironment, ['OTHER']);
    assert.deepEqual([wishes.codePaths, wishes.codePathsFromApp, wishes.handler], [[], ['services/wishes/index.ts'], 'handler']);
    assert.deepEqual([wishes.environment, wishes.environmentUnreadable], [{ TABLE: { kind: 'table', logicalName: 'Wishes' } }, true]);
    assert.deepEqual(defaulted.codePaths, ['infra/lib/stacks.Defaulted.ts', 'infra/lib/stacks.Defaulted.js']);
  });

  it('resolves a variable to the construct its own scope binds, not to one of the same name elsewhere', () => {
    const text = lines(
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      'function ordersService(scope) {',
      "  const table = new dynamodb.Table(scope, 'Orders', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });",
      "  return new lambda.Function(scope, 'OrdersFn', { code: lambda.Code.fromAsset('orders'), handler: 'i.h', environment: { TABLE: table.tableName } });",
      '}',
      'function usersService(scope) {',
      "  const table = new dynamodb.Table(scope, 'Users', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });",
      "  return new lambda.Function(scope, 'UsersFn', { code: lambda.Code.fromAsset('users'), handler: 'i.h', environment: { TABLE: table.tableName } });",
      '}',
      'function unrelated(scope, table) {',
      "  return new lambda.Function(scope, 'Given', { code: lambda.Code.fromAsset('given'), handler: 'i.h', environment: { TABLE: table.tableName } });",
      '}',
    );
    const functions = contributionOf('services.js', text)!.functions;
    assert.deepEqual(
      functions.map((fn) => [fn.logicalName, fn.environment.TABLE, fn.codePathsFromApp]),
      [
        ['OrdersFn', { kind: 'table', logicalName: 'Orders' }, ['orders']],
        ['UsersFn', { kind: 'table', logicalName: 'Users' }, ['users']],
        ['Given', undefined, ['given']],
      ],
    );
  });

  it('reads the L1 CfnTable as the template it stands for, in TypeScript and in Python', () => {
    const typescript = lines(
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb'",
      "new dynamodb.CfnTable(this, 'Events', {",
      "  tableName: 'events',",
      "  attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }, { attributeName: 'at', attributeType: 'N' }, { attributeName: 'kind', attributeType: 'S' }],",
      "  keySchema: [{ attributeName: 'pk', keyType: 'HASH' }, { attributeName: 'at', keyType: 'RANGE' }],",
      "  billingMode: 'PAY_PER_REQUEST',",
      '  globalSecondaryIndexes: [',
      "    { indexName: 'byKind', keySchema: [{ attributeName: 'kind', keyType: 'HASH' }], projection: { projectionType: 'KEYS_ONLY' } },",
      '  ],',
      "  timeToLiveSpecification: { attributeName: 'expires', enabled: true },",
      '})',
    );
    const [events] = contributionOf('lib/events.ts', typescript)!.tables;
    assert.deepEqual(
      { name: events.physicalName, format: events.format, pk: events.partitionKey, sk: events.sortKey, billing: events.billingMode, ttl: events.ttlAttribute, known: events.indexesKnown },
      { name: 'events', format: 'cdk', pk: { name: 'pk', type: 'S' }, sk: { name: 'at', type: 'N' }, billing: 'PAY_PER_REQUEST', ttl: 'expires', known: true },
    );
    assert.deepEqual(events.indexes.map((index) => [index.name, index.kind, index.partitionKey.name, index.projection?.type]), [['byKind', 'gsi', 'kind', 'KEYS_ONLY']]);

    const python = lines(
      'from aws_cdk import aws_dynamodb as dynamodb',
      'dynamodb.CfnTable(self, "Events",',
      '    key_schema=[dynamodb.CfnTable.KeySchemaProperty(attribute_name="pk", key_type="HASH")],',
      '    attribute_definitions=[dynamodb.CfnTable.AttributeDefinitionProperty(attribute_name="pk", attribute_type="S")],',
      '    local_secondary_indexes=[{"index_name": "byAt", "key_schema": [{"attribute_name": "pk", "key_type": "HASH"}, {"attribute_name": "at", "key_type": "RANGE"}], "projection": {"projection_type": "ALL"}}],',
      ')',
    );
    const [fromPython] = contributionOf('stacks/events.py', python)!.tables;
    assert.deepEqual(fromPython.partitionKey, { name: 'pk', type: 'S' });
    assert.equal(fromPython.billingMode, 'PROVISIONED', "CloudFormation's default");
    assert.deepEqual(fromPython.indexes.map((index) => [index.name, index.kind, index.sortKey?.name]), [['byAt', 'lsi', 'at']]);

    // A spread may add indexes the file does not show: the list is not known to be complete.
    const spread = lines("import { CfnTable } from 'aws-cdk-lib/aws-dynamodb'", "new CfnTable(this, 'T', { ...shared, keySchema: [{ attributeName: 'pk', keyType: 'HASH' }] })");
    assert.equal(contributionOf('lib/t.ts', spread)!.tables[0].indexesKnown, false);
  });

  it('reads Python CDK: keyword props, struct calls, methods, self fields and os.path code locations', () => {
    const text = lines(
      'import os',
      'from aws_cdk import Stack, aws_dynamodb as dynamodb, aws_lambda as _lambda',
      'from aws_cdk.aws_lambda_python_alpha import PythonFunction',
      'from constructs import Construct',
      '',
      '',
      'class ApiStack(Stack):',
      '    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:',
      '        super().__init__(scope, construct_id, **kwargs)',
      '        self.table = dynamodb.Table(',
      '            self,',
      '            "Items",',
      '            table_name="items",',
      '            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),',
      '            sort_key={"name": "sk", "type": dynamodb.AttributeType.NUMBER},',
      '            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,',
      '            stream=dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,',
      '        )',
      '        self.table.add_global_secondary_index(',
      '            index_name="by_owner",',
      '            partition_key=dynamodb.Attribute(name="owner", type=dynamodb.AttributeType.STRING),',
      '            projection_type=dynamodb.ProjectionType.INCLUDE,',
      '            non_key_attributes=["title"],',
      '        )',
      '        handler = _lambda.Function(',
      '            self,',
      '            "Handler",',
      '            runtime=_lambda.Runtime.PYTHON_3_12,',
      '            code=_lambda.Code.from_asset(os.path.join(os.path.dirname(__file__), "..", "runtime")),',
      '            handler="api.main",',
      '        )',
      '        handler.add_environment("ITEMS_TABLE", self.table.table_name)',
      '        PythonFunction(self, "Worker", entry="workers", index="jobs.py", environment={"ITEMS": self.table.table_arn})',
    );
    const contribution = contributionOf('app/api_stack.py', text)!;
    const [items] = contribution.tables;
    assert.deepEqual(
      [items.logicalName, items.physicalName, items.partitionKey, items.sortKey, items.billingMode, items.streamViewType],
      ['Items', 'items', { name: 'pk', type: 'S' }, { name: 'sk', type: 'N' }, 'PAY_PER_REQUEST', 'NEW_AND_OLD_IMAGES'],
    );
    assert.deepEqual(
      items.indexes.map((index) => [index.name, index.partitionKey.name, index.projection]),
      [['by_owner', 'owner', { type: 'INCLUDE', attributes: ['title'] }]],
    );
    const [handler, worker] = contribution.functions;
    assert.deepEqual([handler.codePaths, handler.handler, handler.environment], [['runtime'], 'api.main', { ITEMS_TABLE: { kind: 'table', logicalName: 'Items' } }]);
    assert.deepEqual([worker.codePathsFromApp, worker.handler, worker.environment], [['workers'], 'jobs.handler', { ITEMS: { kind: 'table', logicalName: 'Items' } }]);
  });

  it('reads RDS and ElastiCache constructs with the engine their factory or version class names', () => {
    const text = lines(
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import * as elasticache from 'aws-cdk-lib/aws-elasticache';",
      "new rds.DatabaseInstance(this, 'Pg', { engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16_4 }), multiAz: true, credentials: secret });",
      "new rds.DatabaseInstance(this, 'My', { engine: rds.DatabaseInstanceEngine.MYSQL });",
      "new elasticache.CfnReplicationGroup(this, 'Cache', { engine: 'valkey', replicationGroupDescription: 'sessions', authToken: 'kept-out' });",
    );
    const databases = contributionOf('db.ts', text)!.databases;
    assert.deepEqual(
      databases.map((database) => [database.kind, database.logicalName, database.engine, database.engineVersion, database.settings]),
      [
        ['rds-instance', 'Pg', 'postgres', '16.4', { multiAz: true }],
        ['rds-instance', 'My', 'mysql', undefined, {}],
        ['elasticache-replication-group', 'Cache', 'valkey', undefined, { engine: 'valkey', replicationGroupDescription: 'sessions' }],
      ],
    );
  });

  it('contributes nothing for code that does not import the CDK', () => {
    assert.equal(contributionOf('src/table.ts', lines("import { Table } from './orm';", "new Table(this, 'Orders', { partitionKey: { name: 'id' } });")), undefined);
    assert.equal(contributionOf('app/models.py', lines('class Table:', '    pass')), undefined);
  });
});
