/**
 * Read-modify-write in Go (`readModifyWriteTyped.ts`): aws-sdk-go-v2 (and v1) `GetItem` / `PutItem` with
 * `&dynamodb.GetItemInput{…}`, whose output's item is `out.Item`; between them the item may be decoded into a
 * struct (`attributevalue.UnmarshalMap(out.Item, &c)`, or into a pointer `u := new(User)`, v1 `dynamodbattribute`), changed (`c.Count++`,
 * `out.Item["s"] = …`, or by a function of the file through its pointer, `bump(&c)`: `goPointerChanges.ts`), and
 * encoded again (`item, err := attributevalue.MarshalMap(c)`).
 */
import type { CodeAnalyzer } from '../analyzer';
import { callArgumentRanges, goAssignedNames, RmwDialect, typedChangedAt } from '../readModifyWriteTyped';
import { changedThroughPointer } from './goPointerChanges';

const MARSHALLERS = new Set(['attributevalue', 'dynamodbattribute']);
/** A project's own decoder of an item (`taskapp.NewNoteFromAttributeValueMap(out.Item)`, `decodeItem(out.Item)`), given the item alone. */
const DECODER = /From|Unmarshal|Decode/;
/** A method by which a value encodes itself as an item (`note.ToAttributeValueMap()`, `u.ToItem()`, `o.MarshalItem()`). */
const ENCODER = /^(?:To|As|Marshal)[A-Z]\w*|(?:AttributeValue|Item)Map$/;

export const rmwGo: RmwDialect = {
  itemMember: (a, p) => (a.isAccess(p) && a.idIs(p + 1, 'Item') && !a.is(p + 2, '(') ? p + 2 : -1),
  readsObject: () => false,
  copyOpen(a, start) {
    const pkg = a.id(start);
    const fn = a.isAccess(start + 1) ? a.id(start + 2) : undefined;
    const copy = (pkg !== undefined && MARSHALLERS.has(pkg) && fn === 'MarshalMap') || (pkg === 'maps' && fn === 'Clone');
    if (copy) {
      return a.is(start + 3, '(') && callArgumentRanges(a, start + 3).length === 1 ? start + 3 : -1;
    }
    // A decoder of the project: `pkg.NewNoteFromAttributeValueMap(out.Item)` or `decodeNote(out.Item)`.
    // A qualifier no scope binds is a package, not a value whose method this would be.
    const name = fn !== undefined && pkg !== undefined && !a.goPackages.has(pkg) && a.scopes.lookup(pkg, start) === undefined ? start + 2 : start;
    const open = name + 1;
    return a.isId(name) && DECODER.test(a.tokens.text(name)) && a.is(open, '(') && !a.isAccess(start - 1) && callArgumentRanges(a, open).length === 1 ? open : -1;
  },
  encodedEnd: (a, end) => (a.isAccess(end) && a.isId(end + 1) && ENCODER.test(a.tokens.text(end + 1)) && a.is(end + 2, '(') && a.is(end + 3, ')') ? end + 4 : -1),
  mutators: new Set(),
  special(a, k, flow) {
    // `bump(&c)`: changed by a function of the file through its pointer; the statement is read on as any other.
    if (flow.items.has(a.tokens.text(k)) && changedThroughPointer(a, k, (j) => goChangedAt(a, j))) {
      flow.changed.add(a.tokens.text(k));
    }
    // `attributevalue.UnmarshalMap(out.Item, &c)`: `c` holds the item as read.
    const pkg = a.tokens.text(k);
    if (!MARSHALLERS.has(pkg) || !a.isAccess(k + 1) || !a.idIs(k + 2, 'UnmarshalMap') || !a.is(k + 3, '(')) {
      return false;
    }
    const args = callArgumentRanges(a, k + 3);
    if (args.length !== 2) {
      return true;
    }
    const [[sFrom, sTo], [dFrom, dTo]] = args;
    const source = a.id(sFrom);
    const end = source === undefined ? -1 : flow.items.has(source) ? sFrom + 1 : flow.responses.has(source) ? rmwGo.itemMember(a, sFrom + 1) : -1;
    // `&c`, or a pointer held by a name (`u := new(User)`): the decoder takes nothing else.
    const target = a.is(dFrom, '&') && dTo === dFrom + 2 ? a.id(dFrom + 1) : dTo === dFrom + 1 ? a.id(dFrom) : undefined;
    if (target !== undefined && end === sTo) {
      flow.items.set(target, (flow.items.get(source!) ?? false) || flow.changed.has(source!));
      flow.changed.delete(target);
    } else if (target !== undefined) {
      // Decoded from something else: no longer the item read.
      flow.items.delete(target);
      flow.changed.delete(target);
    }
    return true;
  },
  assignedNames: goAssignedNames,
  writtenArgument: () => undefined,
  receiverTable: () => undefined,
  versionedOrUnknown: () => false,
};

/** A change of the name at `k` (`c.Count++`), or its hand-over to a function of the file that changes it through its pointer (`bump(&c)`). */
export function goChangedAt(a: CodeAnalyzer, k: number): boolean {
  return typedChangedAt(a, rmwGo, k) || changedThroughPointer(a, k, (j) => goChangedAt(a, j));
}
