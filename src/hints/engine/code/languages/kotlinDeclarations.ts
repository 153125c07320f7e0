/**
 * How Kotlin declares names: `val`/`var` with an optional `: Type` and an `= expr` or `by lazy { expr }`,
 * a function's parameters (`fun scan(client: DynamoDbClient, table: String)`), a primary constructor's
 * parameters and properties (`class Repo(private val client: DynamoDbClient)`, visible in the class body),
 * a lambda's parameters (`{ item -> ... }`, else its implicit `it`), and assignments to a name declared before.
 */
import { ScopeTree } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { noteMemberAssignment } from '../requests';
import { chainStart } from '../receiverChains';
import { closeAngle } from '../typeArguments';
import { Value } from '../values';

/** How far into a lambda its parameters' arrow is looked for: `{ (key, value): Map.Entry<K, V> -> `. */
const MAX_LAMBDA_PARAMS = 24;
/** Modifiers and annotations a parameter may carry before its name. */
const PARAMETER_MODIFIERS = new Set(['val', 'var', 'vararg', 'private', 'protected', 'public', 'internal', 'override', 'final', 'open', 'lateinit', 'crossinline', 'noinline']);
/** Scope functions whose lambda's parameter (or `it`) is their receiver: `client.use { ddb -> ... }`. */
export const RECEIVER_PASSING = new Set(['use', 'let', 'also']);

/** The type after `name:` as a value, and where the type ends (exclusive). */
function declaredType(a: CodeAnalyzer, colon: number): { value: Value | undefined; end: number } {
  const start = colon + 1;
  if (!a.isId(start)) {
    return { value: undefined, end: start };
  }
  let k = start;
  while (a.isAccess(k + 1) && a.isId(k + 2)) {
    k += 2;
  }
  k++;
  if (a.is(k, '<')) {
    let depth = 0;
    for (let steps = 0; k < a.tokens.length && steps < 64; k++, steps++) {
      depth += a.is(k, '<') ? 1 : a.is(k, '>') ? -1 : a.is(k, '>>') ? -2 : 0;
      if (depth <= 0) {
        k++;
        break;
      }
    }
  }
  if (a.is(k, '?')) {
    k++;
  }
  return { value: a.language.typeValue(a, start), end: k };
}

/** A parameter at `[from, to)`: `@Named("x") private val client: DynamoDbClient = default`, bound in `scope`. */
function bindParameter(a: CodeAnalyzer, tree: ScopeTree<Value>, scope: number, from: number, to: number): void {
  let k = from;
  while (k < to) {
    if (a.is(k, '@')) {
      // An annotation: `@Named("ddb")`, `@param:Qualifier("x")`, `@Autowired` (its name alone: a modifier or the parameter's name follows).
      k++;
      if (a.isId(k) && a.is(k + 1, ':') && a.isId(k + 2)) {
        k += 2;
      }
      k++;
      while (k < to && a.is(k, '.') && a.isId(k + 1)) {
        k += 2;
      }
      if (a.is(k, '(') && a.partner[k] > k) {
        k = a.partner[k] + 1;
      }
    } else if (PARAMETER_MODIFIERS.has(a.tokens.text(k)) && a.isId(k + 1)) {
      k++;
    } else {
      break;
    }
  }
  if (!a.isId(k) || !a.is(k + 1, ':')) {
    return;
  }
  const type = declaredType(a, k + 1);
  const expression = a.is(type.end, '=') && type.end + 1 < to ? type.end + 1 : -1;
  tree.bind(scope, a.tokens.text(k), { token: k, expression, ...(type.value ? { declared: type.value } : {}) });
}

/** The class body's brace after a primary constructor whose `)` is at `close` (past `: Base(...)`), or -1. */
function classBodyAfter(a: CodeAnalyzer, close: number): number {
  for (let k = close + 1, steps = 0; k < a.tokens.length && steps < 64; steps++) {
    if (a.is(k, '{')) {
      return a.bodies[k] === 1 ? k : -1;
    }
    if (a.is(k, '(') || a.is(k, '<')) {
      const end = a.is(k, '<') ? closeAngle(a, k) : a.partner[k];
      k = end > k ? end + 1 : k + 1;
      continue;
    }
    if (!a.isId(k) && !a.is(k, ':') && !a.is(k, ',') && !a.is(k, '.') && !a.is(k, '>')) {
      return -1;
    }
    if (a.idIs(k, 'fun') || a.idIs(k, 'val') || a.idIs(k, 'class')) {
      return -1;
    }
    k++;
  }
  return -1;
}

