/**
 * A Scan that pins a partition key among other filter conditions (`pk = :p AND status <> :s`), and a Scan of an
 * index filtered on the index's partition key: a Query reads only those items, keeping the rest as its filter. A
 * Serverless service's table and index, and a data-access class whose table and index names default to the
 * function's environment, as handlers write them.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules } from '../hints/support';
import { workspaceOf } from './support';

const SERVICE = [
  'service: articles',
  'provider:',
  '  name: aws',
  '  runtime: nodejs20.x',
  '  environment:',
  '    ARTICLES_TABLE: articles-${sls:stage}',
  '    BY_SLUG_INDEX: bySlug',
  'functions:',
  '  read:',
  '    handler: src/articles.handler',
  'resources:',
  '  Resources:',
  '    ArticlesTable:',
  '      Type: AWS::DynamoDB::Table',
  '      Properties:',
  '        TableName: ${self:provider.environment.ARTICLES_TABLE}',
  '        BillingMode: PAY_PER_REQUEST',
  '        AttributeDefinitions:',
  '          - AttributeName: authorId',
  '            AttributeType: S',
  '          - AttributeName: articleId',
  '            AttributeType: S',
  '          - AttributeName: slug',
  '            AttributeType: S',
  '        KeySchema:',
  '          - AttributeName: authorId',
  '            KeyType: HASH',
  '          - AttributeName: articleId',
  '            KeyType: RANGE',
  '        GlobalSecondaryIndexes:',
  '          - IndexName: ${self:provider.environment.BY_SLUG_INDEX}',
  '            KeySchema:',
  '              - AttributeName: slug',
  '                KeyType: HASH',
  '            Projection:',
  '              ProjectionType: ALL',
].join('\n');

function handler(scans: string[]): string[] {
  return [
    "import * as AWS from 'aws-sdk';",
    '',
    'export class ArticleAccess {',
    '  constructor(',
    '    private readonly docClient = new AWS.DynamoDB.DocumentClient(),',
    '    private readonly table = process.env.ARTICLES_TABLE,',
    '    private readonly bySlug = process.env.BY_SLUG_INDEX,',
    '  ) {}',
    '',
    ...scans,
    '}',
    '',
    'const access = new ArticleAccess();',
    'export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify(await access.read(event)) });',
  ];
}

function scan(name: string, options: string[]): string[] {
  return [`  async ${name}(a: string, b: string) {`, '    const result = await this.docClient.scan({', '      TableName: this.table,', ...options.map((option) => `      ${option}`), '    }).promise();', '    return result.Items;', '  }'];
}

function scanByKey(scans: string[][]): { line: number; message: string }[] {
  const code = handler(scans.flat()).join('\n');
  const file = 'src/articles.ts';
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, workspace: workspaceOf({ 'serverless.yml': SERVICE, [file]: code }) });
  return result.findings.filter((finding) => finding.ruleId === 'dynamodb-workspace-scan-by-key').map((finding) => ({ line: result.lines.lineOf(finding.start) + 1, message: finding.message }));
}

describe('a Scan that pins a partition key among other filter conditions, or an index\'s partition key', () => {
  it('points a Scan of the index filtered on its partition key to a Query on the index, with the rest as its filter', () => {
    const found = scanByKey([
      scan('bySlugOnly', ['IndexName: this.bySlug,', "FilterExpression: 'slug = :s',", "ExpressionAttributeValues: { ':s': a },"]),
      scan('bySlugNotMine', ['IndexName: this.bySlug,', "FilterExpression: 'authorId <> :a AND slug = :s',", "ExpressionAttributeValues: { ':a': a, ':s': b },"]),
    ]);
    assert.deepEqual(
      found.map(({ message }) => message),
      [
        "This Scan reads the whole index bySlug of table ArticlesTable to keep the items of one value of the index's partition key 'slug': a Query on the index reads only those items.",
        "This Scan reads the whole index bySlug of table ArticlesTable to keep the items of one value of the index's partition key 'slug': a Query on the index reads only those items, with the rest of the filter as its FilterExpression.",
      ],
    );
  });

  it('points a table Scan that pins the partition key beside <>, contains, attribute_exists, BETWEEN and parentheses to a Query', () => {
    const found = scanByKey([
      scan('drafts', ["FilterExpression: '#a = :a AND #st <> :p AND contains(tags, :t)',", "ExpressionAttributeNames: { '#a': 'authorId', '#st': 'status' },", "ExpressionAttributeValues: { ':a': a, ':p': 'published', ':t': b },"]),
      scan('recent', ["FilterExpression: 'createdAt BETWEEN :from AND :to AND authorId = :a AND (attribute_exists(pinned) OR score > :m)',", "ExpressionAttributeValues: { ':a': a, ':from': b, ':to': b, ':m': 3 },"]),
      scan('keyed', ["FilterExpression: 'authorId = :a AND articleId = :i',", "ExpressionAttributeValues: { ':a': a, ':i': b },"]),
    ]);
    assert.equal(found.length, 3);
    assert.match(found[0].message, /one partition key 'authorId' value: a Query on it reads only those items, with the rest of the filter as its FilterExpression\.$/);
    assert.match(found[1].message, /with the rest of the filter as its FilterExpression\.$/);
    assert.match(found[2].message, /the one item whose primary key it filters on: GetItem reads just that item\.$/);
  });

  it('leaves alone an OR at the top level, an unknown #name, a value on the left, a filter without the key, and a Query', () => {
    const found = scanByKey([
      scan('either', ["FilterExpression: 'authorId = :a OR featured = :f',", "ExpressionAttributeValues: { ':a': a, ':f': true },"]),
      scan('unknownName', ["FilterExpression: '#a = :a AND #st <> :p',", 'ExpressionAttributeNames: names,', "ExpressionAttributeValues: { ':a': a, ':p': b },"]),
      scan('flipped', ["FilterExpression: ':a = authorId AND views > :v',", "ExpressionAttributeValues: { ':a': a, ':v': 10 },"]),
      scan('notKey', ['IndexName: this.bySlug,', "FilterExpression: 'authorId = :a AND title <> :t',", "ExpressionAttributeValues: { ':a': a, ':t': b },"]),
      scan('negated', ["FilterExpression: 'NOT authorId = :a AND views > :v',", "ExpressionAttributeValues: { ':a': a, ':v': 10 },"]),
    ]);
    assert.deepEqual(found, []);
  });
});
