/**
 * Python tuples of clients: the sequence a `return` or an assignment writes out (`return ddb, cache`,
 * `return (ddb, cache)`, `return [ddb, cache]`), and the targets that unpack one (`ddb, cache = f()`,
 * `(ddb, _) = f()`, `self.ddb, self.cache = f()`), each bound to its element (see `sequences.ts`). A
 * starred target (`a, *rest = f()`) leaves every name of its list unknown, as does a nested pattern.
 */
import { Binding, ScopeTree } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { Value } from '../values';

/** Top-level steps a sequence's statement is read for: past this, it is no sequence worth reading (and the work stays bounded). */
const MAX_STATEMENT_STEPS = 256;

type BindName = (name: string, holder: number, binding: Binding<Value>) => void;

/** The items of tokens [from, to), split at the commas of their level, and whether there was a comma (`x,` is a tuple of one). */
function itemsOf(a: CodeAnalyzer, from: number, to: number): { items: [number, number][]; comma: boolean } {
  const items: [number, number][] = [];
  let comma = false;
  let start = from;
  for (let k = from; k < to; k = a.skipGroup(k)) {
    if (a.is(k, ',')) {
      items.push([start, k]);
      start = k + 1;
      comma = true;
    }
  }
  if (start < to) {
    items.push([start, to]);
  }
  return { items, comma };
}

/** The targets of an assignment written as a list (`a, b`, `(a, b)`, `[a, b]`), or undefined for one target. */
function targetList(a: CodeAnalyzer, start: number, eq: number): [number, number][] | undefined {
  const bracketed = (a.is(start, '(') || a.is(start, '[')) && a.partner[start] === eq - 1;
  const { items, comma } = bracketed ? itemsOf(a, start + 1, eq - 1) : itemsOf(a, start, eq);
  return comma || (bracketed && a.is(start, '[')) ? items : undefined;
}

/**
 * `a, b = value` with the statement at `start` and its `=` at `eq`: binds each plain name, and each
 * `self.x` field, to its element of the value. Returns false where the target is not a list, or holds an
 * `=` (a chained assignment, left as it was read before).
 */
export function unpackingAssignment(a: CodeAnalyzer, tree: ScopeTree<Value>, start: number, eq: number, bindName: BindName): boolean {
  const targets = targetList(a, start, eq);
  if (!targets || targets.some(([from, to]) => hasEquals(a, from, to))) {
    return false;
  }
  const starred = targets.some(([from]) => a.is(from, '*'));
  const holder = tree.holderAt(start);
  targets.forEach(([from, to], position) => {
    const carries = starred ? {} : { unpacked: { from: eq + 1, position, count: targets.length } };
    if (to === from + 1 && a.isId(from)) {
      bindName(a.tokens.text(from), holder, { token: from, expression: -1, ...carries });
    } else if (to === from + 3 && (a.idIs(from, 'self') || a.idIs(from, 'cls')) && a.is(from + 1, '.') && a.isId(from + 2)) {
      const classScope = tree.enclosing(eq, ['class']);
      if (classScope > 0) {
        tree.bind(classScope, `.${a.tokens.text(from + 2)}`, { token: from + 2, expression: -1, ...carries });
      }
    } else if (a.is(from, '*') || a.is(from, '(') || a.is(from, '[')) {
      // `*rest`, a nested pattern: its names are rebound to something not known.
      for (let k = from; k < to; k++) {
        if (a.isId(k) && !a.isAccess(k - 1) && !a.isAccess(k + 1) && !a.is(k + 1, '[') && !a.is(k + 1, '(')) {
          bindName(a.tokens.text(k), holder, { token: k, expression: -1 });
        }
      }
    }
  });
  return true;
}

function hasEquals(a: CodeAnalyzer, from: number, to: number): boolean {
  for (let k = from; k < to; k = a.skipGroup(k)) {
    if (a.is(k, '=')) {
      return true;
    }
  }
  return false;
}

/**
 * Where the statement whose value starts at `start` ends, or -1 where it is too long or holds another `=`
 * at its level (`a, b = c, d = f()`).
 */
function valueEnd(a: CodeAnalyzer, start: number): number {
  let k = start;
  for (let steps = 0; k < a.tokens.length && !a.is(k, ';') && !(k > start && a.parent[k] === -1 && a.startsLine(k)); steps++) {
    if (a.is(k, '=') || steps >= MAX_STATEMENT_STEPS) {
      return -1;
    }
    k = a.skipGroup(k);
  }
  return k;
}

/**
 * The sequence of clients the items write out: null for an item that is anything else; nothing when none
 * is a client, or an item is starred (`*others`: the count is not known).
 */
function sequenceOf(a: CodeAnalyzer, items: readonly [number, number][]): Value | undefined {
  if (items.some(([from]) => a.is(from, '*') || a.is(from, '**'))) {
    return undefined;
  }
  const elements = items.map(([from, to]) => {
    const chain = a.evalChain(from, to);
    return chain.end === to && chain.value?.t === 'client' ? chain.value : null;
  });
  return elements.some((element) => element !== null) ? { t: 'sequence', elements } : undefined;
}

/**
 * The sequence the value of a `return` or an assignment that starts at `start` writes out, or gives by a
 * call that is the whole value (`return make_clients()`, `ddb, cache = make_clients()`). See `CodeLanguage.sequenceAt`.
 */
export function sequenceAt(a: CodeAnalyzer, start: number): { value: Value | undefined } | undefined {
  if (a.parent[start] !== -1 || !(a.idIs(start - 1, 'return') || a.is(start - 1, '='))) {
    return undefined;
  }
  const end = valueEnd(a, start);
  if (end < 0) {
    return { value: undefined };
  }
  const { items, comma } = itemsOf(a, start, end);
  if (comma) {
    return { value: sequenceOf(a, items) };
  }
  if ((a.is(start, '(') || a.is(start, '[')) && a.partner[start] === end - 1) {
    const inner = itemsOf(a, start + 1, end - 1);
    // `(x)` is `x`; `[x]` is a list of one.
    if (inner.comma || a.is(start, '[')) {
      return { value: sequenceOf(a, inner.items) };
    }
  }
  const chain = a.evalChain(start, end);
  return chain.value?.t === 'sequence' ? { value: chain.end === end ? chain.value : undefined } : undefined;
}
