/**
 * `client-per-request` through a layered Java or C# service (`workspace/classForwards.ts`): a controller holds a
 * service by its interface, the one class implementing it hands the call on to a repository field, and the
 * repository's method makes a client on each call. Silent: a call handed on to a method that keeps its client, an
 * interface two classes implement, a call on a parameter, a method that keeps its client in a map, and a file read alone.
 * A map the repository's method fills for its request (`values.put(":tenant", ...)`) keeps no client.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

function perRequest(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith('client-per-request!'));
}

const REPOSITORY = sourceLines(
  'package com.example.orders.repository;',
  '',
  'import java.util.HashMap;',
  'import java.util.List;',
  'import java.util.Map;',
  'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
  'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBScanExpression;',
  'import com.amazonaws.services.dynamodbv2.model.AttributeValue;',
  'import com.example.orders.model.Order;',
  'import org.springframework.stereotype.Repository;',
  '',
  '@Repository',
  'public class OrderRepository {',
  '    private static final AmazonDynamoDB SHARED = AmazonDynamoDBClientBuilder.defaultClient();',
  '    private static final Map<String, AmazonDynamoDB> BY_REGION = new HashMap<>();',
  '',
  '    public List<Order> findAll(String tenant) {',
  '        Map<String, AttributeValue> values = new HashMap<>();',
  '        values.put(":tenant", new AttributeValue().withS(tenant));',
  '        return tenantMapper(tenant).scan(Order.class, new DynamoDBScanExpression().withExpressionAttributeValues(values));',
  '    }',
  '',
  '    public Order inRegion(String region, String id) {',
  '        AmazonDynamoDB client = AmazonDynamoDBClientBuilder.standard().build();',
  '        BY_REGION.put(region, client);',
  '        return new DynamoDBMapper(client).load(Order.class, id);',
  '    }',
  '',
  '    public Order load(String tenant, String id) {',
  '        return new DynamoDBMapper(SHARED).load(Order.class, id);',
  '    }',
  '',
  '    private DynamoDBMapper tenantMapper(String tenant) {',
  '        AmazonDynamoDB client = AmazonDynamoDBClientBuilder.standard().build();',
  '        return new DynamoDBMapper(client);',
  '    }',
  '}',
);

const SERVICE = sourceLines(
  'package com.example.orders.service;',
  '',
  'import java.util.List;',
  'import com.example.orders.model.Order;',
  '',
  'public interface OrderService {',
  '    List<Order> findAll(String tenant);',
  '    Order load(String tenant, String id);',
  '    List<Order> copyFrom(OrderRepository other, String tenant);',
  '    Order inRegion(String region, String id);',
  '}',
);

const SERVICE_IMPL = sourceLines(
  'package com.example.orders.service;',
  '',
  'import java.util.List;',
  'import com.example.orders.model.Order;',
  'import com.example.orders.repository.OrderRepository;',
  'import org.springframework.stereotype.Service;',
  '',
  '@Service',
  'public class OrderServiceImpl implements OrderService {',
  '    private final OrderRepository orderRepository;',
  '',
  '    public OrderServiceImpl(OrderRepository orderRepository) {',
  '        this.orderRepository = orderRepository;',
  '    }',
  '',
  '    @Override',
  '    public List<Order> findAll(String tenant) {',
  '        return orderRepository.findAll(tenant);',
  '    }',
  '',
  '    @Override',
  '    public Order load(String tenant, String id) {',
  '        return this.orderRepository.load(tenant, id);',
  '    }',
  '',
  '    @Override',
  '    public List<Order> copyFrom(OrderRepository other, String tenant) {',
  '        return other.findAll(tenant);',
  '    }',
  '',
  '    @Override',
  '    public Order inRegion(String region, String id) {',
  '        return orderRepository.inRegion(region, id);',
  '    }',
  '}',
);

const AUDIT = sourceLines(
  'package com.example.orders.service;',
  '',
  'public interface AuditService {',
  '    void record(String tenant);',
  '}',
);

function auditImpl(name: string): string {
  return sourceLines(
    'package com.example.orders.service;',
    '',
    'import com.example.orders.repository.OrderRepository;',
    'import org.springframework.stereotype.Service;',
    '',
    '@Service',
    `public class ${name} implements AuditService {`,
    '    private OrderRepository repository;',
    '',
    '    public void record(String tenant) {',
    '        repository.findAll(tenant);',
    '    }',
    '}',
  );
}

const LOOKUP = sourceLines(
  'package com.example.orders.service;',
  '',
  'import java.util.List;',
  'import com.example.orders.model.Order;',
  '',
  'public interface OrderLookup {',
  '    List<Order> find(String tenant);',
  '}',
);

const LOOKUP_IMPL = sourceLines(
  'package com.example.orders.service;',
  '',
  'import java.util.List;',
  'import com.example.orders.model.Order;',
  'import com.example.orders.repository.OrderRepository;',
  '',
  'public class RepositoryOrderLookup implements OrderLookup {',
  '    private final OrderRepository orders;',
  '',
  '    public RepositoryOrderLookup(OrderRepository orders) { this.orders = orders; }',
  '',
  '    public List<Order> find(String tenant) { return orders.findAll(tenant); }',
  '}',
);

const LOOKUP_STUB = sourceLines(
  'package com.example.orders.service;',
  '',
  'import java.util.List;',
  'import com.example.orders.model.Order;',
  '',
  'public class EmptyOrderLookup implements OrderLookup {',
  '    public List<Order> find(String tenant) { return List.of(); }',
  '}',
);

const CONTROLLER = sourceLines(
  'package com.example.orders.controller;',
  '',
  'import java.util.List;',
  'import com.example.orders.model.Order;',
  'import com.example.orders.repository.OrderRepository;',
  'import com.example.orders.service.AuditService;',
  'import com.example.orders.service.OrderService;',
  'import org.springframework.beans.factory.annotation.Autowired;',
  'import org.springframework.web.bind.annotation.GetMapping;',
  'import org.springframework.web.bind.annotation.PathVariable;',
  'import org.springframework.web.bind.annotation.RestController;',
  '',
  '@RestController',
  'public class OrderController {',
  '    @Autowired',
  '    private OrderService orderService;',
  '    @Autowired',
  '    private AuditService auditService;',
  '    @Autowired',
  '    private OrderRepository repository;',
  '    @Autowired',
  '    private OrderLookup lookup;',
  '',
  '    @GetMapping("/{tenant}/orders")',
  '    public List<Order> list(@PathVariable String tenant) {',
  '        auditService.record(tenant);',
  '        lookup.find(tenant);',
  '        return orderService.findAll(tenant);',
  '    }',
  '',
  '    @GetMapping("/{tenant}/orders/{id}")',
  '    public Order one(@PathVariable String tenant, @PathVariable String id) {',
  '        return orderService.load(tenant, id);',
  '    }',
  '',
  '    @GetMapping("/{tenant}/copy")',
  '    public List<Order> copy(@PathVariable String tenant) {',
  '        return orderService.copyFrom(repository, tenant);',
  '    }',
  '',
  '    @GetMapping("/regions/{region}/{id}")',
  '    public Order regional(@PathVariable String region, @PathVariable String id) {',
  '        return orderService.inRegion(region, id);',
  '    }',
  '}',
);

const FAKE_IN_TESTS = sourceLines(
  'package com.example.orders.service;',
  '',
  'public class FakeOrderService implements OrderService {',
  '    private final OrderRepository orderRepository = null;',
  '    public List<Order> findAll(String tenant) { return orderRepository.findAll(tenant); }',
  '}',
);

const CSHARP_REPOSITORY = sourceLines(
  'using Amazon.DynamoDBv2;',
  'using Amazon.DynamoDBv2.DataModel;',
  '',
  'namespace Shop.Data',
  '{',
  '    public class OrderRepository : IOrderRepository',
  '    {',
  '        public async Task<Order> Load(string id)',
  '        {',
  '            using var client = new AmazonDynamoDBClient();',
  '            return await new DynamoDBContext(client).LoadAsync<Order>(id);',
  '        }',
  '    }',
  '}',
);

const CSHARP_SERVICE = sourceLines(
  'using Shop.Data;',
  '',
  'namespace Shop.Services',
  '{',
  '    public class OrderService : IOrderService',
  '    {',
  '        private readonly IOrderRepository _orders;',
  '',
  '        public OrderService(IOrderRepository orders) { _orders = orders; }',
  '',
  '        public Task<Order> Get(string id) => _orders.Load(id);',
  '    }',
  '}',
);

const CSHARP_CONTROLLER = sourceLines(
  'using Microsoft.AspNetCore.Mvc;',
  'using Shop.Services;',
  '',
  'namespace Shop.Api',
  '{',
  '    [ApiController]',
  '    public class OrdersController : ControllerBase',
  '    {',
  '        private readonly IOrderService _service;',
  '',
  '        public OrdersController(IOrderService service) { _service = service; }',
  '',
  '        [HttpGet("{id}")]',
  '        public async Task<IActionResult> Get(string id)',
  '        {',
  '            var order = await _service.Get(id);',
  '            return Ok(order);',
  '        }',
  '    }',
  '}',
);

const JAVA = 'src/main/java/com/example/orders';
const FILES = {
  [`${JAVA}/repository/OrderRepository.java`]: REPOSITORY,
  [`${JAVA}/service/OrderService.java`]: SERVICE,
  [`${JAVA}/service/OrderServiceImpl.java`]: SERVICE_IMPL,
  [`${JAVA}/service/AuditService.java`]: AUDIT,
  [`${JAVA}/service/DatabaseAuditService.java`]: auditImpl('DatabaseAuditService'),
  [`${JAVA}/service/LoggingAuditService.java`]: auditImpl('LoggingAuditService'),
  [`${JAVA}/service/OrderLookup.java`]: LOOKUP,
  [`${JAVA}/service/RepositoryOrderLookup.java`]: LOOKUP_IMPL,
  [`${JAVA}/service/EmptyOrderLookup.java`]: LOOKUP_STUB,
  [`${JAVA}/controller/OrderController.java`]: CONTROLLER,
  'src/test/java/com/example/orders/service/FakeOrderService.java': FAKE_IN_TESTS,
  'Shop.Data/OrderRepository.cs': CSHARP_REPOSITORY,
  'Shop.Services/OrderService.cs': CSHARP_SERVICE,
  'Shop.Api/OrdersController.cs': CSHARP_CONTROLLER,
};

describe('Layered Java and C# services whose repository makes a client on each call (workspace mode)', () => {
  it('reports a Spring endpoint\'s call of a service held by its interface, whose one implementation hands it on to such a repository method', () => {
    assert.deepEqual(perRequest(FILES, `${JAVA}/controller/OrderController.java`), ['28:findAll client-per-request!']);
  });

  it('reports an ASP.NET Core action\'s call through an injected service interface and a repository interface', () => {
    assert.deepEqual(perRequest(FILES, 'Shop.Api/OrdersController.cs'), ['16:Get client-per-request!']);
  });

  it('records what a service class hands on and the interfaces it implements', () => {
    assert.deepEqual(contributionOf(`${JAVA}/service/OrderServiceImpl.java`, SERVICE_IMPL)?.classForwards, {
      'java:com.example.orders.service.OrderServiceImpl': {
        findAll: [{ classes: ['java:com.example.orders.repository.OrderRepository'], method: 'findAll' }],
        load: [{ classes: ['java:com.example.orders.repository.OrderRepository'], method: 'load' }],
        inRegion: [{ classes: ['java:com.example.orders.repository.OrderRepository'], method: 'inRegion' }],
      },
    });
    assert.deepEqual(contributionOf(`${JAVA}/service/OrderServiceImpl.java`, SERVICE_IMPL)?.classInterfaces, {
      'java:com.example.orders.service.OrderServiceImpl': [['java:com.example.orders.service.OrderService', 'java:OrderService']],
    });
    assert.equal(contributionOf('src/test/java/com/example/orders/service/FakeOrderService.java', FAKE_IN_TESTS), undefined);
  });

  it('says nothing when the interface has two implementations (one of them in a file with nothing else to tell), or for a file read alone', () => {
    const alone = hintsOfFile(FILES, `${JAVA}/controller/OrderController.java`, null);
    assert.deepEqual(alone.filter((hint) => hint.includes('client-per-request')), []);
    const withoutImpl = Object.fromEntries(Object.entries(FILES).filter(([file]) => !file.endsWith('OrderServiceImpl.java')));
    assert.deepEqual(perRequest(withoutImpl, `${JAVA}/controller/OrderController.java`), []);
    const withoutStub = Object.fromEntries(Object.entries(FILES).filter(([file]) => !file.endsWith('EmptyOrderLookup.java')));
    assert.deepEqual(perRequest(withoutStub, `${JAVA}/controller/OrderController.java`), ['27:find client-per-request!', '28:findAll client-per-request!']);
    assert.deepEqual(contributionOf(`${JAVA}/service/EmptyOrderLookup.java`, LOOKUP_STUB)?.implementedInterfaceNames, ['java:OrderLookup']);
    const recordStub = sourceLines('package com.example.orders.service;', '', 'public record FixedOrderLookup(List<Order> orders) implements OrderLookup {', '    public List<Order> find(String tenant) { return orders; }', '}');
    const withRecord = { ...withoutStub, [`${JAVA}/service/FixedOrderLookup.java`]: recordStub };
    assert.deepEqual(perRequest(withRecord, `${JAVA}/controller/OrderController.java`), ['28:findAll client-per-request!']);
  });
});
