/**
 * Spring Data Redis connection factories that code builds itself from a server configuration and a client
 * configuration: `new JedisConnectionFactory(server, client)`, `new LettuceConnectionFactory(server)`. The password
 * `server.setPassword(...)` sets travels with TLS only when the client configuration asks for it (`useSsl()`); one
 * built by `builder()...build()` without `useSsl()`, `defaultConfiguration()`, or none at all leaves TLS off
 * (`defaultConfiguration()` of `JedisClientConfiguration` and of `LettuceClientConfiguration`: "SSL ... no").
 * The two are joined only in one method that builds one factory from a local server configuration and a client
 * configuration written there (or none), in a file that never calls `setUseSsl` (the factories' older switch).
 * The factory itself is a client of the server the configuration names (`new LettuceConnectionFactory(new
 * RedisStandaloneConfiguration(host, port))`, Lettuce's `new LettuceConnectionFactory(host, port)`), read with its
 * host for `redis-tls` when its client configuration is known to leave TLS off.
 */
import type { CodeAnalyzer } from '../analyzer';
import { OptionContext } from '../../model';
import { UNBOUND_VALUE } from '../../scope/scopes';
import { segments } from '../braces';
import { positionalOption } from '../options';
import { tokensNamed } from '../tokenIndex';
import { springBoundServers } from '../springBoundHosts';
import { ImportedClasses } from './javaImportedClasses';

const SPRING_CONNECTION = 'org.springframework.data.redis.connection';
type Role = { package: string; role: 'factory' | 'server' | 'client' };

const CLASSES = new ImportedClasses<Role>([
  ['JedisConnectionFactory', { package: `${SPRING_CONNECTION}.jedis`, role: 'factory' }],
  ['LettuceConnectionFactory', { package: `${SPRING_CONNECTION}.lettuce`, role: 'factory' }],
  ['RedisStandaloneConfiguration', { package: SPRING_CONNECTION, role: 'server' }],
  ['RedisStaticMasterReplicaConfiguration', { package: SPRING_CONNECTION, role: 'server' }],
  ['RedisClusterConfiguration', { package: SPRING_CONNECTION, role: 'server' }],
  ['JedisClientConfiguration', { package: `${SPRING_CONNECTION}.jedis`, role: 'client' }],
  ['LettuceClientConfiguration', { package: `${SPRING_CONNECTION}.lettuce`, role: 'client' }],
  ['LettucePoolingClientConfiguration', { package: `${SPRING_CONNECTION}.lettuce`, role: 'client' }],
]);

const FACTORIES = ['JedisConnectionFactory', 'LettuceConnectionFactory'];

/**
 * Builder methods that leave TLS as it is (off, by default). Any other method may turn it on: `useSsl()`, and
 * Lettuce's `apply(redisUri)`, which copies the URI's TLS setting.
 */
const NO_TLS_METHODS = new Set([
  'builder',
  'defaultConfiguration',
  'build',
  'and',
  'usePooling',
  'poolConfig',
  'clientName',
  'clientOptions',
  'clientResources',
  'readFrom',
  'commandTimeout',
  'connectTimeout',
  'readTimeout',
  'shutdownTimeout',
  'shutdownQuietPeriod',
]);

/** Notes an `import a.b.C;` or `import a.b.*;` of one of the classes. */
export function noteSpringFactoryImport(a: CodeAnalyzer, path: string): void {
  if (path.startsWith(SPRING_CONNECTION)) {
    CLASSES.note(a, path);
  }
}

function roleOf(a: CodeAnalyzer, k: number): Role['role'] | undefined {
  const name = a.id(k);
  return name === undefined ? undefined : CLASSES.get(a, name)?.role;
}

/**
 * Whether the client configuration whose expression starts at `k` is known to leave TLS off: a chain from a client
 * configuration class (`JedisClientConfiguration.builder().usePooling().build()`, `defaultConfiguration()`) of
 * methods that leave TLS alone only, which ends where its statement or argument does.
 */
function clientWithoutTls(a: CodeAnalyzer, k: number): boolean {
  if (roleOf(a, k) !== 'client' || !a.isAccess(k + 1)) {
    return false;
  }
  let j = k + 1;
  while (a.isAccess(j) && a.isId(j + 1) && a.is(j + 2, '(') && a.partner[j + 2] > j) {
    if (!NO_TLS_METHODS.has(a.tokens.text(j + 1))) {
      return false;
    }
    j = a.partner[j + 2] + 1;
  }
  return j > k + 1 && (a.is(j, ';') || a.is(j, ')') || a.is(j, ','));
}

