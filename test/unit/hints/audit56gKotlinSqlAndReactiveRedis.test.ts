/**
 * Kotlin and Java services on Redis and RDS (audit56g): Spring Data Redis's reactive template and its operations,
 * whose commands are the blocking template's (a publisher each, so one per element of a loop is no round trip per
 * element, unless the Kotlin extension `setAndAwait` waits for it), and Exposed's and Ktorm's `Database.connect`
 * with a JDBC URL, a SQL connection as `DriverManager.getConnection` is (not one over a pool made elsewhere, nor an
 * embedded database).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, hintsOfRules, sourceLines } from './support';

const SQL_RULES = ['rds-sql-connection', 'rds-sql-password'];

describe('Reactive Spring Data Redis and Kotlin SQL libraries (audit56g)', () => {
  it('reads the reactive template and its value operations as the commands they send', () => {
    const code = sourceLines(
      'package shop.cache;',
      'import java.time.Duration;',
      'import java.util.List;',
      'import org.springframework.data.redis.core.ReactiveRedisTemplate;',
      'import reactor.core.publisher.Mono;', // 5
      'public class PriceCache {',
      '    private final ReactiveRedisTemplate<String, String> prices;',
      '    public PriceCache(ReactiveRedisTemplate<String, String> prices) { this.prices = prices; }',
      '    public Mono<Boolean> keep(String sku, String price) {',
      '        return prices.opsForValue().set("price:" + sku, price, Duration.ofMinutes(5));', // 10
      '    }',
      '    public Mono<Boolean> keepForever(String sku, String price) {',
      '        return prices.opsForValue().set("price:" + sku, price);',
      '    }',
      '    public void drop(List<String> skus) {', // 15
      '        for (String sku : skus) {',
      '            prices.opsForValue().delete("price:" + sku).subscribe();',
      '        }',
      '        prices.keys("price:*").subscribe();',
      '    }', // 20
      '}',
    );
    assert.deepEqual(hintsIn('PriceCache.java', code).filter((hint) => hint.includes(' redis-')), [
      '10:set redis-expire',
      '13:set redis-expire',
      '17:delete redis-unlink',
      '19:keys redis-keys',
      '19:keys redis-keys!',
    ]);
  });

  it('reads the Kotlin extensions that await a reactive command, one round trip each in a loop', () => {
    const code = sourceLines(
      'package shop.cache',
      'import org.springframework.data.redis.core.ReactiveRedisOperations',
      'import org.springframework.data.redis.core.setAndAwait',
      'class Warmer(private val ops: ReactiveRedisOperations<String, String>) {',
      '    suspend fun warm(skus: List<String>) {', // 5
      '        for (sku in skus) {',
      '            ops.opsForValue().setAndAwait("sku:$sku", sku)',
      '        }',
      '    }',
      '}', // 10
    );
    assert.deepEqual(hintsIn('Warmer.kt', code).filter((hint) => hint.includes(' redis-')), [
      '7:setAndAwait redis-expire',
      '7:setAndAwait redis-loop-round-trips',
      '7:setAndAwait redis-loop-round-trips!',
    ]);
  });

  it('reads Exposed and Ktorm connections with a URL, named or positional, and their literal passwords', () => {
    const exposed = sourceLines(
      'package app.db',
      'import org.jetbrains.exposed.sql.Database as SqlDatabase',
      'import javax.sql.DataSource',
      'object Storage {',
      '    fun primary() = SqlDatabase.connect(', // 5
      '        url = "jdbc:postgresql://orders.cluster-abc.eu-west-1.rds.amazonaws.com:5432/orders",',
      '        driver = "org.postgresql.Driver",',
      '        user = "orders",',
      '        password = "Orders-Pass-1"',
      '    )', // 10
      '    fun fromEnv() = SqlDatabase.connect(System.getenv("DB_URL"), "org.postgresql.Driver", System.getenv("DB_USER"), System.getenv("DB_PASSWORD"))',
      '    fun pooled(pool: DataSource) = SqlDatabase.connect(pool)',
      '    fun embedded() = SqlDatabase.connect("jdbc:h2:mem:test", driver = "org.h2.Driver")',
      '}',
    );
    assert.deepEqual(hintsOfRules('Storage.kt', exposed, SQL_RULES), [
      '11:System.getenv("DB_PASSWORD") rds-sql-password',
      '11:connect rds-sql-connection',
      '5:connect rds-sql-connection',
      '9:"Orders-Pass-1" rds-sql-password',
      '9:"Orders-Pass-1" rds-sql-password!',
    ]);
    const ktorm = sourceLines(
      'package bot.db',
      'import org.ktorm.database.Database',
      'class Db(config: DbConfig) {',
      '    val connection = Database.connect(url = config.url, user = config.user, password = config.password)',
      '}', // 5
    );
    assert.deepEqual(hintsOfRules('Db.kt', ktorm, SQL_RULES), ['4:config.password rds-sql-password', '4:connect rds-sql-connection']);
  });

  it('leaves a Database class of another library, or of the project, alone', () => {
    const code = sourceLines(
      'package app.db',
      'import com.example.Database',
      'object Storage {',
      '    fun primary() = Database.connect("jdbc:postgresql://orders.cluster-abc.eu-west-1.rds.amazonaws.com:5432/orders", "org.postgresql.Driver", "u", "Orders-Pass-1")',
      '}', // 5
    );
    assert.deepEqual(hintsOfRules('Storage.kt', code, SQL_RULES), []);
  });
});
