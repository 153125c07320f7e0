/**
 * Java and C#, workspace mode: clients reached through a project class that another project class hands out
 * (`db.tables().orders().scan(...)`, `_store.Tables.Client.ScanAsync(...)`), and C# factories whose methods return
 * `Task<IAmazonDynamoDB>` or `ValueTask<IDatabase>`, awaited where they are used (`await _factory.GetAsync(token)
 * .ConfigureAwait(false)`).
 */
import * as assert from 'node:assert/strict';
import { contributionOf, hintsOfFile } from './support';
import { sourceLines } from '../hints/support';

const TABLES = sourceLines(
  'package shop.db;',
  '',
  'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
  '',
  'public class Tables {',
  '    private final DynamoDbClient client;',
  '',
  '    Tables(DynamoDbClient client) {',
  '        this.client = client;',
  '    }',
  '',
  '    public DynamoDbClient orders() {',
  '        return client;',
  '    }',
  '',
  '    public String prefix() {',
  '        return "shop-";',
  '    }',
  '}',
);

const DATABASE = sourceLines(
  'package shop.db;',
  '',
  'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
  'import shop.config.Settings;',
  '',
  'public class Database {',
  '    private final DynamoDbClient client = DynamoDbClient.create();',
  '    private final Tables tables = new Tables(client);',
  '',
  '    public Tables tables() {',
  '        return tables;',
  '    }',
  '',
  '    public Settings settings() {',
  '        return new Settings();',
  '    }',
  '}',
);

const SETTINGS = sourceLines(
  'package shop.config;',
  '',
  'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
  '',
  'public class Settings {',
  '    public String region() {',
  '        return "eu-west-1";',
  '    }',
  '}',
);

const orderService = (imports: string): string =>
  sourceLines(
    'package shop.orders;',
    '',
    imports,
    '',
    '',
    'public class OrderService {',
    '    private final Database db;',
    '',
    '    public OrderService(Database db) {',
    '        this.db = db;',
    '    }',
    '',
    '    public int count() {',
    '        System.out.println(db.settings().region() + db.tables().prefix());',
    '        return db.tables().orders().scan(b -> b.tableName("orders")).count();',
    '    }',
    '}',
  );

const JAVA = {
  'src/main/java/shop/db/Tables.java': TABLES,
  'src/main/java/shop/db/Database.java': DATABASE,
  'src/main/java/shop/config/Settings.java': SETTINGS,
  'src/main/java/shop/orders/OrderService.java': orderService('import shop.db.Database;'),
};

const FACTORY = sourceLines(
  'using System.Threading;',
  'using System.Threading.Tasks;',
  'using Amazon.DynamoDBv2;',
  'using Amazon.S3;',
  '',
  'namespace Shop.Data.Client',
  '{',
  '    public interface IDynamoClientFactory',
  '    {',
  '        Task<IAmazonDynamoDB> GetAsync(CancellationToken token = default);',
  '        Task<IAmazonS3> GetStorageAsync();',
  '        Task<string> TableAsync();',
  '    }',
  '}',
);

const STORAGE = sourceLines(
  'using System.Collections.Generic;',
  'using System.Threading;',
  'using System.Threading.Tasks;',
  'using Shop.Data.Client;',
  '',
  'namespace Shop.Data.Visits',
  '{',
  '    public class VisitStorage',
  '    {',
  '        private readonly IDynamoClientFactory _clientFactory;',
  '',
  '        public VisitStorage(IDynamoClientFactory clientFactory)',
  '        {',
  '            _clientFactory = clientFactory;',
  '        }',
  '',
  '        public async Task<int> CountAsync(string table, CancellationToken token)',
  '        {',
  '            var client = await _clientFactory.GetAsync(token).ConfigureAwait(false);',
  '            var storage = await _clientFactory.GetStorageAsync();',
  '            await storage.ListBucketsAsync();',
  '            var prefix = await _clientFactory.TableAsync();',
  '            var response = await client.ScanAsync(prefix + table, new List<string>(), token);',
  '            return response.Count;',
  '        }',
  '    }',
  '}',
);

