/**
 * Scopes for the brace languages (JavaScript/TypeScript, Java, C#, Go): class bodies, function bodies
 * with their parameters, lambdas, loops and blocks. Each language passes its keywords and, for its own
 * shapes of function, a finder of where a function's scope starts.
 */
import { TOKEN_KIND } from '../lexer';
import { copyInto } from '../typedArrays';
import { ScopeKind, ScopeTree } from '../scope/scopes';
import { codeOf, codeSet } from '../tokenCodes';
import type { CodeAnalyzer } from './analyzer';
import { Value } from './values';
import { angleDepthBackward, typeArgumentsOfCall } from './typeArguments';
import { bracelessLoopEnd } from './bracelessLoops';
import { controlKeywords } from './statementKeywords';
import { objectTypeAliasBrace } from './typeAliasBodies';
import { arrowParams } from './arrowParameters';

const { ID, STR, NUM, PUNCT } = TOKEN_KIND;

// Words and punctuation are compared by their token codes, so that the scans slice no strings.
const LOOP_KEYWORDS = codeSet(['for', 'while', 'foreach', 'do']);
/** Punctuation that ends a class declaration before its body (a `(` opens a group instead). */
const CLASS_SEARCH_STOPS = codeSet([';', '{', '}', '=', '=>', '->']);
/** Punctuation that ends a search back from `{` for the `)` of a function signature. */
const STATEMENT_PUNCT = codeSet([';', '{', '}', '(', ',', '=']);
const OPEN_BRACE = codeOf('{');
const OPEN_PAREN = codeOf('(');
const CLOSE_PAREN = codeOf(')');
const LESS_THAN = codeOf('<');
const GREATER_THAN = codeOf('>');
/** The lexer reads the end of nested type arguments (`Promise<Page<T>>`) as one `>>`. */
const SHIFT_RIGHT = codeOf('>>');
const COLON = codeOf(':');
const COMMA = codeOf(',');
const FAT_ARROW = codeOf('=>');
const THIN_ARROW = codeOf('->');
const DOUBLE_COLON = codeOf('::');
const EQUALS = codeOf('=');
const EXTENDS = codeOf('extends');
const WHERE = codeOf('where');
const TYPE = codeOf('type');
const AWAIT = codeOf('await');
const FOR = codeOf('for');
const CATCH = codeOf('catch');
const IF = codeOf('if');
const ELSE = codeOf('else');
const CLOSE_BRACE = codeOf('}');
/** Words that can continue an expression on the next line, so a line break there does not end it. */
const CONTINUING_WORDS = new Set(['in', 'of', 'instanceof', 'as', 'satisfies', 'is']);

/** What a brace language tells the scope pass, as each language writes it. */
export interface BraceLanguageSpec {
  classKeywords: readonly string[];
  /** `=>` (JavaScript, C#) or `->` (Java); none in Go and Kotlin (whose lambdas are braces). */
  arrow?: string;
  /** Words that end a class declaration that has no body (Kotlin's `data class Key(val id: String)` before `fun`). */
  classHeadStops?: readonly string[];
  /** Where the scope of a function whose body opens at `brace` starts (its parameters), or -1. */
  functionStart?(a: CodeAnalyzer, brace: number): number;
  /** Kotlin: the `(` of the parameters of a function whose body is the expression after the `=` at `eq` (`fun f(x: T) = x.g()`), or -1. */
  conciseStart?(a: CodeAnalyzer, eq: number): number;
  /** Where a loop whose body opens at `brace` starts, for loops without parentheses (Go), or -1. */
  loopStart?(a: CodeAnalyzer, brace: number): number;
}

/** The same with its words as token codes, made once per language when its module loads. */
export interface BraceLanguage extends Omit<BraceLanguageSpec, 'classKeywords' | 'arrow' | 'classHeadStops'> {
  classKeywords: Uint8Array;
  classHeadStops: Uint8Array;
  /** The arrow's token code, or -1. */
  arrow: number;
}

export function braceLanguage(spec: BraceLanguageSpec): BraceLanguage {
  return { ...spec, classKeywords: codeSet(spec.classKeywords), classHeadStops: codeSet(spec.classHeadStops ?? []), arrow: spec.arrow ? codeOf(spec.arrow) : -1 };
}

