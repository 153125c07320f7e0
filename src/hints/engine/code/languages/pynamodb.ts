/**
 * PynamoDB, the Python ORM over DynamoDB: classes of this file that subclass `pynamodb.models.Model`
 * (directly or through another class of the file), their class methods (`Order.scan(...)`,
 * `Order.query(...)`, `Order.get(...)`), their instances (`order.save()`), and their index attributes
 * (`Order.by_status.query(...)`). A model class imported from another module counts only where the
 * workspace shows that module declaring it as one (`from app.models import Order`): its name alone says
 * nothing about what it is. An index attribute of such a class is not followed.
 */
import type { OptionContext, OptionOccurrence } from '../../model';
import type { PynamodbClassKind as ClassKind } from '../../workspace/types';
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import { segments } from '../braces';
import { positionalOption, sentAs } from '../options';
import { mayBeVersioned, plainArguments } from '../plainWrites';
import { importedPynamodbClass } from '../projectImports';
import { Value } from '../values';
import { decoratedWith } from './pythonDecorators';
import { classMethodReceiverClass } from './pythonClassMethodOwner';
import { returnsModelItem } from './pynamodbItemHelpers';

/** What a receiver is to PynamoDB: the kind of its class, and whether it is the class itself or an instance. */
interface Target {
  kind: ClassKind;
  classObject: boolean;
}

/** The PynamoDB classes a class of the file may subclass, by full dotted name. */
const BASES: Record<string, ClassKind> = {
  'pynamodb.models.Model': 'model',
  'pynamodb.indexes.GlobalSecondaryIndex': 'global-index',
  'pynamodb.indexes.LocalSecondaryIndex': 'local-index',
};

/**
 * Class methods of a model. Scan and Query return a result iterator that reads the next page as it is
 * iterated (PynamoDB docs, "Batch Operations": it "handles pagination for you"), so they are paginated.
 * The batch helpers group keys and items into requests the API accepts: a hover, not a finding.
 */
const MODEL_METHODS: Record<string, { operation: string; paginated?: boolean; call?: boolean }> = {
  scan: { operation: 'dynamodb:Scan', paginated: true },
  query: { operation: 'dynamodb:Query', paginated: true },
  get: { operation: 'dynamodb:GetItem' },
  batch_get: { operation: 'dynamodb:BatchGetItem', call: false },
  batch_write: { operation: 'dynamodb:BatchWriteItem', call: false },
  // `Order.create_table(read_capacity_units=5, write_capacity_units=2, wait=True)`: CreateTable from the model's keys and `Meta`.
  create_table: { operation: 'dynamodb:CreateTable' },
};
const INSTANCE_METHODS: Record<string, string> = {
  save: 'dynamodb:PutItem',
  update: 'dynamodb:UpdateItem',
  delete: 'dynamodb:DeleteItem',
  refresh: 'dynamodb:GetItem',
};
/** Methods of a model class whose result is an instance (`get`) or yields instances (`scan`, `query`, `batch_get`). */
const INSTANCE_SOURCES = new Set(['get', 'scan', 'query', 'batch_get']);
/** PynamoDB's class methods that build an instance from stored data: `Order.from_raw_data(item)`, 6.x's `from_dynamodb_dict`. */
const LIBRARY_FACTORIES = new Set(['from_raw_data', 'from_dynamodb_dict']);
/**
 * Keyword arguments that mean what the API parameter of the same name means. PynamoDB's `limit` caps the
 * items the iterator yields over all pages (its `page_size` is the API's `Limit`), so it is left out.
 */
const SAME_MEANING = new Set(['consistentread', 'scanindexforward', 'segment', 'totalsegments']);
/**
 * Keyword arguments that PynamoDB sends as an API parameter of another name: a scan's or query's
 * `filter_condition` becomes its FilterExpression, the `condition` of `save`, `update` or `delete` its
 * ConditionExpression, the capacity units and `billing_mode` of `create_table` its ProvisionedThroughput and
 * BillingMode. They are read as those parameters, under the name the code writes.
 */
