/**
 * The class that a receiver is an instance of, a class of the same file or one imported from another module of the
 * workspace, read from how the name was bound (`readModifyWriteHelpers.ts` reads what its methods do with items):
 * - a name bound to a construction: `const users = new UserRepository(doc)`, Python's `users = UserRepository()`;
 * - a name declared with the class as its type: a parameter (`repo: UserRepository`, FastAPI's `repo:
 *   UserRepository = Depends(...)`), a TypeScript parameter property (`private readonly users: UserRepository`);
 * - a field of the class around the call (`this.users`, `self.users`) given one of those, or a parameter that is one
 *   (`self.users = users` from `def __init__(self, users: UserRepository)`).
 * The class name is one the file declares, or the import's own (`import { UserRepository } from './users'`);
 * anything else reads as unknown. A NestJS parameter injected by a token (`@Inject('IUserRepository') users:
 * IUserRepository`), or typed with an imported abstract class that a provider binds (`provide: UserRepository`),
 * is also an instance of the class the workspace's providers bind to that token (`nestProviders.ts`).
 */
import type { CodeAnalyzer } from './analyzer';
import { functionName } from './helperFunctions';
import { injectionKey } from './nestProviders';
import { mayBeProjectModule } from './projectImports';
import type { Binding } from '../scope/scopes';
import type { Value } from './values';

/**
 * A class of another module, by its import, or of this file, by its scope; `provided`: the NestJS injection token
 * (`@IUserRepository`, `#UserRepository`) whose provider's class runs the calls when the imported one declares none.
 */
export type InstanceOf = { module: string; path: string; provided?: string } | { classScope: number } | { provided: string };

/** Names followed from one to the next (`self.users = users`): real code takes one step. */
const MAX_STEPS = 3;

/** Whether the call at `k` (a method's name after a `.`) calls the same-file function `fnScope` on an instance of its class (`self.store.get(code)`). */
export function callsMethodOf(a: CodeAnalyzer, k: number, fnScope: number): boolean {
  // The function's class first: most calls of a helper's name (`redis.get(key)`) are of no method of the file.
  const fn = a.isAccess(k - 1) ? a.functions.get(fnScope) : undefined;
  const name = fn ? functionName(a, fn) : -1;
  const classScope = name >= 0 ? a.scopes.enclosing(name, ['class']) : -1;
  const owner = classScope > 0 && a.scopes.nameOfClass(classScope) !== undefined ? receiverClass(a, k) : undefined;
  return owner !== undefined && 'classScope' in owner && owner.classScope === classScope;
}

/** The class whose method the call at `k` (its name, after a `.`) is called on, when its receiver is an instance of one. */
export function receiverClass(a: CodeAnalyzer, k: number): InstanceOf | undefined {
  if (!a.isAccess(k - 1) || !a.isId(k - 2)) {
    return undefined;
  }
  const self = a.language.family === 'python' ? 'self' : 'this';
  if (a.isAccess(k - 3) && a.idIs(k - 4, self) && !a.isAccess(k - 5)) {
    return fieldClass(a, a.tokens.text(k - 2), k - 4);
  }
  if (a.isAccess(k - 3) || a.idIs(k - 2, self)) {
    return undefined;
  }
  return bindingClass(a, a.scopes.lookup(a.tokens.text(k - 2), k - 2), 0);
}

/** The class of a field of the class around `at`, when every binding of the field gives the same one. */
function fieldClass(a: CodeAnalyzer, field: string, at: number): InstanceOf | undefined {
  const owner = a.scopes.enclosing(at, ['class']);
  const bindings = owner > 0 ? a.scopes.memberBindings(owner, field) : [];
  const classes = bindings.map((binding) => bindingClass(a, binding, 0));
  const first = classes[0];
  return first && classes.every((each) => each !== undefined && sameClass(each, first)) ? first : undefined;
}

function sameClass(x: InstanceOf, y: InstanceOf): boolean {
  if ('classScope' in x || 'classScope' in y) {
    return 'classScope' in x && 'classScope' in y && x.classScope === y.classScope;
  }
  return (!('module' in x) || ('module' in y && x.module === y.module && x.path === y.path)) && x.provided === y.provided;
}

function bindingClass(a: CodeAnalyzer, binding: Binding<Value> | undefined, steps: number): InstanceOf | undefined {
  if (!binding || binding.element || binding.destructured || binding.unpacked || steps > MAX_STEPS) {
    return undefined;
  }
  // A declared type first: `repo: UserRepository = Depends(get_repo)` holds what the type says.
  let t = binding.token + 1;
  if (a.is(t, '?')) {
    t++;
  }
  // NestJS: a parameter injected by a token holds what the token's provider binds, whatever its declared type.
  const token = a.language.family === 'js' ? injectionKey(a, binding.token) : undefined;
  if (token) {
    return { provided: token };
  }
  if (a.is(t, ':') && a.isId(t + 1) && !a.isAccess(t + 2) && !a.is(t + 2, '<') && !a.is(t + 2, '[') && !a.is(t + 2, '|')) {
    const named = classNamed(a, t + 1);
    // A type that is a provider's token (an abstract class bound with `provide: UserRepository`).
    return named && 'module' in named ? { ...named, provided: `#${a.tokens.text(t + 1)}` } : named;
  }
  const e = binding.expression;
  if (e < 0) {
    return undefined;
  }
  const name = a.language.family === 'js' ? (a.idIs(e, 'new') ? e + 1 : -1) : e;
  if (name >= 0 && a.isId(name) && a.is(name + 1, '(')) {
    return classNamed(a, name);
  }
  // `self.users = users`: the parameter or name it is given.
  if (a.isId(e) && !a.isAccess(e + 1) && !a.is(e + 1, '(') && !a.is(e + 1, '[')) {
    return bindingClass(a, a.scopes.lookup(a.tokens.text(e), e), steps + 1);
  }
  return undefined;
}

/** The class a name at `k` names: one the file declares, or an import of a module of the workspace capitalised as classes are. */
function classNamed(a: CodeAnalyzer, k: number): InstanceOf | undefined {
  const name = a.tokens.text(k);
  const imported = a.imports.get(name);
  if (!imported) {
    const declared = a.scopes.classNamed(name);
    return declared > 0 ? { classScope: declared } : undefined;
  }
  return /^[A-Z]/.test(name) && imported.path !== '' && !imported.path.includes('.') && mayBeProjectModule(a, imported.module) ? { module: imported.module, path: imported.path } : undefined;
}