describe('Java and C#: clients reached through a project class another project class hands out', () => {
  it('keeps a visible member declared with a type that may be a project class, as the classes the type may name', () => {
    assert.deepEqual(contributionOf('src/main/java/shop/db/Database.java', DATABASE)?.classHolders, {
      'java:shop.db.Database': { 'tables()': ['java:shop.db.Tables', 'java:Tables'], 'settings()': ['java:shop.config.Settings'] },
    });
    // A class with no member of a client or a project class type tells nothing.
    assert.equal(contributionOf('src/main/java/shop/config/Settings.java', SETTINGS), undefined);
  });

  it('reads a Java client through a holder that another holder returns, and nothing through a holder of settings', () => {
    assert.deepEqual(hintsOfFile(JAVA, 'src/main/java/shop/orders/OrderService.java'), ['15:scan dynamodb-scan', '15:scan dynamodb-scan!']);
  });

  it('stays silent without the workspace, for a class of another package, and for a holder in test sources', () => {
    assert.deepEqual(hintsOfFile(JAVA, 'src/main/java/shop/orders/OrderService.java', null), []);
    const other = { ...JAVA, 'src/main/java/shop/orders/OrderService.java': orderService('import legacy.db.Database;') };
    assert.deepEqual(hintsOfFile(other, 'src/main/java/shop/orders/OrderService.java'), []);
    const { 'src/main/java/shop/db/Tables.java': tables, ...rest } = JAVA;
    const inTests = { ...rest, 'src/test/java/shop/db/Tables.java': tables };
    assert.deepEqual(hintsOfFile(inTests, 'src/main/java/shop/orders/OrderService.java'), []);
  });

  it('follows holders that return each other without looping', () => {
    const a = sourceLines(
      'package shop.db;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'public class Left {',
      '    public Right right() { return new Right(); }',
      '    public DynamoDbClient client() { return DynamoDbClient.create(); }',
      '}',
    );
    const b = sourceLines('package shop.db;', 'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;', 'public class Right {', '    public Left left() { return new Left(); }', '}');
    const use = sourceLines('package shop.db;', 'public class Use {', '    private final Right right = new Right();', '    public void run() { right.left().right().left().client().scan(r -> r.tableName("t")); }', '}');
    const files = { 'src/main/java/shop/db/Left.java': a, 'src/main/java/shop/db/Right.java': b, 'src/main/java/shop/db/Use.java': use };
    assert.deepEqual(hintsOfFile(files, 'src/main/java/shop/db/Use.java'), []);
    const shallow = { ...files, 'src/main/java/shop/db/Use.java': use.replace('right.left().right().left().client()', 'right.left().client()') };
    assert.deepEqual(hintsOfFile(shallow, 'src/main/java/shop/db/Use.java'), ['4:scan dynamodb-scan', '4:scan dynamodb-scan!']);
  });

  it('reads a singleton that returns its own class: Provider.getInstance().getMapper()', () => {
    const provider = sourceLines(
      'package shop.aws;',
      '',
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
      '',
      'public class Provider {',
      '    private static Provider instance;',
      '    private final DynamoDBMapper mapper = new DynamoDBMapper(AmazonDynamoDBClientBuilder.defaultClient());',
      '',
      '    public static synchronized Provider getInstance() {',
      '        if (instance == null) {',
      '            instance = new Provider();',
      '        }',
      '        return instance;',
      '    }',
      '',
      '    public DynamoDBMapper getMapper() {',
      '        return mapper;',
      '    }',
      '',
      '    public String getRegion() {',
      '        return "eu-west-1";',
      '    }',
      '}',
    );
    const use = sourceLines(
      'package shop.sensors;',
      '',
      'import shop.aws.Provider;',
      '',
      'public class Readings {',
      '    public Reading latest(String id) {',
      '        System.out.println(Provider.getInstance().getRegion());',
      '        return Provider.getInstance().getMapper().load(Reading.class, id);',
      '    }',
      '}',
    );
    const files = { 'src/main/java/shop/aws/Provider.java': provider, 'src/main/java/shop/sensors/Readings.java': use };
    assert.deepEqual(hintsOfFile(files, 'src/main/java/shop/sensors/Readings.java'), ['8:load dynamodb-get-item']);
    assert.deepEqual(hintsOfFile(files, 'src/main/java/shop/sensors/Readings.java', null), []);
  });

  it('reads a holder that a Java interface method declares, not one a method of another type declares', () => {
    const repositories = sourceLines(
      'package shop.db;',
      '',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      '',
      'public interface Repositories {',
      '    Tables tables();',
      '    String region();',
      '    DynamoDbClient raw();',
      '}',
    );
    const use = sourceLines(
      'package shop.orders;',
      '',
      'import shop.db.Repositories;',
      '',
      'public class Counter {',
      '    private final Repositories repositories;',
      '',
      '    public Counter(Repositories repositories) {',
      '        this.repositories = repositories;',
      '    }',
      '',
      '    public int count() {',
      '        System.out.println(repositories.region().trim());',
      '        return repositories.tables().orders().scan(b -> b.tableName("orders")).count();',
      '    }',
      '}',
    );
    const files = { 'src/main/java/shop/db/Tables.java': TABLES, 'src/main/java/shop/db/Repositories.java': repositories, 'src/main/java/shop/orders/Counter.java': use };
    assert.deepEqual(contributionOf('src/main/java/shop/db/Repositories.java', repositories)?.classHolders, { 'java:shop.db.Repositories': { 'tables()': ['java:shop.db.Tables', 'java:Tables'] } });
    assert.deepEqual(hintsOfFile(files, 'src/main/java/shop/orders/Counter.java'), ['14:scan dynamodb-scan', '14:scan dynamodb-scan!']);
  });

  it('reads a C# property that holds a project class whose property holds the client', () => {
    const store = sourceLines(
      'using Amazon.DynamoDBv2;',
      'namespace Shop.Data',
      '{',
      '    public class Tables',
      '    {',
      '        public IAmazonDynamoDB Client { get; } = new AmazonDynamoDBClient();',
      '    }',
      '    public class Store',
      '    {',
      '        public Tables Tables { get; } = new Tables();',
      '    }',
      '}',
    );
    const use = sourceLines(
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2.Model;',
      'using Shop.Data;',
      'namespace Shop.Web',
      '{',
      '    public class Lister',
      '    {',
      '        private readonly Store _store;',
      '        public Lister(Store store) { _store = store; }',
      '        public Task<ScanResponse> All(ScanRequest request) => _store.Tables.Client.ScanAsync(request);',
      '    }',
      '}',
    );
    assert.deepEqual(hintsOfFile({ 'src/Shop.Data/Store.cs': store, 'src/Shop.Web/Lister.cs': use }, 'src/Shop.Web/Lister.cs'), ['10:ScanAsync dynamodb-scan', '10:ScanAsync dynamodb-scan!']);
  });

  it('reads a C# factory method declared Task<IAmazonDynamoDB>, awaited through ConfigureAwait, and not one of another service', () => {
    assert.deepEqual(contributionOf('src/Shop.Data/Client/IDynamoClientFactory.cs', FACTORY)?.classFields, {
      'csharp:Shop.Data.Client.IDynamoClientFactory': { 'GetAsync()': { kind: 'dynamodb' } },
    });
    const files = { 'src/Shop.Data/Client/IDynamoClientFactory.cs': FACTORY, 'src/Shop.Data/Visits/VisitStorage.cs': STORAGE };
    assert.deepEqual(hintsOfFile(files, 'src/Shop.Data/Visits/VisitStorage.cs'), ['23:ScanAsync dynamodb-scan', '23:ScanAsync dynamodb-scan!']);
    assert.deepEqual(hintsOfFile(files, 'src/Shop.Data/Visits/VisitStorage.cs', null), []);
  });

  it('reads a ValueTask<IDatabase> of a StackExchange.Redis holder, and not a database type of another library', () => {
    const redis = sourceLines(
      'using System.Threading.Tasks;',
      'using StackExchange.Redis;',
      'namespace Bot.Redis',
      '{',
      '    public interface IRedisConnection',
      '    {',
      '        ValueTask<IDatabase> GetDatabaseAsync();',
      '    }',
      '}',
    );
    const documents = sourceLines('using System.Threading.Tasks;', 'namespace Bot.Documents', '{', '    public interface IDatabase { Task KeyDeleteAsync(string key); }', '    public interface IEngine', '    {', '        ValueTask<IDatabase> OpenAsync();', '    }', '}');
    const use = (using: string, field: string): string =>
      sourceLines(
        'using System.Threading.Tasks;',
        using,
        'namespace Bot.Commands',
        '{',
        '    public class Forget',
        '    {',
        `        private readonly ${field} _redis;`,
        `        public Forget(${field} redis) { _redis = redis; }`,
        '        public async Task Run(string key)',
        '        {',
        `            var db = await _redis.${field === 'IEngine' ? 'OpenAsync' : 'GetDatabaseAsync'}();`,
        '            await db.KeyDeleteAsync(key);',
        '        }',
        '    }',
        '}',
      );
    const files = { 'src/Bot/Redis/IRedisConnection.cs': redis, 'src/Bot/Documents/IEngine.cs': documents };
    assert.deepEqual(hintsOfFile({ ...files, 'src/Bot/Commands/Forget.cs': use('using Bot.Redis;', 'IRedisConnection') }, 'src/Bot/Commands/Forget.cs'), ['12:KeyDeleteAsync redis-unlink']);
    assert.deepEqual(hintsOfFile({ ...files, 'src/Bot/Commands/Forget.cs': use('using Bot.Documents;', 'IEngine') }, 'src/Bot/Commands/Forget.cs'), []);
  });
});
