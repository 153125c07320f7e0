/**
 * A PutItem that writes back, changed, the item a GetItem of the same function read from the same table, or an
 * UpdateItem of the same key that sets an attribute to a value computed from it, with no condition: two
 * concurrent runs both read the old item and the later write silently replaces the earlier one's change (a
 * lost update). Reported at the write, or at the call of a same-file helper that puts back what another helper
 * read, or at a write that sets values computed from what a helper read (`readModifyWriteHelpers.ts`). A Put with a condition (`ConditionExpression`, legacy
 * `Expected`) checks the item it replaces; a Put whose options are not all in sight may have one. A write with no
 * request object (an object mapper's `SaveAsync(order)`) is judged by the language's flow alone.
 *
 * The same race without a change: a PutItem that creates the item a GetItem found absent (`checkThenPut.ts`),
 * also through a same-file helper that reads it (`checkThenPutHelpers.ts`), reported with its own message; and a
 * PutItem of a new item carrying a value that a Query on an index or a filtered Scan found unused
 * (`uniquenessChecks.ts`), whose fix is a transaction rather than a condition. A Spring Data finder that scans for
 * one entity (`Optional<Vendor> findByTaxNumber(n)`) reads the item its save puts back, as `findById` does.
 */
import { writesWithoutCondition } from '../code/readModifyWrite';
import { setsAnyValue } from '../code/readModifyWriteUpdate';
import { OperationOccurrence } from '../model';
import { Check } from './context';

const CHECK_THEN_PUT =
  "This PutItem creates the item that a GetItem just found absent, with no condition: two runs can both find it absent, and the later Put silently replaces the item the earlier one created. Put once with ConditionExpression 'attribute_not_exists(<key attribute>)' and answer ConditionalCheckFailedException as 'already exists'.";
const UNIQUE_BY_SEARCH =
  "This PutItem creates an item with a value that a Query or Scan just found unused, with no condition: two runs can both find it unused and both create an item with it. A condition on this Put sees only the new item, so it cannot keep the value unique: put a second item keyed by the value in the same TransactWriteItems, with ConditionExpression 'attribute_not_exists(<key attribute>)' on that item.";
const FIRST_ITEM =
  "This write (a PutItem, or an object mapper's save) puts back, changed, the first item that a Query just read, with no condition. If two runs read the same item, the later write silently replaces the earlier one's change (a lost update). Compute in an UpdateItem's expression instead (ADD, SET n = n + :d), or keep a version attribute, write with a ConditionExpression on it and retry on ConditionalCheckFailedException.";
const FOUND_ITEM =
  "This save puts back, changed, the item that a repository finder just found with a Scan, with no condition. If two runs find the same item, the later save silently replaces the earlier one's change (a lost update). Keep a version attribute (@DynamoDBVersionAttribute) so that the save is conditional, and retry on ConditionalCheckFailedException.";
const WRITES = new Set(['dynamodb:PutItem', 'dynamodb:UpdateItem']);
const SEARCHES = new Set(['dynamodb:Query', 'dynamodb:Scan']);
/**
 * The reads a write is matched with: the nearest before it. Each match follows the code from the read to the
 * write, so a file of many reads and writes in one function would cost the product of the two otherwise.
 */
const READS_PER_WRITE = 8;

/** The (at most `count`) GetItems nearest before the token `at`, nearest first; `gets` is in token order. */
function nearestBefore(gets: readonly OperationOccurrence[], at: number, count: number): OperationOccurrence[] {
  let low = 0;
  let high = gets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (gets[middle].tokenIndex < at) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return gets.slice(Math.max(0, low - count), low).reverse();
}

export const readModifyWrite: Check = (rule, context) => {
  const scopes = context.model.scopes;
  const gets: OperationOccurrence[] = context.model.operations
    .filter((occurrence) => occurrence.call && occurrence.operation === 'dynamodb:GetItem')
    .sort((x, y) => x.tokenIndex - y.tokenIndex);
  // A Spring Data finder that scans for one entity and returns it (`Optional<Customer> findByEmail(email)`) reads the object it loads.
  const oneItemScans = context.model.operations.filter((occurrence) => occurrence.call && occurrence.operation === 'dynamodb:Scan' && occurrence.objectType !== undefined).sort((x, y) => x.tokenIndex - y.tokenIndex);
  const searches = context.model.operations.filter((occurrence) => occurrence.call && SEARCHES.has(occurrence.operation)).sort((x, y) => x.tokenIndex - y.tokenIndex);
  const queries = searches.filter((occurrence) => occurrence.operation === 'dynamodb:Query');
  const reported = new Set<number>();
  const unconditional: OperationOccurrence[] = [];
  const updates: OperationOccurrence[] = [];
  for (const put of context.model.operations) {
    if (!WRITES.has(put.operation) || !writesWithoutCondition(put) || reported.has(put.name.start)) {
      continue;
    }
    if (put.operation === 'dynamodb:PutItem') {
      unconditional.push(put);
    } else if (setsAnyValue(put)) {
      // A caller may set, from what a reading helper returned, values of an UpdateItem it sends itself.
      updates.push(put);
    }
    if (scopes.inTest(put.tokenIndex)) {
      continue;
    }
    const earlier = nearestBefore(gets, put.tokenIndex, READS_PER_WRITE);
    if (earlier.some((get) => scopes.rewritesReadItem(get, put))) {
      reported.add(put.name.start);
      context.report(rule, put.name);
    } else if (earlier.some((get) => scopes.createsCheckedItem(get, put))) {
      reported.add(put.name.start);
      context.report(rule, put.name, undefined, CHECK_THEN_PUT);
    } else if (put.operation === 'dynamodb:PutItem' && nearestBefore(searches, put.tokenIndex, READS_PER_WRITE).some((search) => scopes.createsSearchedValue(search, put))) {
      reported.add(put.name.start);
      context.report(rule, put.name, undefined, UNIQUE_BY_SEARCH);
    } else if (nearestBefore(oneItemScans, put.tokenIndex, READS_PER_WRITE).some((scan) => scopes.rewritesReadItem(scan, put))) {
      reported.add(put.name.start);
      context.report(rule, put.name, undefined, FOUND_ITEM);
    } else if (nearestBefore(queries, put.tokenIndex, READS_PER_WRITE).some((query) => scopes.rewritesReadItem(query, put))) {
      reported.add(put.name.start);
      context.report(rule, put.name, undefined, FIRST_ITEM);
    }
  }
  for (const call of scopes.helperRewrites(gets, [...unconditional, ...updates])) {
    if (!reported.has(call.name.start) && !scopes.inTest(call.tokenIndex)) {
      reported.add(call.name.start);
      context.report(rule, call.name);
    }
  }
  for (const put of scopes.helperCheckThenPuts(gets, unconditional)) {
    if (!reported.has(put.name.start) && !scopes.inTest(put.tokenIndex)) {
      reported.add(put.name.start);
      context.report(rule, put.name, undefined, put.bySearch ? UNIQUE_BY_SEARCH : CHECK_THEN_PUT);
    }
  }
};
