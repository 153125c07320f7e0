/**
 * Go interfaces a project declares over go-redis commands, so as to take a client or a test double
 * (`type Cache interface { Get(ctx context.Context, key string) *redis.StringCmd; Del(ctx context.Context,
 * keys ...string) *redis.IntCmd }`, often with `var _ Cache = (*redis.Client)(nil)`): a value of such a type is a
 * go-redis client whose commands go out as `redis.Cmdable`'s do. Only an interface whose every method returns a
 * go-redis command, pipeline or `PubSub` (or is `Close() error`, or go-redis's `Watch` over a `func(*redis.Tx) error`) counts: a method of the project's own (`Keys(ctx) ([]string, error)`)
 * may do anything under a command's name. Declared in the file, in another file of its package, or in another
 * package of the workspace's module (`cache.Store`), as the workspace model reads them (`workspace/goPackages.ts`).
 */
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import { Value } from '../values';
import { goClientType } from './goClients';
import { goProjectInterface } from './goProject';

/** The file's own interfaces over go-redis commands, by name. */
const ownInterfaces = new FileMemo<'interfaces', ReadonlySet<string>>();

/** The client a declared type at `k` stands for when it names such an interface (`Cache`, `cache.Store`), or undefined. */
export function goInterfaceType(a: CodeAnalyzer, k: number): Value | undefined {
  const name = a.id(k);
  if (!name || a.isAccess(k - 1)) {
    return undefined;
  }
  if (a.is(k + 1, '.') && a.isId(k + 2)) {
    return a.goPackages.has(name) ? undefined : goProjectInterface(a, name, a.tokens.text(k + 2));
  }
  if (ownInterfaces.get(a, 'interfaces', () => declaredInterfaces(a, 'redis', commandsOnly)).has(name)) {
    return goClientType('redis', 'Cmdable');
  }
  return goProjectInterface(a, undefined, name);
}

/**
 * The interfaces the file declares (`type name interface { ... }` at the start of a line) whose body, at its `{`,
 * `accepts`, in a file that imports the Go package `library` (`redis` for go-redis, `redigo`).
 */
export function declaredInterfaces(a: CodeAnalyzer, library: string, accepts: (a: CodeAnalyzer, brace: number) => boolean): ReadonlySet<string> {
  const found = new Set<string>();
  if (![...a.goPackages.values()].includes(library) || !a.text.includes('interface')) {
    return found;
  }
  for (let k = 0; k + 3 < a.tokens.length; k++) {
    if (a.idIs(k, 'type') && a.startsLine(k) && a.isId(k + 1) && a.idIs(k + 2, 'interface') && a.is(k + 3, '{') && accepts(a, k + 3)) {
      found.add(a.tokens.text(k + 1));
    }
  }
  return found;
}

/** Whether an interface body (its `{` at `brace`) has at least one go-redis command and nothing but commands and `Close() error`. */
function commandsOnly(a: CodeAnalyzer, brace: number): boolean {
  const close = a.partner[brace];
  let commands = 0;
  for (let k = brace + 1; k > 0 && k < close; ) {
    const line = memberLine(a, k, close);
    if (line === 'other') {
      return false;
    }
    commands += line === 'command' ? 1 : 0;
    k = nextLine(a, k, close);
  }
  return commands > 0;
}

/** The first token of the next line of the body, or its `}`. */
function nextLine(a: CodeAnalyzer, k: number, close: number): number {
  let j = a.skipGroup(k);
  while (j < close && !a.startsLine(j)) {
    j = a.skipGroup(j);
  }
  return j;
}

/** One member of an interface from `k`: a go-redis command's method or embedded group, the client's `Close() error`, or another member. */
function memberLine(a: CodeAnalyzer, k: number, close: number): 'command' | 'close' | 'other' {
  if (a.is(k, ';')) {
    return 'close';
  }
  if (a.isId(k) && a.is(k + 1, '.') && a.isId(k + 2)) {
    // An embedded group: `redis.Cmdable`, `redis.StringCmdable`.
    return isRedisPackage(a, k) && a.tokens.text(k + 2).endsWith('Cmdable') && endsLine(a, k + 3, close) ? 'command' : 'other';
  }
  const open = k + 1;
  if (!a.isId(k) || !a.is(open, '(') || a.partner[open] < 0) {
    return 'other';
  }
  let result = a.partner[open] + 1;
  if (a.idIs(k, 'Close') && a.idIs(result, 'error') && endsLine(a, result + 1, close)) {
    return 'close';
  }
  if (a.idIs(k, 'Watch') && a.idIs(result, 'error') && endsLine(a, result + 1, close)) {
    // go-redis's optimistic transaction, `Watch(ctx, fn func(*redis.Tx) error, keys ...string) error`: its callback takes the library's `Tx`.
    return takesRedisTx(a, open) ? 'command' : 'other';
  }
  result += a.is(result, '*') ? 1 : 0;
  const type = result + 2;
  // A command's reply (`*redis.StringCmd`), a pipeline, or the `*redis.PubSub` that `Subscribe` gives.
  const command = isRedisPackage(a, result) && a.is(result + 1, '.') && a.isId(type) && (a.tokens.text(type).endsWith('Cmd') || a.idIs(type, 'Pipeliner') || a.idIs(type, 'PubSub'));
  return command && endsLine(a, type + 1, close) ? 'command' : 'other';
}

/** Whether a parameter list (its `(` at `open`) holds a callback over go-redis's transaction: `func(*redis.Tx) error`. */
function takesRedisTx(a: CodeAnalyzer, open: number): boolean {
  const close = a.partner[open];
  for (let k = open + 1; k + 5 < close; k++) {
    if (a.idIs(k, 'func') && a.is(k + 1, '(') && a.is(k + 2, '*') && isRedisPackage(a, k + 3) && a.is(k + 4, '.') && a.idIs(k + 5, 'Tx')) {
      return true;
    }
  }
  return false;
}

function isRedisPackage(a: CodeAnalyzer, k: number): boolean {
  return a.goPackages.get(a.id(k) ?? '') === 'redis';
}

function endsLine(a: CodeAnalyzer, k: number, close: number): boolean {
  return k >= close || a.startsLine(k) || a.is(k, ';');
}
