/** Whether a Java call's one argument is a collection, for the repository methods that batch when given one (`save(list)`). */
import type { CodeAnalyzer } from '../analyzer';
import { tokensNamed } from '../tokenIndex';
import { angleDepthBackward } from '../typeArguments';

const COLLECTION_TYPES = new Set(['Iterable', 'Collection', 'List', 'ArrayList', 'LinkedList', 'Set', 'HashSet', 'LinkedHashSet', 'TreeSet']);
const COLLECTION_FACTORIES = new Set(['Arrays.asList', 'List.of', 'Set.of', 'Lists.newArrayList', 'Sets.newHashSet', 'Collections.singletonList', 'Collections.singleton']);

/** Whether the one argument of the call that opens at `open` is a collection: a factory's, or a name the file declares with a collection type. */
export function collectionArgument(a: CodeAnalyzer, open: number): boolean {
  let end = open + 1;
  let path = a.id(end);
  while (path !== undefined && a.isAccess(end + 1) && a.isId(end + 2)) {
    end += 2;
    path += `.${a.tokens.text(end)}`;
  }
  if (path !== undefined && a.is(end + 1, '(') && COLLECTION_FACTORIES.has(path)) {
    return true;
  }
  if (path === undefined || end !== open + 1 || a.partner[open] !== open + 2) {
    return false;
  }
  return tokensNamed(a, path).some((k) => k >= 1 && k < open && COLLECTION_TYPES.has(declaredTypeBefore(a, k) ?? ''));
}

/** The simple type name written before a declared name (`List<Order> orders`, `Set orders`). */
function declaredTypeBefore(a: CodeAnalyzer, at: number): string | undefined {
  let k = at - 1;
  if (a.is(k, '>') || a.is(k, '>>')) {
    let depth = 0;
    for (; k > 0 && k > at - 32; k--) {
      depth += angleDepthBackward(a, k);
      if (depth === 0) {
        break;
      }
    }
    k--;
  }
  return a.id(k);
}
