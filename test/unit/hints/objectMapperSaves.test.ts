/**
 * Object mappers' saves, read as the requests they send: .NET `DynamoDBContext.SaveAsync` always sends an
 * UpdateItem of the object's attributes, and Java's `DynamoDBMapper.save` does under its default
 * `SaveBehavior.UPDATE`; only `CLOBBER` and `PUT` replace the item as a PutItem does. A plain save per loop
 * element is still one request per element, which the mapper's batch takes at once.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Object mapper saves', () => {
  it('reads a .NET context save as UpdateItem, and one per loop element as the item-loop finding', () => {
    const code = sourceLines(
      'using Amazon.DynamoDBv2.DataModel;',
      'public class LedgerStore',
      '{',
      '    private readonly IDynamoDBContext _context;',
      '    public LedgerStore(IDynamoDBContext context) { _context = context; }',
      '    public Task SaveAsync(Entry entry) => _context.SaveAsync(entry);',
      '    public async Task SaveAllAsync(IEnumerable<Entry> entries)',
      '    {',
      '        foreach (var entry in entries)',
      '        {',
      '            await _context.SaveAsync(entry);',
      '        }',
      '    }',
      '}',
    );
    const found = hintsIn('LedgerStore.cs', code);
    assert.deepEqual(
      found.filter((hint) => /^(6|11):/.test(hint)),
      ['6:SaveAsync dynamodb-update-item', '11:SaveAsync dynamodb-update-item', '11:SaveAsync dynamodb-item-loop', '11:SaveAsync dynamodb-item-loop!'],
    );
  });

  it('reads a DynamoDBMapper save as UpdateItem unless the call names a behaviour that replaces the item', () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig.SaveBehavior;',
      'public class ProductDao {',
      '    private final DynamoDBMapper mapper = new DynamoDBMapper(AmazonDynamoDBClientBuilder.defaultClient());',
      '    public void save(Product product) {',
      '        mapper.save(product);',
      '    }',
      '    public void patch(Product product) {',
      '        mapper.save(product, DynamoDBMapperConfig.builder().withSaveBehavior(SaveBehavior.UPDATE_SKIP_NULL_ATTRIBUTES).build());',
      '    }',
      '    public void replace(Product product) {',
      '        mapper.save(product, DynamoDBMapperConfig.builder().withSaveBehavior(SaveBehavior.CLOBBER).build());',
      '    }',
      '}',
    );
    const saves = hintsIn('ProductDao.java', code).filter((hint) => /:save /.test(hint));
    assert.deepEqual(saves, ['8:save dynamodb-update-item', '11:save dynamodb-update-item', '14:save dynamodb-put-item']);
  });
});
