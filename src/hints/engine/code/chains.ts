/**
 * How the analyzer reads an expression chain (`new X(...)`, `a.b(...).c`, `this.x`, `(await f()).send`): its
 * base's value from the scope, then each member and call in turn, with the fallback of `x or y` / `x ?? y`.
 */
import { promisedValue } from './promiseExecutors';
import { assignedTarget } from './objectAssign';
import type { CodeAnalyzer } from './analyzer';
import { djangoCachesEntry } from './djangoCache';
import { flaskCacheValue, isFlaskCache } from './flaskCaching';
import { cdkSubclassConstruct } from './cdkSubclasses';
import { libraryClass } from './clientClasses';
import { collectionElement, fieldCollectionElement } from './collections';
import { inheritedClassField } from './languages/baseClassFields';
import { isLazyProxy, proxiedValue } from './languages/pythonProxies';
import { isStaticMethod } from './languages/pythonDecorators';
import { conditionalClient, pythonConditionalClient } from './conditionalClients';
import { chainEnd } from './receiverChains';
import { isParameter } from './injection';
import { targetTypedNew } from './languages/typedDeclarations';
import { FALLBACKS } from './names';
import { calledWith, callArguments, firstStringArgument } from './parametrisedCalls';
import { projectCall } from './projectImports';
import { isProjectPath } from './calledRequire';
import { calledProjectMethod } from './languages/baseClassFields';
import { withUniqueIndexes } from './languages/electrodb';
import { ELECTRODB, ormElement } from './languages/ormObjects';
import { usesKotlinSdk } from './languages/kotlinSdk';
import { eggApplicationRedis, globalClient, requestClient } from './requestClients';
import { closeAngle } from './typeArguments';
import { JS_MODULES } from '../services';
import { callResult, clientOfType, jsModule, passesThrough, Value, withTableArguments } from './values';
import { stackExchangeServer } from './stackExchangeRedis';
import { annotatedDependency, dependencyValue, isFastapiDepends, isTypingAnnotated } from './fastapiDependencies';
import { constructorScope } from './constructorFunctions';
import { calledOverload } from './languages/jvmOverloads';
import { lombokGetterField } from './languages/javaLombokGetters';

/** Keywords before an expression's base: `await x`, `new X(...)`, `yield x`. */
const CHAIN_PREFIXES = ['await', 'new', 'yield'];

/**
 * The value of the chain at `from`; when it has none, the value after a fallback operator:
 * `self.client = client or boto3.client("dynamodb")`, `this.db = options.db ?? new DynamoDBClient({})`.
 */
export function chainOrFallback(a: CodeAnalyzer, from: number): Value | undefined {
  const chain = chainValue(a, from, a.tokens.length);
  // A parameter typed with a class of this file (a Protocol the client fits) gives way to the client built as its fallback.
  const typedByFile = chain.value?.t === 'instance' && isParameter(a, from);
  if (chain.value && !typedByFile) {
    return chain.value;
  }
  const j = chainEnd(a, from);
  if (j < 0) {
    return undefined;
  }
  if (a.language.family === 'js' && a.is(j, '?') && !typedByFile) {
    return conditionalClient(a, j).value;
  }
  const fallbacks = FALLBACKS[a.language.family] ?? [];
  const fallback = a.tokens.isOneOf(j, fallbacks) ? chainValue(a, j + 1, a.tokens.length).value : undefined;
  return typedByFile ? (fallback?.t === 'client' ? fallback : chain.value) : fallback;
}

/** The type a TypeScript `as` assertion at `at` names when it runs to `close` (`(x as Redis)`), as the language reads types. */
function assertedType(a: CodeAnalyzer, at: number, close: number): Value | undefined {
  return a.language.family === 'js' && a.idIs(at, 'as') && close > at + 1 && a.dottedPath(at + 1).end === close ? a.language.typeValue(a, at + 1) : undefined;
}

