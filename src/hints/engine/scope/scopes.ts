/**
 * The scope model shared by the languages: a tree of scopes over token ranges, and the bindings each
 * scope holds, resolved as a compiler would (innermost scope first, parameters and locals shadow outer
 * names, a reassignment to something unknown ends a binding). Languages build it; checks never see it.
 * Values are evaluated lazily by the analyzer, so a binding only records where its value comes from.
 */

export type ScopeKind = 'module' | 'function' | 'class' | 'block' | 'loop';

/** A binding's source: an expression to evaluate (token index of its start), a fixed value, or nothing known. */
export interface Binding<V> {
  /** Token index where the binding takes effect; lookups inside the same function only see earlier ones. */
  token: number;
  /** Token index of the expression that gives the value, or -1. */
  expression: number;
  /** A value known without evaluation (a function), or null for "known to be nothing we track". */
  fixed?: V | null;
  /** The declared type's value, used when the expression gives nothing (`client: DynamoDBClient = make()`). */
  declared?: V;
  /** A loop variable: the value is an element of what the expression gives (`for t in tables`). */
  element?: boolean;
}

interface Scope<V> {
  kind: ScopeKind;
  start: number;
  end: number;
  parent: number;
  /** Whether names declared inside belong here (Python blocks and loops do not hold names). */
  holdsNames: boolean;
  /** Created on the first binding: most scopes (blocks, object-like braces) never hold one. */
  names: Map<string, Binding<V>[]> | undefined;
}

export interface ScopeOptions {
  /** Java and C#: fields of the enclosing class are visible as bare names inside methods. */
  classFieldsVisible: boolean;
}

export class ScopeTree<V> {
  private readonly scopes: Scope<V>[] = [];
  /** Innermost scope of each token. */
  private readonly innermost: Int32Array;

  constructor(
    tokenCount: number,
    private readonly options: ScopeOptions,
  ) {
    this.scopes.push({ kind: 'module', start: 0, end: tokenCount, parent: -1, holdsNames: true, names: undefined });
    this.innermost = new Int32Array(tokenCount);
  }

  /**
   * Adds a scope over tokens [start, end). Scopes must be added in order of their start, outer before
   * inner when two start together, and must nest; one that would cross another is ignored.
   */
  add(kind: ScopeKind, start: number, end: number, holdsNames = kind !== 'loop'): number {
    let parent = this.scopes.length - 1;
    while (parent > 0 && this.scopes[parent].end <= start) {
      parent = this.scopes[parent].parent;
    }
    if (end > this.scopes[parent].end || end <= start) {
      return -1;
    }
    this.scopes.push({ kind, start, end, parent, holdsNames, names: undefined });
    return this.scopes.length - 1;
  }

  /** Fills the token-to-scope table; call once after the last `add`. Linear in tokens plus scopes. */
  finish(): void {
    // Scopes come in start order and nest, so one walk over the tokens with a stack of the open
    // scopes gives each token its innermost scope (filling each scope's range would be quadratic in
    // the nesting depth).
    const open: number[] = [0];
    let next = 1;
    for (let token = 0; token < this.innermost.length; token++) {
      while (open.length > 1 && this.scopes[open[open.length - 1]].end <= token) {
        open.pop();
      }
      while (next < this.scopes.length && this.scopes[next].start <= token) {
        open.push(next++);
      }
      this.innermost[token] = open[open.length - 1];
    }
  }

  get count(): number {
    return this.scopes.length;
  }

  scopeAt(token: number): number {
    return token >= 0 && token < this.innermost.length ? this.innermost[token] : 0;
  }

  kind(scope: number): ScopeKind {
    return this.scopes[scope].kind;
  }

  range(scope: number): [number, number] {
    return [this.scopes[scope].start, this.scopes[scope].end];
  }

  parent(scope: number): number {
    return this.scopes[scope].parent;
  }

