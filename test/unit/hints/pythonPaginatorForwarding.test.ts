/**
 * Python: the options a caller hands a same-file helper that pages through a boto3 paginator with them
 * (`paginator.paginate(TableName=t, **kwargs)`), written as keywords or spread from a dict the caller builds,
 * also through a filtered copy of the keyword arguments (`query = {k: v for k, v in kwargs.items() if v}`),
 * are options of the paginator's request. What stays silent: a helper's own named parameter, a copy that is
 * not of the keyword arguments, and a paginator of another service.
 */
import * as assert from 'node:assert/strict';
import { hintsInWorkspace } from '../workspace/support';
import { sourceLines } from './support';

const REPOSITORY = sourceLines(
  'import boto3',
  '',
  '',
  'class Notes:',
  '    def __init__(self):',
  '        self.dynamodb = boto3.resource("dynamodb")',
  '',
  '    def by_author(self, author):',
  '        return list(self._pages(IndexName="by_author", KeyConditionExpression="author = :a", ExpressionAttributeValues={":a": author}))',
  '',
  '    def by_topic(self, topic, newest=False):',
  '        query = {',
  '            "IndexName": "by_topic",',
  '            "KeyConditionExpression": "topic = :t",',
  '            "ExpressionAttributeValues": {":t": topic},',
  '        }',
  '        if newest:',
  '            query["ScanIndexForward"] = False',
  '        return list(self._filtered(limit=5, **query))',
  '',
  '    def _pages(self, **kwargs):',
  '        paginator = self.dynamodb.meta.client.get_paginator("query")',
  '        for page in paginator.paginate(TableName="notes", **kwargs):',
  '            yield from page["Items"]',
  '',
  '    def _filtered(self, limit, **kwargs):',
  '        query = {key: value for key, value in kwargs.items() if value}',
  '        paginator = self.dynamodb.meta.client.get_paginator("query")',
  '        for page in paginator.paginate(TableName="notes", PaginationConfig={"MaxItems": limit}, **query):',
  '            yield from page["Items"]',
);

describe('Python: options a helper hands on to a paginator', () => {
  it('reads the keywords and the spread dict of each caller as the Query paginator\'s options', () => {
    const found = hintsInWorkspace(undefined, 'notes.py', REPOSITORY);
    for (const expected of ['9:IndexName dynamodb-index-name', '9:KeyConditionExpression dynamodb-key-condition-expression', '13:"IndexName" dynamodb-index-name', '14:"KeyConditionExpression" dynamodb-key-condition-expression']) {
      assert.ok(found.includes(expected), `${expected}\n${found.join('\n')}`);
    }
    assert.deepEqual(found.filter((hint) => hint.startsWith('19:') || hint.endsWith('!')), [], found.join('\n'));
  });

  it('keeps silent where the copy is not of the keyword arguments or the paginator is not DynamoDB\'s', () => {
    const other = sourceLines(
      'import boto3',
      '',
      '',
      'def listed(**kwargs):',
      '    s3 = boto3.client("s3")',
      '    for page in s3.get_paginator("list_objects_v2").paginate(**kwargs):',
      '        yield page',
      '',
      '',
      'def scanned(defaults, **kwargs):',
      '    client = boto3.client("dynamodb")',
      '    options = {key: value for key, value in defaults.items() if value}',
      '    paginator = client.get_paginator("scan")',
      '    return list(paginator.paginate(TableName="notes", **options))',
      '',
      '',
      'def run():',
      '    listed(Bucket="notes", Prefix="a")',
      '    scanned({"FilterExpression": "x"}, IndexName="by_topic")',
    );
    const found = hintsInWorkspace(undefined, 'other.py', other);
    assert.deepEqual(found.filter((hint) => hint.startsWith('18:') || hint.startsWith('19:')), [], found.join('\n'));
  });
});
