/**
 * `lambda-client-per-invocation` in workspace mode: a function a template names as a Lambda handler is one,
 * whatever its parameters are called (`Handler: src/orders.list` for `export const list = async (request) => ...`,
 * `Handler: app.main` for `def main(payload, ctx)`, `com.shop.Orders::handle`, `Shop::Shop.Functions::GetOrder`),
 * in the file the handler names and no other.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile, workspaceOf } from './support';

const RULE = 'lambda-client-per-invocation!';

function findings(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith(RULE));
}

const SAM_TEMPLATE = sourceLines(
  'Transform: AWS::Serverless-2016-10-31',
  'Resources:',
  '  ListOrders:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      CodeUri: src/',
  '      Handler: orders.list',
  '      Runtime: nodejs20.x',
  '  Archive:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      CodeUri: jobs/',
  '      Handler: app.main',
  '      Runtime: python3.12',
);

const JS_HANDLER = sourceLines(
  "import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';",
  '',
  'export const list = async (request) => {',
  '  const client = new DynamoDBClient({});',
  "  return client.send(new ScanCommand({ TableName: 'orders', Limit: Number(request.limit) }));",
  '};',
  '',
  'export const describe = async (request) => {',
  '  const client = new DynamoDBClient({});',
  "  return client.send(new ScanCommand({ TableName: 'orders', Limit: 1 }));",
  '};',
);

const PYTHON_HANDLER = sourceLines(
  'import boto3',
  '',
  '',
  'def main(payload, ctx):',
  '    table = boto3.resource("dynamodb").Table("orders")',
  '    return table.get_item(Key={"id": payload["id"]})',
  '',
  '',
  'def helper(payload, ctx):',
  '    return boto3.client("dynamodb")',
);

describe('Lambda handlers named by a template', () => {
  it('reports a client made in the JavaScript function the template names, and not in the file\'s other exports', () => {
    const files = { 'template.yaml': SAM_TEMPLATE, 'src/orders.js': JS_HANDLER };
    assert.deepEqual(findings(files, 'src/orders.js'), [`4:DynamoDBClient ${RULE}`]);
  });

  it('reports a client made in the Python function the template names, and not in another function of the module', () => {
    const files = { 'template.yaml': SAM_TEMPLATE, 'jobs/app.py': PYTHON_HANDLER };
    assert.deepEqual(findings(files, 'jobs/app.py'), [`5:resource ${RULE}`]);
  });

  it('stays silent without the template, in a file the handler does not name, and for a function that is not exported', () => {
    assert.deepEqual(findings({ 'src/orders.js': JS_HANDLER }, 'src/orders.js'), []);
    assert.deepEqual(findings({ 'template.yaml': SAM_TEMPLATE, 'src/customers.js': JS_HANDLER }, 'src/customers.js'), []);
    const unexported = JS_HANDLER.replace('export const list', 'const list');
    assert.deepEqual(findings({ 'template.yaml': SAM_TEMPLATE, 'src/orders.js': unexported }, 'src/orders.js'), []);
  });

  it('reads the handler names a model gives for a code file: the entry file only', () => {
    const model = workspaceOf({ 'template.yaml': SAM_TEMPLATE, 'src/orders.js': JS_HANDLER, 'src/shared.js': 'export const x = 1;\n' });
    assert.deepEqual(model.lambdaHandlers('src/orders.js'), ['list']);
    assert.deepEqual(model.lambdaHandlers('src/shared.js'), []);
    const java = SAM_TEMPLATE.replace('Handler: orders.list', 'Handler: com.shop.Orders::handle');
    assert.deepEqual(workspaceOf({ 'template.yaml': java }).lambdaHandlers('src/com/shop/Orders.java'), ['handle']);
    assert.deepEqual(workspaceOf({ 'template.yaml': java }).lambdaHandlers('src/com/shop/Customers.java'), []);
    const dotnet = SAM_TEMPLATE.replace('Handler: orders.list', 'Handler: Shop::Shop.Functions::GetOrder');
    assert.deepEqual(workspaceOf({ 'template.yaml': dotnet }).lambdaHandlers('src/Functions.cs'), ['GetOrder']);
  });

  it('reports a client made in the Java or C# method the template names, whatever it takes', () => {
    const template = (handler: string): string => SAM_TEMPLATE.replace('Handler: orders.list', `Handler: ${handler}`);
    const java = sourceLines(
      'package com.shop;',
      '',
      'import java.util.Map;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      '',
      'public class Orders {',
      '  public Map<String, Object> handle(Map<String, Object> input) {',
      '    DynamoDbClient ddb = DynamoDbClient.create();',
      '    return Map.of("tables", ddb.listTables().tableNames());',
      '  }',
      '',
      '  public Map<String, Object> describe(Map<String, Object> input) {',
      '    DynamoDbClient ddb = DynamoDbClient.create();',
      '    return Map.of("tables", ddb.listTables().tableNames());',
      '  }',
      '}',
    );
    assert.deepEqual(findings({ 'template.yaml': template('com.shop.Orders::handle'), 'src/com/shop/Orders.java': java }, 'src/com/shop/Orders.java'), [`8:DynamoDbClient ${RULE}`]);
    assert.deepEqual(findings({ 'src/com/shop/Orders.java': java }, 'src/com/shop/Orders.java'), []);
    const csharp = sourceLines(
      'using Amazon.DynamoDBv2;',
      '',
      'namespace Shop;',
      '',
      'public class Functions',
      '{',
      '    public async Task<int> GetOrder(OrderRequest request)',
      '    {',
      '        var client = new AmazonDynamoDBClient();',
      '        var tables = await client.ListTablesAsync();',
      '        return tables.TableNames.Count;',
      '    }',
      '}',
    );
    assert.deepEqual(findings({ 'template.yaml': template('Shop::Shop.Functions::GetOrder'), 'src/Functions.cs': csharp }, 'src/Functions.cs'), [`9:AmazonDynamoDBClient ${RULE}`]);
  });

  it('looks up a Java handler\'s class in the template\'s project when the code is the jar it builds', () => {
    const jarTemplate = (codeUri: string): string =>
      SAM_TEMPLATE.replace('CodeUri: src/', `CodeUri: ${codeUri}`).replace('Handler: orders.list', 'Handler: com.shop.Orders::create').replace('nodejs20.x', 'java17');
    const java = sourceLines(
      'package com.shop;',
      '',
      'import com.amazonaws.services.lambda.runtime.Context;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      '',
      'public class Orders {',
      '  public int create(String body, Context context) {',
      '    DynamoDbClient ddb = DynamoDbClient.create();',
      '    return ddb.listTables().tableNames().size();',
      '  }',
      '',
      '  public int count(String body, Context context) {',
      '    DynamoDbClient ddb = DynamoDbClient.create();',
      '    return ddb.listTables().tableNames().size();',
      '  }',
      '}',
    );
    const file = 'src/main/java/com/shop/Orders.java';
    assert.deepEqual(findings({ 'template.yaml': jarTemplate('target/orders-1.0.jar'), [file]: java }, file), [`8:DynamoDbClient ${RULE}`]);
    assert.deepEqual(findings({ 'template.yaml': jarTemplate('build/distributions/orders.zip'), [file]: java }, file), [`8:DynamoDbClient ${RULE}`]);
    assert.deepEqual(findings({ 'template.yaml': jarTemplate('s3://artifacts/orders-1.0.jar'), [file]: java }, file), [], 'a package in a bucket');
    assert.deepEqual(findings({ 'api/template.yaml': jarTemplate('target/orders-1.0.jar'), [file]: java }, file), [], 'a template of another project');
  });

  it('reads a CDK NodejsFunction\'s handler in its entry file, `handler` when none is given', () => {
    const stack = (handler: string): string =>
      sourceLines(
        "import { Stack } from 'aws-cdk-lib';",
        "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';",
        '',
        'export class OrdersStack extends Stack {',
        '  constructor(scope, id) {',
        '    super(scope, id);',
        `    new NodejsFunction(this, 'ListOrders', { entry: 'src/orders.ts'${handler} });`,
        '  }',
        '}',
      );
    const code = JS_HANDLER.replace('export const list', 'export const handler');
    assert.deepEqual(findings({ 'stack.ts': stack(", handler: 'list'"), 'src/orders.ts': JS_HANDLER }, 'src/orders.ts'), [`4:DynamoDBClient ${RULE}`]);
    assert.deepEqual(findings({ 'stack.ts': stack(''), 'src/orders.ts': code }, 'src/orders.ts'), [`4:DynamoDBClient ${RULE}`]);
  });
});