/** The value of the chain that starts at `from` (`new X(...)`, `a.b(...).c`, `this.x`), stopping at `limit`. */
export function chainValue(a: CodeAnalyzer, from: number, limit: number): { value: Value | undefined; end: number } {
  let j = from;
  let constructed = false;
  while (j < limit && a.isId(j) && a.tokens.isOneOf(j, CHAIN_PREFIXES)) {
    constructed ||= a.tokens.is(j, 'new');
    j++;
  }
  // Kotlin calls a constructor by the type's name alone: `JedisPool(config, host, port)`.
  constructed ||= a.language.constructsWithoutNew === true && a.is(j + 1, '(') && /^[A-Z]/.test(a.tokens.text(j));
  if (constructed && targetTypedNew(a, j - 1)) {
    // C#'s `new(client)` builds the declared type, which the binding knows; its argument is not its value.
    return { value: undefined, end: j };
  }
  while (j < limit && (a.is(j, '&') || a.is(j, '*') || a.is(j, '('))) {
    if (a.is(j, '(')) {
      // A parenthesised expression: `(await getClient()).send(...)`.
      const inner = chainValue(a, j + 1, a.partner[j] > j ? a.partner[j] : limit);
      // Python's `(a if cond else b)` gives a client only where both branches give one; TypeScript's `(this.client as Redis)`
      // is the type it asserts when the expression tells nothing.
      const value =
        a.language.family === 'python' && inner.value && a.idIs(inner.end, 'if')
          ? pythonConditionalClient(a, inner.value, inner.end).value
          : (inner.value ?? assertedType(a, inner.end, a.partner[j]));
      if (!value || a.partner[j] < 0) {
        return { value: undefined, end: j };
      }
      return continueChain(a, value, a.partner[j] + 1, limit, '', false);
    }
    j++;
  }
  // A JavaScript object literal (`const clients = { redis: new Redis() }`): its properties are read as members.
  if (a.language.family === 'js' && a.is(j, '{') && a.partner[j] > j && !constructed && j > 0 && (a.is(j - 1, '=') || a.is(j - 1, ':') || a.idIs(j - 1, 'return') || a.idIs(j - 1, 'default'))) {
    return continueChain(a, { t: 'record', open: j }, a.partner[j] + 1, limit, '', false);
  }
  const base = a.id(j);
  if (!base) {
    return { value: undefined, end: j };
  }
  // `require('aws-sdk')` inside an expression (`captureAWS(require('aws-sdk'))`): a client library, as its import binds it.
  if (base === 'require' && a.language.family === 'js' && a.is(j + 1, '(') && a.isString(j + 2) && a.is(j + 3, ')')) {
    const required = jsModule(a.tokens.text(j + 2));
    if (Object.hasOwn(JS_MODULES, required.module)) {
      return continueChain(a, { t: 'ref', module: required.module, path: required.whole }, j + 4, limit, '', false);
    }
    // A project module required in place for one member (`require('../data-service/redis').createClient()`), or whose
    // export is called there (`require('./redis')()`): read as `const ds = require(...)` then `ds.createClient()` or `ds()` would be.
    if ((a.isAccess(j + 4) || a.is(j + 4, '(')) && isProjectPath(required.module)) {
      return continueChain(a, { t: 'ref', module: required.module, path: '' }, j + 4, limit, '', false);
    }
  }
  // Python's `super().keys(...)` (or `super(Cache, self)`) in a class that extends a client class: the client's own method.
  if (base === 'super' && a.language.family === 'python' && a.is(j + 1, '(') && a.partner[j + 1] > j && a.isAccess(a.partner[j + 1] + 1)) {
    return continueChain(a, baseValue(a, base, j), a.partner[j + 1] + 1, limit, base, false);
  }
  // `new Promise((resolve) => { ... resolve(client) })`: the client the hand-made promise resolves with.
  const promised = constructed && base === 'Promise' && a.language.family === 'js' && a.is(j + 1, '(') && a.lookup(base, j) === undefined ? promisedValue(a, j + 1) : undefined;
  if (promised) {
    return continueChain(a, promised, a.partner[j + 1] + 1, limit, base, false);
  }
  // `Object.assign(item, changes)` hands back the object it changed.
  const assigned = constructed ? undefined : assignedTarget(a, j, limit, (from, to) => chainValue(a, from, to));
  if (assigned) {
    return continueChain(a, assigned.value, assigned.after, limit, base, false);
  }
  const path = a.memberPaths.at(a, base, j, limit);
  if (path) {
    return continueChain(a, path.value, path.end, limit, path.last, false);
  }
  // `this.app.redis` in an Egg.js controller or service: the client the egg-redis plugin mounts.
  const egg = eggApplicationRedis(a, j, limit);
  if (egg) {
    return continueChain(a, egg.value, egg.end, limit, 'redis', false);
  }
  // `new Name(...)` of a class this file declares makes an instance, whose fields are read through it.
  const declared = constructed ? a.scopes.classNamed(base) : -1;
  const value = baseValue(a, base, j) ?? (declared > 0 ? { t: 'instance', classScope: declared, classObject: true } : undefined);
  // A Go composite literal of a struct this file declares (`&Store{rc: client}`) is a value of that struct.
  const literal = !value && a.language.family === 'go' && a.is(j + 1, '{') && a.partner[j + 1] > j ? a.language.typeValue(a, j) : undefined;
  if (literal) {
    return continueChain(a, literal, a.partner[j + 1] + 1, limit, base, false);
  }
  // `req.redis` in a handler: the client that middleware hangs on the request.
  const hung = value ? undefined : requestClient(a, j, limit);
  if (hung) {
    return continueChain(a, hung, j + 3, limit, a.tokens.text(j + 2), false);
  }
  // `global.cache` or a bare `cache` this file does not bind: the client a module puts on the global object.
  const shared = value ? undefined : globalClient(a, j, limit);
  if (shared) {
    return continueChain(a, shared.value, shared.end, limit, shared.name, false);
  }
  // An object literal indexed (`caches[region]`) is read as a collection: its one kind of element.
  const element = value && value.t !== 'record' ? undefined : collectionElement(a, base, j, limit);
  return element ? continueChain(a, element.value, element.end, limit, base, false) : continueChain(a, value, j + 1, limit, base, constructed);
}

