/**
 * A Go batch wrapper that returns the BatchGetItem or BatchWriteItem output whole leaves `UnprocessedKeys` /
 * `UnprocessedItems` to its callers: a caller that reads them around its call (in another file through the interface
 * the wrapper's type satisfies, in another package, or in the wrapper's own file) retries the batch, and the wrapper's
 * call gets its hover and no finding. A wrapper no caller retries, one that drops the output, and a caller that only
 * checks the error keep the finding at the wrapper.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from '../hints/support';
import { hintsOfFile as hints } from './support';

const GO_MOD = sourceLines('module example.com/gallery', '', 'go 1.22');

const FETCHER = sourceLines(
  'package ddb',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
  ')',
  '',
  'type fetcher struct {',
  '\tdb    *dynamodb.Client',
  '\ttable string',
  '}',
  '',
  'func (f *fetcher) Fetch(ctx context.Context, keys []map[string]types.AttributeValue) (*dynamodb.BatchGetItemOutput, error) {',
  '\treturn f.db.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{', // 16
  '\t\tRequestItems: map[string]types.KeysAndAttributes{f.table: {Keys: keys}},',
  '\t})',
  '}',
);

const READER = sourceLines(
  'package ddb',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
  ')',
  '',
  'type Fetcher interface {',
  '\tFetch(ctx context.Context, keys []map[string]types.AttributeValue) (*dynamodb.BatchGetItemOutput, error)',
  '}',
  '',
  'func ReadAll(ctx context.Context, f Fetcher, table string, keys []map[string]types.AttributeValue) ([]map[string]types.AttributeValue, error) {',
  '\tvar items []map[string]types.AttributeValue',
  '\tfor len(keys) > 0 {',
  '\t\tout, err := f.Fetch(ctx, keys)',
  '\t\tif err != nil {',
  '\t\t\treturn nil, err',
  '\t\t}',
  '\t\titems = append(items, out.Responses[table]...)',
  '\t\tkeys = out.UnprocessedKeys[table].Keys',
  '\t}',
  '\treturn items, nil',
  '}',
);

describe('workspace: a Go batch wrapper whose callers retry what comes back unprocessed', () => {
  it('leaves the retry to a caller of another file that reads UnprocessedKeys around its call through an interface', () => {
    const files = { 'go.mod': GO_MOD, 'internal/ddb/fetcher.go': FETCHER, 'internal/ddb/reader.go': READER };
    const found = hints(files, 'internal/ddb/fetcher.go');
    assert.ok(found.includes('16:BatchGetItem dynamodb-batch-get-item') && !found.includes('16:BatchGetItem dynamodb-batch-get-item!'), found.join('\n'));
    // Alone, or where the caller only checks the error, the wrapper's batch is reported as before.
    assert.ok(hintsIn('internal/ddb/fetcher.go', FETCHER).includes('16:BatchGetItem dynamodb-batch-get-item!'));
    const errorOnly = READER.replace('\t\tkeys = out.UnprocessedKeys[table].Keys', '\t\tkeys = nil');
    assert.ok(hints({ ...files, 'internal/ddb/reader.go': errorOnly }, 'internal/ddb/fetcher.go').includes('16:BatchGetItem dynamodb-batch-get-item!'));
    // A caller that calls the SDK client itself is no caller of the wrapper.
    const direct = READER.replace('f Fetcher', 'f *dynamodb.Client').replace('f.Fetch(ctx, keys)', 'f.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{})');
    assert.ok(hints({ ...files, 'internal/ddb/reader.go': direct }, 'internal/ddb/fetcher.go').includes('16:BatchGetItem dynamodb-batch-get-item!'));
  });

  it('follows a package function called from another package, and a wrapper that drops the output keeps its finding', () => {
    const asFunction = FETCHER.replace('func (f *fetcher) Fetch(', 'func Fetch(f *fetcher, ');
    const caller = READER.replace('package ddb', 'package gallery')
      .replace('\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"', '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"\n\n\t"example.com/gallery/internal/ddb"')
      .replace('f.Fetch(ctx, keys)', 'ddb.Fetch(nil, ctx, keys)');
    const files = { 'go.mod': GO_MOD, 'internal/ddb/fetcher.go': asFunction, 'internal/gallery/reader.go': caller };
    const found = hints(files, 'internal/ddb/fetcher.go');
    assert.ok(found.includes('16:BatchGetItem dynamodb-batch-get-item') && !found.includes('16:BatchGetItem dynamodb-batch-get-item!'), found.join('\n'));
    const drops = FETCHER.replace('\treturn f.db.BatchGetItem(', '\t_, err := f.db.BatchGetItem(').replace('\t})\n}', '\t})\n\treturn nil, err\n}');
    assert.ok(hints({ ...files, 'internal/ddb/fetcher.go': drops, 'internal/ddb/reader.go': READER }, 'internal/ddb/fetcher.go').includes('16:BatchGetItem dynamodb-batch-get-item!'));
  });

  it('counts a caller of the same file that resends the unprocessed writes, not one that ignores them', () => {
    const code = sourceLines(
      'package archive',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      ')',
      '',
      'type Writer struct{ db *dynamodb.Client }',
      '',
      'func (w *Writer) send(ctx context.Context, items map[string][]types.WriteRequest) (*dynamodb.BatchWriteItemOutput, error) {',
      '\tout, err := w.db.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: items})', // 13
      '\treturn out, err',
      '}',
      '',
      'func (w *Writer) WriteAll(ctx context.Context, items map[string][]types.WriteRequest) error {',
      '\tfor len(items) > 0 {',
      '\t\tout, err := w.send(ctx, items)',
      '\t\tif err != nil {',
      '\t\t\treturn err',
      '\t\t}',
      '\t\titems = out.UnprocessedItems',
      '\t}',
      '\treturn nil',
      '}',
    );
    const found = hintsIn('writer.go', code);
    assert.ok(found.includes('13:BatchWriteItem dynamodb-batch-write-item') && !found.includes('13:BatchWriteItem dynamodb-batch-write-item!'), found.join('\n'));
    const ignores = code.replace('\t\titems = out.UnprocessedItems', '\t\titems = nil\n\t\t_ = out');
    assert.ok(hintsIn('writer.go', ignores).includes('13:BatchWriteItem dynamodb-batch-write-item!'));
  });
});