const CANDIDATE_KINDS: readonly ScopeKind[] = ['function', 'class', 'loop', 'block'];

/** Where each field of a candidate sits in its row of `Candidates.rows`. */
const KIND = 0;
const START = 1;
const END = 2;
const PARAMS = 3;
const BODY = 4;
const CONCISE = 5;
const FIELDS = 6;

/**
 * Scopes found before they are added in start order, one row of integers each in a typed array that
 * grows by doubling (a large file has one per brace, and as objects or number lists they were most of
 * what the scope pass left for the garbage collector).
 */
class Candidates {
  private rows = new Int32Array(FIELDS * 64);
  count = 0;

  push(kind: ScopeKind, start: number, end: number, params: number, body: number, concise: number): void {
    if ((this.count + 1) * FIELDS > this.rows.length) {
      this.rows = copyInto(this.rows, new Int32Array(this.rows.length * 2));
    }
    const at = this.count++ * FIELDS;
    this.rows[at + KIND] = CANDIDATE_KINDS.indexOf(kind);
    this.rows[at + START] = start;
    this.rows[at + END] = end;
    this.rows[at + PARAMS] = params;
    this.rows[at + BODY] = body;
    this.rows[at + CONCISE] = concise;
  }

  kind(k: number): ScopeKind {
    return CANDIDATE_KINDS[this.rows[k * FIELDS + KIND]];
  }

  start(k: number): number {
    return this.rows[k * FIELDS + START];
  }

  end(k: number): number {
    return this.rows[k * FIELDS + END];
  }

  params(k: number): number {
    return this.rows[k * FIELDS + PARAMS];
  }

  body(k: number): number {
    return this.rows[k * FIELDS + BODY];
  }

  concise(k: number): number {
    return this.rows[k * FIELDS + CONCISE];
  }

  /**
   * Indices in order of start, outer (longer) first when two start together. Candidates are found in
   * order of their brace and most start there, so the list is nearly sorted and an insertion sort does
   * little more than one pass; on input that is far from sorted (hostile nesting) it falls back to a
   * comparison sort, so the time stays O(n log n).
   */
  order(): Int32Array {
    const before = (x: number, y: number): boolean => this.start(x) < this.start(y) || (this.start(x) === this.start(y) && this.end(x) > this.end(y));
    const order = new Int32Array(this.count);
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
        const all = Int32Array.from({ length: this.count }, (_, index) => index);
        return all.sort((x, y) => this.start(x) - this.start(y) || this.end(y) - this.end(x));
      }
    }
    return order;
  }
}

/** Adds the scopes to the tree, and records the functions and the braces that open statement bodies. */
export function buildBraceScopes(a: CodeAnalyzer, tree: ScopeTree<Value>, language: BraceLanguage): void {
  const candidates = new Candidates();
  const codes = a.tokens.codes;
  const arrow = language.arrow;
  const classHeads = classBodies(a, language);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === arrow && codes[i + 1] !== OPEN_BRACE) {
      const params = arrowParams(a, i);
      if (params >= 0) {
        candidates.push('function', params, expressionEnd(a, i + 1), params, -1, i + 1);
      }
      continue;
    }
    if (code === EQUALS && language.conciseStart) {
      const params = language.conciseStart(a, i);
      if (params >= 0) {
        candidates.push('function', params, expressionEnd(a, i + 1), params, -1, i + 1);
        continue;
      }
    }
    if (code === OPEN_PAREN) {
      const bodyEnd = bracelessLoopEnd(a, i);
      if (bodyEnd > 0) {
        candidates.push('loop', i, bodyEnd, -1, -1, -1);
      }
      continue;
    }
    if (code !== OPEN_BRACE || a.partner[i] < i) {
      continue;
    }
    const end = a.partner[i] + 1;
    if (classHeads.has(i)) {
      candidates.push('class', i, end, -1, i, -1);
      continue;
    }
    const start = codes[i - 1] === arrow ? arrowParams(a, i - 1) : (language.functionStart ?? signatureStart)(a, i);
    if (start >= 0) {
      candidates.push('function', start, end, start, i, -1);
      continue;
    }
    const head = codes[i - 1] === CLOSE_PAREN ? a.partner[i - 1] : -1;
    // The keyword before the head: `for (`, `for await (`, `catch (`, or before the brace: `do {`.
    const keyword = head > 0 ? (codes[head - 1] === AWAIT && codes[head - 2] === FOR ? head - 2 : head - 1) : i - 1;
    const loop = language.loopStart?.(a, i) ?? -1;
    if (loop >= 0) {
      candidates.push('loop', loop, end, -1, i, -1);
    } else if (LOOP_KEYWORDS[codes[keyword]] === 1) {
      candidates.push('loop', head > 0 ? head : i, end, -1, i, -1);
    } else {
      candidates.push('block', head > 0 && codes[keyword] === CATCH ? head : i, end, -1, i, -1);
    }
  }
  const classes: { scope: number; head: ClassHead }[] = [];
  // Per brace token, the block scope it opens plus one (0: none): a map of thousands of entries cost more.
  const blockScopes = new Int32Array(codes.length);
  for (const k of candidates.order()) {
    const kind = candidates.kind(k);
    // Loops hold their own `let` and `for (const x of ...)` names in the brace languages.
    const scope = tree.add(kind, candidates.start(k), candidates.end(k), true);
    if (scope < 0) {
      continue;
    }
    const body = candidates.body(k);
    if (body >= 0) {
      a.bodies[body] = 1;
    }
    if (kind === 'function') {
      a.functions.set(scope, { scope, params: candidates.params(k), body, concise: candidates.concise(k) });
    } else if (kind === 'class') {
      classes.push({ scope, head: classHeads.get(body)! });
    } else if (kind === 'block') {
      blockScopes[body] = scope + 1;
      linkElse(a, tree, blockScopes, body, scope);
    }
  }
  linkClasses(a, tree, classes);
}

