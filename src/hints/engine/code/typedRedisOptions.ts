/**
 * Redis client options declared with a client library's own type, read where they are written:
 * `export const connection: ConnectionOptions = {...}` (bullmq), `const options: RedisOptions = {...}` and
 * `ClusterOptions` (ioredis), `RedisClientOptions` and `RedisClusterOptions` (node-redis 4), also through a
 * namespace import (`Redis.ClusterOptions` with `import type * as Redis from 'ioredis'`), and the Bull options that
 * hold them under `redis` (`BullModuleOptions`, bull's `QueueOptions`, the factory of a `SharedBullAsyncConfiguration`),
 * also as `{...} as T` or `satisfies T` and as what a function typed to return them returns (`(config: ConfigService):
 * BullModuleOptions => ({ redis: {...} })`), each object it returns where its return type is a union of them
 * (`(): RedisClusterOptions | RedisClientOptions => { if (cluster) { return {...} } return {...} }`).
 * The type says whose options they are, so a configuration module whose object is handed to the client through
 * dependency injection, out of sight, gets the Redis rules on its password and TLS settings. An object that a
 * call or another file's call reads already is left to it.
 */
import type { RedisFlavor } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { redisObjectOptions } from './redisOptions';
import { factoryObject, keyValue, returnedLiteral } from './sqlOrmJs';
import { tokensNamed } from './tokenIndex';

/** Types of a client's own options, by module. */
const CLIENT_TYPES: Readonly<Record<string, Readonly<Record<string, RedisFlavor>>>> = {
  ioredis: { RedisOptions: 'ioredis', ClusterOptions: 'ioredis' },
  bullmq: { ConnectionOptions: 'ioredis' },
  redis: { RedisClientOptions: 'node-redis', RedisClusterOptions: 'node-redis' },
  '@redis/client': { RedisClientOptions: 'node-redis', RedisClusterOptions: 'node-redis' },
};
/** Types of Bull's options, which hold ioredis options under `redis`; `factory`: the options are what `useFactory` returns. */
const BULL_TYPES: Readonly<Record<string, Readonly<Record<string, { factory: boolean }>>>> = {
  '@nestjs/bull': { BullModuleOptions: { factory: false }, BullRootModuleOptions: { factory: false }, SharedBullAsyncConfiguration: { factory: true } },
  bull: { QueueOptions: { factory: false } },
};

export function typedRedisOptions(a: CodeAnalyzer): void {
  if (a.language.id !== 'typescript') {
    return;
  }
  const types = new Map<string, { flavor: RedisFlavor; factory?: boolean }>();
  // `import type * as Redis from 'ioredis'`: the module's option types, written `Redis.ClusterOptions`.
  const namespaces = new Map<string, Readonly<Record<string, RedisFlavor>>>();
  for (const [name, imported] of a.imports) {
    const flavor = Object.hasOwn(CLIENT_TYPES, imported.module) && Object.hasOwn(CLIENT_TYPES[imported.module], imported.path) ? CLIENT_TYPES[imported.module][imported.path] : undefined;
    const bull = Object.hasOwn(BULL_TYPES, imported.module) && Object.hasOwn(BULL_TYPES[imported.module], imported.path) ? BULL_TYPES[imported.module][imported.path] : undefined;
    if (flavor) {
      types.set(name, { flavor });
    } else if (bull) {
      types.set(name, { flavor: 'ioredis', factory: bull.factory });
    } else if (imported.path === '' && Object.hasOwn(CLIENT_TYPES, imported.module)) {
      namespaces.set(name, CLIENT_TYPES[imported.module]);
    }
  }
  if (types.size === 0 && namespaces.size === 0) {
    return;
  }
  const typeAt = (k: number): { flavor: RedisFlavor; factory?: boolean; start: number } | undefined => {
    const name = a.tokens.text(k);
    if (!a.isAccess(k - 1)) {
      const type = types.get(name);
      return type && { ...type, start: k };
    }
    const members = a.isId(k - 2) && !a.isAccess(k - 3) ? namespaces.get(a.tokens.text(k - 2)) : undefined;
    return members && Object.hasOwn(members, name) ? { flavor: members[name], start: k - 2 } : undefined;
  };
  for (let k = 2; k < a.tokens.length; k++) {
    const type = a.isId(k) ? typeAt(k) : undefined;
    for (const written of type ? typedObjects(a, type.start, k, typeAt) : []) {
      let object = written;
      if (type!.factory !== undefined) {
        const options = type!.factory ? factoryObject(a, written) : written;
        object = options >= 0 ? keyValue(a, options, 'redis') : -1;
      }
      if (object >= 0 && a.is(object, '{') && a.partner[object] > object && !readAlready(a, object) && !spreadElsewhere(a, written, object)) {
        redisObjectOptions(a, object, type!.flavor, a.tokenSpan(k));
      }
    }
  }
}

