/**
 * Scopes for the brace languages (JavaScript/TypeScript, Java, C#, Go): class bodies, function bodies
 * with their parameters, lambdas, loops and blocks. Each language passes its keywords and, for its own
 * shapes of function, a finder of where a function's scope starts.
 */
import { TOKEN_KIND } from '../lexer';
import { ScopeKind, ScopeTree } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { Value } from './values';

const { ID, STR, NUM, PUNCT } = TOKEN_KIND;

// Word lists are compared against tokens in place (`isOneOf`), so the backward scans slice no strings.
// `await` for `for await (...)`, which is a loop and not a method named await.
const CONTROL_KEYWORDS = ['if', 'for', 'while', 'switch', 'catch', 'with', 'foreach', 'using', 'lock', 'synchronized', 'return', 'else', 'try', 'do', 'finally', 'select', 'fixed', 'await'];
const LOOP_KEYWORDS = ['for', 'while', 'foreach', 'do'];
/** Punctuation that ends a class declaration before its body (a `(` opens a group instead). */
const CLASS_SEARCH_STOPS = [';', '{', '}', '=', '=>', '->', '('];
/** Punctuation that ends a search back from `{` for the `)` of a function signature. */
const STATEMENT_PUNCT = [';', '{', '}', '(', ',', '='];
/** Words that can continue an expression on the next line, so a line break there does not end it. */
const CONTINUING_WORDS = new Set(['in', 'of', 'instanceof', 'as', 'satisfies', 'is']);

export interface BraceLanguage {
  classKeywords: readonly string[];
  /** `=>` (JavaScript, C#) or `->` (Java); none in Go. */
  arrow?: string;
  /** Where the scope of a function whose body opens at `brace` starts (its parameters), or -1. */
  functionStart?(a: CodeAnalyzer, brace: number): number;
  /** Where a loop whose body opens at `brace` starts, for loops without parentheses (Go), or -1. */
  loopStart?(a: CodeAnalyzer, brace: number): number;
}

const CANDIDATE_KINDS: readonly ScopeKind[] = ['function', 'class', 'loop', 'block'];

/** Scopes found before they are added in start order, as parallel arrays (one entry per brace of a large file). */
class Candidates {
  kinds: number[] = [];
  starts: number[] = [];
  ends: number[] = [];
  params: number[] = [];
  bodies: number[] = [];
  concise: number[] = [];

  push(kind: ScopeKind, start: number, end: number, params: number, body: number, concise: number): void {
    this.kinds.push(CANDIDATE_KINDS.indexOf(kind));
    this.starts.push(start);
    this.ends.push(end);
    this.params.push(params);
    this.bodies.push(body);
    this.concise.push(concise);
  }

  /**
   * Indices in order of start, outer (longer) first when two start together. Candidates are found in
   * order of their brace and most start there, so the list is nearly sorted and an insertion sort does
   * little more than one pass; on input that is far from sorted (hostile nesting) it falls back to a
   * comparison sort, so the time stays O(n log n).
   */
  order(): Int32Array {
    const { starts, ends } = this;
    const before = (x: number, y: number): boolean => starts[x] < starts[y] || (starts[x] === starts[y] && ends[x] > ends[y]);
    const order = new Int32Array(starts.length);
    let moves = 0;
    for (let k = 0; k < order.length; k++) {
      let at = k;
      while (at > 0 && before(k, order[at - 1])) {
        order[at] = order[at - 1];
        at--;
      }
      order[at] = k;
      moves += k - at;
      if (moves > 4 * order.length + 1024) {
        const all = Int32Array.from({ length: starts.length }, (_, index) => index);
        return all.sort((x, y) => starts[x] - starts[y] || ends[y] - ends[x]);
      }
    }
    return order;
  }
}

