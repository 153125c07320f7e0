/**
 * A Redis client's host that Spring binds from a property (`@Value`, a `@ConfigurationProperties` class), read as the
 * values the project's configuration files write for it (`code/springBoundHosts.ts`, `workspace/springSecrets.ts`).
 */
import * as assert from 'node:assert/strict';
import { springSettings } from '../../../src/hints/engine/workspace/springSecrets';
import { springPropertyClasses } from '../../../src/hints/engine/workspace/springPropertyClasses';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const SETTINGS = sourceLines(
  'package depot.cache;',
  'import org.springframework.boot.context.properties.ConfigurationProperties;',
  '@ConfigurationProperties(prefix = "depot.cache")',
  'public class CacheSettings {',
  '  private String host;',
  '  private int port;',
  '  private String password;',
  '  public String getHost() { return host; }',
  '  public int getPort() { return port; }',
  '  public String getPassword() { return password; }',
  '}',
);

const BEANS = sourceLines(
  'package depot.cache;',
  'import org.springframework.context.annotation.Bean;',
  'import org.springframework.context.annotation.Configuration;',
  'import org.springframework.data.redis.connection.RedisStandaloneConfiguration;',
  'import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;',
  'import redis.clients.jedis.JedisPool;',
  'import redis.clients.jedis.JedisPoolConfig;',
  '@Configuration',
  'public class CacheBeans {',
  '  private final CacheSettings settings;',
  '  public CacheBeans(CacheSettings settings) { this.settings = settings; }',
  '  @Bean',
  '  public LettuceConnectionFactory lettuce() {',
  '    RedisStandaloneConfiguration server = new RedisStandaloneConfiguration();',
  '    server.setHostName(settings.getHost());',
  '    server.setPassword(settings.getPassword());', // 16
  '    return new LettuceConnectionFactory(server);', // 17
  '  }',
  '  @Bean',
  '  public JedisPool jedis() {',
  '    return new JedisPool(new JedisPoolConfig(), settings.getHost(), settings.getPort(), 2000, settings.getPassword());', // 21
  '  }',
  '}',
);

const TLS_RULES = /redis-(?:auth-without-tls|tls)/;
const tlsHints = (files: Record<string, string>, file: string): string[] => hintsOfFile(files, file).filter((hint) => TLS_RULES.test(hint));
const project = (config: Record<string, string>): Record<string, string> => ({
  'src/main/java/depot/cache/CacheSettings.java': SETTINGS,
  'src/main/java/depot/cache/CacheBeans.java': BEANS,
  ...config,
});
const local = sourceLines('depot:', '  cache:', '    host: 127.0.0.1', '    password: ${CACHE_PASSWORD}');

