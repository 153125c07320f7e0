/**
 * Go inputs built by a function the call does not show: a closure that a pagination loop calls for each page
 * (`createQuery(lastKey)`), and a helper declared in another file of the package or in another package of the
 * module (`in := buildQuery(pk); in.Limit = aws.Int32(10)`). The call is read with the options the builder
 * sets; their hovers stay where the builder writes them. The traps: a closure that returns the project's own
 * struct, and helpers whose name two files declare.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';
import { hintsOfFile } from '../workspace/support';

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

  /** A repository whose queries other files of its package build, and a v1 helper package that builds one with setters. */
  const HELPERS = sourceLines(
    'package repository',
    ...IMPORTS,
    'func ownerQuery(table, owner string) *dynamodb.QueryInput {',
    '\treturn &dynamodb.QueryInput{TableName: aws.String(table), IndexName: aws.String("by-owner"), KeyConditionExpression: aws.String("owner = :o")}',
    '}',
    'func latestQuery(table, owner string) *dynamodb.QueryInput {',
    '\tin := ownerQuery(table, owner)',
    '\tin.Limit = aws.Int32(1)',
    '\treturn in',
    '}',
    'func activeScan(table string) (*dynamodb.ScanInput, error) {',
    '\tin := &dynamodb.ScanInput{TableName: aws.String(table), Limit: aws.Int32(100), FilterExpression: aws.String("active = :t")}',
    '\treturn in, nil',
    '}',
  );
  const REPOSITORY = sourceLines(
    'package repository',
    ...IMPORTS,
    'type Repository struct {',
    '\tclient *dynamodb.Client',
    '\ttable  string',
    '}',
    'func (r *Repository) ByOwner(ctx context.Context, owner string) (*dynamodb.QueryOutput, error) {',
    '\tin := ownerQuery(r.table, owner)',
    '\tin.Limit = aws.Int32(10)',
    '\treturn r.client.Query(ctx, in)',
    '}',
    'func (r *Repository) AllOfOwner(ctx context.Context, owner string) (*dynamodb.QueryOutput, error) {',
    '\treturn r.client.Query(ctx, ownerQuery(r.table, owner))',
    '}',
    'func (r *Repository) Latest(ctx context.Context, owner string) (*dynamodb.QueryOutput, error) {',
    '\treturn r.client.Query(ctx, latestQuery(r.table, owner))',
    '}',
    'func (r *Repository) Active(ctx context.Context) (*dynamodb.ScanOutput, error) {',
    '\tin, err := activeScan(r.table)',
    '\tif err != nil {',
    '\t\treturn nil, err',
    '\t}',
    '\tin.ConsistentRead = aws.Bool(true)',
    '\treturn r.client.Scan(ctx, in)',
    '}',
  );

  it('reads a call with the input a helper of another file of the package builds, completed by the caller', () => {
    const files = { 'go.mod': sourceLines('module example.com/shop'), 'internal/repository/queries.go': HELPERS, 'internal/repository/repository.go': REPOSITORY };
    const found = hintsOfFile(files, 'internal/repository/repository.go');
    for (const hint of ['15:Limit dynamodb-limit', '16:Query dynamodb-query', '19:Query dynamodb-query', '19:Query dynamodb-query!', '22:Query dynamodb-query', '29:ConsistentRead dynamodb-consistent-read', '30:Scan dynamodb-scan!']) {
      assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
    }
    // The caller's Limit, and the helper's own (through a helper it calls), ask for one page on purpose.
    assert.ok(!found.includes('16:Query dynamodb-query!') && !found.includes('22:Query dynamodb-query!'), found.join('\n'));
    // The helper's options get their hovers and findings in its own file, not at the call.
    assert.ok(!found.some((hint) => /IndexName|FilterExpression|KeyCondition/.test(hint)), found.join('\n'));
    // Alone, the file knows nothing of the helpers.
    assert.ok(hintsIn('repository.go', REPOSITORY).includes('16:Query dynamodb-query!'));
  });

  it('reads a builder of another package of the module, and nothing for a name two files of the package declare', () => {
    const queries = sourceLines(
      'package queries',
      'import (',
      '\t"github.com/aws/aws-sdk-go/aws"',
      '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
      ')',
      'func ByDay(table, day string) (*dynamodb.QueryInput, error) {',
      '\tinput := new(dynamodb.QueryInput)',
      '\tinput.SetTableName(table)',
      '\tinput.SetKeyConditionExpression("day = :d")',
      '\tinput.SetLimit(50)',
      '\treturn input, nil',
      '}',
      'func unexported(table string) *dynamodb.QueryInput { return &dynamodb.QueryInput{TableName: aws.String(table), Limit: aws.Int64(1)} }',
    );
    const handler = sourceLines(
      'package main',
      'import (',
      '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
      '\t"example.com/traffic/internal/queries"',
      ')',
      'func handle(db *dynamodb.DynamoDB, day string) (*dynamodb.QueryOutput, error) {',
      '\tinput, err := queries.ByDay("traffic", day)',
      '\tif err != nil {',
      '\t\treturn nil, err',
      '\t}',
      '\treturn db.Query(input)',
      '}',
      'func other(db *dynamodb.DynamoDB) (*dynamodb.QueryOutput, error) {',
      '\treturn db.Query(queries.unexported("traffic"))',
      '}',
    );
    const files = { 'go.mod': sourceLines('module example.com/traffic'), 'internal/queries/day.go': queries, 'cmd/handler/main.go': handler };
    const found = hintsOfFile(files, 'cmd/handler/main.go');
    assert.ok(found.includes('11:Query dynamodb-query') && !found.includes('11:Query dynamodb-query!'), found.join('\n'));
    assert.ok(found.includes('14:Query dynamodb-query!'), found.join('\n'));
    // Two files of the package declare `ownerQuery` (build tags): the index cannot tell which one the call runs.
    const twice = { ...files, 'internal/repository/queries.go': HELPERS, 'internal/repository/queries_other.go': HELPERS, 'internal/repository/repository.go': REPOSITORY };
    assert.ok(hintsOfFile(twice, 'internal/repository/repository.go').includes('16:Query dynamodb-query!'));
  });
});
