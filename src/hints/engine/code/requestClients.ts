/**
 * Clients that middleware hangs on the request or the server instance, read back in handlers: Express
 * `req.redis = client` in a `(req, res, next)` middleware, Koa `ctx.redis = client` in `(ctx, next)`, Fastify
 * `fastify.decorate('redis', client)` and `decorateRequest`, an object of the client's own methods bound to it
 * (`{ get: client.get.bind(client) }`), and TypeScript's merging into the framework's request type
 * (`declare global { namespace Express { interface Request { redis: Redis } } }`).
 *
 * A handler reads `req.redis` as that client where `req` is the first parameter of a function with two or
 * more (or of a route callback with one), when everything hung under the name, in this file and in the other
 * files of the workspace, is the same kind of client. Anything else hung there, two clients that differ, or a
 * value the reader cannot tell, and the name reads as nothing: precision first. The workspace index reads the
 * other files with the same reader (`hungClients`), once per file.
 */
import type { ExportedClient, RequestClientSource } from '../workspace/types';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd, segments } from './braces';
import { EGG_REDIS, eggApplicationEnd, eggApplicationRedisEnd, eggRedisDecorations } from './eggRedis';
import { boundToNewFastify, FASTIFY_INSTANCE, mentionsFastify, REQUEST_SERVER, takesFastifyInstance } from './fastifyInstances';
import { fastifyRedisDecorations } from './fastifyRedis';
import { FileMemo, perFile } from './fileMemo';
import { globalAssignments, globalKey, globalRead } from './globalClients';
import { FunctionScope } from './language';
import { injectionKey, ProvidedValue, providedValues } from './nestProviders';
import { clientValue, exportedClient, mayBeProjectModule } from './projectImports';
import { assignedKey, assignedObject } from './requests';
import { closeAngle } from './typeArguments';
import { Value } from './values';

/** Names read per file, and values per name: far more than real middleware hangs. */
const MAX_NAMES = 64;
const MAX_SOURCES = 16;
/** Tokens of a bound method's receiver (`client`, `this.cache.client`) compared with the one it is bound to. */
const MAX_RECEIVER_TOKENS = 16;

/** Fastify's `decorate(name, value)` hangs a value on the instance; `decorateRequest` on each request. */
const DECORATORS = new Set(['decorate', 'decorateRequest']);
/** Calls that take a middleware or a hook, whose parameters are then the framework's request and response. */
const MIDDLEWARE_CALLS = new Set(['use', 'addHook']);
/** The interfaces of Express, Koa and Fastify that a project's declarations merge members into. */
const REQUEST_INTERFACES = new Set(['Request', 'Context', 'DefaultContext', 'ExtendableContext', 'FastifyRequest', 'FastifyInstance']);
/** Values that only reserve a decorator's name (`decorateRequest('redis', null)`), set later by a hook. */
const PLACEHOLDERS = new Set(['null', 'undefined']);

/** Where a TypeScript file may merge members into a framework's request type. */
export const MERGING = /\bnamespace\s+Express\b|\bdeclare\s+module\b/;

const RELATIVE_MODULE = /^\.\.?(?:\/|$)/;

/** What each file hangs, by name; an empty map while it is read, so that a value read meanwhile sees nothing of its own file. */
const hung = new WeakMap<CodeAnalyzer, ReadonlyMap<string, RequestClientSource[]>>();
/** Files whose hung clients are being read: what a name agrees on then is not kept, since the file's own part is missing. */
const reading = new WeakSet<CodeAnalyzer>();
const parameterMemo = new FileMemo<number, number[]>();
const firstNames = new WeakMap<CodeAnalyzer, ReadonlySet<string>>();
const agreedMemo = new FileMemo<string, Value | null>();

/** The name token of each parameter of a function (-1 for a destructured or rest one). */
function parameterNames(a: CodeAnalyzer, fn: FunctionScope): number[] {
  return parameterMemo.get(a, fn.scope, () => {
    if (!a.is(fn.params, '(')) {
      return a.isId(fn.params) ? [fn.params] : [];
    }
    return segments(a, fn.params).map(([start]) => parameterName(a, start));
  });
}