/** Whether the argument from `start` to `end` is such a client configuration, written there or held by a local set once to one. */
function argumentWithoutTls(a: CodeAnalyzer, start: number, end: number): boolean {
  if (end === start + 1 && a.isId(start)) {
    const binding = a.scopes.lookup(a.tokens.text(start), start, true);
    return binding !== undefined && binding.expression >= 0 && binding.expression < start && clientWithoutTls(a, binding.expression);
  }
  return clientWithoutTls(a, start);
}

/**
 * For `server.setPassword(...)` whose chain starts at the variable token `start`: the token of the literal host
 * its `new RedisStandaloneConfiguration("host", port)` names (or -1), when the method around it hands `server`
 * to one connection factory whose client configuration leaves TLS off; undefined when that is not known.
 */
export function factoryWithoutTls(a: CodeAnalyzer, start: number): { host: number; hostEnd: number } | undefined {
  if (!a.text.includes('ConnectionFactory(') || a.text.includes('setUseSsl') || !a.isId(start) || a.isAccess(start - 1)) {
    return undefined;
  }
  const name = a.tokens.text(start);
  const binding = a.scopes.lookup(name, start, true);
  const made = binding && binding.expression >= 0 && binding.expression < start ? binding.expression : -1;
  if (made < 0 || !a.idIs(made, 'new') || roleOf(a, made + 1) !== 'server' || !a.is(made + 2, '(')) {
    return undefined;
  }
  const method = a.scopes.enclosing(start, ['function']);
  const [from, to] = method > 0 ? a.scopes.range(method) : [-1, -1];
  const factories = FACTORIES.flatMap((factory) => tokensNamed(a, factory)).filter((k) => k > from && k < to && a.idIs(k - 1, 'new') && roleOf(a, k) === 'factory' && a.is(k + 1, '('));
  if (factories.length !== 1) {
    return undefined;
  }
  const [server, client, ...rest] = segments(a, factories[0] + 1);
  if (!server || rest.length > 0 || server[1] !== server[0] + 1 || !a.idIs(server[0], name)) {
    return undefined;
  }
  if (client && !argumentWithoutTls(a, client[0], client[1])) {
    return undefined;
  }
  // The host: the constructor's first argument, or what `server.setHostName("...")` sets in the method.
  // A cluster's: the first node its constructor lists.
  if (a.idIs(made + 1, 'RedisClusterConfiguration')) {
    const node = firstNode(a, made + 2);
    return node !== undefined && node[1] === node[0] + 1 && a.isString(node[0]) ? { host: node[0], hostEnd: node[1] } : { host: -1, hostEnd: -1 };
  }
  const set = tokensNamed(a, 'setHostName').find((k) => k > from && k < to && a.idIs(k - 2, name) && a.isAccess(k - 1) && a.is(k + 1, '('));
  const host = set === undefined ? made + 3 : set + 2;
  if (literalArgument(a, host)) {
    return { host, hostEnd: host + 1 };
  }
  // A host Spring binds to a property every profile sets to this machine (`settings.getHost()`, `springBoundHosts.ts`).
  const [argument] = segments(a, host - 1);
  return argument && springBoundServers(a, argument[0], argument[1]) ? { host: argument[0], hostEnd: argument[1] } : { host: -1, hostEnd: -1 };
}

/** The collections Java and Kotlin write nodes in: `List.of("a:6379", "b:6379")`, `Arrays.asList(...)`, `listOf(...)`. */
const NODE_LISTS = /^(?:(?:List|Set)\.of|Arrays\.asList|Collections\.singletonList|Collections\.singleton|listOf|setOf)$/;

/**
 * The first node of a `RedisClusterConfiguration(nodes)` at its `(`: the first string of a collection written there,
 * the nodes of one cluster being alike (all on this machine, or none); any other argument (`props.getNodes()`) whole.
 */
function firstNode(a: CodeAnalyzer, open: number): [number, number] | undefined {
  const [nodes, ...rest] = segments(a, open);
  if (!nodes || rest.length > 0) {
    return undefined;
  }
  const call = a.text.slice(a.tokens.starts[nodes[0]], a.tokens.starts[nodes[1] - 1]).replace(/\s+/g, '');
  const list = call.indexOf('(');
  if (list > 0 && NODE_LISTS.test(call.slice(0, list)) && a.is(nodes[1] - 1, ')')) {
    const inner = segments(a, a.partner[nodes[1] - 1]);
    return inner.length > 0 ? inner[0] : undefined;
  }
  return nodes;
}

/** Whether the token at `k` is a literal string that is a whole argument. */
function literalArgument(a: CodeAnalyzer, k: number): boolean {
  return a.isString(k) && !a.tokens.interpolated(k) && (a.is(k + 1, ',') || a.is(k + 1, ')'));
}

