/**
 * Check-then-put in C# (`checkThenPutTyped.ts`): `GetItemAsync` tested with `resp.IsItemSet`,
 * `resp.Item != null`, `resp.Item.Count > 0`, `resp.Item.Any()`, and the object persistence model's
 * `LoadAsync<T>(hash[, range])` tested for null. `SaveAsync` of a new object of a class with a
 * `[DynamoDBVersion]` property puts it only if it does not exist: such a class, or one not seen, is no finding.
 */
import type { CodeAnalyzer } from '../analyzer';
import { CheckThenPutDialect } from '../checkThenPutTyped';
import { callArgumentRanges, versionedOrUnseen } from '../readModifyWriteTyped';
import { tokensText } from '../readModifyWriteTypedValues';
import { rmwCsharp } from './rmwCsharp';

const VERSION_MARKERS = ['DynamoDBVersion'];
const UNWRAPS = [/^new AttributeValue \{ [A-Z]+ = (.+) \}$/, /^new AttributeValue \( (.+) \)$/];
/** A load's argument that is no key value: a cancellation token or an operation config. */
const NOT_KEY = /^(?:ct|token|cancellationToken|cancellation|cancel|CancellationToken \. None)$|Config/;

/** The type argument of `LoadAsync<Account>(`, or undefined. */
function loadedType(a: CodeAnalyzer, name: number): string | undefined {
  return a.is(name + 1, '<') && a.isId(name + 2) && a.is(name + 3, '>') ? a.tokens.text(name + 2) : undefined;
}

export const ctpCsharp: CheckThenPutDialect = {
  rmw: rmwCsharp,
  presenceMember: (a, p) => (a.isAccess(p) && a.idIs(p + 1, 'IsItemSet') && !a.is(p + 2, '(') ? p + 2 : -1),
  responseItem: (a, p) => rmwCsharp.itemMember(a, p),
  countMember: (a, p) => (a.isAccess(p) && a.idIs(p + 1, 'Count') && !a.is(p + 2, '(') ? p + 2 : -1),
  emptyMember: (a, p) => (a.isAccess(p) && a.idIs(p + 1, 'Any') && a.is(p + 2, '(') && a.is(p + 3, ')') ? { end: p + 4, present: true } : undefined),
  unwrap(text) {
    for (const pattern of UNWRAPS) {
      const inner = pattern.exec(text)?.[1];
      if (inner !== undefined) {
        return inner;
      }
    }
    return text;
  },
  wrapperWords: new Set(['AttributeValue', 'Dictionary', 'List', 'string', 'bool']),
  mapperKey(a, get) {
    // `LoadAsync<Account>(id)`, `LoadAsync<Account>(userId, sortKey, ct)`
    const name = get.tokenIndex;
    const open = loadedType(a, name) !== undefined ? name + 4 : -1;
    const values = open > 0 && a.is(open, '(') ? callArgumentRanges(a, open).map((range) => tokensText(a, ...range)) : [];
    const keys = values.filter((value) => !NOT_KEY.test(value));
    return keys.length > 0 && keys.length <= 2 ? keys : undefined;
  },
  plainClass: (a, name, get) => loadedType(a, get.tokenIndex) === name && !versionedOrUnseen(a, 'csharp', name, VERSION_MARKERS),
};
