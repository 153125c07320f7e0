/**
 * Read-modify-write inside a repository class: an object got through the class's own reading method (`getUser(id)`,
 * `this.getUser(id)`, C#'s `await Single(id)`), changed, and written back with no condition on the same mapper
 * receiver, directly or through the class's own saving method. A versioned class, a new object and another table stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RMW = 'dynamodb-read-modify-write!';

describe("Read-modify-write through a repository's own reading method", () => {
  it('Java: the enhanced client, written directly or through the own save; not a versioned bean', () => {
    const code = sourceLines(
      'import software.amazon.awssdk.enhanced.dynamodb.*;',
      'import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;',
      'public class UserRepository {',
      '    private final DynamoDbTable<UserEntity> users;',
      '    private final DynamoDbTable<Counter> counters;',
      '    public UserRepository(DynamoDbEnhancedClient c) { users = c.table("t", TableSchema.fromBean(UserEntity.class)); counters = c.table("t", TableSchema.fromBean(Counter.class)); }',
      '    public UserEntity getUser(String id) { return users.getItem(Key.builder().partitionValue(id).build()); }',
      '    public Counter getCounter(String id) { return counters.getItem(Key.builder().partitionValue(id).build()); }',
      '    public void save(UserEntity user) { users.updateItem(user); }',
      '    public void block(String id) {',
      '        UserEntity user = getUser(id);',
      '        user.setStatus("BLOCKED");',
      '        users.updateItem(user);',
      '    }',
      '    public void rename(String id, String name) {',
      '        UserEntity user = this.getUser(id);',
      '        user.setName(name);',
      '        save(user);',
      '    }',
      '    public void bump(String id) {',
      '        Counter counter = getCounter(id);',
      '        counter.setValue(counter.getValue() + 1);',
      '        counters.updateItem(counter);',
      '    }',
      '    public void touch(String id) {',
      '        UserEntity user = getUser(id);',
      '        users.updateItem(user);',
      '    }',
      '}',
      '@DynamoDbBean',
      'class UserEntity {',
      '    private String id; private String status; private String name;',
      '    @DynamoDbPartitionKey public String getId() { return id; }',
      '    public void setStatus(String s) { status = s; }',
      '    public void setName(String n) { name = n; }',
      '}',
      '@DynamoDbBean',
      'class Counter {',
      '    private String id; private int value; private Long version;',
      '    @DynamoDbPartitionKey public String getId() { return id; }',
      '    public int getValue() { return value; }',
      '    public void setValue(int v) { value = v; }',
      '    @DynamoDbVersionAttribute public Long getVersion() { return version; }',
      '}',
    );
    const found = hintsIn('UserRepository.java', code);
    assert.ok(found.includes(`13:updateItem ${RMW}`), found.join('\n'));
    assert.ok(found.includes(`18:save ${RMW}`), found.join('\n'));
    assert.ok(!found.some((hint) => hint.endsWith(RMW) && !hint.startsWith('13:') && !hint.startsWith('18:')), found.join('\n'));
  });

  it("C#: DynamoDBContext's SaveAsync of what the class's own Single returned", () => {
    const code = sourceLines(
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2.DataModel;',
      'public class ReaderRepository',
      '{',
      '    private readonly IDynamoDBContext _context;',
      '    public ReaderRepository(IDynamoDBContext context) { _context = context; }',
      '    public async Task<Reader> Single(string id) { return await _context.LoadAsync<Reader>(id); }',
      '    public async Task Rename(string id, string name)',
      '    {',
      '        var reader = await Single(id);',
      '        reader.Name = name;',
      '        await _context.SaveAsync<Reader>(reader);',
      '    }',
      '}',
      '[DynamoDBTable("readers")]',
      'public class Reader',
      '{',
      '    [DynamoDBHashKey] public string Id { get; set; }',
      '    public string Name { get; set; }',
      '}',
    );
    const found = hintsIn('ReaderRepository.cs', code);
    assert.ok(found.includes(`12:SaveAsync ${RMW}`), found.join('\n'));
  });
  it('Java: a Spring Cloud AWS DynamoDbTemplate load wrapped in an Optional by the own reading method, unwrapped by the caller', () => {
    const code = (version: boolean): string =>
      sourceLines(
        'import io.awspring.cloud.dynamodb.DynamoDbTemplate;',
        'import java.util.Optional;',
        'import software.amazon.awssdk.enhanced.dynamodb.Key;',
        'import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;',
        'public class BadgeRepository {',
        '    private final DynamoDbTemplate template;',
        '    public BadgeRepository(DynamoDbTemplate template) { this.template = template; }',
        '    public Optional<Badge> findBadge(String id) {',
        '        return Optional.ofNullable(template.load(Key.builder().partitionValue(id).build(), Badge.class));',
        '    }',
        '    public Badge revoke(String id) {',
        '        Badge badge = findBadge(id).orElseThrow();',
        '        badge.setRevoked(true);',
        '        return template.update(badge);',
        '    }',
        '    public Badge reissue(String id) {',
        '        Badge badge = findBadge(id).orElse(new Badge());',
        '        badge.setRevoked(false);',
        '        return template.update(badge);',
        '    }',
        '}',
        '@DynamoDbBean',
        'class Badge {',
        '    private String id; private boolean revoked; private Long version;',
        '    @DynamoDbPartitionKey public String getId() { return id; }',
        '    public void setRevoked(boolean r) { revoked = r; }',
        ...(version ? ['    @DynamoDbVersionAttribute public Long getVersion() { return version; }'] : []),
        '}',
      );
    // `orElse(new Badge())` may hand over a new object: silent.
    assert.deepEqual(hintsIn('BadgeRepository.java', code(false)).filter((hint) => hint.endsWith(RMW)), [`14:update ${RMW}`]);
    assert.deepEqual(hintsIn('BadgeRepository.java', code(true)).filter((hint) => hint.endsWith(RMW)), []);
  });
});
