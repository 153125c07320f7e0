/**
 * `lambda-client-per-invocation` for a Java or C# class a Lambda handler constructs (`new OrderRepository()`,
 * `new ReadingsRepository(context.Logger)`) each of whose instances makes a client: an instance field or auto-property
 * initialised with one, or every constructor of the arity used making one (assigned to a field, held by a local, handed
 * to `this(...)`). The class may be the handler's file's or (workspace mode) another file's. Silent: static fields
 * (made once per execution environment), clients a constructor is given or falls back to, clients built from a
 * constructor's parameters, mappers and contexts over a shared static client, another arity's constructor, and
 * constructions kept in a field or outside a handler.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

const RULE = 'lambda-client-per-invocation!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

describe('Lambda: Java and C# classes whose instances make a client', () => {
  it('reports a Java handler that constructs classes making a client in a field initialiser or a constructor', () => {
    const code = sourceLines(
      'package shop;',
      'import com.amazonaws.services.lambda.runtime.Context;',
      'import com.amazonaws.services.lambda.runtime.RequestHandler;',
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
      'import redis.clients.jedis.Jedis;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'class FieldStore {',
      '    private final DynamoDbClient ddb = DynamoDbClient.create();',
      '}', // 10
      'class AssignedStore {',
      '    private DynamoDbClient ddb;',
      '    AssignedStore() {',
      '        ddb = DynamoDbClient.builder().build();',
      '    }',
      '}',
      'class MapperStore {',
      '    private final DynamoDBMapper mapper;',
      '    MapperStore() {',
      '        this.mapper = new DynamoDBMapper(AmazonDynamoDBClientBuilder.defaultClient());', // 20
      '    }',
      '}',
      'class ChainedStore {',
      '    private final DynamoDbClient ddb;',
      '    ChainedStore() {',
      '        this(DynamoDbClient.create());',
      '    }',
      '    ChainedStore(DynamoDbClient ddb) {',
      '        this.ddb = ddb;',
      '    }', // 30
      '}',
      'class SessionCache {',
      '    private final Jedis jedis = new Jedis(System.getenv("REDIS_HOST"), 6379);',
      '}',
      'public class Handler implements RequestHandler<String, String> {',
      '    public String handleRequest(String id, Context context) {',
      '        FieldStore field = new FieldStore();',
      '        new AssignedStore();',
      '        new MapperStore();',
      '        new ChainedStore();', // 40
      '        new SessionCache();',
      '        return id;',
      '    }',
      '}',
    );
    assert.deepEqual(reported('src/main/java/shop/Handler.java', code), [
      `37:FieldStore ${RULE}`,
      `38:AssignedStore ${RULE}`,
      `39:MapperStore ${RULE}`,
      `40:ChainedStore ${RULE}`,
      `41:SessionCache ${RULE}`,
    ]);
  });

  it('says nothing for static clients, given or fallback clients, parameters, other arities, kept instances and non-handlers', () => {
    const code = sourceLines(
      'package shop;',
      'import com.amazonaws.services.lambda.runtime.Context;',
      'import com.amazonaws.services.lambda.runtime.RequestHandler;',
      'import software.amazon.awssdk.regions.Region;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'class StaticStore {',
      '    private static final DynamoDbClient DDB = DynamoDbClient.create();',
      '}',
      'class LazyStore {',
      '    private static DynamoDbClient ddb;', // 10
      '    LazyStore() {',
      '        if (ddb == null) {',
      '            ddb = DynamoDbClient.create();',
      '        }',
      '    }',
      '}',
      'class GivenStore {',
      '    private final DynamoDbClient ddb;',
      '    GivenStore(DynamoDbClient given) {',
      '        this.ddb = given != null ? given : DynamoDbClient.create();', // 20
      '    }',
      '}',
      'class RegionalStore {',
      '    private final DynamoDbClient ddb;',
      '    RegionalStore(String region) {',
      '        this.ddb = DynamoDbClient.builder().region(Region.of(region)).build();',
      '    }',
      '    RegionalStore() {',
      '        this.ddb = DynamoDbClient.create();',
      '    }', // 30
      '}',
      'public class Handler implements RequestHandler<String, String> {',
      '    private static final DynamoDbClient SHARED = DynamoDbClient.create();',
      '    private final RegionalStore kept = new RegionalStore();',
      '    private static LazyStore cached;',
      '    public String handleRequest(String id, Context context) {',
      '        new StaticStore();',
      '        new LazyStore();',
      '        new GivenStore(SHARED);',
      '        new RegionalStore("eu-west-1");', // 40
      '        if (cached == null) {',
      '            cached = new LazyStore();',
      '        }',
      '        return id + kept;',
      '    }',
      '    RegionalStore build() {',
      '        return new RegionalStore();',
      '    }',
      '}',
    );
    assert.deepEqual(reported('src/main/java/shop/Handler.java', code), []);
  });

  it('reports a C# handler that constructs classes making a client, and not those given or keeping one statically', () => {
    const code = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.DataModel;',
      'using Amazon.Lambda.Core;',
      'using StackExchange.Redis;',
      'namespace Shop;',
      'public class ContextRepository',
      '{',
      '    private readonly DynamoDBContext _context;',
      '    public ContextRepository()',
      '    {', // 10
      '        var client = new AmazonDynamoDBClient();',
      '        _context = new DynamoDBContext(client);',
      '    }',
      '}',
      'public class PropertyRepository',
      '{',
      '    public IAmazonDynamoDB Db { get; } = new AmazonDynamoDBClient();',
      '}',
      'public class ChainedRepository',
      '{', // 20
      '    private readonly IAmazonDynamoDB _db;',
      '    public ChainedRepository() : this(new AmazonDynamoDBClient()) { }',
      '    public ChainedRepository(IAmazonDynamoDB db) { _db = db; }',
      '}',
      'public class Cache',
      '{',
      '    private readonly IConnectionMultiplexer _redis;',
      '    public Cache() { _redis = ConnectionMultiplexer.Connect("cache.example.com:6380,ssl=true"); }',
      '}',
      'public class FallbackRepository',
      '{',
      '    private static readonly IAmazonDynamoDB Shared = new AmazonDynamoDBClient();',
      '    private readonly IAmazonDynamoDB _db;',
      '    public FallbackRepository(IAmazonDynamoDB? db = null) { _db = db ?? new AmazonDynamoDBClient(); }',
      '    public FallbackRepository(string table) { _db = Shared; }',
      '}',
      'public class RegionalRepository',
      '{',
      '    public RegionalRepository(string region) : base(new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(region))) { }',
      '}',
      'public class Function',
      '{',
      '    public async Task<string> FunctionHandler(string input, ILambdaContext context)',
      '    {',
      '        var repo = new ContextRepository();',
      '        var property = new PropertyRepository();',
      '        var chained = new ChainedRepository();',
      '        var cache = new Cache();',
      '        var fallback = new FallbackRepository();',
      '        var named = new FallbackRepository("orders");',
      '        var given = new ChainedRepository(new AmazonDynamoDBClient());',
      '        var regional = new RegionalRepository(input);',
      '        return input;',
      '    }',
      '}',
    );
    assert.deepEqual(reported('src/Function.cs', code), [
      `45:ContextRepository ${RULE}`,
      `46:PropertyRepository ${RULE}`,
      `47:ChainedRepository ${RULE}`,
      `48:Cache ${RULE}`,
      `51:AmazonDynamoDBClient ${RULE}`,
    ]);
  });

  it('says nothing for a mapper, context or enhanced client a constructor builds over a shared static client', () => {
    const java = sourceLines(
      'package shop;',
      'import com.amazonaws.services.lambda.runtime.Context;',
      'import com.amazonaws.services.lambda.runtime.RequestHandler;',
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
      'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'class Clients {',
      '    static final DynamoDbClient V2 = DynamoDbClient.create();', // 10
      '}',
      'class MapperRepo {',
      '    private static final AmazonDynamoDB SHARED = AmazonDynamoDBClientBuilder.defaultClient();',
      '    private final DynamoDBMapper mapper = new DynamoDBMapper(SHARED);',
      '}',
      'class EnhancedRepo {',
      '    private final DynamoDbEnhancedClient enhanced;',
      '    EnhancedRepo() {',
      '        enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(Clients.V2).build();',
      '    }', // 20
      '}',
      'public class Handler implements RequestHandler<String, String> {',
      '    public String handleRequest(String id, Context context) {',
      '        new MapperRepo();',
      '        new EnhancedRepo();',
      '        return id;',
      '    }',
      '}',
    );
    assert.deepEqual(reported('src/main/java/shop/Handler.java', java), []);
    const csharp = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.DataModel;',
      'using Amazon.Lambda.Core;',
      'public class ContextRepo',
      '{',
      '    private static readonly IAmazonDynamoDB Shared = new AmazonDynamoDBClient();',
      '    private readonly DynamoDBContext _context;',
      '    public ContextRepo() { _context = new DynamoDBContext(Shared); }',
      '}',
      'public class Function',
      '{',
      '    public string FunctionHandler(string input, ILambdaContext context)',
      '    {',
      '        var repo = new ContextRepo();',
      '        return input;',
      '    }',
      '}',
    );
    assert.deepEqual(reported('src/Function.cs', csharp), []);
  });

  it('reports, in workspace mode, a handler constructing a class of another file whose constructor makes a client', () => {
    const javaStore = sourceLines(
      'package shop.data;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'public class OrderDao {',
      '    private final DynamoDbClient ddb;',
      '    public OrderDao() {',
      '        this.ddb = DynamoDbClient.create();',
      '    }',
      '    public OrderDao(DynamoDbClient ddb) {',
      '        this.ddb = ddb;',
      '    }',
      '}',
    );
    const javaShared = sourceLines(
      'package shop.data;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'public class SharedDao {',
      '    private static final DynamoDbClient DDB = DynamoDbClient.create();',
      '}',
    );
    const javaHandler = sourceLines(
      'package shop.lambda;',
      'import com.amazonaws.services.lambda.runtime.Context;',
      'import com.amazonaws.services.lambda.runtime.RequestHandler;',
      'import shop.data.OrderDao;',
      'import shop.data.SharedDao;',
      'public class GetOrder implements RequestHandler<String, String> {',
      '    private final OrderDao kept = new OrderDao();',
      '    public String handleRequest(String id, Context context) {',
      '        OrderDao dao = new OrderDao();',
      '        SharedDao shared = new SharedDao();',
      '        OrderDao given = new OrderDao(null);',
      '        return id;',
      '    }',
      '}',
    );
    const files = { 'src/main/java/shop/data/OrderDao.java': javaStore, 'src/main/java/shop/data/SharedDao.java': javaShared, 'src/main/java/shop/lambda/GetOrder.java': javaHandler };
    assert.deepEqual(
      hintsOfFile(files, 'src/main/java/shop/lambda/GetOrder.java').filter((hint) => hint.endsWith(RULE)),
      [`9:OrderDao ${RULE}`],
    );
    const csharpStore = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.Lambda.Core;',
      'namespace Meters.Core;',
      'public class ReadingsRepository',
      '{',
      '    private readonly AmazonDynamoDBClient client;',
      '    private readonly ILambdaLogger logger;',
      '    public ReadingsRepository(ILambdaLogger logger)',
      '    {',
      '        client = new AmazonDynamoDBClient();',
      '        this.logger = logger;',
      '    }',
      '}',
    );
    const csharpFunction = sourceLines(
      'using Amazon.Lambda.Core;',
      'using Meters.Core;',
      'namespace Meters.Lambda;',
      'public class Function',
      '{',
      '    public async Task FunctionHandler(string input, ILambdaContext context)',
      '    {',
      '        var readings = new ReadingsRepository(context.Logger);',
      '    }',
      '}',
    );
    const csharpFiles = { 'Meters.Core/ReadingsRepository.cs': csharpStore, 'Meters.Lambda/Function.cs': csharpFunction };
    assert.deepEqual(hintsOfFile(csharpFiles, 'Meters.Lambda/Function.cs').filter((hint) => hint.endsWith(RULE)), [`8:ReadingsRepository ${RULE}`]);
    assert.deepEqual(reported('Meters.Lambda/Function.cs', csharpFunction), []);
  });

  it('leaves a Java document API, mapper or enhanced client made over a client already held, and reports one made over a new client', () => {
    const code = sourceLines(
      'package shop;',
      'import com.amazonaws.regions.Regions;',
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
      'import com.amazonaws.services.dynamodbv2.document.DynamoDB;',
      'import com.amazonaws.services.lambda.runtime.Context;',
      'import com.amazonaws.services.lambda.runtime.RequestHandler;',
      'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;', // 10
      'public class Handler implements RequestHandler<String, String> {',
      '    private static final AmazonDynamoDB CLIENT = AmazonDynamoDBClientBuilder.defaultClient();',
      '    private static final DynamoDbClient DDB = DynamoDbClient.create();',
      '    public String handleRequest(String id, Context context) {',
      '        DynamoDB documents = new DynamoDB(CLIENT);',
      '        DynamoDBMapper mapper = new DynamoDBMapper(Handler.CLIENT);',
      '        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(DDB).build();',
      '        DynamoDB regional = new DynamoDB(Regions.US_EAST_1);',
      '        DynamoDB inline = new DynamoDB(AmazonDynamoDBClientBuilder.defaultClient());',
      '        return documents.getTable("orders").getItem("id", id).toJSON();', // 20
      '    }',
      '}',
    );
    assert.deepEqual(reported('Handler.java', code), [`18:DynamoDB ${RULE}`, `19:DynamoDB ${RULE}`]);
  });
});
