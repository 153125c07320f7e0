/**
 * Go (AWS SDK for Go v2 and v1, go-redis, redigo, rueidis and valkey-go): imports by path, `:=`, `var` and `const`, typed parameters and
 * receivers, struct fields that hold clients, input structs (`&dynamodb.QueryInput{...}`), package-level
 * paginators, `auth.BuildAuthToken` / `rdsutils.BuildAuthToken`, and go-redis client options. In workspace
 * mode, the declarations of other files of the package and of imported packages of the module (`goProject.ts`),
 * and what a function hands its callers (`goCallers.ts`).
 */
import { OptionContext } from '../../model';
import { Binding, ScopeTree } from '../../scope/scopes';
import { codeOf, codeSet } from '../../tokenCodes';
import { ClientKind, operationOfMethod, operationOfPaginator, operationOfTypeName } from '../../services';
import type { CodeAnalyzer } from '../analyzer';
import { inTestCode } from '../testFixtures';
import { braceLanguage, buildBraceScopes, segments } from '../braces';
import { CodeLanguage, OptionSlot } from '../language';
import { contextFrom, separatedSlot } from '../options';
import { redisCall } from '../redis';
import { assignRequestOptions, noteMemberAssignment } from '../requests';
import { Value } from '../values';
import { goClientType, goImport, goLibraryClientCall, goPackageCall, goV1Method } from './goClients';
import { goCdkConstructs } from './goCdk';
import { pulumiGoResources } from './goPulumi';
import { goInterfaceType } from './goInterfaces';
import { goAliasTarget } from './goTypeAliases';
import { declaredResultType, firstResultType } from './goResultTypes';
import { redigoPoolInterface } from './goRedigoPools';
import { handedToCallers } from './goCallers';
import { retriedByCallers } from './goBatchCallers';
import { heldForMockOnly, inMockExpectation, onMockRecorder } from './goMockRecorders';
import { EMBEDDED_CLIENT, goClientImports, startsField, structBraces } from './goPackageStructs';
import { adoptMethods, adoptPackage, GO_PROJECT_MODULE, goProjectImports, goProjectStruct, projectInputCall } from './goProject';
import { adoptDotImports } from './goDotImports';
import { bindDeclarationGroup, inDeclarationGroup } from './goVarGroups';
import { assignedTlsConfigFields, goRedisUrl, isGoRedisUrlParser } from './goRedis';
import { addNestedTlsFields } from './goTlsFieldsSetApart';
import { isRueidisUrlParser, RUEIDIS, rueidisUrl } from './goRueidis';
import { dynamodbTypesAliases, requestParameters, requestPart, varRequest } from './goRequestParts';
import { chainedSetters, newInput, setterOnVariable } from './goSetters';
import { callWithTypedRequest, requestInArguments } from './typedDeclarations';

const BRACES = braceLanguage({ classKeywords: ['struct', 'interface'], functionStart, loopStart });
const STATEMENT_KEYWORDS = ['if', 'for', 'switch', 'select', 'else', 'go', 'defer', 'return', 'case', 'type', 'var', 'range'];
/** What ends a search back from `{` for the `func` of a function: punctuation and the statement keywords. */
const FUNCTION_SEARCH_STOPS = codeSet(['{', '}', ';', '=', ':=', ...STATEMENT_KEYWORDS]);
const LOOP_SEARCH_STOPS = codeSet(['{', '}']);
const SEMICOLON = codeOf(';');
const CLOSE_PAREN = codeOf(')');
const OPEN_PAREN = codeOf('(');
const FUNC = codeOf('func');
const FOR = codeOf('for');
const SHORT_DECLARATION = codeOf(':=');
const EQUALS = codeOf('=');
const VAR = codeOf('var');
const CONST = codeOf('const');
const RETURN = codeOf('return');

function collectImports(a: CodeAnalyzer): void {
  for (const [alias, path] of goClientImports(a)) {
    const service = goImport(path)!.service;
    a.goPackages.set(alias, service);
    a.services.add(service);
  }
  goProjectImports(a);
}