/** The name token of the parameter written from `start`, after its decorators (`@Req() req`); -1 for a destructured or rest one. */
function parameterName(a: CodeAnalyzer, start: number): number {
  let k = start;
  while (a.is(k, '@') && a.isId(k + 1)) {
    k = a.is(k + 2, '(') ? a.skipGroup(k + 2) : k + 2;
  }
  return a.isId(k) ? k : -1;
}

/** Whether some function of the file takes a first parameter of this name: a quick no for most names a chain starts with. */
function isFirstParameterName(a: CodeAnalyzer, name: string): boolean {
  let names = firstNames.get(a);
  if (!names) {
    const found = new Set<string>();
    for (const fn of a.functions.values()) {
      const first = a.is(fn.params, '(') ? parameterName(a, fn.params + 1) : fn.params;
      if (first >= 0 && a.isId(first)) {
        found.add(a.tokens.text(first));
      }
    }
    names = found;
    firstNames.set(a, names);
  }
  return names.has(name);
}

/** The function whose first parameter `token` names, with the name token of each of its parameters. */
function firstParameterOf(a: CodeAnalyzer, token: number): { fn: FunctionScope; names: number[] } | undefined {
  const fn = token >= 0 ? a.functions.get(a.scopes.scopeAt(token)) : undefined;
  const names = fn ? parameterNames(a, fn) : [];
  return fn && names[0] === token ? { fn, names } : undefined;
}

/** The `(` of the method call a function is passed to (`app.use(fn)`, `router.get('/', fn)`), or -1. */
function methodCallTaking(a: CodeAnalyzer, fn: FunctionScope): number {
  const open = a.parent[a.scopes.start(fn.scope)];
  return open > 1 && a.is(open, '(') && a.isId(open - 1) && a.isAccess(open - 2) ? open : -1;
}

/** Whether a function hangs things on its first parameter as middleware: two or three parameters, and it calls the last (`next()`) or is passed to `use` / `addHook`. */
function isMiddleware(a: CodeAnalyzer, fn: FunctionScope, names: readonly number[]): boolean {
  if (names.length < 2 || names.length > 3) {
    return false;
  }
  const call = methodCallTaking(a, fn);
  if (call > 0 && MIDDLEWARE_CALLS.has(a.tokens.text(call - 1))) {
    return true;
  }
  const next = names[names.length - 1];
  if (next < 0) {
    return false;
  }
  const name = a.tokens.text(next);
  const [start, end] = a.scopes.range(fn.scope);
  for (let k = start; k < end; k++) {
    if (a.is(k, name) && a.is(k + 1, '(') && !a.isAccess(k - 1)) {
      return true;
    }
  }
  return false;
}

/**
 * Whether a function's first parameter is the request a framework passes: one of two or more, the only one
 * of a route or middleware callback, or one typed with Fastify's instance (`async function (fastify: FastifyInstance)`,
 * a plugin that takes no options).
 */
function takesRequest(a: CodeAnalyzer, fn: FunctionScope, names: readonly number[]): boolean {
  if (names.length >= 2) {
    return true;
  }
  const call = methodCallTaking(a, fn);
  return (
    (call > 0 && (a.isString(call + 1) || MIDDLEWARE_CALLS.has(a.tokens.text(call - 1)))) ||
    (names.length === 1 && names[0] >= 0 && (typedFastifyInstance(a, names[0]) || takesFastifyInstance(a, fn, names[0])))
  );
}

/** Whether the parameter named at `name` is annotated `FastifyInstance`, imported from fastify. */
function typedFastifyInstance(a: CodeAnalyzer, name: number): boolean {
  const type = a.is(name + 1, ':') ? name + 2 : -1;
  const imported = type > 0 && a.isId(type) && !a.is(type + 1, '.') ? a.imports.get(a.tokens.text(type)) : undefined;
  return imported?.module === 'fastify' && imported.path === 'FastifyInstance';
}

