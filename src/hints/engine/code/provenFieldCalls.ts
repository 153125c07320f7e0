/**
 * Python: a DynamoDB call on a field of unknown origin (`self.table`, set from an untyped constructor parameter
 * or by a base class of another module) whose own request does not say DynamoDB (`self.table.get_item(Key=k)`,
 * `self.table.scan(**params)`, `self.table.batch_writer()`), where another call on the same field of the same
 * class does (`self.table.query(KeyConditionExpression=...)`): a field set only from one parameter holds one
 * value, so that call tells what it is. The repository base class that takes its table in `__init__` writes
 * most of its item calls with keys other libraries use too (`Key`, `Item`, `FilterExpression`).
 */
import type { CodeAnalyzer } from './analyzer';
import { ClientKind, operationOfMethod } from '../services';
import { keywordsOnly } from './lowLevelMemberCalls';
import { ofUnknownOrigin, shapedOperationFor, shapedRequest } from './requestShapes';
import { inTestCode } from './testFixtures';

/** boto3's Table method that batches puts and deletes and resends unprocessed items itself: a hover, never a finding. */
const BATCH_WRITER = 'batch_writer';

interface FieldCalls {
  /** Name tokens of the calls `self.<field>.<method>(` of one class. */
  names: number[];
  /** The kind the first call with a DynamoDB request proves (a `TableName` says a client), null for none, undefined before reading. */
  proven?: ClientKind | null;
}

const fieldCallsOf = new WeakMap<CodeAnalyzer, Map<string, FieldCalls>>();

/** Records `self.<field>.<method>(...)` at `nameIndex` when a sibling call on the field proves it DynamoDB's; true when recorded. */
export function provenFieldCall(a: CodeAnalyzer, nameIndex: number, receiverStart: number): boolean {
  const open = nameIndex + 1;
  const close = a.is(open, '(') ? a.partner[open] : -1;
  const method = a.tokens.text(nameIndex);
  if (close < 0 || receiverStart !== nameIndex - 4 || !a.idIs(receiverStart, 'self') || !candidateMethod(method)) {
    return false;
  }
  const calls = groupOf(a, nameIndex);
  if (!calls || !ofUnknownOrigin(a, receiverStart, receiverStart + 2) || inTestCode(a, nameIndex) || !keywordsOnly(a, open, close)) {
    return false;
  }
  // A call whose own request says DynamoDB is read as one of unknown origin (`requestShapes.ts`).
  if (shapedRequest(a, nameIndex, 'unknown') !== undefined) {
    return false;
  }
  calls.proven ??= provingKind(a, calls.names, nameIndex);
  const operation = calls.proven ? operationOfMethod(calls.proven, method) : undefined;
  if (!operation || (method !== BATCH_WRITER && !shapedOperationFor(calls.proven!, method, 'unknown'))) {
    return false;
  }
  const request = a.language.requestForCall(a, open, close, operation);
  a.addOperation({ operation, name: a.tokenSpan(nameIndex), call: method !== BATCH_WRITER, paginated: false, tokenIndex: nameIndex, ...(request ? { request } : {}) });
  return true;
}

function candidateMethod(method: string): boolean {
  return method === BATCH_WRITER || operationOfMethod('dynamodb-table', method) !== undefined || operationOfMethod('dynamodb', method) !== undefined;
}

/** The calls on the same field of the same class as the call at `nameIndex`, collected in one pass over the file. */
function groupOf(a: CodeAnalyzer, nameIndex: number): FieldCalls | undefined {
  let groups = fieldCallsOf.get(a);
  if (!groups) {
    groups = new Map();
    for (let k = 0; k + 5 < a.tokens.length; k++) {
      if (a.idIs(k, 'self') && a.isAccess(k + 1) && a.isId(k + 2) && a.isAccess(k + 3) && a.isId(k + 4) && a.is(k + 5, '(') && !a.isAccess(k - 1)) {
        const key = groupKey(a, k + 4);
        const group = key && groups.get(key);
        if (group) {
          group.names.push(k + 4);
        } else if (key) {
          groups.set(key, { names: [k + 4] });
        }
      }
    }
    fieldCallsOf.set(a, groups);
  }
  const key = groupKey(a, nameIndex);
  return key ? groups.get(key) : undefined;
}

function groupKey(a: CodeAnalyzer, nameIndex: number): string | undefined {
  const classScope = a.scopes.enclosing(nameIndex, ['class']);
  return classScope > 0 ? `${classScope}:${a.tokens.text(nameIndex - 2)}` : undefined;
}

/** The client kind the first other call of the group with a DynamoDB request proves: a `TableName` says the low-level client. */
function provingKind(a: CodeAnalyzer, names: readonly number[], except: number): ClientKind | null {
  for (const name of names) {
    const shaped = name !== except && ofUnknownOrigin(a, name - 4, name - 2) ? shapedRequest(a, name, 'unknown') : undefined;
    if (shaped) {
      return shaped.request.options.some((option) => option.norm === 'tablename') ? 'dynamodb' : 'dynamodb-table';
    }
  }
  return null;
}
