/**
 * ElectroDB (https://electrodb.dev): an entity made by `new Entity(schema, { table, client })`, and a
 * service's entities and collections (`new Service({ orders: OrderEntity })`). A chain ends with `.go()`,
 * which sends it, or `.params()`, which only builds the request. Since version 2, `go()` reads one page
 * unless the execution option `pages` says more ("pages ... Default Value: 1 ... To have ElectroDB
 * automatically paginate through all results, pass the string value 'all'"; `count` pages until that many
 * items), and resolves to `{ data, cursor }`; versions 1.5 to 1.x read every page and resolved to the items
 * (CHANGELOG, 2.0.0). So a Query or Scan counts as one page read only where the code reads that result as
 * version 2's (`const { data } = await ...go()`, `result.data`, `.then(({ data }) => …)`), and never reads or passes a
 * `cursor`. A batch (`get([...])`, `put([...])`, `delete([...])`, also of a name declared as an array, `put(users)`
 * with `users: User[]`) hands its `unprocessed` keys back (batch-get docs); a `const` holding an object literal is
 * one item's. A service's `transaction.write` and
 * `transaction.get` send TransactWriteItems and TransactGetItems.
 *
 * A Query on a main-table index whose sort key has no composite attributes (`sk: { field: 'sk', composite: [] }`),
 * or that has no sort key, names the item's whole primary key: it reads one item at most, never a page worth
 * paging. Such indexes are read from the schema (`new Entity({ indexes: {...} }, config)`) and travel with the
 * entity, also to a service (`new Service({ users: Users })`) and to the modules that import either. A secondary
 * index (`index: 'gsi1'`) is never unique: a GSI's key need not be.
 */
import type { CodeAnalyzer } from '../analyzer';
import { expressionEnd, segments } from '../braces';
import { bindsWholeExpression } from '../../scope/scopes';
import { chainStart } from '../receiverChains';
import { literalMap } from '../literalMaps';
import type { Value } from '../values';
import { ChainStep, chainedSteps, functionMentions, optionsArgument, stepNamed } from './ormChains';
import { ELECTRODB, isOrmObject, OrmObject } from './ormObjects';
import { constObjectLiteral, declaredArray, declaredItemType } from './declaredShapes';
import { itemsParameterReadsFirstOnly, readsFirstOfMember, resultParameterReadsFirstOnly } from '../firstItemOnly';
import type { OptionContext } from '../../model';
import { normalizeName } from '../../types';
import { occurrenceOf } from '../options';

/** Entity methods by the kind of their argument: an object literal is one item's, an array literal a batch's. */
const ENTITY_METHODS: Record<string, { one: string; batch?: string }> = {
  get: { one: 'dynamodb:GetItem', batch: 'dynamodb:BatchGetItem' },
  put: { one: 'dynamodb:PutItem', batch: 'dynamodb:BatchWriteItem' },
  create: { one: 'dynamodb:PutItem' },
  update: { one: 'dynamodb:UpdateItem' },
  patch: { one: 'dynamodb:UpdateItem' },
  upsert: { one: 'dynamodb:UpdateItem' },
  delete: { one: 'dynamodb:DeleteItem', batch: 'dynamodb:BatchWriteItem' },
  remove: { one: 'dynamodb:DeleteItem' },
};
/** Writes with no condition of their own: `create` adds one that the item does not exist, `remove` that it does. */
const PLAIN_WRITES = new Set(['put', 'delete']);
/** A service's transactions (transactions docs: `service.transaction.write(cb).go()`, `service.transaction.get(cb).go()`). */
const TRANSACTIONS: Record<string, string> = { write: 'dynamodb:TransactWriteItems', get: 'dynamodb:TransactGetItems' };
/** Execution options sent as an API parameter (query-options docs: `limit` wraps Limit, `consistent` sets ConsistentRead). */
const RENAMES = new Map([
  ['limit', 'limit'],
  ['consistent', 'consistentread'],
]);
/** The execution option whose object ElectroDB merges into the request it sends (query-options docs: `params`). */
const PASSTHROUGH = 'params';
/** Execution options that read more than one page (`pages`, `count`) or continue from an earlier one (`cursor`). */
const PAGING_OPTIONS = new Set(['pages', 'count', 'cursor']);
/** The member of version 2's result that holds the items. */
const RESULT_MEMBERS = ['data'];
const FILTER_EXPRESSION = normalizeName('FilterExpression');
const UNPROCESSED_WORDS = ['unprocessed'];
/** Code that reads or passes back a `cursor` continues where a page ends, or hands that to its caller. */
const CURSOR_WORDS = ['cursor'];
/** Tokens read past a `go()` for the members of the result a variable holds. */
const RESULT_READ_LIMIT = 4000;

