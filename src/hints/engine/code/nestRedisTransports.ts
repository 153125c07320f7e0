/**
 * NestJS microservices over Redis: `{ transport: Transport.REDIS, options: { host, port, password, tls } }`, given to
 * `ClientsModule.register([...])`, `ClientProxyFactory.create(...)` or `NestFactory.createMicroservice(...)`. The
 * framework opens Redis clients with those options, an ioredis client since NestJS 9 (its `RedisOptions`,
 * https://docs.nestjs.com/microservices/redis), so they get the Redis client rules where they are written. Options held
 * by a name, or a transport chosen by a value, are not read.
 */
import type { CodeAnalyzer } from './analyzer';
import { redisObjectOptions } from './redisOptions';

const MICROSERVICES = '@nestjs/microservices';

/** Whether `Transport.REDIS` starts at `k`, with `Transport` the enum imported from the microservices package. */
function redisTransport(a: CodeAnalyzer, k: number): boolean {
  if (!a.idIs(k, 'Transport') || !a.is(k + 1, '.') || !a.idIs(k + 2, 'REDIS')) {
    return false;
  }
  const value = a.lookup('Transport', k);
  return value?.t === 'ref' && value.module === MICROSERVICES && value.path === 'Transport';
}

/** The `{` of the `options` object written in the object at `brace`, or -1. */
function optionsObject(a: CodeAnalyzer, brace: number): number {
  for (let k = brace + 1; k < a.partner[brace]; k = a.skipGroup(k)) {
    if ((k === brace + 1 || a.is(k - 1, ',')) && a.idIs(k, 'options') && a.is(k + 1, ':') && a.is(k + 2, '{') && a.partner[k + 2] > k + 2) {
      return k + 2;
    }
  }
  return -1;
}

/** Reads the options of each Redis transport the file configures, anchored on its `Transport.REDIS`. */
export function nestRedisTransports(a: CodeAnalyzer): void {
  if (a.language.family !== 'js' || !a.text.includes(MICROSERVICES) || !a.text.includes('REDIS')) {
    return;
  }
  for (let k = 2; k + 2 < a.tokens.length; k++) {
    const keyed = a.idIs(k - 2, 'transport') && a.is(k - 1, ':') && (a.is(a.parent[k], '{') || a.parent[k] < 0);
    if (!keyed || !redisTransport(a, k)) {
      continue;
    }
    const options = a.parent[k] >= 0 ? optionsObject(a, a.parent[k]) : -1;
    if (options >= 0) {
      redisObjectOptions(a, options, 'ioredis', a.span(k, k + 2));
    }
  }
}
