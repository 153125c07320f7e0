/**
 * A Query by the partition key of a table without a sort key, or by equalities on both keys of a table with
 * one, matches one item at most, so its one-page finding does not apply; only where the workspace shows the
 * whole key schema, and never on an index, whose keys need not be unique.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';

const HANDLER = [
  'import boto3',
  'from boto3.dynamodb.conditions import Key',
  '',
  'notes = boto3.resource("dynamodb").Table("notes")',
  '',
  'def get_note(note_id):',
  '    found = notes.query(KeyConditionExpression=Key("note_id").eq(note_id))',
  '    return found["Items"]',
  '',
  'def by_owner(owner):',
  '    found = notes.query(IndexName="by-owner", KeyConditionExpression=Key("owner").eq(owner))',
  '    return found["Items"]',
].join('\n');

function table(rangeKey: string): string {
  return [
    'resource "aws_dynamodb_table" "notes" {',
    '  name         = "notes"',
    '  hash_key     = "note_id"',
    rangeKey,
    '  billing_mode = "PAY_PER_REQUEST"',
    '  attribute {',
    '    name = "note_id"',
    '    type = "S"',
    '  }',
    '  attribute {',
    '    name = "owner"',
    '    type = "S"',
    '  }',
    '  global_secondary_index {',
    '    name            = "by-owner"',
    '    hash_key        = "owner"',
    '    projection_type = "ALL"',
    '  }',
    '}',
  ].join('\n');
}

const onePage = (files: Record<string, string>, view?: null): string[] => hintsOfFile(files, 'app/notes.py', view).filter((hint) => hint.endsWith('dynamodb-query!'));

describe('a Query on a table without a sort key', () => {
  it('gets no one-page finding when it names the partition key; a Query of an index keeps it', () => {
    const files = { 'main.tf': table(''), 'app/notes.py': HANDLER };
    assert.deepEqual(onePage(files), ['11:query dynamodb-query!']);
  });

  it('keeps the finding when the table has a sort key, when the sort key is not written literally, and without the workspace', () => {
    assert.deepEqual(onePage({ 'main.tf': table('  range_key    = "version"'), 'app/notes.py': HANDLER }), ['11:query dynamodb-query!', '7:query dynamodb-query!']);
    assert.deepEqual(onePage({ 'main.tf': table('  range_key    = var.sort_key'), 'app/notes.py': HANDLER }), ['11:query dynamodb-query!', '7:query dynamodb-query!']);
    assert.deepEqual(onePage({ 'main.tf': table(''), 'app/notes.py': HANDLER }, null), ['11:query dynamodb-query!', '7:query dynamodb-query!']);
  });

  it('CDK: a table whose props are spread from elsewhere may have a sort key', () => {
    const stack = (props: string) => [
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import { Stack } from 'aws-cdk-lib';",
      'export class NotesStack extends Stack {',
      '  constructor(scope: any, id: string) {',
      '    super(scope, id);',
      `    new dynamodb.Table(this, 'Notes', { tableName: 'notes', partitionKey: { name: 'note_id', type: dynamodb.AttributeType.STRING }${props} });`,
      '  }',
      '}',
    ].join('\n');
    const handler = HANDLER.split('\n').slice(0, 8).join('\n');
    assert.deepEqual(onePage({ 'lib/notes-stack.ts': stack(''), 'app/notes.py': handler }), []);
    assert.deepEqual(onePage({ 'lib/notes-stack.ts': stack(', ...shared'), 'app/notes.py': handler }), ['7:query dynamodb-query!']);
  });

  it('gets no one-page finding for equalities on both keys of a table with a sort key', () => {
    const withVersion = table('  range_key    = "version"').replace('  global_secondary_index {', '  attribute {\n    name = "version"\n    type = "S"\n  }\n  global_secondary_index {\n    range_key       = "note_id"');
    const handler = (condition: string, index = '') => [
      'import boto3',
      'from boto3.dynamodb.conditions import Key',
      '',
      'notes = boto3.resource("dynamodb").Table("notes")',
      '',
      'def get_version(note_id, version):',
      `    found = notes.query(${index}KeyConditionExpression=${condition})`,
      '    return found["Items"]',
    ].join('\n');
    const run = (code: string): string[] => onePage({ 'main.tf': withVersion, 'app/notes.py': code });
    assert.deepEqual(run(handler('Key("note_id").eq(note_id) & Key("version").eq(version)')), []);
    assert.deepEqual(run(handler('"note_id = :n AND version = :v", ExpressionAttributeValues={":n": note_id, ":v": version}')), []);
    // A range of sort keys, or an index (whose keys any number of items may share), can span pages.
    assert.deepEqual(run(handler('Key("note_id").eq(note_id) & Key("version").begins_with(version)')), ['7:query dynamodb-query!']);
    assert.deepEqual(run(handler('Key("owner").eq(note_id) & Key("note_id").eq(version)', 'IndexName="by-owner", ')), ['7:query dynamodb-query!']);
  });
});
