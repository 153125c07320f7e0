/**
 * TypeDORM (@typedorm/core, https://github.com/typedorm/typedorm): the managers of a connection, from
 * `getEntityManager()`, `getScanManager()`, `getBatchManager()`, `getTransactionManager()` (each optionally with a
 * connection's name), a connection's `entityManager` / `scanManager` / ..., or a parameter or field declared
 * with their classes (a NestJS provider's `constructor(private entityManager: EntityManager)`).
 *
 * What each method sends (packages/core/src/classes/manager at c64d1f9): the entity manager's `create` a
 * PutItem, `findOne` and `exists` a GetItem, `update` an UpdateItem, `delete` a DeleteItem; `find` and `count`
 * a Query that `_internalRecursiveQuery` / `_internalRecursiveCount` repeat from each LastEvaluatedKey (until
 * `limit` items, 3,000 by default, for `find`), so no read stops at one page. The scan manager's `find`, `scan`,
 * `parallelScan` and `count` read every page of a Scan alike. The batch manager's `write` and `read` resend
 * unprocessed items with backoff up to `maxRetryAttempts` (`recursiveHandleBatchWriteItemsResponse`), so they are
 * hovers, no finding; the transaction manager's `write` and `read` send TransactWriteItems and TransactGetItems.
 * Options sent as API parameters: `queryIndex` (IndexName), `consistentRead`, `where` (a FilterExpression on
 * reads, a ConditionExpression on writes), `totalSegments`, `cursor` (the first request's ExclusiveStartKey).
 * `limit` caps the items over all pages as well as each request's Limit, so it is left out (as PynamoDB's is).
 */
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { callOpen, optionsArgument } from './ormChains';

export const TYPEDORM = 'orm:typedorm';
const MODULE = '@typedorm/core';

type Manager = 'entity-manager' | 'scan-manager' | 'batch-manager' | 'transaction-manager';

/** The manager each factory, connection member and class stands for. */
const MANAGERS: Record<string, Manager> = {
  getEntityManager: 'entity-manager',
  entityManager: 'entity-manager',
  EntityManager: 'entity-manager',
  getScanManager: 'scan-manager',
  scanManager: 'scan-manager',
  ScanManager: 'scan-manager',
  getBatchManager: 'batch-manager',
  batchManager: 'batch-manager',
  BatchManager: 'batch-manager',
  getTransactionManager: 'transaction-manager',
  transactionManager: 'transaction-manager',
  TransactionManager: 'transaction-manager',
};

/** Per manager, each method's operation and the argument that holds its options. */
const METHODS: Record<Manager, Record<string, { operation: string; options: number }>> = {
  'entity-manager': {
    create: { operation: 'dynamodb:PutItem', options: 1 },
    findOne: { operation: 'dynamodb:GetItem', options: 2 },
    exists: { operation: 'dynamodb:GetItem', options: 2 },
    update: { operation: 'dynamodb:UpdateItem', options: 3 },
    delete: { operation: 'dynamodb:DeleteItem', options: 2 },
    find: { operation: 'dynamodb:Query', options: 2 },
    count: { operation: 'dynamodb:Query', options: 2 },
  },
  'scan-manager': {
    find: { operation: 'dynamodb:Scan', options: 1 },
    count: { operation: 'dynamodb:Scan', options: 1 },
    scan: { operation: 'dynamodb:Scan', options: 0 },
    parallelScan: { operation: 'dynamodb:Scan', options: 0 },
  },
  'batch-manager': {
    write: { operation: 'dynamodb:BatchWriteItem', options: -1 },
    read: { operation: 'dynamodb:BatchGetItem', options: -1 },
  },
  'transaction-manager': {
    write: { operation: 'dynamodb:TransactWriteItems', options: -1 },
    read: { operation: 'dynamodb:TransactGetItems', options: -1 },
  },
};

const READ_RENAMES = new Map([
  ['queryindex', 'indexname'],
  ['consistentread', 'consistentread'],
  ['where', 'filterexpression'],
  ['totalsegments', 'totalsegments'],
  ['cursor', 'exclusivestartkey'],
]);
const WRITE_RENAMES = new Map([['where', 'conditionexpression']]);

/**
 * What a TypeDORM name gives: a factory's call (`getEntityManager()`, `path` the factory), `createConnection(...)` /
 * `getConnection()` (a connection), a connection's manager member (`connection.entityManager`), a manager class as
 * a declared type.
 */
export function typedormObject(module: string, path: string): { t: 'ref'; module: string; path: string } | undefined {
  if (module === MODULE) {
    if (path === 'createConnection' || path === 'getConnection') {
      return { t: 'ref', module: TYPEDORM, path: 'connection' };
    }
    const manager = path.startsWith('get') && Object.hasOwn(MANAGERS, path) ? MANAGERS[path] : undefined;
    return manager ? { t: 'ref', module: TYPEDORM, path: manager } : undefined;
  }
  if (module === TYPEDORM && path.startsWith('connection.')) {
    const member = path.slice('connection.'.length);
    return !member.startsWith('get') && Object.hasOwn(MANAGERS, member) ? { t: 'ref', module: TYPEDORM, path: MANAGERS[member] } : undefined;
  }
  return undefined;
}

/** A parameter or field declared with a manager class (`entityManager: EntityManager`): that manager. */
export function typedormType(module: string, path: string): { t: 'ref'; module: string; path: string } | undefined {
  return module === MODULE && /^[A-Z]/.test(path) && Object.hasOwn(MANAGERS, path) ? { t: 'ref', module: TYPEDORM, path: MANAGERS[path] } : undefined;
}

/** A call on a TypeDORM manager (`path` its kind, or a connection's member that names one). */
export function typedormCall(a: CodeAnalyzer, nameIndex: number, path: string): void {
  const manager = (typedormObject(TYPEDORM, path)?.path ?? path) as Manager;
  const methods = Object.hasOwn(METHODS, manager) ? METHODS[manager] : undefined;
  const method = a.tokens.text(nameIndex);
  const known = methods && Object.hasOwn(methods, method) ? methods[method] : undefined;
  const open = callOpen(a, nameIndex);
  if (!known || open < 0) {
    return;
  }
  const reads = /:(?:Query|Scan)$/.test(known.operation);
  if (known.options < 0) {
    // Batches resent by the library, transactions built from other calls: the operation alone.
    a.addOperation({ operation: known.operation, name: a.tokenSpan(nameIndex), call: manager === 'transaction-manager', paginated: false, tokenIndex: nameIndex });
    return;
  }
  const argument = segments(a, open)[known.options];
  const renames = reads || known.operation === 'dynamodb:GetItem' ? READ_RENAMES : WRITE_RENAMES;
  const read = argument ? optionsArgument(a, argument[0], argument[1], known.operation, nameIndex, renames) : optionsArgument(a, 0, 0, known.operation, nameIndex, renames);
  a.addOperation({ operation: known.operation, name: a.tokenSpan(nameIndex), call: true, paginated: reads, tokenIndex: nameIndex, ...(read ? { request: read.request } : {}) });
}
