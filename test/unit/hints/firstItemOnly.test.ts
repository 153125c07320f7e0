/**
 * A Query whose result the code uses only for its first item gets no one-page finding: without a filter that
 * item is on the first page. Any other use of the result or its items, a filter, a request built where its
 * options are not all seen, and a Scan keep the finding.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const queryFindings = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith(' dynamodb-query!'));

function pythonRepository(...body: string[]): string {
  return sourceLines(
    'import boto3',
    'from boto3.dynamodb.conditions import Attr, Key',
    '',
    'dynamodb = boto3.resource("dynamodb")',
    '',
    '',
    'class AccountRepository:',
    '    def __init__(self, table_name):',
    '        self.table = dynamodb.Table(table_name)',
    '',
    ...body,
  );
}

describe('a Query read only for its first item', () => {
  it('Python: the items indexed at 0, tested, counted or logged, through the response or an items variable', () => {
    const shapes = [
      [
        '    def owner(self, account):',
        '        response = self.table.query(KeyConditionExpression=Key("account").eq(account))',
        '        items = response.get("Items", [])',
        '        if items:',
        '            return items[0]',
        '        return None',
      ],
      ['    def owner(self, account):', '        return self.table.query(KeyConditionExpression=Key("account").eq(account))["Items"][0]'],
      [
        '    async def owner(self, account):',
        '        found = await self.table.query(KeyConditionExpression=Key("account").eq(account))',
        '        print(found)',
        '        if len(found["Items"]) == 0:',
        '            return None',
        '        first = found["Items"][0]',
        '        return first if found["ResponseMetadata"]["HTTPStatusCode"] == 200 else None',
      ],
      [
        '    def owner(self, account):',
        '        data = self.table.query(KeyConditionExpression=Key("account").eq(account))',
        '        rows = data["Items"]',
        '        print(rows)',
        '        return rows[0]["name"] if rows else None',
      ],
      [
        '    def owner(self, account):',
        '        response = self.table.query(KeyConditionExpression=Key("account").eq(account))',
        '        print(response["Items"])',
        '        rows = response["Items"]',
        '        print(type(rows))',
        '        logger.debug(len(rows))',
        '        return rows[0]["name"]',
      ],
    ];
    for (const body of shapes) {
      assert.deepEqual(queryFindings('repository.py', pythonRepository(...body)), [], body.join('\n'));
    }
  });

  it('Python: keeps the finding for every other use, a filter, a request passed whole, and two reads into one name', () => {
    const shapes = [
      // The items returned, iterated, indexed past 0, or passed on.
      ['    def movements(self, account):', '        response = self.table.query(KeyConditionExpression=Key("account").eq(account))', '        items = response["Items"]', '        return items'],
      ['    def movements(self, account):', '        response = self.table.query(KeyConditionExpression=Key("account").eq(account))', '        return [i["id"] for i in response["Items"]]'],
      ['    def movements(self, account):', '        items = self.table.query(KeyConditionExpression=Key("account").eq(account))["Items"]', '        return items[0], items[1]'],
      ['    def movements(self, account):', '        response = self.table.query(KeyConditionExpression=Key("account").eq(account))', '        return response'],
      // A count of the items kept, or a described value used for more than a log line.
      ['    def movements(self, account):', '        rows = self.table.query(KeyConditionExpression=Key("account").eq(account))["Items"]', '        total = len(rows)', '        return rows[0], total'],
      ['    def movements(self, account):', '        rows = self.table.query(KeyConditionExpression=Key("account").eq(account))["Items"]', '        print(str(rows), rows[1])', '        return rows[0]'],
      // Count counts the first page only.
      ['    def movements(self, account):', '        response = self.table.query(KeyConditionExpression=Key("account").eq(account))', '        return response["Items"][0], response["Count"]'],
      ['    def movements(self, account):', '        response = self.table.query(KeyConditionExpression=Key("account").eq(account))', '        self.cache = response["Items"]', '        return response["Items"][0]'],
      // A filter may leave the first page empty while a later one matches.
      [
        '    def movements(self, account):',
        '        response = self.table.query(KeyConditionExpression=Key("account").eq(account), FilterExpression=Attr("open").eq(True))',
        '        return response["Items"][0]',
      ],
      // Options of a dict passed whole are not all seen: a filter may be among them.
      ['    def movements(self, account, params):', '        response = self.table.query(**params)', '        return response["Items"][0]'],
      // The second read into the same name: its uses are not told apart.
      [
        '    def movements(self, account):',
        '        response = self.table.query(KeyConditionExpression=Key("account").eq(account))',
        '        first = response["Items"][0]',
        '        response = self.table.query(KeyConditionExpression=Key("account").eq(first["parent"]))',
        '        return first, response["Items"][0]',
      ],
    ];
    for (const body of shapes) {
      assert.equal(queryFindings('repository.py', pythonRepository(...body)).length > 0, true, body.join('\n'));
    }
  });

  it('Python: the same names read again in another branch after a return, which the first read never reaches', () => {
    // Seen in a user repository: `elif email:` and `elif nickname:` each query an index into `resp` and return its first item.
    const body = [
      '    def find(self, email=None, nickname=None):',
      '        if email:',
      '            resp = self.table.query(IndexName="by-email", KeyConditionExpression=Key("email").eq(email))',
      '            items = resp["Items"]',
      '            return items[0] if items else None',
      '        elif nickname:',
      '            resp = self.table.query(IndexName="by-nick", KeyConditionExpression=Key("nick").eq(nickname))',
      '            items = resp["Items"]',
      '            return items[0] if items else None',
      '        return None',
    ];
    assert.deepEqual(queryFindings('repository.py', pythonRepository(...body)), []);
    // Without the return, the second branch is no other run: the later list use keeps the first read's finding.
    const fallsThrough = [
      '    def find(self, email=None):',
      '        if email:',
      '            resp = self.table.query(IndexName="by-email", KeyConditionExpression=Key("email").eq(email))',
      '            first = resp["Items"][0]',
      '        return resp["Items"]',
    ];
    assert.equal(queryFindings('repository.py', pythonRepository(...fallsThrough)).length, 1);
  });

  it('Python: a Scan read for its first item keeps its finding', () => {
    const code = pythonRepository('    def any_account(self):', '        response = self.table.scan()', '        return response["Items"][0]');
    assert.deepEqual(
      hintsIn('repository.py', code).filter((hint) => hint.endsWith('!')),
      ['12:scan dynamodb-scan!'],
    );
  });

  const goStore = (...body: string[]) =>
    sourceLines(
      'package store',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      ')',
      '',
      'type Store struct {',
      '\tdb *dynamodb.Client',
      '}',
      '',
      'func (s *Store) ByEmail(ctx context.Context, email string) (*User, error) {',
      '\tout, err := s.db.Query(ctx, &dynamodb.QueryInput{',
      '\t\tTableName:              aws.String("users"),',
      '\t\tIndexName:              aws.String("by-email"),',
      '\t\tKeyConditionExpression: aws.String("email = :e"),',
      '\t\tExpressionAttributeValues: map[string]types.AttributeValue{":e": &types.AttributeValueMemberS{Value: email}},',
      '\t})',
      ...body,
      '}',
    );

  it('JavaScript: the SDK v2 callback\'s response read for its first item, past a nested callback\'s own data', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const db = new AWS.DynamoDB.DocumentClient();',
      'exports.latest = (event, context, callback) => {',
      "  const params = { TableName: 'accounts', KeyConditionExpression: 'bank = :b', ExpressionAttributeValues: { ':b': event.bank } };",
      '  db.query(params, function (err, data) {',
      '    if (err) return callback(err);',
      '    if (data.Items.length === 0) return callback(null, null);',
      '    const seen = data.Items[0].seen;',
      "    db.put({ TableName: 'log', Item: { bank: event.bank, seen } }, function (err2, data) {",
      '      callback(err2, data);',
      '    });',
      '  });',
      '};',
      'exports.every = (event, context, callback) => {',
      "  db.query({ TableName: 'accounts', KeyConditionExpression: 'bank = :b', ExpressionAttributeValues: { ':b': event.bank } }, (err, data) => {",
      '    callback(err, data.Items);',
      '  });',
      '};',
      'exports.filtered = (event, context, callback) => {',
      "  db.query({ TableName: 'accounts', KeyConditionExpression: 'bank = :b', FilterExpression: 'open = :o', ExpressionAttributeValues: { ':b': event.bank, ':o': true } }, (err, data) => {",
      '    callback(err, data.Items[0]);',
      '  });',
      '};',
    );
    assert.deepEqual(queryFindings('accounts.js', code), ['15:query dynamodb-query!', '20:query dynamodb-query!']);
  });

  it('Go: the items indexed at 0 after a length, nil or count test', () => {
    const code = goStore(
      '\tif err != nil || len(out.Items) == 0 {',
      '\t\treturn nil, err',
      '\t}',
      '\tvar u User',
      '\terr = attributevalue.UnmarshalMap(out.Items[0], &u)',
      '\treturn &u, err',
    );
    assert.deepEqual(queryFindings('store.go', code), []);
    // The count as the existence test, a pointer's in SDK v1.
    const counted = goStore('\tif err != nil {', '\t\treturn nil, err', '\t}', '\tif out.Count == 0 {', '\t\treturn nil, nil', '\t}', '\tvar u User', '\treturn &u, attributevalue.UnmarshalMap(out.Items[0], &u)');
    assert.deepEqual(queryFindings('store.go', counted), []);
    assert.deepEqual(queryFindings('store.go', counted.replace('out.Count == 0', '*out.Count == 0')), []);
  });

  it('Go: the items decoded into a list used only at its first element and in a length test', () => {
    const decoded = goStore('\tif err != nil {', '\t\treturn nil, err', '\t}', '\tvar users []User', '\terr = attributevalue.UnmarshalListOfMaps(out.Items, &users)', '\tif err != nil || len(users) == 0 {', '\t\treturn nil, err', '\t}', '\treturn &users[0], nil');
    assert.deepEqual(queryFindings('store.go', decoded), []);
  });

  it('Go: keeps the finding when the items are unmarshalled into a list kept whole, or returned', () => {
    const whole = goStore('\tif err != nil {', '\t\treturn nil, err', '\t}', '\tvar users []User', '\terr = attributevalue.UnmarshalListOfMaps(out.Items, &users)', '\ts.all = users', '\treturn &users[0], err');
    assert.deepEqual(queryFindings('store.go', whole), ['17:Query dynamodb-query!']);
    const returned = goStore('\tif err != nil {', '\t\treturn nil, err', '\t}', '\ts.last = out', '\treturn nil, nil');
    assert.deepEqual(queryFindings('store.go', returned), ['17:Query dynamodb-query!']);
    const counted = goStore('\tif err != nil || out.Count == 0 {', '\t\treturn nil, err', '\t}', '\ts.seen += int(out.Count)', '\treturn nil, attributevalue.UnmarshalMap(out.Items[0], &User{})');
    assert.deepEqual(queryFindings('store.go', counted), ['17:Query dynamodb-query!']);
  });
});
