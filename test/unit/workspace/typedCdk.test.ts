/**
 * CDK apps in Java and C# in the workspace model: tables with their keys and indexes, Lambda functions with
 * their code and environment, so that application code elsewhere (any language) is judged against them;
 * references to existing tables and keys the reader cannot follow make nothing to judge against.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules } from '../hints/support';
import { contributionOf, hintsOfFile, placed, workspaceOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const JAVA_IMPORTS = [
  'package com.example.infra;',
  '',
  'import java.util.Map;',
  'import software.amazon.awscdk.Stack;',
  'import software.amazon.awscdk.services.dynamodb.*;',
  'import software.amazon.awscdk.services.lambda.Code;',
  'import software.amazon.awscdk.services.lambda.Function;',
  'import software.amazon.awscdk.services.lambda.Runtime;',
  'import software.constructs.Construct;',
  '',
];

/** A Java stack whose table field gets its keys from `partitionKey` (after `declared` lines), read by the function's environment. */
function javaStack(partitionKey: string, ...declared: string[]): string {
  return lines(
    ...JAVA_IMPORTS,
    'public class OrdersStack extends Stack {',
    '    private final Table orders;',
    '',
    '    public OrdersStack(final Construct scope, final String id) {',
    '        super(scope, id);',
    ...declared,
    '        this.orders = Table.Builder.create(this, "Orders")',
    `                .partitionKey(${partitionKey})`,
    '                .billingMode(BillingMode.PAY_PER_REQUEST)',
    '                .build();',
    '        Function listOrders = Function.Builder.create(this, "ListOrders")',
    '                .runtime(Runtime.PYTHON_3_12)',
    '                .handler("app.handler")',
    '                .code(Code.fromAsset("functions/list_orders"))',
    '                .build();',
    '        listOrders.addEnvironment("ORDERS_TABLE", orders.getTableName());',
    '    }',
    '}',
  );
}

const CUSTOMER_KEY = 'Attribute.builder().name("customerId").type(AttributeType.STRING).build()';
const STACK_FILE = 'infra/src/main/java/com/example/infra/OrdersStack.java';

const PYTHON_HANDLER = lines(
  'import os',
  'import boto3',
  '',
  'orders = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])',
  '',
  '',
  'def handler(event, context):',
  '    found = orders.scan(FilterExpression="customerId = :c", ExpressionAttributeValues={":c": event["customer"]})',
  '    return found["Items"]',
);

const JAVA_REPOSITORY = lines(
  'package com.example.app;',
  '',
  'import java.util.Map;',
  'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
  'import software.amazon.awssdk.services.dynamodb.model.AttributeValue;',
  'import software.amazon.awssdk.services.dynamodb.model.ScanRequest;',
  '',
  'public class LegacyOrders {',
  '    private final DynamoDbClient ddb = DynamoDbClient.create();',
  '',
  '    public int count(String customer) {',
  '        ScanRequest request = ScanRequest.builder()',
  '                .tableName("legacy-orders")',
  '                .filterExpression("customerId = :c")',
  '                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customer)))',
  '                .build();',
  '        return ddb.scan(request).count();',
  '    }',
  '}',
);

const scansByKey = (hints: string[]): string[] => hints.filter((hint) => hint.includes('dynamodb-workspace-scan-by-key!'));

