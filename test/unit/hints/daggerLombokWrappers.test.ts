/**
 * Java services on DynamoDB without Spring (audit56d):
 * - a Lambda handler that builds a Dagger graph on each invocation (`DaggerX.create()` in `handleRequest`), whose
 *   component lists a module whose `@Provides` method builds a client (`workspace/daggerGraphs.ts`); not one that
 *   keeps the graph in a field, nor a module that provides a mapper over the client another provision gives it;
 * - a mapper, document API or enhanced client built in a handler over a client a static field holds: no client made
 *   per invocation (`code/clientWrappers.ts`);
 * - Lombok getters: `this.getSettings().getMapper()` through a class marked `@Getter`, in the same file and through a
 *   project class of another file (`code/languages/javaLombokGetters.ts`);
 * - a repository's read that checks the object for null before returning it, for read-modify-write at its callers.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

const MODULE = sourceLines(
  'package shop.di;',
  'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
  'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
  'import dagger.Module;',
  'import dagger.Provides;',
  '@Module',
  'public class ClientModule {',
  '    @Provides',
  '    AmazonDynamoDB client() {',
  '        return AmazonDynamoDBClientBuilder.defaultClient();',
  '    }',
  '}',
);

const MAPPER_MODULE = sourceLines(
  'package shop.di;',
  'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
  'import dagger.Module;',
  'import dagger.Provides;',
  '@Module(includes = ClientModule.class)',
  'public class MapperModule {',
  '    @Provides',
  '    DynamoDBMapper mapper(AmazonDynamoDB client) {',
  '        return new DynamoDBMapper(client);',
  '    }',
  '}',
);

const component = (modules: string): string =>
  sourceLines('package shop.di;', 'import dagger.Component;', 'import javax.inject.Singleton;', '@Singleton', `@Component(modules = ${modules})`, 'public interface ShopComponent {', '    Object orders();', '}');

const HANDLER = sourceLines(
  'package shop.lambda;',
  'import com.amazonaws.services.lambda.runtime.Context;',
  'import com.amazonaws.services.lambda.runtime.RequestHandler;',
  'import shop.di.DaggerShopComponent;',
  'import shop.di.ShopComponent;',
  'public class OrdersHandler implements RequestHandler<String, Object> {',
  '    private static ShopComponent kept;',
  '    public Object handleRequest(String id, Context context) {',
  '        ShopComponent graph = DaggerShopComponent.create();',
  '        return graph.orders();',
  '    }',
  '    public Object lazily(String id, Context context) {',
  '        if (kept == null) {',
  '            kept = DaggerShopComponent.create();',
  '        }',
  '        return kept.orders();',
  '    }',
  '}',
);

function perInvocation(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith('lambda-client-per-invocation!'));
}

describe('Java without Spring: Dagger graphs, client wrappers, Lombok getters (audit56d)', () => {
  it('reports a Dagger graph built in handleRequest whose modules build a client, through included modules too', () => {
    const files = { 'src/shop/di/ClientModule.java': MODULE, 'src/shop/di/MapperModule.java': MAPPER_MODULE, 'src/shop/di/ShopComponent.java': component('{MapperModule.class}'), 'src/shop/lambda/OrdersHandler.java': HANDLER };
    assert.deepEqual(perInvocation(files, 'src/shop/lambda/OrdersHandler.java'), ['9:create lambda-client-per-invocation!']);
  });

  it('stays silent when no module of the component builds a client, and read alone', () => {
    const files = { 'src/shop/di/MapperModule.java': MAPPER_MODULE.replace('@Module(includes = ClientModule.class)', '@Module'), 'src/shop/di/ShopComponent.java': component('MapperModule.class'), 'src/shop/lambda/OrdersHandler.java': HANDLER };
    assert.deepEqual(perInvocation(files, 'src/shop/lambda/OrdersHandler.java'), []);
    assert.deepEqual(hintsIn('OrdersHandler.java', HANDLER), []);
  });

  it('makes no client per invocation for a wrapper over a static client, but does for one over a client made in place', () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;',
      'import com.amazonaws.services.dynamodbv2.document.DynamoDB;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
      'import com.amazonaws.services.lambda.runtime.Context;',
      'import com.amazonaws.services.lambda.runtime.RequestHandler;',
      'public class Lookup implements RequestHandler<String, String> {',
      '    private static final AmazonDynamoDB CLIENT = AmazonDynamoDBClientBuilder.defaultClient();',
      '    private final AmazonDynamoDB own = AmazonDynamoDBClientBuilder.defaultClient();',
      '    public String handleRequest(String id, Context context) {',
      '        DynamoDB documents = new DynamoDB(CLIENT);',
      '        DynamoDBMapper mapper = new DynamoDBMapper(this.own);',
      '        DynamoDBMapper fresh = new DynamoDBMapper(AmazonDynamoDBClientBuilder.defaultClient());',
      '        return documents.getTable("t").getItem("id", id).toJSON() + mapper.hashCode() + fresh.hashCode();',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Lookup.java', code).filter((hint) => hint.includes('per-invocation!')), ['13:DynamoDBMapper lambda-client-per-invocation!']);
  });

  it('reads a mapper through Lombok getters of the same class and of a project class of another file', () => {
    const settings = sourceLines(
      'package shop.data;',
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
      'import lombok.Getter;',
      '@Getter',
      'class Settings {',
      '    private final DynamoDBMapper mapper = new DynamoDBMapper(AmazonDynamoDBClientBuilder.defaultClient());',
      '}',
    );
    const dao = sourceLines(
      'package shop.data;',
      'import lombok.Getter;',
      'public class ArchiveDao {',
      '    @Getter',
      '    private final Settings settings = new Settings();',
      '    private final Settings hidden = new Settings();',
      '    public void purge(Object order) {',
      '        this.getSettings().getMapper().delete(order);',
      '        this.getHidden().getMapper().delete(order);',
      '    }',
      '}',
    );
    const files = { 'src/shop/data/Settings.java': settings, 'src/shop/data/ArchiveDao.java': dao };
    assert.deepEqual(hintsOfFile(files, 'src/shop/data/ArchiveDao.java'), ['8:delete dynamodb-delete-item']);
    // A package-private field lends its getter too.
    const packageField = settings.replace('    private final DynamoDBMapper mapper', '    final DynamoDBMapper mapper');
    assert.notEqual(packageField, settings);
    assert.deepEqual(hintsOfFile({ ...files, 'src/shop/data/Settings.java': packageField }, 'src/shop/data/ArchiveDao.java'), ['8:delete dynamodb-delete-item']);
  });

  it('reads a repository read checked for null as the object its caller changes and saves back', () => {
    const model = sourceLines(
      'package shop.model;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBHashKey;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBTable;',
      '@DynamoDBTable(tableName = "carts")',
      'public class Cart {',
      '    private String id;',
      '    private int lines;',
      '    @DynamoDBHashKey',
      '    public String getId() { return id; }',
      '    public void setId(String id) { this.id = id; }',
      '    public int getLines() { return lines; }',
      '    public void setLines(int lines) { this.lines = lines; }',
      '}',
    );
    const repository = sourceLines(
      'package shop.data;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
      'import shop.model.Cart;',
      'public class CartDao {',
      '    private final DynamoDBMapper mapper;',
      '    public CartDao(DynamoDBMapper mapper) { this.mapper = mapper; }',
      '    public Cart findCart(String id) {',
      '        Cart cart = mapper.load(Cart.class, id);',
      '        if (cart == null) {',
      '            throw new IllegalStateException(id);',
      '        }',
      '        return cart;',
      '    }',
      '    public void keep(Cart cart) { mapper.save(cart); }',
      '}',
    );
    const service = sourceLines(
      'package shop.service;',
      'import shop.data.CartDao;',
      'import shop.model.Cart;',
      'public class CartService {',
      '    private final CartDao carts;',
      '    public CartService(CartDao carts) { this.carts = carts; }',
      '    public void addLine(String id) {',
      '        Cart cart = carts.findCart(id);',
      '        cart.setLines(cart.getLines() + 1);',
      '        carts.keep(cart);',
      '    }',
      '}',
    );
    const files = { 'src/shop/model/Cart.java': model, 'src/shop/data/CartDao.java': repository, 'src/shop/service/CartService.java': service };
    assert.deepEqual(
      hintsOfFile(files, 'src/shop/service/CartService.java').filter((hint) => hint.endsWith('!')),
      ['10:keep dynamodb-read-modify-write!'],
    );
    const versioned = model
      .replace('import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBTable;', 'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBTable;\nimport com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBVersionAttribute;')
      .replace('    @DynamoDBHashKey', '    @DynamoDBVersionAttribute\n    public Long getRevision() { return null; }\n    @DynamoDBHashKey');
    assert.notEqual(versioned, model);
    assert.deepEqual(hintsOfFile({ ...files, 'src/shop/model/Cart.java': versioned }, 'src/shop/service/CartService.java').filter((hint) => hint.endsWith('!')), []);
  });
});
