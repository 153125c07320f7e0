/**
 * C#: a generic type named for pages (`Task<Pagination<T>>`, `new PaginatedList<T>(...)`) is the shape a result is
 * handed back in, not a sign that the read continues: a function that reads one page of a Scan and returns it in
 * one keeps its finding, while one that hands back the search's `PaginationToken` or loops until `IsDone` pages.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const scanFindings = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('dynamodb-scan!'));

describe('C# page result types', () => {
  it('reports a one-page Scan returned in a page type, and not one whose token or loop continues it', () => {
    const code = sourceLines(
      'using System.Collections.Generic;',
      'using System.Linq;',
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2.DataModel;',
      'using Amazon.DynamoDBv2.DocumentModel;',
      '',
      'public class ListingSearch<T> where T : class',
      '{',
      '    private readonly IDynamoDBContext _context;',
      '    public ListingSearch(IDynamoDBContext context) { _context = context; }',
      '',
      '    public async Task<Pagination<T>> FirstAsync()',
      '    {',
      '        var search = _context.GetTargetTable<T>().Scan(new ScanOperationConfig { Limit = 200 });', // 14
      '        var documents = await search.GetNextSetAsync();',
      '        return new Pagination<T> { Data = _context.FromDocuments<T>(documents).ToList() };',
      '    }',
      '',
      '    public async Task<PaginatedList<T>> PageAsync(string token)',
      '    {',
      '        var search = _context.GetTargetTable<T>().Scan(new ScanOperationConfig { Limit = 200, PaginationToken = token });', // 21
      '        var documents = await search.GetNextSetAsync();',
      '        return new PaginatedList<T>(_context.FromDocuments<T>(documents).ToList(), search.PaginationToken);',
      '    }',
      '',
      '    public async Task<Pagination<T>> AllAsync()',
      '    {',
      '        var search = _context.GetTargetTable<T>().Scan(new ScanOperationConfig());', // 28
      '        var items = new List<T>();',
      '        do { items.AddRange(_context.FromDocuments<T>(await search.GetNextSetAsync())); } while (!search.IsDone);',
      '        return new Pagination<T> { Data = items };',
      '    }',
      '}',
    );
    assert.deepEqual(scanFindings(hintsIn('ListingSearch.cs', code)), ['14:Scan dynamodb-scan!']);
  });
});
