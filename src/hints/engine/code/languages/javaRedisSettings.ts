/**
 * TLS and password settings of the Java Redis clients, each read as an option of a Redis client context of
 * its library: Lettuce's `RedisURI` (`withSsl`, `withVerifyPeer(false)`, `withVerifyPeer(SslVerifyMode.NONE)`,
 * `setVerifyPeer`, `withPassword`, and a URI string's password and `verifyPeer=NONE`), Spring Data Redis's
 * Lettuce client configuration (`useSsl().disablePeerVerification()`, `verifyPeer(...)`), connection factory
 * and server configurations (`setPassword`), and Jedis's `DefaultJedisClientConfig` (`ssl`, `password`),
 * `SslOptions` (`sslVerifyMode(SslVerifyMode.INSECURE)`), clients made from a URI string and the password and TLS
 * arguments of Jedis constructors, and Redisson's server configurations (`setPassword`, the address a chain sets
 * with it, and certificate verification); a server configuration's password is joined with the client
 * configuration of the factory it is handed to (`javaSpringRedisFactories.ts`). Where reads go is read the same
 * way: Lettuce's `setReadFrom(ReadFrom.X)` on a cluster or master/replica connection, Spring Data Redis's
 * `readFrom(...)` on its client configuration builder, Redisson's `setReadMode(ReadMode.X)` on a server
 * configuration, Jedis's `readOnlyForRedisClusterReplicas()` and Valkey GLIDE's configuration builders'
 * `readFrom(...)`. A method counts only on a chain that starts at one of these classes, imported from its
 * library, or on a variable of one.
 */
import { RedisFlavor } from '../../model';
import { Binding, UNBOUND_VALUE } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { ImportedClasses } from './javaImportedClasses';
import { jedisConstructorOptions } from './javaJedisConstructors';
import { wholeLettuceUriHost } from './javaLettuceUris';
import { factoryClient, factoryWithoutTls } from './javaSpringRedisFactories';
import { occurrenceOf } from '../options';
import { chainStart } from '../receiverChains';
import { parseRedisUrl, urlOption, wholeUrlOption } from '../redisUrls';
import { Value } from '../values';
import { simpleTypeName, typeBefore } from './typedDeclarations';
import { tokensNamed } from '../tokenIndex';

interface SettingsClass {
  package: string;
  flavor: RedisFlavor;
  /** Methods that set TLS, the password or where reads go, by name, and the option each sets. */
  methods: Readonly<Record<string, string>>;
  /**
   * `create("rediss://...")` (`new JedisPooled("redis://...")` where `constructed`) makes a client or URI from a URI
   * string, which may hold a password and set `verifyPeer`. A client made so has the connection the string
   * describes, whole; a `RedisURI` may still be changed (`uri.setSsl(true)`) before a client uses it.
   */
  fromUri?: 'client' | 'uri';
  constructed?: boolean;
}

const LETTUCE = 'io.lettuce.core';
const SPRING_CONNECTION = 'org.springframework.data.redis.connection';
const SPRING_LETTUCE = `${SPRING_CONNECTION}.lettuce`;
const JEDIS = 'redis.clients.jedis';

/**
 * Spring's `LettuceClientConfigurationBuilder`: `readFrom(ReadFrom)` (since Spring Data Redis 2.1), and its
 * `LettuceSslClientConfigurationBuilder`, reached by `useSsl()`; `verifyPeer(SslVerifyMode)` since Spring Data Redis 3.4.
 */
const SPRING_BUILDER_METHODS = { useSsl: 'ssl', disablePeerVerification: 'disablePeerVerification', verifyPeer: 'verifyPeer', readFrom: 'readFrom' };

/** Spring Data Redis's server configurations: `setPassword(String | char[] | RedisPassword)`. */
const SPRING_SERVER: SettingsClass = { package: SPRING_CONNECTION, flavor: 'spring-data-redis', methods: { setPassword: 'password' } };
/** Jedis clients and pools with a constructor that takes a `redis://` or `rediss://` URI string. */
const JEDIS_FROM_URI: SettingsClass = { package: JEDIS, flavor: 'jedis', methods: {}, fromUri: 'client', constructed: true };
/**
 * Redisson's `Config` and the server configurations its `useSingleServer()`, `useClusterServers()` (and the
 * sentinel, replicated and master-slave ones) return: `setPassword(String)` (on `Config` since Redisson 4.0),
 * `setSslVerificationMode(SslVerificationMode)` (since 3.41; `NONE` checks no certificate) and the older
 * `setSslEnableEndpointIdentification(boolean)`. TLS comes from the `rediss://` scheme of the addresses. The
 * servers with replicas take `setReadMode(ReadMode)`, `SLAVE` unless set: where the file never sets it, the call that
 * picks such servers (`useClusterServers()`) stands for the setting (BaseMasterSlaveServersConfig).
 */
