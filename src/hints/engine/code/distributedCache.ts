/**
 * ASP.NET Core's `IDistributedCache` where the project registers it on Redis: `AddStackExchangeRedisCache`
 * (Microsoft.Extensions.Caching.StackExchangeRedis), its older `AddDistributedRedisCache`, or .NET Aspire's
 * `AddRedisDistributedCache`. Its implementation, `RedisCache`, runs on a StackExchange.Redis connection and stores
 * each entry as a hash: `Get`/`GetString` read it with one HMGET, `Set`/`SetString` write it with HSET and give it a
 * TTL only when the entry options carry an expiration, `Remove` deletes the key (dotnet/aspnetcore
 * src/Caching/StackExchangeRedis/src/RedisCache.cs). So each call is one round trip, and a loop of them is one
 * round trip per key.
 *
 * A project that also registers another store (a SQL Server or Cosmos DB cache, a memory cache in another file,
 * another app's, or one a condition picks instead of Redis) cannot be told apart per injection, and gets nothing.
 * A memory cache the file that registers Redis registers too, neither under a condition, is no other store:
 * `AddDistributedMemoryCache` adds itself only where no cache is registered (`TryAdd`), while the Redis
 * registrations add theirs, which is the one resolved (dotnet/runtime MemoryCacheServiceCollectionExtensions.cs;
 * dotnet/aspnetcore StackExchangeRedisCacheServiceCollectionExtensions.cs).
 */
import type { CodeAnalyzer } from './analyzer';
import { Value } from './values';

const DISTRIBUTED_NAMESPACE = 'Microsoft.Extensions.Caching.Distributed';
const DISTRIBUTED_MODULE = `dotnet:${DISTRIBUTED_NAMESPACE}`;

/** The cache a Redis registration gives: StackExchange.Redis commands behind the cache's own methods. */
const CACHE: Value = { t: 'client', kind: 'redis', flavor: 'stackexchange-redis', structure: 'distributed-cache' };