/** A call on an ElectroDB entity or service (`entity.query`, `service.collections`, by the path read from it). */
export function electrodbCall(a: CodeAnalyzer, nameIndex: number, receiver: OrmObject): void {
  const close = a.partner[nameIndex + 1];
  if (close < 0) {
    return;
  }
  // A service's entity is read as the entity: `service.entities.orders.query.byCustomer(...)`.
  const entity = /^service\.entities\.([^.]+)/.exec(receiver.path);
  const of = entity ? `entity${receiver.path.slice(entity[0].length)}` : receiver.path;
  const method = a.tokens.text(nameIndex);
  const self: ChainStep = { name: nameIndex, open: nameIndex + 1, close };
  if (of === 'entity.query') {
    // `query.byOrg(...)`: anchored on `query`.
    const oneItem = receiver.uniqueIndexes?.includes(entity ? `${entity[1]}.${method}` : method) === true;
    read(a, nameIndex - 2, 'dynamodb:Query', chainedSteps(a, close), oneItem);
  } else if (of === 'service.collections') {
    read(a, nameIndex, 'dynamodb:Query', chainedSteps(a, close));
  } else if (of === 'entity.scan') {
    // `scan.go()`, `scan.where(...).go()`, `scan.byStatus(...)...`: the first call after `scan`.
    read(a, nameIndex - 2, 'dynamodb:Scan', [self, ...chainedSteps(a, close)]);
  } else if (of === 'entity' && Object.hasOwn(ENTITY_METHODS, method)) {
    write(a, nameIndex, ENTITY_METHODS[method], chainedSteps(a, close));
  } else if (of === 'service.transaction' && Object.hasOwn(TRANSACTIONS, method)) {
    // The entities the callback gets build the actions (`orders.put(item).commit()`), sent as one request by `go()`.
    a.addOperation({ operation: TRANSACTIONS[method], name: a.tokenSpan(nameIndex), call: stepNamed(a, chainedSteps(a, close), 'go') !== undefined, paginated: false, tokenIndex: nameIndex });
  }
}

/** ElectroDB's types of one item (`input: EntityItem<typeof Event>`): a name declared with one is never a batch. */
const ITEM_TYPES = new Set(['EntityItem', 'CreateEntityItem', 'EntityIdentifiers', 'UpdateEntityItem']);

/** Array methods whose result is an array: `put(rows.map((row) => ({ ...row })))` writes a batch. */
const ARRAY_RESULTS = new Set(['map', 'flatMap', 'filter']);

/** Whether the argument list that closes at `close` is one array: a literal, an array method's result, or a `const` holding either. */
function arrayArgument(a: CodeAnalyzer, first: number, close: number): boolean {
  // A trailing comma (`put(\n  rows.map(...),\n)`) ends the argument too.
  const last = a.is(close - 1, ',') ? close - 2 : close - 1;
  return a.is(first, '[') || arrayExpression(a, first, last) || (first === last && (constArray(a, first) || declaredArray(a, first) || readItems(a, first)));
}

/** Whether the tokens `first`..`last` are an array literal or an array method's result (`rows.map(...)`). */
function arrayExpression(a: CodeAnalyzer, first: number, last: number): boolean {
  if (a.is(first, '[')) {
    return a.partner[first] === last;
  }
  const open = a.is(last, ')') ? a.partner[last] : -1;
  return open > first + 1 && a.isAccess(open - 2) && ARRAY_RESULTS.has(a.id(open - 1) ?? '') && a.parent[open] === a.parent[first];
}