const REDISSON_SERVER: SettingsClass = {
  package: 'org.redisson.config',
  flavor: 'redisson',
  methods: {
    setPassword: 'password',
    setSslVerificationMode: 'sslVerificationMode',
    setSslEnableEndpointIdentification: 'sslEnableEndpointIdentification',
    setReadMode: 'readMode',
    useClusterServers: 'readMode',
    useReplicatedServers: 'readMode',
    useMasterSlaveServers: 'readMode',
    useSentinelServers: 'readMode',
  },
};

/**
 * Lettuce's connections that may read from replicas, and what makes them: `setReadFrom(ReadFrom)` on a cluster
 * connection (`clusterClient.connect()`) or a master/replica one (`MasterReplica.connect(client, codec, uris)`,
 * `MasterSlave` before Lettuce 5.2).
 */
const LETTUCE_READS: SettingsClass = { package: LETTUCE, flavor: 'lettuce', methods: { setReadFrom: 'readFrom' } };
const lettuceReads = (subpackage: string): SettingsClass => ({ ...LETTUCE_READS, package: `${LETTUCE}.${subpackage}` });

/** Valkey GLIDE for Java's configuration builders: `readFrom(ReadFrom.PREFER_REPLICA)` (glide.api.models.configuration). */
const GLIDE_CONFIGURATION: SettingsClass = { package: 'glide.api.models.configuration', flavor: 'glide-sync', methods: { readFrom: 'readFrom' } };

