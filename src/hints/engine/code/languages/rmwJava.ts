/**
 * Read-modify-write in Java (`readModifyWriteTyped.ts`): SDK v2 `DynamoDbClient.getItem` / `putItem` with
 * request builders, whose response's item is `.item()` (unmodifiable, so real code copies it:
 * `new HashMap<>(resp.item())`), and the enhanced client's `DynamoDbTable.getItem` / `putItem`, whose result
 * is the bean itself, changed with setters. The enhanced client loads its VersionedRecordExtension by default,
 * which makes every write of a bean with a `@DynamoDbVersionAttribute` conditional: a bean class that has one,
 * or that neither this file nor (in workspace mode) another file of the workspace declares, is no finding.
 */
import type { CodeAnalyzer } from '../analyzer';
import { callArgumentRanges, declaredName, receiverText, RmwDialect, versionedOrUnseen } from '../readModifyWriteTyped';
import { OperationOccurrence } from '../../model';
import { normalizeName } from '../../types';

const TABLE_NAME = normalizeName('tableName');
const COPIES = new Set(['HashMap', 'LinkedHashMap', 'TreeMap', 'ConcurrentHashMap']);
export const VERSION_MARKERS = ['DynamoDbVersionAttribute', 'DynamoDBVersionAttribute'];

function namesTable(occurrence: OperationOccurrence): boolean {
  return occurrence.request?.options.some((option) => option.norm === TABLE_NAME) ?? false;
}

/**
 * The token after a response's item accessor at `p`: the SDK's `.item()`, or an Optional's unwrap for Spring Data's
 * `findById` kept whole (`found.get()`, `found.orElseThrow()`, `found.orElseThrow(NotFound::new)`); -1 if none.
 */
function itemAccessorEnd(a: CodeAnalyzer, p: number): number {
  if (!a.isAccess(p) || !a.is(p + 2, '(') || a.partner[p + 2] <= p) {
    return -1;
  }
  const close = a.partner[p + 2];
  const bare = close === p + 3;
  return ((a.idIs(p + 1, 'item') || a.idIs(p + 1, 'get')) && bare) || a.idIs(p + 1, 'orElseThrow') ? close + 1 : -1;
}

export const rmwJava: RmwDialect = {
  itemMember: itemAccessorEnd,
  readsObject: (_a, get) => !namesTable(get),
  copyOpen(a, start) {
    // `new HashMap<>(…)`, `new HashMap<String, AttributeValue>(…)`
    if (!a.idIs(start, 'new') || !a.isId(start + 1) || !COPIES.has(a.tokens.text(start + 1))) {
      return -1;
    }
    let open = start + 2;
    if (a.is(open, '<')) {
      while (open < start + 16 && !a.is(open, '>')) {
        open++;
      }
      open++;
    }
    return a.is(open, '(') && callArgumentRanges(a, open).length === 1 ? open : -1;
  },
  mutators: new Set(['put', 'putAll', 'putIfAbsent', 'remove', 'replace', 'replaceAll', 'merge', 'compute', 'computeIfAbsent', 'computeIfPresent', 'add', 'addAll', 'removeIf', 'clear']),
  assignedNames: declaredName,
  writtenArgument(a, put) {
    // The enhanced client's `table.putItem(order)`; Spring Data's `repository.save(found.get())` of a kept Optional.
    const open = put.tokenIndex + 1;
    const args = a.is(open, '(') ? callArgumentRanges(a, open) : [];
    const [from, to] = args.length === 1 ? args[0] : [-1, -1];
    const alone = to === from + 1 || itemAccessorEnd(a, from + 1) === to;
    return !namesTable(put) && from >= 0 && a.isId(from) && alone ? args[0] : undefined;
  },
  receiverTable: (a, occurrence) => (namesTable(occurrence) ? undefined : receiverText(a, occurrence.tokenIndex)),
  versionedOrUnknown(a, get, readStart) {
    // `Order order = table.getItem(…)`: the bean's class as declared (`Optional<Order> found = repository.findById(…)`:
    // its type argument); for `var`, the table's type argument.
    const declared = a.is(readStart - 1, '=') && a.isId(readStart - 2) ? (a.isId(readStart - 3) ? a.tokens.text(readStart - 3) : optionalArgument(a, readStart - 3)) : undefined;
    const type = declared === 'var' ? (get.objectType ?? tableBean(a, get)) : declared;
    if (type === undefined || staticVersion(a)) {
      return true;
    }
    return versionedOrUnseen(a, 'java', type, VERSION_MARKERS);
  },
};

/** `X` of `Optional<X>` written before the token after it, `>` at `close`. */
function optionalArgument(a: CodeAnalyzer, close: number): string | undefined {
  return a.is(close, '>') && a.isId(close - 1) && a.is(close - 2, '<') && a.idIs(close - 3, 'Optional') ? a.tokens.text(close - 1) : undefined;
}

/** The bean class of the table the read is sent to, when the file declares its receiver `DynamoDbTable<Bean> name` (a field, parameter or local). */
function tableBean(a: CodeAnalyzer, get: OperationOccurrence): string | undefined {
  const receiver = receiverText(a, get.tokenIndex);
  if (receiver === undefined || !/^\w+$/.test(receiver)) {
    return undefined;
  }
  let found: string | undefined;
  for (let k = 0; k + 4 < a.tokens.length; k++) {
    if ((a.idIs(k, 'DynamoDbTable') || a.idIs(k, 'DynamoDbAsyncTable')) && a.is(k + 1, '<') && a.isId(k + 2) && a.is(k + 3, '>') && a.idIs(k + 4, receiver)) {
      const bean = a.tokens.text(k + 2);
      if (found !== undefined && found !== bean) {
        return undefined;
      }
      found = bean;
    }
  }
  return found;
}

/** A static table schema that tags a version attribute (`.tags(VersionedRecordExtension.AttributeTags.versionAttribute())`). */
export function staticVersion(a: CodeAnalyzer): boolean {
  for (let k = 0; k < a.tokens.length; k++) {
    if (a.idIs(k, 'versionAttribute') && a.isAccess(k - 1)) {
      return true;
    }
  }
  return false;
}