/** Whether the value that starts at `start` ends its statement at `end`. */
function endsStatement(a: CodeAnalyzer, end: number, start: number): boolean {
  if (end >= a.tokens.length || a.is(end, ';')) {
    return true;
  }
  const partner = a.partner[end];
  return (partner >= 0 && partner < start) || (a.startsLine(end) && a.parent[end] === a.parent[start]);
}

/** A value as the index records it: a client, a name imported from a project module, or null. */
function sourceOfValue(a: CodeAnalyzer, value: Value | undefined): RequestClientSource {
  if (value?.t === 'client') {
    return { client: exportedClient(a, value)! };
  }
  return value?.t === 'ref' && RELATIVE_MODULE.test(value.module) ? { module: value.module, path: value.path } : null;
}

/** Whether tokens [from, to) read as [other, other + (to - from)). */
function sameTokens(a: CodeAnalyzer, from: number, to: number, other: number): boolean {
  for (let k = from; k < to; k++) {
    if (a.tokens.kinds[k] !== a.tokens.kinds[other + k - from] || a.tokens.text(k) !== a.tokens.text(other + k - from)) {
      return false;
    }
  }
  return true;
}

/**
 * `{ get: client.get.bind(client), set: client.set.bind(client) }`: an object whose every member is the
 * client's own method of the same name, bound to it, reads as the client. A member may name a variable that
 * holds the bound method (`const getAsync = client.get.bind(client)`, then `{ get: getAsync }`), and one
 * member may be the client itself (`{ client, get: getAsync }`). One member of any other shape (a renamed
 * method, a stub, a constant) and the object says nothing.
 */
function boundMethods(a: CodeAnalyzer, open: number): RequestClientSource[] {
  const sources: RequestClientSource[] = [];
  for (const [start, end] of segments(a, open)) {
    const shorthand = end === start + 1 && a.isId(start);
    const key = shorthand || ((a.isId(start) || a.isString(start)) && a.is(start + 1, ':')) ? a.tokens.text(start) : undefined;
    const source = key === undefined ? null : shorthand ? memberClient(a, start) : boundSource(a, key, start + 2, end);
    if (source === null) {
      return [null];
    }
    sources.push(source);
  }
  return sources.length > 0 ? sources : [null];
}

/** A shorthand member (`{ client }`) that is a client: its source, else null. */
function memberClient(a: CodeAnalyzer, name: number): RequestClientSource {
  const { value } = a.evalChain(name, name + 1);
  return value?.t === 'client' ? sourceOfValue(a, value) : null;
}

/**
 * The client of a member value [start, end) that is `key`'s own method bound to its receiver
 * (`client.get.bind(client)` for `get`), or a name bound to such a value; null for anything else.
 */
function boundSource(a: CodeAnalyzer, key: string, start: number, end: number, followName = true): RequestClientSource {
  if (followName && end === start + 1 && a.isId(start)) {
    const binding = a.scopes.lookup(a.tokens.text(start), start, true);
    return binding && binding.expression >= 0 ? boundSource(a, key, binding.expression, expressionEnd(a, binding.expression), false) : null;
  }
  const call = a.is(end - 1, ')') ? a.partner[end - 1] : -1;
  const method = call - 3;
  const receiverEnd = call - 4;
  const bound = call > start && a.idIs(call - 1, 'bind') && a.isAccess(call - 2) && a.idIs(method, key) && a.isAccess(receiverEnd);
  const length = receiverEnd - start;
  if (!bound || length <= 0 || length > MAX_RECEIVER_TOKENS || end - 1 - (call + 1) !== length || !sameTokens(a, start, receiverEnd, call + 1)) {
    return null;
  }
  const receiver = a.evalChain(start, receiverEnd);
  return receiver.end === receiverEnd ? sourceOfValue(a, receiver.value) : null;
}

/**
 * `getRedisClient()` or `await getClient()` of a function imported from a project module, which the index
 * reads with no workspace: where it comes from, for the model to call it. Null for anything else.
 */
