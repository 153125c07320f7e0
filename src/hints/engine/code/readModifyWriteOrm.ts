/**
 * A read-modify-write through an object mapper whose read gives the item itself and whose item writes itself
 * back: dynamoose's `const user = await User.get(id)`, a change (`user.name = name`,
 * `offer.requests[i].status = s`, `Object.assign(user, data)`), then `await user.save()`; PynamoDB's
 * `todo = Todo.get(todo_id)`, `todo.text = text`, `todo.save()`. `save()` puts the whole item with no condition
 * unless its settings ask for one (dynamoose Item docs, `item.save([settings])`; PynamoDB's `save(condition=None)`,
 * or a `VersionAttribute` on the model, which adds one: such saves are no plain write), so two runs that read the
 * same item lose one's change. The flow from the read to the write is `readModifyWrite.ts`'s, with the read's
 * result taken as the item, as for a same-file helper that returns it.
 */
import type { CodeAnalyzer } from './analyzer';
import { DYNAMOOSE } from './languages/ormObjects';
import { isPynamodbOperation } from './languages/pynamodb';
import { flowUntil } from './readModifyWrite';
import { OperationOccurrence } from '../model';

/** Whether `put` is an item's `save()` that writes back, changed, the item the mapper read `get` bound to the same name. */
export function ormRewritesReadItem(a: CodeAnalyzer, get: OperationOccurrence, put: OperationOccurrence): boolean {
  const receiver = put.tokenIndex - 2;
  if (!put.plainWrite || !a.idIs(put.tokenIndex, 'save') || !a.isAccess(put.tokenIndex - 1) || !a.idIs(get.tokenIndex, 'get')) {
    return false;
  }
  if (!a.isId(receiver) || a.isAccess(receiver - 1) || !mapperPair(a, get, put, receiver)) {
    return false;
  }
  const flow = flowUntil(a, get.tokenIndex, put.tokenIndex, undefined, true);
  const name = a.tokens.text(receiver);
  return flow !== undefined && flow.items.has(name) && (flow.items.get(name) === true || flow.changed.has(name));
}

/** Whether the read and the write are one mapper's: dynamoose's (no request of their own) or PynamoDB's. */
function mapperPair(a: CodeAnalyzer, get: OperationOccurrence, put: OperationOccurrence, receiver: number): boolean {
  if (a.language.family === 'python') {
    return isPynamodbOperation(a, get.tokenIndex) && isPynamodbOperation(a, put.tokenIndex);
  }
  return a.language.family === 'js' && get.request === undefined && put.request === undefined && isMapperItem(a, receiver);
}

function isMapperItem(a: CodeAnalyzer, receiver: number): boolean {
  const value = a.evalChain(receiver, receiver + 1).value;
  return value?.t === 'ref' && value.module === DYNAMOOSE && value.path === 'item';
}
