/**
 * Java and C# share how names are declared: `Type name [= expr]` for locals, fields and parameters,
 * `Type name(...)` for methods, `this.name = ...` and `name = ...` for assignments to a field or local.
 */
import { TOKEN_KIND } from '../../lexer';
import { OptionContext, OptionOccurrence } from '../../model';
import { ScopeTree } from '../../scope/scopes';
import { codeOf, codeSet } from '../../tokenCodes';
import { operationOfMethod, operationOfTypeName, TYPED_CLIENTS, SERVICE_OF_KIND } from '../../services';
import { normalizeName } from '../../types';
import type { CodeAnalyzer } from '../analyzer';
import { contextFrom } from '../options';
import { calledName, keepDeclaredRequest, noteMemberAssignment, requestBuiltBy } from '../requests';
import { Value } from '../values';
import { angleDepthBackward, closeAngle } from '../typeArguments';
import { mayIterateServers } from '../stackExchangeRedis';
import { v1ChainEnd } from './javaV1Requests';

const { ID, PUNCT } = TOKEN_KIND;

/** Words that stand where a type would, but are not one. */
const NOT_TYPES = new Set([
  'return', 'new', 'throw', 'else', 'case', 'package', 'import', 'yield', 'await', 'in', 'out', 'ref', 'params', 'this', 'goto',
  'instanceof', 'extends', 'implements', 'throws', 'using', 'namespace', 'class', 'interface', 'enum', 'record', 'struct', 'typeof',
  'sizeof', 'default', 'break', 'continue', 'do', 'is', 'as', 'where', 'operator', 'event', 'base', 'nameof', 'when', 'not', 'and', 'or',
]);
const COMPARISONS = ['==', '!=', '<=', '>='];
/** Tokens after a name that make `Type name` a declaration (`in` in a foreach, `(` for a method). */
const DECLARATION_FOLLOWERS = codeSet(['=', ';', ',', ')', ':', '{', '=>', 'in', '(']);
const EQUALS = codeOf('=');
const LESS_THAN = codeOf('<');
const RETURN = codeOf('return');
/** Exception types a `throws` clause lists that are read before giving up. */
const MAX_THROWN = 8;

/** Where the type before a declared name starts, or -1: `Type name`, `a.b.Type name`, `List<T> name`, `T[] name`, `T? name`. */
export function typeBefore(a: CodeAnalyzer, name: number): number {
  let k = name - 1;
  if (a.is(k, '?')) {
    // C#'s nullable `T? name`; in Java, and before a `:`, the `?` of a conditional (`x == null ? base : other`).
    if (a.language.family !== 'csharp' || a.is(name + 1, ':')) {
      return -1;
    }
    k--;
  }
  while (a.is(k, ']') && a.is(k - 1, '[')) {
    k -= 2;
  }
  if (a.is(k, '>') || a.is(k, '>>')) {
    let depth = 0;
    for (let steps = 0; k > 0 && steps < 64; k--, steps++) {
      const change = angleDepthBackward(a, k);
      if (change !== 0) {
        depth += change;
        if (change < 0 && depth <= 0) {
          break;
        }
      } else if (a.is(k, ';') || a.is(k, '{') || a.is(k, '}') || a.is(k, '=')) {
        return -1;
      }
    }
    k--;
  }
  if (a.tokens.kinds[k] !== ID || NOT_TYPES.has(a.tokens.text(k))) {
    return -1;
  }
  while (a.is(k - 1, '.') && a.isId(k - 2)) {
    k -= 2;
  }
  return k;
}

/**
 * Where the type a C# method's callers get after `await` starts: `IAmazonDynamoDB` in `Task<IAmazonDynamoDB>` and
 * `ValueTask<IDatabase>` (what `await factory.CreateAsync()` gives); the type itself otherwise.
 */
function awaitedType(a: CodeAnalyzer, start: number): number {
  const name = simpleTypeName(a, start);
  if (a.language.family !== 'csharp' || !(a.idIs(name, 'Task') || a.idIs(name, 'ValueTask')) || !a.is(name + 1, '<')) {
    return start;
  }
  const close = closeAngle(a, name + 1);
  return close > name + 2 && a.isId(name + 2) && simpleTypeName(a, name + 2) === close - 1 ? name + 2 : start;
}

