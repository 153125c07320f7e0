/**
 * Spring Data Redis connection factories that code builds itself from a server configuration and a client
 * configuration: `new JedisConnectionFactory(server, client)`, `new LettuceConnectionFactory(server)`. The password
 * `server.setPassword(...)` sets travels with TLS only when the client configuration asks for it (`useSsl()`); one
 * built by `builder()...build()` without `useSsl()`, `defaultConfiguration()`, or none at all leaves TLS off
 * (`defaultConfiguration()` of `JedisClientConfiguration` and of `LettuceClientConfiguration`: "SSL ... no").
 * The two are joined only in one method that builds one factory from a local server configuration and a client
 * configuration written there (or none), in a file that never calls `setUseSsl` (the factories' older switch).
 */
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { tokensNamed } from '../tokenIndex';
import { ImportedClasses } from './javaImportedClasses';

const SPRING_CONNECTION = 'org.springframework.data.redis.connection';
type Role = { package: string; role: 'factory' | 'server' | 'client' };

const CLASSES = new ImportedClasses<Role>([
  ['JedisConnectionFactory', { package: `${SPRING_CONNECTION}.jedis`, role: 'factory' }],
  ['LettuceConnectionFactory', { package: `${SPRING_CONNECTION}.lettuce`, role: 'factory' }],
  ['RedisStandaloneConfiguration', { package: SPRING_CONNECTION, role: 'server' }],
  ['RedisStaticMasterReplicaConfiguration', { package: SPRING_CONNECTION, role: 'server' }],
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
export function factoryWithoutTls(a: CodeAnalyzer, start: number): { host: number } | undefined {
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
  const set = tokensNamed(a, 'setHostName').find((k) => k > from && k < to && a.idIs(k - 2, name) && a.isAccess(k - 1) && a.is(k + 1, '('));
  const host = set === undefined ? made + 3 : set + 2;
  return { host: literalArgument(a, host) ? host : -1 };
}

/** Whether the token at `k` is a literal string that is a whole argument. */
function literalArgument(a: CodeAnalyzer, k: number): boolean {
  return a.isString(k) && !a.tokens.interpolated(k) && (a.is(k + 1, ',') || a.is(k + 1, ')'));
}