/** `func (r *Repo) Name(params) (results) {` and `func(params) {`: the scope starts at the first `(` after `func`. */
function functionStart(a: CodeAnalyzer, brace: number): number {
  const codes = a.tokens.codes;
  for (let k = brace - 1, steps = 0; k >= 0 && steps < 60; k--, steps++) {
    if (codes[k] === CLOSE_PAREN && a.partner[k] >= 0) {
      k = a.partner[k];
      continue;
    }
    if (codes[k] === FUNC) {
      k = signatureFunc(a, k);
      for (let j = k + 1; j < brace; j++) {
        if (codes[j] === OPEN_PAREN) {
          return j;
        }
      }
      return -1;
    }
    if (FUNCTION_SEARCH_STOPS[codes[k]] === 1) {
      return -1;
    }
  }
  return -1;
}

/**
 * The `func` whose signature a `func` at `k` ends as its result type (`func Pages(ctx context.Context, p Pager) func(in *Input) error {`,
 * `func (c *Client) Next() func() {`, `func() func() {`): the body is that signature's, not the result type's.
 */
function signatureFunc(a: CodeAnalyzer, k: number): number {
  const codes = a.tokens.codes;
  for (let steps = 0; steps < 8 && codes[k - 1] === CLOSE_PAREN && a.partner[k - 1] > 0; steps++) {
    const open = a.partner[k - 1];
    const before = a.isId(open - 1) && codes[open - 1] !== FUNC ? open - 2 : open - 1;
    if (codes[before] === FUNC) {
      k = before;
    } else if (codes[before] === CLOSE_PAREN && a.partner[before] > 0 && codes[a.partner[before] - 1] === FUNC) {
      k = a.partner[before] - 1;
    } else {
      break;
    }
  }
  return k;
}

/**
 * A Go `for` loop's body (no parentheses around its clause). A `;` ends the search unless the line starts with `for`
 * (`for i := 0; i < n; i++ {`, not an `if` with an init statement); so does a line's start outside brackets, where
 * a statement ends: the `for` before a loop's `}` heads no `if x {` or bare `{` after it.
 */
function loopStart(a: CodeAnalyzer, brace: number): number {
  for (let k = brace - 1, steps = 0; k >= 0 && steps < 40 && !a.startsLine(k + 1); k--, steps++) {
    if (a.partner[k] >= 0 && a.partner[k] < k) {
      k = a.partner[k];
      continue;
    }
    if (a.tokens.codes[k] === FOR) {
      return k;
    }
    if (a.tokens.codes[k] === SEMICOLON) {
      return countedLoopStart(a, k);
    }
    if (LOOP_SEARCH_STOPS[a.tokens.codes[k]] === 1) {
      return -1;
    }
  }
  return -1;
}

/** The `for` that starts the line of a clause's `;`, or -1. */
function countedLoopStart(a: CodeAnalyzer, semicolon: number): number {
  for (let k = semicolon - 1, steps = 0; k >= 0 && steps < 40; k--, steps++) {
    if (a.startsLine(k)) {
      return a.tokens.codes[k] === FOR ? k : -1;
    }
  }
  return -1;
}

function buildScopes(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  buildBraceScopes(a, tree, BRACES);
}

/** `*dynamodb.Client`, `dynamodbiface.DynamoDBAPI`, `*redis.Client` (a client), or a struct type declared in the file. */
function typeValue(a: CodeAnalyzer, start: number, aliasDepth = 0): Value | undefined {
  let k = start;
  while (a.is(k, '*') || a.is(k, '&')) {
    k++;
  }
  const name = a.id(k);
  if (!name) {
    return undefined;
  }
  const service = a.goPackages.get(name);
  if (service && a.is(k + 1, '.') && a.isId(k + 2)) {
    return goClientType(service, a.tokens.text(k + 2));
  }
  if (a.structFields.has(name) && !a.is(k + 1, '.')) {
    return { t: 'struct', name };
  }
  // `vkclient VKClient` with `type VKClient = valkey.Client`: the aliased type (an alias of an alias, a few levels).
  const aliased = a.is(k + 1, '.') || aliasDepth > 3 ? -1 : goAliasTarget(a, k);
  if (aliased >= 0) {
    return typeValue(a, aliased, aliasDepth + 1);
  }
  // `cache redis.Cache` with `Cache` an interface of go-redis commands (of the file, its package, or an imported package of the module);
  // `st *store.Store` with `Store` a struct of an imported package of the module that hands out a client;
  // `pool pool` with `pool` an interface of the file over redigo's pool.
  return goInterfaceType(a, k) ?? goProjectStruct(a, k) ?? redigoPoolInterface(a, k);
}