/** How far back a Go `else if` condition is looked through for its `if`: a condition is a line's worth of tokens. */
const MAX_CONDITION_TOKENS = 64;

/**
 * Makes an `else { ... }` or `else if (...) { ... }` block a branch of the if/else chain of the block before
 * its `else`, so that no run reaches two of them (`ScopeTree.exclusive`). A Go `else if x {` has no
 * parentheses: its `if` is found back through the condition's tokens on the brace's line.
 */
function linkElse(a: CodeAnalyzer, tree: ScopeTree<Value>, blockScopes: Int32Array, brace: number, scope: number): void {
  const codes = a.tokens.codes;
  const head = codes[brace - 1] === CLOSE_PAREN ? a.partner[brace - 1] : -1;
  const ifToken = head > 1 && codes[head - 1] === IF ? head - 1 : head < 0 && a.language.family === 'go' ? unparenthesisedIf(a, brace) : -1;
  const elseToken = codes[brace - 1] === ELSE ? brace - 1 : ifToken > 0 && codes[ifToken - 1] === ELSE ? ifToken - 1 : -1;
  if (elseToken < 1 || codes[elseToken - 1] !== CLOSE_BRACE) {
    return;
  }
  const open = a.partner[elseToken - 1];
  const previous = open >= 0 ? blockScopes[open] - 1 : -1;
  if (previous < 0) {
    return;
  }
  if (tree.chainOf(previous) < 0) {
    tree.setBranch(previous, previous);
  }
  tree.setBranch(scope, tree.chainOf(previous));
}

/** The `if` of a Go condition that ends at `brace` (`if err != nil {`), on the brace's line, or -1. */
function unparenthesisedIf(a: CodeAnalyzer, brace: number): number {
  const line = a.lines.lineOf(a.tokens.starts[brace]);
  for (let k = brace - 1, steps = 0; k > 0 && steps < MAX_CONDITION_TOKENS; steps++) {
    const code = a.tokens.codes[k];
    if (code === IF) {
      return k;
    }
    if (code === OPEN_BRACE || code === CLOSE_BRACE || a.lines.lineOf(a.tokens.starts[k]) !== line) {
      return -1;
    }
    // A group in the condition (`if ok(x) {`, `if m[k] != nil {`) is stepped over whole.
    k = a.partner[k] >= 0 && a.partner[k] < k ? a.partner[k] - 1 : k - 1;
  }
  return -1;
}

