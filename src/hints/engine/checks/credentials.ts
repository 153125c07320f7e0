/** Checks on how clients and cache users authenticate: no password at all, or a password sent in clear. */
import { Literal, OptionContext, OptionOccurrence } from '../model';
import { Check, literalEquals } from './context';
import { isLiteralSecret } from './values';

/**
 * A list written out in the code whose first element is a string literal (`["pw"]`, `[]string{"pw"}`,
 * `List.of("pw")`), other than a CloudFormation dynamic reference to a secret (`{{resolve:...}}`).
 */
function isLiteralStringList(literal: Literal): boolean {
  if (literal.kind === 'str') {
    return isLiteralSecret(literal);
  }
  return literal.kind === 'expr' && /^(?:\[|\[\]string\s*\{|new\s*(?:[A-Za-z]\w*(?:<\w+>)?)?\s*(?:\[\]|\(\))?\s*\{|List\.of\(|Arrays\.asList\()\s*["'](?!\$\{|\{\{resolve:)/.test(literal.text);
}

function needsNoPassword(option: OptionOccurrence): boolean {
  if (option.norm === 'nopasswordrequired') {
    return literalEquals(option.literal, true);
  }
  // AuthenticationMode: { Type: 'no-password-required' } (the nested key is read with its context).
  return option.norm === 'type' && option.literal.kind === 'str' && option.literal.value.toLowerCase() === 'no-password-required';
}

/**
 * A user whose access string switches it `off` (the last of `on` and `off` written wins), or says neither,
 * which ElastiCache reads as `off`, cannot sign in: the usual stand-in for the `default` user of a user group
 * (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html).
 */
function isDisabled(user: OptionContext): boolean {
  const access = user.options.find((option) => option.norm === 'accessstring')?.literal;
  if (access?.kind !== 'str') {
    return false;
  }
  const switches = access.value.split(/\s+/).filter((word) => /^(?:on|off)$/i.test(word));
  return switches.length === 0 || switches[switches.length - 1].toLowerCase() === 'off';
}

/**
 * An ElastiCache user that needs no password, or whose passwords are literals in the code; not a disabled
 * user, whose password (a stand-in that the API requires for a `password` user) lets nobody sign in.
 */
export const userWithoutPassword: Check = (rule, context) => {
  const users = new Set<OptionContext>(context.optionsOf(rule).map(({ context: user }) => user));
  for (const user of users) {
    if (isDisabled(user)) {
      continue;
    }
    for (const option of user.options) {
      if (needsNoPassword(option)) {
        context.report(rule, option.key);
      } else if (option.norm === 'passwords' && isLiteralStringList(option.literal)) {
        context.report(rule, option.value);
      }
    }
  }
};

const LOCAL_HOST = /^(?:(?:redis|valkey)s?:\/\/(?:[^@/]*@)?)?(?:localhost|127\.0\.0\.1|\[?::1\]?)(?::\d+)?(?:\/.*)?$/i;

/** True when the client may use TLS, or when its options do not let us tell (precision first). */
function mayUseTls(client: OptionContext): boolean {
  for (const option of client.options) {
    const literal = option.literal;
    switch (option.norm) {
      case 'tls':
      case 'ssl':
      case 'usetls':
        // `tls: {}`, `tls: true`, `ssl=True`, Valkey GLIDE's `useTLS: true` (`use_tls=True`) or a variable: TLS is (or may be) on.
        if (!literalEquals(literal, false) && literal.kind !== 'none') {
          return true;
        }
        break;
      case 'url':
        if (literal.kind !== 'str' || /^(?:rediss|valkeys):\/\//i.test(literal.value)) {
          return true;
        }
        break;
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
const ENDPOINT_OPTION = /(?:host|hostname|url|uri|addr|addrs|address|addresses|endpoint|endpoints|nodes|rootnodes|sentinels|server|servers|location|connectionstring|socket|path|cluster)$/;
/** A Unix socket's path: ioredis and node-redis `path`, redis-py `unix_socket_path`. */
const UNIX_SOCKET_OPTION = /^(?:path|unixsocketpath)$/;

/**
 * A client of this machine, whose password never crosses the network: one that names localhost, one on a Unix
 * socket, or a node-redis or ioredis client made with an options object alone (every option seen) that names no
 * endpoint, so that it connects to its library's default, localhost.
 */
function isLocal(client: OptionContext): boolean {
  const named = client.options.some((option) => (option.norm === 'host' || option.norm === 'url' || option.norm === 'addr') && option.literal.kind === 'str' && LOCAL_HOST.test(option.literal.value.trim()));
  const socket = UNIX_SOCKET_CLIENTS.has(client.type) && client.options.some((option) => UNIX_SOCKET_OPTION.test(option.norm) && option.literal.kind === 'str');
  const byDefault = client.aloneInCall === true && client.complete && LOCAL_BY_DEFAULT.has(client.type) && !client.options.some((option) => ENDPOINT_OPTION.test(option.norm));
  return named || socket || byDefault;
}

function hasPassword(option: OptionOccurrence): boolean {
  const literal = option.literal;
  return literal.kind === 'expr' || (literal.kind === 'str' && literal.value !== '');
}

/** A Redis client that sends a password (AUTH) on a connection without TLS. */
export const redisAuthWithoutTls: Check = (rule, context) => {
  for (const { context: client, option } of context.optionsOf(rule)) {
    if (client.kind === 'redis-client' && client.complete && hasPassword(option) && !mayUseTls(client) && !isLocal(client)) {
      context.report(rule, option.key);
    }
  }
};
