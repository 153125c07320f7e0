/**
 * C#: the document model's `PaginationToken` of a `QueryOperationConfig` or `ScanOperationConfig`, which resumes a
 * search where the previous one stopped, gets the `dynamodb-pagination-keys` hover, as `ExclusiveStartKey` does.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('C# document model pagination tokens', () => {
  it('hovers PaginationToken in a config initializer and set on a config, not a property of the same name elsewhere', () => {
    const code = sourceLines(
      'using System.Collections.Generic;',
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2.DocumentModel;',
      '',
      'public class ListingPages',
      '{',
      '    private readonly Table _table;',
      '    public ListingPages(Table table) { _table = table; }',
      '',
      '    public async Task<Page> Next(string token)',
      '    {',
      '        var search = _table.Scan(new ScanOperationConfig { Limit = 25, PaginationToken = token });',
      '        var items = await search.GetNextSetAsync();',
      '        return new Page { Items = items, PaginationToken = search.PaginationToken };',
      '    }',
      '',
      '    public async Task<List<Document>> ByOwner(string owner, string token)',
      '    {',
      '        var config = new QueryOperationConfig { Filter = new QueryFilter("Owner", QueryOperator.Equal, owner), Limit = 25 };',
      '        config.PaginationToken = token;',
      '        return await _table.Query(config).GetNextSetAsync();',
      '    }',
      '}',
    );
    const tokens = hintsIn('Listings/ListingPages.cs', code).filter((hint) => hint.includes('dynamodb-pagination-keys'));
    assert.deepEqual(tokens, ['12:PaginationToken dynamodb-pagination-keys', '20:PaginationToken dynamodb-pagination-keys']);
  });
});
