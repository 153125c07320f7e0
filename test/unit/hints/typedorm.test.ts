/**
 * TypeDORM (@typedorm/core) on the DynamoDB rules: the managers its factories, a connection's members and an
 * injected `EntityManager` give, which method is which operation, the reads that page by themselves, the batches it
 * resends, and the option names it sends under the API's. Silent: TypeORM's `EntityManager` and arrays' `find`.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('TypeDORM', () => {
  it('reads an injected entity manager: each method its operation, find and count paging by themselves', () => {
    const code = sourceLines(
      "import { EntityManager } from '@typedorm/core';",
      "import { Order } from './order';",
      '',
      'export class OrderRepository {',
      '  constructor(private readonly entityManager: EntityManager) {}',
      '',
      '  save(order: Order) {',
      '    return this.entityManager.create(order);',
      '  }',
      '  byId(customerId: string, orderId: string) {',
      '    return this.entityManager.findOne(Order, { customerId, orderId }, { consistentRead: true });',
      '  }',
      '  byStatus(status: string) {',
      "    return this.entityManager.find(Order, { status }, { queryIndex: 'GSI1', limit: 20 });",
      '  }',
      '  ship(customerId: string, orderId: string) {',
      "    return this.entityManager.update(Order, { customerId, orderId }, { status: 'SHIPPED' }, { where: { status: { EQ: 'PAID' } } });",
      '  }',
      '  remove(customerId: string, orderId: string) {',
      '    return this.entityManager.delete(Order, { customerId, orderId });',
      '  }',
      '  countFor(customerId: string) {',
      '    return this.entityManager.count(Order, { customerId });',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('order.repository.ts', code), [
      '8:create dynamodb-put-item',
      '11:findOne dynamodb-get-item',
      '11:consistentRead dynamodb-consistent-read',
      '14:find dynamodb-query',
      '14:queryIndex dynamodb-index-name',
      '17:update dynamodb-update-item',
      '17:where dynamodb-condition-expression',
      '20:delete dynamodb-delete-item',
      '23:count dynamodb-query',
    ]);
  });

  it('reads the managers the factories and a connection give; a filtered Scan is reported, a batch is a hover', () => {
    const code = sourceLines(
      "import { getBatchManager, getConnection, getScanManager, WriteBatch } from '@typedorm/core';",
      "import { Order } from './order';",
      '',
      'export async function unpaid() {',
      "  const { items } = await getScanManager().find(Order, { where: { status: { EQ: 'UNPAID' } } });",
      '  return items;',
      '}',
      'export async function archive(batch: WriteBatch) {',
      '  return getBatchManager().write(batch);',
      '}',
      'export function one(customerId: string, orderId: string) {',
      '  return getConnection().entityManager.findOne(Order, { customerId, orderId });',
      '}',
    );
    assert.deepEqual(hintsIn('report.ts', code), [
      '5:find dynamodb-scan',
      '5:where dynamodb-filter-expression',
      '9:write dynamodb-batch-write-item',
      '12:findOne dynamodb-get-item',
      '5:where dynamodb-filter-expression!',
    ]);
  });

  it('stays silent on TypeORM and on arrays', () => {
    const code = sourceLines(
      "import { EntityManager } from 'typeorm';",
      '',
      'export class Totals {',
      '  constructor(private readonly entityManager: EntityManager) {}',
      '  closed(rows: { closed: boolean }[]) {',
      "    return [this.entityManager.find('totals', { where: { closed: true } }), rows.find((row) => row.closed)];",
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('totals.ts', code), []);
  });
});
