/**
 * Workspace mode: a table name the code writes whole (`TableName="live-desk-pool"`, an operations script's way) that
 * no template writes whole, but one template builds (`!Sub "${Environment}-desk-pool"`, Terraform's
 * `"${var.env}-desk-pool"`): the code's name is taken for that table when it is the only one whose name fits.
 * Two tables that fit, a name that fits none, or a table written whole under another name leave it unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';

const TABLE = (resource: string, name: string): string[] => [
  `  ${resource}:`,
  '    Type: AWS::DynamoDB::Table',
  '    Properties:',
  `      TableName: ${name}`,
  '      BillingMode: PAY_PER_REQUEST',
  '      AttributeDefinitions:',
  '        - AttributeName: pk',
  '          AttributeType: S',
  '      KeySchema:',
  '        - AttributeName: pk',
  '          KeyType: HASH',
];

const TEMPLATE = (...tables: string[][]): string =>
  ['Parameters:', '  Environment:', '    Type: String', '    AllowedValues: [test, live]', 'Resources:', ...tables.flat()].join('\n');

const SCRIPT = (tableName: string): string =>
  [
    'import boto3',
    '',
    'dynamo = boto3.client("dynamodb")',
    '',
    'def desk(desk_id):',
    `    reply = dynamo.query(TableName="${tableName}", KeyConditionExpression="pk = :v", ExpressionAttributeValues={":v": {"S": desk_id}})`,
    '    return reply["Items"]',
    '',
    'def release(desk_id, floor):',
    `    dynamo.delete_item(TableName="${tableName}", Key={"pk": {"S": desk_id}, "floor": {"S": floor}})`,
  ].join('\n');

function findings(hints: string[]): string[] {
  return hints.filter((hint) => / dynamodb-(?:query|workspace-[a-z-]+)!$/.test(hint));
}

describe('Workspace: a literal table name that a template builds', () => {
  it('takes the literal for the one table whose !Sub or Terraform name fits it', () => {
    const files = { 'stacks/pool.yml': TEMPLATE(TABLE('Pool', '!Sub "${Environment}-desk-pool"')), 'tools/desks.py': SCRIPT('live-desk-pool') };
    // A Query by the whole key of a table without a sort key matches one item; the delete names a key the table lacks.
    const found = findings(hintsOfFile(files, 'tools/desks.py'));
    assert.deepEqual(found.filter((hint) => hint.endsWith('dynamodb-query!')), []);
    assert.equal(found.filter((hint) => hint.startsWith('10:') && hint.includes('dynamodb-workspace-key-attributes')).length, 1, found.join('\n'));
    const terraform = [
      'variable "env" {}',
      'resource "aws_dynamodb_table" "pool" {',
      '  name         = "${var.env}-desk-pool"',
      '  billing_mode = "PAY_PER_REQUEST"',
      '  hash_key     = "pk"',
      '  attribute {',
      '    name = "pk"',
      '    type = "S"',
      '  }',
      '}',
    ].join('\n');
    const fromTerraform = findings(hintsOfFile({ 'infra/main.tf': terraform, 'tools/desks.py': SCRIPT('live-desk-pool') }, 'tools/desks.py'));
    assert.deepEqual(fromTerraform.filter((hint) => hint.endsWith('dynamodb-query!')), []);
  });

  it('leaves the table unknown when two tables fit, none fits, or another table has that very name', () => {
    const two = { 'stacks/pool.yml': TEMPLATE(TABLE('Pool', '!Sub "${Environment}-desk-pool"'), TABLE('Spare', '!Sub "live-${Environment}-pool"')), 'tools/desks.py': SCRIPT('live-desk-pool') };
    assert.deepEqual(findings(hintsOfFile(two, 'tools/desks.py')), ['6:query dynamodb-query!']);
    const none = { 'stacks/pool.yml': TEMPLATE(TABLE('Pool', '!Sub "${Environment}-desk-pool"')), 'tools/desks.py': SCRIPT('live-room-pool') };
    assert.deepEqual(findings(hintsOfFile(none, 'tools/desks.py')), ['6:query dynamodb-query!']);
    const written = TABLE('Named', 'live-desk-pool').map((line) => line.replace('AttributeName: pk', 'AttributeName: id'));
    const whole = { 'stacks/pool.yml': TEMPLATE(TABLE('Pool', '!Sub "${Environment}-desk-pool"'), written), 'tools/desks.py': SCRIPT('live-desk-pool') };
    // The table written whole is the one read: its key is `id`, so the Query by `pk` may have pages.
    assert.deepEqual(findings(hintsOfFile(whole, 'tools/desks.py')).filter((hint) => hint.endsWith('dynamodb-query!')), ['6:query dynamodb-query!']);
  });
});
