/**
 * Valkey GLIDE, the client AWS builds for ElastiCache, in Node (`@valkey/valkey-glide`) and Python (`glide`, and
 * `glide_sync` for its synchronous client): its clients as Redis clients, the options its configurations take, and
 * how its commands take keys. As its sources define them (github.com/valkey-io/valkey-glide: node/src/BaseClient.ts,
 * GlideClient.ts, python/glide-shared/glide_shared/config.py):
 * - Node: `GlideClient.createClient(config)` and `GlideClusterClient.createClient(config)` make a client, whose
 *   commands return promises (`await client.get(key)`); `BaseClient` is the class both extend.
 * - Python: `await GlideClient.create(config)` and `GlideClusterClient.create(config)` make one (coroutines of the
 *   asyncio client; `glide_sync`'s block); the options are those of the `GlideClientConfiguration(addresses,
 *   use_tls, credentials, ...)` or `GlideClusterClientConfiguration(...)` it is given, with `ServerCredentials(password,
 *   username)` for AUTH.
 * - `useTLS` / `use_tls` is off unless set ("If not set, TLS is off": `tlsMode: options.useTLS ? SecureTls : NoTls`);
 *   `tlsAdvancedConfiguration: { insecure: true }` (Python `TlsAdvancedConfiguration(use_insecure_tls=True)`) skips
 *   certificate verification.
 * - `del`, `unlink`, `exists`, `mget` (Python `delete`, ...) take a list of keys: one command for a batch of them;
 *   there is no `keys` method, KEYS goes through `customCommand(["KEYS", pattern])` (Python `custom_command`).
 * - Commands queued on a `Batch` or `ClusterBatch` (`Transaction` before 2.0) go out together with `exec`: the
 *   batch is no client, so nothing queued on it counts as a round trip.
 */
import { OptionContext } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { contextFrom, positionalOption } from './options';
import type { RedisCallSite } from './redis';
import { Value } from './values';

export const GLIDE_NODE_MODULE = '@valkey/valkey-glide';
/** The asyncio client's package, its synchronous one's, and the configuration classes both share. */
const PYTHON_ASYNC = /^glide(?:\.|$)/;
const PYTHON_SYNC = /^glide_sync(?:\.|$)/;
const PYTHON_SHARED = /^glide_shared(?:\.|$)/;

const ASYNC_CLIENT: Value = { t: 'client', kind: 'redis', flavor: 'glide' };
const SYNC_CLIENT: Value = { t: 'client', kind: 'redis', flavor: 'glide-sync' };
const CLIENT_CLASSES = new Set(['GlideClient', 'GlideClusterClient']);
const NODE_TYPES = new Set([...CLIENT_CLASSES, 'BaseClient']);
const PYTHON_TYPES = new Set([...CLIENT_CLASSES, 'TGlideClient']);
const CONFIGURATIONS = new Set(['GlideClientConfiguration', 'GlideClusterClientConfiguration']);

/** Whether a Python module is one of GLIDE's: a file that imports one may make a Redis client. */
export function isGlidePythonModule(module: string): boolean {
  return PYTHON_ASYNC.test(module) || PYTHON_SYNC.test(module) || PYTHON_SHARED.test(module);
}

/**
 * What a GLIDE name or call gives: a client for a client class read as a type (`private client: GlideClient`) and
 * for its factory (`GlideClient.createClient` in Node, `GlideClient.create` in Python); nothing for the rest
 * (configurations, batches, options).
 */
export function glideResult(module: string, path: string, python: boolean): Value | undefined {
  const dot = path.indexOf('.');
  const type = dot < 0 ? path : path.slice(0, dot);
  const method = dot < 0 ? '' : path.slice(dot + 1);
  if (!python) {
    return module === GLIDE_NODE_MODULE && (method === '' ? NODE_TYPES.has(type) : method === 'createClient' && CLIENT_CLASSES.has(type)) ? ASYNC_CLIENT : undefined;
  }
  const client = PYTHON_SYNC.test(module) ? SYNC_CLIENT : PYTHON_ASYNC.test(module) ? ASYNC_CLIENT : undefined;
  return client && (method === '' ? PYTHON_TYPES.has(type) : method === 'create' && CLIENT_CLASSES.has(type)) ? client : undefined;
}

/** Positions of the configuration's arguments before the first keyword: `GlideClientConfiguration(addresses, use_tls, credentials, ...)`. */
const PYTHON_POSITIONS = ['addresses', 'use_tls', 'credentials'];

/**
 * `GlideClientConfiguration(...)` of a GLIDE module at the name token (`open` is its `(`): the options of the client it
 * configures, with `use_tls` and `credentials` written by position, and the password of the `ServerCredentials(...)`
 * its `credentials` holds, written there or held by a variable of the file. Returns whether the call was one.
 */
export function glidePythonConfiguration(a: CodeAnalyzer, module: string, path: string, open: number): boolean {
  if (!CONFIGURATIONS.has(path) || !isGlidePythonModule(module) || a.partner[open] < 0) {
    return false;
  }
  const context = contextFrom(a, open, a.partner[open], 'redis-client', PYTHON_SYNC.test(module) ? 'glide-sync' : 'glide', a.tokenSpan(open - 1));
  const written = segments(a, open);
  for (let position = 0; position < written.length && position < PYTHON_POSITIONS.length; position++) {
    const [start, end] = written[position];
    if (a.is(start, '*') || a.is(start, '**') || (a.isId(start) && a.is(start + 1, '='))) {
      break;
    }
    if (position > 0) {
      context.options.push(positionalOption(a, start, end, PYTHON_POSITIONS[position]));
    } else {
      context.options.push(...addressHosts(a, start, end));
    }
  }
  for (const option of context.options.slice()) {
    if (option.norm === 'credentials' || option.norm === 'advancedconfig') {
      context.options.push(...nestedOptions(a, context, option.value));
    } else if (option.norm === 'addresses') {
      const [start, end] = a.tokensOf(option.value);
      context.options.push(...addressHosts(a, start, end));
    }
  }
  a.contexts.push(context);
  return true;
}

