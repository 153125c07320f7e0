/**
 * Go item helpers reached through an interface: a repository package declares `type ProductRepository interface {
 * FindById(...) ... }` beside the struct whose `FindById` reads the item (`productRepositoryImpl`), and the services
 * of other packages hold the interface (`productRepository repositories.ProductRepository`). An interface method
 * that exactly one type of the same file declares as an item helper is that helper, known as `Interface.Method`;
 * one that several types of the file declare stays unknown, as another file's implementation would.
 */
import type { CodeAnalyzer } from '../analyzer';
import type { GoItemMethod } from '../../workspace/types';

/** `methods` with, for each interface the file declares, its methods that one helper type of the file implements. */
export function withInterfaceMethods(a: CodeAnalyzer, methods: Record<string, GoItemMethod>): Record<string, GoItemMethod> {
  const byName = new Map<string, string[]>();
  for (const key of Object.keys(methods)) {
    const dot = key.indexOf('.');
    if (dot > 0) {
      byName.set(key.slice(dot + 1), [...(byName.get(key.slice(dot + 1)) ?? []), key]);
    }
  }
  if (byName.size === 0) {
    return methods;
  }
  const declared = declaredMethodCounts(a);
  const found: Record<string, GoItemMethod> = { ...methods };
  for (let k = 0; k + 3 < a.tokens.length; k++) {
    // `type ProductRepository interface {`, at the file's top level.
    if (!(a.idIs(k, 'type') && a.isId(k + 1) && a.idIs(k + 2, 'interface') && a.is(k + 3, '{') && a.parent[k] === -1)) {
      continue;
    }
    const open = k + 3;
    for (let m = open + 1; m < a.partner[open]; m++) {
      const implementations = a.parent[m] === open && a.isId(m) && a.is(m + 1, '(') ? byName.get(a.tokens.text(m)) : undefined;
      if (implementations?.length === 1 && declared.get(a.tokens.text(m)) === 1) {
        found[`${a.tokens.text(k + 1)}.${a.tokens.text(m)}`] = methods[implementations[0]];
      }
    }
  }
  return found;
}

/** How many methods of each name the file declares, on any receiver type (`func (r *T) Name(`). */
function declaredMethodCounts(a: CodeAnalyzer): Map<string, number> {
  const counts = new Map<string, number>();
  for (let k = 0; k + 2 < a.tokens.length; k++) {
    const receiverClose = a.idIs(k, 'func') && a.is(k + 1, '(') ? a.partner[k + 1] : -1;
    if (receiverClose > k && a.isId(receiverClose + 1) && a.is(receiverClose + 2, '(')) {
      const name = a.tokens.text(receiverClose + 1);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return counts;
}