/**
 * Python: whether `self` or `cls` at `token` is only a parameter, not the instance or class of `classScope`: the
 * parameter of a `@staticmethod`, or of a function nested in a method that declares its own (`def fetch(cls, key):`).
 */
function onlyParameter(a: CodeAnalyzer, base: string, token: number, classScope: number): boolean {
  const fn = a.scopes.enclosing(token, ['function']);
  const params = fn > 0 ? (a.functions.get(fn)?.params ?? -1) : -1;
  if (params < 2 || !a.is(params, '(')) {
    return false;
  }
  if (a.scopes.parent(fn) === classScope) {
    return a.idIs(params - 2, 'def') && isStaticMethod(a, params - 2);
  }
  for (let k = params + 1; k < a.partner[params]; k = a.skipGroup(k)) {
    if (a.idIs(k, base) && (a.is(k - 1, '(') || a.is(k - 1, ','))) {
      return true;
    }
  }
  return false;
}

function baseValue(a: CodeAnalyzer, base: string, token: number): Value | undefined {
  // Kotlin: the client an extension function extends (`fun DynamoDbClient.save() { this.putItem {...} }`).
  const extended = base === 'this' && a.language.trailingLambdas === true ? a.lookup(base, token) : undefined;
  if (extended?.t === 'client') {
    return extended;
  }
  if (base === 'this' || base === 'self' || base === 'cls') {
    const classScope = a.scopes.enclosing(token, ['class']);
    if (classScope > 0 && a.language.family === 'python' && onlyParameter(a, base, token, classScope)) {
      return a.lookup(base, token);
    }
    if (classScope > 0 && (base === 'this' || a.language.family === 'python')) {
      return { t: 'instance', classScope };
    }
    const constructor = base === 'this' && classScope <= 0 && a.language.family === 'js' ? constructorScope(a, token) : -1;
    if (constructor > 0) {
      return { t: 'instance', classScope: constructor };
    }
    if (base !== 'this') {
      return a.lookup(base, token);
    }
    return undefined;
  }
  // `super.get(key)` in a class that extends a client class: the client's own method. In a Java or C# class of
  // the workspace, `super.dbClient` (C# `base.Client`) is the field a project base class of another file declares.
  if (base === 'super' || (base === 'base' && a.language.family === 'csharp')) {
    const classScope = a.scopes.enclosing(token, ['class']);
    const field = a.isAccess(token + 1) && a.isId(token + 2) && !a.is(token + 3, '(') ? inheritedClassField(a, classScope, a.tokens.text(token + 2)) : undefined;
    return libraryClass(a, classScope) ?? (field ? { t: 'instance', classScope } : undefined);
  }
  return a.lookup(base, token);
}

