/**
 * C#: a document model ScanFilter a method fills and hands to a method of the project (a search service or
 * repository over Table.Scan) is read at that argument as a filtered Scan: it can filter nothing else. Handed to
 * the SDK's own Table.Scan, the Scan's request reads it once, at the Scan.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const filterHints = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.includes('dynamodb-filter-expression'));

describe('C# ScanFilters handed to the project', () => {
  it('reads a filled ScanFilter handed to a project method, once where the SDK scans it, and not an empty one or a QueryFilter', () => {
    const code = sourceLines(
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2.DocumentModel;',
      'using Menus.Search;',
      '',
      'public class SearchMenusHandler',
      '{',
      '    private readonly IMenuSearch _search;',
      '    private readonly Table _menus;',
      '    public SearchMenusHandler(IMenuSearch search, Table menus) { _search = search; _menus = menus; }',
      '',
      '    public async Task<MenuPage> HandleAsync(string text)',
      '    {',
      '        var filter = new ScanFilter();',
      '        filter.AddCondition("Name", ScanOperator.Contains, text);',
      '        return await _search.ScanAsync(filter);', // 15
      '    }',
      '',
      '    public async Task<MenuPage> EverythingAsync() => await _search.ScanAsync(new ScanFilter());', // 18
      '',
      '    public async Task<int> CountAsync(string text)',
      '    {',
      '        var filter = new ScanFilter();',
      '        filter.AddCondition("Name", ScanOperator.Contains, text);',
      '        return (await _menus.Scan(filter).GetRemainingAsync()).Count;', // 24
      '    }',
      '',
      '    public async Task<MenuPage> ForOwnerAsync(string owner)',
      '    {',
      '        var byOwner = new QueryFilter("Owner", QueryOperator.Equal, owner);',
      '        return await _search.QueryAsync(byOwner);', // 30
      '    }',
      '}',
    );
    assert.deepEqual(filterHints('SearchMenusHandler.cs', code).sort(), [
      '15:filter dynamodb-filter-expression',
      '15:filter dynamodb-filter-expression!',
      '24:filter dynamodb-filter-expression',
      '24:filter dynamodb-filter-expression!',
    ]);
  });
});
