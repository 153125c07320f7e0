/**
 * JavaScript and TypeScript: ES imports and `require`, `const`/`let`/`var` (block and function scoped),
 * parameters with type annotations and parameter properties, class names, class fields and `this.x`,
 * getters, functions and arrows that return clients or declare a client return type, SDK v3 commands and
 * request objects, Redis and CDK constructors (a class that extends a client class: `clientClasses.ts`).
 */
import { TOKEN_KIND } from '../../lexer';
import { OptionContext } from '../../model';
import { ScopeTree } from '../../scope/scopes';
import { codeOf, codeSet } from '../../tokenCodes';
import { otherFilesRedisOptions } from '../otherFileRedisOptions';
import { otherFilesReturnedRedisOptions } from '../otherFileRedisOptionFunctions';
import { typedRedisOptions } from '../typedRedisOptions';
import { libraryRedisOptions } from '../libraryRedisOptions';
import { JS_MODULES, redisOptionCarrier } from '../../services';
import type { CodeAnalyzer } from '../analyzer';
import { braceLanguage, buildBraceScopes, expressionEnd, segments } from '../braces';
import { CodeLanguage, FunctionScope, OptionSlot } from '../language';
import { objectPatternNames } from '../destructuring';
import { contextFrom, separatedSlot } from '../options';
import { assertedVariable } from './jsTypeAssertions';
import { importedCdkWrapperCalls } from '../cdkWrapperCalls';
import { noteMemberAssignment, variableContext } from '../requests';
import { importsTestDouble } from '../projectImports';
import { dispatchedCall, shapedCall } from '../requestShapes';
import { annotatedRequests, builtRequest } from './jsTypedRequests';
import { assertedRequests } from './jsAssertedRequests';
import { redisClientOptions } from '../redisOptions';
import { callResult, cdkConstructType, Value } from '../values';
import { cdkConstruct } from '../calls';
import { closeAngle } from '../typeArguments';
import { promiseCall } from '../helperFunctions';
import { iteratedReceiver } from '../iteratedElements';
import { ormCall } from './dynamoOrms';
import { callsRequiredFactory, collectImports } from './jsImports';
import { immediatelyCalledReturn } from './jsImmediateCalls';
import { typeValue } from './jsTypeValues';

const { ID, STR } = TOKEN_KIND;

const BRACES = braceLanguage({ classKeywords: ['class', 'interface'], arrow: '=>' });
const DECLARATIONS = ['const', 'let', 'var'];
/** Parameter modifiers that make a parameter a class field too (TypeScript parameter properties). */
const MODIFIERS = new Set(['public', 'private', 'protected', 'readonly', 'override']);
/** Words that may stand before a class member's name. */
const MEMBER_PREFIXES = new Set([...MODIFIERS, 'static', 'declare', 'abstract', 'accessor', 'async', 'get', 'set']);
/** Tokens before a name that make `name =` something other than an assignment to that name. */
const NOT_ASSIGNED_AFTER = codeSet(['.', '?.', '?', '==', '!=', '<=', '>=']);
const DECLARATION_CODES = codeSet(DECLARATIONS);
const EQUALS = codeOf('=');
const OPEN_PAREN = codeOf('(');
const FUNCTION = codeOf('function');
const CLASS = codeOf('class');
const RETURN = codeOf('return');
const IMPORT = codeOf('import');
const COMMA = codeOf(',');
const COLON = codeOf(':');
const QUESTION = codeOf('?');
const DOT = codeOf('.');
const OPEN_BRACE = codeOf('{');
const CLOSE_BRACE = codeOf('}');

function buildScopes(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  buildBraceScopes(a, tree, BRACES);
}

/** The `(` of a function declaration's parameters after its name at `name`, past type parameters (`function cachedJson<T>(`), or -1. */
function parametersAfterName(a: CodeAnalyzer, name: number): number {
  const angle = a.is(name + 1, '<') ? closeAngle(a, name + 1) : -1;
  const open = angle > 0 ? angle + 1 : name + 1;
  return a.tokens.codes[open] === OPEN_PAREN ? open : -1;
}