const SENT_AS = new Map([
  ['filtercondition', 'filterexpression'],
  ['condition', 'conditionexpression'],
  // `create_table`'s capacity and billing: its ProvisionedThroughput and BillingMode.
  ['readcapacityunits', 'provisionedthroughput'],
  ['writecapacityunits', 'provisionedthroughput'],
  ['billingmode', 'billingmode'],
]);
/**
 * Where `filter_condition` sits among the positional arguments: first of `scan(filter_condition, segment, ...)`,
 * third of `query(hash_key, range_key_condition, filter_condition, ...)`, on a model and on an index alike.
 */
const FILTER_POSITION: Record<string, number> = { scan: 0, query: 2 };

const classKinds = new FileMemo<number, ClassKind | null>();
/** The name tokens of the file's PynamoDB calls, whose library has only blocking methods. */
const operationNames = new FileMemo<number, true>();

/** Whether the name at `nameIndex` is a PynamoDB call's: it blocks, even in an `async def`. */
export function isPynamodbOperation(a: CodeAnalyzer, nameIndex: number): boolean {
  return operationNames.peek(a, nameIndex) === true;
}

/** What a class of this file is to PynamoDB, by its bases (for the files that import it). */
export function pynamodbClassKind(a: CodeAnalyzer, classScope: number): ClassKind | undefined {
  return classKind(a, classScope);
}

/**
 * The base of a class of this file that another module declares (`class Order(BaseModel)` after `from
 * app.models.base import BaseModel`), which may be a PynamoDB model there: the workspace follows it.
 */
export function importedBase(a: CodeAnalyzer, classScope: number): { module: string; path: string } | undefined {
  let found: { module: string; path: string } | undefined;
  forEachBase(a, classScope, (base) => {
    found ??= base?.t === 'ref' && base.path !== '' && !base.path.includes('.') && !LIBRARY_BASES.test(base.module) ? { module: base.module, path: base.path } : undefined;
  });
  return found;
}

/** Modules whose classes are known for what they are: PynamoDB's own, and the other libraries a model never extends. */
const LIBRARY_BASES = /^(?:pynamodb|pydantic|typing|abc|enum|dataclasses|boto3|botocore|redis)(?:\.|$)/;

/** What a class of this file is to PynamoDB, by its bases; a class among its own bases is nothing. */
function classKind(a: CodeAnalyzer, classScope: number, depth = 0): ClassKind | undefined {
  return (
    classKinds.get(a, classScope, () => {
      classKinds.set(a, classScope, null);
      return basesKind(a, classScope, depth) ?? null;
    }) ?? undefined
  );
}

function basesKind(a: CodeAnalyzer, classScope: number, depth: number): ClassKind | undefined {
  let found: ClassKind | undefined;
  forEachBase(a, classScope, (base) => {
    if (found) {
      return;
    }
    if (base?.t === 'ref') {
      // A library's class, or in workspace mode a model another module of the project declares.
      found = BASES[base.path ? `${base.module}.${base.path}` : base.module] ?? (base.path !== '' ? importedPynamodbClass(a, base.module, base.path) : undefined);
    } else if (base?.t === 'instance' && base.classObject && depth < 8) {
      found = classKind(a, base.classScope, depth + 1);
    }
  });
  return found;
}

/** Calls `visit` with the value of each base the class's header names (`class Order(Model, Mixin):`). */
function forEachBase(a: CodeAnalyzer, classScope: number, visit: (base: Value | undefined) => void): void {
  const start = a.scopes.start(classScope);
  const open = a.idIs(start, 'class') && a.is(start + 2, '(') ? start + 2 : -1;
  const close = open >= 0 ? a.partner[open] : -1;
  for (let k = open + 1; close > open && k < close; k = a.skipGroup(k)) {
    if (a.isId(k) && (a.is(k - 1, '(') || a.is(k - 1, ','))) {
      visit(a.evalChain(k, close).value);
    }
  }
}

