/**
 * The query Spring Data derives from a repository method's name (`findByStatusAndRegion`, `findFirst10ByOwnerOrderByDate`):
 * its predicate parts and the entity property each names, as Spring Data's PartTree reads them; which request it
 * sends is `javaSpringDataDynamodb.ts`'s to say.
 */

export interface Criteria {
  parts: string[];
  /** `OrderBy`: the library refuses to sort a Scan. */
  sorted: boolean;
}

/**
 * Spring Data's subjects of a query method that reads (PartTree): `find…By`, `findFirst10By`, `streamAllBy`. Counting,
 * `exists` and deleting queries are left alone: they run under other permissions (`@EnableScanCount`) and executions.
 */
const DERIVED = /^(?:find|read|get|query|search|stream)(?:[A-Z]\w*?)?By(?=[A-Z])(.*)$/;

/** The predicate parts of a derived query's name, or undefined for a name the library does not read as one it can run. */
export function derivedCriteria(method: string): Criteria | undefined {
  const match = DERIVED.exec(method);
  if (!match) {
    return undefined;
  }
  const orderBy = match[1].search(/OrderBy(?=[A-Z])/);
  const predicate = orderBy >= 0 ? match[1].slice(0, orderBy) : match[1];
  // The library supports no `Or`.
  if (/Or(?=[A-Z])/.test(predicate) || predicate === '') {
    return undefined;
  }
  return { parts: predicate.replace(/AllIgnor(?:e|ing)Case$/, '').split(/And(?=[A-Z])/), sorted: orderBy >= 0 };
}

/** Spring Data's comparison keywords after a property (PartTree's Part.Type), with an optional `IgnoreCase`. */
const OPERATORS = new Set([
  '', 'Is', 'Equals', 'Not', 'IsNot', 'IsNull', 'Null', 'IsNotNull', 'NotNull', 'LessThan', 'IsLessThan', 'LessThanEqual',
  'IsLessThanEqual', 'GreaterThan', 'IsGreaterThan', 'GreaterThanEqual', 'IsGreaterThanEqual', 'Before', 'IsBefore', 'After',
  'IsAfter', 'Like', 'IsLike', 'NotLike', 'IsNotLike', 'StartingWith', 'IsStartingWith', 'StartsWith', 'EndingWith',
  'IsEndingWith', 'EndsWith', 'Containing', 'IsContaining', 'Contains', 'NotContaining', 'IsNotContaining', 'NotContains',
  'In', 'IsIn', 'NotIn', 'IsNotIn', 'Between', 'IsBetween', 'True', 'IsTrue', 'False', 'IsFalse', 'Empty', 'IsEmpty',
  'NotEmpty', 'IsNotEmpty', 'Exists',
]);
const EQUALITY = new Set(['', 'Is', 'Equals']);

/** The entity property a predicate part names (`StatusIn` is `status`), and its operator (`''` for equality). */
export function propertyOf(properties: Iterable<string>, part: string): { name: string; operator: string } | undefined {
  const bare = part.replace(/Ignor(?:e|ing)Case$/, '');
  let best: { name: string; operator: string } | undefined;
  for (const property of properties) {
    const capitalised = property.charAt(0).toUpperCase() + property.slice(1);
    const rest = bare.startsWith(capitalised) ? bare.slice(capitalised.length) : undefined;
    if (rest !== undefined && OPERATORS.has(rest) && (!best || property.length > best.name.length)) {
      best = { name: property, operator: EQUALITY.has(rest) ? '' : rest };
    }
  }
  return best;
}
