/**
 * Java and C# item helpers: the methods of a repository class that read or save one table's objects for their
 * callers through an object mapper, for `dynamodb-read-modify-write` through repositories (`classItemHelperCalls.ts`).
 * A method that returns what the mapper read (`return table.getItem(key);`, `return mapper.load(User.class, id);`,
 * `=> _context.LoadAsync<User>(id);`, `User u = table.getItem(key); return u;`) reads; one whose unconditional write
 * saves its parameter (`table.putItem(user)`, `mapper.save(user)`, `await _context.SaveAsync(user)`) puts. Each keeps the mapper's receiver as written (the
 * enhanced client's `DynamoDbTable`, a `DynamoDBContext`) and the object's class: a reading and a saving method of one
 * class that agree on both name the same table. A receiver taken from a parameter may differ per caller: none.
 */
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { readExpression } from '../checkThenPutTyped';
import { functionName } from '../helperFunctions';
import { usesJavaAsyncClient } from '../itemLoops';
import { writesWithoutCondition } from '../readModifyWrite';
import { RmwDialect, typedReadFlowUntil } from '../readModifyWriteTyped';
import { OperationOccurrence } from '../../model';
import { typeListNames } from './classItemSubclasses';
import { angleDepthBackward, callOpenAfter } from '../typeArguments';
import type { ClassItemMethods } from '../../workspace/types';

/** Tokens read past a helper's read for the `return` that hands back what it read. */
const RETURN_REACH = 400;
const NO_TYPE = new Set(['void', 'Task', 'var', 'Optional', 'CompletableFuture', 'ValueTask', 'object', 'Object']);

