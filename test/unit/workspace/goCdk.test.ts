/**
 * CDK apps in Go in the workspace model: tables with their keys and indexes, Lambda functions with their code and
 * environment, so that the handlers' code is judged against them; a Go test's constructs make nothing.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, hintsOfFile, placed } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const STACK_FILE = 'infra/orders_stack.go';

/** A Go stack whose table takes its partition key from `partitionKey` (after `declared` lines), named in the function's environment. */
function goStack(partitionKey: string, ...declared: string[]): string {
  return lines(
    'package main',
    '',
    'import (',
    '\t"github.com/aws/aws-cdk-go/awscdk/v2"',
    '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"',
    '\t"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"',
    '\t"github.com/aws/constructs-go/constructs/v10"',
    '\t"github.com/aws/jsii-runtime-go"',
    ')',
    '',
    'func NewOrdersStack(scope constructs.Construct, id string) awscdk.Stack {',
    '\tstack := awscdk.NewStack(scope, &id, nil)',
    ...declared,
    '\torders := awsdynamodb.NewTable(stack, jsii.String("Orders"), &awsdynamodb.TableProps{',
    `\t\tPartitionKey: ${partitionKey},`,
    '\t\tBillingMode:  awsdynamodb.BillingMode_PAY_PER_REQUEST,',
    '\t})',
    '\torders.AddGlobalSecondaryIndex(&awsdynamodb.GlobalSecondaryIndexProps{',
    '\t\tIndexName:    jsii.String("byStatus"),',
    '\t\tPartitionKey: &awsdynamodb.Attribute{Name: jsii.String("status"), Type: awsdynamodb.AttributeType_STRING},',
    '\t})',
    '\tawslambda.NewFunction(stack, jsii.String("ListOrders"), &awslambda.FunctionProps{',
    '\t\tRuntime: awslambda.Runtime_PYTHON_3_12(),',
    '\t\tHandler: jsii.String("app.handler"),',
    '\t\tCode:    awslambda.Code_FromAsset(jsii.String("functions/list_orders"), nil),',
    '\t\tEnvironment: &map[string]*string{',
    '\t\t\t"ORDERS_TABLE": orders.TableName(),',
    '\t\t\t"STAGE":        jsii.String("prod"),',
    '\t\t},',
    '\t})',
    '\treturn stack',
    '}',
  );
}

const CUSTOMER_KEY = '&awsdynamodb.Attribute{Name: jsii.String("customerId"), Type: awsdynamodb.AttributeType_STRING}';

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

const scansByKey = (hints: string[]): string[] => hints.filter((hint) => hint.includes('dynamodb-workspace-scan-by-key!'));

describe('workspace: Go CDK stacks', () => {
  it('reads a Go table, its index and the function whose environment names it, for a handler that scans by the partition key', () => {
    const files = { [STACK_FILE]: goStack(CUSTOMER_KEY), 'infra/functions/list_orders/app.py': PYTHON_HANDLER };
    const contribution = placed(contributionOf(STACK_FILE, files[STACK_FILE]))!;
    assert.deepEqual(contribution.tables.map((table) => ({ name: table.logicalName, key: table.partitionKey, billing: table.billingMode, indexes: table.indexes.map((index) => index.name), known: table.indexesKnown })), [
      { name: 'Orders', key: { name: 'customerId', type: 'S' }, billing: 'PAY_PER_REQUEST', indexes: ['byStatus'], known: true },
    ]);
    assert.deepEqual(contribution.functions.map((fn) => ({ name: fn.logicalName, code: fn.codePathsFromApp, handler: fn.handler, environment: fn.environment })), [
      { name: 'ListOrders', code: ['functions/list_orders'], handler: 'app.handler', environment: { ORDERS_TABLE: { kind: 'table', logicalName: 'Orders' }, STAGE: { kind: 'literal', value: 'prod' } } },
    ]);
    assert.deepEqual(scansByKey(hintsOfFile(files, 'infra/functions/list_orders/app.py')), ['8:customerId dynamodb-workspace-scan-by-key!']);
    assert.deepEqual(scansByKey(hintsOfFile(files, 'infra/functions/list_orders/app.py', null)), [], 'alone');
  });

  it('reads the key a local variable holds, and none from a call the reader cannot follow', () => {
    const held = goStack('customerKey', `\tcustomerKey := ${CUSTOMER_KEY}`);
    assert.deepEqual(contributionOf(STACK_FILE, held)!.tables[0].partitionKey, { name: 'customerId', type: 'S' });
    const called = goStack('customerKey', '\tcustomerKey := keyOf("customerId")');
    assert.equal(contributionOf(STACK_FILE, called)!.tables[0].partitionKey, undefined);
  });

  it('links a GoFunction of the Go Lambda module, by its entry folder, to a Go handler that scans by the partition key', () => {
    const stack = goStack(CUSTOMER_KEY)
      .replace('\t"github.com/aws/jsii-runtime-go"', '\t"github.com/aws/aws-cdk-go/awscdklambdagoalpha/v2"\n\t"github.com/aws/jsii-runtime-go"')
      .replace('awslambda.NewFunction(stack, jsii.String("ListOrders"), &awslambda.FunctionProps{', 'awscdklambdagoalpha.NewGoFunction(stack, jsii.String("ListOrders"), &awscdklambdagoalpha.GoFunctionProps{')
      .replace('\t\tCode:    awslambda.Code_FromAsset(jsii.String("functions/list_orders"), nil),', '\t\tEntry:   jsii.String("functions/list_orders"),');
    const handler = lines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '\t"os"',
      '',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/config"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      ')',
      '',
      'var client *dynamodb.Client',
      '',
      'func init() {',
      '\tcfg, _ := config.LoadDefaultConfig(context.Background())',
      '\tclient = dynamodb.NewFromConfig(cfg)',
      '}',
      '',
      'func handle(ctx context.Context, customer string) (int32, error) {',
      '\tout, err := client.Scan(ctx, &dynamodb.ScanInput{',
      '\t\tTableName:                 aws.String(os.Getenv("ORDERS_TABLE")),',
      '\t\tFilterExpression:          aws.String("customerId = :c"),',
      '\t\tExpressionAttributeValues: map[string]types.AttributeValue{":c": &types.AttributeValueMemberS{Value: customer}},',
      '\t})',
      '\tif err != nil {',
      '\t\treturn 0, err',
      '\t}',
      '\treturn out.Count, nil',
      '}',
      '',
      'func main() {',
      '\tlambda.Start(handle)',
      '}',
    );
    const files = { [STACK_FILE]: stack, 'infra/functions/list_orders/main.go': handler };
    assert.deepEqual(placed(contributionOf(STACK_FILE, stack))!.functions.map((fn) => ({ name: fn.logicalName, code: fn.codePathsFromApp })), [{ name: 'ListOrders', code: ['functions/list_orders'] }]);
    assert.deepEqual(scansByKey(hintsOfFile(files, 'infra/functions/list_orders/main.go')), ['24:customerId dynamodb-workspace-scan-by-key!']);
  });

  it('makes nothing of a Go test\'s stack', () => {
    assert.equal(contributionOf('infra/orders_stack_test.go', goStack(CUSTOMER_KEY))?.tables.length ?? 0, 0);
  });
});