/**
 * Whether the name at `name` is a `const` whose whole initializer is an array (`const keys = rows.map((row) =>
 * ({ id: row.id }))`, then `delete(keys)`): a `let` may be given one item later, so only a `const` counts.
 */
function constArray(a: CodeAnalyzer, name: number): boolean {
  if (!a.isId(name)) {
    return false;
  }
  const binding = a.scopes.lookup(a.tokens.text(name), name, true);
  if (!binding || !bindsWholeExpression(binding)) {
    return false;
  }
  const start = binding.expression;
  if (!a.is(start - 1, '=') || !a.isId(start - 2) || !a.idIs(start - 3, 'const')) {
    return false;
  }
  return arrayExpression(a, start, expressionEnd(a, start) - 1);
}

/** Entity members that start a read whose `data` is a list of items (a Query by an index, a Scan). */
const LIST_READS = ['query', 'scan'];

/**
 * Whether the name at `name` is a `const` a Query's or Scan's result gives its items (`const { data } = await
 * cache.query.byNamespace({ ns }).go()`, then `cache.delete(data).go()`): version 2's `data` of such a read is an array.
 */
function readItems(a: CodeAnalyzer, name: number): boolean {
  const binding = a.isId(name) ? a.scopes.lookup(a.tokens.text(name), name, true) : undefined;
  const pattern = binding?.destructured;
  if (!binding || pattern?.key !== RESULT_MEMBERS[0] || !a.idIs(a.partner[pattern.from - 2] - 1, 'const')) {
    return false;
  }
  const start = a.idIs(pattern.from, 'await') ? pattern.from + 1 : pattern.from;
  const entity = a.isId(start) ? a.lookup(a.tokens.text(start), start) : undefined;
  const goOpen = a.is(pattern.end - 1, ')') ? a.partner[pattern.end - 1] : -1;
  return isOrmObject(entity) && entity.module === ELECTRODB && a.isAccess(start + 1) && a.tokens.isOneOf(start + 2, LIST_READS) && a.idIs(goOpen - 1, 'go');
}

function write(a: CodeAnalyzer, nameIndex: number, methods: { one: string; batch?: string }, steps: ChainStep[]): void {
  const first = nameIndex + 2;
  const batch = arrayArgument(a, first, a.partner[nameIndex + 1]);
  // A key or item held by a variable may be either where the method also takes a batch; a method with no
  // batch form (`create`, `update`, `patch`, `upsert`, `remove`: entity docs, no array branch) takes one item only.
  const last = a.is(a.partner[nameIndex + 1] - 1, ',') ? a.partner[nameIndex + 1] - 2 : a.partner[nameIndex + 1] - 1;
  const oneItem = a.is(first, '{') || methods.batch === undefined || (first === last && (constObjectLiteral(a, first) || declaredItemType(a, first, ITEM_TYPES)));
  const operation = batch ? methods.batch : oneItem ? methods.one : undefined;
  if (!operation) {
    return;
  }
  const go = stepNamed(a, steps, 'go');
  const call = go !== undefined && !(batch && functionMentions(a, nameIndex, UNPROCESSED_WORDS, [], 'electrodb-unprocessed'));
  const args = go && !batch ? segments(a, go.open) : [];
  const passed = args.length === 1 ? optionsArgument(a, args[0][0], args[0][1], operation, nameIndex, RENAMES, PASSTHROUGH)?.request : undefined;
  // A write's `where` is its ConditionExpression (mutation docs: "where" on put, create, update, patch, delete, remove).
  const conditioned = batch ? undefined : withStepExpression(a, passed ?? { kind: 'sdk' as const, type: operation, options: [], complete: false, anchor: a.tokenSpan(nameIndex) }, steps, CONDITION_STEPS, 'ConditionExpression');
  const request = conditioned && (passed || conditioned.options.length > 0) ? conditioned : passed;
  // `put({...}).go()` and `delete({...}).go()` with no `where` or options: a batch's `put([...])` takes the same.
  const plainWrite = !batch && PLAIN_WRITES.has(a.tokens.text(nameIndex)) && steps.length === 1 && go !== undefined && go.close === go.open + 1;
  a.addOperation({ operation, name: a.tokenSpan(nameIndex), call, paginated: false, tokenIndex: nameIndex, ...(request ? { request } : {}), ...(plainWrite ? { plainWrite } : {}) });
}