/**
 * `fun table(): DynamoDbTable<Item> { return ... }` and `fun client() = DynamoDbClient.create()`: a function of the
 * file, whose calls give what it returns (its declared type where that tells more).
 */
function declaredFunction(a: CodeAnalyzer, tree: ScopeTree<Value>, keyword: number): void {
  let k = keyword + 1;
  if (a.is(k, '<')) {
    const close = closeAngle(a, k);
    if (close < 0) {
      return;
    }
    k = close + 1;
  }
  while (a.isId(k) && a.isAccess(k + 1) && a.isId(k + 2)) {
    k += 2;
  }
  const open = k + 1;
  if (!a.isId(k) || !a.is(open, '(') || a.partner[open] < open) {
    return;
  }
  const close = a.partner[open];
  const typed = a.is(close + 1, ':') ? declaredType(a, close + 1) : undefined;
  const returnType = typed?.value ? close + 2 : undefined;
  const scope = tree.scopeAt(open);
  const fn = tree.kind(scope) === 'function' && tree.start(scope) === open ? a.functions.get(scope) : undefined;
  if (!fn) {
    return;
  }
  const fixed: Value = { t: 'function', scope, concise: fn.concise, ...(returnType !== undefined ? { returnType } : {}) };
  const holder = tree.holderAt(keyword);
  tree.bind(holder, a.tokens.text(k), { token: k, expression: -1, fixed, method: tree.kind(holder) === 'class', ...(typed?.value ? { declared: typed.value } : {}) });
}

/** `class Repo(private val client: DynamoDbClient) {`: the constructor's parameters, bound in the class body. */
function primaryConstructor(a: CodeAnalyzer, tree: ScopeTree<Value>, keyword: number): void {
  let k = keyword + 1;
  if (!a.isId(k)) {
    return;
  }
  k++;
  if (a.is(k, '<')) {
    // `class Table<T : Any>(...)`: type parameters before the constructor.
    const close = closeAngle(a, k);
    k = close > k ? close + 1 : k;
  }
  // `class Repo @Inject constructor(...)`, `class Repo private constructor(...)`.
  for (let steps = 0; steps < 8 && !a.is(k, '(') && (a.isId(k) || a.is(k, '@')); steps++) {
    k++;
  }
  if (!a.is(k, '(') || a.partner[k] < k) {
    return;
  }
  const body = classBodyAfter(a, a.partner[k]);
  const scope = body > 0 ? tree.scopeAt(body) : -1;
  if (scope <= 0 || tree.kind(scope) !== 'class' || tree.start(scope) !== body) {
    return;
  }
  for (const [from, to] of segments(a, k)) {
    bindParameter(a, tree, scope, from, to);
  }
}

/** `val name[: Type] = expr`, `val name by lazy { expr }`, in the scope that holds the declaration. */
function property(a: CodeAnalyzer, tree: ScopeTree<Value>, keyword: number): void {
  const name = keyword + 1;
  // A destructuring declaration, or an extension property (`val Table.name get() = ...`).
  if (!a.isId(name) || a.isAccess(name + 1)) {
    return;
  }
  const type = a.is(name + 1, ':') ? declaredType(a, name + 1) : { value: undefined, end: name + 1 };
  let expression = a.is(type.end, '=') ? type.end + 1 : -1;
  // `by lazy { DynamoDbClient.create() }`: what the lambda gives, read from its first expression.
  if (a.idIs(type.end, 'by') && a.idIs(type.end + 1, 'lazy') && a.is(type.end + 2, '{') && !a.idIs(type.end + 3, 'val') && !a.idIs(type.end + 3, 'var')) {
    expression = type.end + 3;
  }
  tree.bind(tree.holderAt(name), a.tokens.text(name), { token: name, expression, ...(type.value ? { declared: type.value } : {}) });
}

