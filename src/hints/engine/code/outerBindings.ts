/**
 * A name read in a function that another scope binds more than once (`let client;` at module level, set
 * in `connect()`, reset to `null` in `close()`, read in `getClient()`): the function may run after any of
 * the assignments, so the name reads as what they all agree on. An assignment of `null` or `undefined`
 * (`None`, `nil`) only says that no client is there yet or any more, and a call through it would throw:
 * it is set aside, as is a test double made in its place (`mockredis.mock_redis_client()`). Two kinds of client,
 * or a client and anything the analyzer cannot tell, and the name reads as nothing.
 */
import { Binding, carriesValue } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { FileMemo } from './fileMemo';
import { namesDoubleMaker } from './testDoubles';
import { Value } from './values';

/** Literals that leave a variable empty, in the languages that have them. */
const EMPTY = ['null', 'undefined', 'None', 'nil'];

/** Bindings of one name read for what they agree on: past this, the name reads as nothing (it also bounds the work). */
const MAX_BINDINGS = 32;

/** Agreed values by list of bindings (one per name and scope): `null` for nothing, `function` where the rule does not apply. */
const agreedValues = new FileMemo<readonly Binding<Value>[], Value | null | 'function'>();

/** Whether a binding only empties the variable: `client = null`, with no declared type. */
export function empties(a: CodeAnalyzer, binding: Binding<Value>): boolean {
  const k = binding.expression;
  if (k < 0 || binding.declared !== undefined || !a.tokens.isOneOf(k, EMPTY)) {
    return false;
  }
  const next = k + 1;
  return next >= a.tokens.length || a.is(next, ';') || a.is(next, ',') || a.startsLine(next) || (a.partner[next] >= 0 && a.partner[next] < k);
}

/** Tokens of a binding's value read for a test double's name: a short chain up to its call. */
const MAX_DOUBLE_TOKENS = 8;

/**
 * Whether a binding calls what makes a test double (`cache = mockredis.mock_redis_client()` in the `except` of a
 * `try` that connects, `client = FakeRedis()`): the stand-in for when the real client is missing, set aside as an
 * emptying assignment is, so the name reads as the client the other bindings agree on.
 */
function makesTestDouble(a: CodeAnalyzer, binding: Binding<Value>): boolean {
  const start = binding.expression;
  if (start < 0 || binding.declared !== undefined || !a.isId(start)) {
    return false;
  }
  // A call that makes it (`FakeRedis()`, `fakeredis.FakeStrictRedis()`): a name alone (`client = fake`) may hold anything.
  let double = false;
  for (let k = start; k < a.tokens.length && k < start + MAX_DOUBLE_TOKENS; k++) {
    if (a.is(k, '(')) {
      return double;
    }
    if (!a.isId(k) && !a.isAccess(k)) {
      return false;
    }
    double ||= a.isId(k) && namesDoubleMaker(a.tokens.text(k));
  }
  return false;
}

/** What two values agree on: the same value, or for two clients of one kind (and flavor) that kind alone. */
export function agree(x: Value, y: Value): Value | undefined {
  if (JSON.stringify(x) === JSON.stringify(y)) {
    return x;
  }
  if (x.t !== 'client' || y.t !== 'client' || x.kind !== y.kind || x.flavor !== y.flavor) {
    return undefined;
  }
  return x.flavor ? { t: 'client', kind: x.kind, flavor: x.flavor } : { t: 'client', kind: x.kind };
}

/**
 * The value the bindings of a name agree on, for a use across a function boundary (`{ value: undefined }`
 * for nothing); undefined where the rule does not apply: a name bound to a function is read as before.
 * A binding being evaluated (the assignment that reads the name: `client = client ?? new Redis()`) is left
 * out, and the answer is then not kept, since it lacks that binding.
 */
export function agreedOuterValue(a: CodeAnalyzer, list: readonly Binding<Value>[]): { value: Value | undefined } | undefined {
  const known = a.frames.length > 0 ? undefined : agreedValues.peek(a, list);
  if (known !== undefined) {
    return known === 'function' ? undefined : { value: known ?? undefined };
  }
  if (list.length > MAX_BINDINGS) {
    agreedValues.set(a, list, null);
    return { value: undefined };
  }
  if (list.some((binding) => binding.fixed !== undefined)) {
    agreedValues.set(a, list, 'function');
    return undefined;
  }
  const { value, partial } = agreedValue(a, list);
  if (!partial && a.frames.length === 0) {
    agreedValues.set(a, list, value ?? null);
  }
  return { value };
}