/** `Order.scan(...)`, `order.save()`, `Order.by_status.query(...)`: the operation, when the receiver is a PynamoDB class or instance. */
export function pynamodbCall(a: CodeAnalyzer, nameIndex: number, receiver: Value | undefined, receiverStart: number): boolean {
  const target = targetOf(a, receiver, receiverStart, nameIndex - 2);
  if (!target) {
    return false;
  }
  const kind = target.kind;
  const method = a.tokens.text(nameIndex);
  let operation: string | undefined;
  let paginated = false;
  let call = true;
  if (kind === 'model') {
    // A class method is as callable on an instance: `cls.model.scan()` where the class declares `model: Order`.
    const found = target.classObject || !Object.hasOwn(INSTANCE_METHODS, method) ? MODEL_METHODS[method] : undefined;
    operation = found?.operation ?? (target.classObject ? undefined : INSTANCE_METHODS[method]);
    paginated = found?.paginated === true;
    call = found?.call !== false;
  } else if (method === 'query' || method === 'scan') {
    // An index attribute (`by_status = StatusIndex()`) reads through its model's table and iterates every page.
    operation = method === 'query' ? 'dynamodb:Query' : 'dynamodb:Scan';
    paginated = true;
  }
  if (!operation) {
    return false;
  }
  const request = requestOf(a, nameIndex, operation, kind === 'global-index', paginated ? FILTER_POSITION[method] : undefined);
  // `order.save()`, `order.delete()` with no condition: what `Model.batch_write()` takes instead.
  const plain = kind === 'model' && !target.classObject && (method === 'save' || method === 'delete') && plainArguments(a, nameIndex + 1, a.partner[nameIndex + 1], 0) && !mayBeVersioned(a, undefined);
  operationNames.set(a, nameIndex, true);
  // A plain write has no options to read: with no request, the read-modify-write check sees it as a mapper's `save()`.
  a.addOperation({ operation, name: a.tokenSpan(nameIndex), call, paginated, tokenIndex: nameIndex, ...(request && !plain ? { request } : {}), ...(plain ? { plainWrite: true } : {}) });
  return true;
}

function requestOf(a: CodeAnalyzer, nameIndex: number, operation: string, onIndex: boolean, filterPosition: number | undefined): OptionContext | undefined {
  const request = a.language.requestForCall(a, nameIndex + 1, a.partner[nameIndex + 1], operation);
  if (!request) {
    return undefined;
  }
  request.options = request.options.flatMap((option) => {
    const sent = SENT_AS.get(option.norm);
    return sent ? [sentAs(option, sent)] : SAME_MEANING.has(option.norm) ? [option] : [];
  });
  const filter = filterPosition === undefined ? undefined : positionalFilter(a, nameIndex + 1, filterPosition);
  if (filter) {
    request.options.push(filter);
  }
  // Positional arguments (the hash key, conditions) are not read: absence tells nothing.
  request.complete = false;
  if (onIndex) {
    request.onIndex = true;
  }
  return request;
}

/** The `filter_condition` a scan or query takes positionally (`Order.scan(Order.status == 'open')`), read as its FilterExpression; not `None`. */
function positionalFilter(a: CodeAnalyzer, open: number, position: number): OptionOccurrence | undefined {
  const argument = segments(a, open)[position];
  if (!argument) {
    return undefined;
  }
  const [start, end] = argument;
  const keyword = a.isId(start) && a.is(start + 1, '=');
  const spread = a.is(start, '*') || a.is(start, '**');
  if (keyword || spread || end <= start || (end === start + 1 && a.idIs(start, 'None'))) {
    return undefined;
  }
  return sentAs(positionalOption(a, start, end, 'filter_condition'), 'filterexpression');
}