function collectBindings(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  // The package's declarations from its other files first: the file's own declarations replace them.
  adoptDotImports(a, tree);
  const declarations = adoptPackage(a, tree);
  const embeddings = collectStructs(a);
  bindFunctions(a, tree);
  adoptMethods(a, declarations?.methods);
  promoteEmbedded(a, embeddings);
  for (const fn of a.functions.values()) {
    for (let k = fn.params; k > 0 && k < fn.body; k = a.skipGroup(k)) {
      // A result of function type names its parameters for no one (`func New() func(in *Input) error {`).
      if (a.is(k, '(') && (k === fn.params || !a.idIs(k - 1, 'func'))) {
        bindParameterGroup(a, tree, fn.scope, k);
      }
    }
  }
  const codes = a.tokens.codes;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === 0) {
      continue;
    }
    if (code === SHORT_DECLARATION) {
      shortDeclaration(a, tree, i);
    } else if ((code === VAR || code === CONST) && a.is(i + 1, '(')) {
      bindDeclarationGroup(a, tree, i + 1, (start) => typeValue(a, start));
    } else if (code === EQUALS && a.isId(i - 1) && !a.isAccess(i - 2) && !a.is(i - 2, ',') && !a.idIs(i - 2, 'var') && !a.isId(i - 2) && !inDeclarationGroup(a, i)) {
      const name = a.tokens.text(i - 1);
      tree.bind(tree.declaringScope(name, i), name, { token: i - 1, expression: i + 1 });
    } else if (code === EQUALS && a.isAccess(i - 2)) {
      noteMemberAssignment(a, i);
    } else if ((code === VAR || code === CONST) && a.isId(i + 1)) {
      const eq = a.is(i + 2, '=') ? i + 2 : findOnLine(a, i + 2, '=');
      const declared = a.is(i + 2, '=') ? undefined : typeValue(a, i + 2);
      tree.bind(tree.holderAt(i), a.tokens.text(i + 1), { token: i + 1, expression: eq >= 0 ? eq + 1 : -1, ...(declared ? { declared } : {}) });
    } else if (code === RETURN) {
      a.addReturn(i + 1);
    }
  }
}

function findOnLine(a: CodeAnalyzer, from: number, text: string): number {
  for (let k = from; k < a.tokens.length && !a.startsLine(k); k = a.skipGroup(k)) {
    if (a.is(k, text)) {
      return k;
    }
  }
  return -1;
}

/** `a, b := expr`: the first name takes the expression's value (Go factories return `(client, error)`), later ones their declared result. */
function shortDeclaration(a: CodeAnalyzer, tree: ScopeTree<Value>, at: number): void {
  const names: number[] = [];
  for (let k = at - 1; k >= 0 && a.isId(k); k -= 2) {
    names.unshift(k);
    if (!a.is(k - 1, ',')) {
      break;
    }
  }
  const holder = tree.holderAt(at);
  const closure = names.length === 1 ? functionLiteral(a, at + 1) : undefined;
  names.forEach((k, index) => tree.bind(holder, a.tokens.text(k), closure ? { token: k, expression: -1, fixed: closure } : { token: k, expression: index === 0 ? at + 1 : -1, ...laterResult(a, at + 1, index) }));
}

/** A later name of `a, b := f()` takes the type that `f`, a function or method of the file, declares at its position. */
function laterResult(a: CodeAnalyzer, call: number, index: number): { declared?: Value } {
  const type = index > 0 ? declaredResultType(a, call, index) : -1;
  const declared = type >= 0 ? typeValue(a, type) : undefined;
  return declared ? { declared } : {};
}

