/**
 * Java: a read-modify-write through a Spring Data DynamoDB repository. A save of the entity that `findById` loaded,
 * changed by the code, is a lost update unless the entity is versioned; so is one an `Optional` kept and unwrapped later.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';
import { IMPORTS, ORDER_ENTITY, withoutSdkV1 } from './springDataFixtures';

describe('Spring Data DynamoDB repositories: read-modify-write', () => {
  it('reports a save of the entity findById loaded and the code changed (a read-modify-write), not of a versioned entity, a fallback, or one saved unchanged', () => {
    const code = sourceLines(
      ...IMPORTS,
      ...ORDER_ENTITY,
      '',
      '@DynamoDBTable(tableName = "wallets")',
      'class Wallet {',
      '    @DynamoDBHashKey',
      '    private String id;',
      '    @DynamoDBVersionAttribute',
      '    private Long version;',
      '    private long balance;',
      '    public long getBalance() { return balance; }',
      '    public void setBalance(long balance) { this.balance = balance; }',
      '}',
      '',
      '@EnableScan',
      'interface OrderRepository extends CrudRepository<Order, String> {',
      '}',
      '',
      '@EnableScan',
      'interface WalletRepository extends CrudRepository<Wallet, String> {',
      '}',
      '',
      '@Service',
      'public class OrderService {',
      '    private final OrderRepository orders;',
      '    private final WalletRepository wallets;',
      '',
      '    OrderService(OrderRepository orders, WalletRepository wallets) {',
      '        this.orders = orders;',
      '        this.wallets = wallets;',
      '    }',
      '',
      '    public Order ship(String id) {',
      '        var order = orders.findById(id).orElseThrow(() -> new IllegalStateException(id));',
      '        order.setOrderId(id);',
      '        order = orders.save(order);', // 62
      '        return order;',
      '    }',
      '',
      '    public void credit(String id, long amount) {',
      '        Wallet wallet = wallets.findById(id).get();',
      '        wallet.setBalance(wallet.getBalance() + amount);',
      '        wallets.save(wallet);', // 69: versioned, so the mapper's write is conditional
      '    }',
      '',
      '    public Order openOrFetch(String id) {',
      '        Order order = orders.findById(id).orElse(new Order());',
      '        order.setOrderId(id);',
      '        return orders.save(order);', // 75: the fallback may be a new item
      '    }',
      '',
      '    public Order touch(String id) {',
      '        Order order = orders.findById(id).orElse(null);',
      '        return orders.save(order);', // 80: written back unchanged
      '    }',
      '}',
    );
    const hints = withoutSdkV1(hintsIn('OrderService.java', code));
    assert.deepEqual(hints.filter((hint) => hint.includes('read-modify-write')), ['62:save dynamodb-read-modify-write', '62:save dynamodb-read-modify-write!']);
    assert.ok(!hints.some((hint) => /^(?:69|75|80):save /.test(hint)), 'save of one entity keeps no hover of its own');
  });

  it('reports a save of the entity an Optional kept from findById holds (`found.get()` changed, then saved), not of another value', () => {
    const code = sourceLines(
      ...IMPORTS,
      ...ORDER_ENTITY,
      '',
      '@EnableScan',
      'interface OrderRepository extends CrudRepository<Order, String> {',
      '}',
      '',
      '@Service',
      'public class OrderService {',
      '    private final OrderRepository orders;',
      '',
      '    OrderService(OrderRepository orders) {',
      '        this.orders = orders;',
      '    }',
      '',
      '    public Order cancel(String id) {',
      '        var found = orders.findById(id);',
      '        if (found.isPresent()) {',
      '            found.get().setOrderId(id);',
      '            orders.save(found.get());', // 46
      '            return found.get();',
      '        }',
      '        return null;',
      '    }',
      '',
      '    public void reopen(String id) {',
      '        var found = orders.findById(id);',
      '        found.orElseThrow().setOrderId(id);',
      '        orders.save(found.orElseThrow());', // 55
      '    }',
      '',
      '    public void copy(String id, Order fresh) {',
      '        var found = orders.findById(id);',
      '        if (found.isPresent()) {',
      '            fresh.setOrderId(found.get().getOrderId());',
      '            orders.save(fresh);', // 62: another entity, built by the caller
      '        }',
      '    }',
      '',
      '    public boolean exists(String id) {',
      '        var found = orders.findById(id);',
      '        return found.isPresent() && orders.save(found.get()) != null;', // 68: saved unchanged
      '    }',
      '',
      '    public void hold(String id) {',
      '        Optional<Order> found = orders.findById(id);',
      '        found.get().setOrderId(id);',
      '        orders.save(found.get());', // 74: the Optional declared with its entity
      '    }',
      '}',
    );
    const hints = withoutSdkV1(hintsIn('OrderService.java', code)).filter((hint) => hint.includes('read-modify-write'));
    assert.deepEqual(hints.sort(), [
      '46:save dynamodb-read-modify-write',
      '46:save dynamodb-read-modify-write!',
      '55:save dynamodb-read-modify-write',
      '55:save dynamodb-read-modify-write!',
      '74:save dynamodb-read-modify-write',
      '74:save dynamodb-read-modify-write!',
    ]);
  });
});