/** By simple name; a name may stand for classes of two libraries (`RedisClient`): the import says which. */
const SETTINGS_CLASSES: readonly [string, SettingsClass][] = [
  // `withVerifyPeer(false)` is `withVerifyPeer(SslVerifyMode.NONE)` (RedisURI.Builder); the URI query `verifyPeer` since Lettuce 6.1.
  ['RedisURI', { package: LETTUCE, flavor: 'lettuce', methods: { withSsl: 'ssl', setSsl: 'ssl', withVerifyPeer: 'verifyPeer', setVerifyPeer: 'verifyPeer', withPassword: 'password', setPassword: 'password' }, fromUri: 'uri' }],
  ['RedisClient', { package: LETTUCE, flavor: 'lettuce', methods: {}, fromUri: 'client' }],
  // `clusterClient.connect().setReadFrom(...)`: the connection it opens.
  ['RedisClusterClient', { package: `${LETTUCE}.cluster`, flavor: 'lettuce', methods: LETTUCE_READS.methods, fromUri: 'client' }],
  ['StatefulRedisClusterConnection', lettuceReads('cluster.api')],
  ['MasterReplica', lettuceReads('masterreplica')],
  ['StatefulRedisMasterReplicaConnection', lettuceReads('masterreplica')],
  ['MasterSlave', lettuceReads('masterslave')],
  ['StatefulRedisMasterSlaveConnection', lettuceReads('masterslave')],
  ['LettuceClientConfiguration', { package: SPRING_LETTUCE, flavor: 'spring-data-redis', methods: SPRING_BUILDER_METHODS }],
  // The builder's own type, imported as the nested class it is (a customizer's parameter).
  ['LettuceClientConfigurationBuilder', { package: `${SPRING_LETTUCE}.LettuceClientConfiguration`, flavor: 'spring-data-redis', methods: SPRING_BUILDER_METHODS }],
  ['LettucePoolingClientConfiguration', { package: SPRING_LETTUCE, flavor: 'spring-data-redis', methods: SPRING_BUILDER_METHODS }],
  // Spring Boot's callback bean, whose one parameter is the builder Boot configures from `spring.data.redis.*`
  // (`return builder -> builder.useSsl().disablePeerVerification();`): Boot 2 and 3, and Boot 4's package.
  ['LettuceClientConfigurationBuilderCustomizer', { package: 'org.springframework.boot.autoconfigure.data.redis', flavor: 'spring-data-redis', methods: SPRING_BUILDER_METHODS }],
  ['LettuceClientConfigurationBuilderCustomizer', { package: 'org.springframework.boot.data.redis.autoconfigure', flavor: 'spring-data-redis', methods: SPRING_BUILDER_METHODS }],
  ['LettuceConnectionFactory', { package: SPRING_LETTUCE, flavor: 'spring-data-redis', methods: { setUseSsl: 'ssl', setVerifyPeer: 'verifyPeer', setPassword: 'password' } }],
  ['RedisStandaloneConfiguration', SPRING_SERVER],
  ['RedisClusterConfiguration', SPRING_SERVER],
  ['RedisSentinelConfiguration', SPRING_SERVER],
  // ElastiCache's primary and reader endpoints as one master/replica configuration.
  ['RedisStaticMasterReplicaConfiguration', SPRING_SERVER],
  // Its nested `RedisConfiguration.WithPassword` and `WithAuthentication`, the type a helper that sets any of them takes.
  ['RedisConfiguration', SPRING_SERVER],
  // `readOnlyForRedisClusterReplicas()` (Jedis 5.2+) lets a cluster client read replicas (`executeCommandToReplica`).
  ['DefaultJedisClientConfig', { package: JEDIS, flavor: 'jedis', methods: { ssl: 'ssl', sslOptions: 'ssl', password: 'password', readOnlyForRedisClusterReplicas: 'readOnlyForRedisClusterReplicas' } }],
  // Jedis 6.0+: `SslVerifyMode.INSECURE` trusts every certificate (SslOptions.createSslContext).
  ['SslOptions', { package: JEDIS, flavor: 'jedis', methods: { sslVerifyMode: 'sslVerifyMode' } }],
  ['Jedis', JEDIS_FROM_URI],
  ['JedisPooled', JEDIS_FROM_URI],
  ['JedisPool', JEDIS_FROM_URI],
  // Their passwords and TLS flags are constructor arguments (javaJedisConstructors.ts).
  ['JedisCluster', { package: JEDIS, flavor: 'jedis', methods: {} }],
  ['JedisSentinelPool', { package: JEDIS, flavor: 'jedis', methods: {} }],
  ['Config', REDISSON_SERVER],
  ['SingleServerConfig', REDISSON_SERVER],
  ['ClusterServersConfig', REDISSON_SERVER],
  ['SentinelServersConfig', REDISSON_SERVER],
  ['ReplicatedServersConfig', REDISSON_SERVER],
  ['MasterSlaveServersConfig', REDISSON_SERVER],
  // Jedis 7.2's client (RedisClient.create(String url)).
  ['RedisClient', { package: JEDIS, flavor: 'jedis', methods: {}, fromUri: 'client' }],
  ['GlideClientConfiguration', GLIDE_CONFIGURATION],
  ['GlideClusterClientConfiguration', GLIDE_CONFIGURATION],
];

/** Spring Boot's Lettuce customizer, the one callback whose lambda parameter is read as its builder. */
const CUSTOMIZER = 'LettuceClientConfigurationBuilderCustomizer';

/** Every method name that sets TLS or a password on one of the classes, for a quick test of each call. */
const SETTING_METHODS = new Set(SETTINGS_CLASSES.flatMap(([, type]) => [...Object.keys(type.methods), ...(type.fromUri && !type.constructed ? ['create'] : [])]));

/** How many variables that hold one another are followed back to the class. */
const MAX_HOPS = 4;

const IMPORTED = new ImportedClasses(SETTINGS_CLASSES);

/** Notes an `import a.b.C;` or `import a.b.*;` of one of the classes. */
export function noteSettingsImport(a: CodeAnalyzer, path: string): void {
  IMPORTED.note(a, path);
}

export function isSettingMethod(name: string): boolean {
  return SETTING_METHODS.has(name);
}

/**
 * A Jedis client constructed at `new`: the password and TLS its URI string gives (`new JedisPooled("redis://:secret@cache:6379")`),
 * or its password, TLS and host arguments (`new JedisPool(config, host, port, timeout, password)`); a Spring Data Redis
 * connection factory and the host of its server configuration.
 */
