/**
 * `dynamodb-item-loop` in Java and C# through another file's repository (`classItemSavesPerElement` in
 * `code/languages/classItemHelperCalls.ts`): a service's loop that hands each element to a repository method saving
 * its parameter with one unconditional write sends one round trip per element.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules, sourceLines } from './support';

const RULE = 'dynamodb-item-loop';

/** The rule's findings in `file` as `line:text`, read beside the other files (workspace mode). */
function reported(files: Record<string, string>, file: string): string[] {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, workspace: built });
  return result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => `${result.lines.lineOf(finding.start) + 1}:${files[file].slice(finding.start, finding.end)}`);
}

const JAVA_REPOSITORY = sourceLines(
  'package com.acme.orders;',
  'import software.amazon.awssdk.enhanced.dynamodb.*;',
  '@Repository',
  'public class OrderRepository {',
  '  private final DynamoDbTable<Order> table;',
  '  public OrderRepository(DynamoDbEnhancedClient client) { this.table = client.table("orders", TableSchema.fromBean(Order.class)); }',
  '  public void save(Order order) { table.putItem(order); }',
  '  public void saveAudit(AuditEntry entry) { table.putItem(entry); }',
  '}',
);

/** An enhanced-client bean, with a version attribute when `versioned`. */
function javaBean(name: string, versioned: boolean): string {
  return sourceLines(
    'package com.acme.orders;',
    'import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;',
    '@DynamoDbBean',
    `public class ${name} {`,
    '  private String id;',
    '  @DynamoDbPartitionKey public String getId() { return id; }',
    ...(versioned ? ['  private Long version;', '  @DynamoDbVersionAttribute public Long getVersion() { return version; }'] : []),
    '}',
  );
}

const JAVA_SERVICE = sourceLines(
  'package com.acme.orders;',
  'import java.util.List;',
  '@Service',
  'public class ImportService {',
  '  private final OrderRepository orders;',
  '  public ImportService(OrderRepository orders) { this.orders = orders; }',
  '  public void importAll(List<Order> incoming) {',
  '    for (Order order : incoming) {',
  '      orders.save(order);',
  '    }',
  '  }',
  '  public void auditAll(List<AuditEntry> entries) {',
  '    entries.forEach(entry -> this.orders.saveAudit(entry));',
  '  }',
  '  public void importOne(Order order) {',
  '    orders.save(order);',
  '  }',
  '}',
);

describe('item requests per element through another file’s repository (Java, C#)', () => {
  it('reports a Java loop that saves each element through a repository method of another file', () => {
    const files = { 'src/OrderRepository.java': JAVA_REPOSITORY, 'src/Order.java': javaBean('Order', false), 'src/AuditEntry.java': javaBean('AuditEntry', false), 'src/ImportService.java': JAVA_SERVICE };
    assert.deepEqual(reported(files, 'src/ImportService.java'), ['9:save', '13:saveAudit']);
  });

  it('leaves a versioned class, whose save is conditional, and a class the workspace does not show', () => {
    const versioned = { 'src/OrderRepository.java': JAVA_REPOSITORY, 'src/Order.java': javaBean('Order', true), 'src/ImportService.java': JAVA_SERVICE };
    assert.deepEqual(reported(versioned, 'src/ImportService.java'), []);
  });

  it('leaves a Java repository on the async client, whose saves hand back futures the caller chains', () => {
    const asyncRepository = sourceLines(
      'package com.acme.orders;',
      'import reactor.core.publisher.Mono;',
      'import software.amazon.awssdk.enhanced.dynamodb.*;',
      'public class OrderRepository {',
      '  private final DynamoDbAsyncTable<Order> table;',
      '  public OrderRepository(DynamoDbEnhancedAsyncClient client) { this.table = client.table("orders", TableSchema.fromBean(Order.class)); }',
      '  public Mono<Void> save(Order order) { return Mono.fromFuture(table.putItem(order)); }',
      '}',
    );
    const service = sourceLines(
      'package com.acme.orders;',
      'import reactor.core.publisher.Flux;',
      'public class ImportService {',
      '  private final OrderRepository orders;',
      '  public ImportService(OrderRepository orders) { this.orders = orders; }',
      '  public Flux<Void> importAll(Flux<Order> incoming) {',
      '    return incoming.flatMap(order -> orders.save(order));',
      '  }',
      '}',
    );
    assert.deepEqual(reported({ 'src/OrderRepository.java': asyncRepository, 'src/Order.java': javaBean('Order', false), 'src/ImportService.java': service }, 'src/ImportService.java'), []);
  });

  it('reports a C# foreach that awaits a repository’s SaveAsync per element, and leaves the same saves sent together', () => {
    const files = {
      'Data/ProductRepository.cs': sourceLines(
        'using Amazon.DynamoDBv2.DataModel;',
        'namespace Shop.Data;',
        'public class ProductRepository',
        '{',
        '    private readonly IDynamoDBContext _context;',
        '    public ProductRepository(IDynamoDBContext context) { _context = context; }',
        '    public async Task SaveAsync(Product product) { await _context.SaveAsync(product); }',
        '}',
      ),
      'Data/Product.cs': sourceLines('using Amazon.DynamoDBv2.DataModel;', 'namespace Shop.Data;', '[DynamoDBTable("products")]', 'public class Product', '{', '    [DynamoDBHashKey] public string Id { get; set; }', '}'),
      'Services/CatalogService.cs': sourceLines(
        'namespace Shop.Services;',
        'public class CatalogService',
        '{',
        '    private readonly ProductRepository _products;',
        '    public CatalogService(ProductRepository products) { _products = products; }',
        '    public async Task ImportAsync(IEnumerable<Product> products)',
        '    {',
        '        foreach (var product in products)',
        '        {',
        '            await _products.SaveAsync(product);',
        '        }',
        '    }',
        '    public Task ImportTogetherAsync(IEnumerable<Product> products) => Task.WhenAll(products.Select(product => _products.SaveAsync(product)));',
        '}',
      ),
    };
    assert.deepEqual(reported(files, 'Services/CatalogService.cs'), ['10:SaveAsync']);
  });
});

