/**
 * A name reassigned from a value that reads it (`user = Object.assign(user, changes)`, Python's `table =
 * wrap(table)` style): the name read inside is the name as bound before, so `Object.assign`, which returns its
 * target, keeps a dynamoose item an item, whose `save()` writes it back (and is a read-modify-write after `get`).
 * Silent: `Object.assign({}, item)`, a new plain object, and a local `Object` of the file.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('a name reassigned from a value that reads it', () => {
  it('keeps a dynamoose item through user = Object.assign(user, changes), and finds the read-modify-write', () => {
    const code = sourceLines(
      "import * as dynamoose from 'dynamoose';",
      "const Accounts = dynamoose.model('accounts', { accountId: String, plan: String });",
      '',
      'export async function changePlan(accountId: string, changes: { plan: string }) {',
      '  let account = await Accounts.get(accountId);',
      '  account = Object.assign(account, changes);',
      '  await account.save();',
      '}',
      '',
      'export async function copyPlan(accountId: string) {',
      '  const account = await Accounts.get(accountId);',
      '  const copy = Object.assign({}, account);',
      '  return copy.save();',
      '}',
    );
    assert.deepEqual(hintsIn('accounts.ts', code), [
      '2:model dynamodb-billing-mode',
      '5:get dynamodb-get-item',
      '7:save dynamodb-put-item',
      '7:save dynamodb-read-modify-write',
      '11:get dynamodb-get-item',
      '7:save dynamodb-read-modify-write!',
    ]);
  });

  it('stays silent where Object is a name of the file', () => {
    const code = sourceLines(
      "import * as dynamoose from 'dynamoose';",
      "const Accounts = dynamoose.model('accounts', { accountId: String });",
      'const Object = { assign: (target: unknown, source: unknown) => ({ target, source }) };',
      '',
      'export async function wrap(accountId: string) {',
      '  let account = await Accounts.get(accountId);',
      '  account = Object.assign(account, {});',
      '  return account.save();',
      '}',
    );
    assert.deepEqual(hintsIn('wrapped.ts', code), ['2:model dynamodb-billing-mode', '6:get dynamodb-get-item']);
  });
});