/** The receiver `start`…`end` of a call as PynamoDB sees it: a class or instance of this file, a workspace module's model class, or an instance of a model. */
function targetOf(a: CodeAnalyzer, receiver: Value | undefined, start: number, end: number): Target | undefined {
  // `cls.get(...)` in a model's `@classmethod`: the model class itself, not an instance.
  const owner = start === end ? classMethodReceiverClass(a, start) : -1;
  const ownerKind = owner > 0 ? classKind(a, owner) : undefined;
  if (ownerKind) {
    return { kind: ownerKind, classObject: true };
  }
  if (receiver?.t === 'instance') {
    const kind = classKind(a, receiver.classScope);
    return kind ? { kind, classObject: receiver.classObject === true } : undefined;
  }
  if (receiver?.t === 'ref') {
    // The reference is the whole receiver (`Order`, `models.Order`): a member of the class (`Order.status`) names no module's class.
    // A local declared with the class holds what its value gives (`user: User = User.get(key)`: an item).
    return importedModel(a, receiver) ? (instanceFrom(a, start, end) ?? { kind: 'model', classObject: true }) : undefined;
  }
  return instanceFrom(a, start, end) ?? fetchedInstance(a, start, end);
}

/** `Order.get(key).delete()`, `models.Order.get(key).refresh()`: the instance a model's `get` fetches, with no name that holds it. */
function fetchedInstance(a: CodeAnalyzer, start: number, end: number): Target | undefined {
  const open = a.is(end, ')') ? a.partner[end] : -1;
  if (open <= start + 2 || !a.isAccess(open - 2)) {
    return undefined;
  }
  if (!a.idIs(open - 1, 'get')) {
    return factoryCall(a, start, open) ? { kind: 'model', classObject: false } : undefined;
  }
  const { value, end: classEnd } = a.evalChain(start, open - 2);
  const model = value?.t === 'instance' ? value.classObject === true && classKind(a, value.classScope) === 'model' : importedModel(a, value);
  return model && classEnd === open - 2 ? { kind: 'model', classObject: false } : undefined;
}

/**
 * Whether `start`… up to the call opening at `open` calls a model class's factory of instances: PynamoDB's own
 * (`Order.from_raw_data(item)`), or a class method of a model class of this file that returns `cls(...)`
 * (`Review.from_payload(data)`, `self.model.from_payload(data)` on a class attribute that holds the model).
 */
function factoryCall(a: CodeAnalyzer, start: number, open: number): boolean {
  const method = a.tokens.text(open - 1);
  const { value, end } = a.evalChain(start, open - 2);
  if (end !== open - 2 || !(value?.t === 'instance' ? value.classObject === true && classKind(a, value.classScope) === 'model' : importedModel(a, value))) {
    return false;
  }
  return LIBRARY_FACTORIES.has(method) || (value?.t === 'instance' && returnsOwnInstance(a, value.classScope, method));
}

/** Whether `method` of the class (or a base of the file) is a `@classmethod` whose every `return` gives `cls(...)`, directly or through a local. */
function returnsOwnInstance(a: CodeAnalyzer, classScope: number, method: string): boolean {
  const member = a.member({ t: 'instance', classScope, classObject: true }, method);
  const fn = member?.t === 'function' ? a.functions.get(member.scope) : undefined;
  if (!fn || !a.idIs(fn.params - 2, 'def') || !decoratedWith(a, fn.params - 2, (k) => a.idIs(k, 'classmethod'))) {
    return false;
  }
  const [, end] = a.scopes.range(fn.scope);
  let returns = 0;
  for (let k = a.partner[fn.params] + 1; k > 0 && k < end; k++) {
    if (!a.idIs(k, 'return') || a.scopes.enclosing(k, ['function']) !== fn.scope) {
      continue;
    }
    const binding = a.isId(k + 1) && !a.is(k + 2, '(') ? a.scopes.lookup(a.tokens.text(k + 1), k + 1) : undefined;
    const value = binding && !binding.element ? binding.expression : k + 1;
    if (!a.idIs(value, 'cls') || !a.is(value + 1, '(')) {
      return false;
    }
    returns++;
  }
  return returns > 0;
}

