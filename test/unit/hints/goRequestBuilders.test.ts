/**
 * Go inputs built by a function the call does not show: a closure that a pagination loop calls for each page
 * (`createQuery(lastKey)`), and a helper declared in another file of the package or in another package of the
 * module (`in := buildQuery(pk); in.Limit = aws.Int32(10)`). The call is read with the options the builder
 * sets; their hovers stay where the builder writes them. The traps: a closure that returns the project's own
 * struct, and helpers whose name two files declare.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const IMPORTS = [
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-sdk-go-v2/aws"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
  ')',
];

describe('Go inputs built by closures and by helpers of other files', () => {
  it('reads a closure\'s input at each call in a pagination loop, and a Limit it sets as one page on purpose', () => {
    const found = hintsIn(
      'internal/store/orders.go',
      sourceLines(
        'package store',
        ...IMPORTS,
        'type Orders struct {',
        '\tclient *dynamodb.Client',
        '\ttable  string',
        '}',
        'func (o *Orders) ByOwner(ctx context.Context, owner string) ([]map[string]types.AttributeValue, error) {',
        '\tcreateQuery := func(start map[string]types.AttributeValue) *dynamodb.QueryInput {',
        '\t\treturn &dynamodb.QueryInput{',
        '\t\t\tTableName:              aws.String(o.table),',
        '\t\t\tIndexName:              aws.String("by-owner"),',
        '\t\t\tKeyConditionExpression: aws.String("owner = :o"),',
        '\t\t\tExclusiveStartKey:      start,',
        '\t\t}',
        '\t}',
        '\tvar items []map[string]types.AttributeValue',
        '\tvar lastKey map[string]types.AttributeValue',
        '\tfor {',
        '\t\tout, err := o.client.Query(ctx, createQuery(lastKey))',
        '\t\tif err != nil {',
        '\t\t\treturn nil, err',
        '\t\t}',
        '\t\titems = append(items, out.Items...)',
        '\t\tif lastKey = out.LastEvaluatedKey; lastKey == nil {',
        '\t\t\treturn items, nil',
        '\t\t}',
        '\t}',
        '}',
        'func (o *Orders) Latest(ctx context.Context, owner string) (*dynamodb.QueryOutput, error) {',
        '\tnewest := func() *dynamodb.QueryInput {',
        '\t\treturn &dynamodb.QueryInput{TableName: aws.String(o.table), KeyConditionExpression: aws.String("owner = :o"), Limit: aws.Int32(1)}',
        '\t}',
        '\tin := newest()',
        '\tin.ConsistentRead = aws.Bool(true)',
        '\treturn o.client.Query(ctx, in)',
        '}',
        'func (o *Orders) Count(ctx context.Context) (*dynamodb.ScanOutput, error) {',
        '\tcounting := func() *dynamodb.ScanInput { return &dynamodb.ScanInput{TableName: aws.String(o.table), Select: types.SelectCount} }',
        '\treturn o.client.Scan(ctx, counting())',
        '}',
      ),
    );
    for (const hint of ['17:IndexName dynamodb-index-name', '25:Query dynamodb-query', '37:Limit dynamodb-limit', '40:ConsistentRead dynamodb-consistent-read', '41:Query dynamodb-query', '45:Scan dynamodb-scan', '45:Scan dynamodb-scan!']) {
      assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
    }
    // The loop pages; the closure's Limit asks for one item on purpose, and the caller's own assignment joins that request.
    assert.ok(!found.includes('25:Query dynamodb-query!') && !found.includes('41:Query dynamodb-query!'), found.join('\n'));
  });

  it('gives nothing for a closure that returns the project\'s own struct', () => {
    const found = hintsIn(
      'internal/store/pages.go',
      sourceLines(
        'package store',
        ...IMPORTS,
        'type Page struct{ Limit int32 }',
        'func pages(ctx context.Context, client *dynamodb.Client, table string) (*dynamodb.QueryOutput, error) {',
        '\tdefaults := func() *Page { return &Page{Limit: 50} }',
        '\tpage := defaults()',
        '\tpage.Limit = 10',
        '\treturn client.Query(ctx, &dynamodb.QueryInput{TableName: aws.String(table), KeyConditionExpression: aws.String("pk = :p")})',
        '}',
      ),
    );
    assert.ok(!found.some((hint) => /^1[0-3]:/.test(hint)), found.join('\n'));
    assert.ok(found.includes('14:Query dynamodb-query!'), found.join('\n'));
  });
});