/** Tokens between a function literal's parameters and its body: its results (`(*dynamodb.QueryInput, error)`). */
const MAX_RESULT_TOKENS = 24;

/**
 * `func(start map[string]types.AttributeValue) *dynamodb.QueryInput { ... }` at `start`: a closure, called
 * by its variable's name as a function is (`client.Query(ctx, createQuery(nil))`).
 */
function functionLiteral(a: CodeAnalyzer, start: number): Value | undefined {
  const params = start + 1;
  if (!a.idIs(start, 'func') || !a.is(params, '(') || a.partner[params] < 0) {
    return undefined;
  }
  for (let k = a.partner[params] + 1, steps = 0; k < a.tokens.length && steps < MAX_RESULT_TOKENS; k = a.skipGroup(k), steps++) {
    if (a.is(k, '{')) {
      const scope = a.scopes.scopeAt(k + 1);
      return a.functions.get(scope)?.params === params ? { t: 'function', scope, concise: -1 } : undefined;
    }
  }
  return undefined;
}

/** `(ctx context.Context, a, b string, db *dynamodb.Client)`: names take the type that follows them. */
function bindParameterGroup(a: CodeAnalyzer, tree: ScopeTree<Value>, scope: number, open: number): void {
  const pending: number[] = [];
  for (const [start, end] of segments(a, open)) {
    // `(redis.UniversalClient, error)`: an unnamed result of a package's type names no local.
    if (!a.isId(start) || a.is(start + 1, '.')) {
      continue;
    }
    if (end - start === 1) {
      pending.push(start);
      continue;
    }
    const declared = typeValue(a, start + 1);
    for (const name of [...pending, start]) {
      tree.bind(scope, a.tokens.text(name), { token: name, expression: -1, ...(declared ? { declared } : {}) });
    }
    pending.length = 0;
  }
  for (const name of pending) {
    tree.bind(scope, a.tokens.text(name), { token: name, expression: -1 });
  }
}

/** How many levels of embedded structs lend their members, and how many members each lends at most. */
const MAX_EMBEDDING_DEPTH = 4;
const MAX_PROMOTED_MEMBERS = 64;

/**
 * `type Repo struct { db *dynamodb.Client }`: fields by struct name, read through receivers and values;
 * embedded fields (`*rds.Client`, `Base`) under their type's name, lending their members to the struct.
 */
function collectStructs(a: CodeAnalyzer): [string, string][] {
  const found = structBraces(a);
  for (const [name] of found) {
    a.structFields.set(name, new Map());
  }
  const embeddings: [string, string][] = [];
  // Fields are read after every struct is known, so a field may hold another struct of the file.
  for (const [name, brace] of found) {
    const fields = a.structFields.get(name)!;
    const close = a.partner[brace];
    for (let k = brace + 1; k > 0 && k < close; k++) {
      if (!startsField(a, brace, k)) {
        continue;
      }
      const embedded = a.is(k, '*') || a.is(k + 1, '.') || a.startsLine(k + 1) || a.is(k + 1, ';') || a.isString(k + 1) || k + 1 === close;
      const getter = embedded ? undefined : clientGetterField(a, k);
      if (getter) {
        fields.set(a.tokens.text(k), getter);
        continue;
      }
      const declared = typeValue(a, embedded ? k : k + 1);
      if (!declared || (!embedded && !a.isId(k))) {
        continue;
      }
      const binding = { token: k, expression: -1, declared };
      fields.set(embedded ? embeddedName(a, k) : a.tokens.text(k), binding);
      if (embedded && declared.t === 'client') {
        fields.set(EMBEDDED_CLIENT, binding);
      } else if (embedded && declared.t === 'struct') {
        embeddings.push([name, declared.name]);
      }
    }
  }
  return embeddings;
}

/**
 * A field of function type whose one result is a client (`getConn func() *redis.Client`, set to a closure over
 * the client or a pool's getter): calling it gives that client, as a method declared with that result would.
 * A result list (`func() (*redis.Client, error)`) is left alone.
 */