/**
 * A name declared with a model class another module declares (`model: BaseModel` in a generic service class, whose
 * subclasses set `model = Order`): that class, whose class methods an instance has too.
 */
export function declaredPynamodbModel(a: CodeAnalyzer, value: Value): Value | undefined {
  return importedModel(a, value) ? value : undefined;
}

/** Whether a reference names a model class that a workspace module declares (an index class of one is not followed). */
function importedModel(a: CodeAnalyzer, value: Value | undefined): boolean {
  return value?.t === 'ref' && !value.module.startsWith('member:') && value.path !== '' && importedPynamodbClass(a, value.module, value.path) === 'model';
}

/** Whether the name at `k` is a model class: one of this file, or one a workspace module declares. */
function isModelClass(a: CodeAnalyzer, k: number): boolean {
  const owner = a.lookup(a.tokens.text(k), k);
  return owner?.t === 'instance' ? owner.classObject === true && classKind(a, owner.classScope) === 'model' : importedModel(a, owner);
}

/**
 * A name bound to a model instance that the analyzer does not read as one: `order = Order.get(...)`, the
 * variable of `for order in Order.scan(...)`, and `order = Order(...)` for a model class of another module.
 */
function instanceFrom(a: CodeAnalyzer, start: number, end: number): Target | undefined {
  if (start !== end || !a.isId(start)) {
    return undefined;
  }
  const binding = a.scopes.lookup(a.tokens.text(start), start);
  const e = binding ? binding.expression : -1;
  if (e < 0 || !a.isId(e) || a.isAccess(e - 1)) {
    return undefined;
  }
  if (a.is(e + 1, '(')) {
    // A constructor call: the analyzer reads this file's classes itself, not another module's.
    // A function of the file that fetches an item or gives None (`item = get_or_none(key)`): `pynamodbItemHelpers.ts`.
    const called = a.lookup(a.tokens.text(e), e);
    const made = importedModel(a, called) || (called?.t === 'function' && wholeValue(a, e + 1) && returnsModelItem(a, called.scope, (k) => modelGetAt(a, k)));
    return !binding!.element && a.partner[e + 1] > e && made ? { kind: 'model', classObject: false } : undefined;
  }
  if (binding!.element && a.is(e + 1, ':')) {
    // `for order in orders:` over a name that holds the iterator a model's scan, query or batch_get returns.
    return modelIterator(a, e) ? { kind: 'model', classObject: false } : undefined;
  }
  const call = callAfter(a, e);
  if (call > 0 && !binding!.element && (declaredModel(a, e, call) || itemHelperCall(a, e, call))) {
    // `record = cls.model(**data)`: a name declared with a model class (`model: Order`), called, makes an item.
    return { kind: 'model', classObject: false };
  }
  if (call > 0 && !INSTANCE_SOURCES.has(a.tokens.text(call - 1)) && !binding!.element) {
    // `review = Review.from_payload(data)`, `obj = self.model.from_raw_data(item)`: the call is the whole value.
    return !a.isAccess(a.partner[call] + 1) && !a.is(a.partner[call] + 1, '[') && factoryCall(a, e, call) ? { kind: 'model', classObject: false } : undefined;
  }
  if (call > e + 3 && INSTANCE_SOURCES.has(a.tokens.text(call - 1))) {
    // `item = crud.item.get(item_id)`: a model reached through a module or a package (`dottedModel`).
    return (a.tokens.text(call - 1) === 'get') !== binding!.element && dottedModel(a, e, call) ? { kind: 'model', classObject: false } : undefined;
  }
  if (!a.is(e + 1, '.') || !a.is(e + 3, '(') || !INSTANCE_SOURCES.has(a.tokens.text(e + 2))) {
    return undefined;
  }
  // `get` gives an instance; the others give iterators, whose elements only a loop variable holds.
  if ((a.tokens.text(e + 2) === 'get') === binding?.element) {
    return undefined;
  }
  return isModelClass(a, e) ? { kind: 'model', classObject: false } : undefined;
}