/** A Query or Scan anchored at `anchor`, sent by the `go(...)` among `steps`; `oneItem`: a Query of one item's whole key. */
function read(a: CodeAnalyzer, anchor: number, operation: string, steps: ChainStep[], oneItem = false): void {
  const go = stepNamed(a, steps, 'go');
  const args = go ? segments(a, go.open) : [];
  const options = args.length <= 1 ? optionsArgument(a, args[0]?.[0] ?? 0, args[0]?.[1] ?? 0, operation, anchor, RENAMES, PASSTHROUGH) : undefined;
  const request = withStepExpression(a, options?.request ?? { kind: 'sdk' as const, type: operation, options: [], complete: false, anchor: a.tokenSpan(anchor) }, steps, FILTER_STEPS, 'FilterExpression');
  // Options the analyzer cannot read may ask for every page: only a read it sees whole is one page.
  const onePage =
    !oneItem &&
    go !== undefined &&
    options !== undefined &&
    !options.own.some((option) => PAGING_OPTIONS.has(option.norm)) &&
    readsVersionTwoResult(a, chainStart(a, anchor), go.close) &&
    !functionMentions(a, anchor, CURSOR_WORDS, [], 'electrodb-cursor') &&
    !firstItemOfUnfiltered(a, anchor, steps, go.close, options.request);
  a.addOperation({ operation, name: a.tokenSpan(anchor), call: onePage, paginated: false, tokenIndex: anchor, request });
}

/** Steps that add a FilterExpression (`where`, and the older `filter`): a page can then hold none of the matches. */
const FILTER_STEPS = ['where', 'filter'];
/** The step that adds a write's ConditionExpression. */
const CONDITION_STEPS = ['where'];

/**
 * The request with the expression a chain step writes (`.where((attr, op) => ...)`), as that parameter: its
 * hover sits on the step's name, and the callback is never read as a literal expression.
 */
function withStepExpression(a: CodeAnalyzer, request: OptionContext, steps: readonly ChainStep[], names: readonly string[], parameter: string): OptionContext {
  const step = steps.find((candidate) => a.tokens.isOneOf(candidate.name, names) && candidate.close > candidate.open + 1);
  if (!step) {
    return request;
  }
  const option = occurrenceOf(a, { key: step.name, valueStart: step.open + 1, valueEnd: step.close, removalStart: step.name - 1, removalEnd: step.close, name: parameter });
  return { ...request, options: [...request.options, option] };
}

/**
 * A read with no filter whose `data` the code uses only for its first item (`resp.data.at(0)`, `existing.data[0]`):
 * without a filter, the first matching item is on the first page.
 */
function firstItemOfUnfiltered(a: CodeAnalyzer, anchor: number, steps: ChainStep[], goClose: number, request: OptionContext): boolean {
  const filtered = steps.some((step) => FILTER_STEPS.some((name) => a.tokens.is(step.name, name))) || request.options.some((option) => option.norm === FILTER_EXPRESSION);
  const parameter = thenDataParameter(a, goClose);
  const result = parameter < 0 ? thenResultParameter(a, goClose) : -1;
  return (
    !filtered &&
    (parameter >= 0
      ? itemsParameterReadsFirstOnly(a, parameter)
      : result >= 0
        ? resultParameterReadsFirstOnly(a, result, RESULT_MEMBERS[0])
        : readsFirstOfMember(a, chainStart(a, anchor), goClose, RESULT_MEMBERS[0]))
  );
}

