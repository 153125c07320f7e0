/**
 * Redis client options declared with a client library's own type, read where they are written:
 * `export const connection: ConnectionOptions = {...}` (bullmq), `const options: RedisOptions = {...}` (ioredis),
 * `RedisClientOptions` (node-redis 4), and the Bull options that hold them under `redis` (`BullModuleOptions`,
 * bull's `QueueOptions`, the factory of a `SharedBullAsyncConfiguration`), also as `{...} as T` or `satisfies T`
 * and as what a function typed to return them returns (`(config: ConfigService): BullModuleOptions => ({ redis: {...} })`).
 * The type says whose options they are, so a configuration module whose object is handed to the client through
 * dependency injection, out of sight, gets the Redis rules on its password and TLS settings. An object that a
 * call or another file's call reads already is left to it.
 */
import type { RedisFlavor } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { redisObjectOptions } from './redis';
import { factoryObject, keyValue, returnedLiteral } from './sqlOrmJs';
import { tokensNamed } from './tokenIndex';

/** Types of a client's own options, by module. */
const CLIENT_TYPES: Readonly<Record<string, Readonly<Record<string, RedisFlavor>>>> = {
  ioredis: { RedisOptions: 'ioredis' },
  bullmq: { ConnectionOptions: 'ioredis' },
  redis: { RedisClientOptions: 'node-redis' },
  '@redis/client': { RedisClientOptions: 'node-redis' },
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
  for (const [name, imported] of a.imports) {
    const flavor = Object.hasOwn(CLIENT_TYPES, imported.module) && Object.hasOwn(CLIENT_TYPES[imported.module], imported.path) ? CLIENT_TYPES[imported.module][imported.path] : undefined;
    const bull = Object.hasOwn(BULL_TYPES, imported.module) && Object.hasOwn(BULL_TYPES[imported.module], imported.path) ? BULL_TYPES[imported.module][imported.path] : undefined;
    if (flavor) {
      types.set(name, { flavor });
    } else if (bull) {
      types.set(name, { flavor: 'ioredis', factory: bull.factory });
    }
  }
  if (types.size === 0) {
    return;
  }
  for (let k = 2; k < a.tokens.length; k++) {
    const type = a.isId(k) ? types.get(a.tokens.text(k)) : undefined;
    const written = type ? typedObject(a, k) : -1;
    if (!type || written < 0) {
      continue;
    }
    let object = written;
    if (type.factory !== undefined) {
      const options = type.factory ? factoryObject(a, written) : written;
      object = options >= 0 ? keyValue(a, options, 'redis') : -1;
    }
    if (object >= 0 && a.is(object, '{') && a.partner[object] > object && !readAlready(a, object) && !spreadElsewhere(a, written, object)) {
      redisObjectOptions(a, object, type.flavor, a.tokenSpan(k));
    }
  }
}

/** The `{` of the object literal the type name at `k` types: declared, asserted, or returned by a function typed with it; -1 for none. */
function typedObject(a: CodeAnalyzer, k: number): number {
  if (a.is(k - 1, ':') && a.isId(k - 2) && a.is(k + 1, '=') && a.is(k + 2, '{')) {
    return k + 2;
  }
  if ((a.idIs(k - 1, 'as') || a.idIs(k - 1, 'satisfies')) && a.is(k - 2, '}')) {
    return a.partner[k - 2];
  }
  const promised = a.is(k - 1, '<') && a.idIs(k - 2, 'Promise') && a.is(k - 3, ':') && a.is(k - 4, ')') && a.is(k + 1, '>');
  if (!promised && !(a.is(k - 1, ':') && a.is(k - 2, ')'))) {
    return -1;
  }
  const after = promised ? k + 2 : k + 1;
  return returnedLiteral(a, a.is(after, '=>') ? after + 1 : after);
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
