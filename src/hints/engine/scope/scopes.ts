/**
 * The scope model shared by the languages: a tree of scopes over token ranges, and the bindings each
 * scope holds, resolved as a compiler would (innermost scope first, parameters and locals shadow outer
 * names, a reassignment to something unknown ends a binding). Languages build it; checks never see it.
 * Values are evaluated lazily by the analyzer, so a binding only records where its value comes from.
 */

import { copyInto } from '../typedArrays';

/** `branch`: one branch of an if/elif/else chain whose names belong to the scope around it (Python). */
export type ScopeKind = 'module' | 'function' | 'class' | 'block' | 'loop' | 'branch';

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
  /** A method of a class: in Java and C# a name read as a value, not called, is a field of that name instead. */
  method?: boolean;
  /** A name destructured from an expression (`const { redis } = req`): the member `key` of what tokens [from, end) give. */
  destructured?: { from: number; end: number; key: string };
  /** A name of an object pattern typed as a whole (`({ redis }: Deps) =>`): the member `key` of the type's value `of`. */
  typedMember?: { of: V; key: string };
  /** A name unpacked from a sequence (`ddb, cache = make_clients()`): element `position` of `count`, of the value that starts at `from`. */
  unpacked?: { from: number; position: number; count: number };
  /** The expression may write out a sequence (a Python `return a, b`), which the language reads. */
  sequence?: boolean;
}

const KINDS: readonly ScopeKind[] = ['module', 'function', 'class', 'block', 'loop', 'branch'];
/** How far up a chain of same-file base classes members are looked for. */
const MAX_BASE_DEPTH = 8;

export interface ScopeOptions {
  /** Java and C#: fields of the enclosing class are visible as bare names inside methods. */
  classFieldsVisible: boolean;
  /**
   * Python: a class body runs top to bottom and reads the names it has bound so far (`table = resource.Table(name)`
   * after `resource = boto3.resource(...)`), which its methods do not see. A JavaScript class body binds none.
   */
  classBodyNamesVisible?: boolean;
  /**
   * Go: the package block's names are visible to one another whatever their order (`var rdb = newClient()`
   * above `func newClient()`), as the language specifies; other languages' module-level uses see only what
   * is bound before them.
   */
  moduleNamesUnordered?: boolean;
}

/**
 * Scopes are kept in parallel typed arrays, as the tokens are: a 1 MB file has tens of thousands of
 * braces, and an object per scope kept the garbage collector busy.
 */
export class ScopeTree<V> {
  private count_ = 1;
  private kinds: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private parents: Int32Array;
  /** 1 where names declared inside belong to the scope (Python blocks and loops hold none). */
  private holds: Uint8Array;
  /** Created on a scope's first binding: most scopes (blocks, object-like braces) never hold one. */
  private readonly names: (Map<string, Binding<V>[]> | undefined)[] = [undefined];
  /** Innermost scope of each token. */
  private readonly innermost: Int32Array;
  /** Class scopes by the name the file declares them under; -1 for a name declared twice (ambiguous). */
  private readonly classNames = new Map<string, number>();
  private readonly namesOfClasses = new Map<number, string>();
  /** A class scope's base class in the same file (`extends`, C# `:`): its members are the class's too. */
  private readonly bases = new Map<number, number>();
  /** Branch scopes of if/elif/else chains, to the first branch of their chain. */
  private readonly chains = new Map<number, number>();
  /** Function scopes the code runs where they are written (see `runsAtOnce`). */
  private readonly runAtOnce = new Set<number>();

  constructor(
    tokenCount: number,
    private readonly options: ScopeOptions,
  ) {
    const capacity = 64;
    this.kinds = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.parents = new Int32Array(capacity);
    this.holds = new Uint8Array(capacity);
    this.ends[0] = tokenCount;
    this.parents[0] = -1;
    this.holds[0] = 1;
    this.innermost = new Int32Array(tokenCount);
  }

