/**
 * Check-then-put in Java (`checkThenPutTyped.ts`): SDK v2 `getItem` tested with `r.hasItem()`,
 * `r.item() != null`, `r.item().isEmpty()` (v1 `r.getItem()`), and the enhanced client's `table.getItem(key)`
 * tested for null, whose key is `Key.builder().partitionValue(…).sortValue(…)`, and DynamoDBMapper's
 * `load(Order.class, hashKey[, rangeKey])` tested for null. The enhanced client's
 * VersionedRecordExtension (loaded by default) puts a new bean of a class with a version attribute only if
 * it does not exist: such a class, or one not seen, is no finding.
 */
import type { CodeAnalyzer } from '../analyzer';
import type { OperationOccurrence } from '../../model';
import { CheckThenPutDialect } from '../checkThenPutTyped';
import { bindingOf } from '../checkThenPutTypedItems';
import { callArgumentRanges, versionedOrUnseen } from '../readModifyWriteTyped';
import { tokensText } from '../readModifyWriteTypedValues';
import { rmwJava, staticVersion } from './rmwJava';

const VERSION_MARKERS = ['DynamoDbVersionAttribute', 'DynamoDBVersionAttribute'];
const UNWRAPS = [/^AttributeValue \. from[A-Z]\w* \( (.+) \)$/, /^AttributeValue \. builder \( \) \. [a-z]+ \( (.+) \) \. build \( \)$/, /^new AttributeValue \( \) \. with[A-Z]\w* \( (.+) \)$/, /^new AttributeValue \( (.+) \)$/];

/** The token after `.name()` at `p`, or -1. */
function noArgumentCall(a: CodeAnalyzer, p: number, name: string): number {
  return a.isAccess(p) && a.idIs(p + 1, name) && a.is(p + 2, '(') && a.is(p + 3, ')') ? p + 4 : -1;
}

export const ctpJava: CheckThenPutDialect = {
  rmw: rmwJava,
  presenceMember: (a, p) => noArgumentCall(a, p, 'hasItem'),
  responseItem: (a, p) => Math.max(noArgumentCall(a, p, 'item'), noArgumentCall(a, p, 'getItem')),
  countMember: (a, p) => noArgumentCall(a, p, 'size'),
  emptyMember(a, p) {
    const end = noArgumentCall(a, p, 'isEmpty');
    return end >= 0 ? { end, present: false } : undefined;
  },
  unwrap: (text) => unwrapped(text),
  wrapperWords: new Set(['AttributeValue', 'Map', 'List', 'SdkBytes', 'Boolean', 'Collections']),
  mapperKey(a, get, fn) {
    // `getItem(Key.builder().partitionValue(id).build())`, `getItem(r -> r.key(k -> k.partitionValue(id)))`, or a name bound to the key.
    const open = get.tokenIndex + 1;
    const args = a.is(open, '(') ? callArgumentRanges(a, open) : [];
    if (loadedClass(a, get) !== undefined && args.length <= 3) {
      // DynamoDBMapper's `load(Order.class, hashKey[, rangeKey])`: the key values after the class.
      return args.slice(1).map(([from, to]) => tokensText(a, from, to));
    }
    if (args.length !== 1) {
      return undefined;
    }
    let [from, to] = args[0];
    const name = to === from + 1 ? a.id(from) : undefined;
    if (name !== undefined) {
      const binding = bindingOf(a, ctpJava, name, from, fn);
      if (!binding) {
        return undefined;
      }
      [from, to] = [binding.value, binding.end];
    }
    const values: string[] = [];
    for (let k = from; k < to; k++) {
      if ((a.idIs(k, 'partitionValue') || a.idIs(k, 'sortValue')) && a.isAccess(k - 1) && a.is(k + 1, '(')) {
        const value = callArgumentRanges(a, k + 1);
        if (value.length !== 1) {
          return undefined;
        }
        values.push(tokensText(a, ...value[0]));
      }
    }
    return values;
  },
  loadedClass,
  plainClass: (a, name) => !staticVersion(a) && !versionedOrUnseen(a, 'java', name, VERSION_MARKERS),
};

/** The class a DynamoDBMapper `load(Order.class, ...)` at `get` names first, with a key after it; else undefined. */
export function loadedClass(a: CodeAnalyzer, get: OperationOccurrence): string | undefined {
  const open = get.tokenIndex + 1;
  const args = a.idIs(get.tokenIndex, 'load') && a.is(open, '(') ? callArgumentRanges(a, open) : [];
  const [from, to] = args[0] ?? [-1, -1];
  return args.length >= 2 && to === from + 3 && a.isAccess(from + 1) && a.idIs(from + 2, 'class') ? a.id(from) : undefined;
}

function unwrapped(text: string): string {
  for (const pattern of UNWRAPS) {
    const inner = pattern.exec(text)?.[1];
    if (inner !== undefined) {
      return inner;
    }
  }
  return text;
}

