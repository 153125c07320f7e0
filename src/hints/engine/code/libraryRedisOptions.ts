/**
 * Redis clients that libraries open with options the code hands them in a shape of their own, not in a
 * client constructor's arguments: TypeORM's query-result cache, the @fastify/redis plugin and cache-manager's
 * stores handed over by name, the clients egg-redis opens from an Egg.js application's config, and NestJS
 * microservices' Redis transports.
 */
import type { CodeAnalyzer } from './analyzer';
import { cacheManagerStoresByName } from './cacheManagerStoresByName';
import { eggRedisConfigOptions } from './eggRedis';
import { fastifyRedisRegistrations } from './fastifyRedis';
import { nestRedisTransports } from './nestRedisTransports';
import { typeormRedisCaches } from './typeormRedisCache';

export function libraryRedisOptions(a: CodeAnalyzer): void {
  typeormRedisCaches(a);
  fastifyRedisRegistrations(a);
  cacheManagerStoresByName(a);
  eggRedisConfigOptions(a);
  nestRedisTransports(a);
}
