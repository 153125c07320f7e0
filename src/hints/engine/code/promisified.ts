/**
 * Client methods promisified one by one: `const scanAsync = promisify(docClient.scan).bind(docClient)`, or
 * `promisify(client.keys.bind(client))`, makes a function that calls the method with a callback, so
 * `await scanAsync(params)` sends that method's request (https://nodejs.org/api/util.html#utilpromisifyoriginal;
 * es6-promisify's `promisify` does the same, https://github.com/mikehall314/es6-promisify). Read for the
 * callback clients that were promisified so: node-redis 2 and 3 (and ioredis), and the AWS SDK for
 * JavaScript v2's DynamoDB, DocumentClient and RDS Data API clients. A method handed to `promisify` without
 * `bind` loses its client and sends nothing, so it is not read. Bluebird's `promisify` calls the function with
 * the `this` it is called with, as Node's does (http://bluebirdjs.com/docs/api/promise.promisify.html). A module
 * that exports such a function (`module.exports = { getAsync: promisify(client.get).bind(client) }`) sends the
 * method from its importers' calls too (`importedSender` in `projectImports.ts`). So does a field a class sets to one
 * (`this.setAsync = promisify(this.client.set).bind(this.client)` in `onModuleInit`), called as `this.setAsync(key, v)`.
 */
import { operationOfMethod } from '../services';
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { isProjectPath } from './calledRequire';
import { perFile } from './fileMemo';
import { addRedisCall } from './redis';
import type { Value } from './values';

const PROMISIFY_MODULES = new Set(['util', 'node:util', 'es6-promisify', 'bluebird']);
/** SDK v2 clients whose methods take a callback (v3 clients return promises and are not promisified). */
const CALLBACK_CLIENTS = new Set(['dynamodb', 'dynamodb-document', 'rds-data']);
/** Whether the file names `promisify` at all: the cheap test before any binding is looked up. */
const mentionsPromisify = perFile((a) => a.language.family === 'js' && a.text.includes('promisify'));

/** `scanAsync(...)` at `index`, a name bound to a promisified client method: records the command or request it sends. */
export function promisifiedCall(a: CodeAnalyzer, index: number): void {
  const binding = mentionsPromisify(a) ? a.scopes.lookup(a.tokens.text(index), index) : undefined;
  const sent = binding ? promisifiedMethodAt(a, binding.expression) : undefined;
  if (sent) {
    sentMethodCall(a, index, sent.client, sent.method);
  }
}

/**
 * The client method that field `name` of the class at `classScope` sends when called: every assignment of the field
 * that gives it a value promisifies the same method (a bare declaration, `private setAsync: any;`, gives none).
 */
export function promisifiedField(a: CodeAnalyzer, classScope: number, name: string): { client: Value & { t: 'client' }; method: string } | undefined {
  if (!mentionsPromisify(a)) {
    return undefined;
  }
  let sent: { client: Value & { t: 'client' }; method: string } | undefined;
  for (const binding of a.scopes.memberBindings(classScope, name)) {
    if (binding.expression < 0) {
      continue;
    }
    const each = promisifiedMethodAt(a, binding.expression);
    if (!each || (sent && sent.method !== each.method)) {
      return undefined;
    }
    sent = each;
  }
  return sent;
}

/** The client method that the promisified function made by the expression at `start` sends (`promisify(r.get).bind(r)`), and the token after the expression. */
export function promisifiedMethodAt(a: CodeAnalyzer, start: number): { client: Value & { t: 'client' }; method: string; after: number } | undefined {
  const bound = mentionsPromisify(a) ? boundMethod(a, start) : undefined;
  const client = bound?.client;
  return bound && client?.t === 'client' ? { client, method: a.tokens.text(bound.method), after: bound.after } : undefined;
}

/** A call at `index` of a function that sends `method` of `client` (a promisified method, of this module or another): records the command or request. */
export function sentMethodCall(a: CodeAnalyzer, index: number, client: Value & { t: 'client' }, method: string): void {
  if (client.kind === 'redis' && (client.flavor === undefined || client.flavor === 'node-redis' || client.flavor === 'ioredis')) {
    // The call has no receiver of its own: no quick fix rewrites it. Its arguments are the command's.
    addRedisCall(a, { index, command: normalizeName(method), name: a.tokenSpan(index), client: { flavor: client.flavor ?? 'ioredis' }, receiverStart: index, sent: true, ownArguments: true });
    return;
  }
  const operation = CALLBACK_CLIENTS.has(client.kind) ? operationOfMethod(client.kind, method) : undefined;
  const open = index + 1;
  if (operation && a.partner[open] > open) {
    const request = a.language.requestForCall(a, open, a.partner[open], operation);
    a.addOperation({ operation, name: a.tokenSpan(index), call: true, paginated: false, tokenIndex: index, ...(request ? { request } : {}) });
  }
}

/** The method and client of `promisify(r.cmd).bind(r)`, `promisify(r.cmd.bind(r))` or `util.promisify(...)` at `start`, and the token after it. */
function boundMethod(a: CodeAnalyzer, start: number): { method: number; after: number; client: Value | undefined } | undefined {
  if (start < 0) {
    return undefined;
  }
  const moduleRead = a.isId(start) && a.isAccess(start + 1) && a.idIs(start + 2, 'promisify');
  const fn = moduleRead ? start + 2 : start;
  const open = fn + 1;
  const close = a.is(open, '(') ? a.partner[open] : -1;
  if (close < 0 || !a.idIs(fn, 'promisify') || !isPromisifier(a, moduleRead ? a.tokens.text(start) : 'promisify', fn)) {
    return undefined;
  }
  // `promisify(r.cmd).bind(r)` binds outside; `promisify(r.cmd.bind(r))` inside.
  const bindsOutside = isBind(a, close + 1);
  const bindsInside = !bindsOutside && a.is(close - 1, ')') && isBind(a, a.partner[close - 1] - 2);
  const end = bindsInside ? a.partner[close - 1] - 2 : close;
  const method = end - 1;
  if ((!bindsOutside && !bindsInside) || !a.isId(method) || !a.isAccess(method - 1) || method - 2 < open + 1) {
    return undefined;
  }
  const after = bindsOutside ? a.partner[close + 3] + 1 : close + 1;
  return { method, after, client: a.evalChain(open + 1, method - 1).value };
}

/**
 * Whether `name` (the `promisify` function, or the module object it is read from) is a promisifier: Node's, es6-promisify's
 * or bluebird's, or the project's own, imported from one of its files or declared in this one (`const promisify = fn =>
 * (...args) => new Promise(...)`). A method handed to it bound to its client (the shapes `boundMethod` takes) is only ever
 * called with a callback appended, so any function of that name that takes one is read as Node's.
 */
function isPromisifier(a: CodeAnalyzer, name: string, at: number): boolean {
  const module = a.imports.get(name)?.module;
  if (module !== undefined) {
    return PROMISIFY_MODULES.has(module) || isProjectPath(module);
  }
  return name === 'promisify' && a.scopes.lookup(name, at) !== undefined;
}

/** `.bind(` at `k`. */
function isBind(a: CodeAnalyzer, k: number): boolean {
  return k > 0 && a.isAccess(k) && a.idIs(k + 1, 'bind') && a.is(k + 2, '(');
}