/** The token of a type's simple name, from where the type starts: `ScanRequest` in `Amazon.DynamoDBv2.Model.ScanRequest`. */
export function simpleTypeName(a: CodeAnalyzer, start: number): number {
  let k = start;
  while (a.is(k + 1, '.') && a.isId(k + 2)) {
    k += 2;
  }
  return k;
}

/** A Java or C# type as a value: one of the SDK's client types, when the file imports its service. */
export function clientType(a: CodeAnalyzer, start: number): Value | undefined {
  const name = a.id(simpleTypeName(a, start));
  const kind = name ? TYPED_CLIENTS[name] : undefined;
  return kind && a.services.has(SERVICE_OF_KIND[kind]) ? { t: 'client', kind } : undefined;
}

/**
 * A type named by a class or interface of the same file (`IDbContext db`, `private final Clients clients`): an
 * instance of it, whose members are read through it (`db.Context.SaveAsync(item)`). A qualified name is not one.
 */
export function sameFileClass(a: CodeAnalyzer, start: number): Value | undefined {
  const name = a.id(start);
  const declared = name && !a.is(start + 1, '.') ? a.scopes.classNamed(name) : -1;
  return declared > 0 ? { t: 'instance', classScope: declared } : undefined;
}

export function collectTypedBindings(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  const tokens = a.tokens;
  const codes = tokens.codes;
  const serversIterated = mayIterateServers(a);
  for (let i = 0; i < tokens.length; i++) {
    const kind = tokens.kinds[i];
    if (kind === PUNCT) {
      if (codes[i] === EQUALS && a.isId(i - 1)) {
        assignment(a, tree, i);
      }
      continue;
    }
    if (kind !== ID) {
      continue;
    }
    if (codes[i] === RETURN) {
      a.addReturn(i + 1);
      continue;
    }
    // A C# generic method (`Task<List<T>> ScanAsync<T>(...)`): its parameters follow its type parameters.
    const follower = codes[i + 1] === LESS_THAN && a.language.family === 'csharp' ? closeAngle(a, i + 1) + 1 : i + 1;
    if (follower <= 0 || DECLARATION_FOLLOWERS[codes[follower]] !== 1 || (follower !== i + 1 && !a.is(follower, '('))) {
      continue;
    }
    const typeStart = typeBefore(a, i);
    if (typeStart < 0 || a.isAccess(typeStart - 1)) {
      continue;
    }
    const method = a.is(follower, '(');
    const returnType = method ? awaitedType(a, typeStart) : typeStart;
    const declared = a.language.typeValue(a, returnType);
    const name = a.tokens.text(i);
    if (method) {
      const scope = tree.scopeAt(follower);
      if (tree.kind(scope) === 'function' && tree.range(scope)[0] === follower) {
        // A C# expression-bodied method (`IDatabase Db() => connection.GetDatabase();`) returns its expression.
        const concise = a.functions.get(scope)?.concise ?? -1;
        tree.bind(tree.holderAt(i), name, { token: i, expression: -1, fixed: { t: 'function', scope, concise }, method: true, ...(declared ? { declared } : {}) });
      } else if (tree.kind(scope) === 'class' && bodilessMethod(a, follower)) {
        // `abstract DynamoDbTable<T> table();`, an interface's `Jedis jedis();` or `Tables tables();`: what the
        // subclasses return has this type (a client, or a class whose members hold one).
        tree.bind(scope, name, { token: i, expression: -1, fixed: { t: 'function', scope: -1, concise: -1, returnType }, method: true, ...(declared ? { declared } : {}) });
      }
      continue;
    }
    if (serversIterated && !declared && iteratedVar(a, typeStart, i)) {
      // `foreach (var server in mux.GetServers())`: an element of what the loop walks.
      tree.bind(tree.holderAt(i), name, { token: i, expression: i + 2, element: true });
      continue;
    }
    const initializer = a.is(i + 1, '=') || a.is(i + 1, '=>') ? i + 2 : -1;
    // `JedisCommands commands = (JedisCommands) connection.getNativeConnection();`: the cast gives the client the name is declared as.
    const expression = declared?.t === 'client' && initializer > 0 && isCast(a, initializer) ? -1 : initializer;
    tree.bind(tree.holderAt(i), name, { token: i, expression, ...(declared ? { declared } : {}) });
    if (expression > 0 && !declared && !a.idIs(expression, 'new')) {
      keepRequestOfDeclaredType(a, i, simpleTypeName(a, typeStart));
    }
  }
}

