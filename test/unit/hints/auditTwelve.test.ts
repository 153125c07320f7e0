/**
 * Audit 12 (public Java, C# and TypeScript services): a local keeps the client type it is declared with when
 * a later assignment cannot be followed, .NET `GetTargetTable<T>()` gives the document-model table, generic
 * methods (`Get<T>(...)`, also with a C# `where T : class` constraint) are functions of their own, and a C#
 * alias of a project's own request type is not the SDK's request.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findingsIn = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('!'));

describe('audit 12: declared locals, GetTargetTable, generic methods, C# aliases', () => {
  describe('a Java or C# local declared with a client type and set later', () => {
    it('keeps its type when the call that sets it cannot be followed (Jedis 2 Pool<Jedis>)', () => {
      const code = sourceLines(
        'package shop.cache;',
        '',
        'import java.util.Set;',
        'import redis.clients.jedis.Jedis;',
        'import redis.clients.util.Pool;',
        '',
        'public class SessionCache {',
        '    private Pool<Jedis> pool;',
        '',
        '    public Set<String> sessions(String prefix) {',
        '        Jedis jedis = null;',
        '        try {',
        '            jedis = pool.getResource();',
        '            return jedis.keys(prefix + "*");',
        '        } finally {',
        '            if (jedis != null) {',
        '                pool.returnResource(jedis);',
        '            }',
        '        }',
        '    }',
        '',
        '    public String dropAll() {',
        '        Jedis jedis;',
        '        jedis = pool.getResource();',
        '        return jedis.flushAll();',
        '    }',
        '}',
      );
      assert.deepEqual(findingsIn('SessionCache.java', code), ['14:keys redis-keys!', '25:flushAll redis-flush!']);
    });

    it('keeps a C# client interface through a later assignment (StackExchange.Redis)', () => {
      const code = sourceLines(
        'using StackExchange.Redis;',
        '',
        'public class Prices',
        '{',
        '    private readonly ICacheSource source;',
        '',
        '    public async Task Warm(IEnumerable<string> ids)',
        '    {',
        '        IDatabase cache = null;',
        '        cache = source.Database();',
        '        foreach (var id in ids)',
        '        {',
        '            await cache.StringSetAsync(id, "0");',
        '        }',
        '    }',
        '}',
      );
      assert.deepEqual(findingsIn('Prices.cs', code), ['13:StringSetAsync redis-loop-round-trips!']);
    });

    it('stays silent for a var local, a project type and a local declared without a client type', () => {
      const code = sourceLines(
        'package shop.cache;',
        '',
        'import java.util.Set;',
        'import redis.clients.jedis.Jedis;',
        'import redis.clients.util.Pool;',
        '',
        'public class Lookups {',
        '    private Pool<Jedis> pool;',
        '    private Registry registry;',
        '',
        '    public Set<String> names(String prefix) {',
        '        var jedis = registry.first();',
        '        jedis = registry.next();',
        '        return jedis.keys(prefix);',
        '    }',
        '',
        '    public Set<String> local(String prefix) {',
        '        NameIndex index = null;',
        '        index = registry.index();',
        '        return index.keys(prefix);',
        '    }',
        '}',
      );
      assert.deepEqual(hintsIn('Lookups.java', code), []);
    });
  });

  describe('.NET GetTargetTable<T>()', () => {
    const search = (body: string[]): string =>
      sourceLines(
        'using Amazon.DynamoDBv2.DataModel;',
        'using Amazon.DynamoDBv2.DocumentModel;',
        '',
        'public class MenuSearch<TEntity>(IDynamoDBContext context) where TEntity : class',
        '{',
        '    private readonly IDynamoDBContext context = context;',
        '',
        '    public async Task<List<TEntity>> Find(ScanFilter filter)',
        '    {',
        '        var results = new List<TEntity>();',
        '        var table = context.GetTargetTable<TEntity>();',
        ...body,
        '        return results;',
        '    }',
        '}',
      );

    it('is the document-model table: a search read for one page gets the one-page finding', () => {
      const code = search(['        var search = table.Scan(filter);', '        var page = await search.GetNextSetAsync();', '        results.AddRange(context.FromDocuments<TEntity>(page));']);
      assert.deepEqual(findingsIn('MenuSearch.cs', code), ['12:Scan dynamodb-scan!']);
    });

    it('stays silent when the search is read to its end', () => {
      const code = search([
        '        var search = table.Query(new QueryFilter("pk", QueryOperator.Equal, "menu"));',
        '        do',
        '        {',
        '            results.AddRange(context.FromDocuments<TEntity>(await search.GetNextSetAsync()));',
        '        } while (!search.IsDone);',
      ]);
      assert.deepEqual(findingsIn('MenuSearch.cs', code), []);
      assert.ok(hintsIn('MenuSearch.cs', code).includes('12:Query dynamodb-query'));
    });

    it('creates batches and transactions of the table (hovers only: its batches resend unprocessed items as the context’s do)', () => {
      const code = search([
        '        var write = table.CreateBatchWrite();',
        '        var read = table.CreateBatchGet();',
        '        var change = table.CreateTransactWrite();',
        '        var look = Table.LoadTable(new AmazonDynamoDBClient(), "menus").CreateTransactGet();',
        '        await write.ExecuteAsync();',
      ]);
      assert.deepEqual(hintsIn('MenuSearch.cs', code), [
        '12:CreateBatchWrite dynamodb-batch-write-item',
        '13:CreateBatchGet dynamodb-batch-get-item',
        '14:CreateTransactWrite dynamodb-transact-write-items',
        '15:CreateTransactGet dynamodb-transact-get-items',
      ]);
    });

    it('gives nothing on a receiver that is not a DynamoDB context', () => {
      const code = sourceLines(
        'using Amazon.DynamoDBv2.DocumentModel;',
        '',
        'public class Catalog',
        '{',
        '    private readonly ICatalogStore store;',
        '',
        '    public void Find(ScanFilter filter)',
        '    {',
        '        var table = store.GetTargetTable<Menu>();',
        '        var search = table.Scan(filter);',
        '    }',
        '}',
      );
      assert.deepEqual(hintsIn('Catalog.cs', code), []);
    });
  });

  describe('generic methods are functions of their own', () => {
    it('C#: an UnprocessedItems check in another generic method (with a where constraint) no longer covers a batch get', () => {
      const code = sourceLines(
        'using Amazon.DynamoDBv2;',
        'using Amazon.DynamoDBv2.Model;',
        '',
        'public class Store',
        '{',
        '    private readonly IAmazonDynamoDB client;',
        '',
        '    public async Task<List<T>> GetMany<T>(BatchGetItemRequest request, CancellationToken token) where T : class',
        '    {',
        '        var response = await client.BatchGetItemAsync(request, token);',
        '        return Convert<T>(response.Responses);',
        '    }',
        '',
        '    public async Task DeleteMany<T>(ICollection<T> items, CancellationToken token) where T : class, new()',
        '    {',
        '        var response = await client.BatchWriteItemAsync(Build(items), token);',
        '        if (response.UnprocessedItems.Count > 0)',
        '            throw new InvalidOperationException("some items were not deleted");',
        '    }',
        '}',
      );
      assert.deepEqual(findingsIn('Store.cs', code), ['10:BatchGetItemAsync dynamodb-batch-get-item!']);
    });

    it('TypeScript: the same in generic class methods', () => {
      const code = sourceLines(
        "import { DynamoDBClient, BatchGetItemCommand, BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';",
        '',
        'const client = new DynamoDBClient({});',
        '',
        'export class Store {',
        '  async getMany<T>(keys: T[]): Promise<T[]> {',
        "    const out = await client.send(new BatchGetItemCommand({ RequestItems: { orders: { Keys: [] } } }));",
        '    return out.Responses as T[];',
        '  }',
        '',
        '  async putMany<T extends object>(items: T[]): Promise<void> {',
        "    const out = await client.send(new BatchWriteItemCommand({ RequestItems: { orders: [] } }));",
        "    if (out.UnprocessedItems) throw new Error('retry');",
        '  }',
        '}',
      );
      assert.deepEqual(findingsIn('store.ts', code), ['7:BatchGetItemCommand dynamodb-batch-get-item!']);
    });

    it('stays silent where the generic method checks its own unprocessed items or pages its own query', () => {
      const code = sourceLines(
        'using Amazon.DynamoDBv2;',
        'using Amazon.DynamoDBv2.Model;',
        '',
        'public class Store',
        '{',
        '    private readonly IAmazonDynamoDB client;',
        '',
        '    public async Task<List<T>> GetMany<T>(BatchGetItemRequest request) where T : class',
        '    {',
        '        var response = await client.BatchGetItemAsync(request);',
        '        while (response.UnprocessedKeys.Count > 0)',
        '        {',
        '            response = await client.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = response.UnprocessedKeys });',
        '        }',
        '        return Convert<T>(response.Responses);',
        '    }',
        '',
        '    public async Task<List<T>> All<T>(QueryRequest request) where T : class',
        '    {',
        '        var items = new List<Dictionary<string, AttributeValue>>() { };',
        '        do',
        '        {',
        '            var page = await client.QueryAsync(request);',
        '            items.AddRange(page.Items);',
        '            request.ExclusiveStartKey = page.LastEvaluatedKey;',
        '        } while (request.ExclusiveStartKey.Count > 0);',
        '        return Convert<T>(items);',
        '    }',
        '}',
      );
      assert.deepEqual(findingsIn('Store.cs', code), []);
    });
  });

  describe('C# aliases of a project type named like an SDK request', () => {
    it('gives no request hovers to the aliased type, and keeps those of an alias of the SDK type', () => {
      const code = sourceLines(
        'using Amazon.DynamoDBv2;',
        'using Amazon.DynamoDBv2.Model;',
        'using QueryRequest = Acme.Storage.QueryRequest;',
        'using SdkScan = Amazon.DynamoDBv2.Model.ScanRequest;',
        'using ScanRequest = Amazon.DynamoDBv2.Model.ScanRequest;',
        '',
        'public class Repo',
        '{',
        '    public Task<IList<T>> ById<T>(object id) => Find<T>(new QueryRequest { KeyConditionExpression = "pk = :pk", Filter = new { pk = id } });',
        '',
        '    public Task<IList<T>> Find<T>(QueryRequest request) => Run<T>(request);',
        '',
        '    public ScanRequest All() => new ScanRequest { TableName = "orders", ConsistentRead = true };',
        '}',
      );
      const found = hintsIn('Repo.cs', code);
      assert.ok(!found.some((hint) => hint.startsWith('9:') || hint.startsWith('11:')), found.join('\n'));
      assert.ok(found.includes('13:ConsistentRead dynamodb-consistent-read'), found.join('\n'));
    });
  });
});
