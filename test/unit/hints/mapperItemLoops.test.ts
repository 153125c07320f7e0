/**
 * `dynamodb-item-loop` through object mappers: a write of one whole object or key per element of a loop, which the
 * library's batch takes instead (Spring Data's `saveAll`, .NET's `CreateBatchWrite`, PynamoDB's `batch_write()`,
 * dynamoose's `batchPut` / `batchDelete`, ElectroDB's `put([...])`). Silent: a write that is conditional (a version
 * attribute in the file, an operation config that sets more than the table's name, a condition or settings argument, dynamoose's `create` and ElectroDB's
 * `create`, which refuse to overwrite, a `where` step), writes sent together, and tests.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-item-loop!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

const SPRING_IMPORTS = [
  'package shop.orders;',
  '',
  'import com.amazonaws.services.dynamodbv2.datamodeling.*;',
  'import org.socialsignin.spring.data.dynamodb.repository.EnableScan;',
  'import org.springframework.data.repository.CrudRepository;',
  'import org.springframework.stereotype.Service;',
  'import java.util.List;',
  '',
];

function springService(entity: string[], body: string[]): string {
  return sourceLines(
    ...SPRING_IMPORTS,
    ...entity,
    '',
    '@EnableScan',
    'interface OrderRepository extends CrudRepository<Order, String> {',
    '}',
    '',
    '@Service',
    'public class OrderImportService {',
    '    private final OrderRepository orderRepository;',
    '',
    '    public OrderImportService(OrderRepository orderRepository) {',
    '        this.orderRepository = orderRepository;',
    '    }',
    '',
    ...body,
    '}',
  );
}

const ORDER_ENTITY = [
  '@DynamoDBTable(tableName = "orders")',
  'class Order {',
  '    private String orderId;',
  '    @DynamoDBHashKey(attributeName = "order_id")',
  '    public String getOrderId() { return orderId; }',
  '}',
];

describe('DynamoDB: one item request per element through object mappers', () => {
  it('reports a Spring Data repository’s save and delete per element of a loop or forEach, not saveAll', () => {
    const code = springService(ORDER_ENTITY, [
      '    public void importOrders(List<Order> orders) {',
      '        for (Order order : orders) {',
      '            orderRepository.save(order);',
      '        }',
      '        orders.forEach(order -> orderRepository.save(order));',
      '        orders.forEach(orderRepository::save);',
      '        orderRepository.saveAll(orders);',
      '    }',
      '',
      '    public void removeOrders(List<Order> orders) {',
      '        for (Order order : orders) {',
      '            orderRepository.delete(order);',
      '        }',
      '    }',
      '',
      '    public Order place(Order order) {',
      '        return orderRepository.save(order);',
      '    }',
    ]);
    const hints = hintsIn('OrderImportService.java', code);
    assert.deepEqual(
      hints.filter((hint) => hint.endsWith(RULE)),
      [`30:save ${RULE}`, `32:save ${RULE}`, `33:save ${RULE}`, `39:delete ${RULE}`],
    );
    // One item's save still gets no hover of its own: the mapper's configured save behaviour decides its request.
    assert.deepEqual(
      hints.filter((hint) => / save (?!dynamodb-item-loop)/.test(hint)),
      [],
    );
  });

  it('stays silent on a Spring Data save of a versioned or unseen entity, which the mapper may make conditional', () => {
    const versioned = [...ORDER_ENTITY.slice(0, -1), '    @DynamoDBVersionAttribute', '    public Long getVersion() { return version; }', '}'];
    const code = springService(versioned, [
      '    public void importOrders(List<Order> orders) {',
      '        for (Order order : orders) {',
      '            orderRepository.save(order);',
      '        }',
      '    }',
    ]);
    assert.deepEqual(reported('OrderImportService.java', code), []);
    // An entity class the analysis cannot see may carry one.
    const unseen = springService([], [
      '    public void importOrders(List<Order> orders) {',
      '        for (Order order : orders) {',
      '            orderRepository.save(order);',
      '        }',
      '    }',
    ]);
    assert.deepEqual(reported('OrderImportService.java', unseen), []);
  });

  it('reports the .NET context’s SaveAsync and DeleteAsync per element of a foreach, also given a config that only names the table, not an unseen config or a versioned class', () => {
    const code = sourceLines(
      'using Amazon.DynamoDBv2.DataModel;',
      'using System.Collections.Generic;',
      'using System.Threading;',
      'using System.Threading.Tasks;',
      '',
      'namespace Shop.Orders',
      '{',
      '    [DynamoDBTable("orders")]',
      '    public class Order',
      '    {',
      '        [DynamoDBHashKey] public string CustomerId { get; set; }',
      '        [DynamoDBRangeKey] public string OrderId { get; set; }',
      '    }',
      '',
      '    public class OrderStore',
      '    {',
      '        private readonly IDynamoDBContext _context;',
      '',
      '        public OrderStore(IDynamoDBContext context)',
      '        {',
      '            _context = context;',
      '        }',
      '',
      '        public async Task ImportAsync(IEnumerable<Order> orders, CancellationToken cancellationToken)',
      '        {',
      '            foreach (var order in orders)',
      '            {',
      '                await _context.SaveAsync(order.ToDatabase(), cancellationToken);',
      '            }',
      '        }',
      '',
      '        public async Task PurgeAsync(IEnumerable<string> customerIds, string orderId)',
      '        {',
      '            foreach (var customerId in customerIds)',
      '            {',
      '                await _context.DeleteAsync<Order>(customerId, orderId);',
      '                await _context.SaveAsync(customerId, new DynamoDBOperationConfig { OverrideTableName = "archive" });',
      '                await _context.SaveAsync(customerId, archiveConfig);',
      '            }',
      '        }',
      '',
      '        public async Task ImportTogetherAsync(IEnumerable<Order> orders)',
      '        {',
      '            var tasks = new List<Task>();',
      '            foreach (var order in orders)',
      '            {',
      '                tasks.Add(_context.SaveAsync(order));',
      '            }',
      '            await Task.WhenAll(tasks);',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(reported('OrderStore.cs', code), [`28:SaveAsync ${RULE}`, `36:DeleteAsync ${RULE}`, `37:SaveAsync ${RULE}`]);
    const versioned = code.replace('[DynamoDBRangeKey] public string OrderId { get; set; }', '[DynamoDBRangeKey] public string OrderId { get; set; }\n        [DynamoDBVersion] public int? Version { get; set; }');
    assert.deepEqual(reported('OrderStore.cs', versioned), []);
  });

  it('reports a PynamoDB item’s save() per element in a Lambda handler, not with a condition, in batch_write or with a version attribute', () => {
    const model = [
      'from pynamodb.models import Model',
      'from pynamodb.attributes import UnicodeAttribute',
      '',
      '',
      'class Order(Model):',
      '    class Meta:',
      '        table_name = "orders"',
      '',
      '    order_id = UnicodeAttribute(hash_key=True)',
      '    status = UnicodeAttribute()',
      '',
      '',
    ];
    const code = sourceLines(
      ...model,
      'def handler(event, context):',
      '    for record in event["Records"]:',
      '        order = Order(record["id"], status="new")',
      '        order.save()',
      '    for record in event["Records"]:',
      '        order = Order(record["id"], status="new")',
      '        order.save(condition=Order.order_id.does_not_exist())',
      '    with Order.batch_write() as batch:',
      '        for record in event["Records"]:',
      '            batch.save(Order(record["id"], status="new"))',
    );
    assert.deepEqual(reported('handler.py', code), [`16:save ${RULE}`]);
    const versioned = code.replace('    status = UnicodeAttribute()', '    status = UnicodeAttribute()\n    version = VersionAttribute()');
    assert.deepEqual(reported('handler.py', versioned), []);
  });

  it('reports a dynamoose item’s save() and Model.delete(key) per element, not Model.create, settings or unawaited saves', () => {
    const code = sourceLines(
      "import * as dynamoose from 'dynamoose';",
      '',
      "const Order = dynamoose.model('Order', new dynamoose.Schema({ id: String, status: String }));",
      '',
      'export class OrderService {',
      '  async importOrders(rows: { id: string; status: string }[]) {',
      '    for (const row of rows) {',
      '      const order = new Order(row);',
      '      await order.save();',
      '    }',
      '    for (const row of rows) {',
      '      await Order.create(row);',
      '      await Order.delete(row.id);',
      "      await Order.delete(row.id, { condition: new dynamoose.Condition('status').eq('closed') });",
      '    }',
      '    for (const row of rows) {',
      '      new Order(row).save();',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(reported('orders.ts', code), [`9:save ${RULE}`, `13:delete ${RULE}`]);
  });

  it('reports ElectroDB put and delete of one item per element, not create, a where condition or execution options', () => {
    const code = sourceLines(
      "import { Entity } from 'electrodb';",
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      '',
      'const client = new DynamoDBClient({});',
      'const Order = new Entity(',
      '  {',
      "    model: { entity: 'order', version: '1', service: 'shop' },",
      "    attributes: { id: { type: 'string' }, status: { type: 'string' } },",
      "    indexes: { primary: { pk: { field: 'pk', composite: ['id'] }, sk: { field: 'sk', composite: [] } } },",
      '  },',
      "  { client, table: 'shop' },",
      ');',
      '',
      'export const handler = async (event: { orders: { id: string; status: string }[] }) => {',
      '  for (const order of event.orders) {',
      '    await Order.put({ id: order.id, status: order.status }).go();',
      '    await Order.create({ id: order.id, status: order.status }).go();',
      "    await Order.delete({ id: order.id }).where(({ status }, { eq }) => eq(status, 'closed')).go();",
      "    await Order.put({ id: order.id, status: order.status }).go({ response: 'all_old' });",
      '    await Order.delete({ id: order.id }).go();',
      '  }',
      '};',
    );
    assert.deepEqual(reported('handler.ts', code), [`16:put ${RULE}`, `20:delete ${RULE}`]);
  });
});