/**
 * `CreateTableRequest request = mapper.generateCreateTableRequest(Order.class);`: a name declared with a request
 * type and given one the file does not build (a library's or another class's method), kept as that request so
 * that the setters called on it (`request.setProvisionedThroughput(...)`) and the calls it is passed to read it.
 * The name's own value wins where the file builds it (`analyzer.requestVariable`).
 */
function keepRequestOfDeclaredType(a: CodeAnalyzer, name: number, type: number): void {
  const typeName = a.tokens.text(type);
  const operation = typeName.endsWith('Request') ? operationOfTypeName(typeName, a.services, /Request$/) : undefined;
  if (operation) {
    keepDeclaredRequest(a, name, type, operation).options.push(...chainedSetters(a, name + 2, operation));
  }
}

/**
 * Java 1.x fluent setters chained on the call whose result the name is given
 * (`= mapper.generateCreateTableRequest(Order.class).withProvisionedThroughput(...)`), as options of that request:
 * each `withX(...)` returns the same request.
 */
function chainedSetters(a: CodeAnalyzer, start: number, operation: string): OptionOccurrence[] {
  if (a.language.family !== 'java') {
    return [];
  }
  let k = start;
  while (a.isId(k) && a.is(k + 1, '.')) {
    k += 2;
  }
  const close = a.isId(k) && a.is(k + 1, '(') ? a.partner[k + 1] : -1;
  const last = close > 0 ? v1ChainEnd(a, close) : -1;
  return last > close ? contextFrom(a, close, last, 'sdk', operation, a.tokenSpan(k)).options : [];
}

/** Whether a cast starts at `open`: `(Type)` or `(Type<T>)` followed by what it converts (a name, a call or a parenthesised expression). */
function isCast(a: CodeAnalyzer, open: number): boolean {
  if (!a.is(open, '(') || !a.isId(open + 1)) {
    return false;
  }
  const close = a.partner[open];
  let end = simpleTypeName(a, open + 1) + 1;
  if (a.is(end, '<')) {
    end = closeAngle(a, end) + 1;
  }
  return close > open && end === close && (a.isId(close + 1) || a.is(close + 1, '('));
}

/** C#'s `foreach (var name in ...)`, with `var` at `typeStart` and the name at `name`. */
function iteratedVar(a: CodeAnalyzer, typeStart: number, name: number): boolean {
  return a.idIs(name + 1, 'in') && a.idIs(typeStart, 'var') && typeStart + 1 === name && a.is(typeStart - 1, '(') && a.idIs(typeStart - 2, 'foreach');
}

/** Whether the parameter list at `open` ends a method declared without a body: `);` or Java's `) throws A, B;`. */
function bodilessMethod(a: CodeAnalyzer, open: number): boolean {
  let k = a.partner[open] + 1;
  if (k <= 0) {
    return false;
  }
  if (a.idIs(k, 'throws')) {
    k++;
    for (let names = 0; names < MAX_THROWN && a.isId(k); names++) {
      k = simpleTypeName(a, k) + 1;
      if (!a.is(k, ',')) {
        break;
      }
      k++;
    }
  }
  return a.is(k, ';');
}

