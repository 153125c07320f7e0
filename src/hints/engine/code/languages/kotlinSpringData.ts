/**
 * Spring Data DynamoDB declarations as Kotlin writes them, for `javaSpringDataDynamodb.ts`: a repository interface whose
 * supertypes follow a `:` and that may have no body (`interface OrderRepository : CrudRepository<Order, String>`), its
 * methods declared with `fun` and no body, and an entity class whose properties are `val`/`var` declarations, in its
 * primary constructor too (`class Order(@get:DynamoDBHashKey var id: String = "") : Serializable`).
 */
import type { CodeAnalyzer } from '../analyzer';
import { closeAngle } from '../typeArguments';

/** Where a class or interface declaration's parts are: the name, the primary constructor, the supertypes and the body. */
export interface KotlinHead {
  name: number;
  /** The `(` of the primary constructor, or -1. */
  constructor: number;
  /** The `:` before the supertypes, or -1. */
  supertypes: number;
  /** The token after the head: the body's `{`, or whatever follows a declaration that has none. */
  end: number;
  /** The body's `{`, or -1. */
  body: number;
  /** A supertype is called (`: Base()`): Kotlin's only sign that the class extends a class, not an interface. */
  extendsClass: boolean;
}

/** Words that may stand before a primary constructor's `constructor` keyword. */
const CONSTRUCTOR_MODIFIERS = new Set(['private', 'protected', 'internal', 'public']);

/** The parts of the declaration whose `class` or `interface` keyword is at `keyword`. */
export function kotlinHead(a: CodeAnalyzer, keyword: number): KotlinHead | undefined {
  const name = keyword + 1;
  if (!a.isId(name)) {
    return undefined;
  }
  let k = name + 1;
  if (a.is(k, '<')) {
    const close = closeAngle(a, k);
    if (close <= k) {
      return undefined;
    }
    k = close + 1;
  }
  while (a.isId(k) && CONSTRUCTOR_MODIFIERS.has(a.tokens.text(k)) && (a.idIs(k + 1, 'constructor') || CONSTRUCTOR_MODIFIERS.has(a.tokens.text(k + 1)))) {
    k++;
  }
  if (a.idIs(k, 'constructor') && a.is(k + 1, '(')) {
    k++;
  }
  const constructor = a.is(k, '(') && a.partner[k] > k ? k : -1;
  if (constructor > 0) {
    k = a.partner[constructor] + 1;
  }
  const supertypes = a.is(k, ':') ? k : -1;
  let extendsClass = false;
  if (supertypes > 0) {
    const list = supertypeList(a, supertypes + 1);
    k = list.end;
    extendsClass = list.called;
  }
  const body = a.is(k, '{') && a.partner[k] > k ? k : -1;
  return { name, constructor, supertypes, end: k, body, extendsClass };
}

/** The end of the supertype list that starts at `start` (`A<B>, C(x), D by d`), and whether an entry is called. */
function supertypeList(a: CodeAnalyzer, start: number): { end: number; called: boolean } {
  let k = start;
  let called = false;
  for (;;) {
    if (!a.isId(k)) {
      return { end: k, called };
    }
    k = typeEnd(a, k);
    if (a.is(k, '(') && a.partner[k] > k) {
      called = true;
      k = a.partner[k] + 1;
    }
    if (a.idIs(k, 'by') && a.isId(k + 1)) {
      k += 2;
    }
    if (!a.is(k, ',')) {
      return { end: k, called };
    }
    k++;
  }
}

/** The token after the type that starts at `k`: a dotted name, its type arguments, a `?`. */
function typeEnd(a: CodeAnalyzer, k: number): number {
  let end = k + 1;
  while (a.is(end, '.') && a.isId(end + 1)) {
    end += 2;
  }
  if (a.is(end, '<')) {
    const close = closeAngle(a, end);
    end = close > end ? close + 1 : end;
  }
  return a.is(end, '?') ? end + 1 : end;
}

/** Whether `fun name(...)`, whose parameters close at `close`, has a body (`{ ... }` or `= expression`) after its return type. */
export function kotlinFunctionHasBody(a: CodeAnalyzer, close: number): boolean {
  const after = a.is(close + 1, ':') && a.isId(close + 2) ? typeEnd(a, close + 2) : close + 1;
  return a.is(after, '{') || a.is(after, '=');
}

/** The name of the annotation whose `@` is at `at`: Kotlin may name a use-site target first (`@get:DynamoDBHashKey`, `@field:Id`). */
export function annotationNameAt(a: CodeAnalyzer, at: number): number {
  return a.isId(at + 1) && a.is(at + 2, ':') && a.isId(at + 3) ? at + 3 : at + 1;
}

/** The property a `val` or `var` at `k - 1` declares (`var status: String`, `val id = ""`). */
export function kotlinProperty(a: CodeAnalyzer, k: number): string | undefined {
  return (a.idIs(k - 1, 'val') || a.idIs(k - 1, 'var')) && !a.isAccess(k - 2) && (a.is(k + 1, ':') || a.is(k + 1, '=')) ? a.tokens.text(k) : undefined;
}

/** How far back from a body's `{` its declaration's keyword is looked for, a primary constructor counting as one token. */
const MAX_HEAD_TOKENS = 64;

/** The head of the class or interface whose body opens at `open`. */
export function kotlinHeadBefore(a: CodeAnalyzer, open: number): KotlinHead | undefined {
  for (let k = open - 1, steps = 0; k >= 0 && steps < MAX_HEAD_TOKENS; k--, steps++) {
    if (a.is(k, ')') && a.partner[k] >= 0 && a.partner[k] < k) {
      k = a.partner[k];
      continue;
    }
    if ((a.idIs(k, 'class') || a.idIs(k, 'interface')) && !a.is(k - 1, '@') && !a.isAccess(k - 1)) {
      const head = kotlinHead(a, k);
      return head?.body === open ? head : undefined;
    }
    if (a.is(k, '{') || a.is(k, '}') || a.is(k, ';')) {
      return undefined;
    }
  }
  return undefined;
}