export function javaRedisConstructor(a: CodeAnalyzer, newIndex: number): void {
  const name = a.id(newIndex + 1);
  const type = name === undefined ? undefined : importedClass(a, name);
  const open = newIndex + 2;
  // A Spring Data Redis connection factory, a client of the server its configuration names (`javaSpringRedisFactories.ts`).
  const factory = name !== undefined && a.is(open, '(') ? factoryClient(a, name, open) : undefined;
  if (factory) {
    a.contexts.push(factory);
  }
  if (!type || !a.is(open, '(')) {
    return;
  }
  if (type.constructed && a.isString(open + 1) && a.is(open + 2, ')')) {
    uriOptions(a, open + 1, type);
  } else if (type.flavor === 'jedis') {
    const context = jedisConstructorOptions(a, name!, open);
    if (context) {
      a.contexts.push(context);
    }
  }
}

/** `.withVerifyPeer(false)` at its name token, after a `.`: an option of its class's client, when the chain starts at one. */
export function javaRedisSettingCall(a: CodeAnalyzer, nameIndex: number): void {
  const open = nameIndex + 1;
  const close = a.partner[open];
  const type = close > open ? classOfChain(a, chainStart(a, nameIndex - 2), 0) : undefined;
  const method = a.tokens.text(nameIndex);
  if (type && !redisSetting(a, nameIndex, method, open + 1, close, close) && method === 'create' && type.fromUri && !type.constructed && a.isString(open + 1) && a.is(open + 2, ')')) {
    uriOptions(a, open + 1, type);
  }
}

/**
 * Kotlin's `server.password = secret`: Java's setter (`setPassword`) written as a property, its value from `valueStart`
 * to `valueEnd` (exclusive), read as the setter's call.
 */
export function javaRedisPropertySetting(a: CodeAnalyzer, nameIndex: number, valueStart: number, valueEnd: number): void {
  const name = a.tokens.text(nameIndex);
  redisSetting(a, nameIndex, `set${name.charAt(0).toUpperCase()}${name.slice(1)}`, valueStart, valueEnd, valueEnd - 1);
}

/**
 * The option a setter (`method`) of the Redis settings class its chain reaches sets, its value `valueStart`..`valueEnd`
 * (exclusive) and its removal ending at `removalEnd`; whether it is one.
 */
function redisSetting(a: CodeAnalyzer, nameIndex: number, method: string, valueStart: number, valueEnd: number, removalEnd: number): boolean {
  const type = classOfChain(a, chainStart(a, nameIndex - 2), 0);
  const option = type?.methods[method];
  // `useClusterServers()` reads from replicas by default; a `setReadMode` of the file says where reads go instead.
  if (option === 'readMode' && method !== 'setReadMode' && tokensNamed(a, 'setReadMode').length > 0) {
    return true;
  }
  if (type && option) {
    const occurrence = occurrenceOf(a, { key: nameIndex, valueStart, valueEnd, removalStart: nameIndex - 1, removalEnd, name: option });
    const address = type.flavor === 'redisson' && option === 'password' ? redissonAddress(a, chainStart(a, nameIndex - 2), removalEnd) : undefined;
    // A Spring server configuration's password, with the client configuration of the factory it is handed to.
    const factory = type === SPRING_SERVER ? factoryWithoutTls(a, chainStart(a, nameIndex - 2)) : undefined;
    // A password set on the chain that also sets the server's address: that address says whether TLS is on.
    const options = address === undefined ? [occurrence] : [occurrence, wholeUrlOption(a, address)];
    // A Lettuce `RedisURI.create(host, port)` whose password is set and whose TLS never is (`javaLettuceUris.ts`).
    const uriHost = type.flavor === 'lettuce' && option === 'password' ? wholeLettuceUriHost(a, chainStart(a, nameIndex - 2)) : undefined;
    const [host, hostEnd] = factory && factory.host >= 0 ? [factory.host, factory.hostEnd] : uriHost !== undefined ? [uriHost, uriHost + 1] : [-1, -1];
    if (host >= 0) {
      options.push(occurrenceOf(a, { key: host, valueStart: host, valueEnd: hostEnd, removalStart: host, removalEnd: host, name: 'host' }));
    }
    a.contexts.push({ kind: 'redis-client', type: type.flavor, options, complete: address !== undefined || factory !== undefined || uriHost !== undefined, anchor: a.tokenSpan(nameIndex) });
    return true;
  }
  return false;
}