describe('C# saves handed on through a service to a generic repository (workspace)', () => {
  const store = sourceLines(
    'using System.Threading.Tasks;',
    'using Amazon.DynamoDBv2;',
    'using Amazon.DynamoDBv2.DataModel;',
    'namespace Fleet.Data',
    '{',
    '    public interface IStore<T> where T : class { Task PutAsync(T item); }',
    '    public class Store<T> : DynamoDBContext, IStore<T> where T : class',
    '    {',
    '        public Store(IAmazonDynamoDB client) : base(client) { }',
    '        public async Task PutAsync(T item) { await base.SaveAsync(item); }',
    '    }',
    '}',
  );
  const truck = sourceLines('using Amazon.DynamoDBv2.DataModel;', 'namespace Fleet.Data', '{', '    [DynamoDBTable("trucks")]', '    public class Truck { [DynamoDBHashKey] public string Id { get; set; } }', '}');
  const service = (namespace: string, body: string[]): string =>
    sourceLines('using System.Threading.Tasks;', 'using Fleet.Data;', `namespace ${namespace}`, '{', '    public class Dispatch', '    {', ...body, '    }', '}');
  const dispatch = service('Fleet.Services', [
    '        private readonly IStore<Truck> _trucks;',
    '        public Dispatch(IStore<Truck> trucks) { _trucks = trucks; }',
    '        public void Assign(Truck truck) { truck.Id = truck.Id.Trim(); Keep(truck); }',
    '        private async void Keep(Truck truck) { await _trucks.PutAsync(truck); }',
  ]);
  const otherDispatch = service('Fleet.Reports', ['        private readonly IPrinter _printer;', '        public void Assign(Truck truck) { _printer.PutLine(truck); }']);
  const worker = sourceLines(
    'using System.Collections.Generic;',
    'using System.Threading.Tasks;',
    'using Fleet.Data;',
    'using Fleet.Services;',
    'namespace Fleet.Worker',
    '{',
    '    public class Loop',
    '    {',
    '        private readonly Dispatch _dispatch;',
    '        private readonly IStore<Truck> _trucks;',
    '        public Loop(Dispatch dispatch, IStore<Truck> trucks) { _dispatch = dispatch; _trucks = trucks; }',
    '        public async Task RunAsync(List<Truck> trucks)',
    '        {',
    '            foreach (var truck in trucks)',
    '            {',
    '                _dispatch.Assign(truck);', // 16
    '                await _trucks.PutAsync(truck);', // 17
    '            }',
    '        }',
    '    }',
    '}',
  );

  it('reports a loop that calls a service saving each element through its own method and the generic repository, told apart from a class of the same name in another namespace', () => {
    const files = { 'Data/Store.cs': store, 'Data/Truck.cs': truck, 'Services/Dispatch.cs': dispatch, 'Reports/Dispatch.cs': otherDispatch, 'Worker/Loop.cs': worker };
    assert.deepEqual(reported(files, 'Worker/Loop.cs'), ['16:Assign', '17:PutAsync']);
  });

  it('leaves the loop where the saved class carries a version attribute', () => {
    const versioned = truck.replace('public string Id { get; set; } }', 'public string Id { get; set; } [DynamoDBVersion] public int? Version { get; set; } }');
    const files = { 'Data/Store.cs': store, 'Data/Truck.cs': versioned, 'Services/Dispatch.cs': dispatch, 'Worker/Loop.cs': worker };
    assert.deepEqual(reported(files, 'Worker/Loop.cs'), []);
  });
});
