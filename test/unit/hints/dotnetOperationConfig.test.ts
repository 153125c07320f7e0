/**
 * C#: the object persistence model's `DynamoDBOperationConfig`, which any context call takes: its options are read
 * as those of the call it goes to (inline, or through a local or field the calls of its block pass).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const USINGS = ['using System.Collections.Generic;', 'using System.Threading.Tasks;', 'using Amazon.DynamoDBv2;', 'using Amazon.DynamoDBv2.DataModel;', 'using Amazon.DynamoDBv2.DocumentModel;', ''];

const options = (hints: string[]): string[] => hints.filter((hint) => !/:(?:QueryAsync|ScanAsync|LoadAsync|SaveAsync) /.test(hint));

describe('C# DynamoDBOperationConfig', () => {
  it('reads the options of a config held in a local, passed inline, or kept in a field, as those of the call it goes to', () => {
    const code = sourceLines(
      ...USINGS,
      'public class RankingRepository',
      '{',
      '    private readonly IDynamoDBContext _context;',
      '    private readonly DynamoDBOperationConfig _byTitle = new DynamoDBOperationConfig { IndexName = "Title-index" };',
      '    public RankingRepository(IDynamoDBContext context) { _context = context; }',
      '',
      '    public async Task<List<Ranking>> ByUser(int userId, string prefix)',
      '    {',
      '        var config = new DynamoDBOperationConfig',
      '        {',
      '            QueryFilter = new List<ScanCondition> { new ScanCondition("Title", ScanOperator.BeginsWith, prefix) }',
      '        };',
      '        return await _context.QueryAsync<Ranking>(userId, config).GetRemainingAsync();',
      '    }',
      '',
      '    public Task<List<Ranking>> ByTitle(string title) => _context.QueryAsync<Ranking>(title, _byTitle).GetRemainingAsync();',
      '',
      '    public Task<Ranking> Latest(int userId) => _context.LoadAsync<Ranking>(userId, new DynamoDBOperationConfig { ConsistentRead = true });',
      '',
      '    public Task<List<Ranking>> FromIndex(string title) =>',
      '        _context.QueryAsync<Ranking>(title, new DynamoDBOperationConfig { IndexName = "Title-index", ConsistentRead = true }).GetRemainingAsync();',
      '}',
    );
    const hints = hintsIn('RankingRepository.cs', code);
    assert.deepEqual(options(hints).sort(), [
      '10:IndexName dynamodb-index-name',
      '17:QueryFilter dynamodb-filter-expression',
      '24:ConsistentRead dynamodb-consistent-read',
      '27:ConsistentRead dynamodb-consistent-read',
      '27:ConsistentRead dynamodb-consistent-read!',
      '27:IndexName dynamodb-index-name',
    ], hints.join('\n'));
  });

  it('keeps the conditions of a Scan as its filter when a config goes with them', () => {
    const code = sourceLines(
      ...USINGS,
      'public class Users',
      '{',
      '    private readonly DynamoDBContext _context;',
      '    public Users(DynamoDBContext context) { _context = context; }',
      '    public async Task<List<User>> Active()',
      '    {',
      '        var conditions = new List<ScanCondition> { new ScanCondition("Status", ScanOperator.Equal, "active") };',
      '        var config = new DynamoDBOperationConfig { ConsistentRead = true };',
      '        return await _context.ScanAsync<User>(conditions, config).GetRemainingAsync();',
      '    }',
      '}',
    );
    const hints = hintsIn('Users.cs', code);
    assert.deepEqual(options(hints).sort(), ['14:ConsistentRead dynamodb-consistent-read', '15:conditions dynamodb-filter-expression', '15:conditions dynamodb-filter-expression!'], hints.join('\n'));
  });

  it('says nothing where the calls that take the config disagree, where it goes elsewhere, or without the SDK namespace', () => {
    const shared = sourceLines(
      ...USINGS,
      'public class Orders',
      '{',
      '    private readonly IDynamoDBContext _context;',
      '    public Orders(IDynamoDBContext context) { _context = context; }',
      '    public async Task Both(string id)',
      '    {',
      '        var config = new DynamoDBOperationConfig { IndexName = "Status-index" };',
      '        await _context.QueryAsync<Order>(id, config).GetRemainingAsync();',
      '        await _context.ScanAsync<Order>(new List<ScanCondition>(), config).GetRemainingAsync();',
      '        var saved = new DynamoDBOperationConfig { SkipVersionCheck = true, IndexName = "x" };',
      '        await _context.SaveAsync(new Order(), saved);',
      '        Register(new DynamoDBOperationConfig { IndexName = "y" });',
      '    }',
      '    private void Register(DynamoDBOperationConfig config) { }',
      '}',
    );
    assert.deepEqual(hintsIn('Orders.cs', shared).filter((hint) => hint.includes('IndexName')), []);
    const ownType = sourceLines(
      'using System.Threading.Tasks;',
      'public class DynamoDBOperationConfig { public string IndexName { get; set; } }',
      'public class Store',
      '{',
      '    public Task<Item> Get(Repo repo) => repo.QueryAsync<Item>("id", new DynamoDBOperationConfig { IndexName = "gsi" });',
      '}',
    );
    assert.deepEqual(hintsIn('Store.cs', ownType), []);
  });

  it("reads a document model ScanFilter the function fills as the Scan's legacy ScanFilter, in a ScanOperationConfig or passed to Table.Scan", () => {
    const code = sourceLines(
      ...USINGS,
      'public class TitleSearch',
      '{',
      '    private readonly DynamoDBContext _context;',
      '    private readonly Table _titles;',
      '    public TitleSearch(DynamoDBContext context, Table titles) { _context = context; _titles = titles; }',
      '    public async Task<List<Title>> ByTag(string tag)',
      '    {',
      '        ScanFilter filter = new();',
      '        filter.AddCondition("Tags", ScanOperator.Contains, tag);',
      '        return await _context.FromScanAsync<Title>(new ScanOperationConfig { IndexName = "Tag-index", Filter = filter }).GetRemainingAsync();',
      '    }',
      '    public async Task<List<Document>> Longer(int minutes)',
      '    {',
      '        var filter = new ScanFilter();',
      '        filter.AddCondition("Minutes", ScanOperator.GreaterThan, minutes);',
      '        return await _titles.Scan(filter).GetRemainingAsync();',
      '    }',
      '    public async Task<List<Document>> Everything()',
      '    {',
      '        var config = new ScanOperationConfig { Filter = new ScanFilter() };',
      '        return await _titles.Scan(config).GetRemainingAsync();',
      '    }',
      '    public async Task<List<Document>> Given(ScanFilter filter) => await _titles.Scan(filter).GetRemainingAsync();',
      '}',
    );
    const hints = hintsIn('TitleSearch.cs', code).filter((hint) => hint.includes('dynamodb-filter-expression'));
    assert.deepEqual(hints.map((hint) => hint.replace(/:\d+ .*?(dynamodb-filter-expression!?).*/, ' $1')).sort(), [
      '16:filter dynamodb-filter-expression',
      '16:filter dynamodb-filter-expression!',
      '22:filter dynamodb-filter-expression',
      '22:filter dynamodb-filter-expression!',
    ], hints.join('\n'));
  });

  it('gives the hover, and no finding, to a ScanOperationConfig Filter a helper builds, and nothing to a parameter, a null or an empty one', () => {
    const code = sourceLines(
      ...USINGS,
      'public class CatalogSearch<T>',
      '{',
      '    private readonly IDynamoDBContext _context;',
      '    private readonly SearchConditions _conditions;',
      '    public CatalogSearch(IDynamoDBContext context, SearchConditions conditions) { _context = context; _conditions = conditions; }',
      '    public async Task<List<Document>> Page(ScanFilter given)',
      '    {',
      '        var config = new ScanOperationConfig',
      '        {',
      '            Limit = 25,',
      '            Filter = _conditions.ToScanFilter(),', // 17
      '        };',
      '        var search = _context.GetTargetTable<T>().Scan(config);',
      '        var all = new List<Document>();',
      '        do { all.AddRange(await search.GetNextSetAsync()); } while (!search.IsDone);',
      '        var byCaller = await _context.GetTargetTable<T>().Scan(new ScanOperationConfig { Filter = given }).GetRemainingAsync();', // 22
      '        var none = await _context.GetTargetTable<T>().Scan(new ScanOperationConfig { Filter = null }).GetRemainingAsync();', // 23
      '        var empty = new ScanFilter();',
      '        var unfiltered = await _context.GetTargetTable<T>().Scan(new ScanOperationConfig { Filter = empty }).GetRemainingAsync();', // 25
      '        return all;',
      '    }',
      '}',
    );
    const hints = hintsIn('CatalogSearch.cs', code).filter((hint) => hint.includes('dynamodb-filter-expression'));
    assert.deepEqual(hints, ['17:Filter dynamodb-filter-expression'], hints.join('\n'));
  });
});