/** A function or arrow expression that starts at a token, as a value. */
function functionValue(a: CodeAnalyzer, tree: ScopeTree<Value>, start: number): Value | undefined {
  let k = start;
  if (a.idIs(k, 'async')) {
    k++;
  }
  if (a.idIs(k, 'function')) {
    k++;
    if (a.isId(k)) {
      k++;
    }
  }
  const scope = tree.scopeAt(k);
  if (scope <= 0 || tree.kind(scope) !== 'function' || tree.start(scope) !== k) {
    return undefined;
  }
  const fn: Value = { t: 'function', scope, concise: a.functions.get(scope)?.concise ?? -1 };
  // `(): Redis {`, `(): Redis =>`: the declared return type.
  const close = a.is(k, '(') ? a.partner[k] : -1;
  if (close > k && a.is(close + 1, ':') && a.isId(close + 2)) {
    fn.returnType = close + 2;
  }
  return fn;
}

/** The function or arrow expression that starts at `start` (`async () => client`, `function () {…}`), as a value; undefined for anything else. */
export function functionExpression(a: CodeAnalyzer, start: number): (Value & { t: 'function' }) | undefined {
  const fn = functionValue(a, a.scopes, start);
  return fn?.t === 'function' ? fn : undefined;
}

function collectBindings(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  for (const fn of a.functions.values()) {
    bindParameters(a, tree, fn);
    // `new Promise((resolve, reject) => { client.query(params, cb) })` runs its executor at once: `params` is what reaches it.
    if (promiseCall(a, fn.scope) >= 0) {
      tree.runsAtOnce(fn.scope);
    }
  }
  const tokens = a.tokens;
  const codes = tokens.codes;
  // The `=` of `const p: ScanCommand = new ScanCommand(...)` starts an initializer, not an assignment to `ScanCommand`.
  const initializers = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const code = codes[i];
    if (tokens.kinds[i] !== ID) {
      if (code === EQUALS && NOT_ASSIGNED_AFTER[codes[i - 1]] !== 1 && !initializers.has(i)) {
        assignment(a, tree, i);
      }
      continue;
    }
    if (DECLARATION_CODES[code] === 1 && !a.isAccess(i - 1)) {
      declaration(a, tree, i, initializers);
    } else if (code === FUNCTION && a.isId(i + 1) && parametersAfterName(a, i + 1) > 0) {
      const fn = functionValue(a, tree, parametersAfterName(a, i + 1));
      if (fn) {
        tree.bind(tree.holderAt(i, true), a.tokens.text(i + 1), { token: i, expression: -1, fixed: fn });
      }
    } else if (code === RETURN) {
      a.addReturn(i + 1);
    } else if (code === CLASS && a.isId(i + 1) && !a.isAccess(i - 1)) {
      classDeclaration(a, tree, i);
    } else if (isClassMember(a, tree, i)) {
      classMember(a, tree, i);
    }
  }
}

/** `class Cache extends Redis {`: the class name, bound where it is declared, stands for the class (`new Cache()`, `Cache.shared`). */
function classDeclaration(a: CodeAnalyzer, tree: ScopeTree<Value>, keyword: number): void {
  const name = a.tokens.text(keyword + 1);
  const classScope = tree.classNamed(name);
  if (classScope > 0 && tree.start(classScope) > keyword && tree.parent(classScope) === tree.scopeAt(keyword)) {
    tree.bind(tree.holderAt(keyword), name, { token: keyword, expression: -1, fixed: { t: 'instance', classScope, classObject: true } });
  }
}

/** `= require('m')`, `= await import('m')`: the declaration is an import, recorded as one. */
function isRequire(a: CodeAnalyzer, eq: number): boolean {
  const call = a.is(eq + 1, 'await') || a.idIs(eq + 1, 'await') ? eq + 2 : eq + 1;
  return a.is(eq, '=') && ((a.idIs(eq + 1, 'require') && !callsRequiredFactory(a, eq + 1)) || (a.tokens.codes[call] === IMPORT && a.isString(call + 2) && a.is(call + 3, ')'))) && a.is(call + 1, '(');
}

