/**
 * What a Redis client's options say about TLS and about where it connects, for the code reader that marks a client
 * made without TLS (`code/redisClientsWithoutTls.ts`) and the check of a password sent in clear (`checks/credentials.ts`).
 */
import { isCacheHost } from './config/values';
import { Literal, OptionContext, OptionOccurrence } from './model';
import { Span } from './types';

const LOCAL_HOST = /^(?:(?:redis|valkey)s?:\/\/(?:[^@/]*@)?)?(?:localhost|127\.0\.0\.1|\[?::1\]?)(?::\d+)?(?:\/.*)?$/i;

/** Whether a server as written is this machine: `localhost`, `127.0.0.1`, `::1`, with or without a `redis://` scheme and port. */
export function namesThisMachine(written: string): boolean {
  return LOCAL_HOST.test(written.trim());
}

/** The option a Redis client made with nothing that turns TLS on gets, on its call or server setting: `redis-tls` hovers there. */
export const TLS_MISSING = 'TlsMissing';

/** The `TlsMissing` option on `anchor`, the call or setting that makes the client: `redis-tls` hovers there. */
export function tlsMissingOption(anchor: Span): OptionOccurrence {
  return { name: TLS_MISSING, norm: 'tlsmissing', key: anchor, value: anchor, literal: { kind: 'bool', value: true }, removal: { start: anchor.start, end: anchor.start } };
}

/** A URL whose scheme turns TLS on. */
export const TLS_URL = /^(?:rediss|valkeys):\/\//i;

/**
 * The strings a value is one of: a literal's own, or each branch of a condition between two literals
 * (`host: isProd ? 'cache' : 'localhost'`, `code/redisConditionalOptions.ts`); undefined for any other value.
 */
export function writtenStrings(literal: Literal): string[] | undefined {
  if (literal.kind === 'str') {
    return [literal.value];
  }
  const oneOf = literal.kind === 'expr' ? literal.oneOf : undefined;
  return oneOf?.every((branch) => branch.kind === 'str') ? oneOf.map((branch) => (branch.kind === 'str' ? branch.value : '')) : undefined;
}

/** `false`, as a boolean or a string. */
function writtenFalse(literal: Literal): boolean {
  return (literal.kind === 'bool' && !literal.value) || (literal.kind === 'str' && literal.value.trim().toLowerCase() === 'false');
}

/** True when the client may use TLS, or when its options do not let us tell (precision first). */
export function mayUseTls(client: OptionContext): boolean {
  for (const option of client.options) {
    const literal = option.literal;
    switch (option.norm) {
      case 'tls':
      case 'ssl':
      case 'usetls':
        // `tls: {}`, `tls: true`, `ssl=True`, Valkey GLIDE's `useTLS: true` (`use_tls=True`) or a variable: TLS is (or may be) on.
        if (!writtenFalse(literal) && literal.kind !== 'none') {
          return true;
        }
        break;
      case 'url': {
        const urls = writtenStrings(literal);
        if (!urls || urls.some((url) => TLS_URL.test(url))) {
          return true;
        }
        break;
      }
      case 'tlsconfig':
        // go-redis: a `TLSConfig` (other than nil) turns TLS on.
        if (literal.kind !== 'none') {
          return true;
        }
        break;
      case 'connectionclass':
        if (literal.kind === 'expr' && /ssl/i.test(literal.text)) {
          return true;
        }
        break;
    }
  }
  return false;
}

/**
 * node-redis and ioredis connect to localhost when no endpoint is given (node-redis `socket.host` and ioredis `host`
 * default to it), and redis-py, node-redis and ioredis to a Unix socket when given its path (`unix_socket_path`, `path`).
 */
const LOCAL_BY_DEFAULT = new Set(['node-redis', 'ioredis']);
const UNIX_SOCKET_CLIENTS = new Set(['node-redis', 'ioredis', 'redis-py', 'redis-py-async']);
/** An option that may say where the client connects: a host, URL, address, socket, cluster or sentinel nodes. */
export const ENDPOINT_OPTION = /(?:host|hostname|url|uri|addr|addrs|address|addresses|endpoint|endpoints|nodes|rootnodes|sentinels|server|servers|location|connectionstring|socket|path|cluster)$/;
/** A Unix socket's path: ioredis and node-redis `path`, redis-py `unix_socket_path`. */
const UNIX_SOCKET_OPTION = /^(?:path|unixsocketpath)$/;

export function onUnixSocket(client: OptionContext): boolean {
  return UNIX_SOCKET_CLIENTS.has(client.type) && client.options.some((option) => UNIX_SOCKET_OPTION.test(option.norm) && option.literal.kind === 'str');
}

/** An option naming localhost: a `host`, `url` or `addr` literal, or a condition whose every branch names it. */
function namesLocalHost(option: OptionOccurrence): boolean {
  const written = option.norm === 'host' || option.norm === 'url' || option.norm === 'addr' ? writtenStrings(option.literal) : undefined;
  return written !== undefined && written.every((value) => LOCAL_HOST.test(value.trim()));
}

/**
 * A client of this machine, whose password never crosses the network: one that names localhost, one on a Unix
 * socket, or a node-redis or ioredis client made with an options object alone (every option seen) that names no
 * endpoint, so that it connects to its library's default, localhost.
 */
export function isLocal(client: OptionContext): boolean {
  const byDefault = client.aloneInCall === true && client.complete && LOCAL_BY_DEFAULT.has(client.type) && !client.options.some((option) => ENDPOINT_OPTION.test(option.norm));
  return client.options.some(namesLocalHost) || onUnixSocket(client) || byDefault;
}

/**
 * The server a host or URL literal names, as the readers give it: an interpolation reads as digits
 * (`code/redisUrls.ts`), so a server of zeros alone was built from values (`f"redis://{host}:6379"`).
 */
function serverOf(value: string): string {
  const match = /^(?:[a-z]+:\/\/)?(?:[^@/]*@)?(\[[^\]]*\]|[^:/?]*)/i.exec(value.trim());
  return match ? match[1] : '';
}

/**
 * Whether a host or URL as written may name an ElastiCache server: its endpoint (`isCacheHost`, as the configuration
 * readers judge one), or a server built from values (an interpolation, a Spring `${REDIS_HOST}` placeholder); not
 * localhost, nor a plain name (a Compose service, an address).
 */
export function writtenServerMayBeElastiCache(written: string): boolean {
  if (LOCAL_HOST.test(written.trim())) {
    return false;
  }
  const server = serverOf(written);
  return isCacheHost(server) || written.includes('${') || /^0+$/.test(server);
}
