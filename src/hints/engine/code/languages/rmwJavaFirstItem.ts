/**
 * Read-modify-write of the first item a `DynamoDBMapper` query returns, in Java: `mapper.query(Follower.class, q)`
 * hands back a list of mapped objects, and `results.get(0)` (held in a name or taken at once) is the item, changed with
 * setters or through a getter's collection (`f.getFollowers().add(id)`) and saved back whole with `mapper.save(f)`.
 * The query names its class (`Follower.class`), whose version attribute would make the save conditional: a class that
 * has one, or that neither this file nor (in workspace mode) another file declares, is no finding. The shared flow is
 * `readModifyWriteTyped.ts`'s, with the list's first element as the response's item.
 */
import type { CodeAnalyzer } from '../analyzer';
import { callArgumentRanges, RmwDialect, typedRewritesReadItem, versionedOrUnseen } from '../readModifyWriteTyped';
import { OperationOccurrence } from '../../model';
import { rmwJava, staticVersion, VERSION_MARKERS } from './rmwJava';

/** `.get(0)` at `p`: the token after it, or -1. */
function firstElement(a: CodeAnalyzer, p: number): number {
  return a.isAccess(p) && a.idIs(p + 1, 'get') && a.is(p + 2, '(') && a.tokens.text(p + 3) === '0' && a.is(p + 4, ')') ? p + 5 : -1;
}

/** The list a query returns is the response, and its first element the item. */
const FIRST_ITEM: RmwDialect = { ...rmwJava, itemMember: firstElement, readsObject: () => false };

/** The class a mapper's query names as its first argument (`Follower.class`), or undefined. */
function queriedClass(a: CodeAnalyzer, query: OperationOccurrence): string | undefined {
  const open = query.tokenIndex + 1;
  const [first] = a.is(open, '(') ? callArgumentRanges(a, open) : [];
  return first && first[1] === first[0] + 3 && a.isId(first[0]) && a.isAccess(first[0] + 1) && a.idIs(first[0] + 2, 'class') ? a.tokens.text(first[0]) : undefined;
}

/** Whether the write `put` saves back, changed, the first item the mapper query `query` returned (see the module's comment). */
export function javaRewritesFirstItem(a: CodeAnalyzer, query: OperationOccurrence, put: OperationOccurrence): boolean {
  // An object mapper's save names no table: the object's class does.
  const type = queriedClass(a, query);
  if (type === undefined || !rmwJava.readsObject(a, put) || staticVersion(a) || versionedOrUnseen(a, 'java', type, VERSION_MARKERS)) {
    return false;
  }
  return typedRewritesReadItem(a, FIRST_ITEM, query, put);
}