/** The registrations of a Redis store, and of any other (Microsoft's memory, SQL Server, Cosmos DB, PostgreSQL, NCache and similar). */
const REDIS_REGISTRATION = /\b(?:AddStackExchangeRedisCache|AddDistributedRedisCache|AddRedisDistributedCache)\s*[(<]/;
const OTHER_REGISTRATION = /\b(?:AddDistributedMemoryCache|AddDistributedSqlServerCache|AddCosmosCache|AddDistributedPostgreSqlCache|AddNCacheDistributedCache|AddDistributed\w+Cache)\s*[(<]/;
const MEMORY_REGISTRATION = /\bAddDistributedMemoryCache\s*\(/g;
/** A line that is a `//` comment: a registration written there is not made. */
const COMMENT_LINE = /^\s*\/\/.*$/gm;

/** The distributed-cache stores a C# file registers: `redis`, `other`, both or none (read from its text). */
export function distributedCacheStores(text: string): ('redis' | 'other')[] {
  if (!text.includes('Cache')) {
    return [];
  }
  const code = text.replace(COMMENT_LINE, '');
  const stores: ('redis' | 'other')[] = [];
  if (REDIS_REGISTRATION.test(code)) {
    stores.push('redis');
  }
  const others = code.replace(new RegExp(REDIS_REGISTRATION.source, 'g'), '');
  const memoryBeside = stores.length > 0 && !inBranch(code, new RegExp(REDIS_REGISTRATION.source, 'g')) && !inBranch(code, MEMORY_REGISTRATION);
  if (OTHER_REGISTRATION.test(memoryBeside ? others.replace(MEMORY_REGISTRATION, '') : others)) {
    stores.push('other');
  }
  return stores;
}

/** What makes the statement or block that follows conditional: `if (...)`, `switch`/loop heads, `else`, `case X:`, `cond ? a : b`. */
const CONDITIONAL_HEAD = /\b(?:if|switch|while|for|foreach)\s*$/;
const BRANCH_END = /(?:\belse|:|\?)\s*$/;
const BRANCH_STATEMENT = /^\s*(?:if|else|case|default)\b/;

/**
 * Whether a registration that `pattern` (global) matches sits under a condition: its statement starts with `if`,
 * `else` or a `case`, or a block around it opens after one (`if (env.IsDevelopment()) { ... }`, `else { ... }`,
 * `case "redis": { ... }`); a method's or lambda's block is no branch.
 */
function inBranch(code: string, pattern: RegExp): boolean {
  for (const match of code.matchAll(pattern)) {
    const at = match.index ?? 0;
    const statementStart = Math.max(code.lastIndexOf(';', at), code.lastIndexOf('{', at), code.lastIndexOf('}', at)) + 1;
    if (BRANCH_STATEMENT.test(code.slice(statementStart, at)) || blockIsBranch(code, at)) {
      return true;
    }
  }
  return false;
}

/** Whether a block around offset `at` opens after a condition. */
function blockIsBranch(code: string, at: number): boolean {
  let depth = 0;
  for (let k = at - 1; k >= 0; k--) {
    if (code[k] === '}') {
      depth++;
    } else if (code[k] === '{' && depth-- === 0) {
      const head = code.slice(0, k).trimEnd();
      if (BRANCH_END.test(head) || (head.endsWith(')') && CONDITIONAL_HEAD.test(code.slice(0, openingParenthesis(head)).trimEnd()))) {
        return true;
      }
      depth = 0;
    }
  }
  return false;
}

/** The offset of the `(` that the `)` ending `text` closes. */
function openingParenthesis(text: string): number {
  let depth = 0;
  for (let k = text.length - 1; k >= 0; k--) {
    depth += text[k] === ')' ? 1 : text[k] === '(' ? -1 : 0;
    if (depth === 0) {
      return k;
    }
  }
  return 0;
}

/** `using Microsoft.Extensions.Caching.Distributed;`: the interface's simple name. */
export function noteDistributedCacheImport(a: CodeAnalyzer, namespace: string): void {
  if (namespace === DISTRIBUTED_NAMESPACE) {
    a.addImport('IDistributedCache', DISTRIBUTED_MODULE, 'IDistributedCache');
  }
}

/**
 * A class that is an `IDistributedCache` itself (`class FallbackCache : IDistributedCache`): a decorator whose inner
 * caches may be any store (a memory cache behind a Redis one), which its file does not say.
 */
const IMPLEMENTS_CACHE = /\b(?:class|record)\s+\w+[^{;]*:[^{;]*\bIDistributedCache\b/;
const decorates = new WeakMap<CodeAnalyzer, boolean>();

/** A declared `IDistributedCache`, in a workspace whose only distributed-cache store is Redis, outside a file that implements one. */
export function distributedCacheType(a: CodeAnalyzer, start: number): Value | undefined {
  if (!a.idIs(start, 'IDistributedCache') || a.is(start + 1, '.') || a.imports.get('IDistributedCache')?.module !== DISTRIBUTED_MODULE) {
    return undefined;
  }
  let decorator = decorates.get(a);
  if (decorator === undefined) {
    decorator = IMPLEMENTS_CACHE.test(a.text);
    decorates.set(a, decorator);
  }
  return !decorator && a.project?.redisDistributedCache?.() === true ? CACHE : undefined;
}

/**
 * The cache's methods and extension methods (without `Async`), by normalised name, and the Redis command each
 * sends: HMGET of the entry's fields is a read of one key (`hget` for the rules), HSET with its TTL a write.
 * `Refresh` (a sliding entry's EXPIRE) says nothing the rules read.
 */
export const DISTRIBUTED_CACHE_COMMANDS: Record<string, string> = {
  get: 'hget',
  getstring: 'hget',
  set: 'set',
  setstring: 'set',
  remove: 'unlink',
};
