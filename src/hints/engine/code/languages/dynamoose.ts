/**
 * dynamoose (https://dynamoosejs.com): a model made by `dynamoose.model(name, schema)` and its items.
 * `Model.scan(...)` and `Model.query(...)` build a request that `.exec()` sends once: the result holds one
 * response's items and a `lastKey` while more remain, unless `.all()` asks dynamoose to send requests until
 * every item is read (dynamoose docs, Scan and Query: "`timesScanned` ... will always equal 1, unless you
 * used the `scan.all` or `scan.parallel` method"; `scan.all`: "sends continuous scan requests ... until all
 * items have been received"). The batch methods hand unprocessed keys and items back to the caller
 * (Model docs, `model.batchGet`: "`unprocessedKeys` ... call `batchGet` again to retrieve those items").
 */
import { OptionOccurrence } from '../../model';
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { positionalOption } from '../options';
import { ChainStep, chainedSteps, functionMentions, stepNamed } from './ormChains';

const RETRIEVERS: Record<string, string> = { scan: 'dynamodb:Scan', query: 'dynamodb:Query' };
const MODEL_METHODS: Record<string, string> = {
  get: 'dynamodb:GetItem',
  create: 'dynamodb:PutItem',
  update: 'dynamodb:UpdateItem',
  delete: 'dynamodb:DeleteItem',
  batchGet: 'dynamodb:BatchGetItem',
  batchPut: 'dynamodb:BatchWriteItem',
  batchDelete: 'dynamodb:BatchWriteItem',
};
const ITEM_METHODS: Record<string, string> = { save: 'dynamodb:PutItem', delete: 'dynamodb:DeleteItem' };
/**
 * Builder steps that set an API parameter from their argument: `limit(count)` is the request's Limit,
 * `using(index)` its IndexName (Scan and Query docs: `scan.limit`, `scan.using`).
 */
const PARAMETER_STEPS: Record<string, string> = { limit: 'Limit', using: 'IndexName' };
/**
 * Steps that start a condition (`scan.filter(key)`, `scan.where(key)`, the same method, Condition docs), whose
 * comparators (`.eq(v)`) follow. On a Scan every condition is a FilterExpression, as is the scan's own argument
 * (Scan docs, `Model.scan([filter])`: an object, a string naming the first key to filter on, or a Condition).
 * On a Query dynamoose sends the conditions on key attributes as the KeyConditionExpression, which its schema
 * decides, so a Query's conditions are not read.
 */
const CONDITION_STEPS = ['filter', 'where'];
/** What code that pages a read itself names: the response's `lastKey`, passed back through `startAt(key)`. */
const PAGING_WORDS = ['lastKey', 'startAt'];
/** What code that retries a batch's leftovers reads (a callback's too, which the markers do not see). */
const UNPROCESSED_WORDS = ['unprocessedKeys', 'unprocessedItems'];

/** A call on a dynamoose model (`path` 'model') or item ('item'). */
export function dynamooseCall(a: CodeAnalyzer, nameIndex: number, path: string): void {
  const method = a.tokens.text(nameIndex);
  const close = a.partner[nameIndex + 1];
  if (close < 0) {
    return;
  }
  if (path === 'item') {
    const operation = Object.hasOwn(ITEM_METHODS, method) ? ITEM_METHODS[method] : undefined;
    if (operation) {
      // `item.save()` puts the whole item, overwriting by default (Item docs, `item.save`); settings may add a condition.
      const plainWrite = close === nameIndex + 2;
      a.addOperation({ operation, name: a.tokenSpan(nameIndex), call: true, paginated: false, tokenIndex: nameIndex, ...(plainWrite ? { plainWrite } : {}) });
    }
    return;
  }
  if (path !== 'model') {
    return;
  }
  if (Object.hasOwn(RETRIEVERS, method)) {
    retrieval(a, nameIndex, close, RETRIEVERS[method]);
    return;
  }
  const operation = Object.hasOwn(MODEL_METHODS, method) ? MODEL_METHODS[method] : undefined;
  if (operation) {
    const batch = /:Batch/.test(operation);
    const call = !batch || !functionMentions(a, nameIndex, UNPROCESSED_WORDS, [], 'dynamoose-unprocessed');
    // `Model.delete(key)` with no settings sets no condition; `Model.create` refuses to overwrite by default, a condition.
    const plainWrite = method === 'delete' && segments(a, nameIndex + 1).length === 1;
    a.addOperation({ operation, name: a.tokenSpan(nameIndex), call, paginated: false, tokenIndex: nameIndex, ...(plainWrite ? { plainWrite } : {}) });
  }
}

/**
 * `Order.scan(...)....exec()`: a call only where the chain written from it sends the request (`.exec(...)`);
 * a builder kept in a variable, returned or sent elsewhere is a hover. It reads every page with `.all(...)`,
 * and code that continues from `lastKey` (`startAt`) pages it itself.
 */
function retrieval(a: CodeAnalyzer, nameIndex: number, close: number, operation: string): void {
  const steps = chainedSteps(a, close);
  const options: OptionOccurrence[] = [];
  for (const step of steps) {
    const parameter = PARAMETER_STEPS[a.tokens.text(step.name)];
    if (parameter && step.close > step.open + 1) {
      options.push(positionalOption(a, step.open + 1, step.close, parameter));
    }
  }
  const condition = operation === 'dynamodb:Scan' ? scanCondition(a, nameIndex + 1, close, steps) : undefined;
  if (condition) {
    options.push(positionalOption(a, condition.start, condition.end, 'FilterExpression'));
  }
  const exec = stepNamed(a, steps, 'exec');
  const paged = stepNamed(a, steps, 'all') !== undefined || functionMentions(a, nameIndex, PAGING_WORDS, [], 'dynamoose-paging');
  // Arguments (the key condition, a filter object) and the other steps are not read: absence tells nothing.
  const request = { kind: 'sdk' as const, type: operation, options, complete: false, anchor: a.tokenSpan(nameIndex) };
  a.addOperation({ operation, name: a.tokenSpan(nameIndex), call: exec !== undefined, paginated: paged, tokenIndex: nameIndex, request });
}

/** Where a Scan's filter is written: the scan's argument (but an empty `{}` or `undefined`), else the first condition step's. */
function scanCondition(a: CodeAnalyzer, open: number, close: number, steps: readonly ChainStep[]): { start: number; end: number } | undefined {
  const empty = close === open + 1 || (close === open + 3 && a.is(open + 1, '{')) || (close === open + 2 && (a.idIs(open + 1, 'undefined') || a.idIs(open + 1, 'null')));
  if (!empty) {
    return { start: open + 1, end: close };
  }
  const step = steps.find((candidate) => a.tokens.isOneOf(candidate.name, CONDITION_STEPS) && candidate.close > candidate.open + 1);
  return step ? { start: step.open + 1, end: step.close } : undefined;
}
