/**
 * PynamoDB, the Python ORM over DynamoDB: classes of this file that subclass `pynamodb.models.Model`
 * (directly or through another class of the file), their class methods (`Order.scan(...)`,
 * `Order.query(...)`, `Order.get(...)`), their instances (`order.save()`), and their index attributes
 * (`Order.by_status.query(...)`). A model class imported from another module is not followed: its
 * name alone says nothing about what it is.
 */
import { OptionContext } from '../../model';
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import { Value } from '../values';

type ClassKind = 'model' | 'global-index' | 'local-index';

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
};
const INSTANCE_METHODS: Record<string, string> = {
  save: 'dynamodb:PutItem',
  update: 'dynamodb:UpdateItem',
  delete: 'dynamodb:DeleteItem',
  refresh: 'dynamodb:GetItem',
};
/** Methods of a model class whose result is an instance (`get`) or yields instances (`scan`, `query`, `batch_get`). */
const INSTANCE_SOURCES = new Set(['get', 'scan', 'query', 'batch_get']);
/**
 * Keyword arguments that mean what the API parameter of the same name means. PynamoDB's `limit` caps the
 * items the iterator yields over all pages (its `page_size` is the API's `Limit`), so it is left out.
 */
const SAME_MEANING = new Set(['consistentread', 'scanindexforward', 'segment', 'totalsegments']);
/**
 * Keyword arguments that PynamoDB sends as an API parameter of another name: a scan's or query's
 * `filter_condition` becomes its FilterExpression, the `condition` of `save`, `update` or `delete` its
 * ConditionExpression. They are read as those parameters, under the name the code writes.
 */
const SENT_AS = new Map([
  ['filtercondition', 'filterexpression'],
  ['condition', 'conditionexpression'],
]);

const classKinds = new FileMemo<number, ClassKind | null>();

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
  const start = a.scopes.start(classScope);
  const open = a.idIs(start, 'class') && a.is(start + 2, '(') ? start + 2 : -1;
  const close = open >= 0 ? a.partner[open] : -1;
  for (let k = open + 1; close > open && k < close; k = a.skipGroup(k)) {
    if (!a.isId(k) || !(a.is(k - 1, '(') || a.is(k - 1, ','))) {
      continue;
    }
    const base = a.evalChain(k, close).value;
    if (base?.t === 'ref') {
      const kind = BASES[base.path ? `${base.module}.${base.path}` : base.module];
      if (kind) {
        return kind;
      }
    } else if (base?.t === 'instance' && base.classObject && depth < 8) {
      const kind = classKind(a, base.classScope, depth + 1);
      if (kind) {
        return kind;
      }
    }
  }
  return undefined;
}

/** `Order.scan(...)`, `order.save()`, `Order.by_status.query(...)`: the operation, when the receiver is a PynamoDB class or instance. */
export function pynamodbCall(a: CodeAnalyzer, nameIndex: number, receiver: Value | undefined, receiverStart: number): boolean {
  const target = receiver?.t === 'instance' ? receiver : instanceFrom(a, receiverStart, nameIndex - 2);
  const kind = target ? classKind(a, target.classScope) : undefined;
  if (!target || !kind) {
    return false;
  }
  const method = a.tokens.text(nameIndex);
  let operation: string | undefined;
  let paginated = false;
  let call = true;
  if (kind === 'model' && target.classObject) {
    const found = MODEL_METHODS[method];
    operation = found?.operation;
    paginated = found?.paginated === true;
    call = found?.call !== false;
  } else if (kind === 'model') {
    operation = INSTANCE_METHODS[method];
  } else if (method === 'query' || method === 'scan') {
    // An index attribute (`by_status = StatusIndex()`) reads through its model's table and iterates every page.
    operation = method === 'query' ? 'dynamodb:Query' : 'dynamodb:Scan';
    paginated = true;
  }
  if (!operation) {
    return false;
  }
  const request = requestOf(a, nameIndex, operation, kind === 'global-index');
  a.addOperation({ operation, name: a.tokenSpan(nameIndex), call, paginated, tokenIndex: nameIndex, ...(request ? { request } : {}) });
  return true;
}

function requestOf(a: CodeAnalyzer, nameIndex: number, operation: string, onIndex: boolean): OptionContext | undefined {
  const request = a.language.requestForCall(a, nameIndex + 1, a.partner[nameIndex + 1], operation);
  if (!request) {
    return undefined;
  }
  request.options = request.options.flatMap((option) => {
    const sent = SENT_AS.get(option.norm);
    return sent ? [{ ...option, norm: sent }] : SAME_MEANING.has(option.norm) ? [option] : [];
  });
  // Positional arguments (the hash key, conditions) are not read: absence tells nothing.
  request.complete = false;
  if (onIndex) {
    request.onIndex = true;
  }
  return request;
}

/**
 * A name bound to a model instance that the code does not construct itself: `order = Order.get(...)`, or
 * the variable of `for order in Order.scan(...)`.
 */
function instanceFrom(a: CodeAnalyzer, start: number, end: number): { classScope: number; classObject?: boolean } | undefined {
  if (start !== end || !a.isId(start)) {
    return undefined;
  }
  const binding = a.scopes.lookup(a.tokens.text(start), start);
  const e = binding ? binding.expression : -1;
  if (e < 0 || !a.isId(e) || !a.is(e + 1, '.') || !a.is(e + 3, '(') || !INSTANCE_SOURCES.has(a.tokens.text(e + 2))) {
    return undefined;
  }
  // `get` gives an instance; the others give iterators, whose elements only a loop variable holds.
  if ((a.tokens.text(e + 2) === 'get') === binding?.element) {
    return undefined;
  }
  const owner = a.lookup(a.tokens.text(e), e);
  return owner?.t === 'instance' && owner.classObject && classKind(a, owner.classScope) === 'model' ? { classScope: owner.classScope } : undefined;
}
