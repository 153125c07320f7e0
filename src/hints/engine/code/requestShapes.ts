/**
 * DynamoDB calls recognised by the shape of their request where the receiver's value is not known: a
 * client or table that a project module makes (this file cannot see it), or one of unknown origin, such
 * as a repository function's untyped parameter (`def find(table, id): return table.query(...)`). The
 * method must be a DynamoDB operation in the language's naming, and the request must carry keys that only
 * DynamoDB's API uses. A value the engine knows to be something else (a `Map`, another library's client,
 * a local made by a call) is not of unknown origin, and neither is a test double or anything in test code.
 * The client kinds a language reads methods against (`requestShapeKinds`) only name the operation: the
 * checks read the request, never the client's kind, and no pagination fix is offered, since the receiver
 * may be a table resource without paginators. JavaScript takes the DocumentClient's names, which include
 * the low-level client's; Python the low-level client's (`TableName=`), then a Table resource's.
 */
import { OptionContext } from '../model';
import { ClientKind, operationOfMethod, requiredRequestKey } from '../services';
import type { CodeAnalyzer } from './analyzer';
import { inheritedFieldOfUnknownOrigin } from './clientClasses';
import { boto3ConditionBuilder } from './conditionBuilders';
import { Binding } from '../scope/scopes';
import { isDoubleVariable } from './testDoubles';
import { inTestCode } from './testFixtures';
import { FunctionScope } from './language';
import { annotatedMemberOfUnknownOrigin } from './typedProjectMembers';
import { annotatedWithProtocol, protocolInstance } from './protocolTypes';
import { Value } from './values';

/**
 * Where the receiver comes from: `project`, a module of the project (its import alone says it is the
 * project's data access, so the operation's required key is enough); `unknown`, nothing the file tells.
 */
export type ReceiverOrigin = 'project' | 'unknown';

/**
 * Keys that alone make a request DynamoDB's, for a receiver of unknown origin, as written (PascalCase):
 * no other common library takes them with the method names of DynamoDB operations (`scan`, `query`, `get`,
 * `put`, `batchWrite`...). `TableName` is AWS's; the others are DynamoDB's own request syntax. Not here:
 * `Key`, `Item`, `IndexName`, `Limit`, `Select`, `FilterExpression` and `ConsistentRead`, which other APIs
 * (SimpleDB's `ConsistentRead`, Amazon Location's `IndexName`) or plain code name too.
 */
const DISTINCTIVE_KEYS = new Set([
  'TableName',
  'KeyConditionExpression',
  'KeyConditions',
  'RequestItems',
  'TransactItems',
  'ExclusiveStartKey',
  'UpdateExpression',
  'ExpressionAttributeNames',
  'ExpressionAttributeValues',
]);

/**
 * The operations a receiver of unknown origin is read for: item reads and writes, batches and transactions.
 * Not table administration (but `OWN_KEY_OPERATIONS`): Amazon Timestream's `create_table` / `update_table` take a `TableName` too.
 */
const ITEM_OPERATIONS = new Set([
  'dynamodb:Scan',
  'dynamodb:Query',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:TransactGetItems',
  'dynamodb:TransactWriteItems',
]);

/**
 * Table operations a receiver of unknown origin is read for only with the key that is DynamoDB's own in
 * their request (`TableName` alone would not do): no other API's method of the same name takes it.
 */
const OWN_KEY_OPERATIONS: Readonly<Record<string, string>> = {
  'dynamodb:UpdateTimeToLive': 'TimeToLiveSpecification',
  // Timestream's, Glue's and Keyspaces' CreateTable take no KeySchema (`Schema`, `TableInput`, `schemaDefinition`).
  'dynamodb:CreateTable': 'KeySchema',
};

/** Keywords of a boto3 Table's request that no other library's method of the same name takes (project modules only). */
const TABLE_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  scan: ['filterexpression', 'projectionexpression', 'exclusivestartkey', 'indexname', 'segment', 'totalsegments'],
  query: ['keyconditionexpression', 'filterexpression', 'projectionexpression', 'exclusivestartkey', 'indexname'],
  get_item: ['key'],
  put_item: ['item'],
  update_item: ['updateexpression'],
  delete_item: ['key'],
};