/** Where a server configuration is made at `k`: Java's `new RedisStandaloneConfiguration(`, or Kotlin's call without `new`; its `(`, else -1. */
function serverMadeAt(a: CodeAnalyzer, k: number): number {
  const name = a.idIs(k, 'new') ? k + 1 : k;
  const named = a.idIs(name, 'RedisStandaloneConfiguration') || a.idIs(name, 'RedisClusterConfiguration');
  return named && roleOf(a, name) === 'server' && a.is(name + 1, '(') ? name + 1 : -1;
}

/** Whether the name at `k` is declared a `String` (Java's `String host`, Kotlin's `host: String`). */
function declaredString(a: CodeAnalyzer, k: number): boolean {
  const binding = a.scopes.lookup(a.tokens.text(k), k, true);
  if (!binding || binding === UNBOUND_VALUE || binding.token < 1) {
    return false;
  }
  return a.idIs(binding.token - 1, 'String') || (a.is(binding.token + 1, ':') && a.idIs(binding.token + 2, 'String'));
}

/** Whether the argument from `start` to `end` is a host: a string literal, or a name (`this.host` too) declared a String. */
function hostArgument(a: CodeAnalyzer, start: number, end: number): boolean {
  if (end === start + 1) {
    return (a.isString(start) && !a.tokens.interpolated(start)) || (a.isId(start) && declaredString(a, start));
  }
  return end === start + 3 && a.idIs(start, 'this') && a.isAccess(start + 1) && a.isId(start + 2) && declaredString(a, start + 2);
}

/**
 * The host of the server configuration an argument from `start` to `end` is, made there or held by a local set once
 * to one: its constructor's first argument, or what `server.setHostName(...)` (Kotlin's `server.hostName = ...`) sets
 * in the method. Undefined where it names none (the configuration's default, localhost) or is not known.
 */
function serverHost(a: CodeAnalyzer, start: number, end: number): [number, number] | undefined {
  let open = serverMadeAt(a, start);
  let name: string | undefined;
  if (open < 0 && end === start + 1 && a.isId(start)) {
    const binding = a.scopes.lookup(a.tokens.text(start), start, true);
    open = binding && binding !== UNBOUND_VALUE && binding.expression >= 0 && binding.expression < start ? serverMadeAt(a, binding.expression) : -1;
    name = a.tokens.text(start);
  } else if (a.partner[open] !== end - 1) {
    return undefined;
  }
  if (open < 0) {
    return undefined;
  }
  if (a.idIs(open - 1, 'RedisClusterConfiguration')) {
    return firstNode(a, open);
  }
  const written = segments(a, open);
  if (written.length > 0) {
    return written[0];
  }
  const method = a.scopes.enclosing(start, ['function']);
  const [from, to] = method > 0 ? a.scopes.range(method) : [-1, -1];
  const sets = name === undefined ? [] : tokensNamed(a, 'setHostName').filter((k) => k > from && k < to && a.idIs(k - 2, name) && a.isAccess(k - 1) && a.is(k + 1, '('));
  const assigned = name === undefined ? [] : tokensNamed(a, 'hostName').filter((k) => k > from && k < to && a.idIs(k - 2, name) && a.isAccess(k - 1) && a.is(k + 1, '=') && !a.is(k + 2, '='));
  if (sets.length + assigned.length !== 1) {
    return undefined;
  }
  if (sets.length === 1) {
    const [argument, ...more] = segments(a, sets[0] + 1);
    return argument && more.length === 0 ? argument : undefined;
  }
  const value = assigned[0] + 2;
  return a.isString(value) || a.isId(value) ? [value, value + 1] : undefined;
}

/**
 * `new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port))`, also with a client configuration that
 * leaves TLS off and Lettuce's `(host, port)`, at the factory's `(`: a complete client context of the host, for
 * `redis-tls`'s hover on a client made without TLS. Not where the file calls `setUseSsl`, a server configuration names
 * no host (localhost) or the client configuration may turn TLS on (`useSsl()`, which `redis-tls` reads where it is).
 */
export function factoryClient(a: CodeAnalyzer, name: string, open: number): OptionContext | undefined {
  if (!FACTORIES.includes(name) || roleOf(a, open - 1) !== 'factory' || a.text.includes('setUseSsl')) {
    return undefined;
  }
  const [first, second, ...rest] = segments(a, open);
  if (!first || rest.length > 0) {
    return undefined;
  }
  let host = serverHost(a, first[0], first[1]);
  if (host === undefined && name === 'LettuceConnectionFactory' && second && hostArgument(a, first[0], first[1])) {
    // Lettuce's `(String host, int port)`: the second argument is the port.
    host = first;
  } else if (host === undefined || (second && !argumentWithoutTls(a, second[0], second[1]))) {
    return undefined;
  }
  return { kind: 'redis-client', type: 'spring-data-redis', options: [positionalOption(a, host[0], host[1], 'host')], complete: true, anchor: a.tokenSpan(open - 1) };
}