function clientGetterField(a: CodeAnalyzer, name: number): Binding<Value> | undefined {
  if (!a.isId(name) || !a.idIs(name + 1, 'func') || !a.is(name + 2, '(')) {
    return undefined;
  }
  const result = a.partner[name + 2] + 1;
  if (result <= 0 || typeValue(a, result)?.t !== 'client') {
    return undefined;
  }
  return { token: name, expression: -1, fixed: { t: 'function', scope: -1, concise: -1, returnType: result } };
}

/** The name of an embedded field: its type's name (`Client` for `*rds.Client`). */
function embeddedName(a: CodeAnalyzer, start: number): string {
  let k = a.is(start, '*') ? start + 1 : start;
  while (a.is(k + 1, '.') && a.isId(k + 2)) {
    k += 2;
  }
  return a.tokens.text(k);
}

/**
 * Functions by name in the package scope, and methods (`func (a *Admin) dynamo() ...`) as members of
 * their struct, so that `newClient().Scan(...)` and `a.dynamo().Scan(...)` read what they return.
 */
function bindFunctions(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  for (const fn of a.functions.values()) {
    const returnType = firstResultType(a, fn);
    const value: Value = { t: 'function', scope: fn.scope, concise: -1, ...(returnType >= 0 ? { returnType } : {}) };
    if (a.idIs(fn.params - 2, 'func') && a.isId(fn.params - 1)) {
      tree.bind(tree.holderAt(fn.params - 2), a.tokens.text(fn.params - 1), { token: fn.params - 1, expression: -1, fixed: value });
      continue;
    }
    const close = a.partner[fn.params];
    if (!a.idIs(fn.params - 1, 'func') || close < 0 || !a.isId(close + 1) || !a.is(close + 2, '(')) {
      continue;
    }
    let type = close - 1;
    if (a.is(type, ']') && a.partner[type] > 0) {
      type = a.partner[type] - 1;
    }
    const fields = a.isId(type) ? a.structFields.get(a.tokens.text(type)) : undefined;
    if (fields && !fields.has(a.tokens.text(close + 1))) {
      fields.set(a.tokens.text(close + 1), { token: close + 1, expression: -1, fixed: value });
    }
  }
}

/** An embedded struct's fields and methods are the embedding struct's too, unless it declares its own (a bounded number, so that copying stays linear). */
function promoteEmbedded(a: CodeAnalyzer, embeddings: readonly [string, string][]): void {
  let changed = embeddings.length > 0;
  for (let round = 0; round < MAX_EMBEDDING_DEPTH && changed; round++) {
    changed = false;
    for (const [outer, inner] of embeddings) {
      const fields = a.structFields.get(outer)!;
      let read = 0;
      for (const [member, binding] of a.structFields.get(inner) ?? []) {
        if (read++ >= MAX_PROMOTED_MEMBERS) {
          break;
        }
        if (!fields.has(member)) {
          fields.set(member, binding);
          changed = true;
        }
      }
    }
  }
}

/**
 * `&dynamodb.QueryInput{...}`, the parts of a request built apart (`types.Put{...}`), input parameters and
 * variables, and go-redis `redis.ParseURL("...")`, and fields set on them afterwards (`input.ExclusiveStartKey =
 * out.LastEvaluatedKey`, `opt.TLSConfig = &tls.Config{}`).
 */