/** `name = expr` (a local or field declared earlier) and `this.name = expr` (a field). */
function assignment(a: CodeAnalyzer, tree: ScopeTree<Value>, eq: number): void {
  const name = a.tokens.text(eq - 1);
  if (a.is(eq + 1, '=') || a.tokens.isOneOf(eq - 2, COMPARISONS)) {
    return;
  }
  if (a.isAccess(eq - 2)) {
    a.bindThisField(eq);
    noteMemberAssignment(a, eq);
    return;
  }
  if (typeBefore(a, eq - 1) >= 0 || inInitializer(a, eq)) {
    return;
  }
  const scope = tree.declaringScope(name, eq);
  // The variable keeps the type it was declared with: `Jedis jedis = null;` then `jedis = pool.getResource();`
  // holds a Jedis even where the call that sets it cannot be followed.
  const declared = tree.bindingsIn(scope).get(name)?.[0]?.declared;
  tree.bind(scope, name, { token: eq - 1, expression: eq + 1, ...(declared ? { declared } : {}) });
}

/** C#'s target-typed `new(...)` at `k` (`_context = new(client)`): it builds the declared type, not its argument. */
export function targetTypedNew(a: CodeAnalyzer, k: number): boolean {
  return a.language.family === 'csharp' && a.idIs(k, 'new') && a.is(k + 1, '(');
}

/**
 * Where the type a target-typed `new(...)` builds starts, for a declaration (`ScanRequest request = new() { ... }`,
 * a field's initializer) or an assignment to a local declared earlier in the same scope chain; -1 when unknown.
 */
export function targetTypeStart(a: CodeAnalyzer, newIndex: number): number {
  const eq = newIndex - 1;
  if (!targetTypedNew(a, newIndex) || !a.is(eq, '=') || !a.isId(eq - 1)) {
    return -1;
  }
  const own = typeBefore(a, eq - 1);
  if (own >= 0 || a.isAccess(eq - 2)) {
    return own;
  }
  const declaration = a.scopes.lookup(a.tokens.text(eq - 1), eq - 2);
  return declaration && declaration.token < eq - 1 ? typeBefore(a, declaration.token) : -1;
}

/**
 * The value of a target-typed `new(...)` assigned to a name declared elsewhere: the type of the local
 * declared before, else the field's declared type (`_context = new(client)`, `this._table = new(...)`).
 */
export function targetTypedValue(a: CodeAnalyzer, newIndex: number): Value | undefined {
  const eq = newIndex - 1;
  if (!targetTypedNew(a, newIndex) || !a.is(eq, '=') || !a.isId(eq - 1)) {
    return undefined;
  }
  const start = targetTypeStart(a, newIndex);
  if (start >= 0) {
    return a.language.typeValue(a, start);
  }
  const classScope = a.scopes.enclosing(eq, ['class']);
  return classScope > 0 ? a.scopes.declaredMember(classScope, a.tokens.text(eq - 1)) : undefined;
}

/**
 * A C# object initializer member (`new QueryRequest { TableName = TableName }`, `new() { ... }`, `x with { ... }`):
 * it sets a property of the new object, not the field or local of that name.
 */
function inInitializer(a: CodeAnalyzer, eq: number): boolean {
  const brace = a.parent[eq];
  if (a.language.family !== 'csharp' || brace < 0 || !a.is(brace, '{')) {
    return false;
  }
  let k = brace - 1;
  if (a.is(k, ')') && a.partner[k] >= 0) {
    k = a.partner[k] - 1;
  }
  for (let steps = 0; k >= 0 && steps < 24; steps++, k--) {
    if (a.idIs(k, 'new') || a.idIs(k, 'with')) {
      return true;
    }
    if (!(a.isId(k) || a.is(k, '.') || a.is(k, '<') || a.is(k, '>') || a.is(k, ',') || a.is(k, '[') || a.is(k, ']') || a.is(k, '?'))) {
      return false;
    }
  }
  return false;
}

