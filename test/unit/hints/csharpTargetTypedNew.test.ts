/**
 * C#'s target-typed `new(...)`: the field or local gets the type it is declared with, not the value of the
 * constructor's argument (`_context = new(client)` is a `DynamoDBContext`, not the client), and a request
 * built with `new() { ... }` carries its options as `new ScanRequest { ... }` does.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function assertHas(found: string[], ...expected: string[]): void {
  for (const hint of expected) {
    assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
  }
}

function assertNoneOnLines(found: string[], ...lineNumbers: number[]): void {
  for (const line of lineNumbers) {
    assert.ok(!found.some((hint) => hint.startsWith(`${line}:`)), `nothing on line ${line} in\n${found.join('\n')}`);
  }
}

const USINGS = ['using Amazon.DynamoDBv2;', 'using Amazon.DynamoDBv2.Model;', 'using Amazon.DynamoDBv2.DataModel;', 'using Amazon.DynamoDBv2.DocumentModel;'];

describe('C# target-typed new', () => {
  it('gives a field set in the constructor, or by its initializer, the declared type', () => {
    const code = sourceLines(
      ...USINGS,
      'public class Store',
      '{',
      '    private readonly DynamoDBContext _context;',
      '    private readonly DynamoDBContext _archive = new(new AmazonDynamoDBClient());',
      '    public Store(AmazonDynamoDBClient client) { _context = new(client); }',
      '    public Task Save(Order order) => _context.SaveAsync(order);',
      '    public Task<Order> Old(string id) => _archive.LoadAsync<Order>(id);',
      '}',
    );
    assertHas(hintsIn('Store.cs', code), '10:SaveAsync dynamodb-update-item', '11:LoadAsync dynamodb-get-item');
  });

  it('gives a local its declared type, and `this.field = new(...)` the field type', () => {
    const code = sourceLines(
      ...USINGS,
      'public class Store',
      '{',
      '    private Table _table;',
      '    public Store(IAmazonDynamoDB db) { this._table = new(db, "orders"); }',
      '    public async Task Run(IAmazonDynamoDB db)',
      '    {',
      '        IDynamoDBContext context = new(db);',
      '        await context.DeleteAsync<Order>("id");',
      '        await _table.GetItemAsync("id");',
      '    }',
      '}',
    );
    assertHas(hintsIn('Store.cs', code), '12:DeleteAsync dynamodb-delete-item', '13:GetItemAsync dynamodb-get-item');
  });

  it('reads the options of a request built with `new() { ... }` from its declared type', () => {
    const code = sourceLines(
      ...USINGS,
      'public class Report',
      '{',
      '    private readonly IAmazonDynamoDB _db;',
      '    public Report(IAmazonDynamoDB db) { _db = db; }',
      '    public async Task<int> Count()',
      '    {',
      '        ScanRequest request = new() { TableName = "orders", Limit = 5 };',
      '        var response = await _db.ScanAsync(request);',
      '        return response.Count;',
      '    }',
      '}',
    );
    assertHas(hintsIn('Report.cs', code), '11:new dynamodb-scan', '11:Limit dynamodb-limit', '12:ScanAsync dynamodb-scan');
  });

  it('does not read the argument as the value of a field of a project type', () => {
    const code = sourceLines(
      ...USINGS,
      'public class Orders',
      '{',
      '    private readonly OrderCache _cache;',
      '    private readonly OrderCache _spare = new(new AmazonDynamoDBClient());',
      '    public Orders(IAmazonDynamoDB db) { _cache = new(db); }',
      '    public Task<Order> One(string id) => _cache.GetItemAsync(id);',
      '    public Task<Order> Two(string id) => _spare.GetItemAsync(id);',
      '    public Task Put(Order order) { Dictionary<string, string> tags = new() { TableName = "x" }; return _cache.PutItemAsync(order); }',
      '}',
    );
    const found = hintsIn('Orders.cs', code);
    assertNoneOnLines(found, 10, 11, 12);
  });
  it('reads a request a method or property returns as `new() { ... }` by the type it declares', () => {
    const code = sourceLines(
      ...USINGS,
      'internal class ShipmentsTable',
      '{',
      '    public CreateTableRequest Definition() => new()',
      '    {',
      '        TableName = "shipments",',
      '        KeySchema = new List<KeySchemaElement> { new("Id", KeyType.HASH) },',
      '        BillingMode = BillingMode.PAY_PER_REQUEST',
      '    };',
      '    public CreateTableRequest Archive()',
      '    {',
      '        return new() { TableName = "archive", GlobalSecondaryIndexes = new List<GlobalSecondaryIndex>() };',
      '    }',
      '    public static CreateTableRequest Current => new() { TableName = "current", BillingMode = BillingMode.PROVISIONED };',
      '}',
    );
    assertHas(
      hintsIn('ShipmentsTable.cs', code),
      '10:KeySchema dynamodb-key-schema',
      '11:BillingMode dynamodb-billing-mode',
      '15:GlobalSecondaryIndexes dynamodb-secondary-index-definition',
      '17:BillingMode dynamodb-billing-mode',
    );
  });

  it('reads no request in a lambda\'s `new()` or in a member that returns a type of the project', () => {
    const code = sourceLines(
      ...USINGS,
      'internal class Shipments',
      '{',
      '    public Shipment Empty() => new() { TableName = "x", BillingMode = "PROVISIONED" };',
      '    public IEnumerable<Shipment> All(IEnumerable<string> ids)',
      '    {',
      '        return ids.Select(id => new Shipment { BillingMode = id });',
      '    }',
      '    public CreateTableRequest Build(IEnumerable<string> names)',
      '    {',
      '        Func<string, Shipment> make = n => new() { BillingMode = n };',
      '        return new CreateTableRequest { TableName = names.First() };',
      '    }',
      '}',
    );
    assertNoneOnLines(hintsIn('Shipments.cs', code), 7, 10, 14);
  });
});