/** JavaScript/Java/C#: `name(params) {`, `function (params) {`, `) throws X {`, `): Promise<T> {`. */
export function signatureStart(a: CodeAnalyzer, brace: number): number {
  const codes = a.tokens.codes;
  const control = controlKeywords(a);
  // Commas between type arguments of a return type (`): Omit<Input, 'TableName'> {`) do not end the signature.
  let typeArguments = 0;
  for (let k = brace - 1, steps = 0; k >= 0 && steps < 40; k--, steps++) {
    const code = codes[k];
    if (code === GREATER_THAN) {
      typeArguments++;
    } else if (code === SHIFT_RIGHT) {
      typeArguments += 2;
    } else if (code === LESS_THAN && typeArguments > 0) {
      typeArguments--;
    } else if (code === LESS_THAN && a.language.family === 'js') {
      // The brace opens an object type among type arguments (`): Promise<{ items: Item[] }> {`), not a body.
      return -1;
    }
    if (code === COMMA && (typeArguments > 0 || inThrowsClause(a, k))) {
      continue;
    }
    // An object type among the return type's arguments (`Promise<{ items: Item[]; next?: string }>`) is one step.
    if (code === CLOSE_BRACE && typeArguments > 0 && a.language.family === 'js' && a.partner[k] >= 0 && a.partner[k] < k) {
      k = a.partner[k];
      continue;
    }
    if (code === CLOSE_PAREN) {
      const open = a.partner[k];
      if (open <= 0) {
        return -1;
      }
      if (a.isId(open - 1)) {
        return control[codes[open - 1]] === 1 ? -1 : open;
      }
      return genericMethodName(a, open - 1) >= 0 ? open : -1;
    }
    if (STATEMENT_PUNCT[code] === 1 || control[code] === 1) {
      return -1;
    }
    // C# `Query(string id) => new QueryRequest { ... };`, Java `r -> new Item() {`: the brace is in the arrow's
    // expression (an initializer, an anonymous class), not a body of the signature before the arrow.
    if ((code === FAT_ARROW && a.language.family === 'csharp') || (code === THIN_ARROW && a.language.family === 'java')) {
      return -1;
    }
  }
  return -1;
}

/** Exceptions a Java `throws` clause lists: a search back from a comma for `throws` gives up past this many tokens. */
const MAX_THROWS_TOKENS = 24;

/**
 * Java: whether the comma at `comma` separates the exceptions of a `throws` clause (`) throws SQLException,
 * ClassNotFoundException {`): names and dots back to `throws`, which a `)` precedes.
 */
function inThrowsClause(a: CodeAnalyzer, comma: number): boolean {
  if (a.language.family !== 'java') {
    return false;
  }
  for (let k = comma - 1; k > 0 && k >= comma - MAX_THROWS_TOKENS; k--) {
    if (a.idIs(k, 'throws')) {
      return a.is(k - 1, ')');
    }
    if (!a.isId(k) && !a.is(k, '.') && !a.is(k, ',')) {
      return false;
    }
  }
  return false;
}

/** Type parameters are short; a search back for their `<` gives up past this many tokens. */
const MAX_TYPE_PARAMETER_TOKENS = 40;

/**
 * The name of a generic method whose type parameters end at `close` (C# and TypeScript `Get<T>(`, `list<K, V>(`), or -1.
 * A C# `new List<T>() { ... }` initializer is no method.
 */
