/**
 * Audit 13 (public Java and C# services): an import of DynamoDB Local's server is not an import of the SDK
 * for Java 1.x, and the `ScanCondition`s of a .NET object persistence scan are its filter.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findingsIn = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('!'));

describe('audit 13: DynamoDB Local imports, .NET ScanConditions', () => {
  describe('DynamoDB Local in a Java file', () => {
    it('reads an import of the local server or its runner as no SDK 1.x client', () => {
      const code = sourceLines(
        'package shop.dev;',
        '',
        'import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;',
        'import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;',
        'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
        '',
        'public class LocalTables {',
        '    private DynamoDBProxyServer server;',
        '',
        '    public void start(DynamoDbClient client) throws Exception {',
        '        server = ServerRunner.createServerFromCommandLineArgs(new String[] {"-inMemory"});',
        '        server.start();',
        '    }',
        '}',
      );
      assert.deepEqual(findingsIn('LocalTables.java', code), []);
    });

    it('still flags a 1.x client the same file imports after it', () => {
      const code = sourceLines(
        'package shop.dev;',
        '',
        'import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;',
        'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
        '',
        'public class EmbeddedTables {',
        '    public AmazonDynamoDB client() {',
        '        return DynamoDBEmbedded.create().amazonDynamoDB();',
        '    }',
        '}',
      );
      assert.deepEqual(findingsIn('EmbeddedTables.java', code), ['4:com.amazonaws.services.dynamodbv2.AmazonDynamoDB aws-sdk-end-of-support!']);
    });

    it('still flags a package that only starts like it (`localindex` is no DynamoDB Local package)', () => {
      const code = sourceLines('import com.amazonaws.services.dynamodbv2.localindex.Helper;', 'public class A {}');
      assert.equal(findingsIn('A.java', code).length, 1);
    });
  });

  describe('.NET DynamoDBContext scans with ScanConditions', () => {
    const header = ['using Amazon.DynamoDBv2.DataModel;', '', 'public class ProductStore', '{', '    private readonly IDynamoDBContext _context;', ''];

    it('reports a scan by a condition list written in place, in a local or filled with Add', () => {
      const code = sourceLines(
        ...header,
        '    public async Task<Product> ById(string id)',
        '    {',
        '        var conditions = new List<ScanCondition> { new ScanCondition("Id", ScanOperator.Equal, id) };',
        '        var found = await _context.ScanAsync<Product>(conditions).GetRemainingAsync();',
        '        return found.FirstOrDefault();',
        '    }',
        '',
        '    public Task<List<Product>> Cheap(decimal max) =>',
        '        _context.ScanAsync<Product>(new[] { new ScanCondition("Price", ScanOperator.LessThan, max) }).GetRemainingAsync();',
        '',
        '    public async Task<List<Product>> InCategory(string category, bool inStock)',
        '    {',
        '        var conditions = new List<ScanCondition>();',
        '        conditions.Add(new ScanCondition("Category", ScanOperator.Equal, category));',
        '        if (inStock)',
        '        {',
        '            conditions.Add(new ScanCondition("Stock", ScanOperator.GreaterThan, 0));',
        '        }',
        '        return await _context.ScanAsync<Product>(conditions).GetRemainingAsync();',
        '    }',
        '',
        '    public IEnumerable<Product> Named(string name) => _context.Scan<Product>(new ScanCondition("Name", ScanOperator.Equal, name));',
        '}',
      );
      assert.deepEqual(findingsIn('ProductStore.cs', code), [
        '10:conditions dynamodb-filter-expression!',
        '15:new[] { new ScanCondition("Price", ScanOperator.LessThan, max) } dynamodb-filter-expression!',
        '25:conditions dynamodb-filter-expression!',
        '28:new ScanCondition("Name", ScanOperator.Equal, name) dynamodb-filter-expression!',
      ]);
      const hints = hintsIn('ProductStore.cs', code);
      assert.ok(hints.includes('10:conditions dynamodb-filter-expression'), hints.join('\n'));
      assert.ok(hints.includes('10:ScanAsync dynamodb-scan'), hints.join('\n'));
    });

    it('stays silent on a scan with no conditions, conditions from elsewhere, or a non-DynamoDB ScanAsync', () => {
      const code = sourceLines(
        ...header,
        '    public Task<List<Product>> All() => _context.ScanAsync<Product>(new List<ScanCondition>()).GetRemainingAsync();',
        '',
        '    public async Task<List<Product>> Everything()',
        '    {',
        '        var conditions = new List<ScanCondition>();',
        '        return await _context.ScanAsync<Product>(conditions).GetRemainingAsync();',
        '    }',
        '',
        '    public Task<List<Product>> Matching(IEnumerable<ScanCondition> conditions) => _context.ScanAsync<Product>(conditions).GetRemainingAsync();',
        '',
        '    public Task<List<Product>> Other(IEnumerable<ScanCondition> given)',
        '    {',
        '        var conditions = new List<ScanCondition>(given);',
        '        return _context.ScanAsync<Product>(conditions).GetRemainingAsync();',
        '    }',
        '',
        '    public Task<List<Product>> Search(Index index) => index.ScanAsync<Product>(new ScanCondition("Name", ScanOperator.Equal, "x"));',
        '}',
      );
      assert.deepEqual(findingsIn('ProductStore.cs', code), []);
    });

    it('keeps reading a config next to the conditions (the Scan still gets its filter)', () => {
      const code = sourceLines(
        ...header,
        '    public Task<List<Product>> Archived() =>',
        '        _context.ScanAsync<Product>(',
        '            new List<ScanCondition> { new ScanCondition("Archived", ScanOperator.Equal, true) },',
        '            new DynamoDBOperationConfig { OverrideTableName = "products-archive" }).GetRemainingAsync();',
        '}',
      );
      assert.deepEqual(findingsIn('ProductStore.cs', code), ['9:new List<ScanCondition> { new ScanCondition("Archived", ScanOperator.Equal, true) } dynamodb-filter-expression!']);
    });
  });
});
