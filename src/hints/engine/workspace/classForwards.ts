/**
 * Java and C# service layers: a class whose visible method hands the call on to a member declared with another project
 * class (`orderRepository.getOrders(tenantId)` in `OrderServiceImpl.getOrders`), and the interfaces each class
 * implements (`implements OrderService`, C# `: IOrderService`). The workspace's class index (`ClassIndex` in
 * `classHolders.ts`) follows such calls to a method that makes a client on each call (`methodMakers.ts`) and lends it
 * as `made:<method>` of the forwarding class, and of an interface one class alone implements, so that a controller
 * holding `@Autowired OrderService orders` that calls `orders.getOrders(t)` makes a client on every request.
 * Only calls in the method's own body count (not in a lambda it hands on), on a field of the class (not a parameter
 * or a local, which the caller may give or the method may keep).
 */
import type { CodeAnalyzer } from '../code/analyzer';
import type { ClassLanguage } from '../code/languages/baseClassFields';
import { classKey, typeCandidates } from '../code/languages/baseClassFields';
import { interfacesOf } from '../code/languages/classItemHelpers';
import { holderCandidates } from './classHolders';
import { isTestSource } from './mappedClasses';
import { visibleMethods } from './methodMakers';
import type { ForwardedCall } from './types';

/** A class that a container or a caller holds through an interface or by injection: Java's `implements` or a stereotype; C#'s base list. */
const MAY_FORWARD: Record<ClassLanguage, RegExp> = {
  java: /\bimplements\s+[A-Z]|@(?:Service|Component|Repository|Singleton|ApplicationScoped)\b/,
  csharp: /\b(?:class|record|struct)[ \t]+[A-Za-z_]\w*(?:<[^>{;]{0,200}>)?[ \t\r\n]*:/,
};
/**
 * A field declared with a type that may be a project class, on one line (`private final OrderRepository orders;`,
 * `private readonly IOrderRepository _orders;`): a class with none hands no call on to one.
 */
const TYPED_FIELD = /^[ \t]*(?:@\w+[ \t]+)*(?:(?:private|protected|public|internal|final|readonly|static)[ \t]+)+[A-Z][\w.]*[ \t]+[A-Za-z_]\w*[ \t]*(?:;|=)/m;
/** Methods of one class recorded, and calls of one method: more than a service layer's class declares. */
const MAX_METHODS = 32;
const MAX_CALLS = 8;

/** A class's (record's, enum's, struct's) head up to its body, with the list of what it implements: Java `implements A, B<C>`, C# `: Base, IA`. */
const IMPLEMENTS: Record<ClassLanguage, RegExp> = {
  java: /\b(?:class|record|enum)[ \t]+[A-Za-z_]\w*[^{;]{0,400}?\bimplements\b([^{;]{1,400})/g,
  csharp: /\b(?:class|record|struct)[ \t]+[A-Za-z_]\w*(?:<[^>{;]{0,200}>)?[ \t\r\n]*:([^{;]{1,400})/g,
};

/** Whether a Java or C# file may declare a class that implements an interface, from its path and text alone. */
export function mayImplement(file: string, language: ClassLanguage, text: string): boolean {
  return !isTestSource(file) && MAY_FORWARD[language].test(text);
}

/** Whether a Java or C# file may declare a class that hands calls on to a field of a project class, from its path and text alone. */
export function mayForwardCalls(file: string, language: ClassLanguage, text: string): boolean {
  return mayImplement(file, language, text) && TYPED_FIELD.test(text);
}

/**
 * The simple names of the interfaces the file's classes implement, once per class (`java:OrderService`), read from
 * the text alone: every file that may implement one tells, so that an interface two classes implement, one of them
 * in a file with nothing else to tell, is known to have two.
 */
export function implementedNames(language: ClassLanguage, text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(IMPLEMENTS[language])) {
    // Type arguments go first (`Repo<Order, String>`), then a C# constraint clause (`where T : class`).
    let list = match[1].split(/\bwhere\b/)[0];
    for (let previous = ''; previous !== list; ) {
      previous = list;
      list = list.replace(/<[^<>]*>/g, '');
    }
    for (const written of list.split(',')) {
      const name = written.trim().split('.').pop() ?? '';
      if (/^[A-Z]\w*$/.test(name) && (language === 'java' || /^I[A-Z]/.test(name))) {
        names.push(classKey(language, name));
      }
    }
  }
  return names;
}

/** The interfaces the class named at `name` implements, each as the class keys its written name may stand for. */
export function implementedInterfaces(a: CodeAnalyzer, language: ClassLanguage, name: number): string[][] {
  const written = interfacesOf(a, name).interfaces ?? [];
  // A C# base list names the base class too: by the language's convention, an interface's name starts with `I`.
  const interfaces = language === 'csharp' ? written.filter((type) => /^I[A-Z]/.test(type)) : written;
  return interfaces.map((type) => typeCandidates(a, language, type));
}

/** The class's visible methods that call a method of one of its fields declared with a project class, by method name. */
export function forwardedCalls(a: CodeAnalyzer, language: ClassLanguage, classScope: number): Record<string, ForwardedCall[]> {
  const found: Record<string, ForwardedCall[]> = {};
  let count = 0;
  for (const { fn, name } of visibleMethods(a, classScope)) {
    if (count >= MAX_METHODS) {
      break;
    }
    const calls = callsOnFields(a, language, classScope, fn.scope);
    if (calls.length > 0) {
      found[name] = [...(Object.hasOwn(found, name) ? found[name] : []), ...calls];
      count++;
    }
  }
  return found;
}

/** The calls `field.method(...)` and `this.field.method(...)` in the method's body (a block or an expression), outside nested functions. */
function callsOnFields(a: CodeAnalyzer, language: ClassLanguage, classScope: number, scope: number): ForwardedCall[] {
  const calls: ForwardedCall[] = [];
  const [start, end] = a.scopes.range(scope);
  for (let k = start; k < end && calls.length < MAX_CALLS; k++) {
    const receiver = a.idIs(k, 'this') && a.isAccess(k + 1) ? k + 2 : k;
    const method = receiver + 2;
    if (!a.isId(receiver) || a.isAccess(k - 1) || !a.isAccess(receiver + 1) || !a.isId(method) || !a.is(method + 1, '(') || a.scopes.enclosing(k, ['function']) !== scope) {
      continue;
    }
    const classes = fieldClasses(a, language, classScope, receiver);
    if (classes) {
      calls.push({ classes, method: a.tokens.text(method) });
    }
  }
  return calls;
}

/** The class keys the type of the field named at `token` may stand for, when the name there is the class's field. */
function fieldClasses(a: CodeAnalyzer, language: ClassLanguage, classScope: number, token: number): string[] | undefined {
  const name = a.tokens.text(token);
  const bindings = a.scopes.bindingsIn(classScope).get(name) ?? [];
  const declarations = bindings.filter((binding) => !binding.method && a.scopes.enclosing(binding.token, ['function', 'class']) === classScope);
  // A parameter or local of the same name shadows the field (unless written `this.name`); the constructor's assignment is the field's.
  const seen = a.idIs(token - 2, 'this') ? declarations[0] : a.scopes.lookup(name, token, true);
  return declarations.length > 0 && seen !== undefined && bindings.includes(seen) ? holderCandidates(a, language, declarations) : undefined;
}