function declaration(a: CodeAnalyzer, tree: ScopeTree<Value>, keyword: number, initializers: Set<number>): void {
  const functionLevel = a.idIs(keyword, 'var');
  const holder = tree.holderAt(keyword, functionLevel);
  let k = keyword + 1;
  for (let guard = 0; guard < 64 && k < a.tokens.length; guard++) {
    if (a.is(k, '{') || a.is(k, '[')) {
      const close = a.partner[k];
      if (close < 0 || isRequire(a, close + 1)) {
        return;
      }
      k = destructuringDeclaration(a, tree, holder, k, initializers);
    } else if (a.isId(k)) {
      const name = a.tokens.text(k);
      if (isRequire(a, k + 1)) {
        return;
      }
      let j = k + 1;
      if (a.is(j, '!')) {
        j++;
      }
      const typeStart = a.is(j, ':') ? j + 1 : -1;
      if (typeStart > 0) {
        j = skipType(a, typeStart);
      }
      if (a.idIs(j, 'of')) {
        // `for (const table of tables)`: an element of the collection.
        tree.bind(holder, name, { token: k, expression: j + 1, element: true });
        return;
      }
      const expression = a.is(j, '=') ? j + 1 : -1;
      if (expression >= 0) {
        initializers.add(j);
      }
      const fn = expression >= 0 ? functionValue(a, tree, expression) : undefined;
      const typed = typeStart > 0 ? typeValue(a, typeStart) : undefined;
      // `const ready = (async () => { ...; return client; })()`: what the function returns.
      const returned = fn || expression < 0 ? -1 : immediatelyCalledReturn(a, tree, expression);
      const held = returned >= 0 ? returned : expression;
      // A name typed `typeof` an SDK or driver class holds that class, whatever wrapper its initializer goes through.
      const fixed = fn ?? (typed && a.idIs(typeStart, 'typeof') ? typed : undefined);
      tree.bind(holder, name, fixed ? { token: k, expression, fixed } : { token: k, expression: held, ...(typed ? { declared: typed } : {}) });
      k = expression >= 0 ? expressionEnd(a, expression) : j;
    } else {
      return;
    }
    if (!a.is(k, ',')) {
      return;
    }
    k++;
  }
}

/**
 * `const { redis, cache: c } = req`: each name of an object pattern is the member of the same key of what
 * the initializer gives (`destructuring.ts`); the names of an array pattern, a nested one or a rest element
 * are new locals of unknown value. Returns the token after the declarator.
 */
function destructuringDeclaration(a: CodeAnalyzer, tree: ScopeTree<Value>, holder: number, open: number, initializers: Set<number>): number {
  const close = a.partner[open];
  const eq = a.is(close + 1, ':') ? skipType(a, close + 2) : close + 1;
  const from = a.is(eq, '=') ? eq + 1 : -1;
  const end = from >= 0 ? expressionEnd(a, from) : eq;
  if (from >= 0) {
    initializers.add(eq);
  }
  // A default in the pattern (`{ cache = null }`) is no assignment to the name.
  for (let m = open + 1; m < close; m++) {
    if (a.is(m, '=')) {
      initializers.add(m);
    }
  }
  if (a.is(open, '{')) {
    for (const { local, key } of objectPatternNames(a, open)) {
      const destructured = from >= 0 && key !== undefined ? { destructured: { from, end, key } } : {};
      tree.bind(holder, a.tokens.text(local), { token: local, expression: -1, ...destructured });
    }
    return end;
  }
  for (let m = open + 1; m < close; m++) {
    if (a.isId(m) && !a.is(m + 1, ':')) {
      tree.bind(holder, a.tokens.text(m), { token: m, expression: -1 });
    }
  }
  return end;
}

/** The token after a type annotation that starts at `start`. */
function skipType(a: CodeAnalyzer, start: number): number {
  let j = start;
  for (let guard = 0; guard < 64 && j < a.tokens.length; guard++) {
    if (a.is(j, '<')) {
      const close = closeAngle(a, j);
      j = close < 0 ? j + 1 : close + 1;
    } else if (a.isId(j) || a.isString(j) || a.is(j, '.') || a.is(j, '|') || a.is(j, '&')) {
      j++;
    } else if (a.is(j, '[') || a.is(j, '(') || a.is(j, '{')) {
      j = a.skipGroup(j);
    } else if (a.is(j, '=>') && a.is(j - 1, ')')) {
      // A function type (`make: (s: Settings) => DynamoDBClient = ...`): its return type is part of the annotation.
      j++;
    } else {
      break;
    }
  }
  return j;
}