/** Whether `start`… up to the method before the call opening at `open` is a workspace module's model, the call the whole value (`crud.item.get(id)`). */
function dottedModel(a: CodeAnalyzer, start: number, open: number): boolean {
  const after = a.partner[open] + 1;
  if (a.isAccess(after) || a.is(after, '[')) {
    return false;
  }
  const { value, end } = a.evalChain(start, open - 2);
  return end === open - 2 && importedModel(a, value);
}

/** Whether `start`… up to the call opening at `open` is a member declared with a model class (`cls.model`), the call the whole value. */
function declaredModel(a: CodeAnalyzer, start: number, open: number): boolean {
  const after = a.partner[open] + 1;
  if (a.isAccess(after) || a.is(after, '[')) {
    return false;
  }
  const { value, end } = a.evalChain(start, open);
  const model = value?.t === 'instance' ? value.classObject !== true && classKind(a, value.classScope) === 'model' : importedModel(a, value);
  return end === open && model;
}

/** Whether the call opening at `open` is the whole value: nothing is read from its result. */
function wholeValue(a: CodeAnalyzer, open: number): boolean {
  const after = a.partner[open] + 1;
  return a.partner[open] > open && !a.isAccess(after) && !a.is(after, '[');
}

/** Whether `start` begins a model's `get(...)`, the call the whole value: `Order.get(key)`, `cls.model.get(key)`. */
function modelGetAt(a: CodeAnalyzer, start: number): boolean {
  const open = callAfter(a, start);
  if (open < 0 || !a.idIs(open - 1, 'get') || !wholeValue(a, open)) {
    return false;
  }
  const { value, end } = a.evalChain(start, open - 2);
  return end === open - 2 && (value?.t === 'instance' ? classKind(a, value.classScope) === 'model' : importedModel(a, value));
}

/** `item = cls.find(key)`, `self.find(key)`: a method of the class around that fetches an item or gives None. */
function itemHelperCall(a: CodeAnalyzer, start: number, open: number): boolean {
  const { value, end } = a.evalChain(start, open - 2);
  if (end !== open - 2 || value?.t !== 'instance' || !wholeValue(a, open)) {
    return false;
  }
  const member = a.member({ t: 'instance', classScope: value.classScope, classObject: true }, a.tokens.text(open - 1));
  return member?.t === 'function' && returnsModelItem(a, member.scope, (k) => modelGetAt(a, k));
}

/** The `(` of the call a dotted name starting at `k` ends in (`self.model.from_payload(`), or -1. */
function callAfter(a: CodeAnalyzer, k: number): number {
  let name = k;
  while (a.isAccess(name + 1) && a.isId(name + 2)) {
    name += 2;
  }
  return name > k && a.is(name + 1, '(') && a.partner[name + 1] > name ? name + 1 : -1;
}

/** Whether the name at `k` holds, as assigned, what a model class's `scan`, `query` or `batch_get` returns: `orders = Order.query(key)`. */
function modelIterator(a: CodeAnalyzer, k: number): boolean {
  const binding = a.scopes.lookup(a.tokens.text(k), k);
  const e = binding && !binding.element ? binding.expression : -1;
  if (e < 0 || !a.isId(e) || a.isAccess(e - 1) || !a.is(e + 1, '.') || !a.is(e + 3, '(')) {
    return false;
  }
  const method = a.tokens.text(e + 2);
  // The call is the whole value: `Order.query(key)`, not `Order.query(key).next()` or `list(...)[0]`.
  return method !== 'get' && INSTANCE_SOURCES.has(method) && a.partner[e + 3] > e && !a.isAccess(a.partner[e + 3] + 1) && !a.is(a.partner[e + 3] + 1, '[') && isModelClass(a, e);
}