function continueChain(a: CodeAnalyzer, start: Value | undefined, from: number, limit: number, firstName: string, constructed: boolean): { value: Value | undefined; end: number } {
  let value = start;
  let j = from;
  let lastMember = firstName;
  // What the last member was read from: `table` in `table.index("gsi")`.
  let owner: Value | undefined;
  while (j < limit && value) {
    if (a.isAccess(j) && a.id(j + 1)) {
      if (a.language.family === 'csharp' && a.idIs(j + 1, 'ConfigureAwait') && a.is(j + 2, '(') && a.partner[j + 2] > j) {
        // `await factory.GetAsync().ConfigureAwait(false)` gives what the task gives.
        j = a.partner[j + 2] + 1;
        continue;
      }
      if (value.t === 'client' && a.language.family === 'python' && (a.idIs(j + 1, '__aenter__') || a.idIs(j + 1, '__enter__')) && a.is(j + 2, '(') && a.partner[j + 2] === j + 3) {
        // `await session.client("dynamodb").__aenter__()`: the client the context manager opens, as `async with` binds it.
        j += 4;
        continue;
      }
      lastMember = a.id(j + 1)!;
      owner = value;
      value = a.member(value, lastMember);
      // `this.getConf()` of a Lombok getter: the field it reads, past its empty call.
      const field = !value && owner.t === 'instance' && a.is(j + 2, '(') && a.is(j + 3, ')') ? lombokGetterField(a, owner.classScope, lastMember) : undefined;
      if (field) {
        value = a.member(owner, field);
        owner = undefined;
        j += 4;
        continue;
      }
      if (a.language.propertyGetters && owner.t === 'client' && !a.is(j + 2, '(')) {
        // Kotlin reads a Java getter as a property: `pool.resource` is `pool.getResource()`.
        value = javaGetter(a, owner, lastMember) ?? value;
      }
      j += 2;
      // `self._clients[region]`, `this.connections.get(tenant)`: an element of a collection of clients the class fills.
      const element = owner.t === 'instance' && (!value || value.t === 'record') ? fieldCollectionElement(a, owner.classScope, lastMember, j, limit) : undefined;
      if (element) {
        value = element.value;
        j = element.end;
      }
    } else if (a.is(j, '(')) {
      value = callValue(a, value, lastMember, j, constructed, owner);
      owner = undefined;
      constructed = false;
      j = a.partner[j] < 0 ? limit : a.partner[j] + 1;
    } else if (a.is(j, '!')) {
      j++;
    } else if (a.is(j, '[') && a.partner[j] > j && stackExchangeServer(value)) {
      // `mux.GetServers()[0]`, `servers[i]`: one of the servers.
      value = stackExchangeServer(value);
      j = a.partner[j] + 1;
    } else if (a.is(j, '[') && a.partner[j] > j && isTypingAnnotated(value)) {
      // `Annotated[Table, Depends(get_table)]`: what FastAPI passes for the parameter the type annotates.
      value = annotatedDependency(a, j);
      j = a.partner[j] + 1;
    } else if (a.is(j, '[') && a.partner[j] > j && djangoCachesEntry(value)) {
      // `caches["default"]`: one of Django's caches.
      value = djangoCachesEntry(value);
      j = a.partner[j] + 1;
    } else if (ormElement(value) && (a.is(j, '[') || (a.isAccess(j) && a.is(j + 1, '['))) && a.partner[a.is(j, '[') ? j : j + 1] > j) {
      // `rows[0]`, `rows?.[0]`: one element of what a library's read gave.
      value = ormElement(value);
      j = a.partner[a.is(j, '[') ? j : j + 1] + 1;
    } else if (a.is(j, '[') && value.t === 'client' && a.partner[j] > j && a.is(a.partner[j] + 1, '(')) {
      // `documents[method](params)`: whatever the method it names gives, not the client.
      value = undefined;
    } else if (value.t === 'type' && a.is(j, '{') && a.partner[j] > j && a.language.trailingLambdas === true && usesKotlinSdk(a)) {
      // The SDK for Kotlin's `DynamoDbClient { region = r }`, `DynamoDbClient.fromEnvironment { ... }`: a client configured by the lambda.
      value = clientOfType(value);
      j = a.partner[j] + 1;
    } else if (a.is(j, '<') && a.language.typeArguments) {
      const close = closeAngle(a, j);
      if (close < 0) {
        break;
      }
      j = close + 1;
    } else {
      break;
    }
  }
  if (value && constructed && value.t === 'type') {
    value = clientOfType(value);
  }
  return { value, end: j };
}