/** Types that say nothing of what a parameter holds. */
const UNTYPED = new Set(['any', 'Any', 'object']);
const BOTOCORE_BASE_CLIENT = /^(?:botocore\.client\.BaseClient|aiobotocore\.client\.AioBaseClient)$/;
const TYPING_OPTIONAL = /^typing(?:_extensions)?\.Optional$/;
/** Defaults that say nothing of what callers pass. */
const EMPTY_DEFAULTS = new Set(['None', 'null', 'undefined']);
/** How many locals (`const db = deps.db`) are followed back to a parameter. */
const MAX_HOPS = 3;
/** How many member names a receiver chain may have (`deps.clients.ddb`). */
const MAX_MEMBERS = 4;

/** The operation and request of `receiver.method(...)` (the name at `nameIndex`) when its shape is a DynamoDB request's. */
export function shapedRequest(a: CodeAnalyzer, nameIndex: number, origin: ReceiverOrigin, open = nameIndex + 1): { operation: string; request: OptionContext } | undefined {
  const close = a.partner[open];
  const method = a.tokens.text(nameIndex);
  if (close < 0) {
    return undefined;
  }
  for (const kind of a.language.requestShapeKinds ?? []) {
    const operation = shapedOperationFor(kind, method, origin);
    const request = operation ? a.language.requestForCall(a, open, close, operation) : undefined;
    if (operation && request && !ownKeywords(a, open, close) && (origin === 'project' ? hasRequiredKey(kind, method, operation, request) : isDistinctive(a, operation, request, open, close))) {
      return { operation, request };
    }
  }
  return undefined;
}

/**
 * A Python call with a keyword argument in lower case (`base.get_item(key=key)`, `update_item(table, key=k,
 * updates=u)`): boto3 takes only the API's parameters, all PascalCase, and rejects any other, so this is a
 * wrapper's own signature, not a request.
 */
export function ownKeywords(a: CodeAnalyzer, open: number, close: number): boolean {
  if (a.language.family !== 'python') {
    return false;
  }
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    if (a.is(k, '=') && a.isId(k - 1) && (a.is(k - 2, '(') || a.is(k - 2, ',')) && /^[a-z_]/.test(a.tokens.text(k - 1))) {
      return true;
    }
  }
  return false;
}

/** Records the call at `nameIndex` as the DynamoDB operation its request's shape names; true when it is one. */
export function shapedCall(a: CodeAnalyzer, nameIndex: number, origin: ReceiverOrigin, open = nameIndex + 1): boolean {
  const shaped = shapedRequest(a, nameIndex, origin, open);
  if (shaped) {
    a.addOperation({ operation: shaped.operation, name: a.tokenSpan(nameIndex), call: true, paginated: false, tokenIndex: nameIndex, request: shaped.request });
  }
  return shaped !== undefined;
}

/**
 * A project module's dispatch helper that names the client's method in a string, the request after it:
 * `dynamoDbLib.call('scan', params)` on a module whose `call(action, params)` runs `client[action](params)`.
 * The string names the operation, and the request needs its required key, as on the module's own client.
 */
export function dispatchedCall(a: CodeAnalyzer, nameIndex: number): boolean {
  const open = nameIndex + 1;
  const close = a.is(open, '(') ? a.partner[open] : -1;
  if (close < 0 || !a.isString(open + 1) || a.tokens.interpolated(open + 1) || !a.is(open + 2, ',') || inTestCode(a, nameIndex)) {
    return false;
  }
  const method = a.tokens.text(open + 1);
  for (const kind of a.language.requestShapeKinds ?? []) {
    const operation = shapedOperationFor(kind, method, 'project');
    // The request starts after the comma, read as a call's first argument; the string is the hover's place.
    const request = operation ? a.language.requestForCall(a, open + 2, close, operation) : undefined;
    if (operation && request && hasRequiredKey(kind, method, operation, request)) {
      a.addOperation({ operation, name: a.tokenSpan(open + 1), call: true, paginated: false, tokenIndex: nameIndex, request });
      return true;
    }
  }
  return false;
}

/**
 * A call whose receiver chain (tokens `start`..`end`) is of unknown origin and whose request is DynamoDB's;
 * true when recorded. Only a method named as a DynamoDB operation is read further.
 */
export function unknownReceiverCall(a: CodeAnalyzer, nameIndex: number, start: number, end: number, open = nameIndex + 1): boolean {
  const kinds = a.language.requestShapeKinds ?? [];
  const method = a.tokens.text(nameIndex);
  if (!kinds.some((kind) => shapedOperationFor(kind, method, 'unknown')) || !ofUnknownOrigin(a, start, end) || inTestCode(a, nameIndex)) {
    return false;
  }
  return shapedCall(a, nameIndex, 'unknown', open);
}