/**
 * The string token of a `setAddress("redis://...")` (or a cluster's `addNodeAddress(...)`) call on the same chain
 * as a Redisson `setPassword(...)` (`config.useSingleServer().setAddress("redis://cache:6379").setPassword(pw)`),
 * before or after it; an address written elsewhere, or not as a literal, gives nothing. `close` ends the password's call.
 */
function redissonAddress(a: CodeAnalyzer, start: number, close: number): number | undefined {
  let found: number | undefined;
  for (let k = start; k < a.partner.length; ) {
    const call = a.isAccess(k) && a.isId(k + 1) && a.is(k + 2, '(') ? a.partner[k + 2] : -1;
    if (call > k + 2 && (a.idIs(k + 1, 'setAddress') || a.idIs(k + 1, 'addNodeAddress'))) {
      const token = found === undefined ? addressToken(a, k + 2, call) : undefined;
      if (token === undefined) {
        return undefined;
      }
      found = token;
    }
    if (call > k + 2) {
      k = call + 1;
    } else if (k > close) {
      // Past the password's call the chain goes on only through `.name(...)`.
      break;
    } else {
      // The receiver before it: a bracketed group (a constructor's arguments) is passed whole.
      const partner = a.partner[k];
      k = partner > k ? partner + 1 : k + 1;
    }
  }
  return found;
}

/**
 * The address a `setAddress("redis://cache:6379")` or a cluster's `addNodeAddress("redis://a:6379", "redis://b:6379")`
 * gives, its arguments in the brackets `open`..`close`: every one a literal URL, and the first of them that asks
 * for TLS (`rediss://`), else the first; undefined when one is not a literal URL.
 */
function addressToken(a: CodeAnalyzer, open: number, close: number): number | undefined {
  let first: number | undefined;
  for (let token = open + 1; token < close; token += 2) {
    const url = a.isString(token) && !a.tokens.interpolated(token) ? parseRedisUrl(a.tokens.text(token)) : undefined;
    if (!url || !(a.is(token + 1, ',') || token + 1 === close)) {
      return undefined;
    }
    if (url.tls) {
      return token;
    }
    first ??= token;
  }
  return first;
}

/**
 * `RedisClient.create("redis://:secret@cache:6379")`: the URI, its password (Lettuce's `redis://secret@cache` too:
 * https://github.com/lettuce-io/lettuce-core/wiki/Redis-URI-and-connection-details), and (Lettuce, which reads the
 * parameter's name in any case and its value as an `SslVerifyMode`) a `verifyPeer` parameter of a `rediss://` URI.
 * Only a client made from the string is known whole: a `RedisURI` may get TLS from a setter afterwards.
 */
function uriOptions(a: CodeAnalyzer, token: number, type: SettingsClass): void {
  const url = a.tokens.interpolated(token) ? undefined : parseRedisUrl(a.tokens.text(token));
  if (!url) {
    return;
  }
  const options = [wholeUrlOption(a, token)];
  // Lettuce reads `redis://secret@host` as a password alone (RedisURI: `[[username :] password@] host`).
  const password = url.password ?? (type.flavor === 'lettuce' ? url.userOnly : undefined);
  if (password) {
    options.push(urlOption(a, token, 'password', password, password, { kind: 'str', value: password.value }));
  }
  const parameter = type.flavor === 'lettuce' ? url.query.find((entry) => entry.key.value.toLowerCase() === 'verifypeer') : undefined;
  if (url.tls && parameter) {
    options.push(urlOption(a, token, 'verifyPeer', parameter.key, parameter.value, { kind: 'str', value: parameter.value.value }));
  }
  if (options.length > 1) {
    a.contexts.push({ kind: 'redis-client', type: type.flavor, options, complete: type.fromUri === 'client', anchor: a.tokenSpan(token) });
  }
}

