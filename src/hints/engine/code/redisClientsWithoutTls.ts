/**
 * A Redis client made with nothing that turns TLS on, to a server that may be ElastiCache: `redis-tls` hovers on the
 * call that makes it. The client libraries the engine reads connect in clear unless told otherwise (a `tls` or `ssl`
 * option, a `rediss://` URL, a TLS configuration, an SSL connection class), while ElastiCache serverless caches always
 * encrypt in transit and a node-based cache whose encryption in transit is `required` takes TLS connections only
 * (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html).
 *
 * Marked where every option of the call is seen but a URL the code does not show (`os.environ["REDIS_URL"]`, whose
 * scheme decides, as the hover says), none may turn TLS on or hands the connection to something made elsewhere (a
 * connection pool, a dialer, a socket object held in a variable), and the client names its server through the
 * environment, a variable, a built string or an ElastiCache endpoint. A client of localhost (named, or its library's
 * default when it names no server), of a Unix socket, or of a server written as a plain name (a Docker Compose
 * service, an address), and test code, are left alone. A hover only: the rule's finding is for certificate
 * verification turned off.
 */
import type { CodeAnalyzer } from './analyzer';
import { OptionContext, OptionOccurrence } from '../model';
import { ENDPOINT_OPTION, onUnixSocket, TLS_MISSING, TLS_URL, tlsMissingOption, writtenServerMayBeElastiCache, writtenStrings } from '../redisClientTls';
import { inTestCode } from './testFixtures';
import { writtenObjectBranches } from './conditionalObjects';

/** Options that may turn TLS on or set how it verifies, or that hand the connection to an object made elsewhere which may. */
const MAY_DECIDE_TLS = /tls|ssl|certificate|verif|insecure|rejectunauthorized|checkserveridentity|connectionclass|connectionpool|^pool$|connectionkwargs|dialer|socketfactory|clientconfig|configuration$/;

/** A string literal written in an expression, in either quote. */
const STRING_LITERAL = /"([^"\\]*)"|'([^'\\]*)'/g;

/**
 * The servers an expression writes out in string literals with nothing computed beside them (`{ "cache.internal:6379" }`,
 * `{ { "localhost", 6379 } }`, `["redis://cache:6379"]`); undefined when it computes any (a name, a call, an interpolation).
 */
function writtenServers(text: string): string[] | undefined {
  const servers: string[] = [];
  const rest = text.replace(STRING_LITERAL, (_, double?: string, single?: string) => {
    servers.push(double ?? single ?? '');
    return '';
  });
  return servers.length > 0 && !/[A-Za-z_$`]/.test(rest) ? servers : undefined;
}

/** Where an option says the client connects: a server ElastiCache may be, one it cannot be, or no server. */
function endpointOf(option: OptionOccurrence): 'remote' | 'elsewhere' | undefined {
  if (!ENDPOINT_OPTION.test(option.norm) || option.norm === 'socket' || option.norm === 'path') {
    return undefined;
  }
  const literal = option.literal;
  const branches = literal.kind === 'expr' && literal.oneOf ? writtenStrings(literal) : undefined;
  if (branches) {
    // A server a condition picks (`host: isProd ? 'cache.internal' : 'localhost'`): each branch is a server the client may use.
    return branches.some(writtenServerMayBeElastiCache) ? 'remote' : 'elsewhere';
  }
  const written = writtenStrings(literal) ?? (literal.kind === 'expr' ? writtenServers(literal.text) : undefined);
  if (written === undefined) {
    return literal.kind === 'expr' ? 'remote' : 'elsewhere';
  }
  return written.every(writtenServerMayBeElastiCache) ? 'remote' : 'elsewhere';
}

/** A node-redis `socket` given as a variable: its `tls` is not seen (one a condition picks between literals is, branch by branch). */
function socketHeldElsewhere(a: CodeAnalyzer, option: OptionOccurrence): boolean {
  if (option.norm !== 'socket' || a.text.slice(option.value.start, option.value.end).trimStart().startsWith('{')) {
    return false;
  }
  const [first, end] = a.tokensOf(option.value);
  return writtenObjectBranches(a, first, end) === undefined;
}

function withoutTls(a: CodeAnalyzer, client: OptionContext): boolean {
  if (!(client.complete || client.urlNotSeen) || onUnixSocket(client)) {
    return false;
  }
  let remote = client.urlNotSeen === true;
  for (const option of client.options) {
    if (MAY_DECIDE_TLS.test(option.norm) || socketHeldElsewhere(a, option) || writtenStrings(option.literal)?.some((value) => TLS_URL.test(value))) {
      return false;
    }
    const endpoint = endpointOf(option);
    if (endpoint === 'elsewhere') {
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
  // The options of clients marked: a command sent on one later (Jedis's `jedis.auth(...)`) reads them again, and the
  // construction already has the hover.
  const marked = new Set<number>();
  // The calls marked: a client per branch of a condition (`redisOptions.ts`) shares its call, which gets one hover.
  const calls = new Set<number>();
  for (const client of contexts) {
    if (client.kind !== 'redis-client' || client.options.some((option) => option.name === TLS_MISSING) || calls.has(client.anchor.start) || !withoutTls(a, client)) {
      continue;
    }
    const anchor = a.tokensOf(client.anchor)[0];
    if (inTestCode(a, anchor) || (a.isAccess(anchor - 1) && client.options.some((option) => marked.has(option.key.start)))) {
      continue;
    }
    client.options.forEach((option) => marked.add(option.key.start));
    calls.add(client.anchor.start);
    client.options.push(tlsMissingOption(client.anchor));
  }
}