/** What the bindings agree on, and whether one was left out as being evaluated (`partial`). */
function agreedValue(a: CodeAnalyzer, list: readonly Binding<Value>[]): { value: Value | undefined; partial: boolean } {
  let agreed: Value | undefined;
  let partial = false;
  for (const binding of list) {
    if (!carriesValue(binding) || empties(a, binding) || makesTestDouble(a, binding)) {
      continue;
    }
    if (a.isEvaluating(binding)) {
      partial = true;
      continue;
    }
    const value = a.valueOf(binding);
    agreed = value && (agreed ? agree(agreed, value) : value);
    if (!agreed) {
      return { value: undefined, partial };
    }
  }
  return { value: agreed, partial };
}

/**
 * Per file and token, the end of the suite of the statement that holds it: the first later line outside
 * brackets indented less than that statement's line, or the token count (a module-level statement has no
 * suite). Two passes, the first with a stack of the lines whose suite is still open, so that a file of
 * many emptying assignments stays linear, on one line or many.
 */
const suiteEndTables = new FileMemo<'suites', Int32Array>();

function suiteEnds(a: CodeAnalyzer): Int32Array {
  return suiteEndTables.get(a, 'suites', () => {
    const count = a.tokens.length;
    const isStatementLine = (k: number): boolean => a.startsLine(k) && a.parent[k] === -1;
    const indentOf = (k: number): number => a.lines.position(a.tokens.starts[k]).character;
    const lineEnds = new Int32Array(count).fill(count);
    const open: number[] = [];
    const indents: number[] = [];
    for (let k = 0; k < count; k++) {
      if (!isStatementLine(k)) {
        continue;
      }
      const indent = indentOf(k);
      while (indents.length > 0 && indents[indents.length - 1] > indent) {
        lineEnds[open.pop()!] = k;
        indents.pop();
      }
      open.push(k);
      indents.push(indent);
    }
    const ends = new Int32Array(count).fill(count);
    let end = count;
    for (let k = 0; k < count; k++) {
      if (isStatementLine(k)) {
        end = indentOf(k) > 0 ? lineEnds[k] : count;
      }
      ends[k] = end;
    }
    return ends;
  });
}

/** How many emptying assignments in a row a use looks past (it also bounds the work). */
const MAX_EMPTY_STEPS = 3;

/**
 * Whether the block that holds token `inner` (a Python suite by its indentation, a brace block elsewhere) closes
 * before token `use`: the statement at `inner` ran on one path only, and the use is reached on others too.
 */
function blockClosesBefore(a: CodeAnalyzer, inner: number, use: number): boolean {
  if (a.language.family === 'python') {
    return suiteEnds(a)[inner] <= use;
  }
  for (let open = a.parent[inner]; open >= 0; open = a.parent[open]) {
    if (a.is(open, '{') && a.partner[open] > inner && a.partner[open] < use) {
      return true;
    }
  }
  return false;
}

/**
 * A name read in the function that binds it, whose last assignment before the use only empties it in a block
 * that has closed by then (`try: client = Redis(...)` / `except ConnectionError: client = None`, then
 * `return client`): the name is the earlier value or nothing, and a call through nothing would throw, so it
 * reads as the earlier binding of the same scope, as across functions. An emptying assignment on the use's
 * own path (`client = None` then `client.get(k)`) still decides.
 */
export function pastEmptyingBranch(a: CodeAnalyzer, name: string, binding: Binding<Value>, use: number): Binding<Value> {
  let current = binding;
  for (let step = 0; step < MAX_EMPTY_STEPS && current.token >= 0 && current.token < use && empties(a, current) && blockClosesBefore(a, current.token, use); step++) {
    const earlier = current.token > 0 ? a.scopes.lookup(name, current.token - 1) : undefined;
    if (!earlier || earlier.token < 0 || earlier.token >= current.token || !carriesValue(earlier) || a.scopes.holderAt(earlier.token, true) !== a.scopes.holderAt(current.token, true)) {
      return binding;
    }
    current = earlier;
  }
  return current === binding || empties(a, current) ? binding : current;
}
