/**
 * Java Spring Boot services as audit59b found them:
 * - an entity whose hash key field carries Spring Data's `@Id` before the mapper's `@DynamoDBHashKey` (the usual
 *   simple-key entity of Spring Data DynamoDB): the key annotation says which key it is, so a finder on another
 *   attribute is a Scan with a filter and one on the hash key a load, as without `@Id`; a composite `@Id` alone
 *   still tells no key;
 * - a finder that scans for one entity and returns it in an Optional (`Optional<Vendor> findByTaxNumber(n)`) reads the
 *   item a later save of it, changed, puts back: a read-modify-write, as after `findById`; not a finder returning a list;
 * - a Jedis pool built with its pool settings first (`new JedisPool(poolConfig, host, port, timeout)`, with or without
 *   the `ssl` flag last): the same client context as without the settings, so a host held by a `@Value` field gets
 *   the TLS hover, and a pool to localhost stays silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';
import { IMPORTS, withoutSdkV1 } from './springDataFixtures';

const repositoryOf = (idField: string[]): string =>
  sourceLines(
    ...IMPORTS, // 1-9
    'import org.springframework.data.annotation.Id;', // 10
    '@DynamoDBTable(tableName = "vendors")',
    'class Vendor {',
    ...idField, // 13-15
    '    private String taxNumber;', // 16
    '}',
    '@EnableScan',
    'interface VendorRepository extends CrudRepository<Vendor, String> {',
    '    List<Vendor> findByTaxNumber(String taxNumber);', // 20
    '    List<Vendor> findByVendorId(String vendorId);',
    '}',
    '@Service',
    'public class VendorService {',
    '    private final VendorRepository vendors;', // 25
    '    public VendorService(VendorRepository vendors) { this.vendors = vendors; }',
    '    public List<Vendor> taxed(String n) { return vendors.findByTaxNumber(n); }', // 27
    '    public List<Vendor> one(String id) { return vendors.findByVendorId(id); }', // 28
    '}',
  );

describe('Java: Spring Data entities with @Id beside the mapper key annotation', () => {
  it('reads @Id written before @DynamoDBHashKey as the hash key', () => {
    const hints = withoutSdkV1(hintsIn('VendorService.java', repositoryOf(['    @Id', '    @DynamoDBHashKey(attributeName = "vendor_id")', '    private String vendorId;'])));
    assert.deepEqual(hints, [
      '27:findByTaxNumber dynamodb-scan',
      '27:findByTaxNumber dynamodb-filter-expression',
      '28:findByVendorId dynamodb-get-item',
      '27:findByTaxNumber dynamodb-filter-expression!',
    ]);
  });

  it('reads the same entity with the annotations the other way round alike', () => {
    const before = withoutSdkV1(hintsIn('VendorService.java', repositoryOf(['    @Id', '    @DynamoDBHashKey(attributeName = "vendor_id")', '    private String vendorId;'])));
    const after = withoutSdkV1(hintsIn('VendorService.java', repositoryOf(['    @DynamoDBHashKey(attributeName = "vendor_id")', '    @Id', '    private String vendorId;'])));
    assert.deepEqual(before, after);
  });

  it('still reads no key from a composite @Id alone', () => {
    const hints = withoutSdkV1(hintsIn('VendorService.java', repositoryOf(['    @Id', '    private VendorKey vendorId;', ''])));
    assert.deepEqual(hints, []);
  });
});

describe('Java: Spring Data finders that scan for one entity', () => {
  const service = (finder: string, body: string[]): string =>
    sourceLines(
      ...IMPORTS, // 1-9
      'import java.util.Optional;', // 10
      '@DynamoDBTable(tableName = "vendors")',
      'class Vendor {',
      '    @DynamoDBHashKey private String vendorId;',
      '    private String taxNumber;',
      '    private boolean active;', // 15
      '    public void setActive(boolean active) { this.active = active; }',
      '}',
      '@EnableScan',
      'interface VendorRepository extends CrudRepository<Vendor, String> {',
      `    ${finder}`, // 20
      '}',
      'class VendorService {',
      '    private final VendorRepository vendors;',
      '    VendorService(VendorRepository vendors) { this.vendors = vendors; }',
      '    void suspend(String n) {', // 25
      ...body, // 26-
      '    }',
      '}',
    );
  const rmw = (hints: string[]): string[] => hints.filter((hint) => hint.includes('read-modify-write'));

  it('reports a save of the entity an Optional finder found, changed', () => {
    const code = service('Optional<Vendor> findByTaxNumber(String taxNumber);', [
      '        Optional<Vendor> found = vendors.findByTaxNumber(n);',
      '        found.get().setActive(false);',
      '        vendors.save(found.get());', // 28
    ]);
    assert.deepEqual(rmw(hintsIn('VendorService.java', code)), ['28:save dynamodb-read-modify-write', '28:save dynamodb-read-modify-write!']);
  });

  it('stays silent for a finder that returns a list, and for an entity saved unchanged', () => {
    const listed = service('List<Vendor> findByTaxNumber(String taxNumber);', [
      '        List<Vendor> found = vendors.findByTaxNumber(n);',
      '        found.get(0).setActive(false);',
      '        vendors.save(found.get(0));',
    ]);
    const unchanged = service('Optional<Vendor> findByTaxNumber(String taxNumber);', [
      '        Optional<Vendor> found = vendors.findByTaxNumber(n);',
      '        vendors.save(found.get());',
    ]);
    assert.deepEqual(rmw(hintsIn('VendorService.java', listed)), []);
    assert.deepEqual(rmw(hintsIn('VendorService.java', unchanged)), []);
  });
});

describe('Java: Jedis pools built with their pool settings first', () => {
  const config = (pool: string): string =>
    sourceLines(
      'package app.config;', // 1
      'import org.springframework.beans.factory.annotation.Value;',
      'import org.springframework.context.annotation.Bean;',
      'import redis.clients.jedis.JedisPool;',
      'import redis.clients.jedis.JedisPoolConfig;', // 5
      'public class PoolConfig {',
      '    @Value("${redis.host}") private String host;',
      '    @Value("${redis.port}") private int port;',
      '    @Value("${redis.ssl}") private boolean ssl;',
      '    @Bean public JedisPool pool() {', // 10
      `        return ${pool};`, // 11
      '    }',
      '}',
    );

  it('gives the TLS hover to a pool whose host a @Value field holds', () => {
    assert.deepEqual(hintsIn('PoolConfig.java', config('new JedisPool(new JedisPoolConfig(), host, port, 2000)')), ['11:JedisPool redis-tls']);
    assert.deepEqual(hintsIn('PoolConfig.java', config('new JedisPool(new JedisPoolConfig(), host, port, 2000, ssl)')), ['11:ssl redis-tls']);
  });

  it('stays silent on a pool to localhost and on arguments whose types are unknown', () => {
    assert.deepEqual(hintsIn('PoolConfig.java', config('new JedisPool(new JedisPoolConfig(), "localhost", 6379)')), []);
    assert.deepEqual(hintsIn('PoolConfig.java', config('new JedisPool(new JedisPoolConfig(), settings.host(), settings.port())')), []);
  });

  it('reads a settings class\'s getters named for the host and port (audit60e)', () => {
    assert.deepEqual(hintsIn('PoolConfig.java', config('new JedisPool(new JedisPoolConfig(), settings.getHost(), settings.getPort())')), ['11:JedisPool redis-tls']);
  });
});
