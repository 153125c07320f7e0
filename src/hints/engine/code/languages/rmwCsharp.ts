/**
 * Read-modify-write in C# (`readModifyWriteTyped.ts`): `AmazonDynamoDBClient.GetItemAsync` / `PutItemAsync`
 * with request objects (or the `(tableName, key)` / `(tableName, item)` overloads), whose response's item is
 * `response.Item`, and the object persistence model's `DynamoDBContext.LoadAsync<T>` / `SaveAsync`, whose result
 * is the object itself. `SaveAsync` of a class with a `[DynamoDBVersion]` property succeeds only if the stored
 * version matches (optimistic locking), so such a class, or one that neither this file nor (in workspace mode)
 * another file of the workspace declares, is no finding.
 */
import type { CodeAnalyzer } from '../analyzer';
import { callArgumentRanges, declaredName, receiverText, RmwDialect, versionedOrUnseen } from '../readModifyWriteTyped';
import { tokensText } from '../readModifyWriteTypedValues';
import { OperationOccurrence } from '../../model';

const MAPPER_READS = new Set(['LoadAsync', 'Load']);
const MAPPER_WRITES = new Set(['SaveAsync', 'Save']);
const LOW_LEVEL = new Set(['GetItemAsync', 'GetItem', 'PutItemAsync', 'PutItem']);
const VERSION_MARKERS = ['DynamoDBVersion'];
const CANCELLATION = /^(?:ct|token|cancellationToken|cancellation|cancel)$/i;

/** The call's `(` after its name and type arguments (`SaveAsync<Order>(`), or -1. */
function callOpen(a: CodeAnalyzer, name: number): number {
  let open = name + 1;
  if (a.is(open, '<')) {
    while (open < name + 40 && !a.is(open, '>')) {
      open++;
    }
    open++;
  }
  return a.is(open, '(') ? open : -1;
}

/** The positional arguments of a call without a request object, or of an object-mapper call. */
function positional(a: CodeAnalyzer, occurrence: OperationOccurrence): [number, number][] {
  const open = callOpen(a, occurrence.tokenIndex);
  return open > 0 && !(occurrence.request?.options.length) ? callArgumentRanges(a, open) : [];
}

function nameOf(a: CodeAnalyzer, occurrence: OperationOccurrence): string {
  return a.tokens.text(occurrence.tokenIndex);
}

export const rmwCsharp: RmwDialect = {
  itemMember: (a, p) => (a.isAccess(p) && a.idIs(p + 1, 'Item') && !a.is(p + 2, '(') ? p + 2 : -1),
  readsObject: (a, get) => MAPPER_READS.has(nameOf(a, get)),
  copyOpen(a, start) {
    // `new Dictionary<string, AttributeValue>(item)`
    if (!a.idIs(start, 'new') || !a.idIs(start + 1, 'Dictionary') || !a.is(start + 2, '<')) {
      return -1;
    }
    let open = start + 3;
    while (open < start + 16 && !a.is(open, '>')) {
      open++;
    }
    open++;
    return a.is(open, '(') && callArgumentRanges(a, open).length === 1 ? open : -1;
  },
  mutators: new Set(['Add', 'TryAdd', 'Remove', 'Clear', 'AddRange', 'Insert', 'RemoveAll']),
  assignedNames: declaredName,
  writtenArgument(a, put) {
    const args = positional(a, put);
    const name = nameOf(a, put);
    if (MAPPER_WRITES.has(name)) {
      // `SaveAsync(order)`, `SaveAsync(order, cancellationToken)`: a config could skip the version check or name another table.
      const token = args.length === 2 ? tokensText(a, args[1][0], args[1][1]) : '';
      const cancellation = args.length === 2 && (CANCELLATION.test(token) || token === 'CancellationToken . None');
      return args.length === 1 || cancellation ? args[0] : undefined;
    }
    return LOW_LEVEL.has(name) && args.length >= 2 ? args[1] : undefined;
  },
  receiverTable(a, occurrence) {
    const name = nameOf(a, occurrence);
    if (MAPPER_READS.has(name) || MAPPER_WRITES.has(name)) {
      return receiverText(a, occurrence.tokenIndex);
    }
    // `GetItemAsync(TableName, key)`, `PutItemAsync(TableName, item)`
    const args = LOW_LEVEL.has(name) ? positional(a, occurrence) : [];
    return args.length >= 2 ? `table ${tokensText(a, args[0][0], args[0][1])}` : undefined;
  },
  versionedOrUnknown(a, get, readStart) {
    // `LoadAsync<Order>(id)`, or `Order order = await context.LoadAsync(…)`
    const name = get.tokenIndex;
    const generic = a.is(name + 1, '<') && a.isId(name + 2) && a.is(name + 3, '>') ? a.tokens.text(name + 2) : undefined;
    const declared = a.is(readStart - 1, '=') && a.isId(readStart - 2) && a.isId(readStart - 3) ? a.tokens.text(readStart - 3) : undefined;
    const type = generic ?? (declared === 'var' ? undefined : declared);
    return type === undefined || versionedOrUnseen(a, 'csharp', type, VERSION_MARKERS);
  },
};