describe('workspace: Redis hosts Spring binds from the configuration files', () => {
  it('leaves alone a client whose @ConfigurationProperties host every profile sets to this machine', () => {
    const files = project({ 'src/main/resources/application.yml': local, 'src/main/resources/application-prod.properties': 'depot.cache.host=localhost\n' });
    assert.deepEqual(tlsHints(files, 'src/main/java/depot/cache/CacheBeans.java'), []);
  });

  it('keeps the findings where a profile names another server, and where no file writes the key', () => {
    const remote = project({
      'src/main/resources/application.yml': local,
      'src/main/resources/application-prod.yml': sourceLines('depot:', '  cache:', '    host: depot.x1y2z3.ng.0001.euw1.cache.amazonaws.com'),
    });
    const expected = ['16:setPassword redis-auth-without-tls!', '17:LettuceConnectionFactory redis-tls', '21:JedisPool redis-tls', '21:settings.getPassword() redis-auth-without-tls!'];
    const findingsAndHovers = (files: Record<string, string>): string[] => tlsHints(files, 'src/main/java/depot/cache/CacheBeans.java').filter((hint) => hint.endsWith('!') || hint.includes('redis-tls'));
    assert.deepEqual(findingsAndHovers(remote).filter((hint) => expected.includes(hint)), expected);
    assert.deepEqual(findingsAndHovers(project({ 'src/main/resources/application.yml': sourceLines('depot:', '  other:', '    host: localhost') })).filter((hint) => expected.includes(hint)), expected);
    // An environment variable whose default is local may be set to any server where the service runs.
    const fromEnvironment = project({ 'src/main/resources/application.yml': sourceLines('depot:', '  cache:', '    host: ${CACHE_HOST:localhost}') });
    assert.deepEqual(findingsAndHovers(fromEnvironment).filter((hint) => expected.includes(hint)), expected);
  });

  it('follows a placeholder of another key, and reads @Value fields and a class\'s own fields', () => {
    const valueBound = sourceLines(
      'package depot.cache;',
      'import org.springframework.beans.factory.annotation.Value;',
      'import redis.clients.jedis.JedisPool;',
      'public class Pools {',
      '  @Value("${spring.data.redis.host}")',
      '  private String host;',
      '  @Value("${spring.data.redis.password}")',
      '  private String password;',
      '  public JedisPool pool() { return new JedisPool(new redis.clients.jedis.JedisPoolConfig(), host, 6379, 2000, password); }',
      '}',
    );
    const ownFields = sourceLines(
      'package depot.cache;',
      'import org.springframework.boot.context.properties.ConfigurationProperties;',
      'import redis.clients.jedis.JedisPool;',
      '@ConfigurationProperties("spring.data.redis")',
      'public class OwnPool {',
      '  private String host;',
      '  private String password;',
      '  public JedisPool pool() { return new JedisPool(new redis.clients.jedis.JedisPoolConfig(), host, 6379, 2000, password); }',
      '}',
    );
    const chained = sourceLines('spring:', '  data:', '    redis:', '      host: ${cache.server}', '      password: ${CACHE_PASSWORD}', 'cache:', '  server: localhost');
    const files = { 'src/main/resources/application.yml': chained, 'src/main/java/depot/cache/Pools.java': valueBound, 'src/main/java/depot/cache/OwnPool.java': ownFields };
    assert.deepEqual(tlsHints(files, 'src/main/java/depot/cache/Pools.java'), []);
    assert.deepEqual(tlsHints(files, 'src/main/java/depot/cache/OwnPool.java'), []);
    const remote = { ...files, 'src/main/resources/application-prod.yml': sourceLines('cache:', '  server: ${CACHE_ENDPOINT}') };
    assert.ok(tlsHints(remote, 'src/main/java/depot/cache/Pools.java').includes('9:password redis-auth-without-tls!'));
  });

  it('reads Kotlin property paths on a constructor property typed with the class', () => {
    const kotlin = sourceLines(
      'package depot.cache',
      'import org.springframework.data.redis.connection.RedisStandaloneConfiguration',
      'import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory',
      'class KotlinFactories(private val settings: CacheSettings) {',
      '  fun factory(): LettuceConnectionFactory {',
      '    val server = RedisStandaloneConfiguration(settings.host, settings.port)',
      '    return LettuceConnectionFactory(server)', // 7
      '  }',
      '}',
    );
    const files = { 'src/main/java/depot/cache/CacheSettings.java': SETTINGS, 'src/main/kotlin/depot/cache/KotlinFactories.kt': kotlin };
    assert.deepEqual(tlsHints({ ...files, 'src/main/resources/application.yml': local }, 'src/main/kotlin/depot/cache/KotlinFactories.kt'), []);
    const remote = { ...files, 'src/main/resources/application.yml': sourceLines('depot:', '  cache:', '    host: ${CACHE_HOST}') };
    assert.deepEqual(tlsHints(remote, 'src/main/kotlin/depot/cache/KotlinFactories.kt'), ['7:LettuceConnectionFactory redis-tls']);
  });

  it('reads a Compose service name as a literal of it: no TLS hover, the password in clear still reported', () => {
    const compose = project({ 'src/main/resources/application.yml': sourceLines('depot:', '  cache:', '    host: redis') });
    const hints = tlsHints(compose, 'src/main/java/depot/cache/CacheBeans.java');
    assert.ok(!hints.some((hint) => hint.includes('redis-tls')), hints.join('\n'));
    assert.ok(hints.includes('21:settings.getPassword() redis-auth-without-tls!'), hints.join('\n'));
  });

  it('keeps every profile\'s server values, unreadable ones marked, and the classes bound to a prefix', () => {
    const yaml = sourceLines('app:', '  cache:', '    host: localhost', '    nodes:', '      - a:6379', '---', 'app:', '  cache:', '    host: cache.internal', '  mail:', '    port: 25');
    assert.deepEqual(springSettings('yaml', yaml).hosts, Object.assign(Object.create(null) as object, { 'app.cache.host': ['localhost', 'cache.internal'], 'app.cache.nodes': ['${?}'] }));
    const classes = springPropertyClasses(sourceLines('@Component', '@ConfigurationProperties(prefix = "app.cache")', '@Data', 'public class CacheProps {}', '@ConfigurationProperties(value = "app.db") data class DbProps(val url: String)'));
    assert.deepEqual({ ...classes }, { CacheProps: 'app.cache', DbProps: 'app.db' });
  });
});
