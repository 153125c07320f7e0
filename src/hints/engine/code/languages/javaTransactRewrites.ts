/**
 * Java read-modify-write sent through an enhanced-client transaction: an object read from a mapped table in the
 * same method (`table.getItem(key)`, or a getter of the file whose body is one `return table.getItem(…);`), changed,
 * and added back to a `TransactWriteItemsEnhancedRequest` with `addUpdateItem(table, object)` or
 * `addPutItem(table, object)`, which carries no condition for a class without a version attribute:
 *
 *     UserEntity user = getUserEntity(id);
 *     user.setProfilesCount(user.getProfilesCount() - 1);
 *     enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
 *         .addUpdateItem(users, user)               // reported here
 *         .build());
 *
 * The transaction makes its writes atomic with each other, not with the read before it: a concurrent change in
 * between is lost all the same. The builder is written in place or held by a local declared from `builder()`.
 */
import type { CodeAnalyzer } from '../analyzer';
import { callArgumentRanges, RmwDialect, receiverText, typedBoundItemWritten, versionedOrUnseen } from '../readModifyWriteTyped';
import { chainStart } from '../receiverChains';
import { functionName } from '../helperFunctions';
import { perFile } from '../fileMemo';
import { Span } from '../../types';

const REQUEST = 'TransactWriteItemsEnhancedRequest';
const ADDS = new Set(['addUpdateItem', 'addPutItem']);
const VERSION_MARKERS = ['DynamoDbVersionAttribute'];
/** Tokens before a transaction part where the read of its object is looked for: as far as the one-function flow reads. */
const MAX_TOKENS = 3000;

/** The `addUpdateItem` / `addPutItem` calls that add back, changed, an object read earlier in their method (see the module's comment). */
export function transactRewrites(a: CodeAnalyzer, rmw: RmwDialect): { tokenIndex: number; name: Span }[] {
  if (!a.text.includes(REQUEST)) {
    return [];
  }
  const found: { tokenIndex: number; name: Span }[] = [];
  for (let w = 2; w + 1 < a.tokens.length; w++) {
    if (!a.isId(w) || !ADDS.has(a.tokens.text(w)) || !a.isAccess(w - 1) || !a.is(w + 1, '(') || !onTransactBuilder(a, w)) {
      continue;
    }
    const [table, item] = callArgumentRanges(a, w + 1);
    const tableText = table && tableName(a, table);
    const name = item && item[1] === item[0] + 1 && a.isId(item[0]) ? a.tokens.text(item[0]) : undefined;
    const read = tableText !== undefined && name !== undefined ? readBefore(a, w, name, tableText) : undefined;
    if (read && typedBoundItemWritten(a, rmw, name!, read.level, read.end, w, item![0], item![1])) {
      found.push({ tokenIndex: w, name: a.tokenSpan(w) });
    }
  }
  return found;
}

/** Whether the call named at `w` is made on `TransactWriteItemsEnhancedRequest.builder()…` or on a local that holds one. */
function onTransactBuilder(a: CodeAnalyzer, w: number): boolean {
  const start = chainStart(a, w - 2);
  if (a.idIs(start, REQUEST)) {
    return true;
  }
  const binding = start === w - 2 && a.isId(start) ? a.scopes.lookup(a.tokens.text(start), start) : undefined;
  return binding !== undefined && binding.expression >= 0 && a.idIs(binding.expression, REQUEST) && a.isAccess(binding.expression + 1) && a.idIs(binding.expression + 2, 'builder');
}

/** The table argument as written (`users`, `this.users`), or undefined for any other expression. */
function tableName(a: CodeAnalyzer, [from, to]: [number, number]): string | undefined {
  if (to === from + 1 && a.isId(from)) {
    return a.tokens.text(from);
  }
  return to === from + 3 && a.idIs(from, 'this') && a.isAccess(from + 1) && a.isId(from + 2) ? a.tokens.text(from + 2) : undefined;
}

/**
 * The statement before `w`, in its method, that binds `name` to a read of `table` (`T name = table.getItem(…);`, or
 * a call of the file's getter of that table): the block it is in and the token after it. The object's class
 * must carry no version attribute.
 */
function readBefore(a: CodeAnalyzer, w: number, name: string, table: string): { level: number; end: number } | undefined {
  const fn = a.scopes.enclosing(w, ['function']);
  for (let k = w - 1; k > 1 && k > w - MAX_TOKENS && a.scopes.enclosing(k, ['function']) === fn; k--) {
    if (!a.idIs(k, name) || !a.is(k + 1, '=') || a.isAccess(k - 1)) {
      continue;
    }
    const r = a.idIs(k + 2, 'this') && a.isAccess(k + 3) ? k + 4 : k + 2;
    const own = a.isId(r) && a.is(r + 1, '(') ? ownGetters(a).get(a.tokens.text(r)) : undefined;
    const direct = !own && a.isId(r) && a.isAccess(r + 1) && a.idIs(r + 2, 'getItem') && a.is(r + 3, '(') && receiverText(a, r + 2) === table;
    const open = own ? r + 1 : direct ? r + 3 : -1;
    const end = open > 0 ? a.partner[open] + 1 : -1;
    const declared = a.isId(k - 1) && a.tokens.text(k - 1) !== 'var' ? a.tokens.text(k - 1) : own?.type;
    if (end < 0 || !a.is(end, ';') || (own && own.table !== table) || declared === undefined || versionedOrUnseen(a, 'java', declared, VERSION_MARKERS)) {
      return undefined;
    }
    return { level: a.parent[k], end };
  }
  return undefined;
}

/**
 * The file's getters by name: methods whose body is one `return table.getItem(…);` (`UserEntity getUser(String id) {
 * return users.getItem(key(id)); }`), with the table and the declared return type; a name declared twice is left out.
 */
const ownGetters = perFile((a: CodeAnalyzer): ReadonlyMap<string, { table: string; type: string }> => {
  const found = new Map<string, { table: string; type: string } | null>();
  a.functions.forEach((fn) => {
    const at = fn.body >= 0 && a.is(fn.body, '{') ? functionName(a, fn) : -1;
    if (at < 0) {
      return;
    }
    const b = fn.body;
    const getter = a.idIs(b + 1, 'return') && a.isId(b + 2) && a.isAccess(b + 3) && a.idIs(b + 4, 'getItem') && a.is(b + 5, '(');
    const close = getter ? a.partner[b + 5] : -1;
    const read = close > 0 && a.is(close + 1, ';') && a.partner[b] === close + 2 && a.isId(at - 1) ? { table: a.tokens.text(b + 2), type: a.tokens.text(at - 1) } : undefined;
    const name = a.tokens.text(at);
    found.set(name, found.has(name) || !read ? null : read);
  });
  const getters = new Map<string, { table: string; type: string }>();
  found.forEach((read, name) => read && getters.set(name, read));
  return getters;
});