/** `x.scan(request)` on a receiver we cannot see, where the request is the SDK's own type for that method. */
export function callWithTypedRequest(a: CodeAnalyzer, index: number): boolean {
  const open = index + 1;
  const close = a.partner[open];
  if (close < 0) {
    return false;
  }
  const method = normalizeName(a.tokens.text(index)).replace(/async$/, '');
  const request = requestInArguments(a, open, close);
  if (!request || normalizeName(request.type.split(':')[1] ?? '') !== method || !operationOfMethod(serviceKind(request.type), method)) {
    return false;
  }
  // The enhanced client's `scan(ScanEnhancedRequest)` and `query(QueryEnhancedRequest)` return a PageIterable (or a publisher) that reads every page;
  // only `DynamoDBMapper` takes a `DynamoDBScanExpression` / `DynamoDBQueryExpression`, and its `scan` / `query` return a PaginatedList that
  // fetches the following pages as it is iterated (DynamoDBMapper.Methods.html), whatever the receiver (`db.mapper().scan(Item.class, expression)`).
  const pages = /:(?:Scan|Query)$/.test(request.type) && /(?:EnhancedRequest|^DynamoDB(?:Scan|Query)Expression)$/.test(a.text.slice(request.anchor.start, request.anchor.end));
  a.addOperation({ operation: request.type, name: a.tokenSpan(index), call: true, paginated: pages, tokenIndex: index, request });
  return true;
}

/**
 * Whether the receiver of the call named at `index` (`retries.batchWriteItem(request)`, `this.retries.…`) is a name
 * declared with a type that is no client this file knows, or declared `var` and made by one's constructor or builder:
 * a project's or a library's class (`DynamoDbRetryWrapper retries;`) that takes the SDK's request and may do anything
 * with it, such as resend what comes back unprocessed. Its origin is seen, and it is not the SDK's.
 */
export function heldByOtherType(a: CodeAnalyzer, receiverStart: number, index: number): boolean {
  const k = a.idIs(receiverStart, 'this') && a.isAccess(receiverStart + 1) ? receiverStart + 2 : receiverStart;
  if (!a.isId(k) || k + 2 !== index || !a.isAccess(k + 1)) {
    return false;
  }
  const name = a.tokens.text(k);
  // The declaration: the first binding of the scope that declares the name (a later `x = ...` keeps its type).
  const declaration = a.scopes.bindingsIn(a.scopes.declaringScope(name, k)).get(name)?.[0];
  let type = declaration ? declaration.token - 1 : -1;
  if (declaration && a.idIs(type, 'var')) {
    // `var retries = new Retries(client)`, `var retries = Retries.builder()...build()`: the class it makes.
    const made = declaration.expression;
    type = a.idIs(made, 'new') ? made + 1 : a.isAccess(made + 1) && a.idIs(made + 2, 'builder') ? made : -1;
  }
  if (type < 0 || !a.isId(type) || !/^[A-Z]/.test(a.tokens.text(type))) {
    return false;
  }
  while (a.isAccess(type - 1) && a.isId(type - 2)) {
    type -= 2;
  }
  return a.language.typeValue(a, type) === undefined;
}

function serviceKind(operation: string): 'dynamodb' | 'rds' | 'elasticache' {
  return operation.split(':')[0] as 'dynamodb' | 'rds' | 'elasticache';
}

/** A request built inside the arguments, or a variable argument bound to one. */
export function requestInArguments(a: CodeAnalyzer, open: number, close: number): OptionContext | undefined {
  for (let k = open + 1; k < close; k++) {
    const contained = a.requestAt.get(k);
    if (contained) {
      return contained;
    }
  }
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    // `request`, or Go's `&input` for an input struct held by value.
    const before = a.is(k - 1, '&') ? k - 2 : k - 1;
    if (!a.isId(k) || !(a.is(before, '(') || a.is(before, ','))) {
      continue;
    }
    // A builder variable built in place: `builder.build()`.
    const built = a.is(k + 1, '.') && a.idIs(k + 2, 'build') && a.is(k + 3, '(') && a.is(k + 4, ')');
    const held = a.is(k + 1, ')') || a.is(k + 1, ',') || built ? a.requestVariable(a.tokens.text(k), open) : undefined;
    // `countInput(table)`, `r.pageInput(id)`: a same-file function or method that builds the request.
    const called = held ? -1 : calledName(a, k);
    const returned = held ?? (called >= 0 && argumentEnds(a, a.partner[called + 1] + 1) ? requestBuiltBy(a, k) : undefined);
    if (returned) {
      return returned;
    }
  }
  return undefined;
}

/** Whether a token ends an argument: `,` or the closing `)`. */
function argumentEnds(a: CodeAnalyzer, k: number): boolean {
  return a.is(k, ',') || a.is(k, ')');
}
