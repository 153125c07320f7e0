/**
 * Java and C# subclasses of a project class of another file: the client fields the base declares (`protected
 * DynamoDbClient client`, `protected readonly IAmazonDynamoDB Client`) reach `client`, `this.client` and
 * `super.client` (C# `base.Client`) in the subclass, in workspace mode.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, hintsOfFile } from './support';

const BASE = [
  'package shop.data;',
  '',
  'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
  'import software.amazon.awssdk.services.dynamodb.model.QueryRequest;',
  '',
  'public abstract class TableService {',
  '    protected DynamoDbClient client;',
  '    private DynamoDbClient hidden;',
  '    protected String tableName;',
  '',
  '    protected TableService(DynamoDbClient client, String tableName) {',
  '        this.client = client;',
  '        this.tableName = tableName;',
  '    }',
  '',
  '    protected QueryRequest byId(String id) {',
  '        return QueryRequest.builder().tableName(tableName).build();',
  '    }',
  '}',
].join('\n');

const sub = (pkg: string, imports: string[], body: string[]): string =>
  [`package ${pkg};`, '', ...imports, '', 'public class OrderService extends TableService {', ...body, '}'].join('\n');

const CALLS = [
  '    public Object one(String id) {',
  '        return client.query(byId(id)).items();',
  '    }',
  '    public void save(java.util.Map<String, Object> item) {',
  '        this.client.putItem(putOf(item));',
  '        super.client.deleteItem(deleteOf(item));',
  '        hidden.getItem(getOf(item));',
  '    }',
];

describe('Java: client fields inherited from a project class of another file', () => {
  it('indexes the fields a subclass can see, by qualified class name', () => {
    assert.deepEqual(contributionOf('src/main/java/shop/data/TableService.java', BASE)?.classFields, { 'java:shop.data.TableService': { client: { kind: 'dynamodb' } } });
  });

  it('reads the field bare, through this and through super, in the same package and through an import', () => {
    const samePackage = hintsOfFile({ 'src/main/java/shop/data/TableService.java': BASE, 'src/main/java/shop/data/OrderService.java': sub('shop.data', [], CALLS) }, 'src/main/java/shop/data/OrderService.java');
    assert.deepEqual(samePackage, ['10:deleteItem dynamodb-delete-item', '6:query dynamodb-query', '6:query dynamodb-query!', '9:putItem dynamodb-put-item']);
    const imported = hintsOfFile(
      { 'src/main/java/shop/data/TableService.java': BASE, 'src/main/java/shop/orders/OrderService.java': sub('shop.orders', ['import shop.data.TableService;'], CALLS) },
      'src/main/java/shop/orders/OrderService.java',
    );
    assert.deepEqual(imported, ['10:putItem dynamodb-put-item', '11:deleteItem dynamodb-delete-item', '7:query dynamodb-query', '7:query dynamodb-query!']);
    const onDemand = hintsOfFile(
      { 'src/main/java/shop/data/TableService.java': BASE, 'src/main/java/shop/orders/OrderService.java': sub('shop.orders', ['import shop.data.*;'], CALLS) },
      'src/main/java/shop/orders/OrderService.java',
    );
    assert.deepEqual(onDemand, imported);
  });

  it('stays silent without the workspace, for a private field, for another class of that name, and for a test source', () => {
    const files = { 'src/main/java/shop/data/TableService.java': BASE, 'src/main/java/shop/orders/OrderService.java': sub('shop.orders', ['import shop.data.TableService;'], CALLS) };
    assert.deepEqual(hintsOfFile(files, 'src/main/java/shop/orders/OrderService.java', null), []);
    const otherBase = { ...files, 'src/main/java/shop/orders/OrderService.java': sub('shop.orders', ['import shop.legacy.TableService;'], CALLS) };
    assert.deepEqual(hintsOfFile(otherBase, 'src/main/java/shop/orders/OrderService.java'), []);
    const testBase = { 'src/test/java/shop/data/TableService.java': BASE, 'src/test/java/shop/data/OrderService.java': sub('shop.data', [], CALLS) };
    assert.deepEqual(hintsOfFile(testBase, 'src/test/java/shop/data/OrderService.java'), []);
  });

  it('lets a field of the subclass and a local of the method win over the base field', () => {
    const body = [
      '    private final java.util.Map<String, Object> client = new java.util.HashMap<>();',
      '    public Object one(String id) {',
      '        return client.get(id);',
      '    }',
      '    public Object two(java.util.List<Object> client) {',
      '        return client.get(0);',
      '    }',
    ];
    const files = { 'src/main/java/shop/data/TableService.java': BASE, 'src/main/java/shop/data/OrderService.java': sub('shop.data', [], body) };
    assert.deepEqual(hintsOfFile(files, 'src/main/java/shop/data/OrderService.java'), []);
  });

  it('leaves a class two files declare unknown', () => {
    const files = {
      'src/main/java/shop/data/TableService.java': BASE,
      'legacy/src/main/java/shop/data/TableService.java': BASE,
      'src/main/java/shop/data/OrderService.java': sub('shop.data', [], CALLS),
    };
    assert.deepEqual(hintsOfFile(files, 'src/main/java/shop/data/OrderService.java'), []);
  });
});

const CS_BASE = [
  'using Amazon.DynamoDBv2;',
  'using StackExchange.Redis;',
  '',
  'namespace Shop.Data;',
  '',
  'public abstract class BaseRepo',
  '{',
  '    protected readonly IAmazonDynamoDB Client;',
  '    protected IDatabase Cache { get; }',
  '    private readonly IAmazonDynamoDB _hidden;',
  '    readonly IAmazonDynamoDB _alsoPrivate;',
  '',
  '    protected BaseRepo(IAmazonDynamoDB client, IConnectionMultiplexer redis)',
  '    {',
  '        Client = client;',
  '        Cache = redis.GetDatabase();',
  '        _hidden = client;',
  '    }',
  '}',
].join('\n');

const csSub = (namespace: string, usings: string[], body: string[]): string =>
  [...usings, '', `namespace ${namespace};`, '', 'public class OrderRepo : BaseRepo', '{', ...body, '}'].join('\n');

const CS_CALLS = [
  '    public async Task Save(Order order)',
  '    {',
  '        await Client.PutItemAsync(PutOf(order));',
  '        await base.Client.DeleteItemAsync(DeleteOf(order));',
  '        await this.Cache.KeyDeleteAsync(order.Id);',
  '        await _hidden.GetItemAsync(GetOf(order));',
  '    }',
];

describe('C#: client fields and properties inherited from a project class of another file', () => {
  it('indexes the members a subclass can see: protected, public or internal, not private by default', () => {
    assert.deepEqual(contributionOf('src/Shop/Data/BaseRepo.cs', CS_BASE)?.classFields, { 'csharp:Shop.Data.BaseRepo': { Client: { kind: 'dynamodb' }, Cache: { kind: 'redis', flavor: 'stackexchange-redis' } } });
  });

  it('reads them bare, through this and through base, from an enclosing namespace or a using', () => {
    const expected = ['10:DeleteItemAsync dynamodb-delete-item', '11:KeyDeleteAsync redis-unlink', '9:PutItemAsync dynamodb-put-item'];
    const enclosing = hintsOfFile({ 'src/Shop/Data/BaseRepo.cs': CS_BASE, 'src/Shop/Data/Orders/OrderRepo.cs': csSub('Shop.Data.Orders', ['using System;'], CS_CALLS) }, 'src/Shop/Data/Orders/OrderRepo.cs');
    assert.deepEqual(enclosing, expected);
    const used = hintsOfFile({ 'src/Shop/Data/BaseRepo.cs': CS_BASE, 'src/Shop/Orders/OrderRepo.cs': csSub('Shop.Orders', ['using Shop.Data;'], CS_CALLS) }, 'src/Shop/Orders/OrderRepo.cs');
    assert.deepEqual(used, expected);
  });

  it('stays silent without the workspace, for a namespace the file does not use, and for a test project', () => {
    const files = { 'src/Shop/Data/BaseRepo.cs': CS_BASE, 'src/Shop/Orders/OrderRepo.cs': csSub('Shop.Orders', ['using Shop.Data;'], CS_CALLS) };
    assert.deepEqual(hintsOfFile(files, 'src/Shop/Orders/OrderRepo.cs', null), []);
    const unused = { ...files, 'src/Shop/Orders/OrderRepo.cs': csSub('Shop.Orders', ['using Shop.Legacy;'], CS_CALLS) };
    assert.deepEqual(hintsOfFile(unused, 'src/Shop/Orders/OrderRepo.cs'), []);
    const tests = { 'Shop.Tests/BaseRepo.cs': CS_BASE, 'Shop.Tests/OrderRepo.cs': csSub('Shop.Data', [], CS_CALLS) };
    assert.deepEqual(hintsOfFile(tests, 'Shop.Tests/OrderRepo.cs'), []);
  });
});