/** `x = ...`, `this.x = ...`: binds where `x` is declared, or the class field. */
function assignment(a: CodeAnalyzer, tree: ScopeTree<Value>, eq: number): void {
  if (a.is(eq - 1, ']') && !a.is(eq + 1, '=')) {
    noteMemberAssignment(a, eq, true);
    return;
  }
  const name = a.id(eq - 1);
  if (!name || a.is(eq + 1, '=') || a.is(eq + 1, '>')) {
    return;
  }
  if (a.isAccess(eq - 2)) {
    a.bindThisField(eq);
    noteMemberAssignment(a, eq);
    return;
  }
  const parent = a.parent[eq];
  // Declarations (TypeScript's `import x = require('m')` too), parameter defaults, object literals and
  // class fields are not assignments to a local.
  if (a.tokens.isOneOf(eq - 2, DECLARATIONS) || a.idIs(eq - 2, 'import') || (parent >= 0 && a.bodies[parent] !== 1) || tree.kind(tree.scopeAt(eq)) === 'class') {
    return;
  }
  tree.bind(tree.declaringScope(name, eq), name, { token: eq - 1, expression: eq + 1 });
}

/** A class field: `client = new X()`, `private readonly db: DynamoDBClient;`, or a method `name(...) {`. */
function isClassMember(a: CodeAnalyzer, tree: ScopeTree<Value>, i: number): boolean {
  const parent = a.parent[i];
  if (parent < 0 || tree.kind(tree.scopeAt(i)) !== 'class' || tree.start(tree.scopeAt(i)) !== parent) {
    return false;
  }
  // `get(key) {` is a method named `get` (a cache's own `get` and `set`); `get cache() {` is a getter named `cache`.
  const name = a.tokens.text(i);
  return (!MEMBER_PREFIXES.has(name) || ((name === 'get' || name === 'set') && methodParameters(a, i) > 0)) && (a.is(i - 1, '{') || a.is(i - 1, ';') || a.is(i - 1, '}') || a.is(i - 1, '*') || MEMBER_PREFIXES.has(a.id(i - 1) ?? '') || a.startsLine(i));
}

/** The `(` of a method's parameters when the name at `i` starts one: `get(key) {`, or generic, `get<T>(item: T) {`; else -1. */
function methodParameters(a: CodeAnalyzer, i: number): number {
  if (a.is(i + 1, '(')) {
    return i + 1;
  }
  const close = a.is(i + 1, '<') ? closeAngle(a, i + 1) : -1;
  return close > 0 && a.is(close + 1, '(') ? close + 1 : -1;
}

function classMember(a: CodeAnalyzer, tree: ScopeTree<Value>, i: number): void {
  const classScope = tree.scopeAt(i);
  const name = `.${a.tokens.text(i)}`;
  const open = methodParameters(a, i);
  if (open > 0) {
    const fn = functionValue(a, tree, open);
    // A getter runs when the member is read (`this.cache.keys()` reads what `get cache()` returns); a setter says
    // nothing of what reading gives.
    if (fn?.t === 'function' && !a.idIs(i - 1, 'set')) {
      tree.bind(classScope, name, { token: i, expression: -1, fixed: a.idIs(i - 1, 'get') ? { ...fn, accessor: true } : fn });
    }
    return;
  }
  let j = i + 1;
  if (a.is(j, '?') || a.is(j, '!')) {
    j++;
  }
  const typeStart = a.is(j, ':') ? j + 1 : -1;
  if (typeStart > 0) {
    j = skipType(a, typeStart);
  }
  const expression = a.is(j, '=') ? j + 1 : -1;
  const typed = typeStart > 0 ? typeValue(a, typeStart) : undefined;
  if (expression >= 0 || typed) {
    tree.bind(classScope, name, { token: i, expression, ...(typed ? { declared: typed } : {}) });
  }
}