/** The operation a method of a client of `kind` performs, if a receiver of that origin is read for it. */
export function shapedOperationFor(kind: ClientKind, method: string, origin: ReceiverOrigin): string | undefined {
  const operation = operationOfMethod(kind, method);
  return operation && (origin === 'project' || ITEM_OPERATIONS.has(operation) || Object.hasOwn(OWN_KEY_OPERATIONS, operation)) ? operation : undefined;
}

/** The project-module rule: the operation's required key, or for a boto3 Table a keyword only its method takes. */
function hasRequiredKey(kind: ClientKind, method: string, operation: string, request: OptionContext): boolean {
  const required = kind === 'dynamodb-table' ? (TABLE_KEYWORDS[method] ?? []) : [requiredRequestKey(operation)];
  return request.options.some((option) => required.includes(option.norm));
}

function isDistinctive(a: CodeAnalyzer, operation: string, request: OptionContext, open: number, close: number): boolean {
  if (Object.hasOwn(OWN_KEY_OPERATIONS, operation)) {
    return request.options.some((option) => option.name === OWN_KEY_OPERATIONS[operation]);
  }
  return request.options.some((option) => DISTINCTIVE_KEYS.has(option.name)) || (a.language.family === 'python' && buildsCondition(a, open, close));
}

/** How many parentheses and negations (`~`) before a condition are looked through (`ConditionExpression=~(Attr("pk").eq(v) & ...)`). */
const MAX_WRAPPING_PARENS = 3;

/**
 * Whether an argument is a boto3 condition (`KeyConditionExpression=Key("pk").eq(v)`), built in place (also in
 * the parentheses a formatter wraps a long one in, or negated with `~`) or held by a name bound to one: what only a Table resource
 * takes, which needs no `TableName`.
 */
function buildsCondition(a: CodeAnalyzer, open: number, close: number): boolean {
  for (let k = open + 1; k < close; k++) {
    if (a.is(k, '=') && a.parent[k] === open && a.isId(k - 1)) {
      let value = k + 1;
      for (let wraps = 0; wraps < MAX_WRAPPING_PARENS && ((a.is(value, '(') && a.partner[value] > value) || a.is(value, '~')); wraps++) {
        value++;
      }
      const binding = a.isId(value) && !a.isAccess(value + 1) && !a.is(value + 1, '(') ? a.scopes.lookup(a.tokens.text(value), value) : undefined;
      if (isCondition(a, value) || (binding !== undefined && binding.expression >= 0 && isCondition(a, binding.expression))) {
        return true;
      }
    }
  }
  return false;
}

/** `Key(...)` / `Attr(...)` from boto3's conditions module at `k`: objects only a Table resource's request takes. */
function isCondition(a: CodeAnalyzer, k: number): boolean {
  return a.is(k + 1, '(') && boto3ConditionBuilder(a, k) !== undefined;
}

/**
 * Whether the receiver chain `start`..`end` is of unknown origin: a name chain (`table`, `deps.db`,
 * `this.client`) whose root is an untyped (or `any`) parameter, a field set only from such parameters, or a
 * local that copies one; no calls, no indexing, no name that reads as a test double.
 */
export function ofUnknownOrigin(a: CodeAnalyzer, start: number, end: number, hops = 0): boolean {
  if (!isNameChain(a, start, end)) {
    return false;
  }
  if (a.idIs(start, 'this') || a.idIs(start, 'self')) {
    return start + 2 <= end && (fieldFromUnknown(a, start, hops) || annotatedMemberOfUnknownOrigin(a, start, end, hops));
  }
  const binding = a.scopes.lookup(a.tokens.text(start), start);
  if (!binding || (binding.fixed !== undefined && !protocolInstance(a, binding.fixed))) {
    return false;
  }
  if (isUntypedParameter(a, binding) || annotatedMemberOfUnknownOrigin(a, start, end, hops)) {
    return true;
  }
  // `const { db, tables } = deps`: a member of a name chain of unknown origin is no better known.
  const pattern = binding.destructured;
  if (pattern && !isParameterToken(a, binding.token)) {
    return hops < MAX_HOPS && ofUnknownOrigin(a, pattern.from, pattern.end - 1, hops + 1);
  }
  // `const db = deps.db`: a local that copies a name chain of unknown origin.
  const copied = binding.expression;
  if (binding.element && isParameterToken(a, binding.token)) {
    // An iteration callback's parameter (`clients.map((c) => c.scan(...))`): an element of the receiver's names.
    return hops < MAX_HOPS && ofUnknownOrigin(a, copied, iteratedNamesEnd(a, copied), hops + 1);
  }
  return hops < MAX_HOPS && copied >= 0 && !isParameterToken(a, binding.token) && ofUnknownOrigin(a, copied, chainEnd(a, copied), hops + 1);
}

