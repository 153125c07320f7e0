/**
 * Clients and requests that real projects reach through declarations rather than a constructor call in
 * view: a subclass of the ioredis client, a typed getter, Redis options in a variable or passed to
 * `super()`, a C# file whose usings are global ones in another file, a Java field whose declared type says
 * more than the call that sets it, and a Java request builder reassigned with more options.
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

describe('clients reached through declarations', () => {
  describe('TypeScript: a subclass of the ioredis client', () => {
    it('reads its instances, `this` and `super` inside it as the client, except for methods the class defines', () => {
      const code = sourceLines(
        "import IORedis from 'ioredis';",
        'class CacheConnection extends IORedis {',
        '  purge() { return this.flushall(); }',
        '  keys(prefix: string) {',
        '    return super.keys(`${prefix}*`);',
        '  }',
        "  get(key: string) { return this.hget('app', key); }",
        '}',
        'class Registry extends Map<string, string> {',
        '  purge() { return this.keys(); }',
        '}',
        'export async function forget(prefix: string, ids: string[]) {',
        "  const cache = new CacheConnection(process.env.CACHE_URL ?? '');",
        '  await cache.del(prefix);',
        '  await cache.keys(prefix);',
        '  for (const id of ids) await cache.get(id);',
        '  return new Registry().keys();',
        '}',
      );
      const found = hintsIn('cache.ts', code);
      assertHas(found, '3:flushall redis-flush', '5:keys redis-keys!', '14:del redis-unlink');
      assertNoneOnLines(found, 4, 10, 15, 16, 17);
    });

    it('follows a static getter typed with the subclass, and a getter typed with the client', () => {
      const code = sourceLines(
        "import Redis from 'ioredis';",
        'export default class CacheConnection extends Redis {',
        '  private static shared: CacheConnection;',
        '  public static get defaultClient(): CacheConnection {',
        "    return this.shared || (this.shared = new this(process.env.CACHE_URL ?? ''));",
        '  }',
        '}',
        'class Connections {',
        '  static get cache(): Redis {',
        '    return connect();',
        '  }',
        '  static get names(): string[] {',
        '    return connect();',
        '  }',
        '}',
        'export async function forget(prefix: string) {',
        '  await CacheConnection.defaultClient.keys(`${prefix}*`);',
        '  await Connections.cache.keys(`${prefix}*`);',
        '  return Connections.names.keys();',
        '}',
      );
      const found = hintsIn('connections.ts', code);
      assertHas(found, '17:keys redis-keys!', '18:keys redis-keys!');
      assertNoneOnLines(found, 19);
    });

    it('follows an instance getter that returns a client field, and not a setter of the same name', () => {
      const code = sourceLines(
        "import Redis from 'ioredis';",
        'export class Sessions {',
        "  private readonly client = new Redis(process.env.CACHE_URL ?? '');",
        '  private readonly names = new Map<string, string>();',
        '  private get cache() {',
        '    return this.client;',
        '  }',
        '  private set index(value: Map<string, string>) {',
        '    this.names.clear();',
        '  }',
        '  async forget(prefix: string) {',
        '    await this.cache.keys(`${prefix}*`);',
        '    return this.index.keys();',
        '  }',
        '}',
      );
      const found = hintsIn('sessions.ts', code);
      assertHas(found, '12:keys redis-keys!');
      assertNoneOnLines(found, 13);
    });
  });

  describe('TypeScript: a local annotated with the class it is built from', () => {
    it('reads `const c: ScanCommand = new ScanCommand(...)` as a command, not as an assignment to the import', () => {
      const code = sourceLines(
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
        "import { DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';",
        'export class CatalogStore {',
        '  private static doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
        '  async one(sku: string) {',
        "    const input: GetCommand = new GetCommand({ TableName: 'catalog', Key: { sku } });",
        '    return (await CatalogStore.doc.send(input)).Item;',
        '  }',
        '  async all() {',
        "    const input: ScanCommand = new ScanCommand({ TableName: 'catalog' });",
        '    return (await CatalogStore.doc.send(input)).Items;',
        '  }',
        '}',
      );
      const found = hintsIn('catalog-store.ts', code);
      assertHas(found, '6:GetCommand dynamodb-get-item', '10:ScanCommand dynamodb-scan', '10:ScanCommand dynamodb-scan!');
    });
  });

  describe('TypeScript: ioredis options in a variable or passed to super()', () => {
    it('reads options held by a typed variable as if written in the constructor call, not an unrelated object', () => {
      const code = sourceLines(
        "import Redis, { type RedisOptions } from 'ioredis';",
        'const connectionOptions: RedisOptions = {',
        '  maxRetriesPerRequest: 20,',
        '  tls: {',
        '    rejectUnauthorized: false,',
        '  },',
        '};',
        'const httpsAgentOptions = { rejectUnauthorized: false };',
        "export const cache = new Redis(process.env.CACHE_URL ?? '', connectionOptions);",
        'export const agent = new Agent(httpsAgentOptions);',
      );
      const found = hintsIn('cache.ts', code);
      assertHas(found, '4:tls redis-tls', '5:rejectUnauthorized redis-tls!');
      assertNoneOnLines(found, 8);
    });

    it('reports a password in a variable sent without TLS, but not where a URL argument may be rediss://', () => {
      const code = sourceLines(
        "import Redis from 'ioredis';",
        'const redisOptions = { password: process.env.REDIS_PASSWORD, maxRetriesPerRequest: null };',
        'export const fromEnv = new Redis(process.env.REDIS_URL, redisOptions);',
        "export const secure = new Redis('rediss://cache.internal:6380', redisOptions);",
        "export const plain = new Redis('redis://cache.internal:6379', redisOptions);",
        "export const byPort = new Redis(6379, 'cache.internal', redisOptions);",
      );
      const found = hintsIn('queues.ts', code).filter((hint) => hint.endsWith('redis-auth-without-tls!'));
      // One place in the code, reported once: by the two clients that send it in clear.
      assert.deepEqual(found, ['2:password redis-auth-without-tls!']);
      const secureOnly = sourceLines(
        "import Redis from 'ioredis';",
        'const redisOptions = { password: process.env.REDIS_PASSWORD };',
        'export const fromEnv = new Redis(process.env.REDIS_URL, redisOptions);',
        "export const secure = new Redis('rediss://cache.internal:6380', redisOptions);",
      );
      assert.deepEqual(hintsIn('queues.ts', secureOnly).filter((hint) => hint.endsWith('!')), []);
    });

    it('reads super() in a subclass constructor as the client options, with a password sent without TLS', () => {
      const code = sourceLines(
        "import Redis from 'ioredis';",
        'export class SecureCache extends Redis {',
        '  constructor(url: string) {',
        '    super(url, { tls: { rejectUnauthorized: false } });',
        '  }',
        '}',
        'const auth = { host: process.env.CACHE_HOST, password: process.env.CACHE_PASSWORD };',
        'export class PlainCache extends Redis {',
        '  constructor() {',
        '    super(auth);',
        '  }',
        '}',
        'class Base {',
        '  constructor(options: object) {}',
        '}',
        'export class Unrelated extends Base {',
        '  constructor() {',
        '    super({ tls: { rejectUnauthorized: false }, password: "x" });',
        '  }',
        '}',
      );
      const found = hintsIn('caches.ts', code);
      assertHas(found, '4:rejectUnauthorized redis-tls!', '7:password redis-auth-without-tls!');
      assertNoneOnLines(found, 18);
    });

    it('reads `new` of a subclass as the client options only when the class keeps the client constructor', () => {
      const code = sourceLines(
        "import Redis from 'ioredis';",
        'class Cache extends Redis {}',
        'class Wrapped extends Redis {',
        '  constructor(name: string, settings: { tls: object }) {',
        '    super(name);',
        '  }',
        '}',
        'export const a = new Cache({ tls: { rejectUnauthorized: false } });',
        "export const b = new Wrapped('x', { tls: { rejectUnauthorized: false } });",
      );
      const found = hintsIn('subclasses.ts', code);
      assertHas(found, '8:rejectUnauthorized redis-tls!');
      assertNoneOnLines(found, 9);
    });
  });

  describe('C# without a using of the library in the file', () => {
    it('recognises StackExchange.Redis by IConnectionMultiplexer, and an IDatabase it gives', () => {
      const code = sourceLines(
        'namespace Shop.Carts;',
        'public class CartStore',
        '{',
        '    private readonly IDatabase _db;',
        '    public CartStore(IConnectionMultiplexer redis)',
        '    {',
        '        _db = redis.GetDatabase();',
        '    }',
        '    public Task<bool> Remove(string id) => _db.KeyDeleteAsync("cart:" + id);',
        '}',
      );
      assertHas(hintsIn('CartStore.cs', code), '9:KeyDeleteAsync redis-unlink');
    });

    it('recognises DynamoDB and RDS by their client interfaces, and their requests once they are shown', () => {
      const code = sourceLines(
        'namespace Shop.Orders;',
        'public class OrderStore(IAmazonDynamoDB dynamo, Amazon.RDS.IAmazonRDS rds)',
        '{',
        '    public async Task<int> Count(string table)',
        '    {',
        '        var response = await dynamo.ScanAsync(new ScanRequest { TableName = table });',
        '        await rds.DeleteDBInstanceAsync(new DeleteDBInstanceRequest { DBInstanceIdentifier = "old" });',
        '        return response.Count;',
        '    }',
        '}',
      );
      const found = hintsIn('OrderStore.cs', code);
      assertHas(found, '6:ScanAsync dynamodb-scan!', '7:DeleteDBInstanceRequest rds-delete-automated-backups!');
    });

    it('leaves common names alone without a distinctive type, and a type the file declares itself', () => {
      const code = sourceLines(
        'namespace Shop.Search;',
        'public interface IConnectionMultiplexer { IDatabase GetDatabase(); }',
        'public class Index(IConnectionMultiplexer connections, IDatabase db, ISearchClient search)',
        '{',
        '    public Task Drop(string id) => connections.GetDatabase().KeyDeleteAsync(id);',
        '    public Task Clear(string id) => db.KeyDeleteAsync(id);',
        '    public Task<ScanResponse> All() => search.ScanAsync(new ScanRequest { TableName = "docs" });',
        '}',
      );
      assert.deepEqual(hintsIn('Index.cs', code), []);
    });
  });

  describe('Java fields and request builders', () => {
    it('keeps a field its declared client type when the constructor sets it from a call it cannot follow', () => {
      const code = sourceLines(
        'package example.locks;',
        'import java.util.Objects;',
        'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
        'import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;',
        'final class LockWriter {',
        '    private final DynamoDbClient dynamo;',
        '    private final DynamoDbClient fallback;',
        '    private final LockStore store;',
        '    LockWriter(DynamoDbClient dynamo, LockWriterOptions options) {',
        '        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");',
        '        this.fallback = options.getDynamoDbClient();',
        '        this.store = options.getStore();',
        '    }',
        '    void write(PutItemRequest request) {',
        '        this.dynamo.putItem(request);',
        '        this.fallback.putItem(request);',
        '        this.store.putItem(request);',
        '    }',
        '}',
      );
      const found = hintsIn('LockWriter.java', code);
      assertHas(found, '15:putItem dynamodb-put-item', '16:putItem dynamodb-put-item');
      assertNoneOnLines(found, 17);
    });

    it('adds the options of a builder reassigned with more setters to the request it builds, and not those of a copy', () => {
      const code = sourceLines(
        'import java.util.Map;',
        'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
        'import software.amazon.awssdk.services.dynamodb.model.*;',
        'final class LeaseLister {',
        '    private final DynamoDbClient dynamo;',
        '    ScanResponse firstPage(String table, String owner, boolean consistent) {',
        '        ScanRequest.Builder builder = ScanRequest.builder().tableName(table);',
        '        if (owner != null) {',
        '            builder = builder',
        '                    .filterExpression("leaseOwner = :o")',
        '                    .consistentRead(consistent);',
        '        }',
        '        builder = builder.limit(10);',
        '        ScanRequest copy = builder.build().toBuilder().indexName("by-owner").build();',
        '        return dynamo.scan(builder.build());',
        '    }',
        '}',
      );
      const found = hintsIn('LeaseLister.java', code);
      assertHas(found, '10:filterExpression dynamodb-filter-expression!', '11:consistentRead dynamodb-consistent-read', '13:limit dynamodb-limit!');
      assert.ok(!found.includes('14:indexName dynamodb-index-name!'), found.join('\n'));
    });
  });
});