/** Parameters: each is a new local; a typed one holds its type; `private db: T` is also a class field. */
function bindParameters(a: CodeAnalyzer, tree: ScopeTree<Value>, fn: FunctionScope): void {
  // The first parameter of an iteration callback (`nodes.map((node) => ...)`) is an element of the receiver.
  const iterated = iteratedReceiver(a, fn);
  if (!a.is(fn.params, '(')) {
    if (a.isId(fn.params)) {
      tree.bind(fn.scope, a.tokens.text(fn.params), iterated >= 0 ? { token: fn.params, expression: iterated, element: true } : { token: fn.params, expression: -1 });
    }
    return;
  }
  for (const [start, end] of segments(a, fn.params)) {
    let k = start;
    let property = false;
    while (a.is(k, '@') && a.isId(k + 1)) {
      // A parameter decorator: `@Inject(REDIS) private readonly redis: Redis`.
      k = a.is(k + 2, '(') ? a.skipGroup(k + 2) : k + 2;
    }
    while (k < end && MODIFIERS.has(a.id(k) ?? '')) {
      property = true;
      k++;
    }
    if (a.is(k, '.') && a.is(k + 1, '.')) {
      k += 3;
    }
    if (a.is(k, '{') || a.is(k, '[')) {
      const close = a.partner[k];
      const keys = typedPatternKeys(a, k, close);
      for (let m = k + 1; m > 0 && m < close; m++) {
        if (a.isId(m) && !a.is(m + 1, ':')) {
          const key = keys?.names.get(m);
          tree.bind(fn.scope, a.tokens.text(m), keys && key !== undefined ? { token: m, expression: -1, typedMember: { of: keys.of, key } } : { token: m, expression: -1 });
        }
      }
      continue;
    }
    const name = a.id(k);
    if (!name || name === 'this') {
      continue;
    }
    let j = k + 1;
    if (a.is(j, '?')) {
      j++;
    }
    const typed = a.is(j, ':') ? typeValue(a, j + 1) : undefined;
    if (a.is(j, ':')) {
      j = skipType(a, j + 1);
    }
    // `constructor(db = defaultClient)`: callers that inject something pass the same kind of client,
    // so the default tells what the parameter holds.
    const expression = a.is(j, '=') && !a.is(j + 1, '>') ? j + 1 : -1;
    // Only a plain first parameter, or one typed `any` (`(node: any) => node.keys(p)`), takes the element.
    const plain = j === k + 1 || (j === k + 3 && a.is(k + 1, ':') && a.idIs(k + 2, 'any'));
    const element = iterated >= 0 && start === fn.params + 1 && k === start && plain && expression < 0;
    const binding = typed ? { token: k, expression, declared: typed } : element ? { token: k, expression: iterated, element } : { token: k, expression };
    tree.bind(fn.scope, name, binding);
    const classScope = tree.parent(fn.scope);
    if (property && classScope > 0 && tree.kind(classScope) === 'class') {
      tree.bind(classScope, `.${name}`, binding);
    }
  }
}

/**
 * `({ redis, db: store }: Deps)`: an object pattern typed as a whole, whose names hold the members of that type (a
 * same-file interface or class, or one another workspace module exports), by local token; undefined for none.
 */
function typedPatternKeys(a: CodeAnalyzer, open: number, close: number): { of: Value; names: Map<number, string> } | undefined {
  const of = a.is(open, '{') && a.is(close + 1, ':') ? typeValue(a, close + 2) : undefined;
  if (!of) {
    return undefined;
  }
  const names = new Map<number, string>();
  for (const { local, key } of objectPatternNames(a, open)) {
    if (key !== undefined) {
      names.set(local, key);
    }
  }
  return { of, names };
}

/** JavaScript requests are object literals, read where they are passed; TypeScript's typed with the SDK's input type also where they are built. */
function collectRequests(a: CodeAnalyzer): void {
  annotatedRequests(a);
  assertedRequests(a);
  libraryRedisOptions(a);
  otherFilesRedisOptions(a);
  importedCdkWrapperCalls(a);
  otherFilesReturnedRedisOptions(a);
  // After the calls and other files' calls that read an object, so that a typed one is read once.
  typedRedisOptions(a);
}

function optionAt(a: CodeAnalyzer, k: number, _open: number, close: number): OptionSlot | undefined {
  // Called on every token of every request object: token codes, not texts.
  const { kinds, codes } = a.tokens;
  const kind = kinds[k];
  if (kind !== ID && kind !== STR) {
    return undefined;
  }
  const next = codes[k + 1];
  const previous = codes[k - 1];
  if (kind === ID && (next === COMMA || next === CLOSE_BRACE) && (previous === OPEN_BRACE || previous === COMMA) && codes[a.parent[k]] === OPEN_BRACE) {
    // Shorthand `{ TableName, ExclusiveStartKey }`: the value is the variable of the same name.
    return { key: k, valueStart: k, valueEnd: k + 1, removalStart: k, removalEnd: next === COMMA ? k + 1 : k };
  }
  if (next !== COLON || (kind === STR && a.tokens.interpolated(k)) || previous === QUESTION || previous === DOT || codes[a.parent[k]] !== OPEN_BRACE) {
    return undefined;
  }
  return separatedSlot(a, k, close);
}