/** The last token of the names that a method call follows (`deps.clients` in `deps.clients.map(...)`), or -1. */
function iteratedNamesEnd(a: CodeAnalyzer, start: number): number {
  let k = start;
  while (a.isId(k) && a.isAccess(k + 1) && a.isId(k + 2) && !a.is(k + 3, '(')) {
    k += 2;
  }
  return a.isId(k) && a.isAccess(k + 1) && a.isId(k + 2) && a.is(k + 3, '(') ? k : -1;
}

/** Whether tokens `start`..`end` are names joined by member access, none of them a test double's. */
function isNameChain(a: CodeAnalyzer, start: number, end: number): boolean {
  if (end < start || (end - start) / 2 > MAX_MEMBERS) {
    return false;
  }
  for (let k = start; k <= end; k += 2) {
    if (!a.isId(k) || isDoubleVariable(a.tokens.text(k)) || (k < end && !a.isAccess(k + 1))) {
      return false;
    }
  }
  return true;
}

/** The last token of a name chain that makes up a whole expression (`deps.db` in `const db = deps.db;`), or -1. */
function chainEnd(a: CodeAnalyzer, start: number): number {
  let k = start;
  while (a.isId(k) && a.isAccess(k + 1) && a.isId(k + 2)) {
    k += 2;
  }
  const next = k + 1;
  const ends = a.is(next, ';') || a.is(next, ',') || a.is(next, ')') || a.is(next, '}') || a.startsLine(next) || next >= a.tokens.length;
  return a.isId(k) && ends ? k : -1;
}

/**
 * `this.client` / `self.table`: a field that every assignment sets to an untyped parameter (or a TypeScript
 * parameter property); in Python also one annotated botocore's `BaseClient` whose value tells nothing
 * (`client: BaseClient`, `self._client: AioBaseClient = make()`), or a `@property` so annotated, and a
 * field or `@property` that is the `Table(...)` of a name chain of unknown origin.
 */
function fieldFromUnknown(a: CodeAnalyzer, self: number, hops: number): boolean {
  const classScope = a.scopes.enclosing(self, ['class']);
  const field = a.id(self + 2);
  if (classScope <= 0 || field === undefined) {
    return false;
  }
  // A field the class and its same-file bases never set: in Python, a workspace base class may set it.
  const own = a.scopes.memberBindings(classScope, field).length > 0;
  return own ? fieldOfUnknownOrigin(a, classScope, field, hops) : a.language.id === 'python' && inheritedFieldOfUnknownOrigin(a, classScope, field);
}

/** Whether the class (or a same-file base) sets `field` only from parameters of unknown value; also read for a class another file extends. */
export function fieldOfUnknownOrigin(a: CodeAnalyzer, classScope: number, field: string, hops = 0): boolean {
  const bindings = a.scopes.memberBindings(classScope, field);
  return (
    bindings.length > 0 &&
    bindings.every((binding) => {
      if (isAnnotatedBaseClient(a, binding) || tableOfUnknownOrigin(a, binding, hops)) {
        return true;
      }
      if (binding.expression < 0) {
        return isUntypedParameter(a, binding);
      }
      if (entryOfUntypedParameter(a, binding.expression)) {
        return true;
      }
      const assigned = a.isId(binding.expression) && chainEnd(a, binding.expression) === binding.expression ? a.scopes.lookup(a.tokens.text(binding.expression), binding.expression) : undefined;
      // `table = self.resource.Table(name); table.load(); self.table = table`: a local that holds such a Table.
      return assigned !== undefined && (isUntypedParameter(a, assigned) || (!isParameterToken(a, assigned.token) && tableOfUnknownOrigin(a, assigned, hops + 1)));
    })
  );
}