/** `{ a, b -> ... }`, `{ item: Item -> ... }`, else `{ ... }` with its implicit `it`; a scope function's passes its receiver. */
function lambdaParameters(a: CodeAnalyzer, tree: ScopeTree<Value>, scope: number, brace: number): void {
  const close = a.partner[brace];
  let arrow = -1;
  for (let k = brace + 1; k < close && k < brace + MAX_LAMBDA_PARAMS; k++) {
    if (a.is(k, '->')) {
      arrow = k;
      break;
    }
    if (!a.isId(k) && !a.is(k, ',') && !a.is(k, ':') && !a.is(k, '(') && !a.is(k, ')') && !a.is(k, '.') && !a.is(k, '<') && !a.is(k, '>') && !a.is(k, '?')) {
      break;
    }
  }
  const passesReceiver = a.isAccess(brace - 2) && RECEIVER_PASSING.has(a.tokens.text(brace - 1));
  // The receiver of `x.use {`, read by `kotlin.ts`'s `sequenceAt` from the brace.
  const received = passesReceiver ? { expression: brace, sequence: true } : { expression: -1 };
  if (arrow < 0) {
    tree.bind(scope, 'it', { token: brace, ...received });
    return;
  }
  const names: number[] = [];
  for (let k = brace + 1; k < arrow; k++) {
    if (a.isId(k) && !a.is(k - 1, ':') && !a.isAccess(k - 1) && !a.is(k - 1, '<')) {
      names.push(k);
    }
  }
  names.forEach((k, position) => {
    const type = a.is(k + 1, ':') ? declaredType(a, k + 1).value : undefined;
    const one = passesReceiver && names.length === 1 && position === 0;
    tree.bind(scope, a.tokens.text(k), { token: k, ...(one ? received : { expression: -1 }), ...(type ? { declared: type } : {}) });
  });
}

/** The receiver of a scope function whose lambda opens at `brace` (`DynamoDbClient.create().use {`), as a value. */
export function receiverOfLambda(a: CodeAnalyzer, brace: number): Value | undefined {
  if (!a.is(brace, '{') || !a.isAccess(brace - 2) || !RECEIVER_PASSING.has(a.tokens.text(brace - 1))) {
    return undefined;
  }
  // `DynamoDbClient { region = r }.use {`: the chain ends with the configuration lambda.
  const end = a.is(brace - 3, '}') && a.partner[brace - 3] > 0 ? a.partner[brace - 3] - 1 : brace - 3;
  const start = chainStart(a, end);
  return start >= 0 ? a.evalChain(start, brace - 2).value : undefined;
}

/** `name = expr` of a name declared before, `this.name = expr` of a property. */
function assignment(a: CodeAnalyzer, tree: ScopeTree<Value>, eq: number): void {
  if (a.is(eq + 1, '=') || !a.isId(eq - 1)) {
    return;
  }
  if (a.isAccess(eq - 2)) {
    a.bindThisField(eq);
    noteMemberAssignment(a, eq);
    return;
  }
  // Declarations, named arguments (`copy(name = x)`) and default values are not assignments.
  if (a.idIs(eq - 2, 'val') || a.idIs(eq - 2, 'var') || a.is(a.parent[eq], '(') || a.is(eq - 2, ':')) {
    return;
  }
  const name = a.tokens.text(eq - 1);
  const scope = tree.declaringScope(name, eq);
  const declared = tree.bindingsIn(scope).get(name)?.[0]?.declared;
  tree.bind(scope, name, { token: eq - 1, expression: eq + 1, ...(declared ? { declared } : {}) });
}

export function collectKotlinBindings(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  for (const fn of a.functions.values()) {
    if (a.is(fn.params, '(')) {
      for (const [from, to] of segments(a, fn.params)) {
        bindParameter(a, tree, fn.scope, from, to);
      }
    } else if (a.is(fn.params, '{')) {
      lambdaParameters(a, tree, fn.scope, fn.params);
    }
  }
  for (let i = 0; i < a.tokens.length; i++) {
    if ((a.idIs(i, 'val') || a.idIs(i, 'var')) && !a.isAccess(i - 1) && !a.is(a.parent[i], '(')) {
      property(a, tree, i);
    } else if (a.idIs(i, 'fun') && !a.isAccess(i - 1)) {
      declaredFunction(a, tree, i);
    } else if (a.idIs(i, 'class') && !a.is(i - 1, '::')) {
      primaryConstructor(a, tree, i);
    } else if (a.idIs(i, 'return')) {
      a.addReturn(i + 1);
    } else if (a.is(i, '=')) {
      assignment(a, tree, i);
    }
  }
}
