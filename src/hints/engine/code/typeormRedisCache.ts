/**
 * TypeORM's query-result cache in Redis. Data source options with `cache: { type: 'redis', options }` make
 * TypeORM open a node-redis client with `createClient({ ...options })`, and `type: 'ioredis'` (or
 * `'ioredis/cluster'`) an ioredis one with those options (typeorm `cache/RedisQueryResultCache`), so the
 * `options` object is a Redis client's: its password and TLS settings get the Redis client rules.
 */
import type { RedisFlavor } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { propertyValue } from './options';
import { redisObjectOptions } from './redisOptions';

const TYPEORM_MODULES = new Set(['typeorm', '@nestjs/typeorm']);
const FLAVOR_OF_TYPE: Readonly<Record<string, RedisFlavor>> = { redis: 'node-redis', ioredis: 'ioredis', 'ioredis/cluster': 'ioredis' };

export function typeormRedisCaches(a: CodeAnalyzer): void {
  if (a.language.family !== 'js' || ![...a.imports.values()].some((info) => TYPEORM_MODULES.has(info.module))) {
    return;
  }
  for (let k = 0; k + 2 < a.tokens.length; k++) {
    if (!a.idIs(k, 'cache') || !a.is(k + 1, ':') || !a.is(k + 2, '{') || !a.is(a.parent[k], '{')) {
      continue;
    }
    const brace = k + 2;
    const type = propertyValue(a, brace, 'type');
    const flavor = type >= 0 && a.isString(type) && !a.tokens.interpolated(type) ? FLAVOR_OF_TYPE[a.tokens.text(type)] : undefined;
    const options = propertyValue(a, brace, 'options');
    if (flavor && options >= 0 && a.is(options, '{')) {
      redisObjectOptions(a, options, flavor, a.tokenSpan(options - 2));
    }
  }
}