/**
 * `config['resource']` alone, an entry of an untyped parameter under a literal key: no better known than the
 * parameter (`self.resource = lambda_dynamodb_resource['resource']`).
 */
function entryOfUntypedParameter(a: CodeAnalyzer, start: number): boolean {
  const close = a.isId(start) && a.is(start + 1, '[') && a.isString(start + 2) ? a.partner[start + 1] : -1;
  const next = close + 1;
  if (close !== start + 3 || !(a.startsLine(next) || a.is(next, ';') || next >= a.tokens.length)) {
    return false;
  }
  const binding = a.scopes.lookup(a.tokens.text(start), start);
  return binding !== undefined && binding.fixed === undefined && isUntypedParameter(a, binding);
}

/** Return statements of one `@property` that are read. */
const MAX_RETURNS_READ = 4;

/**
 * A Python field or `@property` that is boto3's `Table(name)` of a name chain of unknown origin: `self.table =
 * dynamodb.Table(name)` from an untyped parameter, or `@cached_property def table(self): return
 * self.resource.Table(self.table_name)` over a field set from one. What it holds is no better known than
 * the resource, so its requests still need keys only DynamoDB takes.
 */
function tableOfUnknownOrigin(a: CodeAnalyzer, binding: Binding<Value>, hops: number): boolean {
  if (a.language.id !== 'python' || hops >= MAX_HOPS) {
    return false;
  }
  const fn = binding.fixed;
  if (fn?.t === 'function') {
    const starts = fn.accessor === true ? a.returnStarts(fn) : [];
    return starts.length > 0 && starts.length <= MAX_RETURNS_READ && starts.every((start) => isTableOfUnknown(a, start, hops));
  }
  return binding.expression >= 0 && isTableOfUnknown(a, binding.expression, hops);
}

/** Whether the expression at `start` is `names.Table(...)` alone, with `names` a chain of unknown origin. */
function isTableOfUnknown(a: CodeAnalyzer, start: number, hops: number): boolean {
  let k = start;
  while (a.isId(k) && a.isAccess(k + 1) && a.isId(k + 2)) {
    k += 2;
  }
  const close = k > start && a.idIs(k, 'Table') && a.is(k + 1, '(') ? a.partner[k + 1] : -1;
  const next = close + 1;
  const ends = close > 0 && (a.startsLine(next) || a.is(next, ';') || next >= a.tokens.length);
  return ends && ofUnknownOrigin(a, start, k - 2, hops + 1);
}

/**
 * A Python field or `@property` whose annotation is botocore's `BaseClient` and whose value tells nothing
 * (the value, when the engine knows it, is what the receiver is): an AWS client of unknown service.
 */
function isAnnotatedBaseClient(a: CodeAnalyzer, binding: Binding<Value>): boolean {
  if (a.language.id !== 'python') {
    return false;
  }
  const fn = binding.fixed;
  if (fn?.t === 'function') {
    return fn.accessor === true && fn.returnType !== undefined && isBotocoreBaseClient(a, fn.returnType) && a.returnValue(fn) === undefined;
  }
  return a.is(binding.token + 1, ':') && isBotocoreBaseClient(a, binding.token + 2) && (binding.expression < 0 || a.valueOf(binding) === undefined);
}

/**
 * The function whose parameter list holds a token (directly, or in a destructuring pattern there, which
 * may open a block scope of its own), or undefined.
 */
function functionOfParameter(a: CodeAnalyzer, token: number): FunctionScope | undefined {
  const group = a.parent[token];
  const outer = group >= 0 ? a.parent[group] : -1;
  for (let scope = a.scopes.scopeAt(token); scope > 0; scope = a.scopes.parent(scope)) {
    const fn = a.functions.get(scope);
    if (fn) {
      const pattern = outer >= 0 && outer === fn.params && (a.is(group, '{') || a.is(group, '['));
      return fn.params === token || group === fn.params || a.idIs(fn.params, 'lambda') || pattern ? fn : undefined;
    }
  }
  return undefined;
}

function isParameterToken(a: CodeAnalyzer, token: number): boolean {
  return functionOfParameter(a, token) !== undefined;
}