function collectRequests(a: CodeAnalyzer): void {
  const typesAliases = dynamodbTypesAliases(a);
  // The `}` of the last request or part read: a part written inside one is read with it.
  let readUntil = -1;
  for (let i = 2; i < a.tokens.length; i++) {
    // Not `func f() *dynamodb.ScanInput {`: a result type before the function's body.
    if (a.isId(i) && a.isAccess(i - 1) && a.is(i + 1, '{') && a.functions.get(a.scopes.scopeAt(i + 1))?.body !== i + 1) {
      const close = inputStruct(a, i) ?? (i > readUntil ? requestPart(a, i, typesAliases) : -1);
      readUntil = Math.max(readUntil, close);
    } else if (a.idIs(i, 'var') && a.isId(i + 1)) {
      varRequest(a, i);
    } else if (a.idIs(i, 'new') && a.is(i + 1, '(')) {
      newInput(a, i);
    } else if (a.isId(i) && a.is(i - 1, '.') && a.is(i + 1, '(') && isGoRedisUrlParser(a.tokens.text(i)) && a.goPackages.get(a.tokens.text(i - 2)) === 'redis') {
      goRedisUrl(a, i);
    } else if (a.isId(i) && a.is(i - 1, '.') && a.is(i + 1, '(') && isRueidisUrlParser(a.tokens.text(i)) && a.goPackages.get(a.tokens.text(i - 2)) === RUEIDIS) {
      rueidisUrl(a, i);
    }
  }
  requestParameters(a);
  assignRequestOptions(a);
  // `opt, _ := redis.ParseURL(url)` then `opt.TLSConfig = &tls.Config{...}`: the config's fields join the options.
  for (const context of a.contexts) {
    if (context.kind === 'redis-client') {
      context.options.push(...assignedTlsConfigFields(a, context.options));
    }
  }
  addNestedTlsFields(a);
}

/** `&dynamodb.QueryInput{...}` with its type name at `index`: its `}`, or undefined when it is no input struct. */
function inputStruct(a: CodeAnalyzer, index: number): number | undefined {
  const alias = a.id(index - 2);
  const service = alias ? a.goPackages.get(alias) : undefined;
  const operation = service ? operationOfTypeName(a.tokens.text(index), new Set([service]), /Input$/) : undefined;
  if (!operation) {
    return undefined;
  }
  const open = index + 1;
  const start = a.is(index - 3, '&') ? index - 3 : index - 2;
  if (expectedInTestTable(a, index) || inMockExpectation(a, start) || heldForMockOnly(a, start)) {
    return a.partner[open];
  }
  const context = contextFrom(a, open, a.partner[open], 'sdk', operation, a.tokenSpan(index));
  a.requestAt.set(index - 2, context);
  a.addOperation({ operation, name: a.tokenSpan(index), call: false, paginated: false, tokenIndex: index, request: context });
  a.contexts.push(context);
  // `(&dynamodb.ScanInput{}).SetTableName(t)`: v1 setters chained on the literal.
  if (a.is(index - 3, '&') && a.is(index - 4, '(') && a.partner[index - 4] === a.partner[open] + 1) {
    chainedSetters(a, index - 4, context);
  }
  return a.partner[open];
}

/**
 * An input written as a field of a test table's case (`want: &dynamodb.ScanInput{...}` in a table-driven test):
 * the value a builder under test should return, compared and never sent, so not a request. An input a test
 * sends, or builds in a statement of its own, is one.
 */
function expectedInTestTable(a: CodeAnalyzer, index: number): boolean {
  const before = a.is(index - 3, '&') ? index - 4 : index - 3;
  return a.is(before, ':') && a.isId(before - 1) && a.is(a.parent[before], '{') && inTestCode(a, index);
}

function optionAt(a: CodeAnalyzer, k: number, _open: number, close: number): OptionSlot | undefined {
  return a.isId(k) && a.is(k + 1, ':') && a.is(a.parent[k], '{') ? separatedSlot(a, k, close) : undefined;
}

function requestForCall(a: CodeAnalyzer, open: number, close: number): OptionContext | undefined {
  return requestInArguments(a, open, close);
}

/**
 * Package-level calls (`dynamodb.NewScanPaginator`, `auth.BuildAuthToken`, `redis.NewClient`), v1 method
 * spellings on clients (`ScanPagesWithContext`), and calls on unseen receivers with SDK inputs.
 */