/** The parameter a promise callback takes the whole result as (`.go().then((r) => r.data)`, `.then(async result => …)`), or -1. */
function thenResultParameter(a: CodeAnalyzer, goClose: number): number {
  if (!a.isAccess(goClose + 1) || !a.idIs(goClose + 2, 'then') || !a.is(goClose + 3, '(')) {
    return -1;
  }
  const start = a.idIs(goClose + 4, 'async') ? goClose + 5 : goClose + 4;
  const parameter = a.is(start, '(') && a.is(start + 2, ')') ? start + 1 : start;
  const arrow = parameter === start ? parameter + 1 : parameter + 2;
  return a.isId(parameter) && a.is(arrow, '=>') ? parameter : -1;
}

/** Whether a `then` callback's result parameter at `parameter` is read for its `data` in the callback (`(r) => r.data`). */
function readsResultData(a: CodeAnalyzer, parameter: number, thenOpen: number): boolean {
  const name = a.tokens.text(parameter);
  for (let m = parameter + 1; m + 2 < a.partner[thenOpen]; m++) {
    if (a.is(m, name) && a.isAccess(m + 1) && a.tokens.isOneOf(m + 2, RESULT_MEMBERS) && !a.isAccess(m - 1)) {
      return true;
    }
  }
  return false;
}

/**
 * The local a promise callback's object pattern gives the result's `data` (`.go().then(({ data }) => …)`,
 * `.then(async ({ data: rows }) => …)`), or -1.
 */
function thenDataParameter(a: CodeAnalyzer, goClose: number): number {
  if (!a.isAccess(goClose + 1) || !a.idIs(goClose + 2, 'then') || !a.is(goClose + 3, '(')) {
    return -1;
  }
  const parameters = a.idIs(goClose + 4, 'async') ? goClose + 5 : goClose + 4;
  const open = a.is(parameters, '(') && a.is(parameters + 1, '{') ? parameters + 1 : -1;
  const close = open >= 0 ? a.partner[open] : -1;
  if (close < 0 || !a.is(close + 1, ')') || !a.is(close + 2, '=>')) {
    return -1;
  }
  for (let m = open + 1; m < close; m++) {
    if (a.parent[m] === open && a.tokens.isOneOf(m, RESULT_MEMBERS) && !a.is(m - 1, ':')) {
      return a.is(m + 1, ':') && a.isId(m + 2) ? m + 2 : m;
    }
  }
  return -1;
}

/**
 * Whether the result of the `go()` that closes at `goClose` is read as version 2's `{ data, cursor }`:
 * `const { data } = await ...go()`, `(await ...go()).data`, `result.data` after `const result = await ...go()`,
 * or a `then` callback's `({ data }) => …` or `(r) => r.data`.
 */
function readsVersionTwoResult(a: CodeAnalyzer, chainFrom: number, goClose: number): boolean {
  if (thenDataParameter(a, goClose) >= 0) {
    return true;
  }
  const result = thenResultParameter(a, goClose);
  if (result >= 0) {
    return readsResultData(a, result, goClose + 3);
  }
  let k = chainFrom - 1;
  if (a.idIs(k, 'await')) {
    k--;
  }
  if (a.is(k, '(') && a.partner[k] === goClose + 1) {
    return a.isAccess(goClose + 2) && a.tokens.isOneOf(goClose + 3, RESULT_MEMBERS);
  }
  if (!a.is(k, '=')) {
    return false;
  }
  if (a.is(k - 1, '}')) {
    const open = a.partner[k - 1];
    for (let m = open + 1; open >= 0 && m < k - 1; m++) {
      if (a.parent[m] === open && a.isId(m) && a.tokens.isOneOf(m, RESULT_MEMBERS) && !a.is(m - 1, ':')) {
        return true;
      }
    }
    return false;
  }
  if (!a.isId(k - 1)) {
    return false;
  }
  // A variable that holds the result: a member of it read in the same function.
  const name = a.tokens.text(k - 1);
  const scope = a.scopes.enclosing(goClose, ['function']);
  const end = Math.min(scope > 0 ? a.scopes.range(scope)[1] : a.tokens.length, goClose + RESULT_READ_LIMIT);
  for (let m = goClose + 1; m + 2 < end; m++) {
    if (a.is(m, name) && a.isAccess(m + 1) && a.tokens.isOneOf(m + 2, RESULT_MEMBERS) && !a.isAccess(m - 1)) {
      return true;
    }
  }
  return false;
}