  /**
   * Adds a scope over tokens [start, end). Scopes must be added in order of their start, outer before
   * inner when two start together, and must nest; one that would cross another is ignored.
   */
  add(kind: ScopeKind, start: number, end: number, holdsNames = kind !== 'loop' && kind !== 'branch'): number {
    let parent = this.count_ - 1;
    while (parent > 0 && this.ends[parent] <= start) {
      parent = this.parents[parent];
    }
    if (end > this.ends[parent] || end <= start) {
      return -1;
    }
    if (this.count_ === this.kinds.length) {
      this.grow();
    }
    const id = this.count_++;
    this.kinds[id] = KINDS.indexOf(kind);
    this.starts[id] = start;
    this.ends[id] = end;
    this.parents[id] = parent;
    this.holds[id] = holdsNames ? 1 : 0;
    this.names.push(undefined);
    return id;
  }

  private grow(): void {
    const capacity = this.kinds.length * 2;
    this.kinds = copyInto(this.kinds, new Uint8Array(capacity));
    this.starts = copyInto(this.starts, new Int32Array(capacity));
    this.ends = copyInto(this.ends, new Int32Array(capacity));
    this.parents = copyInto(this.parents, new Int32Array(capacity));
    this.holds = copyInto(this.holds, new Uint8Array(capacity));
  }

  /** Fills the token-to-scope table; call once after the last `add`. Linear in tokens plus scopes. */
  finish(): void {
    // Scopes come in start order and nest, so a stack of the open scopes gives each run of tokens
    // between two scope boundaries its innermost scope: one fill per run, linear in tokens plus scopes
    // (filling each scope's whole range would be quadratic in the nesting depth).
    const innermost = this.innermost;
    const open = new Int32Array(this.count_);
    let depth = 0;
    let filled = 0;
    for (let next = 1; next <= this.count_; next++) {
      const boundary = next < this.count_ ? this.starts[next] : innermost.length;
      while (depth > 0 && this.ends[open[depth]] <= boundary) {
        const end = this.ends[open[depth]];
        innermost.fill(open[depth--], filled, end);
        filled = Math.max(filled, end);
      }
      innermost.fill(open[depth], filled, boundary);
      filled = Math.max(filled, boundary);
      if (next < this.count_) {
        open[++depth] = next;
      }
    }
  }

  scopeAt(token: number): number {
    return token >= 0 && token < this.innermost.length ? this.innermost[token] : 0;
  }

  kind(scope: number): ScopeKind {
    return KINDS[this.kinds[scope]];
  }

  /**
   * Marks a function scope that the code runs where it is written, before the next statement (a promise executor):
   * a name it reads from the functions around it holds what reaches that place, as in a block, not any value the
   * function around it ever assigns (a callback kept and run later may see a later one).
   */
  runsAtOnce(scope: number): void {
    this.runAtOnce.add(scope);
  }

  range(scope: number): [number, number] {
    return [this.starts[scope], this.ends[scope]];
  }

  start(scope: number): number {
    return this.starts[scope];
  }

  parent(scope: number): number {
    return this.parents[scope];
  }

  /** The nearest scope around a token (itself included) of one of the kinds. */
  enclosing(token: number, kinds: readonly ScopeKind[]): number {
    let scope = this.scopeAt(token);
    while (scope >= 0 && !kinds.includes(KINDS[this.kinds[scope]])) {
      scope = this.parents[scope];
    }
    return scope;
  }

  /** The scope that holds names declared at a token: the innermost one that holds names. */
  holderAt(token: number, functionLevel = false): number {
    let scope = this.scopeAt(token);
    while (scope > 0 && (this.holds[scope] === 0 || (functionLevel && KINDS[this.kinds[scope]] !== 'function' && KINDS[this.kinds[scope]] !== 'class'))) {
      scope = this.parents[scope];
    }
    return scope;
  }

