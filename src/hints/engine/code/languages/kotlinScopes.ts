/**
 * Kotlin's scopes, on the brace languages' pass (`braces.ts`): a function's body follows its signature
 * (`fun scan(table: String): List<Item> {`, `constructor(x: T) {`, a getter's `get() {`); any other brace after a
 * call, a name or an `=` opens a lambda (`items.forEach { item -> ... }`, `client.use {`, `= run {`), whose
 * scope starts at the brace; the braces of `if`, `when`, `for`, `try` and a `when` branch's `->` are blocks.
 */
import type { CodeAnalyzer } from '../analyzer';
import { braceLanguage } from '../braces';

/** Words a block's brace follows (`else {`, `try {`, `init {`), and the keywords of a parenthesised head (`if (x) {`). */
const BLOCK_WORDS = new Set(['else', 'try', 'finally', 'do', 'init', 'if', 'for', 'while', 'catch', 'when', 'return', 'throw', 'in', 'is', 'as']);
/** Words that declare a function whose parameters a `(` opens. */
const FUNCTION_WORDS = new Set(['constructor', 'get', 'set']);
/** How far back a return type, or a function's name after `fun`, is looked for. */
const MAX_SIGNATURE_TOKENS = 40;
/** Tokens a return type is written with: `List<Map<String, AttributeValue>>?`, `Flow<Item>`. */
const TYPE_PUNCT = new Set(['.', '<', '>', '>>', ',', '?', '*']);

/** Whether the token closes a type's arguments or makes it nullable: `List<Item>`, `Map<K, List<V>>`, `Item?`. */
function endsType(a: CodeAnalyzer, k: number): boolean {
  return a.is(k, '>') || a.is(k, '>>') || a.is(k, '?');
}

/** The `(` of a function declaration's parameters whose `)` is at `close`, or -1. */
function declaredParams(a: CodeAnalyzer, close: number): number {
  const open = a.partner[close];
  if (open <= 0 || !a.isId(open - 1)) {
    return -1;
  }
  if (FUNCTION_WORDS.has(a.tokens.text(open - 1)) && !a.isAccess(open - 2)) {
    return open;
  }
  // `fun name(`, `fun <T> name(`, `fun <T : Item> Receiver.name(`, `fun Receiver.name(`, `fun Map<K, V>.name(`.
  for (let k = open - 2, steps = 0; k >= 0 && steps < MAX_SIGNATURE_TOKENS; k--, steps++) {
    if (a.idIs(k, 'fun')) {
      return open;
    }
    if (!a.isId(k) && !TYPE_PUNCT.has(a.tokens.text(k)) && !a.is(k, ':')) {
      return -1;
    }
  }
  return -1;
}

/** The `)` before a return type that ends at `last` (`): List<Item>? {`), or -1. */
function beforeReturnType(a: CodeAnalyzer, last: number): number {
  for (let k = last, steps = 0; k > 0 && steps < MAX_SIGNATURE_TOKENS; k--, steps++) {
    if (a.is(k, ':')) {
      return a.is(k - 1, ')') ? k - 1 : -1;
    }
    if (!a.isId(k) && !TYPE_PUNCT.has(a.tokens.text(k))) {
      return -1;
    }
  }
  return -1;
}

/** Where the scope of the function or lambda whose body opens at `brace` starts (its `(`, or the brace of a lambda), or -1 for a block. */
function functionStart(a: CodeAnalyzer, brace: number): number {
  const before = brace - 1;
  if (before < 0 || a.is(before, '->') || a.is(before, '{') || a.is(before, '}') || a.is(before, ';')) {
    return -1;
  }
  if (a.is(before, ')')) {
    const params = declaredParams(a, before);
    if (params >= 0) {
      return params;
    }
    const open = a.partner[before];
    // `if (x) {`, `when (x) {`, `catch (e: Exception) {`; else a trailing lambda after a call's arguments.
    return open > 0 && a.isId(open - 1) && BLOCK_WORDS.has(a.tokens.text(open - 1)) ? -1 : brace;
  }
  if (a.isId(before) || endsType(a, before)) {
    const close = beforeReturnType(a, before);
    const params = close > 0 ? declaredParams(a, close) : -1;
    if (params >= 0) {
      return params;
    }
    return a.isId(before) && BLOCK_WORDS.has(a.tokens.text(before)) ? -1 : brace;
  }
  // `= {`, `({`, `, {`: a lambda held or passed.
  return a.is(before, '=') || a.is(before, '(') || a.is(before, ',') ? brace : -1;
}

/** `fun f(x: T) = expr`, `fun f(): T = expr`: the parameters' `(` of the function the `=` at `eq` gives a body, or -1. */
function conciseStart(a: CodeAnalyzer, eq: number): number {
  if (a.is(eq - 1, ')')) {
    return declaredParams(a, eq - 1);
  }
  const close = a.isId(eq - 1) || endsType(a, eq - 1) ? beforeReturnType(a, eq - 1) : -1;
  return close > 0 ? declaredParams(a, close) : -1;
}

export const KOTLIN_BRACES = braceLanguage({
  classKeywords: ['class', 'interface', 'object'],
  // A class without a body (`data class Key(val id: String)`) ends before the next declaration.
  classHeadStops: ['fun', 'val', 'var', 'typealias'],
  functionStart,
  conciseStart,
});
