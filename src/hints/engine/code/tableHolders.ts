/**
 * The object a DynamoDB item request or Query is sent on where the request names no table itself: boto3's
 * `table.query(...)` and `table.update_item(Key=...)` on one `table = dynamodb.Table(name)`. Requests sent on the same
 * binding read the same table, whatever its name is, so the file's item requests show that table's key to its
 * Queries (`checks/singleKeyTables.ts`).
 */
import { OptionContext } from '../model';
import { UNBOUND_VALUE } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { tokenAt } from './tokenIndex';

const HELD_REQUESTS = new Set(['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query']);

/** Records on each such request the binding of the name it is sent on (`table` of `table.query(...)`), where that is a plain name. */
export function noteTableHolders(a: CodeAnalyzer, contexts: readonly OptionContext[]): void {
  for (const context of contexts) {
    if (context.kind !== 'sdk' || !HELD_REQUESTS.has(context.type)) {
      continue;
    }
    const k = tokenAt(a, context.anchor.start);
    if (k < 2 || !a.isAccess(k - 1) || !a.isId(k - 2) || a.isAccess(k - 3)) {
      continue;
    }
    const name = a.tokens.text(k - 2);
    const binding = a.scopes.lookup(name, k - 2);
    if (binding && binding !== UNBOUND_VALUE) {
      context.tableHolder = `${name}@${binding.token}`;
    }
  }
}
