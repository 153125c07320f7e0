/**
 * Read-modify-write in C# (`readModifyWriteTyped.ts`): `AmazonDynamoDBClient.GetItemAsync` / `PutItemAsync`
 * with request objects (or the `(tableName, key)` / `(tableName, item)` overloads), whose response's item is
 * `response.Item`, and the object persistence model's `DynamoDBContext.LoadAsync<T>` / `SaveAsync`, whose result
 * is the object itself. `SaveAsync` of a class with a `[DynamoDBVersion]` property succeeds only if the stored
 * version matches (optimistic locking), so such a class, or one that neither this file nor (in workspace mode)
 * another file of the workspace declares, is no finding. The document model's `Table.GetItemAsync(key)` gives the
 * `Document` itself, which `Table.PutItemAsync(document)` writes back unconditionally unless a config's condition is
 * passed; a fresh `new Document { ["Id"] = key, ["Count"] = count }` that repeats the Get's key and holds a value
 * computed from the read is the counter shape.
 */
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { bindingAt, bindingEnd } from '../names';
import { callArgumentRanges, declaredName, receiverText, RmwDialect, versionedOrUnseen } from '../readModifyWriteTyped';
import { readValue, tokensText } from '../readModifyWriteTypedValues';
import { chainStart } from '../receiverChains';
import { OperationOccurrence } from '../../model';

const MAPPER_READS = new Set(['LoadAsync', 'Load']);
const MAPPER_WRITES = new Set(['SaveAsync', 'Save']);
const LOW_LEVEL = new Set(['GetItemAsync', 'GetItem', 'PutItemAsync', 'PutItem']);
const DOCUMENT_READS = new Set(['GetItemAsync', 'GetItem']);
const DOCUMENT_WRITES = new Set(['PutItemAsync', 'PutItem']);
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

/** Whether the call is made on a document model `Table` (`Table.LoadTable(client, name)`, a `Table` field). */
function onDocumentTable(a: CodeAnalyzer, occurrence: OperationOccurrence): boolean {
  const name = occurrence.tokenIndex;
  if (!a.isAccess(name - 1)) {
    return false;
  }
  const receiver = a.evalChain(chainStart(a, name - 2), name - 1).value;
  return receiver?.t === 'client' && receiver.kind === 'dynamodb-document-table';
}

/** `PutItemAsync(document)`, `PutItemAsync(document, cancellationToken)`: the document, with no config that could hold a condition. */
function documentWritten(a: CodeAnalyzer, args: [number, number][]): [number, number] | undefined {
  const token = args.length === 2 ? tokensText(a, args[1][0], args[1][1]) : '';
  return args.length === 1 || (args.length === 2 && CANCELLATION.test(token)) ? args[0] : undefined;
}

/** The tokens a written argument stands for: itself, or the expression a local written as the argument was declared with (`var doc = new Document { ... };`). */
function heldConstruction(a: CodeAnalyzer, from: number, to: number): [number, number] {
  const binding = to === from + 1 && a.isId(from) ? bindingAt(a, from, to) : undefined;
  if (!binding || binding.expression < 0 || binding.element || binding.fixed !== undefined || !a.idIs(binding.expression, 'new')) {
    return [from, to];
  }
  return [binding.expression, bindingEnd(a, binding.expression)];
}

/** The entries of `new Document { ["Id"] = id, ["Count"] = count }` from `from` to `to`, as [value start, value end]. */
function documentEntries(a: CodeAnalyzer, from: number, to: number): [number, number][] | undefined {
  const brace = a.idIs(from, 'new') && a.idIs(from + 1, 'Document') ? (a.is(from + 2, '(') && a.is(a.partner[from + 2] + 1, '{') ? a.partner[from + 2] + 1 : from + 2) : -1;
  if (brace < 0 || !a.is(brace, '{') || a.partner[brace] !== to - 1) {
    return undefined;
  }
  const entries: [number, number][] = [];
  for (const [start, end] of segments(a, brace)) {
    const eq = a.is(start, '[') ? a.partner[start] + 1 : -1;
    if (eq < 0 || !a.is(eq, '=') || eq + 1 >= end) {
      return undefined;
    }
    entries.push([eq + 1, end]);
  }
  return entries;
}

export const rmwCsharp: RmwDialect = {
  itemMember: (a, p) => (a.isAccess(p) && a.idIs(p + 1, 'Item') && !a.is(p + 2, '(') ? p + 2 : -1),
  readsObject: (a, get) => MAPPER_READS.has(nameOf(a, get)) || (DOCUMENT_READS.has(nameOf(a, get)) && onDocumentTable(a, get)),
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
    if (DOCUMENT_WRITES.has(name) && onDocumentTable(a, put)) {
      return documentWritten(a, args);
    }
    return LOW_LEVEL.has(name) && args.length >= 2 ? args[1] : undefined;
  },
  rebuiltItem(a, get, put, from, to, flow) {
    // A fresh document for a document model Get's key: the key's value repeated, and a value computed from the read.
    const keyArgs = onDocumentTable(a, get) && onDocumentTable(a, put) ? positional(a, get) : [];
    const [docFrom, docTo] = heldConstruction(a, from, to);
    const entries = keyArgs.length === 1 ? documentEntries(a, docFrom, docTo) : undefined;
    const key = keyArgs.length === 1 ? tokensText(a, keyArgs[0][0], keyArgs[0][1]) : '';
    return entries !== undefined && entries.some(([start, end]) => tokensText(a, start, end) === key) && entries.some(([start, end]) => readValue(a, rmwCsharp.itemMember, start, end, flow) === true);
  },
  receiverTable(a, occurrence) {
    const name = nameOf(a, occurrence);
    if (MAPPER_READS.has(name) || MAPPER_WRITES.has(name) || onDocumentTable(a, occurrence)) {
      return receiverText(a, occurrence.tokenIndex);
    }
    // `GetItemAsync(TableName, key)`, `PutItemAsync(TableName, item)`
    const args = LOW_LEVEL.has(name) ? positional(a, occurrence) : [];
    return args.length >= 2 ? `table ${tokensText(a, args[0][0], args[0][1])}` : undefined;
  },
  versionedOrUnknown(a, get, readStart) {
    if (onDocumentTable(a, get)) {
      // A `Document` carries no version attribute: the document model checks nothing it is not given.
      return false;
    }
    // `LoadAsync<Order>(id)`, or `Order order = await context.LoadAsync(…)`
    const name = get.tokenIndex;
    const generic = a.is(name + 1, '<') && a.isId(name + 2) && a.is(name + 3, '>') ? a.tokens.text(name + 2) : undefined;
    const declared = a.is(readStart - 1, '=') && a.isId(readStart - 2) && a.isId(readStart - 3) ? a.tokens.text(readStart - 3) : undefined;
    const type = generic ?? (declared === 'var' ? undefined : declared);
    return type === undefined || versionedOrUnseen(a, 'csharp', type, VERSION_MARKERS);
  },
};