/** The name a parameter is annotated with alone (`resource: LambdaDynamoDB`, `repo: UserRepository`), as its token; undefined for any other. */
export function parameterClassAnnotation(a: CodeAnalyzer, binding: Binding<Value>): number | undefined {
  const token = binding.token;
  const fn = a.isId(token) ? functionOfParameter(a, token) : undefined;
  if (!fn || fn.params === token || a.parent[token] !== fn.params || !a.is(token + 1, ':')) {
    return undefined;
  }
  const type = token + 2;
  return a.isId(type) && /^[A-Z]/.test(a.tokens.text(type)) && endsAnnotation(a, type + 1) ? type : undefined;
}

/** A parameter with no type (or `any`), and no default but an empty one: nothing tells what callers pass. */
function isUntypedParameter(a: CodeAnalyzer, binding: Binding<Value>): boolean {
  const token = binding.token;
  const fn = a.isId(token) ? functionOfParameter(a, token) : undefined;
  if (!fn) {
    return false;
  }
  if (binding.expression >= 0 && !(a.tokens.isOneOf(binding.expression, [...EMPTY_DEFAULTS]) && (a.is(binding.expression + 1, ',') || a.is(binding.expression + 1, ')')))) {
    return false;
  }
  if (fn.params === token || a.idIs(fn.params, 'lambda')) {
    // `db => ...` and Python's `lambda t: ...` take no annotation.
    return true;
  }
  const group = a.parent[token];
  // A destructured parameter is annotated after its pattern: `({ db }: Deps)`.
  const afterName = group !== fn.params ? a.partner[group] + 1 : a.is(token + 1, '?') ? token + 2 : token + 1;
  if (!a.is(afterName, ':')) {
    return true;
  }
  const type = afterName + 1;
  if (a.isId(type) && UNTYPED.has(a.tokens.text(type)) && endsAnnotation(a, type + 1)) {
    return true;
  }
  // A `typing.Protocol` says only which methods the value has, not what it is.
  return a.language.id === 'python' && (isBotocoreBaseClient(a, type) || (endsAnnotation(a, type + 1) && annotatedWithProtocol(a, type)));
}

/** Whether an annotation ends at `k`: a parameter's (`,` `)` `=`), a `def`'s return (`:`), a bare declaration's (a new line). */
function endsAnnotation(a: CodeAnalyzer, k: number): boolean {
  return a.is(k, ',') || a.is(k, ')') || a.is(k, '=') || (a.language.id === 'python' && (a.is(k, ':') || a.startsLine(k) || k >= a.tokens.length));
}

/**
 * `client: BaseClient` (botocore) or `AioBaseClient` (aiobotocore): the type every client has, whatever its
 * service, so the annotation says an AWS client of unknown service, no more. Also in quotes, in typing's
 * `Optional[...]` or as `... | None`: a client or none, which is the same client when called.
 */
function isBotocoreBaseClient(a: CodeAnalyzer, type: number): boolean {
  const optional = a.isId(type) ? a.dottedPath(type) : undefined;
  if (optional && TYPING_OPTIONAL.test(importedName(a, optional.text) ?? '') && a.is(optional.end, '[')) {
    const close = a.partner[optional.end];
    return close > optional.end && baseClientEnd(a, optional.end + 1) === close && endsAnnotation(a, close + 1);
  }
  const end = baseClientEnd(a, type);
  return end >= 0 && (endsAnnotation(a, end) || (a.is(end, '|') && a.idIs(end + 1, 'None') && endsAnnotation(a, end + 2)));
}

/** The token after botocore's `BaseClient` named at `k` (a dotted name, or one in quotes), or -1. */
function baseClientEnd(a: CodeAnalyzer, k: number): number {
  if (a.isString(k)) {
    return !a.tokens.interpolated(k) && BOTOCORE_BASE_CLIENT.test(importedName(a, a.tokens.text(k)) ?? '') ? k + 1 : -1;
  }
  const name = a.isId(k) ? a.dottedPath(k) : undefined;
  return name && BOTOCORE_BASE_CLIENT.test(importedName(a, name.text) ?? '') ? name.end : -1;
}

/** The full name a dotted name stands for through the file's imports (`AioBaseClient`: `aiobotocore.client.AioBaseClient`). */
function importedName(a: CodeAnalyzer, text: string): string | undefined {
  const dot = text.indexOf('.');
  const imported = a.imports.get(dot < 0 ? text : text.slice(0, dot));
  if (!imported) {
    return undefined;
  }
  const root = imported.path ? `${imported.module}.${imported.path}` : imported.module;
  return dot < 0 ? root : root + text.slice(dot);
}
