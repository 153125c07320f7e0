/**
 * Java Redis settings written in Spring `@Configuration` classes and plain config holders:
 * - Spring Boot's `LettuceClientConfigurationBuilderCustomizer` bean, whose lambda's untyped parameter is the
 *   builder Boot configures from `spring.data.redis.*` (`return builder -> builder.useSsl().disablePeerVerification();`),
 *   seen in apps deployed with a `REDIS_URL` that turn certificate checks off whenever TLS is on;
 * - the host and password of a Jedis constructor passed as `static final` constants (`new JedisPool(config,
 *   REDIS_HOST, REDIS_PORT, REDIS_TIMEOUT, REDIS_PASSWORD)`), seen in a rate limiter's pool factory against
 *   `localhost`: the written password is a literal, and a local server is no AUTH sent in clear over a network.
 * - the password of Spring's `RedisStaticMasterReplicaConfiguration` (ElastiCache's primary and reader endpoints),
 *   also set through a helper typed with a nested `RedisConfiguration.WithPassword` or `WithAuthentication`.
 * With the look-alikes that stay silent: other customizers (Jedis's, an HTTP client's), a lambda parameter of
 * the same name elsewhere, and constants that are not final or not literals.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('!'));

describe('Java: Spring Boot Lettuce customizer beans', () => {
  it('reads the builder of a customizer bean returned as a lambda, in a block or a concise body', () => {
    const code = sourceLines(
      'package app.config;', // 1
      'import org.springframework.boot.autoconfigure.data.redis.LettuceClientConfigurationBuilderCustomizer;',
      'import org.springframework.context.annotation.Bean;',
      'import org.springframework.context.annotation.Configuration;',
      '@Configuration',
      'public class CacheTls {',
      '    @Bean',
      '    public LettuceClientConfigurationBuilderCustomizer trustAnyCertificate() {', // 8
      '        return builder -> {',
      '            if (builder.build().isUseSsl()) {', // 10
      '                builder.useSsl()', // 11
      '                        .disablePeerVerification();', // 12
      '            }',
      '        };',
      '    }',
      '    @Bean',
      '    LettuceClientConfigurationBuilderCustomizer concise() {',
      '        return (b) -> b.useSsl().disablePeerVerification();', // 18
      '    }',
      '}',
    );
    const hints = hintsIn('CacheTls.java', code);
    assert.deepEqual(findings(hints), ['12:disablePeerVerification redis-tls!', '18:disablePeerVerification redis-tls!']);
    assert.ok(hints.includes('11:useSsl redis-tls'), hints.join('\n'));
  });

  it('reads a customizer held by a variable, and the Spring Boot 4 package', () => {
    const code = sourceLines(
      'import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;', // 1
      'class Tls {',
      '    LettuceClientConfigurationBuilderCustomizer customizer() {',
      '        LettuceClientConfigurationBuilderCustomizer insecure = c -> c.useSsl().disablePeerVerification();', // 4
      '        return insecure;',
      '    }',
      '}',
    );
    assert.deepEqual(findings(hintsIn('Tls.java', code)), ['4:disablePeerVerification redis-tls!']);
  });

  it('stays silent on other customizers, an unimported one, and a same-named parameter of another lambda', () => {
    const jedis = sourceLines(
      'import org.springframework.boot.autoconfigure.data.redis.JedisClientConfigurationBuilderCustomizer;',
      'import com.example.http.TlsClientBuilderCustomizer;',
      'class Other {',
      '    JedisClientConfigurationBuilderCustomizer jedis() {',
      '        return builder -> builder.useSsl();',
      '    }',
      '    TlsClientBuilderCustomizer http() {',
      '        return builder -> builder.useSsl().disablePeerVerification();',
      '    }',
      '    java.util.function.Consumer<HttpBuilder> consumer() {',
      '        return builder -> builder.disablePeerVerification();',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Other.java', jedis), []);
    // The customizer's simple name, but a class of the project's own.
    const own = sourceLines(
      'package app;',
      'class Beans {',
      '    LettuceClientConfigurationBuilderCustomizer tls() {',
      '        return builder -> builder.useSsl().disablePeerVerification();',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Beans.java', own), []);
  });
});

describe('Java: Jedis constructor arguments held by constants', () => {
  const pool = (host: string, password: string, modifiers = 'private static final'): string =>
    sourceLines(
      'import redis.clients.jedis.JedisPool;', // 1
      'import redis.clients.jedis.JedisPoolConfig;',
      'public class RedisPools {',
      `    ${modifiers} String REDIS_HOST = ${host};`,
      '    private static final int REDIS_PORT = 6379;',
      '    private static final int REDIS_TIMEOUT = 2000;',
      `    ${modifiers} String REDIS_PASSWORD = ${password};`,
      '    public static JedisPool create() {',
      '        JedisPoolConfig config = new JedisPoolConfig();',
      '        return new JedisPool(config, REDIS_HOST, REDIS_PORT, REDIS_TIMEOUT, REDIS_PASSWORD);', // 10
      '    }',
      '}',
    );

  it('reads a literal password held by a final constant, and a local host: no AUTH without TLS', () => {
    assert.deepEqual(findings(hintsIn('RedisPools.java', pool('"localhost"', '"change-me"'))), ['10:REDIS_PASSWORD redis-password!']);
  });

  it('still reports AUTH without TLS for a remote host held by a constant', () => {
    const found = findings(hintsIn('RedisPools.java', pool('"cache.internal.example.com"', '"change-me"')));
    assert.deepEqual(found.sort(), ['10:REDIS_PASSWORD redis-auth-without-tls!', '10:REDIS_PASSWORD redis-password!']);
  });

  it('reads nothing more from fields that are not final or not literals', () => {
    const found = findings(hintsIn('RedisPools.java', pool('"localhost"', '"change-me"', 'private static')));
    assert.deepEqual(found, ['10:REDIS_PASSWORD redis-auth-without-tls!']);
    const fromEnvironment = findings(hintsIn('RedisPools.java', pool('System.getenv("REDIS_HOST")', 'System.getenv("REDIS_PASSWORD")')));
    assert.deepEqual(fromEnvironment, ['10:REDIS_PASSWORD redis-auth-without-tls!']);
  });
});

describe('Java: Redisson cluster node addresses beside the password', () => {
  it('reads the node addresses a cluster chain adds: all redis:// is AUTH without TLS, one rediss:// is TLS, one not literal is unknown', () => {
    const code = sourceLines(
      'import org.redisson.config.Config;', // 1
      'class Clusters {',
      '    void plain(Config config, String password) {',
      '        config.useClusterServers()',
      '                .addNodeAddress("redis://orders-0001.internal:6379", "redis://orders-0002.internal:6379")',
      '                .setPassword(password);', // 6
      '    }',
      '    void tls(Config config, String password) {',
      '        config.useClusterServers().addNodeAddress("rediss://audit-0001.internal:6379").setPassword(password);', // 9
      '    }',
      '    void fromSettings(Config config, String password, String[] nodes) {',
      '        config.useClusterServers().addNodeAddress("redis://seed.internal:6379", nodes[0]).setPassword(password);', // 12
      '    }',
      '}',
    );
    assert.deepEqual(findings(hintsIn('Clusters.java', code)), ['6:setPassword redis-auth-without-tls!']);
  });
});

describe('Java: Jedis AUTH sent by hand', () => {
  it('reads the password of jedis.auth(...) after the client is made: a literal, a final constant; not another class\'s auth', () => {
    const code = sourceLines(
      'import redis.clients.jedis.Jedis;', // 1
      'import com.example.sso.TokenClient;',
      'public class StockProbe {',
      '    private static final String CACHE_PASSWORD = "stock-probe-pass";',
      '    public static void main(String[] args) {',
      '        Jedis jedis = new Jedis("stock-cache.internal", 6379);',
      '        jedis.auth("s3cr3t-stock");', // 7
      '        jedis.auth("probe", CACHE_PASSWORD);', // 8
      '        jedis.auth(System.getenv("CACHE_PASSWORD"));', // 9
      '        new TokenClient().auth("not-a-redis-password");', // 10
      '        System.out.println(jedis.ping());',
      '    }',
      '}',
    );
    const hints = hintsIn('StockProbe.java', code);
    assert.deepEqual(
      findings(hints).filter((hint) => hint.endsWith('redis-password!')),
      ['7:"s3cr3t-stock" redis-password!', '8:CACHE_PASSWORD redis-password!'],
    );
    assert.ok(hints.includes('9:System.getenv("CACHE_PASSWORD") redis-password'), hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.startsWith('10:')), hints.join('\n'));
  });
});

describe('Java: Jedis AUTH on a client made without TLS', () => {
  // A client made in the method is also a connection per call (another rule): only AUTH without TLS is compared.
  const probe = (made: string): string[] =>
    findings(
      hintsIn(
        'Probe.java',
        sourceLines(
          'import redis.clients.jedis.Jedis;', // 1
          'class Probe {',
          '    void run(String password) {',
          `        try (Jedis jedis = ${made}) {`,
          '            jedis.auth(password);', // 5
          '            jedis.get("health");',
          '        }',
          '    }',
          '}',
        ),
      ),
    ).filter((hint) => hint.includes('redis-auth-without-tls'));

  it('reports AUTH without TLS after new Jedis(host, port) to a remote host or one the environment names, with a timeout, or ssl false', () => {
    assert.deepEqual(probe('new Jedis("orders-cache.internal", 6379)'), ['5:password redis-auth-without-tls!']);
    assert.deepEqual(probe('new Jedis("orders-cache.internal", 6379, 2000)'), ['5:password redis-auth-without-tls!']);
    assert.deepEqual(probe('new Jedis("orders-cache.internal", 6379, false)'), ['5:password redis-auth-without-tls!']);
    assert.deepEqual(probe('new Jedis(System.getenv("CACHE_HOST"), 6379)'), ['5:password redis-auth-without-tls!']);
  });

  it('says nothing for TLS, a local server, a URI string, or a host it cannot read', () => {
    assert.deepEqual(probe('new Jedis("orders-cache.internal", 6379, true)'), []);
    assert.deepEqual(probe('new Jedis("localhost", 6379)'), []);
    assert.deepEqual(probe('new Jedis("rediss://orders-cache.internal:6379")'), []);
    assert.deepEqual(probe('new Jedis(settings.cacheHost(), 6379)'), []);
    assert.deepEqual(probe('new Jedis(hostAndPort, clientConfig)'), []);
  });
});

describe('Java: Spring Data Redis connection factories built in code', () => {
  const factories = (extra: string[]): string =>
    sourceLines(
      'import org.springframework.data.redis.connection.RedisStandaloneConfiguration;', // 1
      'import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;',
      'import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;',
      'import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;',
      'import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;',
      'class Sessions {',
      '    JedisConnectionFactory pooled(String host, String secret) {',
      '        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(host, 6379);',
      '        server.setPassword(secret);', // 9
      '        JedisClientConfiguration client = JedisClientConfiguration.builder().usePooling().build();',
      '        return new JedisConnectionFactory(server, client);',
      '    }',
      '    LettuceConnectionFactory bare(String host, String secret) {',
      '        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration();',
      '        server.setHostName(host);',
      '        server.setPassword(secret);', // 16
      '        return new LettuceConnectionFactory(server);',
      '    }',
      '    LettuceConnectionFactory tls(String host, String secret) {',
      '        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(host, 6379);',
      '        server.setPassword(secret);', // 21
      '        return new LettuceConnectionFactory(server, LettuceClientConfiguration.builder().useSsl().build());',
      '    }',
      '    LettuceConnectionFactory local(String secret) {',
      '        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration("localhost", 6379);',
      '        server.setPassword(secret);', // 26
      '        return new LettuceConnectionFactory(server);',
      '    }',
      '    LettuceConnectionFactory given(String host, String secret, LettuceClientConfiguration client) {',
      '        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(host, 6379);',
      '        server.setPassword(secret);', // 31
      '        return new LettuceConnectionFactory(server, client);',
      '    }',
      ...extra,
      '}',
    );

  it('joins the password of a server configuration with the client configuration of the one factory it is handed to', () => {
    assert.deepEqual(findings(hintsIn('Sessions.java', factories([]))), ['9:setPassword redis-auth-without-tls!', '16:setPassword redis-auth-without-tls!']);
  });

  it('stays silent when the file turns TLS on through setUseSsl, a method makes two factories, or the client configuration applies a URI', () => {
    const switched = factories(['    void on(LettuceConnectionFactory factory) {', '        factory.setUseSsl(true);', '    }']);
    assert.deepEqual(findings(hintsIn('Sessions.java', switched)), []);
    const two = sourceLines(
      'import org.springframework.data.redis.connection.RedisStandaloneConfiguration;',
      'import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;',
      'class Pair {',
      '    void both(String host, String secret) {',
      '        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(host, 6379);',
      '        server.setPassword(secret);',
      '        LettuceConnectionFactory a = new LettuceConnectionFactory(server);',
      '        LettuceConnectionFactory b = new LettuceConnectionFactory(server, clientFor(host));',
      '    }',
      '}',
    );
    assert.deepEqual(findings(hintsIn('Pair.java', two)), []);
    // `apply(uri)` copies TLS from a URI: not known to be off.
    const applied = factories([
      '    LettuceConnectionFactory fromUri(String host, String secret, io.lettuce.core.RedisURI uri) {',
      '        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(host, 6379);',
      '        server.setPassword(secret);', // 36
      '        return new LettuceConnectionFactory(server, LettuceClientConfiguration.builder().apply(uri).build());',
      '    }',
    ]);
    assert.ok(!findings(hintsIn('Sessions.java', applied)).some((hint) => hint.startsWith('36:')));
  });
});

describe('Java: Spring Data Redis master/replica configurations', () => {
  it('reads the password of a static master/replica configuration, and of a helper typed with a nested RedisConfiguration.With* interface', () => {
    const code = sourceLines(
      'package app.config;', // 1
      'import org.springframework.data.redis.connection.RedisConfiguration;',
      'import org.springframework.data.redis.connection.RedisStaticMasterReplicaConfiguration;',
      'import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;',
      'import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;', // 5
      'class Caches {',
      '    LettuceConnectionFactory primaryAndReader(String primary, String reader, String token) {',
      '        RedisStaticMasterReplicaConfiguration endpoints = new RedisStaticMasterReplicaConfiguration(primary, 6379);',
      '        endpoints.addNode(reader, 6379);',
      '        endpoints.setPassword(token);', // 10
      '        return new LettuceConnectionFactory(endpoints, LettuceClientConfiguration.builder().useSsl().build());',
      '    }',
      '    static void credentials(RedisConfiguration.WithAuthentication target, String user, String token) {',
      '        target.setUsername(user);',
      '        target.setPassword(token);', // 15
      '    }',
      '    static void other(Settings.WithPassword target, String token) {',
      '        target.setPassword(token);',
      '    }',
      '}',
    );
    assert.deepEqual(
      hintsIn('Caches.java', code).filter((hint) => hint.includes('redis-password')),
      ['10:setPassword redis-password', '15:setPassword redis-password'],
    );
  });

  it('reports the password a master/replica configuration sends to a remote primary through a factory without TLS', () => {
    const code = sourceLines(
      'package app.config;', // 1
      'import org.springframework.data.redis.connection.RedisStaticMasterReplicaConfiguration;',
      'import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;',
      'class Plain {',
      '    LettuceConnectionFactory cache(String token) {', // 5
      '        RedisStaticMasterReplicaConfiguration endpoints = new RedisStaticMasterReplicaConfiguration("primary.cache.example.com", 6379);',
      '        endpoints.setPassword(token);',
      '        return new LettuceConnectionFactory(endpoints);',
      '    }',
      '}',
    );
    assert.deepEqual(findings(hintsIn('Plain.java', code)), ['7:setPassword redis-auth-without-tls!']);
  });
});
