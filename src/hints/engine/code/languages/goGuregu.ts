/**
 * guregu/dynamo (`github.com/guregu/dynamo`, and `/v2` over the SDK for Go v2), a DynamoDB client whose requests
 * are builder chains on a table: `db.Table("orders").Scan().Filter("'Status' = ?", s).All(ctx, &out)`. As its
 * query.go, scan.go, put.go, update.go, delete.go, batch*.go and tx.go define them:
 * - `dynamo.New(cfg)` (v1 `dynamo.New(sess, cfg)`, `NewFromIface`) makes a `*DB`; `db.Table(name)` a `Table`.
 * - `Scan()` and `Get(hashKey, value)` build reads. Their `All`, `Iter`, `Count` and the `...Parallel` forms
 *   read every page, or as many as `RequestLimit`/`SearchLimit` allow; `Get(...).One` sends a GetItem when it can (no index,
 *   filter or limit, the range key compared with `dynamo.Equal` if at all) and a Query otherwise.
 * - `Put(item)`, `Update(hashKey, value)` and `Delete(hashKey, value)` send one item's write when they `Run`.
 * - `Batch(...)` writes (`Write()`) and gets (`Get(keys...)`) resend what DynamoDB leaves unprocessed, with backoff.
 * - `db.WriteTx()` and `db.GetTx()` are transactions.
 * The chain's methods are the request's options, read under their API names (`Consistent(true)` is
 * `ConsistentRead`, `Filter` is `FilterExpression`), so the SDK's option rules apply to them.
 */
import { OptionContext } from '../../model';
import type { CodeAnalyzer } from '../analyzer';
import { occurrenceOf } from '../options';
import { Value } from '../values';
import type { GoClientLibrary, GoImport } from './goLibrary';
import { ChainStep, chainedSteps } from './ormChains';

/** The service `goPackages` records for the package. */
const GUREGU = 'dynamodb-guregu';

const IMPORT_PATH = /^github\.com\/guregu\/dynamo(?:\/v2)?$/;

function gureguImport(path: string): GoImport | undefined {
  return IMPORT_PATH.test(path) ? { service: GUREGU, name: 'dynamo' } : undefined;
}

const DB: Value = { t: 'client', kind: 'dynamodb-guregu' };
const TABLE: Value = { t: 'client', kind: 'dynamodb-guregu-table' };

/** `dynamo.DB` and `dynamo.Table` as declared types (struct fields, parameters). */
function gureguType(type: string): Value | undefined {
  return type === 'DB' ? DB : type === 'Table' ? TABLE : undefined;
}

/** What a package function gives: `New` and `NewFromIface` a `*DB`. */
function gureguResult(name: string): Value | undefined {
  return name === 'New' || name === 'NewFromIface' ? DB : undefined;
}

/** Methods that send the request: a read's results, a write's `Run`, and their `...WithContext` forms. */
const READS_EVERY_PAGE = /^(?:All|AllWithLastEvaluatedKey|AllParallel|AllParallelWithLastEvaluatedKeys|Iter|IterParallel|IterParallelStartFrom|Count)(?:WithContext)?$/;
const READS_ONE = /^One(?:WithContext)?$/;
const RUNS = /^(?:Run|OldValue|Value|OnlyUpdatedValue|OnlyUpdatedOldValue|IncludeAllItemsInCondition)(?:WithContext)?$/;

/** Chain methods that set an option of the request, by the option's API name. */
const OPTION_NAMES: Record<string, string> = {
  Filter: 'FilterExpression',
  Consistent: 'ConsistentRead',
  Index: 'IndexName',
  SearchLimit: 'Limit',
  Project: 'ProjectionExpression',
  ProjectExpr: 'ProjectionExpression',
  StartFrom: 'ExclusiveStartKey',
  If: 'ConditionExpression',
  Set: 'UpdateExpression',
  SetExpr: 'UpdateExpression',
  Add: 'UpdateExpression',
  AddExpr: 'UpdateExpression',
  Remove: 'UpdateExpression',
  RemoveExpr: 'UpdateExpression',
  ConsumedCapacity: 'ReturnConsumedCapacity',
  Segment: 'TotalSegments',
};

