/**
 * A Scan's Limit and the one-page finding: a Query's Limit takes the first items in key order (top-N), but a
 * Scan's items come in no useful order, so a page size the caller passes in, or a literal as large as a list's
 * (100 and up), with nothing that continues from LastEvaluatedKey, is a list cut at its first page. A small
 * literal (an existence check, a preview), a Query's Limit, a filter and any pagination marker keep their
 * earlier behaviour.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function findingsOn(found: string[], line: number): string[] {
  return found.filter((hint) => hint.startsWith(`${line}:`) && hint.endsWith('!'));
}

describe('Scan Limit and the one-page finding', () => {
  it('reports a Go v1 Scan whose Limit is the caller\'s page size and whose function never pages', () => {
    const code = sourceLines(
      'package posts',
      '',
      'import (',
      '\t"github.com/aws/aws-sdk-go/aws"',
      '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
      ')',
      '',
      'type Store struct {',
      '\tdb *dynamodb.DynamoDB',
      '}',
      '',
      'func (s *Store) ListPets(limit int) ([]map[string]*dynamodb.AttributeValue, error) {',
      '\tin := &dynamodb.ScanInput{TableName: aws.String("pets"), Limit: aws.Int64(int64(limit))}',
      '\tout, err := s.db.Scan(in)',
      '\tif err != nil {',
      '\t\treturn nil, err',
      '\t}',
      '\treturn out.Items, nil',
      '}',
    );
    assert.deepEqual(findingsOn(hintsIn('store.go', code), 14), ['14:Scan dynamodb-scan!']);
  });

  it('reports a boto3 Scan with a parameter Limit, and a JavaScript Scan with a list-sized literal', () => {
    const python = sourceLines(
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table("events")',
      '',
      'def latest_events(limit: int = 50):',
      '    return table.scan(Limit=limit)["Items"]',
    );
    assert.deepEqual(findingsOn(hintsIn('events.py', python), 6), ['6:scan dynamodb-scan!']);
    const javascript = sourceLines(
      "import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';",
      'const db = new DynamoDBClient({});',
      'export async function exportOrders() {',
      "  const page = await db.send(new ScanCommand({ TableName: 'orders', Limit: 500 }));",
      '  return page.Items;',
      '}',
    );
    assert.deepEqual(findingsOn(hintsIn('export.js', javascript), 4), ['4:ScanCommand dynamodb-scan!']);
  });

  it('stays silent on a small literal Limit (an existence check, a preview) and on a Query with any Limit', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table("events")',
      '',
      'def has_any():',
      '    return len(table.scan(Limit=1)["Items"]) > 0',
      '',
      'def preview():',
      '    return table.scan(Limit=10)["Items"]',
      '',
      'def newest(customer, limit):',
      '    return table.query(KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": customer}, Limit=limit, ScanIndexForward=False)["Items"]',
    );
    const found = hintsIn('events.py', code);
    assert.deepEqual([6, 9, 12].flatMap((line) => findingsOn(found, line)), [], found.join('\n'));
    // The hovers stay.
    assert.ok(found.includes('6:scan dynamodb-scan') && found.includes('12:query dynamodb-query'), found.join('\n'));
  });

  it('stays silent where the Scan pages: a start key in, or LastEvaluatedKey handed back', () => {
    const code = sourceLines(
      'package posts',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      ')',
      '',
      'type Store struct {',
      '\tdb *dynamodb.Client',
      '}',
      '',
      'func (s *Store) Page(ctx context.Context, limit int32, start map[string]types.AttributeValue) (*dynamodb.ScanOutput, error) {',
      '\treturn s.db.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("pets"), Limit: aws.Int32(limit), ExclusiveStartKey: start})',
      '}',
      '',
      'func (s *Store) First(ctx context.Context, limit int32) ([]map[string]types.AttributeValue, map[string]types.AttributeValue, error) {',
      '\tout, err := s.db.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("pets"), Limit: aws.Int32(limit)})',
      '\tif err != nil {',
      '\t\treturn nil, nil, err',
      '\t}',
      '\treturn out.Items, out.LastEvaluatedKey, nil',
      '}',
    );
    const found = hintsIn('store.go', code);
    assert.deepEqual([16, 20].flatMap((line) => findingsOn(found, line)), [], found.join('\n'));
  });
});
