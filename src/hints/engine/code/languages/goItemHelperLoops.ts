/**
 * Go item requests one call away in another file (workspace mode): a service's loop that waits, element by element, on
 * a repository method whose one DynamoDB request is a GetItem it hands back or an unconditional PutItem of its
 * parameter (`goItemHelpers.ts`), the repository held in a field of the service's struct or a parameter, declared with
 * the repository's type or an interface its file declares for it (`goItemInterfaces.ts`):
 *
 *     type orderService struct{ products repositories.ProductRepository }
 *     func (s orderService) Create(ctx context.Context, lines []Line) error {
 *         for _, line := range lines {
 *             p, err := s.products.FindById(ctx, line.ProductId)   // one GetItem per line
 *
 * The type decides, not the method's name: a method of that name on any other type stays silent.
 */
import type { CodeAnalyzer } from '../analyzer';
import { goMethodName } from '../helperFunctions';
import { goImportSpecs, goPackageName } from './goPackageStructs';
import type { GoItemMethod } from '../../workspace/types';

/** The declared type of a value: its package's name as the file writes it (`''` for the file's own package) and the type's name. */
interface DeclaredType {
  qualifier: string;
  name: string;
}

/** The name tokens of calls of other files' item helpers that `perElement` says run once per element of a loop. */
export function goItemCallsPerElement(a: CodeAnalyzer, perElement: (name: number) => boolean): number[] {
  const ask = a.project?.goItemMethods;
  const packageName = goPackageName(a);
  if (!ask || packageName === undefined || !a.project?.goItemHelpersExist?.()) {
    return [];
  }
  const helpersByQualifier = new Map<string, Record<string, GoItemMethod> | undefined>();
  const helpersOf = (qualifier: string): Record<string, GoItemMethod> | undefined => {
    if (!helpersByQualifier.has(qualifier)) {
      const spec = qualifier === '' ? { path: '' } : goImportSpecs(a).find(({ alias, path }) => (alias ?? path.slice(path.lastIndexOf('/') + 1)) === qualifier);
      helpersByQualifier.set(qualifier, spec ? ask(packageName, spec.path) : undefined);
    }
    return helpersByQualifier.get(qualifier);
  };
  const found: number[] = [];
  for (let k = 2; k + 1 < a.tokens.length; k++) {
    if (!(a.isId(k) && a.is(k + 1, '(') && a.isAccess(k - 1) && a.isId(k - 2))) {
      continue;
    }
    const type = receiverType(a, k - 2);
    const helper = type ? helpersOf(type.qualifier)?.[`${type.name}.${a.tokens.text(k)}`] : undefined;
    if (helper && (helper.reads !== undefined || helper.puts !== undefined) && perElement(k)) {
      found.push(k);
    }
  }
  return found;
}

/** The declared type of the value whose expression ends at `end`: a field of the method's receiver (`s.products`) or a parameter (`repo`). */
function receiverType(a: CodeAnalyzer, end: number): DeclaredType | undefined {
  const fn = a.functions.get(a.scopes.enclosing(end, ['function']));
  if (!fn || !a.is(fn.params, '(')) {
    return undefined;
  }
  const method = goMethodName(a, fn);
  const name = a.tokens.text(end);
  // `s.products`: `s` is the receiver (`func (s *orderService) ...`), `products` a field of its struct.
  if (a.isAccess(end - 1) && a.isId(end - 2) && !a.isAccess(end - 3)) {
    const receiverStruct = method >= 0 && a.idIs(fn.params + 1, a.tokens.text(end - 2)) ? a.partner[fn.params] - 1 : -1;
    return receiverStruct > 0 && a.isId(receiverStruct) ? fieldType(a, a.tokens.text(receiverStruct), name) : undefined;
  }
  if (a.isAccess(end - 1)) {
    return undefined;
  }
  const params = method >= 0 ? method + 1 : fn.params;
  return declaredIn(a, params, name);
}

/** The type a struct of this file declares its field `field` with (`products repositories.ProductRepository`). */
function fieldType(a: CodeAnalyzer, struct: string, field: string): DeclaredType | undefined {
  for (let k = 0; k + 3 < a.tokens.length; k++) {
    if (a.idIs(k, 'type') && a.idIs(k + 1, struct) && a.idIs(k + 2, 'struct') && a.is(k + 3, '{')) {
      return declaredIn(a, k + 3, field);
    }
  }
  return undefined;
}

/** The type a name is declared with directly inside the brackets opened at `open` (a parameter list or a struct's fields). */
function declaredIn(a: CodeAnalyzer, open: number, name: string): DeclaredType | undefined {
  for (let k = open + 1; k < a.partner[open]; k++) {
    if (a.parent[k] === open && a.idIs(k, name) && (k === open + 1 || a.is(k - 1, ',') || a.startsLine(k))) {
      return typeAt(a, a.is(k + 1, '*') ? k + 2 : k + 1);
    }
  }
  return undefined;
}

/** A type written at `k`: `pkg.Type` or `Type`. */
function typeAt(a: CodeAnalyzer, k: number): DeclaredType | undefined {
  if (a.isId(k) && a.is(k + 1, '.') && a.isId(k + 2)) {
    return { qualifier: a.tokens.text(k), name: a.tokens.text(k + 2) };
  }
  return a.isId(k) && !a.is(k + 1, '.') && !a.is(k + 1, ',') ? { qualifier: '', name: a.tokens.text(k) } : undefined;
}