/** `table.Scan()...`, `table.Get(...)...`, `table.Put(item).Run(ctx)` and the other requests of a table. */
function gureguTableCall(a: CodeAnalyzer, nameIndex: number, table: Value & { t: 'client' }): void {
  const open = nameIndex + 1;
  const close = a.partner[open];
  if (close < 0) {
    return;
  }
  const chain = chainedSteps(a, close);
  const terminal = chain.length > 0 ? a.tokens.text(chain[chain.length - 1].name) : undefined;
  const method = a.tokens.text(nameIndex);
  const operation = tableOperation(a, method, chain, terminal);
  if (!operation) {
    return;
  }
  // Sent where it is written: the whole request is in sight.
  const sends = terminal !== undefined && (READS_EVERY_PAGE.test(terminal) || READS_ONE.test(terminal) || RUNS.test(terminal));
  const request = chainRequest(a, operation, nameIndex, chain, sends);
  // A read pages by itself, or as far as a request limit the code sets: either way no page is missed unawares.
  const paginated = operation === 'dynamodb:Scan' || operation === 'dynamodb:Query';
  // A batch resends what DynamoDB leaves unprocessed: no call whose unprocessed items the code must read.
  a.addOperation({ operation, name: a.tokenSpan(nameIndex), call: sends && !operation.startsWith('dynamodb:Batch'), paginated, tokenIndex: nameIndex, request }, table);
}

/** `db.WriteTx()` and `db.GetTx()`: a transaction's hover. */
function gureguDbCall(a: CodeAnalyzer, nameIndex: number): void {
  const method = a.tokens.text(nameIndex);
  const operation = method === 'WriteTx' ? 'dynamodb:TransactWriteItems' : method === 'GetTx' ? 'dynamodb:TransactGetItems' : undefined;
  if (operation) {
    a.addOperation({ operation, name: a.tokenSpan(nameIndex), call: false, paginated: false, tokenIndex: nameIndex });
  }
}

function tableOperation(a: CodeAnalyzer, method: string, chain: readonly ChainStep[], terminal: string | undefined): string | undefined {
  switch (method) {
    case 'Scan':
      return 'dynamodb:Scan';
    case 'Get':
      // The request is only known by how it is sent: `One` may be a GetItem, the rest are Queries.
      if (terminal === undefined || !(READS_ONE.test(terminal) || READS_EVERY_PAGE.test(terminal))) {
        return undefined;
      }
      return READS_ONE.test(terminal) && getsOneItem(a, chain) ? 'dynamodb:GetItem' : 'dynamodb:Query';
    case 'Put':
      return 'dynamodb:PutItem';
    case 'Update':
      return 'dynamodb:UpdateItem';
    case 'Delete':
      return 'dynamodb:DeleteItem';
    case 'Batch': {
      const next = chain.length > 0 ? a.tokens.text(chain[0].name) : undefined;
      return next === 'Write' ? 'dynamodb:BatchWriteItem' : next === 'Get' ? 'dynamodb:BatchGetItem' : undefined;
    }
    default:
      return undefined;
  }
}

/** Whether `One` sends a GetItem: no index, filter or limit, and the range key, if any, compared with `Equal`. */
function getsOneItem(a: CodeAnalyzer, chain: readonly ChainStep[]): boolean {
  return chain.every((call) => {
    const method = a.tokens.text(call.name);
    if (method === 'Index' || method === 'Filter' || method === 'Limit') {
      return false;
    }
    // `Range("Time", dynamo.Equal, t)`: the operator is the second argument.
    return method !== 'Range' || (a.isAccess(call.open + 4) && a.idIs(call.open + 5, 'Equal'));
  });
}

/** The request the chain sets: its option methods under their API names, complete when the chain is sent where it is written. */
function chainRequest(a: CodeAnalyzer, operation: string, nameIndex: number, chain: readonly ChainStep[], complete: boolean): OptionContext {
  const options = [];
  for (const call of chain) {
    const name = OPTION_NAMES[a.tokens.text(call.name)];
    if (name) {
      options.push(occurrenceOf(a, { key: call.name, valueStart: call.open + 1, valueEnd: call.close, removalStart: call.name - 1, removalEnd: call.close, name }));
    }
  }
  return { kind: 'sdk', type: operation, options, complete, anchor: a.tokenSpan(nameIndex) };
}

/** guregu/dynamo, to the Go analyzer (`goLibrary.ts`): its `*DB` and `Table` read their own chained calls. */
export const GUREGU_LIBRARY: GoClientLibrary = {
  services: [GUREGU],
  importOf: gureguImport,
  clientType: gureguType,
  factoryResult: gureguResult,
  clientCall: (a, nameIndex, client) => {
    if (client.kind === 'dynamodb-guregu-table') {
      gureguTableCall(a, nameIndex, client);
      return true;
    }
    if (client.kind === 'dynamodb-guregu') {
      gureguDbCall(a, nameIndex);
      return true;
    }
    return false;
  },
};
