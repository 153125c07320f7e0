/**
 * Java enhanced client batches: `batchGetItem` returns result pages that request the unprocessed keys again
 * (it sends through `batchGetItemPaginator`), so reading its results is no finding; `batchWriteItem` returns
 * one result whose unprocessed requests the code must resend, and the low-level `batchGetItem` one response.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Java enhanced client batches', () => {
  it('reports no unprocessed keys for the enhanced batchGetItem, and still for its batchWriteItem and the low-level batchGetItem', () => {
    const code = sourceLines(
      'import software.amazon.awssdk.enhanced.dynamodb.*;',
      'import software.amazon.awssdk.enhanced.dynamodb.model.*;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.*;',
      'public class Profiles {',
      '    private final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.create();',
      '    private final DynamoDbClient dynamo = DynamoDbClient.create();',
      '    private final DynamoDbTable<Profile> table = enhanced.table("profiles", TableSchema.fromBean(Profile.class));',
      '    public List<Profile> many(ReadBatch batch) {',
      '        return enhanced.batchGetItem(b -> b.addReadBatch(batch)).resultsForTable(table).stream().toList();',
      '    }',
      '    public void removeAll(WriteBatch batch) {',
      '        enhanced.batchWriteItem(b -> b.writeBatches(batch));',
      '    }',
      '    public BatchGetItemResponse raw(Map<String, KeysAndAttributes> items) {',
      '        return dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(items).build());',
      '    }',
      '}',
    );
    const findings = hintsIn('Profiles.java', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, ['13:batchWriteItem dynamodb-batch-write-item!', '16:batchGetItem dynamodb-batch-get-item!']);
    assert.ok(hintsIn('Profiles.java', code).includes('10:batchGetItem dynamodb-batch-get-item'));
  });
});
