/**
 * Hover audit 12 (Java): Redisson. The client (`RedissonClient`, `Redisson.create(config)`), its keyspace
 * (`getKeys()`: SCAN, DEL, UNLINK, FLUSHALL, FLUSHDB), its string values and counters (`getBucket(name)`,
 * `getAtomicLong(name)`: GET, SET, SET with PX) and the key-level methods every object has (`delete`,
 * `expire`, `remainTimeToLive`), and the password of its server configurations. Only where the file imports
 * them from Redisson. The hovers show Redisson examples; a password set on the chain that sets a `redis://`
 * address gets the password-without-TLS finding, and certificate verification turned off its finding. A map's
 * and a set's whole reads (`readAllMap`, `readAllKeySet`, `readAllValues`, a set's `readAll`) and their walks
 * (HSCAN, SSCAN) get the hover on reading a whole hash or set.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { pickExample } from '../../../src/hints/examples';
import { hintsIn, realHintRules, sourceLines } from './support';

describe('Redisson', () => {
  it('gives the keyspace, bucket and object methods the hovers of the commands they send', () => {
    const code = sourceLines(
      'package shop.seats;',
      '',
      'import java.time.Duration;',
      'import org.redisson.api.RBucket;',
      'import org.redisson.api.RKeys;',
      'import org.redisson.api.RMap;',
      'import org.redisson.api.RedissonClient;',
      '',
      'public class SeatHolds {',
      '    private final RedissonClient redisson;',
      '',
      '    public SeatHolds(RedissonClient redisson) {',
      '        this.redisson = redisson;',
      '    }',
      '',
      '    public Iterable<String> held(String show) {',
      '        return redisson.getKeys().getKeysByPattern("hold:" + show + ":*");',
      '    }',
      '',
      '    public void hold(String seat, String user) {',
      '        RBucket<String> bucket = redisson.getBucket("hold:" + seat);',
      '        bucket.set(user, Duration.ofMinutes(10));',
      '    }',
      '',
      '    public void resetCounter(String show) {',
      '        redisson.getAtomicLong("sold:" + show).set(0);',
      '        RMap<String, String> owners = redisson.getMap("owners:" + show);',
      '        owners.expire(Duration.ofDays(1));',
      '        owners.put("a1", "x");',
      '    }',
      '',
      '    public void wipe() {',
      '        RKeys keys = redisson.getKeys();',
      '        keys.delete("hold:a1", "hold:a2");',
      '        keys.flushdb();',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('SeatHolds.java', code), [
      '17:getKeysByPattern redis-scan',
      '22:set redis-expire',
      '26:set redis-expire',
      '28:expire redis-expire',
      '34:delete redis-unlink',
      '35:flushdb redis-flush',
    ]);
  });

  it('finds a command per key in a loop, and FLUSHALL on a client made by Redisson.create', () => {
    const code = sourceLines(
      'package shop.seats;',
      '',
      'import java.util.List;',
      'import org.redisson.Redisson;',
      'import org.redisson.api.RedissonClient;',
      'import org.redisson.config.Config;',
      '',
      'public class SeatAdmin {',
      '    void release(RedissonClient redisson, List<String> seats) {',
      '        for (String seat : seats) {',
      '            redisson.getBucket("hold:" + seat).delete();',
      '        }',
      '    }',
      '',
      '    void reset(Config config) {',
      '        RedissonClient client = Redisson.create(config);',
      '        client.getKeys().flushall();',
      '    }',
      '}',
    );
    const hints = hintsIn('SeatAdmin.java', code);
    assert.ok(hints.includes('11:delete redis-loop-round-trips!'), hints.join('\n'));
    assert.ok(hints.includes('17:flushall redis-flush!'), hints.join('\n'));
  });

  it('gives a server configuration password its hover', () => {
    const code = sourceLines(
      'package shop.seats;',
      '',
      'import org.redisson.config.Config;',
      'import org.redisson.config.SingleServerConfig;',
      '',
      'public class RedissonSetup {',
      '    Config config(String address, String password) {',
      '        Config config = new Config();',
      '        SingleServerConfig server = config.useSingleServer();',
      '        server.setAddress(address);',
      '        server.setPassword(password);',
      '        return config;',
      '    }',
      '',
      '    void cluster(Config config, String password) {',
      '        config.useClusterServers().addNodeAddress("redis://node:6379").setPassword(password);',
      '    }',
      '}',
    );
    // The cluster's node address on the same chain is `redis://`: the password goes out without TLS. Its servers
    // read from replicas, as no read mode is set.
    assert.deepEqual(hintsIn('RedissonSetup.java', code), [
      '11:setPassword redis-password',
      '16:useClusterServers redis-replica-reads',
      '16:setPassword redis-password',
      '16:setPassword redis-auth-without-tls',
      '16:setPassword redis-auth-without-tls!',
    ]);
  });

  it('stays silent for the same names with no Redisson import, a map, a lock and what the objects return', () => {
    const code = sourceLines(
      'package shop.seats;',
      '',
      'import com.typesafe.config.Config;',
      'import java.util.Map;',
      'import org.redisson.api.RLock;',
      'import org.redisson.api.RMap;',
      'import org.redisson.api.RedissonClient;',
      '',
      'public class Lookalikes {',
      '    private final KeyStore keys;',
      '    private final Map<String, String> bucket;',
      '    private final RedissonClient redisson;',
      '',
      '    void run(Config config, Account account, java.util.List<String> ids) {',
      '        keys.getKeysByPattern("a*");',
      '        keys.flushall();',
      '        bucket.get("a");',
      '        account.setPassword(config.getString("pw"));',
      '        RMap<String, String> owners = redisson.getMap("owners");',
      '        for (String id : ids) {',
      '            RLock lock = redisson.getLock("lock:" + id);',
      '            lock.lock();',
      '            owners.get(id);',
      '            owners.put(id, "x");',
      '            lock.unlock();',
      '        }',
      '        for (String name : redisson.getKeys().getKeys()) {',
      '            name.isEmpty();',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Lookalikes.java', code), ['27:getKeys redis-scan']);
  });

  it('shows a Redisson example in the hovers of every Redis rule that reaches Java', () => {
    const code = sourceLines(
      'package shop.seats;',
      '',
      'import org.redisson.api.RedissonClient;',
      '',
      'public class Wipe {',
      '    void wipe(RedissonClient redisson) {',
      '        redisson.getKeys().flushall();',
      '    }',
      '}',
    );
    const result = analyzeText(code, realHintRules(), { kind: 'java', fileName: 'Wipe.java' });
    assert.deepEqual(result.sites.map((site) => `${code.slice(site.start, site.end)} ${site.origin}`), ['flushall redisson']);
    const rules = realHintRules().filter((rule) => rule.match.redis && rule.languages.includes('java'));
    assert.equal(rules.length, 14);
    for (const rule of rules) {
      const example = pickExample(rule, 'java', 'redisson');
      assert.equal(example?.fence, 'java', rule.id);
      assert.match(example.code, /redisson\.|new Config\(\)/, rule.id);
    }
    const example = (id: string): string => pickExample(realHintRules().find((rule) => rule.id === id)!, 'java', 'redisson')?.code ?? '';
    assert.match(example('redis-keys'), /getKeys\(KeysScanOptions\.defaults\(\)\.pattern\("session:\*"\)\.chunkSize\(500\)\)/);
    assert.match(example('redis-loop-round-trips'), /createBatch\(\)[\s\S]*getAsync\(\)[\s\S]*execute\(\)\.getResponses\(\)/);
    assert.match(example('redis-auth-without-tls'), /setAddress\("rediss:\/\//);
  });

  it('reports a password sent to a redis:// address and certificate verification turned off', () => {
    const code = sourceLines(
      'package shop.seats;',
      '',
      'import org.redisson.Redisson;',
      'import org.redisson.api.RedissonClient;',
      'import org.redisson.config.Config;',
      'import org.redisson.config.SslVerificationMode;',
      '',
      'public class CacheClients {',
      '    RedissonClient plain(String password) {',
      '        Config config = new Config();',
      '        config.useSingleServer().setAddress("redis://cache.internal:6379").setPassword(password);',
      '        return Redisson.create(config);',
      '    }',
      '',
      '    RedissonClient passwordFirst(String password) {',
      '        Config config = new Config();',
      '        config.useSingleServer()',
      '            .setPassword(password)',
      '            .setAddress("redis://cache.internal:6379")',
      '            .setConnectionPoolSize(16);',
      '        return Redisson.create(config);',
      '    }',
      '',
      '    RedissonClient trusting(String password) {',
      '        Config config = new Config();',
      '        config.useSingleServer().setAddress("rediss://cache.internal:6379").setPassword(password);',
      '        config.setSslVerificationMode(SslVerificationMode.NONE);',
      '        return Redisson.create(config);',
      '    }',
      '',
      '    void older(Config config) {',
      '        config.useSingleServer().setAddress("rediss://cache.internal:6379").setSslEnableEndpointIdentification(false);',
      '    }',
      '}',
    );
    const findings = hintsIn('CacheClients.java', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, [
      '11:setPassword redis-auth-without-tls!',
      '18:setPassword redis-auth-without-tls!',
      '27:setSslVerificationMode redis-tls!',
      '32:setSslEnableEndpointIdentification redis-tls!',
    ]);
  });

  it('stays silent without a password, with an address it cannot read, locally, with verification on, and on other Config classes', () => {
    const code = sourceLines(
      'package shop.seats;',
      '',
      'import org.redisson.config.Config;',
      'import org.redisson.config.SingleServerConfig;',
      'import org.redisson.config.SslVerificationMode;',
      '',
      'public class QuietClients {',
      '    void noPassword(Config config) {',
      '        config.useSingleServer().setAddress("redis://cache.internal:6379");',
      '    }',
      '',
      '    void fromSettings(Config config, CacheProperties props) {',
      '        config.useSingleServer().setAddress(props.getAddress()).setPassword(props.getPassword());',
      '        config.useSingleServer().setAddress("redis://" + props.getHost() + ":6379").setPassword(props.getPassword());',
      '    }',
      '',
      '    void apart(Config config, String password) {',
      '        SingleServerConfig server = config.useSingleServer();',
      '        server.setPassword(password);',
      '        config.useSingleServer().setAddress("redis://cache.internal:6379");',
      '    }',
      '',
      '    void local(Config config, String password) {',
      '        config.useSingleServer().setAddress("redis://localhost:6379").setPassword(password);',
      '    }',
      '',
      '    void verified(Config config) {',
      '        config.setSslVerificationMode(SslVerificationMode.STRICT);',
      '        config.useSingleServer().setSslEnableEndpointIdentification(true);',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('QuietClients.java', code).filter((hint) => hint.endsWith('!')), []);
    const other = sourceLines(
      'package shop.seats;',
      '',
      'import com.acme.cache.Config;',
      'import com.acme.cache.SslVerificationMode;',
      '',
      'public class AcmeCache {',
      '    void connect(Config config, String password) {',
      '        config.useSingleServer().setAddress("redis://cache.internal:6379").setPassword(password);',
      '        config.setSslVerificationMode(SslVerificationMode.NONE);',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('AcmeCache.java', other), []);
  });

  it('gives the whole reads of a map and a set the hover on reading a whole hash or set', () => {
    const code = sourceLines(
      'package fleet.dispatch;',
      '',
      'import java.util.Map;',
      'import org.redisson.api.RList;',
      'import org.redisson.api.RMap;',
      'import org.redisson.api.RMapCache;',
      'import org.redisson.api.RedissonClient;',
      '',
      'public class Positions {',
      '    private final RedissonClient redisson;',
      '    private final Catalog catalog;',
      '',
      '    public Positions(RedissonClient redisson, Catalog catalog) {',
      '        this.redisson = redisson;',
      '        this.catalog = catalog;',
      '    }',
      '',
      '    public Object all() {',
      '        RMapCache<String, String> positions = redisson.getMapCache("positions");',
      '        Object keys = riders().readAllKeySet();',
      '        Object values = positions.readAllValues();',
      '        Object entries = redisson.getMap("riders").readAllEntrySet();',
      '        return redisson.getSetCache("zones").readAll();',
      '    }',
      '',
      '    public Object quiet() {',
      '        RList<String> list = redisson.getList("recent");',
      '        Object one = riders().get("r1");',
      '        Object walked = riders().entrySet(100);',
      '        Object other = catalog.readAllMap();',
      '        return list.readAll();', // a list read whole (LRANGE 0 -1), since audit53b
      '    }',
      '',
      '    private RMap<String, String> riders() {',
      '        return redisson.getMap("riders");',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Positions.java', code), [
      '20:readAllKeySet redis-collection-read',
      '21:readAllValues redis-collection-read',
      '22:readAllEntrySet redis-collection-read',
      '23:readAll redis-collection-read',
      '29:entrySet redis-collection-read',
      '31:readAll redis-collection-read',
    ]);
  });

  it('gives the walks of a map (HSCAN) and a set (SSCAN) the same hover, and not a view used for one key or its size', () => {
    const code = sourceLines(
      'package fleet.dispatch;',
      '',
      'import org.redisson.api.RMap;',
      'import org.redisson.api.RSet;',
      'import org.redisson.api.RedissonClient;',
      '',
      'public class Walks {',
      '    private final RedissonClient redisson;',
      '',
      '    public Walks(RedissonClient redisson) {', // 10
      '        this.redisson = redisson;',
      '    }',
      '',
      '    public void walk(RMap<String, String> riders, RSet<String> zones) {',
      '        riders.values().stream().count();', // 15
      '        riders.entrySet(500).size();',
      '        riders.keySet("rider:*").size();',
      '        riders.forEach((k, v) -> {});',
      '        for (String id : riders.keySet()) {',
      '            id.length();', // 20
      '        }',
      '        zones.stream().count();',
      '        zones.iterator();',
      '    }',
      '', // 25
      '    public void quiet(RMap<String, String> riders, RSet<String> zones) {',
      '        riders.keySet().contains("r1");',
      '        riders.values().size();',
      '        riders.entrySet().isEmpty();',
      '        zones.contains("z1");', // 30
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Walks.java', code), [
      '15:values redis-collection-read',
      '16:entrySet redis-collection-read',
      '17:keySet redis-collection-read',
      '18:forEach redis-collection-read',
      '19:keySet redis-collection-read',
      '22:stream redis-collection-read',
      '23:iterator redis-collection-read',
    ]);
  });
});