function importedCallSource(a: CodeAnalyzer, start: number, stop: number): RequestClientSource {
  const from = a.idIs(start, 'await') ? start + 1 : start;
  let open = from;
  while (open < stop && (a.isId(open) || a.isAccess(open))) {
    open++;
  }
  const close = a.is(open, '(') ? a.partner[open] : -1;
  if (open === from || close < 0 || !(close + 1 === stop || endsStatement(a, close + 1, start))) {
    return null;
  }
  const callee = a.evalChain(from, open);
  return callee.end === open && callee.value?.t === 'ref' && RELATIVE_MODULE.test(callee.value.module) ? { module: callee.value.module, path: callee.value.path, call: true } : null;
}

/** What the value at `start` (up to `stop`) hangs: a client, a bound-methods object's clients, or null. */
function sourcesAt(a: CodeAnalyzer, start: number, stop: number): RequestClientSource[] {
  if (a.is(start, '{') && a.partner[start] > start) {
    const after = a.partner[start] + 1;
    return after === stop || endsStatement(a, after, start) ? boundMethods(a, start) : [null];
  }
  const { value, end } = a.evalChain(start, stop);
  if (!value && !a.project) {
    return [importedCallSource(a, start, stop)];
  }
  return end === stop || endsStatement(a, end, start) ? [sourceOfValue(a, value)] : [null];
}

/** What a NestJS provider gives: its `useValue`, what its `useFactory` returns (a same-file function, or one a project module exports), or the imported class of its `useClass`. */
function providedSources(a: CodeAnalyzer, { start, stop, factory, useClass }: ProvidedValue): RequestClientSource[] {
  if (useClass) {
    // A class of a project module, by its import: an instance of it, no client.
    const imported = stop === start + 1 && a.isId(start) ? a.imports.get(a.tokens.text(start)) : undefined;
    return imported && imported.path !== '' && mayBeProjectModule(a, imported.module) ? [{ module: imported.module, path: imported.path, useClass: true }] : [null];
  }
  if (!factory) {
    return sourcesAt(a, start, stop);
  }
  let from = a.idIs(start, 'async') ? start + 1 : start;
  if (a.idIs(from, 'function')) {
    from += a.isId(from + 1) ? 2 : 1;
  }
  const scope = a.scopes.scopeAt(from);
  // An arrow or function expression in place; else a name that holds one, or a project module's function.
  const literal = a.scopes.kind(scope) === 'function' && a.scopes.start(scope) === from;
  const { value, end }: { value: Value | undefined; end: number } = literal ? { value: { t: 'function', scope, concise: a.functions.get(scope)?.concise ?? -1 }, end: stop } : a.evalChain(start, stop);
  if (end !== stop) {
    return [null];
  }
  if (value?.t === 'function') {
    return [sourceOfValue(a, a.returnValue(value))];
  }
  return value?.t === 'ref' && RELATIVE_MODULE.test(value.module) ? [{ module: value.module, path: value.path, call: true }] : [null];
}

/**
 * A TypeScript declaration that merges members into a framework's request or instance type, inside
 * `namespace Express` or `declare module 'x'`: the body `{` of `interface Request`, or -1.
 */
function mergedInterfaceBody(a: CodeAnalyzer, keyword: number): number {
  let body = keyword + 2;
  while (body < a.tokens.length && body - keyword < 32 && !a.is(body, '{') && !a.is(body, ';')) {
    body = a.is(body, '<') || a.is(body, '(') ? a.skipGroup(body) : body + 1;
  }
  const block = a.parent[keyword];
  // Not `declare global { interface Request }`: that is the Fetch API's request.
  const merging = block > 1 && a.is(block, '{') && ((a.idIs(block - 1, 'Express') && a.idIs(block - 2, 'namespace')) || (a.isString(block - 1) && a.idIs(block - 2, 'module')));
  return merging && a.is(body, '{') && a.scopes.kind(a.scopes.scopeAt(body)) === 'class' && a.scopes.start(a.scopes.scopeAt(body)) === body ? body : -1;
}

/**
 * What a file hangs on the requests and instances its middleware takes, by name, read once per file: for
 * each assignment `req.name = value` in middleware, each `decorate('name', value)`, and each client-typed
 * member of a merged request interface, the client or where it comes from (null: something else).
 */