describe('workspace: Java and C# CDK stacks', () => {
  it('reads a Java table and the function whose environment names it, for a Python handler that scans by the partition key', () => {
    const files = { [STACK_FILE]: javaStack(CUSTOMER_KEY), 'infra/functions/list_orders/app.py': PYTHON_HANDLER };
    assert.deepEqual(placed(contributionOf(STACK_FILE, files[STACK_FILE])), {
      tables: [{ logicalName: 'Orders', format: 'cdk', indexes: [], indexesKnown: true, definedAt: '15:49', partitionKey: { name: 'customerId', type: 'S' }, hashOnly: true, billingMode: 'PAY_PER_REQUEST' }],
      databases: [],
      functions: [
        { logicalName: 'ListOrders', format: 'cdk', codePaths: [], environment: { ORDERS_TABLE: { kind: 'table', logicalName: 'Orders' } }, definedAt: '19:60', codePathsFromApp: ['functions/list_orders'], handler: 'app.handler' },
      ],
    });
    assert.deepEqual(scansByKey(hintsOfFile(files, 'infra/functions/list_orders/app.py')), ['8:customerId dynamodb-workspace-scan-by-key!']);
    assert.deepEqual(scansByKey(hintsOfFile(files, 'infra/functions/list_orders/app.py', null)), [], 'alone');
  });

  it('judges Java code that names a table by its physical name, and shows the keys on the name', () => {
    const stack = javaStack(CUSTOMER_KEY).replace('.billingMode(', '.tableName("legacy-orders")\n                .billingMode(');
    const files = { [STACK_FILE]: stack, 'app/src/main/java/com/example/app/LegacyOrders.java': JAVA_REPOSITORY };
    assert.deepEqual(scansByKey(hintsOfFile(files, 'app/src/main/java/com/example/app/LegacyOrders.java')), ['14:customerId dynamodb-workspace-scan-by-key!']);
    const file = 'app/src/main/java/com/example/app/LegacyOrders.java';
    const result = analyzeText(JAVA_REPOSITORY, realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, workspace: workspaceOf(files) });
    const named = result.sites.find((site) => site.workspace && JAVA_REPOSITORY.slice(site.start, site.end) === '"legacy-orders"');
    assert.equal(named?.workspace?.table.logicalName, 'Orders');
    assert.deepEqual(named?.workspace?.table.partitionKey, { name: 'customerId', type: 'S' });
  });

  it('reads the keys a local variable holds, and none it gets from a call the reader cannot follow', () => {
    const held = javaStack('customerKey', `        Attribute customerKey = ${CUSTOMER_KEY};`);
    assert.deepEqual(contributionOf(STACK_FILE, held)!.tables[0].partitionKey, { name: 'customerId', type: 'S' });
    const called = javaStack('customerKey', '        Attribute customerKey = keyOf(id, "customerId");');
    assert.equal(contributionOf(STACK_FILE, called)!.tables[0].partitionKey, undefined);
    const files = { [STACK_FILE]: called, 'infra/functions/list_orders/app.py': PYTHON_HANDLER };
    assert.deepEqual(scansByKey(hintsOfFile(files, 'infra/functions/list_orders/app.py')), []);
  });

  it('reads a Java TableV2 with its indexes listed in globalSecondaryIndexes and its billing', () => {
    const stack = lines(
      ...JAVA_IMPORTS,
      'public class EventsStack extends Stack {',
      '    public EventsStack(final Construct scope, final String id) {',
      '        super(scope, id);',
      '        TableV2.Builder.create(this, "Events")',
      '                .partitionKey(Attribute.builder().name("streamId").type(AttributeType.STRING).build())',
      '                .sortKey(Attribute.builder().name("version").type(AttributeType.NUMBER).build())',
      '                .billing(Billing.provisioned(ThroughputProps.builder().build()))',
      '                .dynamoStream(StreamViewType.NEW_IMAGE)',
      '                .globalSecondaryIndexes(List.of(GlobalSecondaryIndexPropsV2.builder()',
      '                        .indexName("byType")',
      '                        .partitionKey(Attribute.builder().name("type").type(AttributeType.STRING).build())',
      '                        .build()))',
      '                .build();',
      '    }',
      '}',
    );
    const [table] = placed(contributionOf(STACK_FILE, stack)!.tables);
    assert.deepEqual(
      { keys: [table.partitionKey, table.sortKey], indexes: table.indexes.map((index) => index.name), known: table.indexesKnown, billing: table.billingMode, stream: table.streamViewType },
      { keys: [{ name: 'streamId', type: 'S' }, { name: 'version', type: 'N' }], indexes: ['byType'], known: true, billing: 'PROVISIONED', stream: 'NEW_IMAGE' },
    );
  });

  it('makes no table of a reference to an existing one (Table.fromTableName)', () => {
    const stack = lines(
      ...JAVA_IMPORTS,
      'public class LegacyStack extends Stack {',
      '    public LegacyStack(final Construct scope, final String id) {',
      '        super(scope, id);',
      '        ITable legacy = Table.fromTableName(this, "Legacy", "legacy-orders");',
      '        legacy.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder().indexName("byDay").partitionKey(Attribute.builder().name("day").type(AttributeType.STRING).build()).build());',
      '    }',
      '}',
    );
    assert.deepEqual(contributionOf(STACK_FILE, stack)!.tables, []);
    const files = { [STACK_FILE]: stack, 'app/src/main/java/com/example/app/LegacyOrders.java': JAVA_REPOSITORY };
    assert.deepEqual(scansByKey(hintsOfFile(files, 'app/src/main/java/com/example/app/LegacyOrders.java')), []);
  });

  describe('C#', () => {
    const stack = (addIndex: string): string =>
      lines(
        'using System.Collections.Generic;',
        'using Amazon.CDK;',
        'using Amazon.CDK.AWS.DynamoDB;',
        'using Amazon.CDK.AWS.Lambda;',
        'using Constructs;',
        '',
        'namespace Carts.Infra',
        '{',
        '    public class CartsStack : Stack',
        '    {',
        '        internal CartsStack(Construct scope, string id, IStackProps props = null) : base(scope, id, props)',
        '        {',
        '            var carts = new Table(this, "Carts", new TableProps',
        '            {',
        '                PartitionKey = new Attribute { Name = "cartId", Type = AttributeType.STRING },',
        '                SortKey = new Attribute { Name = "itemId", Type = AttributeType.STRING },',
        '                BillingMode = BillingMode.PAY_PER_REQUEST,',
        '            });',
        addIndex,
        '            new Function(this, "CartsApi", new FunctionProps',
        '            {',
        '                Runtime = Runtime.DOTNET_8,',
        '                Handler = "Carts.Api::Carts.Api.Function::Handler",',
        '                Code = Code.FromAsset("src/Carts.Api/bin/Release/net8.0/publish"),',
        '                Environment = new Dictionary<string, string> { { "CARTS_TABLE", carts.TableName } },',
        '            });',
        '        }',
        '    }',
        '}',
      );
    const BY_USER = [
      '            carts.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps',
      '            {',
      '                IndexName = "byUser",',
      '                PartitionKey = new Attribute { Name = "userId", Type = AttributeType.STRING },',
      '                ProjectionType = ProjectionType.KEYS_ONLY,',
      '            });',
    ].join('\n');
    const REPOSITORY = lines(
      'using System;',
      'using System.Collections.Generic;',
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.Model;',
      '',
      'namespace Carts.Api',
      '{',
      '    public class CartRepository',
      '    {',
      '        private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();',
      '',
      '        public async Task<List<Dictionary<string, AttributeValue>>> ByEmail(string email)',
      '        {',
      '            var response = await _ddb.QueryAsync(new QueryRequest',
      '            {',
      '                TableName = Environment.GetEnvironmentVariable("CARTS_TABLE"),',
      '                IndexName = "byEmail",',
      '                KeyConditionExpression = "email = :e",',
      '                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":e"] = new AttributeValue { S = email } },',
      '            });',
      '            return response.Items;',
      '        }',
      '    }',
      '}',
    );
    const STACK = 'infra/src/Carts.Infra/CartsStack.cs';
    const CODE = 'src/Carts.Api/CartRepository.cs';
    const missingIndex = (hints: string[]): string[] => hints.filter((hint) => hint.includes('dynamodb-workspace-index-undefined!'));

    it('reads a C# table with the index added to it, and the function whose environment names it', () => {
      const contribution = placed(contributionOf(STACK, stack(BY_USER)))!;
      assert.deepEqual(contribution.tables, [
        {
          logicalName: 'Carts',
          format: 'cdk',
          indexes: [{ name: 'byUser', kind: 'gsi', partitionKey: { name: 'userId', type: 'S' }, definedAt: '20:28', projection: { type: 'KEYS_ONLY', attributes: [] } }],
          indexesKnown: true,
          definedAt: '12:40',
          partitionKey: { name: 'cartId', type: 'S' },
          sortKey: { name: 'itemId', type: 'S' },
          billingMode: 'PAY_PER_REQUEST',
        },
      ]);
      assert.deepEqual(contribution.functions[0].environment, { CARTS_TABLE: { kind: 'table', logicalName: 'Carts' } });
    });

    it('finds a C# query on an index the C# stack does not define', () => {
      const files = { [STACK]: stack(BY_USER), [CODE]: REPOSITORY };
      assert.deepEqual(missingIndex(hintsOfFile(files, CODE)), ['18:"byEmail" dynamodb-workspace-index-undefined!']);
      assert.deepEqual(missingIndex(hintsOfFile(files, CODE, null)), [], 'alone');
    });

    it('tells no index missing when another file adds indexes to the table a factory method returns', () => {
      const factory = lines(
        'using Amazon.CDK.AWS.DynamoDB;',
        'using Constructs;',
        '',
        'namespace Carts.Infra',
        '{',
        '    public static class Tables',
        '    {',
        '        public static TableV2 Carts(Construct scope) => new TableV2(scope, "Carts", new TablePropsV2',
        '        {',
        '            PartitionKey = new Attribute { Name = "cartId", Type = AttributeType.STRING },',
        '            TableName = "carts",',
        '        });',
        '    }',
        '}',
      );
      const caller = lines(
        'using Amazon.CDK;',
        'using Constructs;',
        '',
        'namespace Carts.Infra',
        '{',
        '    public class CartsStack : Stack',
        '    {',
        '        internal CartsStack(Construct scope, string id) : base(scope, id)',
        '        {',
        '            var carts = Tables.Carts(this);',
        '            carts.AddGlobalSecondaryIndex(Indexes.ByEmail());',
        '        }',
        '    }',
        '}',
      );
      const code = REPOSITORY.replace('Environment.GetEnvironmentVariable("CARTS_TABLE")', '"carts"');
      const files = { 'infra/Tables.cs': factory, 'infra/CartsStack.cs': caller, [CODE]: code };
      assert.deepEqual(missingIndex(hintsOfFile(files, CODE)), []);
      const withoutCaller = { 'infra/Tables.cs': factory, [CODE]: code };
      assert.deepEqual(missingIndex(hintsOfFile(withoutCaller, CODE)), ['18:"byEmail" dynamodb-workspace-index-undefined!'], 'no file adds an index');
    });

    it('tells no index missing when an index is added to a table the file does not hold', () => {
      const elsewhere = BY_USER.replace('carts.AddGlobalSecondaryIndex', 'Shared.Table.AddGlobalSecondaryIndex');
      const files = { [STACK]: stack(elsewhere), [CODE]: REPOSITORY };
      assert.equal(contributionOf(STACK, files[STACK])!.tables[0].indexesKnown, false);
      assert.deepEqual(missingIndex(hintsOfFile(files, CODE)), []);
    });
  });
});