  /** The nearest scope around a token (itself included) of one of the kinds. */
  enclosing(token: number, kinds: readonly ScopeKind[]): number {
    let scope = this.scopeAt(token);
    while (scope >= 0 && !kinds.includes(this.scopes[scope].kind)) {
      scope = this.scopes[scope].parent;
    }
    return scope;
  }

  /** The scope that holds names declared at a token: the innermost one that holds names. */
  holderAt(token: number, functionLevel = false): number {
    let scope = this.scopeAt(token);
    while (scope > 0 && (!this.scopes[scope].holdsNames || (functionLevel && this.scopes[scope].kind !== 'function' && this.scopes[scope].kind !== 'class'))) {
      scope = this.scopes[scope].parent;
    }
    return scope;
  }

  bind(scope: number, name: string, binding: Binding<V>): void {
    const target = this.scopes[scope];
    const names = (target.names ??= new Map());
    const list = names.get(name);
    if (!list) {
      names.set(name, [binding]);
      return;
    }
    // Kept in token order (languages bind mostly in order), so that lookups can search.
    let at = list.length;
    while (at > 0 && list[at - 1].token > binding.token) {
      at--;
    }
    list.splice(at, 0, binding);
  }

  /** The scope that holds the names of `scope`: itself, or the nearest parent that holds names. */
  holderOf(scope: number): number {
    let holder = scope;
    while (holder > 0 && !this.scopes[holder].holdsNames) {
      holder = this.scopes[holder].parent;
    }
    return holder;
  }

  /** The scope that declares a name seen at a token, for a plain assignment (`x = ...`); the module when none does. */
  declaringScope(name: string, token: number): number {
    let scope = this.holderAt(token);
    while (scope > 0 && !this.scopes[scope].names?.has(name)) {
      scope = this.scopes[scope].parent;
    }
    return Math.max(scope, 0);
  }

  /**
   * The binding a name refers to at a token. Inside the function (or block chain) where the use is, the
   * last binding before the use wins; a name declared there but bound only later is shadowed (undefined).
   * Across a function boundary the code may run at any time, so the last binding of the outer scope wins.
   * Returns `undefined` when no scope binds the name, and `UNBOUND_VALUE` when one does but gives no value here.
   */
  lookup(name: string, token: number): Binding<V> | undefined {
    let scope = this.scopeAt(token);
    let crossedFunction = false;
    while (scope >= 0) {
      const current = this.scopes[scope];
      const visible = current.kind !== 'class' || this.options.classFieldsVisible || name.startsWith('.');
      const list = visible && current.holdsNames ? current.names?.get(name) : undefined;
      if (list) {
        if (crossedFunction || current.kind === 'class') {
          return lastKnown(list) ?? list[list.length - 1];
        }
        return lastBefore(list, token) ?? (UNBOUND_VALUE as Binding<V>);
      }
      crossedFunction ||= current.kind === 'function';
      scope = current.parent;
    }
    return undefined;
  }

  /** A member (`this.x`, `self.x`) of the class around a token: its `.x` binding, else (Python class attributes) `x`. */
  member(classScope: number, name: string): Binding<V> | undefined {
    const names = this.scopes[classScope].names;
    const list = names?.get(`.${name}`) ?? names?.get(name);
    return list ? (lastKnown(list) ?? list[list.length - 1]) : undefined;
  }
}

/** What a lookup returns for a name that is bound in scope but has no value at the use (shadowed, or bound later). */
export const UNBOUND_VALUE: Binding<never> = Object.freeze({ token: -1, expression: -1 });

/** The last binding that takes effect at or before a token, by binary search over a list in token order. */
function lastBefore<V>(list: readonly Binding<V>[], token: number): Binding<V> | undefined {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid].token <= token) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low > 0 ? list[low - 1] : undefined;
}

/** The last binding that can carry a value (an expression or a fixed value), skipping bare declarations. */
function lastKnown<V>(list: readonly Binding<V>[]): Binding<V> | undefined {
  for (let k = list.length - 1; k >= 0; k--) {
    if (list[k].expression >= 0 || list[k].fixed || list[k].declared) {
      return list[k];
    }
  }
  return undefined;
}