export function hungClients(a: CodeAnalyzer): ReadonlyMap<string, RequestClientSource[]> {
  const known = hung.get(a);
  if (known || a.language.family !== 'js') {
    return known ?? new Map();
  }
  hung.set(a, new Map());
  reading.add(a);
  try {
    const found = readHung(a);
    hung.set(a, found);
    return found;
  } finally {
    reading.delete(a);
  }
}

function readHung(a: CodeAnalyzer): Map<string, RequestClientSource[]> {
  const found = new Map<string, RequestClientSource[]>();
  const add = (name: string, sources: readonly RequestClientSource[]): void => {
    const list = found.get(name) ?? [];
    if (name === '__proto__' || (list.length === 0 && found.size >= MAX_NAMES)) {
      return;
    }
    // Each source once (three methods bound to one client are one), and past the limit: unknown.
    const keys = new Set(list.map((source) => JSON.stringify(source)));
    for (const source of sources) {
      if (!keys.has(JSON.stringify(source))) {
        list.push(list.length < MAX_SOURCES ? source : null);
        keys.add(JSON.stringify(source));
      }
    }
    found.set(name, list);
  };
  // Whether each function is middleware, asked once however many names it hangs.
  const middleware = new Map<number, boolean>();
  for (const [object, sites] of a.memberAssignments) {
    for (const eq of sites) {
      const taken = firstParameterOf(a, a.scopes.lookup(object, assignedObject(a, eq))?.token ?? -1);
      if (!taken) {
        continue;
      }
      if (!middleware.has(taken.fn.scope)) {
        middleware.set(taken.fn.scope, isMiddleware(a, taken.fn, taken.names));
      }
      if (middleware.get(taken.fn.scope)) {
        add(a.tokens.text(assignedKey(a, eq)), sourcesAt(a, eq + 1, a.tokens.length));
      }
    }
  }
  // `global.cache = client`: read as `global.cache`, or as `cache`, in every module.
  for (const { name, start } of a.text.includes('global') ? globalAssignments(a) : []) {
    add(globalKey(name), sourcesAt(a, start, a.tokens.length));
  }
  // @fastify/redis decorates the instance with the client it opens: `fastify.redis`.
  const registered = fastifyRedisDecorations(a);
  if (registered.length > 0) {
    add('redis', registered);
  }
  // egg-redis mounts the client its config files describe on the application: `this.app.redis`.
  const egg = eggRedisDecorations(a);
  if (egg.length > 0) {
    add(EGG_REDIS, egg);
  }
  if (a.text.includes('provide')) {
    for (const provided of providedValues(a)) {
      add(provided.key, providedSources(a, provided));
    }
  }
  const decorates = a.text.includes('decorate');
  const merges = a.language.id === 'typescript' && a.text.includes('interface') && MERGING.test(a.text);
  for (let k = 0; (decorates || merges) && k < a.tokens.length; k++) {
    if (decorates && DECORATORS.has(a.id(k) ?? '') && a.isAccess(k - 1) && a.is(k + 1, '(') && a.isString(k + 2) && !a.tokens.interpolated(k + 2) && a.is(k + 3, ',')) {
      const close = a.partner[k + 1];
      if (close > k + 4 && !(close === k + 5 && PLACEHOLDERS.has(a.id(k + 4) ?? ''))) {
        add(a.tokens.text(k + 2), sourcesAt(a, k + 4, close));
      }
    } else if (merges && a.idIs(k, 'interface') && REQUEST_INTERFACES.has(a.id(k + 1) ?? '')) {
      const body = mergedInterfaceBody(a, k);
      const members = body > 0 ? a.scopes.bindingsIn(a.scopes.scopeAt(body)) : new Map();
      for (const member of members.keys()) {
        // A member of a type the reader does not know says nothing: the middleware's assignments tell.
        const value = member.startsWith('.') ? a.member({ t: 'instance', classScope: a.scopes.scopeAt(body) }, member.slice(1)) : undefined;
        if (value?.t === 'client') {
          add(member.slice(1), [sourceOfValue(a, value)]);
        }
      }
    }
  }
  return found;
}

