/**
 * TLS settings of the Java Redis clients, each read as an option of a Redis client context of its
 * library: Lettuce's `RedisURI` (`withSsl`, `withVerifyPeer(false)`, `withVerifyPeer(SslVerifyMode.NONE)`,
 * `setVerifyPeer`, and `verifyPeer=NONE` in a URI string), Spring Data Redis's Lettuce client configuration
 * (`useSsl().disablePeerVerification()`, `verifyPeer(...)`) and connection factory, and Jedis's
 * `DefaultJedisClientConfig` and `SslOptions` (`sslVerifyMode(SslVerifyMode.INSECURE)`). A method counts only
 * on a chain that starts at one of these classes, imported from its library, or on a variable of one.
 */
import { RedisFlavor } from '../../model';
import { Binding, UNBOUND_VALUE } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import { occurrenceOf } from '../options';
import { chainStart } from '../receiverChains';
import { parseRedisUrl, urlOption } from '../redisUrls';
import { Value } from '../values';

interface TlsClass {
  package: string;
  flavor: RedisFlavor;
  /** Methods that set TLS, by name, and the option each sets. */
  methods: Readonly<Record<string, string>>;
  /** `create("rediss://...")` makes a client or URI from a URI string, whose query may set `verifyPeer`. */
  fromUri?: boolean;
}

const LETTUCE = 'io.lettuce.core';
const SPRING_LETTUCE = 'org.springframework.data.redis.connection.lettuce';
const JEDIS = 'redis.clients.jedis';

/** Spring's `LettuceSslClientConfigurationBuilder`, reached by `useSsl()`; `verifyPeer(SslVerifyMode)` since Spring Data Redis 3.4. */
const SPRING_BUILDER_METHODS = { useSsl: 'ssl', disablePeerVerification: 'disablePeerVerification', verifyPeer: 'verifyPeer' };

const TLS_CLASSES: Readonly<Record<string, TlsClass>> = {
  // `withVerifyPeer(false)` is `withVerifyPeer(SslVerifyMode.NONE)` (RedisURI.Builder); the URI query `verifyPeer` since Lettuce 6.1.
  RedisURI: { package: LETTUCE, flavor: 'lettuce', methods: { withSsl: 'ssl', setSsl: 'ssl', withVerifyPeer: 'verifyPeer', setVerifyPeer: 'verifyPeer' }, fromUri: true },
  RedisClient: { package: LETTUCE, flavor: 'lettuce', methods: {}, fromUri: true },
  RedisClusterClient: { package: `${LETTUCE}.cluster`, flavor: 'lettuce', methods: {}, fromUri: true },
  LettuceClientConfiguration: { package: SPRING_LETTUCE, flavor: 'spring-data-redis', methods: SPRING_BUILDER_METHODS },
  LettucePoolingClientConfiguration: { package: SPRING_LETTUCE, flavor: 'spring-data-redis', methods: SPRING_BUILDER_METHODS },
  LettuceConnectionFactory: { package: SPRING_LETTUCE, flavor: 'spring-data-redis', methods: { setUseSsl: 'ssl', setVerifyPeer: 'verifyPeer' } },
  DefaultJedisClientConfig: { package: JEDIS, flavor: 'jedis', methods: { ssl: 'ssl', sslOptions: 'ssl' } },
  // Jedis 6.0+: `SslVerifyMode.INSECURE` trusts every certificate (SslOptions.createSslContext).
  SslOptions: { package: JEDIS, flavor: 'jedis', methods: { sslVerifyMode: 'sslVerifyMode' } },
};

/** Every method name that sets TLS on one of the classes, for a quick test of each call. */
const TLS_METHODS = new Set(Object.values(TLS_CLASSES).flatMap((type) => [...Object.keys(type.methods), ...(type.fromUri ? ['create'] : [])]));

/** How many variables that hold one another are followed back to the class. */
const MAX_HOPS = 4;

/** Per file, the TLS classes its imports bring in. */
const importedNames = new FileMemo<string, boolean>();

/** Notes an `import a.b.C;` or `import a.b.*;` of one of the classes. */
export function noteTlsImport(a: CodeAnalyzer, path: string): void {
  const dot = path.lastIndexOf('.');
  const pkg = path.slice(0, dot);
  const name = path.slice(dot + 1);
  for (const [type, info] of Object.entries(TLS_CLASSES)) {
    if (info.package === pkg && (name === '*' || name === type)) {
      importedNames.set(a, type, true);
    }
  }
}

export function isTlsMethod(name: string): boolean {
  return TLS_METHODS.has(name);
}

/** `.withVerifyPeer(false)` at its name token, after a `.`: an option of its class's client, when the chain starts at one. */
export function javaRedisTlsCall(a: CodeAnalyzer, nameIndex: number): void {
  const open = nameIndex + 1;
  const close = a.partner[open];
  const type = close > open ? classOfChain(a, chainStart(a, nameIndex - 2), 0) : undefined;
  if (!type) {
    return;
  }
  const method = a.tokens.text(nameIndex);
  const option = type.methods[method];
  if (option) {
    const occurrence = occurrenceOf(a, { key: nameIndex, valueStart: open + 1, valueEnd: close, removalStart: nameIndex - 1, removalEnd: close, name: option });
    a.contexts.push({ kind: 'redis-client', type: type.flavor, options: [occurrence], complete: false, anchor: a.tokenSpan(nameIndex) });
  } else if (method === 'create' && type.fromUri && a.isString(open + 1)) {
    uriVerifyPeer(a, open + 1, type.flavor);
  }
}

/** `RedisClient.create("rediss://host?verifyPeer=NONE")`: Lettuce reads the parameter's name in any case and its value as an `SslVerifyMode`. */
function uriVerifyPeer(a: CodeAnalyzer, token: number, flavor: RedisFlavor): void {
  const url = a.tokens.interpolated(token) ? undefined : parseRedisUrl(a.tokens.text(token));
  const parameter = url?.query.find((entry) => entry.key.value.toLowerCase() === 'verifypeer');
  if (url?.tls && parameter) {
    const option = urlOption(a, token, 'verifyPeer', parameter.key, parameter.value, { kind: 'str', value: parameter.value.value });
    a.contexts.push({ kind: 'redis-client', type: flavor, options: [option], complete: false, anchor: a.tokenSpan(token) });
  }
}

/** The TLS class a chain starts at: the class itself, or a variable (or `this` field) declared as or set to one. */
function classOfChain(a: CodeAnalyzer, start: number, hops: number): TlsClass | undefined {
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
  if (!binding || binding === UNBOUND_VALUE) {
    return undefined;
  }
  // `RedisURI uri = RedisURI.create(...)`, `var config = LettuceClientConfiguration.builder()`; a field or
  // parameter without a value: the type written before its name.
  return binding.expression >= 0 ? classOfChain(a, binding.expression, hops + 1) : importedClass(a, a.id(binding.token - 1) ?? '');
}

function importedClass(a: CodeAnalyzer, name: string): TlsClass | undefined {
  return importedNames.get(a, name, () => false) ? TLS_CLASSES[name] : undefined;
}
