/**
 * .NET object persistence model: the context's multi-table batches (`CreateMultiTableBatchGet`,
 * `CreateMultiTableBatchWrite`) and `ExecuteBatchGet`/`ExecuteBatchWrite` of batch objects are BatchGetItem and
 * BatchWriteItem requests with their hovers; the SDK resends their unprocessed part, as for `CreateBatchWrite`, so
 * nothing is reported of it.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const REPOSITORY = sourceLines(
  'using Amazon.DynamoDBv2.DataModel;',
  '',
  'public class CatalogRepository',
  '{',
  '    private readonly IDynamoDBContext _context;',
  '    public CatalogRepository(IDynamoDBContext context) { _context = context; }',
  '',
  '    public async Task LoadAsync(IEnumerable<string> ids)',
  '    {',
  '        var products = _context.CreateBatchGet<Product>();',
  '        var prices = _context.CreateBatchGet<Price>();',
  '        var both = _context.CreateMultiTableBatchGet(products, prices);', // 12
  '        await both.ExecuteAsync();',
  '        await _context.ExecuteBatchGetAsync(products, prices);', // 14
  '    }',
  '',
  '    public async Task SaveAllAsync(List<Product> items)',
  '    {',
  '        var write = _context.CreateBatchWrite<Product>();',
  '        write.AddPutItems(items);',
  '        await _context.ExecuteBatchWriteAsync(new BatchWrite[] { write });', // 21
  '        var multi = _context.CreateMultiTableBatchWrite(write);', // 22
  '        await multi.ExecuteAsync();',
  '    }',
  '}',
);

describe('.NET: the context\'s multi-table batches and ExecuteBatch calls', () => {
  it('hovers them as batch requests and reports nothing of their unprocessed part', () => {
    const hints = hintsIn('Repositories/CatalogRepository.cs', REPOSITORY);
    for (const expected of ['12:CreateMultiTableBatchGet dynamodb-batch-get-item', '14:ExecuteBatchGetAsync dynamodb-batch-get-item', '21:ExecuteBatchWriteAsync dynamodb-batch-write-item', '22:CreateMultiTableBatchWrite dynamodb-batch-write-item']) {
      assert.ok(hints.includes(expected), `${expected}\n${hints.join('\n')}`);
    }
    assert.deepEqual(hints.filter((hint) => hint.endsWith('!')), []);
  });
});