/**
 * The host of the one address of `[NodeAddress("localhost", 6379)]` (or `NodeAddress(host="localhost")`), written
 * `start` to `end`: it tells a local server, which the TLS rules leave alone.
 */
function addressHosts(a: CodeAnalyzer, start: number, end: number): OptionContext['options'] {
  const name = start + 1;
  const open = name + 1;
  if (!a.is(start, '[') || a.partner[start] + 1 !== end || !a.idIs(name, 'NodeAddress') || !a.is(open, '(') || a.partner[open] + 2 !== end) {
    return [];
  }
  const host = contextFrom(a, open, a.partner[open], 'redis-client', 'glide', a.tokenSpan(name)).options.filter((option) => option.norm === 'host');
  const [first, stop] = segments(a, open)[0] ?? [-1, -1];
  return first >= 0 && a.isString(first) && stop === first + 1 ? [positionalOption(a, first, stop, 'host')] : host;
}

/** The keyword and leading positional options of `ServerCredentials(...)` or `AdvancedGlideClientConfiguration(...)`, in place or held by a name. */
function nestedOptions(a: CodeAnalyzer, context: OptionContext, value: { start: number; end: number }): OptionContext['options'] {
  let [first, end] = a.tokensOf(value);
  if (a.isId(first) && end === first + 1) {
    const binding = a.scopes.lookup(a.tokens.text(first), first);
    if (!binding || binding.expression < 0) {
      return [];
    }
    first = binding.expression;
    end = a.skipGroup(first + 1);
  }
  const open = first + 1;
  if (!a.isId(first) || !a.is(open, '(') || a.partner[open] + 1 !== end) {
    return [];
  }
  const name = a.tokens.text(first);
  const nested = contextFrom(a, open, a.partner[open], 'redis-client', context.type, context.anchor);
  const [start, stop] = segments(a, open)[0] ?? [-1, -1];
  // `ServerCredentials(password, username)`: the password comes first.
  if (name === 'ServerCredentials' && start >= 0 && !(a.isId(start) && a.is(start + 1, '='))) {
    nested.options.push(positionalOption(a, start, stop, 'password'));
  }
  const advanced = nested.options.filter((option) => option.norm === 'tlsconfig');
  return [...nested.options, ...advanced.flatMap((option) => nestedOptions(a, context, option.value))];
}

/** GLIDE commands that take a list of keys (`del(keys: GlideString[])`): one command, one round trip, for the whole list. */
const KEY_LIST_COMMANDS = new Set(['del', 'delete', 'unlink', 'exists', 'mget']);

/** The `[` or `{` that opens a list written out from `start` to `end`: `[key]`, Go's `[]string{key}`, Java's `new String[] {key}`; -1 for anything else. */
function listOpen(a: CodeAnalyzer, start: number, end: number): number {
  if (a.is(start, '[') && a.partner[start] + 1 === end) {
    return start;
  }
  const go = a.is(start, '[') && a.is(start + 1, ']') && a.isId(start + 2) ? start + 3 : -1;
  const java = a.idIs(start, 'new') && a.isId(start + 1) && a.is(start + 2, '[') && a.is(start + 3, ']') ? start + 4 : -1;
  const brace = Math.max(go, java);
  return brace > 0 && a.is(brace, '{') && a.partner[brace] + 1 === end ? brace : -1;
}

/**
 * A GLIDE command that sends a batch of keys at once: a key-list command given anything but a list of one key
 * written out (`del([key])`, Go's `Del(ctx, []string{key})`, is one key; `del(keys)`, `del([...keys])` many).
 */
export function glideKeyBatch(a: CodeAnalyzer, command: string, open: number): boolean {
  if (!KEY_LIST_COMMANDS.has(command)) {
    return false;
  }
  const [start, end] = segments(a, open)[keysAt(a)] ?? [-1, -1];
  const list = start < 0 ? -1 : listOpen(a, start, end);
  if (list < 0) {
    return start >= 0;
  }
  const listed = segments(a, list);
  return listed.length !== 1 || a.tokens.isSpread(listed[0][0]) || a.is(listed[0][0], '*');
}

/** Which argument holds the keys or the command: Go's commands take the context first. */
function keysAt(a: CodeAnalyzer): number {
  return a.language.family === 'go' ? 1 : 0;
}

/**
 * The token of the command `customCommand` sends, written in a list (`open` is its `(`): Go's
 * `CustomCommand(ctx, []string{"KEYS", "*"})`, Java's `customCommand(new String[] {"KEYS", "*"})`; -1 for none.
 */
export function glideSentToken(a: CodeAnalyzer, open: number): number {
  const [start, end] = segments(a, open)[keysAt(a)] ?? [-1, -1];
  const list = start < 0 ? -1 : listOpen(a, start, end);
  return list > start ? list + 1 : -1;
}

/** A GLIDE client's site with its key batches: the same client, batched where the command takes many keys at once. */
export function glideSite(a: CodeAnalyzer, client: RedisCallSite['client'], command: string, open: number): RedisCallSite['client'] {
  return glideKeyBatch(a, command, open) ? { ...client, batched: true } : client;
}