/** Adds the scopes to the tree, and records the functions and the braces that open statement bodies. */
export function buildBraceScopes(a: CodeAnalyzer, tree: ScopeTree<Value>, language: BraceLanguage): void {
  const candidates = new Candidates();
  const tokens = a.tokens;
  const classHeads = classBodies(a, language.classKeywords);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.kinds[i] !== PUNCT) {
      continue;
    }
    if (language.arrow && a.is(i, language.arrow) && !a.is(i + 1, '{')) {
      const params = arrowParams(a, i);
      if (params >= 0) {
        candidates.push('function', params, expressionEnd(a, i + 1), params, -1, i + 1);
      }
      continue;
    }
    if (!a.is(i, '{') || a.partner[i] < i) {
      continue;
    }
    const end = a.partner[i] + 1;
    if (classHeads.has(i)) {
      candidates.push('class', i, end, -1, i, -1);
      continue;
    }
    const start = language.arrow && a.is(i - 1, language.arrow) ? arrowParams(a, i - 1) : (language.functionStart ?? signatureStart)(a, i);
    if (start >= 0) {
      candidates.push('function', start, end, start, i, -1);
      continue;
    }
    const head = a.is(i - 1, ')') ? a.partner[i - 1] : -1;
    // The keyword before the head: `for (`, `for await (`, `catch (`, or before the brace: `do {`.
    const keyword = head > 0 ? (a.idIs(head - 1, 'await') && a.idIs(head - 2, 'for') ? head - 2 : head - 1) : i - 1;
    const loop = language.loopStart?.(a, i) ?? -1;
    if (loop >= 0) {
      candidates.push('loop', loop, end, -1, i, -1);
    } else if (a.isId(keyword) && a.tokens.isOneOf(keyword, LOOP_KEYWORDS)) {
      candidates.push('loop', head > 0 ? head : i, end, -1, i, -1);
    } else {
      candidates.push('block', head > 0 && a.idIs(keyword, 'catch') ? head : i, end, -1, i, -1);
    }
  }
  const classes: { scope: number; head: ClassHead }[] = [];
  for (const k of candidates.order()) {
    const kind = CANDIDATE_KINDS[candidates.kinds[k]];
    // Loops hold their own `let` and `for (const x of ...)` names in the brace languages.
    const scope = tree.add(kind, candidates.starts[k], candidates.ends[k], true);
    if (scope < 0) {
      continue;
    }
    const body = candidates.bodies[k];
    if (body >= 0) {
      a.bodies[body] = 1;
    }
    if (kind === 'function') {
      a.functions.set(scope, { scope, params: candidates.params[k], body, concise: candidates.concise[k] });
    } else if (kind === 'class') {
      classes.push({ scope, head: classHeads.get(body)! });
    }
  }
  linkClasses(a, tree, classes);
}

/** JavaScript/Java/C#: `name(params) {`, `function (params) {`, `) throws X {`, `): Promise<T> {`. */
export function signatureStart(a: CodeAnalyzer, brace: number): number {
  for (let k = brace - 1, steps = 0; k >= 0 && steps < 40; k--, steps++) {
    const kind = a.tokens.kinds[k];
    if (kind === PUNCT && a.is(k, ')')) {
      const open = a.partner[k];
      if (open <= 0) {
        return -1;
      }
      if (a.isId(open - 1)) {
        return a.tokens.isOneOf(open - 1, CONTROL_KEYWORDS) ? -1 : open;
      }
      return -1;
    }
    if (kind === PUNCT && a.tokens.isOneOf(k, STATEMENT_PUNCT)) {
      return -1;
    }
    if (kind === ID && a.tokens.isOneOf(k, CONTROL_KEYWORDS)) {
      return -1;
    }
  }
  return -1;
}

/** A class declaration's head: its keyword and the token that names its base class (`extends Base`, C# `: Base`), or -1. */
interface ClassHead {
  keyword: number;
  base: number;
}

/**
 * The braces that open a class body, in one forward pass: the first `{` after a class keyword at the
 * keyword's own depth, unless the statement ends first (parenthesised groups in between, such as a
 * C# primary constructor, sit deeper and are passed over, and so are type parameters and arguments:
 * `class Repo<T extends { id: string }> extends Base<{ a: 1 }> {`).
 */
function classBodies(a: CodeAnalyzer, keywords: readonly string[]): Map<number, ClassHead> {
  const tokens = a.tokens;
  const heads = new Map<number, ClassHead>();
  const NONE = -2;
  let depth = NONE;
  let keyword = -1;
  let base = -1;
  // The base class is the first name after `extends` or `:`, before any C# `where` constraint.
  let baseOpen = true;
  for (let i = 0; i < tokens.length; i++) {
    const kind = tokens.kinds[i];
    const inHead = depth !== NONE && a.parent[i] === depth;
    if (kind === ID && tokens.isOneOf(i, keywords) && !(inHead && (a.is(i - 1, ':') || a.is(i - 1, ',')))) {
      depth = a.isAccess(i - 1) ? NONE : a.parent[i];
      keyword = i;
      base = -1;
      baseOpen = true;
      continue;
    }
    if (!inHead) {
      continue;
    }
    if (kind === PUNCT && tokens.is(i, '{')) {
      heads.set(i, { keyword, base });
      depth = NONE;
    } else if (kind === PUNCT && tokens.is(i, '<') && a.language.typeArguments) {
      const close = typeParametersEnd(a, i);
      if (close < 0) {
        depth = NONE;
      } else {
        i = close;
      }
    } else if (baseOpen && ((kind === ID && tokens.is(i, 'extends')) || (kind === PUNCT && tokens.is(i, ':')))) {
      base = a.isId(i + 1) && !a.is(i + 2, '.') ? i + 1 : -1;
      baseOpen = false;
    } else if (kind === ID && tokens.is(i, 'where')) {
      baseOpen = false;
    } else if ((kind === PUNCT && !tokens.is(i, '(') && tokens.isOneOf(i, CLASS_SEARCH_STOPS)) || (kind === ID && tokens.isOneOf(i, CONTROL_KEYWORDS))) {
      depth = NONE;
    }
  }
  return heads;
}