/** The request object of a call or command: an inline literal or a variable bound to one. */
function requestForCall(a: CodeAnalyzer, open: number, close: number, operation: string): OptionContext | undefined {
  if (close < 0) {
    return undefined;
  }
  if (a.is(open + 1, '{') && a.partner[open + 1] > 0) {
    return contextFrom(a, open + 1, a.partner[open + 1], 'sdk', operation, a.tokenSpan(open - 1));
  }
  let end = open + 1;
  while (end < close && !a.is(end, ',')) {
    end = a.skipGroup(end);
  }
  const anchor = a.tokenSpan(open - 1);
  // `params as UpdateItemInput`, `<UpdateItemInput>params`: the variable's request.
  const asserted = assertedVariable(a, open + 1, end);
  if (asserted >= 0) {
    return variableContext(a, asserted, 'sdk', operation, anchor);
  }
  if (!a.id(open + 1)) {
    return undefined;
  }
  // A variable that holds a literal; else a call of a same-file builder, in place or held by a variable.
  const held = end === open + 2 ? variableContext(a, open + 1, 'sdk', operation, anchor) : undefined;
  return held ?? builtRequest(a, open + 1, end, operation, anchor);
}

/**
 * Calls on a module member: `redis.createClient({...})` makes a Redis client; a CDK static factory
 * (`rds.ClusterInstance.provisioned('writer', { ... })`) takes props like a constructor; calls on a DynamoDB
 * library's model or entity (`dynamoOrms.ts`).
 */
function otherCall(a: CodeAnalyzer, nameIndex: number, receiver: Value | undefined): boolean {
  if (receiver?.t !== 'ref' || ormCall(a, nameIndex, receiver)) {
    return receiver?.t === 'ref';
  }
  if (/^\.\.?(?:\/|$)/.test(receiver.module)) {
    // `ddb.query({ TableName, ... })` on a name a project module exports (`require('../lib/dynamo')`), whose
    // client this file cannot see: the request's shape names the operation, never on a test double's
    // (`'../test/fakes'`). In workspace mode a client the module exports is that client here already
    // (`projectImports.ts`), whatever its request: this reads the rest.
    // `dynamoDbLib.call('scan', params)`: a helper that dispatches on the method's name (`dispatchedCall`).
    const dispatched = a.tokens.is(nameIndex, 'call');
    return !importsTestDouble(a, receiver.module, receiver.path) && (dispatched ? dispatchedCall(a, nameIndex) : shapedCall(a, nameIndex, 'project'));
  }
  const method = a.tokens.text(nameIndex);
  const path = receiver.path ? `${receiver.path}.${method}` : method;
  const carrier = redisOptionCarrier(receiver.module, path);
  if (carrier) {
    redisClientOptions(a, nameIndex + 1, carrier);
    return true;
  }
  if (!JS_MODULES[receiver.module]?.includes('redis')) {
    if (cdkConstructType(receiver.module, path) && receiver.path) {
      cdkConstruct(a, receiver, path, nameIndex, nameIndex + 1);
      return true;
    }
    return false;
  }
  const client = callResult({ t: 'ref', module: receiver.module, path }, method, undefined, false, false);
  if (client?.t === 'client') {
    redisClientOptions(a, nameIndex + 1, client.flavor ?? 'node-redis');
  }
  return true;
}

function javascriptFamily(id: 'javascript' | 'typescript'): CodeLanguage {
  return {
    id,
    family: 'js',
    commentPrefix: '//',
    classFieldsVisible: false,
    typeArguments: true,
    collectImports,
    buildScopes,
    collectBindings,
    collectRequests,
    optionAt,
    requestForCall,
    typeValue,
    otherCall,
    // A plain object request: the DocumentClient's method names, which take the low-level client's too.
    requestShapeKinds: ['dynamodb-document'],
  };
}

export const javascript = javascriptFamily('javascript');
export const typescript = javascriptFamily('typescript');