function otherCall(a: CodeAnalyzer, nameIndex: number, receiver: Value | undefined, receiverStart: number): boolean {
  // A generated mock's expectation (`client.EXPECT().Query(...)`) sends nothing.
  if (onMockRecorder(a, nameIndex)) {
    return true;
  }
  if (goLibraryClientCall(a, nameIndex, receiver, receiverStart)) {
    return true;
  }
  if (receiver?.t === 'client' && receiver.kind !== 'redis') {
    return v1Call(a, nameIndex, receiver.kind);
  }
  // A variable that holds an input evaluates to the input's type (`go:dynamodb` `QueryInput`), or to nothing.
  if ((receiver === undefined || receiver.t === 'ref') && setterOnVariable(a, nameIndex, receiverStart)) {
    return true;
  }
  if (receiver?.t === 'gopkg') {
    const service = receiver.service;
    if (goPackageCall(a, service, nameIndex)) {
      return true;
    }
    const method = a.tokens.text(nameIndex);
    const operation = operationOfPaginator(method, new Set([service]));
    if (operation) {
      a.addOperation({ operation, name: a.tokenSpan(nameIndex), call: false, paginated: true, tokenIndex: nameIndex });
    } else if (service === 'rds-auth' && method === 'BuildAuthToken') {
      a.addOperation({ operation: 'rds:GenerateDbAuthToken', name: a.tokenSpan(nameIndex), call: true, paginated: false, tokenIndex: nameIndex });
    }
    return true;
  }
  if (receiver?.t === 'struct') {
    return promotedCall(a, nameIndex, receiver.name, receiverStart);
  }
  // A member of a workspace package that gives no client is as unknown as an unseen receiver.
  const unknown = !receiver || (receiver.t === 'ref' && receiver.module.startsWith(GO_PROJECT_MODULE));
  return unknown && callWithTypedRequest(a, nameIndex);
}

/** `svc.ScanWithContext(ctx, input)`, `svc.QueryPages(input, fn)`: the v1 spellings of an operation. */
function v1Call(a: CodeAnalyzer, nameIndex: number, kind: ClientKind): boolean {
  const method = goV1Method(kind, a.tokens.text(nameIndex));
  const open = nameIndex + 1;
  if (!method || a.partner[open] < 0) {
    return false;
  }
  const request = requestForCall(a, open, a.partner[open]);
  a.addOperation({ ...method, name: a.tokenSpan(nameIndex), tokenIndex: nameIndex, ...(request ? { request } : {}) });
  return true;
}

/**
 * `a.ModifyDBInstance(ctx, ...)` on a struct that embeds an `*rds.Client` (or `c.Get(ctx, k)` on one that
 * embeds a `*redis.Client`) and has no member of that name.
 */
function promotedCall(a: CodeAnalyzer, nameIndex: number, struct: string, receiverStart: number): boolean {
  const members = a.structFields.get(struct);
  const client = members && !members.has(a.tokens.text(nameIndex)) ? a.valueOf(members.get(EMBEDDED_CLIENT)) : undefined;
  if (goLibraryClientCall(a, nameIndex, client, receiverStart)) {
    return true;
  }
  if (client?.t === 'client' && client.kind === 'redis' && a.partner[nameIndex + 1] > nameIndex) {
    redisCall(a, nameIndex, client, receiverStart);
    return true;
  }
  if (client?.t === 'client' && v1Call(a, nameIndex, client.kind)) {
    return true;
  }
  const operation = client?.t === 'client' ? operationOfMethod(client.kind, a.tokens.text(nameIndex)) : undefined;
  const open = nameIndex + 1;
  if (!operation || a.partner[open] < 0) {
    return false;
  }
  const request = requestForCall(a, open, a.partner[open]);
  a.addOperation({ operation, name: a.tokenSpan(nameIndex), call: true, paginated: false, tokenIndex: nameIndex, ...(request ? { request } : {}) });
  return true;
}

export const go: CodeLanguage = {
  id: 'go',
  family: 'go',
  commentPrefix: '//',
  classFieldsVisible: false,
  moduleNamesUnordered: true,
  typeArguments: false,
  collectImports,
  buildScopes,
  collectBindings,
  collectRequests,
  optionAt,
  requestForCall,
  typeValue,
  otherCall,
  projectRequest: projectInputCall,
  finish: (a) => {
    handedToCallers(a);
    retriedByCallers(a);
    pulumiGoResources(a);
    goCdkConstructs(a);
  },
};