/** Whether a Java or C# file's text may declare an item helper: it names an object mapper's read or write (v1 `DynamoDBMapper`'s `load`, `save` only with the mapper). */
export function mayDeclareClassItemHelpers(text: string): boolean {
  return /\b(?:getItem|putItem|LoadAsync|SaveAsync|ScanAsync)\s*[(<]/.test(text) || /\.Scan\s*[(<]/.test(text) || (text.includes('DynamoDBMapper') && /\b(?:load|save)\s*\(/.test(text));
}

/**
 * The item helpers of the file's classes (see the module's comment), by class simple name, from the file's mapper
 * reads and its writes of an object with no condition: a PutItem, or the UpdateItem a mapper's save sends
 * (`DynamoDBContext.SaveAsync` updates the item with every property of the object).
 */
export function classItemMethods(a: CodeAnalyzer, rmw: RmwDialect): Record<string, ClassItemMethods> {
  const gets = a.operations.filter((occurrence) => occurrence.call && occurrence.operation === 'dynamodb:GetItem');
  const puts = a.operations.filter((occurrence) => (occurrence.operation === 'dynamodb:PutItem' || occurrence.operation === 'dynamodb:UpdateItem') && writesWithoutCondition(occurrence));
  const scans = a.language.family === 'csharp' ? a.operations.filter((occurrence) => occurrence.call && occurrence.operation === 'dynamodb:Scan') : [];
  // A saving method counts alone too: a caller's loop may send one save per element (`classItemSavesPerElement`).
  if (puts.length === 0 && scans.length === 0) {
    return {};
  }
  const found: Record<string, ClassItemMethods> = Object.create(null) as Record<string, ClassItemMethods>;
  const entry = (method: Method): ClassItemMethods['methods'][string] => {
    found[method.owner] ??= { methods: Object.create(null) as ClassItemMethods['methods'], ...interfacesOf(a, method.ownerToken), ...typeParametersOf(a, method.ownerToken) };
    found[method.owner].methods[method.name] ??= {};
    return found[method.owner].methods[method.name];
  };
  for (const get of gets) {
    const method = rmw.readsObject(a, get) ? methodOf(a, get) : undefined;
    const table = method && ownReceiver(a, rmw, get, method);
    const type = method && table !== undefined ? readType(a, get, method) : undefined;
    const optionalType = method && table !== undefined && type === undefined ? optionalReturnType(a, get, method) : undefined;
    if (method && table !== undefined && type !== undefined && returnsRead(a, rmw, get, method.scope)) {
      entry(method).reads = { table, type };
    } else if (method && table !== undefined && optionalType !== undefined) {
      entry(method).reads = { table, type: optionalType, optional: true };
    }
  }
  for (const put of puts) {
    const method = methodOf(a, put);
    const written = method && !(put.request?.options.length) ? rmw.writtenArgument(a, put) : undefined;
    const table = method && written ? ownReceiver(a, rmw, put, method) : undefined;
    const name = written && written[1] === written[0] + 1 ? a.id(written[0]) : undefined;
    const position = method && name !== undefined ? method.parameters.findIndex((parameter) => parameter.name === name) : -1;
    if (method && table !== undefined && position >= 0) {
      entry(method).puts = { table, type: method.parameters[position].type, position, ...(a.language.family === 'java' && usesJavaAsyncClient(a) ? { async: true as const } : {}) };
    }
  }
  for (const scan of scans) {
    const method = methodOf(a, scan);
    const position = method ? scannedParameter(a, scan, method) : -1;
    if (method && position >= 0) {
      entry(method).scans = { position };
    }
  }
  return found;
}

/** The position of the method's parameter that a C# Scan takes whole as its first argument (`ScanAsync<T>(conditions)`, `table.Scan(filter)`), or -1. */
function scannedParameter(a: CodeAnalyzer, scan: OperationOccurrence, method: Method): number {
  const open = callOpenAfter(a, scan.tokenIndex);
  const first = open > 0 ? segments(a, open)[0] : undefined;
  const name = first && first[1] === first[0] + 1 ? a.id(first[0]) : undefined;
  return name === undefined ? -1 : method.parameters.findIndex((parameter) => parameter.name === name);
}

export interface Method {
  name: string;
  owner: string;
  ownerToken: number;
  scope: number;
  /** The method's name token. */
  at: number;
  parameters: { name: string; type: string }[];
}

/** The method around an operation, with its class and parameters; undefined outside a named class's method. */
function methodOf(a: CodeAnalyzer, occurrence: OperationOccurrence): Method | undefined {
  return methodAt(a, occurrence.tokenIndex);
}

/** The method around the token `at`, with its class and parameters; undefined outside a named class's method. */
export function methodAt(a: CodeAnalyzer, token: number): Method | undefined {
  const scope = a.scopes.enclosing(token, ['function']);
  const fn = a.functions.get(scope);
  const at = fn ? functionName(a, fn) : -1;
  const ownerScope = at >= 0 ? a.scopes.enclosing(at, ['class']) : -1;
  const owner = ownerScope > 0 ? a.scopes.nameOfClass(ownerScope) : undefined;
  const ownerToken = owner === undefined ? -1 : classToken(a, owner, at);
  if (!fn || owner === undefined || ownerToken < 0 || !a.is(fn.params, '(')) {
    return undefined;
  }
  const parameters = segments(a, fn.params).map(([start, end]) => parameter(a, start, end));
  return { name: a.tokens.text(at), owner, ownerToken, scope, at, parameters };
}

/** A parameter's name and type (`final User user`, `User user`, `CancellationToken ct = default`): the name before any default, the type before it. */
function parameter(a: CodeAnalyzer, start: number, end: number): { name: string; type: string } {
  if (a.language.id === 'kotlin') {
    return kotlinParameter(a, start, end);
  }
  let name = end - 1;
  for (let k = start; k < end; k++) {
    if (a.is(k, '=')) {
      name = k - 1;
      break;
    }
  }
  return { name: a.id(name) ?? '', type: typeBefore(a, name) ?? '' };
}

/** A Kotlin parameter's name and type (`order: Order`, `@Valid order: Order?`, `order: Order = Order()`): the name before the colon, the class after it; a generic type is none. */
function kotlinParameter(a: CodeAnalyzer, start: number, end: number): { name: string; type: string } {
  let colon = start;
  while (colon < end && !a.is(colon, ':')) {
    colon++;
  }
  const type = colon < end && a.isId(colon + 1) && !a.is(colon + 2, '<') && !a.isAccess(colon + 2) ? a.tokens.text(colon + 1) : undefined;
  return { name: a.id(colon - 1) ?? '', type: type === undefined || NO_TYPE.has(type) ? '' : type };
}

/** The class name of a type written before the token `at` (`User`, `User?`, a task of one: `Task<User>`), or undefined; other generic types are none. */
function typeBefore(a: CodeAnalyzer, at: number): string | undefined {
  let p = at - 1;
  if (a.is(p, '>')) {
    const open = a.is(p - 1, '?') ? p - 3 : p - 2;
    if (!a.is(open, '<') || !(a.idIs(open - 1, 'Task') || a.idIs(open - 1, 'ValueTask'))) {
      return undefined;
    }
    p--;
  }
  if (a.is(p, '?')) {
    p--;
  }
  const type = a.id(p);
  return type === undefined || NO_TYPE.has(type) ? undefined : type;
}

/** The token of the `class` declaration named `owner` that holds the method at `at`. */
function classToken(a: CodeAnalyzer, owner: string, at: number): number {
  for (let k = at; k > 0; k--) {
    // Kotlin's `object Orders {` is a class of one instance.
    if ((a.idIs(k, 'class') || a.idIs(k, 'record') || (a.idIs(k, 'object') && a.language.id === 'kotlin')) && a.idIs(k + 1, owner)) {
      return k + 1;
    }
  }
  return -1;
}

/** The interfaces and base class the class at `name` names (Java `implements A, B`, C# `: IA, Base`), for callers that hold one of them. */
export function interfacesOf(a: CodeAnalyzer, name: number): { interfaces?: string[] } {
  const interfaces: string[] = [];
  let listing = false;
  let angles = 0;
  for (let k = name + 1; k < a.tokens.length && k < name + 80 && !a.is(k, '{'); k++) {
    // A type argument (`IRecordStore<TRecord>`'s `TRecord`) is no base.
    angles -= angleDepthBackward(a, k);
    if (angles > 0 || angleDepthBackward(a, k) !== 0) {
      continue;
    }
    if (a.idIs(k, 'implements') || (a.is(k, ':') && a.language.family === 'csharp')) {
      listing = true;
    } else if (a.idIs(k, 'where')) {
      // C#'s type parameter constraints (`where T : class`) name no base.
      break;
    } else if (a.idIs(k, 'extends')) {
      listing = false;
    } else if (listing && a.isId(k) && !a.isAccess(k + 1)) {
      interfaces.push(a.tokens.text(k));
    }
  }
  return interfaces.length > 0 ? { interfaces } : {};
}

/**
 * The class of the object a Java method hands back wrapped in an `Optional`, as its declared result names it
 * (`Optional<Order> findById(…) { return Optional.ofNullable(table.getItem(key)); }`); undefined for any other shape.
 */
function optionalReturnType(a: CodeAnalyzer, get: OperationOccurrence, method: Method): string | undefined {
  const { start, end } = readExpression(a, get);
  const open = start - 1;
  const wrapped =
    a.language.family === 'java' &&
    a.is(open, '(') &&
    a.partner[open] === end &&
    a.is(end + 1, ';') &&
    (a.idIs(open - 1, 'ofNullable') || a.idIs(open - 1, 'of')) &&
    a.isAccess(open - 2) &&
    a.idIs(open - 3, 'Optional') &&
    a.idIs(open - 4, 'return');
  // The declared result `Optional<Order>` just before the method's name.
  const at = method.at;
  return wrapped && a.is(at - 1, '>') && a.isId(at - 2) && a.is(at - 3, '<') && a.idIs(at - 4, 'Optional') ? a.tokens.text(at - 2) : undefined;
}

/** The type parameters the class at `name` declares (`AbstractRepository<T extends Entity, ID>`: `T`, `ID`). */
function typeParametersOf(a: CodeAnalyzer, name: number): { typeParameters?: string[] } {
  const names = a.is(name + 1, '<') ? typeListNames(a, name + 1) : [];
  return names.length > 0 ? { typeParameters: names } : {};
}

/**
 * The mapper's receiver as written, unless it starts with a parameter of the method; the class itself (`base`) where
 * it is the mapper and calls its own method (`base.SaveAsync(item)`, `SaveAsync(item)` in a `DynamoDBContext` subclass).
 */
function ownReceiver(a: CodeAnalyzer, rmw: RmwDialect, occurrence: OperationOccurrence, method: Method): string | undefined {
  const receiver = rmw.receiverTable(a, occurrence) ?? (inherited(a, occurrence.tokenIndex) ? 'base' : undefined);
  const first = receiver?.split(' ')[0];
  return receiver === undefined || method.parameters.some((p) => p.name === first) ? undefined : receiver;
}

/** Whether the call named at `name` is one the class makes of its own inherited method: no receiver, or `base.` / `this.` / `super.` alone. */
function inherited(a: CodeAnalyzer, name: number): boolean {
  if (!a.isAccess(name - 1)) {
    return true;
  }
  return (a.idIs(name - 2, 'base') || a.idIs(name - 2, 'this') || a.idIs(name - 2, 'super')) && !a.isAccess(name - 3);
}

/** The class of the object read: the mapper call's type argument (`LoadAsync<User>`), else the method's declared result. */
function readType(a: CodeAnalyzer, get: OperationOccurrence, method: Method): string | undefined {
  const name = get.tokenIndex;
  // `LoadAsync<User>`, `LoadAsync<User?>`
  const close = a.is(name + 3, '?') ? name + 4 : name + 3;
  const generic = a.is(name + 1, '<') && a.isId(name + 2) && a.is(close, '>') ? a.tokens.text(name + 2) : undefined;
  return generic ?? (a.language.id === 'kotlin' ? kotlinResultType(a, method) : typeBefore(a, method.at));
}

/** The class a Kotlin method declares it returns (`fun find(id: String): Order?`); a generic type is none. */
function kotlinResultType(a: CodeAnalyzer, method: Method): string | undefined {
  const close = a.partner[a.functions.get(method.scope)!.params];
  const type = a.is(close + 1, ':') && a.isId(close + 2) && !a.is(close + 3, '<') && !a.isAccess(close + 3) ? a.tokens.text(close + 2) : undefined;
  return type === undefined || NO_TYPE.has(type) ? undefined : type;
}

/** Whether the method hands back what the read gave: the read returned (or its expression body), or a name that holds it. */
function returnsRead(a: CodeAnalyzer, rmw: RmwDialect, get: OperationOccurrence, scope: number): boolean {
  const { start, end } = readExpression(a, get);
  if ((a.idIs(start - 1, 'return') || a.is(start - 1, '=>')) && a.is(end, ';')) {
    return true;
  }
  for (let r = end; r < a.tokens.length && r < get.tokenIndex + RETURN_REACH; r++) {
    if (a.idIs(r, 'return') && a.scopes.enclosing(r, ['function']) === scope && a.isId(r + 1) && a.is(r + 2, ';')) {
      // Whether the class is versioned is the caller's check to make (`classItemHelperCalls.ts`).
      return typedReadFlowUntil(a, rmw, get, r, true)?.items.has(a.tokens.text(r + 1)) ?? false;
    }
  }
  return false;
}
