/**
 * The Java enhanced client's `getItemWithResponse`, `putItemWithResponse`, `updateItemWithResponse` and
 * `deleteItemWithResponse` send the same requests as `getItem`, `putItem`, `updateItem` and `deleteItem`, on the
 * synchronous and the asynchronous table. A project class's method of the same name stays silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const HEAD = [
  'package shop.accounts;',
  '',
  'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;',
  'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;',
  'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;',
  'import software.amazon.awssdk.enhanced.dynamodb.TableSchema;',
  'import software.amazon.awssdk.enhanced.dynamodb.model.*;',
  '',
];

describe('Java enhanced client item methods that return the whole response', () => {
  it('reads each as its item request, on the synchronous and asynchronous table', () => {
    const code = sourceLines(
      ...HEAD,
      'public class AccountStore {',
      '  private final DynamoDbTable<Account> accounts;',
      '  private final DynamoDbAsyncTable<Account> audit;',
      '  public AccountStore(DynamoDbEnhancedClient client, DynamoDbAsyncTable<Account> audit) {',
      '    this.accounts = client.table("Accounts", TableSchema.fromBean(Account.class));',
      '    this.audit = audit;',
      '  }',
      '  public Account save(Account account) {',
      '    return accounts.putItemWithResponse(PutItemEnhancedRequest.builder(Account.class).item(account).build()).attributes();',
      '  }',
      '  public Account find(String id) {',
      '    return accounts.getItemWithResponse(r -> r.key(k -> k.partitionValue(id))).attributes();',
      '  }',
      '  public void rename(Account account) {',
      '    accounts.updateItemWithResponse(UpdateItemEnhancedRequest.builder(Account.class).item(account).build());',
      '    audit.deleteItemWithResponse(r -> r.key(k -> k.partitionValue(account.getId())));',
      '  }',
      '}',
    );
    const calls = hintsIn('AccountStore.java', code).filter((hint) => /WithResponse /.test(hint));
    assert.deepEqual(calls, [
      '17:putItemWithResponse dynamodb-put-item',
      '20:getItemWithResponse dynamodb-get-item',
      '23:updateItemWithResponse dynamodb-update-item',
      '24:deleteItemWithResponse dynamodb-delete-item',
    ]);
  });

  it('gives nothing for a project class method of the same name', () => {
    const code = sourceLines(
      'package shop.accounts;',
      '',
      'public class AccountCache {',
      '  private final LocalStore store = new LocalStore();',
      '  public Object find(String id) {',
      '    return store.getItemWithResponse(id);',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('AccountCache.java', code), []);
  });
});
