/**
 * `dynamodb-item-loop`: a GetItem, PutItem or DeleteItem sent once per element of a loop that waits for each
 * reply (an awaited call, a blocking client's call, Java's blocking calls in `forEach`), one round trip per item
 * where a batch call takes up to 100 reads or 25 writes. Silent: requests sent together (`Promise.all`, no
 * `await`, goroutines, futures, an aioboto3 coroutine in `async def`), loops that repeat until a condition or
 * retry, a loop the call leaves at once, writes a batch cannot do (conditions, returned values), boto3's
 * `batch_writer()`, and tests.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-item-loop!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

describe('DynamoDB: one item request per element in a loop', () => {
  it('reports awaited JavaScript and TypeScript requests in loop statements, not requests sent together', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand, PutCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'export class OrderRepository {',
      '  async load(ids: string[]) {',
      '    const out = [];',
      '    for (const id of ids) {',
      "      const { Item } = await doc.send(new GetCommand({ TableName: 'orders', Key: { id } }));",
      '      out.push(Item);',
      '    }',
      '    for (let i = 0; i < ids.length; i++) {',
      "      await doc.send(new DeleteCommand({ TableName: 'orders', Key: { id: ids[i] } }));",
      '    }',
      "    await Promise.all(ids.map((id) => doc.send(new GetCommand({ TableName: 'orders', Key: { id } }))));",
      '    ids.forEach(async (id) => {',
      "      await doc.send(new GetCommand({ TableName: 'orders', Key: { id } }));",
      '    });',
      '    const pending = [];',
      '    for (const id of ids) {',
      "      pending.push(doc.send(new GetCommand({ TableName: 'orders', Key: { id } })));",
      '    }',
      '    return out;',
      '  }',
      '}',
    );
    assert.deepEqual(reported('orders.ts', code), [`8:GetCommand ${RULE}`, `12:DeleteCommand ${RULE}`]);
    // Prettier's layout of a long call: the command on lines of its own, with a trailing comma.
    const prettier = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';",
      'export async function upload(blocks: Block[]) {',
      '  const docClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '  for (const block of blocks) {',
      '    await docClient.send(',
      '      new PutCommand({',
      "        TableName: 'history',",
      '        Item: block,',
      '      }),',
      '    );',
      '  }',
      '}',
    );
    assert.deepEqual(reported('upload.ts', prettier), [`7:PutCommand ${RULE}`]);
    // The SDK documentation's style: the command declared first, then sent; one kept for later is not waited for.
    const declared = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, PutCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';",
      'const docClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'export async function saveAll(items: { id: string }[], later: DeleteCommand[]) {',
      '  for (const item of items) {',
      "    const command = new PutCommand({ TableName: 'orders', Item: item });",
      '    const response = await docClient.send(command);',
      '    console.log(response.$metadata);',
      "    const removal = new DeleteCommand({ TableName: 'drafts', Key: { id: item.id } });",
      '    later.push(removal);',
      '  }',
      '}',
    );
    assert.deepEqual(reported('save-all.ts', declared), [`6:PutCommand ${RULE}`]);
    const v2 = sourceLines(
      "const AWS = require('aws-sdk');",
      'const docClient = new AWS.DynamoDB.DocumentClient();',
      'exports.save = async (items) => {',
      '  for (const item of items) {',
      "    await docClient.put({ TableName: 'orders', Item: item }).promise();",
      '  }',
      '};',
    );
    assert.deepEqual(reported('save.js', v2), [`5:put ${RULE}`]);
  });

  it('stays silent on writes a batch cannot do, loops that repeat until a condition, retries and tests', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand, PutCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'export async function claim(ids: string[], params: any) {',
      '  for (const id of ids) {',
      "    await doc.send(new PutCommand({ TableName: 'orders', Item: { id }, ConditionExpression: 'attribute_not_exists(id)' }));",
      "    await doc.send(new DeleteCommand({ TableName: 'orders', Key: { id }, ReturnValues: 'ALL_OLD' }));",
      '    await doc.send(new PutCommand(params));',
      '  }',
      '  while (true) {',
      "    const { Item } = await doc.send(new GetCommand({ TableName: 'locks', Key: { id: 'x' } }));",
      '    if (!Item) break;',
      '  }',
      '  for (let attempt = 0; attempt < 3; attempt++) {',
      "    await doc.send(new PutCommand({ TableName: 'orders', Item: { id: 'x' } }));",
      '    break;',
      '  }',
      '}',
      // The first id that passes the test is read and returned: one request, whatever the list's length.
      'export async function firstOpen(ids: string[]) {',
      '  for (const id of ids) {',
      "    if (id.startsWith('open#')) {",
      "      return await doc.send(new GetCommand({ TableName: 'orders', Key: { id } }));",
      '    }',
      '  }',
      '}',
      "describe('orders', () => {",
      "  beforeAll(async () => {",
      "    for (const id of ['a', 'b']) {",
      "      await doc.send(new PutCommand({ TableName: 'orders', Item: { id } }));",
      '    }',
      '  });',
      '});',
    );
    assert.deepEqual(reported('claim.ts', code), []);
  });

  it('reports boto3 calls in for loops and comprehensions, not batch_writer, aioboto3 coroutines or retries', () => {
    const code = sourceLines(
      'import asyncio',
      'import boto3',
      "table = boto3.resource('dynamodb').Table('products')",
      "client = boto3.client('dynamodb')",
      'def update_products(products):',
      '    for product in products:',
      "        old = table.get_item(Key={'id': product.id})",
      '        if "Item" not in old:',
      '            table.put_item(Item=product.to_item())',
      "    return [table.get_item(Key={'id': p.id}) for p in products]",
      'def purge(ids):',
      '    for i in ids:',
      "        client.delete_item(TableName='products', Key={'id': {'S': i}})",
      '    with table.batch_writer() as batch:',
      '        for i in ids:',
      "            batch.delete_item(Key={'id': i})",
      'async def many(session, ids):',
      "    return await asyncio.gather(*[table.get_item(Key={'id': i}) for i in ids])",
      'def save_once(item):',
      '    for attempt in range(3):',
      '        try:',
      '            table.put_item(Item=item)',
      '            break',
      '        except Exception:',
      '            pass',
    );
    assert.deepEqual(reported('products.py', code), [`7:get_item ${RULE}`, `9:put_item ${RULE}`, `10:get_item ${RULE}`, `13:delete_item ${RULE}`]);
  });

  it('reports blocking boto3 and PynamoDB calls in an async def, not coroutines of a file that names aioboto3 or calls gathered', () => {
    const blocking = sourceLines(
      'import boto3',
      'from fastapi import FastAPI',
      'from pynamodb.attributes import UnicodeAttribute',
      'from pynamodb.models import Model',
      'app = FastAPI()',
      "fleet = boto3.resource('dynamodb').Table('fleet')",
      'class Bike(Model):',
      '    class Meta:',
      "        table_name = 'bikes'",
      '    bike_id = UnicodeAttribute(hash_key=True)',
      "@app.post('/service')",
      'async def service(ids, day):',
      '    for i in ids:',
      "        fleet.put_item(Item={'bike': i, 'day': day})",
      '    return [Bike.get(i) for i in ids]',
    );
    assert.deepEqual(reported('fleet.py', blocking), [`14:put_item ${RULE}`, `15:get ${RULE}`]);
    const coroutines = sourceLines(
      'import aioboto3',
      'import boto3',
      "archive = boto3.client('s3')",
      'session = aioboto3.Session()',
      'async def touch(ids):',
      "    async with session.resource('dynamodb') as dynamodb:",
      "        table = await dynamodb.Table('marks')",
      '        pending = []',
      '        for i in ids:',
      "            pending.append(table.put_item(Item={'id': i}))",
      '        for i in ids:',
      "            coroutine = table.put_item(Item={'id': i})",
      '            pending.append(coroutine)',
      '        return pending',
    );
    assert.ok(hintsIn('touch.py', coroutines).includes('12:put_item dynamodb-put-item'));
    assert.deepEqual(reported('touch.py', coroutines), []);
  });

  it('reports blocking Java calls in loops and forEach, not an async client’s futures unless joined', () => {
    const sync = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.*;',
      'public class OrderRepository {',
      '  private final DynamoDbClient ddb;',
      '  public OrderRepository(DynamoDbClient ddb) { this.ddb = ddb; }',
      '  public void deleteAll(List<String> ids) {',
      '    for (String id : ids) {',
      '      ddb.deleteItem(DeleteItemRequest.builder().tableName("orders").key(Map.of("id", AttributeValue.fromS(id))).build());',
      '    }',
      '    ids.forEach(id -> ddb.getItem(GetItemRequest.builder().tableName("orders").key(Map.of("id", AttributeValue.fromS(id))).build()));',
      '  }',
      '}',
    );
    assert.deepEqual(reported('OrderRepository.java', sync), [`8:deleteItem ${RULE}`, `10:getItem ${RULE}`]);
    const async = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;',
      'import software.amazon.awssdk.services.dynamodb.model.*;',
      'public class OrderReader {',
      '  private final DynamoDbAsyncClient ddb = DynamoDbAsyncClient.create();',
      '  public void read(List<String> ids, List<CompletableFuture<GetItemResponse>> futures) {',
      '    for (String id : ids) {',
      '      futures.add(ddb.getItem(GetItemRequest.builder().tableName("orders").key(key(id)).build()));',
      '      ddb.getItem(GetItemRequest.builder().tableName("orders").key(key(id)).build()).thenAccept(this::keep);',
      '      ddb.getItem(GetItemRequest.builder().tableName("orders").key(key(id)).build()).join();',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(reported('OrderReader.java', async), [`9:getItem ${RULE}`]);
  });

  it('reports a Java method reference an iterating method calls per element, not an async table’s or one passed elsewhere', () => {
    const sync = sourceLines(
      'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;',
      'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;',
      'import software.amazon.awssdk.enhanced.dynamodb.TableSchema;',
      'public class ProductStore {',
      '  private final DynamoDbTable<Product> table;',
      '  public ProductStore(DynamoDbEnhancedClient client) { this.table = client.table("products", TableSchema.fromBean(Product.class)); }',
      '  public void saveAll(List<Product> products) { products.forEach(table::putItem); }',
      '  public void removeAll(List<Product> products) { products.stream().forEach(this.table::deleteItem); }',
      '  public List<Product> load(List<Key> keys) { return keys.stream().map(table::getItem).toList(); }',
      '  public void later(Executor executor, Product product) { executor.execute(() -> table.putItem(product)); }',
      '  public Consumer<Product> saver() { return table::putItem; }',
      '}',
    );
    assert.deepEqual(reported('ProductStore.java', sync), [`7:putItem ${RULE}`, `8:deleteItem ${RULE}`, `9:getItem ${RULE}`]);
    const async = sourceLines(
      'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;',
      'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;',
      'import software.amazon.awssdk.enhanced.dynamodb.TableSchema;',
      'public class ProductWriter {',
      '  private final DynamoDbAsyncTable<Product> table;',
      '  public ProductWriter(DynamoDbEnhancedAsyncClient client) { this.table = client.table("products", TableSchema.fromBean(Product.class)); }',
      '  public void saveAll(List<Product> products) { products.forEach(table::putItem); }',
      '}',
    );
    assert.deepEqual(reported('ProductWriter.java', async), []);
  });

  it('reports a Java `this::helper` reference a sequential forEach or stream map calls per element, not an Optional’s map, a parallel stream or another bean’s method', () => {
    const code = sourceLines(
      'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;',
      'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;',
      'import software.amazon.awssdk.enhanced.dynamodb.TableSchema;',
      'public class CrateRepository {',
      '  private final DynamoDbTable<Crate> table;',
      '  private final Mirror mirror;',
      '  public CrateRepository(DynamoDbEnhancedClient client, Mirror mirror) { this.table = client.table("crates", TableSchema.fromBean(Crate.class)); this.mirror = mirror; }',
      '  public Crate save(Crate crate) { table.putItem(crate); return crate; }',
      '  public Crate find(Key key) { return table.getItem(key); }',
      '  public void saveAll(List<Crate> crates) { crates.forEach(this::save); }',
      '  public List<Crate> findAll(List<Key> keys) { return keys.stream().map(this::find).toList(); }',
      '  public Optional<Crate> findMaybe(Optional<Key> key) { return key.map(this::find); }',
      '  public List<Crate> findFast(List<Key> keys) { return keys.parallelStream().map(this::find).toList(); }',
      '  public void copyAll(List<Crate> crates) { crates.forEach(mirror::save); }',
      '  public void later(Executor executor) { executor.execute(this::flush); }',
      '  private void flush() { }',
      '}',
    );
    assert.deepEqual(reported('CrateRepository.java', code), [`10:save ${RULE}`, `11:find ${RULE}`]);
  });

  it('reports Go calls in range and counted loops, not goroutines or loops that repeat until a condition', () => {
    const code = sourceLines(
      'package rates',
      '',
      'import "github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '',
      'func Store(ctx context.Context, client *dynamodb.Client, rates []Rate) error {',
      '\tfor _, rate := range rates {',
      '\t\tif _, err := client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("rates"), Item: item(rate)}); err != nil {',
      '\t\t\treturn err',
      '\t\t}',
      '\t}',
      '\tfor i := 0; i < len(rates); i++ {',
      '\t\tclient.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String("rates"), Key: key(rates[i])})',
      '\t}',
      '\tfor _, rate := range rates {',
      '\t\tgo func(r Rate) {',
      '\t\t\tclient.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("rates"), Item: item(r)})',
      '\t\t}(rate)',
      '\t}',
      '\tfor {',
      '\t\tclient.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("rates"), Key: key(Rate{})})',
      '\t}',
      '}',
    );
    assert.deepEqual(reported('rates.go', code), [`7:PutItem ${RULE}`, `12:DeleteItem ${RULE}`]);
  });

  it('reports awaited and blocking .NET calls in foreach, generic methods included, not collected tasks', () => {
    const code = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.DataModel;',
      'using Amazon.DynamoDBv2.Model;',
      'public class OrderService',
      '{',
      '    private readonly IAmazonDynamoDB _client = new AmazonDynamoDBClient();',
      '    private readonly IDynamoDBContext _context;',
      '    public async Task LoadAsync(List<string> ids, List<Task<GetItemResponse>> tasks)',
      '    {',
      '        foreach (var id in ids)',
      '        {',
      '            var response = await _client.GetItemAsync(new GetItemRequest { TableName = "orders", Key = Key(id) });',
      '            var order = await _context.LoadAsync<Order>(id);',
      '            tasks.Add(_client.GetItemAsync(new GetItemRequest { TableName = "orders", Key = Key(id) }));',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(reported('OrderService.cs', code), [`12:GetItemAsync ${RULE}`, `13:LoadAsync ${RULE}`]);
  });

  it('reports the call of a helper whose one request is an item request, where the loop waits for it', () => {
    const typescript = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'export class OrderRepository {',
      '  async getOrder(id: string) {',
      "    const { Item } = await doc.send(new GetCommand({ TableName: 'orders', Key: { id } }));",
      '    return Item;',
      '  }',
      '  async markShipped(id: string) {',
      "    const { Item } = await doc.send(new GetCommand({ TableName: 'orders', Key: { id } }));",
      "    if (Item) await doc.send(new UpdateCommand({ TableName: 'orders', Key: { id }, UpdateExpression: 'SET shipped = :t', ExpressionAttributeValues: { ':t': true } }));",
      '  }',
      '  async getOrders(ids: string[]) {',
      '    const out = [];',
      '    for (const id of ids) {',
      '      out.push(await this.getOrder(id));',
      '      await this.markShipped(id);',
      '    }',
      '    return Promise.all(ids.map((id) => this.getOrder(id)));',
      '  }',
      '}',
    );
    assert.deepEqual(reported('orders.ts', typescript), [`16:getOrder ${RULE}`]);
    const python = sourceLines(
      'import boto3',
      'class PointerRepository:',
      '    def __init__(self):',
      "        self.table = boto3.resource('dynamodb').Table('pointers')",
      '    def delete_by_id(self, id_):',
      '        try:',
      "            self.table.delete_item(Key={'pk': id_})",
      '        except Exception:',
      '            pass',
      '    def supersede(self, ids):',
      '        for id_ in ids:',
      '            self.delete_by_id(id_)',
      'def test_cleanup():',
      '    repo = PointerRepository()',
      "    for id_ in ['a', 'b']:",
      '        repo.delete_by_id(id_)',
    );
    assert.deepEqual(reported('repository.py', python), [`12:delete_by_id ${RULE}`]);
  });
});
