/** The keywords that head a statement in each brace language, which the scope pass must not take for a function's name. */
import { Family } from '../lexer';
import { codeSet } from '../tokenCodes';
import type { CodeAnalyzer } from './analyzer';

// `await` for `for await (...)`, which is a loop and not a method named await.
const SHARED_CONTROL_KEYWORDS = ['if', 'for', 'while', 'switch', 'catch', 'return', 'else', 'try', 'do', 'finally', 'await'];
/**
 * Keywords that head a statement, not a function, per language: a JavaScript function may be named `lock` or
 * `select`, which are C#'s and Go's statements.
 */
const CONTROL_KEYWORDS_BY_FAMILY: Partial<Record<Family, Uint8Array>> = {
  // A declaration keyword starts a statement: after `super(scope, id)` with no semicolon, `const { table } = ...`
  // is no method `super` returning a type `const`, and its pattern is no function body.
  js: codeSet([...SHARED_CONTROL_KEYWORDS, 'with', 'const', 'let', 'var']),
  csharp: codeSet([...SHARED_CONTROL_KEYWORDS, 'foreach', 'using', 'lock', 'fixed']),
  java: codeSet([...SHARED_CONTROL_KEYWORDS, 'synchronized']),
  go: codeSet([...SHARED_CONTROL_KEYWORDS, 'select']),
};
const SHARED_CONTROL_CODES = codeSet(SHARED_CONTROL_KEYWORDS);

/** The statement keywords of the analyzer's language. */
export function controlKeywords(a: CodeAnalyzer): Uint8Array {
  return CONTROL_KEYWORDS_BY_FAMILY[a.language.family] ?? SHARED_CONTROL_CODES;
}
