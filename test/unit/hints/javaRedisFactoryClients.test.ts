/**
 * Spring Data Redis connection factories as Redis clients, and Jedis constructors fed by a settings class's getters
 * (audit60e: Spring Boot services whose `@Configuration` builds `new LettuceConnectionFactory(new
 * RedisStandaloneConfiguration(host, port))` or `new JedisPool(poolConfig, redisConfig.getHost(), redisConfig.getPort(),
 * redisConfig.getTimeout() * 1000, redisConfig.getPassword())`):
 * - a factory made with a server configuration that names a host, and no client configuration or one that leaves
 *   TLS off, gets `redis-tls`'s hover for a client made without TLS, as Jedis and Lettuce clients do; a cluster
 *   configuration's first node stands for its host, so its password is AUTH without TLS unless the nodes are local;
 * - a getter whose name says what it holds (`getHost()`, `getPort()`, `getPassword()`) tells Jedis's overloads apart.
 * Silent: a localhost or unnamed server, a client configuration that may turn TLS on or is not seen, a file that calls
 * `setUseSsl`, a factory class of another package, and getters whose names say nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('!'));
const tls = (hints: string[]): string[] => hints.filter((hint) => hint.includes('redis-tls'));

describe('Java: Spring Data Redis connection factories as clients without TLS', () => {
  const imports = [
    'import org.springframework.beans.factory.annotation.Value;', // 1
    'import org.springframework.data.redis.connection.RedisStandaloneConfiguration;',
    'import org.springframework.data.redis.connection.RedisClusterConfiguration;',
    'import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;',
    'import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;',
    'import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;',
    'import java.util.List;', // 7
  ];

  it('hovers a factory whose server a field, a setter or an ElastiCache endpoint names, with no client configuration or one without TLS', () => {
    const code = sourceLines(
      ...imports,
      'class CacheBeans {', // 8
      '    @Value("${cache.host}") private String host;',
      '    @Value("${cache.port}") private int port;',
      '    LettuceConnectionFactory inline() {',
      '        return new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));', // 12
      '    }',
      '    LettuceConnectionFactory hostAndPort() {',
      '        return new LettuceConnectionFactory(this.host, port);', // 15
      '    }',
      '    JedisConnectionFactory set() {',
      '        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration();',
      '        server.setHostName(host);',
      '        return new JedisConnectionFactory(server);', // 20
      '    }',
      '    LettuceConnectionFactory endpoint() {',
      '        LettuceClientConfiguration client = LettuceClientConfiguration.builder().commandTimeout(null).build();',
      '        return new LettuceConnectionFactory(new RedisStandaloneConfiguration("orders.x1y2z3.0001.use1.cache.amazonaws.com", 6379), client);', // 24
      '    }',
      '}',
    );
    const hints = hintsIn('CacheBeans.java', code);
    assert.deepEqual(tls(hints), ['12:LettuceConnectionFactory redis-tls', '15:LettuceConnectionFactory redis-tls', '20:JedisConnectionFactory redis-tls', '24:LettuceConnectionFactory redis-tls']);
    assert.deepEqual(findings(hints), []);
  });

  it('reads a cluster configuration by its first node: AUTH without TLS to ElastiCache, nothing for local nodes', () => {
    const code = sourceLines(
      ...imports,
      'class Clusters {', // 8
      '    LettuceConnectionFactory remote(String secret) {',
      '        RedisClusterConfiguration cluster = new RedisClusterConfiguration(List.of("clustercfg.orders.x1y2z3.use1.cache.amazonaws.com:6379"));',
      '        cluster.setPassword(secret);', // 11
      '        return new LettuceConnectionFactory(cluster);', // 12
      '    }',
      '    LettuceConnectionFactory local(String secret) {',
      '        RedisClusterConfiguration cluster = new RedisClusterConfiguration(List.of("localhost:7000", "localhost:7001"));',
      '        cluster.setPassword(secret);', // 16
      '        return new LettuceConnectionFactory(cluster);', // 17
      '    }',
      '}',
    );
    const hints = hintsIn('Clusters.java', code);
    assert.deepEqual(findings(hints), ['11:setPassword redis-auth-without-tls!']);
    assert.ok(hints.includes('12:LettuceConnectionFactory redis-tls'), hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.startsWith('17:')), hints.join('\n'));
  });

  it('reads a Kotlin factory made without new', () => {
    const code = sourceLines(
      'import org.springframework.data.redis.connection.RedisStandaloneConfiguration', // 1
      'import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory',
      'class CacheConfig(private val host: String) {',
      '    fun factory() = LettuceConnectionFactory(RedisStandaloneConfiguration(host, 6379))', // 4
      '}',
    );
    assert.deepEqual(tls(hintsIn('CacheConfig.kt', code)), ['4:LettuceConnectionFactory redis-tls']);
    const property = sourceLines(
      'import org.springframework.data.redis.connection.RedisStandaloneConfiguration', // 1
      'import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory',
      'class Props(private val props: CacheProps) {',
      '    fun factory(): LettuceConnectionFactory {',
      '        val server = RedisStandaloneConfiguration()',
      '        server.hostName = props.host',
      '        return LettuceConnectionFactory(server)', // 7
      '    }',
      '    fun local(): LettuceConnectionFactory {',
      '        val server = RedisStandaloneConfiguration()',
      '        server.hostName = "localhost"',
      '        return LettuceConnectionFactory(server)',
      '    }',
      '}',
    );
    assert.deepEqual(tls(hintsIn('Props.kt', property)), ['7:LettuceConnectionFactory redis-tls']);
  });

  it('stays silent for a local or unnamed server, a client configuration with TLS or unseen, setUseSsl, and another package', () => {
    const code = sourceLines(
      ...imports,
      'class Quiet {', // 8
      '    LettuceConnectionFactory local() {',
      '        return new LettuceConnectionFactory(new RedisStandaloneConfiguration("localhost", 6379));',
      '    }',
      '    LettuceConnectionFactory unnamed() {',
      '        return new LettuceConnectionFactory(new RedisStandaloneConfiguration());',
      '    }',
      '    LettuceConnectionFactory given(String host, LettuceClientConfiguration client) {',
      '        return new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, 6379), client);',
      '    }',
      '    LettuceConnectionFactory withTls(String host) {',
      '        return new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, 6379), LettuceClientConfiguration.builder().useSsl().build());', // 19
      '    }',
      '    LettuceConnectionFactory plain() {',
      '        return new LettuceConnectionFactory();',
      '    }',
      '}',
    );
    assert.deepEqual(tls(hintsIn('Quiet.java', code)), ['19:useSsl redis-tls']);
    const switched = sourceLines(
      ...imports,
      'class Switched {',
      '    LettuceConnectionFactory factory(String host) {',
      '        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, 6379));',
      '        factory.setUseSsl(true);',
      '        return factory;',
      '    }',
      '}',
    );
    // Only the switch's own hover: the factory it turns TLS on for gets none.
    assert.deepEqual(tls(hintsIn('Switched.java', switched)), ['11:setUseSsl redis-tls']);
    const other = sourceLines(
      'import com.acme.cache.LettuceConnectionFactory;',
      'import org.springframework.data.redis.connection.RedisStandaloneConfiguration;',
      'class Other {',
      '    Object factory(String host) {',
      '        return new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, 6379));',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Other.java', other), []);
  });

  it('says nothing in test code', () => {
    const code = sourceLines(
      ...imports,
      'class CacheBeansTest {',
      '    LettuceConnectionFactory factory(String host) {',
      '        return new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, 6379));',
      '    }',
      '}',
    );
    assert.deepEqual(tls(hintsIn('src/test/java/app/CacheBeansTest.java', code)), []);
  });
});

describe('Java: Jedis constructors fed by a settings class\'s getters', () => {
  const pool = (args: string): string[] =>
    hintsIn(
      'RedisPoolFactory.java',
      sourceLines(
        'import redis.clients.jedis.JedisPool;', // 1
        'import redis.clients.jedis.JedisPoolConfig;',
        'class RedisPoolFactory {',
        '    private RedisConfig redisConfig;',
        '    JedisPool pool() {', // 5
        '        JedisPoolConfig poolConfig = new JedisPoolConfig();',
        `        return new JedisPool(${args});`, // 7
        '    }',
        '}',
      ),
    );

  it('reads the host and password of getters named for them, a timeout multiplied, and a database after the password', () => {
    const hints = pool('poolConfig, redisConfig.getHost(), redisConfig.getPort(), redisConfig.getTimeout() * 1000, redisConfig.getPassword()');
    assert.deepEqual(findings(hints), ['7:redisConfig.getPassword() redis-auth-without-tls!']);
    assert.ok(hints.includes('7:JedisPool redis-tls'), hints.join('\n'));
    const database = pool('poolConfig, this.redisConfig.getHost(), redisConfig.getPort(), redisConfig.getTimeout(), redisConfig.getPassword(), 0');
    assert.deepEqual(findings(database), ['7:redisConfig.getPassword() redis-auth-without-tls!']);
  });

  it('stays silent where the getters\' names say nothing or they take arguments', () => {
    assert.deepEqual(pool('poolConfig, redisConfig.getA(), redisConfig.getB(), redisConfig.getC(), redisConfig.getD()'), []);
    assert.deepEqual(pool('poolConfig, redisConfig.getHost("primary"), redisConfig.getPort(), redisConfig.getTimeout(), redisConfig.getPassword("primary")'), []);
  });
});