  bind(scope: number, name: string, binding: Binding<V>): void {
    let names = this.names[scope];
    if (!names) {
      names = new Map();
      this.names[scope] = names;
    }
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

  /** The names a scope binds, each with its bindings in token order (the module's: what a module exports). */
  bindingsIn(scope: number): ReadonlyMap<string, readonly Binding<V>[]> {
    return this.names[scope] ?? NO_NAMES;
  }

  /** The scope that holds the names of `scope`: itself, or the nearest parent that holds names. */
  holderOf(scope: number): number {
    let holder = scope;
    while (holder > 0 && this.holds[holder] === 0) {
      holder = this.parents[holder];
    }
    return holder;
  }

  /** The scope that declares a name seen at a token, for a plain assignment (`x = ...`); the module when none does. */
  declaringScope(name: string, token: number): number {
    let scope = this.holderAt(token);
    while (scope > 0 && !this.names[scope]?.has(name)) {
      scope = this.parents[scope];
    }
    return Math.max(scope, 0);
  }

  /**
   * The binding a name refers to at a token. Inside the function (or block chain) where the use is, the
   * last binding before the use wins; a name declared there but bound only later is shadowed (undefined).
   * Across a function boundary the code may run at any time, so the last binding of the outer scope wins.
   * Returns `undefined` when no scope binds the name, and `UNBOUND_VALUE` when one does but gives no value here.
   */
  /** The binding a name at a token refers to; `asValue`: the name is read, not called, so a method of the same name is passed over. */
  lookup(name: string, token: number, asValue = false): Binding<V> | undefined {
    let scope = this.scopeAt(token);
    let crossedFunction = false;
    while (scope >= 0) {
      const kind = KINDS[this.kinds[scope]];
      const visible = kind !== 'class' || this.options.classFieldsVisible || name.startsWith('.');
      // A Python class body's own names, not its bases' (`ScopeOptions.classBodyNamesVisible`).
      const classBody = !visible && !crossedFunction && this.options.classBodyNamesVisible === true;
      const own = (visible || classBody) && this.holds[scope] === 1 ? this.names[scope]?.get(name) : undefined;
      const list = own ?? (visible && kind === 'class' && this.bases.size > 0 ? this.inherited(scope, name) : undefined);
      if (list) {
        if (crossedFunction || (kind === 'class' && !classBody)) {
          return lastKnown(list, asValue) ?? list[list.length - 1];
        }
        const before = lastBefore(list, token);
        if (!before && kind === 'module' && this.options.moduleNamesUnordered === true) {
          return lastKnown(list, asValue) ?? list[list.length - 1];
        }
        // A name the class body binds only further down is, until then, the enclosing scope's.
        if (before || !classBody) {
          return before ?? (UNBOUND_VALUE as Binding<V>);
        }
      }
      // A function run where it is written reads the names around it as a block does.
      crossedFunction ||= kind === 'function' && !this.runAtOnce.has(scope);
      scope = this.parents[scope];
    }
    return undefined;
  }

  /**
   * Every binding of a name that a use at `token` reads across a function boundary (a module-level `let`
   * read in a function, which may run after any of its assignments); undefined when the use sees the
   * name's bindings in its own function, or a class member's.
   */
  outerBindings(name: string, token: number): readonly Binding<V>[] | undefined {
    let scope = this.scopeAt(token);
    let crossedFunction = false;
    while (scope >= 0) {
      const kind = KINDS[this.kinds[scope]];
      const visible = kind !== 'class' || this.options.classFieldsVisible || name.startsWith('.');
      const list = visible && this.holds[scope] === 1 ? this.names[scope]?.get(name) : undefined;
      if (list || (visible && kind === 'class' && this.bases.size > 0 && this.inherited(scope, name))) {
        return list && kind !== 'class' && crossedFunction ? list : undefined;
      }
      crossedFunction ||= kind === 'function';
      scope = this.parents[scope];
    }
    return undefined;
  }

  /** How many scopes the tree holds (the module included); scope ids run from 0 to size - 1. */
  get size(): number {
    return this.count_;
  }

  /**
   * The scope that declares a name seen at a token (the module when none does, as for an import), and
   * whether a function boundary lies between. Class scopes count only where their names are visible.
   */
  private declaring(name: string, token: number): { scope: number; crossedFunction: boolean } {
    let scope = this.scopeAt(token);
    let crossedFunction = false;
    while (scope > 0) {
      const kind = KINDS[this.kinds[scope]];
      if (this.holds[scope] === 1 && (kind !== 'class' || this.options.classFieldsVisible) && this.names[scope]?.has(name)) {
        break;
      }
      crossedFunction ||= kind === 'function';
      scope = this.parents[scope];
    }
    return { scope: Math.max(scope, 0), crossedFunction };
  }

  /** Where a value assigned to a member path of `root` (`g.db = ...`) belongs: the scope that declares `root` there. */
  pathHolder(root: string, token: number): number {
    return this.declaring(root, token).scope;
  }

  /**
   * The binding of a member path (`g.db`, `cache["t"]`) of `root` used at a token, from the scope that
   * declares `root` there: a parameter or local of the same name hides the outer object's members.
   * Lookups see bindings as for plain names (earlier ones in the same function, the last across one).
   */
  pathBinding(root: string, path: string, token: number, emptying?: (binding: Binding<V>) => boolean): Binding<V> | undefined {
    const { scope, crossedFunction } = this.declaring(root, token);
    const list = this.names[scope]?.get(path);
    if (!list) {
      return undefined;
    }
    if (!crossedFunction) {
      return lastBefore(list, token);
    }
    // Read from another function: the last assignment that fills the path (`Cls._client = None` in a `close()` only empties it).
    const filled = emptying ? list.filter((binding) => !emptying(binding)) : list;
    return lastKnown(filled, false) ?? lastKnown(list, false) ?? list[list.length - 1];
  }

  /**
   * A member (`this.x`, `self.x`) of a class: its `.x` binding, else (Python class attributes) `x`, in the
   * class itself or else in its base classes of the same file; `asValue`: read, not called (a field, not a method).
   */
  member(classScope: number, name: string, asValue = false): Binding<V> | undefined {
    for (let scope = classScope, depth = 0; scope > 0 && depth < MAX_BASE_DEPTH; scope = this.bases.get(scope) ?? -1, depth++) {
      const names = this.names[scope];
      const list = names?.get(`.${name}`) ?? this.attribute(scope, name);
      if (list) {
        return lastKnown(list, asValue) ?? list[list.length - 1];
      }
    }
    return undefined;
  }

  /** A class attribute (Python) by its bare name; a JavaScript constructor function's locals are no members. */
  private attribute(scope: number, name: string): Binding<V>[] | undefined {
    return KINDS[this.kinds[scope]] === 'function' ? undefined : this.names[scope]?.get(name);
  }

  /** The names a class and its same-file bases bind as members (methods, fields, class attributes), without the `.` of fields. */
  memberNames(classScope: number): string[] {
    const found = new Set<string>();
    for (let scope = classScope, depth = 0; scope > 0 && depth < MAX_BASE_DEPTH; scope = this.bases.get(scope) ?? -1, depth++) {
      this.names[scope]?.forEach((_, name) => found.add(name.startsWith('.') ? name.slice(1) : name));
    }
    return [...found];
  }

  /** Every binding of a class member, in order, from the first class up its bases that has one. */
  memberBindings(classScope: number, name: string): readonly Binding<V>[] {
    for (let scope = classScope, depth = 0; scope > 0 && depth < MAX_BASE_DEPTH; scope = this.bases.get(scope) ?? -1, depth++) {
      const names = this.names[scope];
      const list = names?.get(`.${name}`) ?? this.attribute(scope, name);
      if (list) {
        return list;
      }
    }
    return [];
  }

  /**
   * The type a field of a class (or of a same-file base) is declared with (`private final DynamoDbClient dynamo;`,
   * `private client: Redis;`), for a field whose assigned value tells nothing (`this.dynamo = options.client()`).
   */
  declaredMember(classScope: number, name: string): V | undefined {
    for (let scope = classScope, depth = 0; scope > 0 && depth < MAX_BASE_DEPTH; scope = this.bases.get(scope) ?? -1, depth++) {
      const names = this.names[scope];
      for (const list of names ? [names.get(`.${name}`) ?? [], names.get(name) ?? []] : []) {
        for (let k = list.length - 1; k >= 0; k--) {
          if (list[k].declared !== undefined && !list[k].method) {
            return list[k].declared;
          }
        }
      }
    }
    return undefined;
  }

  /** Records the name a class scope is declared under; a name declared twice names no class. */
  nameClass(scope: number, name: string): void {
    this.classNames.set(name, this.classNames.has(name) ? -1 : scope);
    this.namesOfClasses.set(scope, name);
  }

  /** The class scope the file declares under a name, or -1 (none, or more than one). */
  classNamed(name: string): number {
    return this.classNames.get(name) ?? -1;
  }

  /** The name a class scope is declared under, when no other class of the file has it. */
  nameOfClass(scope: number): string | undefined {
    const name = this.namesOfClasses.get(scope);
    return name !== undefined && this.classNames.get(name) === scope ? name : undefined;
  }

  /** Makes `base` the base class of `scope`; a base that would close a cycle is ignored. */
  setBase(scope: number, base: number): void {
    for (let ancestor = base, depth = 0; ancestor > 0 && depth < MAX_BASE_DEPTH; ancestor = this.bases.get(ancestor) ?? -1, depth++) {
      if (ancestor === scope) {
        return;
      }
    }
    this.bases.set(scope, base);
  }

  /** Makes `scope` a branch of the if/elif/else chain that `first` starts (`first` itself for the chain's `if`). */
  setBranch(scope: number, first: number): void {
    this.chains.set(scope, first);
  }

  /** The first branch of the if/elif/else chain a scope is a branch of, or -1. */
  chainOf(scope: number): number {
    return this.chains.get(scope) ?? -1;
  }

  /**
   * Whether two tokens lie in different branches of one if/elif/else chain, so that no run reaches both:
   * the scopes just below the innermost scope that holds both are two branches of the same chain.
   */
  exclusive(x: number, y: number): boolean {
    if (this.chains.size === 0) {
      return false;
    }
    const low = Math.min(x, y);
    const high = Math.max(x, y);
    let common = this.scopeAt(low);
    while (common > 0 && this.ends[common] <= high) {
      common = this.parents[common];
    }
    const branchX = this.childToward(common, x);
    const branchY = this.childToward(common, y);
    const chain = this.chainOf(branchX);
    return branchX !== branchY && chain >= 0 && chain === this.chainOf(branchY);
  }

  /** The scope just inside `outer` on the way to a token (`outer` itself when the token sits directly in it). */
  private childToward(outer: number, token: number): number {
    let scope = this.scopeAt(token);
    while (scope > 0 && this.parents[scope] !== outer && scope !== outer) {
      scope = this.parents[scope];
    }
    return scope;
  }

  /** The same-file base class of a class scope, or -1. */
  baseOf(scope: number): number {
    return this.bases.get(scope) ?? -1;
  }

  /** A name bound in a base class of `scope` (Java and C# fields seen as bare names in a subclass). */
  private inherited(scope: number, name: string): Binding<V>[] | undefined {
    for (let base = this.bases.get(scope) ?? -1, depth = 0; base > 0 && depth < MAX_BASE_DEPTH; base = this.bases.get(base) ?? -1, depth++) {
      const list = this.names[base]?.get(name);
      if (list) {
        return list;
      }
    }
    return undefined;
  }
}

const NO_NAMES: ReadonlyMap<string, never> = new Map<string, never>();

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

/** Whether a binding holds a whole expression as written (`name = expr`): not a function, a loop element, a destructured member or an unpacked element. */
export function bindsWholeExpression<V>(binding: Binding<V>): boolean {
  return binding.expression >= 0 && binding.fixed === undefined && !binding.element && !binding.destructured && !binding.unpacked;
}

/** Whether a binding may give a value: an expression, a fixed value, a declared type, a destructured member or an unpacked element (not a bare declaration). */
export function carriesValue<V>(binding: Binding<V>): boolean {
  return binding.expression >= 0 || Boolean(binding.fixed) || binding.declared !== undefined || binding.destructured !== undefined || binding.unpacked !== undefined;
}

/** The last binding that can carry a value (an expression or a fixed value), skipping bare declarations, and methods for a name read as a value. */
function lastKnown<V>(list: readonly Binding<V>[], asValue: boolean): Binding<V> | undefined {
  for (let k = list.length - 1; k >= 0; k--) {
    if (carriesValue(list[k]) && !(asValue && list[k].method)) {
      return list[k];
    }
  }
  return undefined;
}
