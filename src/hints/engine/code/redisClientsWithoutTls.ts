/**
 * A Redis client made with nothing that turns TLS on, to a server that may be ElastiCache: `redis-tls` hovers on the
 * call that makes it. The client libraries the engine reads connect in clear unless told otherwise (a `tls` or `ssl`
 * option, a `rediss://` URL, a TLS configuration, an SSL connection class), while ElastiCache serverless caches, and
 * node-based caches whose encryption in transit is `required`, take TLS connections only
 * (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html).
 *
 * Marked only where that is certain: every option of the call is seen, none may turn TLS on or hands the connection
 * to something made elsewhere (a connection pool, a dialer, a socket object held in a variable), and the client names
 * its server through the environment, a variable, a built string or an ElastiCache endpoint. A client of localhost
 * (named, or its library's default when it names no server), of a Unix socket, or of a server written as a plain name
 * (a Docker Compose service, an address), and test code, are left alone. A hover only: the rule's finding is for
 * certificate verification turned off.
 */
import type { CodeAnalyzer } from './analyzer';
import { OptionContext, OptionOccurrence } from '../model';
import { ENDPOINT_OPTION, namesLocalHost, onUnixSocket, TLS_URL } from '../redisClientTls';
import { inTestCode } from './testFixtures';

const TLS_MISSING = 'TlsMissing';

/** Options that may turn TLS on, or that hand the connection to an object made elsewhere which may. */
const MAY_DECIDE_TLS = /tls|ssl|connectionclass|connectionpool|^pool$|connectionkwargs|dialer|socketfactory|clientconfig|configuration$/;

/** An ElastiCache endpoint (`my-cache.abc123.use1.cache.amazonaws.com`, `….serverless.use1.cache.amazonaws.com`). */
const ELASTICACHE_HOST = /\.cache\.amazonaws\.com(?::\d+)?(?:\/|$)/i;

/**
 * The server a host or URL literal names, as the readers give it: an interpolation reads as digits
 * (`code/redisUrls.ts`), so a server of zeros alone was built from values (`f"redis://{host}:6379"`).
 */
function serverOf(value: string): string {
  const match = /^(?:[a-z]+:\/\/)?(?:[^@/]*@)?(\[[^\]]*\]|[^:/?]*)/i.exec(value.trim());
  return match ? match[1] : '';
}

/** An option that may hold a URL, whose scheme decides TLS (`rediss://`); a host or an address does not. */
const MAY_HOLD_URL = /(?:url|uri|connectionstring|address|addresses|endpoint|endpoints|nodes|rootnodes|servers?|location)$/;

/** Where an option says the client connects: a server ElastiCache may be, one it cannot be, a URL not seen (whose scheme may be `rediss://`), or no server. */
function endpointOf(option: OptionOccurrence): 'remote' | 'elsewhere' | 'unknown' | undefined {
  if (!ENDPOINT_OPTION.test(option.norm) || option.norm === 'socket' || option.norm === 'path') {
    return undefined;
  }
  const literal = option.literal;
  if (literal.kind === 'expr') {
    return MAY_HOLD_URL.test(option.norm) ? 'unknown' : 'remote';
  }
  if (literal.kind !== 'str') {
    return 'elsewhere';
  }
  if (namesLocalHost(option)) {
    return 'elsewhere';
  }
  return ELASTICACHE_HOST.test(literal.value) || /^0+$/.test(serverOf(literal.value)) ? 'remote' : 'elsewhere';
}

/** A node-redis `socket` given as a variable: its `tls` is not seen. */
function socketHeldElsewhere(a: CodeAnalyzer, option: OptionOccurrence): boolean {
  return option.norm === 'socket' && !a.text.slice(option.value.start, option.value.end).trimStart().startsWith('{');
}

function withoutTls(a: CodeAnalyzer, client: OptionContext): boolean {
  if (!client.complete || onUnixSocket(client)) {
    return false;
  }
  let remote = false;
  for (const option of client.options) {
    if (MAY_DECIDE_TLS.test(option.norm) || socketHeldElsewhere(a, option) || (option.literal.kind === 'str' && TLS_URL.test(option.literal.value))) {
      return false;
    }
    const endpoint = endpointOf(option);
    if (endpoint === 'elsewhere' || endpoint === 'unknown') {
      return false;
    }
    remote ||= endpoint === 'remote';
  }
  return remote;
}

/** Adds the `TlsMissing` option, on the call's name, to each Redis client of the file made without TLS. */
export function markRedisClientsWithoutTls(a: CodeAnalyzer, contexts: readonly OptionContext[], testFile: boolean): void {
  if (testFile) {
    return;
  }
  for (const client of contexts) {
    if (client.kind !== 'redis-client' || client.options.some((option) => option.name === TLS_MISSING) || !withoutTls(a, client)) {
      continue;
    }
    if (inTestCode(a, a.tokensOf(client.anchor)[0])) {
      continue;
    }
    const nothing = { start: client.anchor.start, end: client.anchor.start };
    client.options.push({ name: TLS_MISSING, norm: 'tlsmissing', key: client.anchor, value: client.anchor, literal: { kind: 'bool', value: true }, removal: nothing });
  }
}