/** The TLS class a chain starts at: the class itself, or a variable (or `this` field) declared as or set to one. */
function classOfChain(a: CodeAnalyzer, start: number, hops: number): SettingsClass | undefined {
  let k = a.idIs(start, 'new') ? start + 1 : start;
  if (a.idIs(k, 'this') && a.is(k + 1, '.')) {
    k += 2;
  }
  const name = a.id(k);
  if (name === undefined) {
    return undefined;
  }
  const imported = importedClass(a, name);
  if (imported || hops >= MAX_HOPS) {
    return imported;
  }
  const binding: Binding<Value> | undefined = a.scopes.lookup(name, k, true);
  if (!binding) {
    // An untyped lambda parameter, which the scope model binds only when it is known to be a client.
    const parameter = lambdaParameterNamed(a, name, k);
    return parameter === undefined ? undefined : callbackClass(a, parameter);
  }
  if (binding === UNBOUND_VALUE) {
    return undefined;
  }
  // `RedisURI uri = RedisURI.create(...)`, `var config = LettuceClientConfiguration.builder()`; a field or
  // parameter without a value: the type written before its name; an untyped lambda parameter: the callback type
  // the lambda is returned as or assigned to.
  if (binding.expression >= 0) {
    return classOfChain(a, binding.expression, hops + 1);
  }
  return declaredClass(a, binding.token) ?? callbackClass(a, binding.token);
}

/** The class a field, parameter or local is declared with, type arguments aside (`StatefulRedisClusterConnection<String, String> connection`). */
function declaredClass(a: CodeAnalyzer, name: number): SettingsClass | undefined {
  const start = typeBefore(a, name);
  const last = start < 0 ? -1 : simpleTypeName(a, start);
  return last < 0 ? undefined : (importedClass(a, a.id(last) ?? '') ?? nestedClass(a, last));
}

/**
 * A nested type written with its outer class ending at `k`: the outer class's settings, for Spring's
 * `RedisConfiguration.WithAuthentication` (and its other `With` interfaces) and
 * `LettuceClientConfiguration.LettuceClientConfigurationBuilder`.
 */
function nestedClass(a: CodeAnalyzer, k: number): SettingsClass | undefined {
  const outer = a.isAccess(k - 1) ? a.id(k - 2) : undefined;
  const nested = (outer === 'RedisConfiguration' && /^With[A-Z]/.test(a.id(k) ?? '')) || (outer === 'LettuceClientConfiguration' && a.idIs(k, 'LettuceClientConfigurationBuilder'));
  return nested ? importedClass(a, outer!) : undefined;
}

/** The one parameter `name` of the innermost lambda around `k` that declares it (`name ->`, `(name) ->`), or undefined. */
function lambdaParameterNamed(a: CodeAnalyzer, name: string, k: number): number | undefined {
  for (let scope = a.scopes.enclosing(k, ['function']); scope > 0; scope = a.scopes.enclosing(a.scopes.start(scope) - 1, ['function'])) {
    const fn = a.functions.get(scope);
    const parameter = fn === undefined ? -1 : a.is(fn.params, '(') ? fn.params + 1 : fn.params;
    if (parameter >= 0 && a.idIs(parameter, name)) {
      return parameter;
    }
  }
  return undefined;
}

/**
 * The class of a callback whose lambda takes the untyped parameter at `token` (`builder -> ...`, `(builder) -> ...`),
 * when the lambda is the returned value of a method declared to return that class (`@Bean
 * LettuceClientConfigurationBuilderCustomizer tls() { return builder -> builder.useSsl(); }`) or the value of a
 * variable declared with it. Only a class of the table whose parameter is its builder counts (the customizer).
 */
function callbackClass(a: CodeAnalyzer, token: number): SettingsClass | undefined {
  let start: number;
  if (a.is(token + 1, '->')) {
    start = token;
  } else if (a.is(token - 1, '(') && a.is(token + 1, ')') && a.is(token + 2, '->')) {
    start = token - 1;
  } else {
    return undefined;
  }
  let type: string | undefined;
  if (a.idIs(start - 1, 'return')) {
    const method = a.functions.get(a.scopes.enclosing(start - 1, ['function']));
    type = method && a.is(method.params, '(') && a.isId(method.params - 1) ? a.id(method.params - 2) : undefined;
  } else if (a.is(start - 1, '=') && a.isId(start - 2)) {
    type = a.id(start - 3);
  }
  return type === CUSTOMIZER ? importedClass(a, type) : undefined;
}

function importedClass(a: CodeAnalyzer, name: string): SettingsClass | undefined {
  return IMPORTED.get(a, name);
}