/** What a Java getter of a client gives (`getResource` for the property `resource`), when it is a client. */
function javaGetter(a: CodeAnalyzer, owner: Value, property: string): Value | undefined {
  const getter = `get${property.charAt(0).toUpperCase()}${property.slice(1)}`;
  const member = a.member(owner, getter);
  const made = member ? callResult(member, getter, undefined, false, false) : undefined;
  return made?.t === 'client' ? made : undefined;
}

/** What calling a value gives: a same-file function's return, an instance of a class, a client a factory makes. */
export function callValue(a: CodeAnalyzer, value: Value, name: string, open: number, constructed: boolean, owner?: Value): Value | undefined {
  if (value.t === 'function') {
    const substituted = a.language.family === 'python' ? calledWith(a, value, callArguments(a, open)) : undefined;
    return substituted ? substituted.value : a.returnValue(calledOverload(a, value, name, open));
  }
  const called = value.t === 'projectClass' ? calledProjectMethod(value.fields) : undefined;
  if (called) {
    return called;
  }
  if (value.t === 'projectClass' && constructed) {
    // `new Db()` of a project class of another file: an instance, whose methods hand out its clients.
    return value;
  }
  if (value.t === 'instance' && (value.classObject || constructed)) {
    // `new Cache(...)`, and `new this(...)` in a static member; `new OrdersTable(...)` of a class that extends a construct is that construct.
    const construct = value.classObject ? cdkSubclassConstruct(a, value.classScope) : undefined;
    return construct ? { t: 'construct', type: construct } : { t: 'instance', classScope: value.classScope };
  }
  if (isFastapiDepends(value)) {
    return dependencyValue(a, open);
  }
  if (isFlaskCache(value)) {
    return flaskCacheValue(a, open);
  }
  if (isLazyProxy(a, value)) {
    return proxiedValue(a, open);
  }
  if (passesThrough(value)) {
    return a.partner[open] > open ? chainValue(a, open + 1, a.partner[open]).value : undefined;
  }
  const fromProject = value.t === 'ref' ? projectCall(a, value, open, constructed) : undefined;
  if (fromProject) {
    return fromProject;
  }
  const firstString = firstStringArgument(a, value, open);
  if (value.t === 'construct') {
    // `table.node.findChild('Resource')` (CDK v1's way to `node.defaultChild`): the construct's own L1 resource,
    // whose `applyRemovalPolicy` and the like act on the construct.
    return (name === 'findChild' || name === 'tryFindChild' || name === 'find_child' || name === 'try_find_child') && (firstString === 'Resource' || firstString === 'Default') ? value : undefined;
  }
  const made = callResult(value, name, firstString, constructed, a.language.family === 'python');
  if (made?.t === 'ref' && made.module === ELECTRODB) {
    return withUniqueIndexes(a, made, open);
  }
  return made?.t === 'client' ? withTableArguments(made, name, open, owner) : made;
}