/** `req: Request & { redis: Redis }`: the client type a parameter's annotation gives a member, if any. */
function annotatedMember(a: CodeAnalyzer, fn: FunctionScope, nameToken: number, name: string): Value | undefined {
  const limit = a.is(fn.params, '(') ? a.partner[fn.params] : -1;
  for (let k = nameToken + 1; k < limit && !a.is(k, ','); k = a.skipGroup(k)) {
    if (!a.is(k, '{')) {
      continue;
    }
    for (let m = k + 1; m < a.partner[k]; m = a.skipGroup(m)) {
      const colon = a.is(m + 1, '?') ? m + 2 : m + 1;
      if (a.idIs(m, name) && a.is(colon, ':') && (a.is(m - 1, '{') || a.is(m - 1, ';') || a.is(m - 1, ','))) {
        const typed = a.language.typeValue(a, colon + 1);
        return typed?.t === 'client' ? typed : undefined;
      }
    }
  }
  return undefined;
}

/** The client everything hung under `name` agrees on, in this file and (through the workspace) in the others. */
function agreedClient(a: CodeAnalyzer, name: string): Value | undefined {
  const agree = (): Value | null => {
    // A name imported from a project module was read with the workspace already: still a reference, it holds no client.
    const clients: (ExportedClient | undefined)[] = (hungClients(a).get(name) ?? []).map((source) => (source && 'client' in source ? source.client : undefined));
    const elsewhere = a.project?.requestClient?.(name);
    if (elsewhere === null) {
      return null;
    }
    if (elsewhere) {
      clients.push(elsewhere);
    }
    const first = clients[0];
    const key = first && JSON.stringify(first);
    return first && clients.every((client) => client !== undefined && JSON.stringify(client) === key) ? clientValue(first) : null;
  };
  return (reading.has(a) ? agree() : agreedMemo.get(a, name, agree)) ?? undefined;
}

/**
 * What `req.name` is, where the name at `base` holds nothing the analyzer knows: the client middleware hangs
 * there, when `req` is the request a handler takes. Undefined otherwise.
 */
export function requestClient(a: CodeAnalyzer, base: number, limit: number): Value | undefined {
  return base + 2 < limit && a.isAccess(base + 1) && a.isId(base + 2) ? requestMember(a, base, a.tokens.text(base + 2)) : undefined;
}

/** `global.cache`, or a bare `cache` the file does not bind, where modules put a client on the global object: that client, and where the chain ends. */
export function globalClient(a: CodeAnalyzer, base: number, limit: number): { value: Value; end: number; name: string } | undefined {
  const read = globalRead(a, base, limit);
  // Most files set no global and the workspace knows none by that name: the file's hung clients are then not read at all.
  const known = read && (globalsSetHere(a).has(read.name) || a.project?.requestClient?.(globalKey(read.name)) !== undefined);
  const value = known ? agreedClient(a, globalKey(read.name)) : undefined;
  return read && value ? { value, end: read.end, name: read.name } : undefined;
}

/** The names this file sets on the global object. */
const globalsSetHere = perFile((a) => new Set(a.text.includes('global') ? globalAssignments(a).map((assignment) => assignment.name) : []));

/** `this.app.redis` in an Egg.js application: the client every config file of the workspace agrees egg-redis mounts, and where the chain ends. */
export function eggApplicationRedis(a: CodeAnalyzer, base: number, limit: number): { value: Value; end: number } | undefined {
  if (a.language.family !== 'js' || !a.project?.requestClient) {
    return undefined;
  }
  const end = eggApplicationRedisEnd(a, base, limit);
  const value = end > 0 ? agreedClient(a, EGG_REDIS) : undefined;
  return value ? { value, end } : undefined;
}

/** `const { redis } = this.app` in an Egg.js application: the client egg-redis mounts, as for `this.app.redis`. */
export function eggApplicationMember(a: CodeAnalyzer, from: number, end: number, key: string): Value | undefined {
  if (key !== 'redis' || a.language.family !== 'js' || !a.project?.requestClient) {
    return undefined;
  }
  return eggApplicationEnd(a, from, end) === end ? agreedClient(a, EGG_REDIS) : undefined;
}

