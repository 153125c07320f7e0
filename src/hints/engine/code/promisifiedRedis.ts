/**
 * node-redis 2 and 3 commands promisified one by one with Node's `util.promisify`:
 * `const keysAsync = promisify(client.keys).bind(client)` (or `promisify(client.keys.bind(client))`) makes a
 * function that calls `client.keys` with a callback, so `await keysAsync('*')` sends KEYS. A method handed to
 * `promisify` without `bind` loses its client and sends nothing, so it is not read.
 * https://nodejs.org/api/util.html#utilpromisifyoriginal
 */
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { addRedisCall } from './redis';

const mentionsPromisify = new WeakMap<CodeAnalyzer, boolean>();
const UTIL_MODULES = new Set(['util', 'node:util']);

/** `keysAsync(...)` at `index`, a name bound to a promisified command of a Redis client: records that command. */
export function promisifiedRedisCall(a: CodeAnalyzer, index: number): void {
  let mentions = mentionsPromisify.get(a);
  if (mentions === undefined) {
    mentions = a.language.family === 'js' && a.text.includes('promisify');
    mentionsPromisify.set(a, mentions);
  }
  const binding = mentions ? a.scopes.lookup(a.tokens.text(index), index) : undefined;
  const command = binding && binding.expression >= 0 ? boundCommand(a, binding.expression) : undefined;
  if (command) {
    // The call has no receiver of its own: no quick fix rewrites it.
    addRedisCall(a, { index, command: command.name, name: a.tokenSpan(index), client: command.client, receiverStart: index, sent: true });
  }
}

/** The command and client of `promisify(r.cmd).bind(r)`, `promisify(r.cmd.bind(r))` or `util.promisify(...)` at `start`. */
function boundCommand(a: CodeAnalyzer, start: number): { name: string; client: { flavor?: 'node-redis' | 'ioredis' } } | undefined {
  const utilRead = a.isId(start) && a.isAccess(start + 1) && a.idIs(start + 2, 'promisify');
  const fn = utilRead ? start + 2 : start;
  const open = fn + 1;
  const close = a.is(open, '(') ? a.partner[open] : -1;
  if (close < 0 || !a.idIs(fn, 'promisify') || !UTIL_MODULES.has(a.imports.get(utilRead ? a.tokens.text(start) : 'promisify')?.module ?? '')) {
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
  const client = a.evalChain(open + 1, method - 1).value;
  const flavor = client?.t === 'client' && client.kind === 'redis' ? (client.flavor ?? 'ioredis') : undefined;
  return flavor === 'node-redis' || flavor === 'ioredis' ? { name: normalizeName(a.tokens.text(method)), client: { flavor } } : undefined;
}

/** `.bind(` at `k`. */
function isBind(a: CodeAnalyzer, k: number): boolean {
  return k > 0 && a.isAccess(k) && a.idIs(k + 1, 'bind') && a.is(k + 2, '(');
}
