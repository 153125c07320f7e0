/**
 * C#: ScanConditions a service writes and hands to a repository method of another file that scans with them
 * (`code/languages/classScanHelperCalls.ts`), and conditions written as target-typed `new(...)` elements or a
 * collection expression (`code/dotnetScanConditions.ts`): each is a Scan that reads the whole table and filters.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { hintsIn, realHintRules, sourceLines } from './support';

const FILTER = 'dynamodb-filter-expression';

/** The filter findings and the Scan and filter hovers of `file`, read beside the other files (workspace mode). */
function scansIn(files: Record<string, string>, file: string): { findings: string[]; hovers: string[] } {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, workspace: built });
  const at = (start: number, end: number): string => `${result.lines.lineOf(start) + 1}:${files[file].slice(start, end).split('(')[0]}`;
  return {
    findings: result.findings.filter((finding) => finding.ruleId === FILTER).map((finding) => at(finding.start, finding.end)),
    hovers: result.sites.flatMap((site) => site.ruleIds.filter((id) => id === FILTER || id === 'dynamodb-scan').map((id) => `${at(site.start, site.end)} ${id}`)),
  };
}

const GENERIC_CONTEXT = sourceLines(
  'using System.Collections.Generic;',
  'using System.Threading.Tasks;',
  'using Amazon.DynamoDBv2;',
  'using Amazon.DynamoDBv2.DataModel;',
  'namespace Shop.Data',
  '{',
  '    public interface IStore<T> where T : class',
  '    {',
  '        Task<IEnumerable<T>> Where(IEnumerable<ScanCondition> conditions);',
  '        Task<IEnumerable<T>> Filtered(string tag, IEnumerable<ScanCondition> query);',
  '    }',
  '    public class Store<T> : DynamoDBContext, IStore<T> where T : class',
  '    {',
  '        public Store(IAmazonDynamoDB client) : base(client) { }',
  '        public async Task<IEnumerable<T>> Where(IEnumerable<ScanCondition> conditions) => await base.ScanAsync<T>(conditions).GetRemainingAsync();',
  '        public async Task<IEnumerable<T>> Filtered(string tag, IEnumerable<ScanCondition> query)',
  '        {',
  '            var config = new DynamoDBOperationConfig { QueryFilter = new List<ScanCondition>(query) };',
  '            return await base.QueryAsync<T>(tag, config).GetRemainingAsync();',
  '        }',
  '    }',
  '}',
);

const SERVICE = sourceLines(
  'using System.Collections.Generic;',
  'using System.Threading.Tasks;',
  'using Amazon.DynamoDBv2.DataModel;',
  'using Amazon.DynamoDBv2.DocumentModel;',
  'using Shop.Data;',
  'namespace Shop.Services',
  '{',
  '    public class OrderService',
  '    {',
  '        private readonly IStore<Order> _orders;',
  '        public OrderService(IStore<Order> orders) { _orders = orders; }',
  '        public Task<IEnumerable<Order>> Pending()',
  '        {',
  '            List<ScanCondition> conditions = new List<ScanCondition>',
  '            {',
  '                new ScanCondition("State", ScanOperator.Equal, "pending")', // 16
  '            };',
  '            return _orders.Where(conditions);', // 18
  '        }',
  '        public Task<IEnumerable<Order>> ByTag(string tag)',
  '        {',
  '            var conditions = new List<ScanCondition> { new ScanCondition("Kind", ScanOperator.Equal, "gift") };',
  '            return _orders.Filtered(tag, conditions);', // 23: a Query's filter, not a Scan
  '        }',
  '        public Task<IEnumerable<Order>> Everything() => _orders.Where(new List<ScanCondition>());', // 25: no filter
  '        public Task<IEnumerable<Order>> Given(List<ScanCondition> given) => _orders.Where(given);', // 26: the caller's
  '    }',
  '}',
);

describe('C# ScanConditions handed to a repository that scans with them', () => {
  it('reads the service call as a filtered Scan, the filter at the first condition it writes', () => {
    const files = { 'Shop.Data/Store.cs': GENERIC_CONTEXT, 'Shop.Services/OrderService.cs': SERVICE };
    const { findings, hovers } = scansIn(files, 'Shop.Services/OrderService.cs');
    assert.deepEqual(findings, ['16:new ScanCondition']);
    assert.deepEqual(hovers.sort(), [`16:new ScanCondition ${FILTER}`, '18:Where dynamodb-scan']);
  });

  it('reads nothing without the repository in the workspace; a test stub of its interface that sends nothing leaves it the one', () => {
    assert.deepEqual(scansIn({ 'Shop.Services/OrderService.cs': SERVICE }, 'Shop.Services/OrderService.cs'), { findings: [], hovers: [] });
    const stub = sourceLines(
      'using System.Collections.Generic;',
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2.DataModel;',
      'namespace Shop.Tests',
      '{',
      '    public class MemoryStore<T> : IStore<T> where T : class',
      '    {',
      '        public Task<IEnumerable<T>> Where(IEnumerable<ScanCondition> conditions) => Task.FromResult<IEnumerable<T>>(new List<T>());',
      '        public Task SaveAsync(T item) => Task.CompletedTask;',
      '    }',
      '}',
    );
    const files = { 'Shop.Data/Store.cs': GENERIC_CONTEXT, 'Shop.Data/MemoryStore.cs': stub, 'Shop.Services/OrderService.cs': SERVICE };
    assert.deepEqual(scansIn(files, 'Shop.Services/OrderService.cs').findings, ['16:new ScanCondition']);
  });
});

describe('C# ScanConditions written as target-typed elements or a collection expression', () => {
  it('reads a list of target-typed conditions, a collection expression and `new() { ... }`, not an empty one', () => {
    const code = sourceLines(
      'using System.Collections.Generic;',
      'using Amazon.DynamoDBv2.DataModel;',
      'using Amazon.DynamoDBv2.DocumentModel;',
      'public class Orders',
      '{',
      '    private readonly IDynamoDBContext _context;',
      '    public Orders(IDynamoDBContext context) { _context = context; }',
      '    public async Task<List<Order>> ById(int id)',
      '    {',
      '        var conditions = new List<ScanCondition> { new("OrderId", ScanOperator.Equal, id) };',
      '        return await _context.ScanAsync<Order>(conditions).GetRemainingAsync();', // 11
      '    }',
      '    public async Task<List<Order>> ByState(string state)',
      '    {',
      '        List<ScanCondition> conditions = [new("State", ScanOperator.Equal, state)];',
      '        return await _context.ScanAsync<Order>(conditions).GetRemainingAsync();', // 16
      '    }',
      '    public async Task<List<Order>> ByOwner(string owner)',
      '    {',
      '        List<ScanCondition> conditions = new() { new("Owner", ScanOperator.Equal, owner) };',
      '        return await _context.ScanAsync<Order>(conditions).GetRemainingAsync();', // 21
      '    }',
      '    public async Task<List<Order>> All()',
      '    {',
      '        List<ScanCondition> conditions = [];',
      '        var none = new List<ScanCondition> { };',
      '        await _context.ScanAsync<Order>(none).GetRemainingAsync();',
      '        return await _context.ScanAsync<Order>(conditions).GetRemainingAsync();',
      '    }',
      '}',
    );
    const lines = hintsIn('Orders.cs', code).filter((hint) => hint.includes(`${FILTER}!`)).map((hint) => hint.split(':')[0]);
    assert.deepEqual(lines, ['11', '16', '21']);
  });
});