/**
 * The `>` that closes type parameters or arguments opened at `open`, stepping over bracket groups; -1 if
 * none near, or when a statement ends or a bracket is left open first.
 */
function typeParametersEnd(a: CodeAnalyzer, open: number): number {
  let depth = 0;
  for (let k = open, steps = 0; k < a.tokens.length && steps < MAX_TYPE_PARAMETER_STEPS; k = a.skipGroup(k), steps++) {
    if (a.is(k, '<')) {
      depth++;
    } else if (a.is(k, '>') || a.is(k, '>>')) {
      depth -= a.tokens.ends[k] - a.tokens.starts[k];
      if (depth <= 0) {
        return k;
      }
    } else if (a.is(k, ';') || (a.partner[k] < k && a.tokens.kinds[k] === PUNCT && a.tokens.isOneOf(k, BRACKETS))) {
      return -1;
    }
  }
  return -1;
}

/** Brackets, for the search for the end of type parameters: a closer, or an opener left open, ends it. */
const BRACKETS = ['(', ')', '[', ']', '{', '}'];
/** Type parameters and arguments of a class head are short; bracket groups count as one step. */
const MAX_TYPE_PARAMETER_STEPS = 64;

/** Names each class scope in the tree and links it to its base class, when the file declares that class. */
function linkClasses(a: CodeAnalyzer, tree: ScopeTree<Value>, classes: { scope: number; head: ClassHead }[]): void {
  for (const { scope, head } of classes) {
    const name = a.id(head.keyword + 1);
    if (name && name !== 'extends') {
      tree.nameClass(scope, name);
    }
  }
  for (const { scope, head } of classes) {
    const base = head.base >= 0 ? tree.classNamed(a.tokens.text(head.base)) : -1;
    if (base > 0) {
      tree.setBase(scope, base);
    }
  }
}

/** The parameters before an arrow: `(a, b) =>`, `a =>`, `async (a) =>`. */
function arrowParams(a: CodeAnalyzer, arrow: number): number {
  const before = arrow - 1;
  if (a.is(before, ')')) {
    return a.partner[before];
  }
  return a.isId(before) ? before : -1;
}

/** Where an expression ends: a `,` or `;` at its depth, the enclosing closer, or a new statement on a new line. */
export function expressionEnd(a: CodeAnalyzer, from: number): number {
  const tokens = a.tokens;
  let j = from;
  while (j < tokens.length) {
    if (a.partner[j] >= 0 && a.partner[j] < j) {
      return j;
    }
    if (a.is(j, ',') || a.is(j, ';')) {
      return j;
    }
    if (j > from && a.startsLine(j) && endsExpression(a, j - 1) && startsExpression(a, j)) {
      return j;
    }
    j = a.skipGroup(j);
  }
  return tokens.length;
}

function endsExpression(a: CodeAnalyzer, k: number): boolean {
  const kind = a.tokens.kinds[k];
  return kind === ID || kind === STR || kind === NUM || a.is(k, ')') || a.is(k, ']') || a.is(k, '}');
}

function startsExpression(a: CodeAnalyzer, k: number): boolean {
  const kind = a.tokens.kinds[k];
  return (kind === ID && !CONTINUING_WORDS.has(a.tokens.text(k))) || kind === STR || kind === NUM;
}

/** Top-level segments of a bracket group, split at commas: [start, end) token ranges. */
export function segments(a: CodeAnalyzer, open: number): [number, number][] {
  const close = a.partner[open];
  const result: [number, number][] = [];
  if (close < 0) {
    return result;
  }
  let start = open + 1;
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    if (a.is(k, ',')) {
      result.push([start, k]);
      start = k + 1;
    }
  }
  if (start < close) {
    result.push([start, close]);
  }
  return result;
}
