/**
 * Java and C# read-modify-write inside a repository class itself: a method gets the object through one of the
 * class's own reading methods (`classItemHelpers.ts`: its one `return` hands back a mapper read) and writes it back,
 * changed, with no condition, on the same mapper receiver, directly or through one of the class's own saving methods:
 *
 *     UserEntity getUser(String id) { return users.getItem(key(id)); }
 *     void rename(String id, String name) {
 *         UserEntity user = getUser(id);    // or, from an `Optional<UserEntity>` getter: findUser(id).orElseThrow()
 *         user.setName(name);
 *         users.updateItem(user);            // or: save(user), a method that puts its parameter
 *     }
 *
 * Reported at the write. The object's class must carry no version attribute, as this file or the workspace declares
 * it (a versioned save is conditional). `classItemHelperCalls.ts` reads the same methods called on another object.
 */
import type { CodeAnalyzer } from '../analyzer';
import { ClassLanguage } from './baseClassFields';
import { classItemMethods } from './classItemHelpers';
import { unwrappedEnd } from './classItemHelperCalls';
import { writesWithoutCondition } from '../readModifyWrite';
import { callArgumentRanges, RmwDialect, typedBoundItemWritten, versionedOrUnseen } from '../readModifyWriteTyped';
import type { ClassItemMethod } from '../../workspace/types';
import { Span } from '../../types';

/** Tokens after a reading call where its write is looked for: as far as the one-function flow reads. */
const MAX_TOKENS = 3000;
const VERSION_MARKERS: Record<ClassLanguage, readonly string[]> = {
  java: ['DynamoDbVersionAttribute', 'DynamoDBVersionAttribute'],
  csharp: ['DynamoDBVersion'],
};

/** The writes that put back, changed, what one of the class's own reading methods returned to the same method (see the module's comment). */
export function ownReadRewrites(a: CodeAnalyzer, rmw: RmwDialect, language: ClassLanguage): { tokenIndex: number; name: Span }[] {
  const methods = ownMethods(a, rmw);
  if (methods.size === 0) {
    return [];
  }
  const writes = a.operations.filter((o) => (o.operation === 'dynamodb:PutItem' || o.operation === 'dynamodb:UpdateItem') && writesWithoutCondition(o) && !o.request?.options.length);
  const found: { tokenIndex: number; name: Span }[] = [];
  for (let k = 1; k + 1 < a.tokens.length; k++) {
    const self = a.isAccess(k - 1) && a.idIs(k - 2, 'this') && !a.isAccess(k - 3);
    const reads = a.isId(k) && a.is(k + 1, '(') && (self || !a.isAccess(k - 1)) ? methods.get(a.tokens.text(k))?.reads : undefined;
    const start = self ? k - 2 : k;
    // A method that wraps the object in an `Optional` hands it over where the caller unwraps it (`findOne(id).orElseThrow()`).
    const end = reads ? unwrappedEnd(a, a.partner[k + 1] + 1, reads.optional) : -1;
    const bound = end > 0 && a.is(end, ';') ? boundName(a, rmw, start) : undefined;
    const type = bound && (bound.type === 'var' || bound.type === undefined ? reads!.type : bound.type);
    if (!bound || type !== reads!.type || versionedOrUnseen(a, language, type, VERSION_MARKERS[language])) {
      continue;
    }
    const caller = a.scopes.enclosing(k, ['function']);
    const level = a.parent[start];
    for (const write of writes) {
      const argument = write.tokenIndex > end && write.tokenIndex < k + MAX_TOKENS ? rmw.writtenArgument(a, write) : undefined;
      if (argument && rmw.receiverTable(a, write) === reads!.table && a.scopes.enclosing(write.tokenIndex, ['function']) === caller && typedBoundItemWritten(a, rmw, bound.name, level, end, write.tokenIndex, argument[0], argument[1])) {
        found.push({ tokenIndex: write.tokenIndex, name: write.name });
      }
    }
    for (let w = end; w + 1 < a.tokens.length && w < k + MAX_TOKENS && a.scopes.enclosing(w, ['function']) === caller; w++) {
      const puts = a.isId(w) && a.is(w + 1, '(') && !a.isAccess(w - 1) ? methods.get(a.tokens.text(w))?.puts : undefined;
      const argument = puts && puts.table === reads!.table && puts.type === type ? callArgumentRanges(a, w + 1)[puts.position] : undefined;
      if (argument && typedBoundItemWritten(a, rmw, bound.name, level, end, w, argument[0], argument[1])) {
        found.push({ tokenIndex: w, name: a.tokenSpan(w) });
      }
    }
  }
  return found;
}

/** The item methods of the file's classes by name; a name two classes declare is left out. */
function ownMethods(a: CodeAnalyzer, rmw: RmwDialect): Map<string, ClassItemMethod> {
  const byName = new Map<string, ClassItemMethod | null>();
  for (const helpers of Object.values(classItemMethods(a, rmw))) {
    for (const [name, method] of Object.entries(helpers.methods)) {
      byName.set(name, byName.has(name) ? null : method);
    }
  }
  const methods = new Map<string, ClassItemMethod>();
  byName.forEach((method, name) => method && methods.set(name, method));
  return [...methods.values()].some((method) => method.reads) ? methods : new Map();
}

/** The name a statement binds to the call starting at `start` (`User u = …`, `var u = await …`), with the type it is declared with. */
function boundName(a: CodeAnalyzer, rmw: RmwDialect, start: number): { name: string; type?: string } | undefined {
  const at = a.idIs(start - 1, 'await') ? start - 2 : start - 1;
  const name = a.is(at, '=') ? rmw.assignedNames(a, at)?.[0] : undefined;
  return name === undefined ? undefined : { name, type: a.isId(at - 2) ? a.tokens.text(at - 2) : undefined };
}