function genericMethodName(a: CodeAnalyzer, close: number): number {
  let depth = 0;
  for (let k = close, steps = 0; k > 0 && steps < MAX_TYPE_PARAMETER_TOKENS; k--, steps++) {
    const change = angleDepthBackward(a, k);
    if (change === 0 && (k === close || (STATEMENT_PUNCT[a.tokens.codes[k]] === 1 && !a.is(k, ',')) || a.is(k, ')'))) {
      return -1;
    }
    depth += change;
    if (change < 0 && depth === 0) {
      return a.isId(k - 1) && controlKeywords(a)[a.tokens.codes[k - 1]] !== 1 && !a.idIs(k - 2, 'new') ? k - 1 : -1;
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
function classBodies(a: CodeAnalyzer, language: BraceLanguage): Map<number, ClassHead> {
  const keywords = language.classKeywords;
  const stops = language.classHeadStops;
  const tokens = a.tokens;
  const codes = tokens.codes;
  const control = controlKeywords(a);
  const heads = new Map<number, ClassHead>();
  const NONE = -2;
  let depth = NONE;
  let keyword = -1;
  let base = -1;
  // The base class is the first name after `extends` or `:`, before any C# `where` constraint.
  let baseOpen = true;
  const csharp = a.language.family === 'csharp';
  const parent = a.parent;
  for (let i = 0; i < tokens.length; i++) {
    const code = codes[i];
    // Most tokens are neither a keyword nor in a class head: two array reads settle them.
    const inHead = depth !== NONE && parent[i] === depth;
    // A TypeScript object type alias (`type Deps = { redis: Redis }`) declares members as an interface does.
    const aliasBrace = code === TYPE && !inHead ? objectTypeAliasBrace(a, i) : -1;
    if (aliasBrace > 0) {
      heads.set(aliasBrace, { keyword: i, base: -1 });
      continue;
    }
    // `where T : class` constrains a type parameter, of a class head or, in C# (which has no class expressions), of a method.
    // Kotlin's `Order::class` names a class; it declares none.
    if (keywords[code] === 1 && !((codes[i - 1] === COLON || codes[i - 1] === COMMA) && (inHead || csharp)) && codes[i - 1] !== DOUBLE_COLON) {
      depth = a.isAccess(i - 1) ? NONE : parent[i];
      keyword = i;
      base = -1;
      baseOpen = true;
      continue;
    }
    if (!inHead) {
      continue;
    }
    if (code === OPEN_BRACE) {
      heads.set(i, { keyword, base });
      depth = NONE;
    } else if (code === LESS_THAN && a.language.typeArguments) {
      const close = typeParametersEnd(a, i);
      if (close < 0) {
        depth = NONE;
      } else {
        i = close;
      }
    } else if (baseOpen && (code === EXTENDS || code === COLON)) {
      base = a.isId(i + 1) ? i + 1 : -1;
      baseOpen = false;
    } else if (code === WHERE) {
      baseOpen = false;
    } else if (CLASS_SEARCH_STOPS[code] === 1 || control[code] === 1 || stops[code] === 1) {
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

/**
 * Names each class scope in the tree and links it to its base class when the file declares that class; a base
 * the file does not declare (`extends Redis`) is noted for the analyzer, which reads it as a type.
 */
function linkClasses(a: CodeAnalyzer, tree: ScopeTree<Value>, classes: { scope: number; head: ClassHead }[]): void {
  for (const { scope, head } of classes) {
    const name = a.id(head.keyword + 1);
    if (name && name !== 'extends') {
      tree.nameClass(scope, name);
    }
  }
  for (const { scope, head } of classes) {
    // A qualified base (`extends DynamoDB.DocumentClient`) is never a class of the file.
    const base = head.base >= 0 && !a.is(head.base + 1, '.') ? tree.classNamed(a.tokens.text(head.base)) : -1;
    if (base > 0) {
      tree.setBase(scope, base);
    } else if (head.base >= 0) {
      a.outsideBases.set(scope, head.base);
    }
  }
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
    if (j > from && a.startsLine(j) && endsExpression(a, j - 1) && (startsExpression(a, j) || pythonDecorator(a, j))) {
      return j;
    }
    const typeClose = typeArgumentsOfCall(a, j);
    j = typeClose > 0 ? typeClose + 1 : a.skipGroup(j);
  }
  return tokens.length;
}

function endsExpression(a: CodeAnalyzer, k: number): boolean {
  const kind = a.tokens.kinds[k];
  return kind === ID || kind === STR || kind === NUM || a.is(k, ')') || a.is(k, ']') || a.is(k, '}');
}

/** A Python decorator line (`@lru_cache(...)` above the next `def`), outside brackets: not a `@` operator continuing the line before. */
function pythonDecorator(a: CodeAnalyzer, k: number): boolean {
  return a.language.family === 'python' && a.is(k, '@') && a.parent[k] === -1;
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
    } else if (a.is(k, '<')) {
      k = Math.max(k, typeArgumentsOfCall(a, k));
    }
  }
  if (start < close) {
    result.push([start, close]);
  }
  return result;
}

/** Whether the name at `name` is called with a Kotlin lambda as its only argument (`ddb.putItem { tableName = t }`). */
export function trailingLambdaCall(a: CodeAnalyzer, name: number): boolean {
  return a.language.trailingLambdas === true && a.is(name + 1, '{') && a.bodies[name + 1] === 1 && a.partner[name + 1] > name;
}
