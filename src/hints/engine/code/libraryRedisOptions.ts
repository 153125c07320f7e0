/**
 * Redis clients that libraries open with options the code hands them in a shape of their own, not in a
 * client constructor's arguments: TypeORM's query-result cache and the @fastify/redis plugin.
 */
import type { CodeAnalyzer } from './analyzer';
import { fastifyRedisRegistrations } from './fastifyRedis';
import { typeormRedisCaches } from './typeormRedisCache';

export function libraryRedisOptions(a: CodeAnalyzer): void {
  typeormRedisCaches(a);
  fastifyRedisRegistrations(a);
}
