/**
 * The server a node-redis 2 or 3 client, or an ioredis client, is given by position: `createClient(port, host,
 * options)` and `createClient(port, host)` (node-redis 3's `createClient(port?, host?, options?)`,
 * https://github.com/redis/node-redis/tree/v3.1.2#rediscreateclient), `new Redis(port, host, options)` (ioredis). The
 * host is read as a `host` option written there, so a client of localhost, of a Compose service's name or of a server
 * the environment names is told apart as with `{ host }`; the port decides nothing about TLS or the server, so an
 * expression there (`process.env.REDIS_PORT`, `parseInt(port)`) leaves the options seen. A function argument, which
 * neither library takes (node-redis 2 ignores a callback written last), adds nothing either. Also the older option names
 * of node-redis 2 and 3 (`withPasswordAliases`).
 *
 * The form is told by the first argument: a number, or an expression that names a port (`REDIS_PORT`, `config.port`),
 * followed by a second argument that is no object literal. `createClient(url, options)` and `createClient(options)`
 * are left to the URL and options readers.
 */
import { OptionContext, OptionOccurrence } from '../model';
import { TOKEN_KIND } from '../lexer';
import type { CodeAnalyzer } from './analyzer';
import { positionalOption, sentAs } from './options';

const { NUM } = TOKEN_KIND;
const PORT_NAME = /port/i;

/**
 * Reads `(port, host, ...)` off the arguments of a node-redis or ioredis client into its options (see the module's
 * comment), with node-redis's older password names; gives the arguments left to read as options or a URL.
 */
export function legacyClientArguments(a: CodeAnalyzer, context: OptionContext, args: [number, number][]): [number, number][] {
  const flavor = context.type;
  // A cluster client takes its nodes first, never a port.
  if ((flavor !== 'node-redis' && flavor !== 'ioredis') || /Cluster$/.test(a.text.slice(context.anchor.start, context.anchor.end))) {
    return args;
  }
  context.options = withPasswordAliases(context.options, flavor);
  const rest = args.filter(([start, end]) => !isFunctionArgument(a, start, end));
  if (rest.length < 2 || !namesPort(a, rest[0][0], rest[0][1]) || a.is(rest[1][0], '{')) {
    return rest;
  }
  const [hostStart, hostEnd] = rest[1];
  context.options.unshift(positionalOption(a, hostStart, hostEnd, 'host'));
  return rest.slice(2);
}

/**
 * A number, or an expression that names a port (`process.env.REDIS_PORT`, `Number(config.redisPort)`); not an array
 * or object, whose `port` is a node's (ioredis `new Cluster([{ host, port }], options)`).
 */
function namesPort(a: CodeAnalyzer, start: number, end: number): boolean {
  if (end === start + 1 && a.tokens.kinds[start] === NUM) {
    return true;
  }
  if (a.is(start, '[') || a.is(start, '{')) {
    return false;
  }
  for (let k = start; k < end; k++) {
    if (a.isId(k) && PORT_NAME.test(a.tokens.text(k))) {
      return true;
    }
  }
  return false;
}

/** `function (...) {...}`, `async (...) => ...`, `err => ...`: a callback. */
function isFunctionArgument(a: CodeAnalyzer, start: number, end: number): boolean {
  const from = a.idIs(start, 'async') ? start + 1 : start;
  if (a.idIs(from, 'function')) {
    return true;
  }
  const afterParameters = a.is(from, '(') ? a.partner[from] + 1 : a.isId(from) ? from + 1 : -1;
  return afterParameters > 0 && afterParameters < end && a.is(afterParameters, '=>');
}

/**
 * node-redis 2 and 3's older name of the password, `auth_pass` ("`password` ... alias `auth_pass`", node-redis 3's
 * README), and connect-redis 3's `pass`, which it hands to the client it opens as that password: read as `password`.
 */
const PASSWORD_ALIASES = new Set(['authpass', 'pass']);

function withPasswordAliases(options: OptionOccurrence[], flavor: string): OptionOccurrence[] {
  return flavor === 'node-redis' ? options.map((option) => (PASSWORD_ALIASES.has(option.norm) ? sentAs(option, 'password') : option)) : options;
}
