/**
 * Reads from Redis replicas (`redis-replica-reads`, hover only): the setting of each client that decides whether
 * reads go to replicas, on the key or the setter's name, through the client constructions each reader knows
 * (options held by a name or typed, clients built in functions, classes and injected configurations), and the
 * configuration files (Spring Boot's `spring.data.redis.lettuce.read-from`, Redisson's `readMode`); Redisson's
 * servers with replicas read from them by default, so where no read mode is set the call or section that picks
 * them gets the hover. Other libraries' `readFrom`, `readPreference` and `ReadOnly` stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, hoverAt, sourceLines } from './support';

const RULE = ['redis-replica-reads'];
const replicaHints = (fileName: string, code: string): string[] => hintsOfRules(fileName, code, RULE);

describe('Reads from Redis replicas', () => {
  it('ioredis and node-redis clusters: scaleReads and useReplicas, written in place, held by a name or typed', () => {
    const code = sourceLines(
      "import Redis, { ClusterOptions } from 'ioredis';", // 1
      "import { createCluster, RedisClusterOptions } from 'redis';",
      '',
      'const clusterOptions: ClusterOptions = {',
      "  scaleReads: 'slave',", // 5
      '  redisOptions: { tls: {} },',
      '};',
      'export function leaderboardCluster(nodes: string[]) {',
      '  return new Redis.Cluster(nodes, clusterOptions);',
      '}', // 10
      'export class SessionCache {',
      "  private readonly cluster = new Redis.Cluster([{ host: process.env.HOST, port: 6379 }], { scaleReads: 'all' });",
      '}',
      'const nodeOptions: RedisClusterOptions = { rootNodes: [{ url: process.env.URL }], useReplicas: true };',
      'export const reader = createCluster(nodeOptions);', // 15
      "export const single = new Redis({ host: process.env.HOST, tls: {} });",
      "const settings = { scaleReads: 'slave', useReplicas: true, readFrom: 'replica' };",
      'export default settings;',
    );
    assert.deepEqual(replicaHints('cache.ts', code), ['12:scaleReads redis-replica-reads', '14:useReplicas redis-replica-reads', '5:scaleReads redis-replica-reads']);
    assert.match(hoverAt('cache.ts', code, "scaleReads: 'all'"), /scaleReads: "master", \/\/ the default/);
  });

  it('Valkey GLIDE for Node: readFrom of the configuration createClient takes', () => {
    const code = sourceLines(
      "import { GlideClusterClient } from '@valkey/valkey-glide';",
      "import { MongoClient } from 'mongodb';",
      'export async function connect() {',
      "  return GlideClusterClient.createClient({ addresses: [{ host: 'h', port: 6379 }], useTLS: true, readFrom: 'preferReplica' });",
      '}',
      "export const mongo = new MongoClient(process.env.MONGO_URL!, { readPreference: 'secondaryPreferred' });",
    );
    assert.deepEqual(replicaHints('glide.ts', code), ['4:readFrom redis-replica-reads']);
  });

  it('redis-py clusters, sync and asyncio, and GLIDE for Python; not a function that takes the same keywords', () => {
    const code = sourceLines(
      'import os', // 1
      'from redis.cluster import RedisCluster, LoadBalancingStrategy',
      'from redis.asyncio.cluster import RedisCluster as AsyncRedisCluster',
      'from glide import GlideClusterClientConfiguration, NodeAddress, ReadFrom',
      'from pymongo import MongoClient, ReadPreference', // 5
      '',
      'class Cache:',
      '    def __init__(self):',
      '        self.client = RedisCluster.from_url(os.environ["REDIS_URL"], read_from_replicas=True)',
      '', // 10
      'def async_cluster():',
      '    return AsyncRedisCluster(host=os.environ["HOST"], port=6379, load_balancing_strategy=LoadBalancingStrategy.RANDOM_REPLICA)',
      '',
      'config = GlideClusterClientConfiguration([NodeAddress(os.environ["HOST"], 6379)], use_tls=True, read_from=ReadFrom.PREFER_REPLICA)',
      'mongo = MongoClient(os.environ["MONGO_URL"], read_preference=ReadPreference.SECONDARY)', // 15
      'def settings(read_from=None, read_from_replicas=False):',
      '    return dict(read_from=read_from, read_from_replicas=read_from_replicas)',
    );
    assert.deepEqual(replicaHints('cache.py', code), ['12:load_balancing_strategy redis-replica-reads', '14:read_from redis-replica-reads', '9:read_from_replicas redis-replica-reads']);
    assert.match(hoverAt('cache.py', code, 'read_from_replicas=True'), /load_balancing_strategy=LoadBalancingStrategy\.ROUND_ROBIN_REPLICAS/);
  });

  it('go-redis cluster, failover and universal options, set in the literal or on the options afterwards; not another struct', () => {
    const code = sourceLines(
      'package cache', // 1
      '',
      'import (',
      '\t"os"',
      '', // 5
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'type Config struct {',
      '\tAddrs    []string', // 10
      '\tReadOnly bool',
      '}',
      '',
      'func NewStore(cfg Config) *redis.ClusterClient {',
      '\topts := &redis.ClusterOptions{Addrs: cfg.Addrs, ReadOnly: true}', // 15
      '\topts.RouteRandomly = cfg.ReadOnly',
      '\treturn redis.NewClusterClient(opts)',
      '}',
      '',
      'func sentinel() *redis.Client {', // 20
      '\treturn redis.NewFailoverClient(&redis.FailoverOptions{MasterName: "main", SentinelAddrs: []string{os.Getenv("SENTINEL")}, ReplicaOnly: true})',
      '}',
      '',
      'func universal() redis.UniversalClient {',
      '\treturn redis.NewUniversalClient(&redis.UniversalOptions{Addrs: []string{os.Getenv("ADDR")}, RouteByLatency: true})', // 25
      '}',
      '',
      'var defaults = Config{Addrs: []string{"x"}, ReadOnly: true}',
    );
    assert.deepEqual(replicaHints('cache.go', code), [
      '15:ReadOnly redis-replica-reads',
      '16:RouteRandomly redis-replica-reads',
      '21:ReplicaOnly redis-replica-reads',
      '25:RouteByLatency redis-replica-reads',
    ]);
  });

  it('Lettuce connections: setReadFrom on a cluster connection, one a typed field holds and a master/replica one', () => {
    const code = sourceLines(
      'package shop.cache;', // 1
      '',
      'import io.lettuce.core.ReadFrom;',
      'import io.lettuce.core.RedisClient;',
      'import io.lettuce.core.RedisURI;', // 5
      'import io.lettuce.core.codec.StringCodec;',
      'import io.lettuce.core.cluster.RedisClusterClient;',
      'import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;',
      'import io.lettuce.core.masterreplica.MasterReplica;',
      'import io.lettuce.core.masterreplica.StatefulRedisMasterReplicaConnection;', // 10
      'import java.util.List;',
      '',
      'public class CacheConnections {',
      '    private final StatefulRedisClusterConnection<String, String> injected;',
      '', // 15
      '    public CacheConnections(StatefulRedisClusterConnection<String, String> injected) {',
      '        this.injected = injected;',
      '    }',
      '',
      '    void spread() {', // 20
      '        injected.setReadFrom(ReadFrom.ANY_REPLICA);',
      '    }',
      '',
      '    StatefulRedisClusterConnection<String, String> cluster(RedisClusterClient client) {',
      '        StatefulRedisClusterConnection<String, String> connection = client.connect();', // 25
      '        connection.setReadFrom(ReadFrom.REPLICA_PREFERRED);',
      '        return connection;',
      '    }',
      '',
      '    StatefulRedisMasterReplicaConnection<String, String> primaryAndReader(RedisClient client, RedisURI primary, RedisURI reader) {', // 30
      '        StatefulRedisMasterReplicaConnection<String, String> connection = MasterReplica.connect(client, StringCodec.UTF8, List.of(primary, reader));',
      '        connection.setReadFrom(ReadFrom.UPSTREAM);',
      '        return connection;',
      '    }',
      '}', // 35
      '',
      'class Unrelated {',
      '    void tail(Reader reader) { reader.setReadFrom(0); }',
      '}',
    );
    assert.deepEqual(replicaHints('CacheConnections.java', code), ['21:setReadFrom redis-replica-reads', '26:setReadFrom redis-replica-reads', '32:setReadFrom redis-replica-reads']);
    assert.match(hoverAt('CacheConnections.java', code, 'setReadFrom(ReadFrom.ANY'), /connection\.setReadFrom\(ReadFrom\.UPSTREAM\)/);
  });

  it('Spring Data Redis: readFrom on the client configuration builders and in Boot customizers (lambda and anonymous class)', () => {
    const code = sourceLines(
      'package shop.config;', // 1
      '',
      'import com.mongodb.MongoClientSettings;',
      'import com.mongodb.ReadPreference;',
      'import io.lettuce.core.ReadFrom;', // 5
      'import org.springframework.boot.autoconfigure.data.redis.LettuceClientConfigurationBuilderCustomizer;',
      'import org.springframework.context.annotation.Bean;',
      'import org.springframework.context.annotation.Configuration;',
      'import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;',
      'import org.springframework.data.redis.connection.lettuce.LettucePoolingClientConfiguration;', // 10
      '',
      '@Configuration',
      'public class RedisReadConfig {',
      '    @Bean',
      '    LettuceClientConfigurationBuilderCustomizer replicaReads() {', // 15
      '        return builder -> builder.readFrom(ReadFrom.REPLICA_PREFERRED);',
      '    }',
      '',
      '    @Bean',
      '    LettuceClientConfigurationBuilderCustomizer anonymous() {', // 20
      '        return new LettuceClientConfigurationBuilderCustomizer() {',
      '            @Override',
      '            public void customize(LettuceClientConfiguration.LettuceClientConfigurationBuilder clientBuilder) {',
      '                clientBuilder.readFrom(ReadFrom.REPLICA);',
      '            }', // 25
      '        };',
      '    }',
      '',
      '    @Bean',
      '    LettuceClientConfiguration pooled() {', // 30
      '        return LettucePoolingClientConfiguration.builder().readFrom(ReadFrom.LOWEST_LATENCY).build();',
      '    }',
      '',
      '    @Bean',
      '    MongoClientSettings mongo() {', // 35
      '        return MongoClientSettings.builder().readPreference(ReadPreference.secondary()).build();',
      '    }',
      '}',
    );
    assert.deepEqual(replicaHints('RedisReadConfig.java', code), ['16:readFrom redis-replica-reads', '24:readFrom redis-replica-reads', '31:readFrom redis-replica-reads']);
    assert.match(hoverAt('RedisReadConfig.java', code, 'readFrom(ReadFrom.LOWEST'), /LettuceClientConfiguration\.builder\(\)\s+\.readFrom\(ReadFrom\.UPSTREAM\)/);
  });

  it('Redisson, Jedis and GLIDE for Java: setReadMode on a server configuration, readOnlyForRedisClusterReplicas, readFrom', () => {
    const code = sourceLines(
      'package shop.config;', // 1
      '',
      'import glide.api.models.configuration.GlideClusterClientConfiguration;',
      'import glide.api.models.configuration.ReadFrom;',
      'import org.redisson.Redisson;', // 5
      'import org.redisson.api.RedissonClient;',
      'import org.redisson.config.ClusterServersConfig;',
      'import org.redisson.config.Config;',
      'import org.redisson.config.ReadMode;',
      'import redis.clients.jedis.DefaultJedisClientConfig;', // 10
      'import redis.clients.jedis.JedisClientConfig;',
      '',
      'public class Clients {',
      '    RedissonClient redisson(String endpoint) {',
      '        Config config = new Config();', // 15
      '        ClusterServersConfig servers = config.useClusterServers().addNodeAddress("rediss://" + endpoint + ":6379");',
      '        servers.setReadMode(ReadMode.MASTER_SLAVE);',
      '        config.useReplicatedServers().setReadMode(ReadMode.SLAVE);',
      '        return Redisson.create(config);',
      '    }', // 20
      '',
      '    JedisClientConfig jedis() {',
      '        return DefaultJedisClientConfig.builder().ssl(true).readOnlyForRedisClusterReplicas().build();',
      '    }',
      '', // 25
      '    GlideClusterClientConfiguration glide() {',
      '        return GlideClusterClientConfiguration.builder().readFrom(ReadFrom.PREFER_REPLICA).build();',
      '    }',
      '}',
    );
    assert.deepEqual(replicaHints('Clients.java', code), [
      '17:setReadMode redis-replica-reads',
      '18:setReadMode redis-replica-reads',
      '23:readOnlyForRedisClusterReplicas redis-replica-reads',
      '27:readFrom redis-replica-reads',
    ]);
    assert.match(hoverAt('Clients.java', code, 'setReadMode(ReadMode.MASTER_SLAVE'), /\.setReadMode\(ReadMode\.MASTER\); \/\/ Redisson reads from replicas/);
  });

  it("Redisson's servers with replicas, which read from them unless the file sets a read mode: the call that picks them", () => {
    const code = sourceLines(
      'package shop.config;', // 1
      '',
      'import org.redisson.Redisson;',
      'import org.redisson.api.RedissonClient;',
      'import org.redisson.config.Config;', // 5
      '',
      'public class LockClients {',
      '    RedissonClient cluster(String[] nodes) {',
      '        Config config = new Config();',
      '        config.useClusterServers().addNodeAddress(nodes);', // 10
      '        return Redisson.create(config);',
      '    }',
      '',
      '    RedissonClient single(String address) {',
      '        Config config = new Config();', // 15
      '        config.useSingleServer().setAddress(address);',
      '        return Redisson.create(config);',
      '    }',
      '}',
    );
    assert.deepEqual(replicaHints('LockClients.java', code), ['10:useClusterServers redis-replica-reads']);
    const yaml = sourceLines('sentinelServersConfig:', '  masterName: "locks"', '  sentinelAddresses:', '    - "redis://10.0.0.5:26379"');
    assert.deepEqual(replicaHints('redisson.yaml', yaml), ['1:sentinelServersConfig redis-replica-reads']);
    assert.deepEqual(replicaHints('redisson.yaml', sourceLines('singleServerConfig:', '  address: "rediss://cache.abc123.use1.cache.amazonaws.com:6379"')), []);
  });

  it("Spring Boot's lettuce.read-from and Redisson's readMode in configuration files", () => {
    const yaml = sourceLines(
      'spring:',
      '  data:',
      '    redis:',
      '      cluster:',
      '        nodes: ${REDIS_NODES}', // 5
      '      lettuce:',
      '        read-from: replicaPreferred',
      '  kafka:',
      '    consumer:',
      '      properties:', // 10
      '        read-from: earliest',
    );
    assert.deepEqual(replicaHints('application.yml', yaml), ['7:read-from redis-replica-reads']);
    assert.match(hoverAt('application.yml', yaml, 'read-from'), /read-from: upstream/);
    const properties = sourceLines('spring.data.redis.host=localhost', 'spring.data.redis.lettuce.read-from=replicaPreferred', 'spring.redis.lettuce.read-from=replica');
    assert.deepEqual(replicaHints('application.properties', properties), ['2:spring.data.redis.lettuce.read-from redis-replica-reads']);
    const redisson = sourceLines(
      'clusterServersConfig:',
      '  nodeAddresses:',
      '    - "rediss://clustercfg.orders.abc123.use1.cache.amazonaws.com:6379"',
      '  readMode: "SLAVE"',
      'threads: 16',
    );
    assert.deepEqual(replicaHints('redisson.yaml', redisson), ['4:readMode redis-replica-reads']);
    assert.match(hoverAt('redisson.yaml', redisson, 'readMode'), /readMode: "MASTER" # Redisson reads from replicas/);
  });
});