/**
 * The `{` of each object literal the type written from `start` to `k` types: declared, asserted, or returned by a
 * function typed with it, or with a union of it and other option types (`typeAt` tells them) or object types.
 */
function typedObjects(a: CodeAnalyzer, start: number, k: number, typeAt: (k: number) => unknown): number[] {
  if (a.is(start - 1, ':') && a.isId(start - 2) && a.is(k + 1, '=') && a.is(k + 2, '{')) {
    return [k + 2];
  }
  if ((a.idIs(start - 1, 'as') || a.idIs(start - 1, 'satisfies')) && a.is(start - 2, '}')) {
    return [a.partner[start - 2]];
  }
  const promised = a.is(start - 1, '<') && a.idIs(start - 2, 'Promise') && a.is(start - 3, ':') && a.is(start - 4, ')') && a.is(k + 1, '>');
  if (promised || (a.is(start - 1, ':') && a.is(start - 2, ')') && !a.is(k + 1, '|'))) {
    const after = promised ? k + 2 : k + 1;
    const literal = returnedLiteral(a, a.is(after, '=>') ? after + 1 : after);
    return literal >= 0 ? [literal] : [];
  }
  return unionReturned(a, start, k, typeAt);
}

/** Words a union of option types may hold besides them. */
const EMPTY_TYPES = new Set(['undefined', 'null']);

/**
 * The object literals a function returns whose declared return type is a union of option types (the one written
 * `start` to `k` among them), object types, `undefined` and `null`: the union starts after the parameters' `):`, the
 * body after it (`=> {` or `{`); the last option type of such a union is the one that reads it, so each function is
 * read once.
 */
function unionReturned(a: CodeAnalyzer, start: number, k: number, typeAt: (k: number) => unknown): number[] {
  let end = k;
  while (a.is(end + 1, '|') && a.isId(end + 2) && EMPTY_TYPES.has(a.tokens.text(end + 2))) {
    end += 2;
  }
  if (a.is(end + 1, '|')) {
    return [];
  }
  let first = start;
  while (a.is(first - 1, '|')) {
    const last = first - 2;
    if (a.is(last, ':')) {
      // A `|` before the first member, as formatters write a union over several lines.
      first -= 1;
      break;
    }
    if (a.is(last, '}') && a.partner[last] >= 0) {
      first = a.partner[last];
    } else if (a.isId(last) && (typeAt(last) !== undefined || EMPTY_TYPES.has(a.tokens.text(last)))) {
      first = a.isAccess(last - 1) ? last - 2 : last;
    } else {
      return [];
    }
  }
  if ((first === start && end === k) || !a.is(first - 1, ':') || !a.is(first - 2, ')')) {
    return [];
  }
  const body = a.is(end + 1, '=>') ? end + 2 : end + 1;
  if (a.is(body, '(') && a.is(body + 1, '{')) {
    return [body + 1];
  }
  const fn = a.is(body, '{') ? a.functions.get(a.scopes.enclosing(body + 1, ['function'])) : undefined;
  if (fn?.body !== body) {
    return [];
  }
  const objects: number[] = [];
  for (const returned of a.returnStarts(fn)) {
    const object = a.is(returned, '(') && a.is(returned + 1, '{') ? returned + 1 : returned;
    if (a.is(object, '{')) {
      objects.push(object);
    }
  }
  return objects;
}

/**
 * Whether the object is declared under a name the file spreads into other options (`{ ...baseOptions, tls }`): those
 * options, read where the client is made (some perhaps with TLS), judge it, not the object on its own.
 */
function spreadElsewhere(a: CodeAnalyzer, written: number, object: number): boolean {
  const declared = written === object && a.is(object - 1, '=') && a.is(object - 3, ':') && a.isId(object - 4) ? a.tokens.text(object - 4) : undefined;
  return declared !== undefined && tokensNamed(a, declared).some((k) => a.tokens.isSpread(k - 3));
}

/** Whether a Redis client context of the file holds an option written inside the object already (a call or another file read it). */
function readAlready(a: CodeAnalyzer, object: number): boolean {
  const from = a.tokens.starts[object];
  const to = a.tokens.ends[a.partner[object]];
  return a.contexts.some((context) => context.kind === 'redis-client' && context.options.some((option) => option.key.start >= from && option.key.end <= to));
}
