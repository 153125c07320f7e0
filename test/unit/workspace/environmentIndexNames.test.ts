/**
 * An index name the code reads from an environment variable is checked as the literal the functions that
 * run the file set it to, like a table name read the same way; a variable set to something the template
 * does not write literally, or to different names by two functions, leaves the index unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';

const REPOSITORY = [
  'import os',
  'import boto3',
  '',
  'client = boto3.client("dynamodb")',
  'ORDERS = os.environ["ORDERS_TABLE"]',
  'BY_CUSTOMER = os.environ["CUSTOMER_INDEX"]',
  '',
  '',
  'class OrderRepository:',
  '    def for_customer(self, customer_id):',
  '        return client.query(',
  '            TableName=ORDERS,',
  '            IndexName=BY_CUSTOMER,',
  '            ConsistentRead=True,',
  '            KeyConditionExpression="customerId = :c",',
  '            ExpressionAttributeValues={":c": {"S": customer_id}},',
  '        )',
].join('\n');

function template(listEnvironment: string[], reportEnvironment?: string[]): string {
  const fn = (name: string, environment: string[]): string[] => [
    `  ${name}:`,
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      CodeUri: orders/',
    `      Handler: repository.${name.toLowerCase()}`,
    '      Runtime: python3.12',
    '      Environment:',
    '        Variables:',
    ...environment.map((line) => `          ${line}`),
  ];
  return [
    'Transform: AWS::Serverless-2016-10-31',
    'Globals:',
    '  Function:',
    '    Environment:',
    '      Variables:',
    '        ORDERS_TABLE: !Ref OrdersTable',
    'Resources:',
    '  OrdersTable:',
    '    Type: AWS::DynamoDB::Table',
    '    Properties:',
    '      BillingMode: PAY_PER_REQUEST',
    '      AttributeDefinitions:',
    '        - AttributeName: orderId',
    '          AttributeType: S',
    '        - AttributeName: customerId',
    '          AttributeType: S',
    '      KeySchema:',
    '        - AttributeName: orderId',
    '          KeyType: HASH',
    '      GlobalSecondaryIndexes:',
    '        - IndexName: byCustomer',
    '          KeySchema:',
    '            - AttributeName: customerId',
    '              KeyType: HASH',
    '          Projection:',
    '            ProjectionType: ALL',
    ...fn('ListOrders', listEnvironment),
    ...(reportEnvironment ? fn('OrderReport', reportEnvironment) : []),
  ].join('\n');
}

const findings = (templateText: string, view?: null): string[] =>
  hintsOfFile({ 'template.yaml': templateText, 'orders/repository.py': REPOSITORY }, 'orders/repository.py', view).filter(
    (hint) => hint.endsWith('!') && !hint.endsWith('dynamodb-query!'),
  );

describe('an index name read from an environment variable', () => {
  it('is checked as the name the template sets: a GSI read strongly consistent, an index the table lacks', () => {
    assert.deepEqual(findings(template(['CUSTOMER_INDEX: byCustomer'])), ['14:ConsistentRead dynamodb-workspace-consistent-read-gsi!']);
    const missing = ['13:BY_CUSTOMER dynamodb-workspace-index-undefined!', '14:ConsistentRead dynamodb-consistent-read!'];
    assert.deepEqual(findings(template(['CUSTOMER_INDEX: byCustomerId'])), missing);
    assert.deepEqual(findings(template(['CUSTOMER_INDEX: byCustomerId'], ['CUSTOMER_INDEX: byCustomerId'])), missing);
  });

  it('stays unknown when the value is not a literal, when two functions disagree, when no function sets it, or without the workspace', () => {
    const guessOnly = ['14:ConsistentRead dynamodb-consistent-read!'];
    assert.deepEqual(findings(template(['CUSTOMER_INDEX: !Sub "${AWS::StackName}-byCustomer"'])), guessOnly);
    assert.deepEqual(findings(template(['CUSTOMER_INDEX: byCustomer'], ['CUSTOMER_INDEX: byCustomerId'])), guessOnly);
    assert.deepEqual(findings(template(['OTHER: x'])), guessOnly);
    assert.deepEqual(findings(template(['CUSTOMER_INDEX: byCustomerId']), null), guessOnly);
  });
});