/**
 * An entity or service that `new Entity(schema, config)` or `new Service(entities, config)` makes (the call's
 * arguments open at `open`), with the indexes whose Query names one item at most.
 */
export function withUniqueIndexes(a: CodeAnalyzer, made: OrmObject, open: number): OrmObject {
  const first = segments(a, open)[0];
  const literal = first && objectLiteral(a, first[0], first[1]);
  if (literal === undefined || made.module !== ELECTRODB) {
    return made;
  }
  const unique = made.path === 'entity' ? entityUniqueIndexes(a, literal) : made.path === 'service' ? serviceUniqueIndexes(a, literal) : [];
  return unique.length > 0 ? { ...made, uniqueIndexes: unique } : made;
}

/** The `{` of the object literal that the expression from `start` to `end` is or a name holds. */
function objectLiteral(a: CodeAnalyzer, start: number, end: number): number | undefined {
  if (a.is(start, '{')) {
    return a.partner[start] === end - 1 ? start : undefined;
  }
  const { value, end: valueEnd } = a.evalChain(start, end);
  return valueEnd === end && value?.t === 'record' ? value.open : undefined;
}

/** The properties of an object literal by key, each as its value's tokens [from, to); undefined when a spread or a computed key hides one. */
function properties(a: CodeAnalyzer, open: number): Map<string, [number, number]> | undefined {
  const entries = literalMap(a, open, a.partner[open] + 1);
  return entries && new Map(entries.map(({ key, valueStart, valueEnd }) => [key, [valueStart, valueEnd]]));
}

/** The `{` of the object literal a property's value is written as, or undefined. */
function literalValue(a: CodeAnalyzer, [from, to]: [number, number]): number | undefined {
  return a.is(from, '{') && a.partner[from] === to - 1 ? from : undefined;
}

/** The indexes of an entity schema (`indexes: { byEmail: { pk: {...}, sk: { composite: [] } } }`) whose key is an item's whole primary key. */
function entityUniqueIndexes(a: CodeAnalyzer, schema: number): string[] {
  const indexes = properties(a, schema)?.get('indexes');
  const open = indexes && literalValue(a, indexes);
  const unique: string[] = [];
  for (const [name, value] of (open !== undefined && properties(a, open)) || []) {
    const index = literalValue(a, value);
    const parts = index === undefined ? undefined : properties(a, index);
    if (!parts || parts.has('index') || !parts.has('pk')) {
      continue;
    }
    const sk = parts.get('sk');
    const skOpen = sk && literalValue(a, sk);
    const composite = skOpen === undefined ? undefined : properties(a, skOpen)?.get('composite');
    if (!sk || (composite && a.is(composite[0], '[') && a.partner[composite[0]] === composite[0] + 1 && composite[1] === composite[0] + 2)) {
      unique.push(name);
    }
  }
  return unique;
}

/** A service's entities' unique indexes, as `entity.index` by the name the service gives each (`new Service({ users: Users })`). */
function serviceUniqueIndexes(a: CodeAnalyzer, entities: number): string[] {
  const unique: string[] = [];
  for (const [name, [from, to]] of properties(a, entities) ?? []) {
    const entity: Value | undefined = from + 1 === to && a.isId(from) ? a.lookup(a.tokens.text(from), from) : a.evalChain(from, to).value;
    if (entity?.t === 'ref' && entity.module === ELECTRODB && entity.path === 'entity') {
      unique.push(...(entity.uniqueIndexes ?? []).map((index) => `${name}.${index}`));
    }
  }
  return unique;
}