/** What member `name` of the request named at `base` is (`const { redis } = req`), as for `req.redis`. */
export function requestMember(a: CodeAnalyzer, base: number, name: string): Value | undefined {
  if (a.language.family !== 'js' || !a.isId(base)) {
    return undefined;
  }
  if (!isFirstParameterName(a, a.tokens.text(base))) {
    // `const app = Fastify()`: the instance, whose decorated members the workspace tells.
    return mentionsFastify(a) && boundToNewFastify(a, base) ? agreedClient(a, name) : undefined;
  }
  const binding = a.scopes.lookup(a.tokens.text(base), base);
  const taken = binding ? firstParameterOf(a, binding.token) : undefined;
  if (!taken || !takesRequest(a, taken.fn, taken.names)) {
    return undefined;
  }
  const member = (a.language.id === 'typescript' ? annotatedMember(a, taken.fn, taken.names[0], name) : undefined) ?? agreedClient(a, name);
  // A Fastify request's `server` is the instance (`req.server.redis`), when nothing is hung under that name.
  return member ?? (name === REQUEST_SERVER && taken.names.length >= 2 ? FASTIFY_INSTANCE : undefined);
}

/**
 * The framework types whose values carry what middleware hangs (`FastifyInstance`, `FastifyRequest`, Express's
 * `Request`, Koa's `Context`), by module. A value declared with one, wherever it is kept (a class field set from
 * a constructor parameter, `this.app.redis`; a parameter of a helper that is no handler), has those members.
 */
const FRAMEWORK_TYPES: Readonly<Record<string, ReadonlySet<string>>> = {
  fastify: new Set(['FastifyInstance', 'FastifyRequest']),
  express: new Set(['Request']),
  koa: new Set(['Context', 'ParameterizedContext']),
};

/**
 * A type annotation that names a framework's instance or request, imported from it, as a value (`app:
 * FastifyInstance`, `req: FastifyRequest<{ Params: P }>`); not one joined with other types (`Request & { redis:
 * Redis }`), whose members the annotation itself declares.
 */
export function frameworkType(a: CodeAnalyzer, start: number, imported: { module: string; path: string }): Value | undefined {
  if (!Object.hasOwn(FRAMEWORK_TYPES, imported.module) || !FRAMEWORK_TYPES[imported.module].has(imported.path) || a.is(start + 1, '.')) {
    return undefined;
  }
  const after = a.is(start + 1, '<') ? closeAngle(a, start + 1) + 1 : start + 1;
  return after > start && !a.is(after, '&') && !a.is(after, '|') ? { t: 'ref', module: imported.module, path: imported.path } : undefined;
}

/**
 * Member `name` of a value of a framework type (`frameworkType`): the client everything hung under the name agrees
 * on. A Fastify request's `server` is the instance that handles it (`request.server.redis`).
 */
export function frameworkMember(a: CodeAnalyzer, value: Value & { t: 'ref' }, name: string): Value | undefined {
  // `const app = require('fastify')({ logger: true })` binds the call as the package, which has no member of a decorated name.
  const required = value.module === 'fastify' && value.path === '';
  if (!required && (!Object.hasOwn(FRAMEWORK_TYPES, value.module) || !FRAMEWORK_TYPES[value.module].has(value.path))) {
    return undefined;
  }
  if (value.module === 'fastify' && value.path === 'FastifyRequest' && name === 'server') {
    return { t: 'ref', module: 'fastify', path: 'FastifyInstance' };
  }
  return agreedClient(a, name);
}

/** What a parameter declared at `name` and injected by token (`@Inject('REDIS') private redis: any`) receives: the client every provider of the token agrees on. */
export function injectedClient(a: CodeAnalyzer, name: number): Value | undefined {
  const key = a.language.family === 'js' ? injectionKey(a, name) : undefined;
  return key ? agreedClient(a, key) : undefined;
}
