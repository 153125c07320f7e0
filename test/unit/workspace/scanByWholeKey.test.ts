/**
 * A Scan that keeps the items of one partition key value: on a table keyed by its partition key alone
 * that is one item, so the finding points to GetItem; where the template does not show the whole key
 * schema it keeps pointing to a Query.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules } from '../hints/support';
import { workspaceOf } from './support';

const HANDLER = [
  'import os',
  'import boto3',
  '',
  'notes = boto3.resource("dynamodb").Table(os.environ["NOTES_TABLE"])',
  '',
  '',
  'def get_note(event, context):',
  '    found = notes.scan(FilterExpression="noteId = :n", ExpressionAttributeValues={":n": event["id"]})',
  '    return found["Items"]',
].join('\n');

function template(table: string[]): string {
  return [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Notes:',
    ...table.map((line) => `    ${line}`),
    '  GetNote:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      CodeUri: notes/',
    '      Handler: app.get_note',
    '      Runtime: python3.12',
    '      Environment:',
    '        Variables:',
    '          NOTES_TABLE: !Ref Notes',
  ].join('\n');
}

const SIMPLE_TABLE = ['Type: AWS::Serverless::SimpleTable', 'Properties:', '  PrimaryKey:', '    Name: noteId', '    Type: String'];
const KEY_SCHEMA = (schema: string[]): string[] => [
  'Type: AWS::DynamoDB::Table',
  'Properties:',
  '  BillingMode: PAY_PER_REQUEST',
  '  AttributeDefinitions:',
  '    - AttributeName: noteId',
  '      AttributeType: S',
  ...schema.map((line) => `  ${line}`),
];

function scanByKey(table: string[]): string[] {
  const files = { 'template.yaml': template(table), 'notes/app.py': HANDLER };
  const result = analyzeText(HANDLER, realHintRules(), { kind: documentKind(undefined, 'notes/app.py')!, fileName: 'notes/app.py', workspace: workspaceOf(files) });
  return result.findings.filter((finding) => finding.ruleId === 'dynamodb-workspace-scan-by-key').map((finding) => finding.message);
}

describe('a Scan filtered on the partition key', () => {
  it('points to GetItem when the table has no sort key: a SAM SimpleTable, a one-element KeySchema', () => {
    for (const table of [SIMPLE_TABLE, KEY_SCHEMA(['KeySchema:', '  - AttributeName: noteId', '    KeyType: HASH'])]) {
      const messages = scanByKey(table);
      assert.equal(messages.length, 1);
      assert.match(messages[0], /the one item whose primary key it filters on: GetItem reads just that item/);
    }
  });

  it('keeps pointing to a Query when the table has a sort key or its key schema is not written out', () => {
    const withSort = KEY_SCHEMA(['KeySchema:', '  - AttributeName: noteId', '    KeyType: HASH', '  - AttributeName: version', '    KeyType: RANGE']);
    const unreadSort = KEY_SCHEMA(['KeySchema:', '  - AttributeName: noteId', '    KeyType: HASH', '  - !If [HasVersions, {AttributeName: version, KeyType: RANGE}, !Ref AWS::NoValue]']);
    for (const table of [withSort, unreadSort]) {
      const messages = scanByKey(table);
      assert.ok(messages.every((message) => /a Query on it reads only those items/.test(message)), messages.join('\n'));
    }
    assert.equal(scanByKey(withSort).length, 1);
  });
});
