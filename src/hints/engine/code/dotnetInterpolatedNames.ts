/**
 * A C# interpolated connection string read with the holes it can know filled in: a hole that is only a name the code
 * binds once to a string literal (`$"Host={Endpoint};SSL Mode=Disable"` with `const string Endpoint =
 * "orders.cluster-....rds.amazonaws.com"`, or a local so bound) reads as that literal's text, as the name alone would
 * be read as a driver's argument (`sqlConnectionsDotnet.ts` `connectionStringLiteral`). Every other hole is masked
 * (`FILLER`), a value the code computes.
 */
import { bindsWholeExpression } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { literalOf } from './options';
import { FILLER, masked } from './redisUrls';

const NAME_ALONE = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/;

/** The text of the interpolated string at token `k`, its holes filled where a name holds a literal, else masked. */
export function filledInterpolation(a: CodeAnalyzer, k: number): string {
  const text = a.tokens.text(k);
  let result = '';
  let from = 0;
  for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', from)) {
    // `{{` writes a brace; a hole closes at the first `}` (a format or nested braces leave it masked).
    if (text[open + 1] === '{') {
      result += text.slice(from, open + 2);
      from = open + 2;
      continue;
    }
    const close = text.indexOf('}', open);
    if (close < 0) {
      break;
    }
    result += text.slice(from, open) + (holdsLiteral(a, text.slice(open + 1, close), k) ?? FILLER.repeat(close - open + 1));
    from = close + 1;
  }
  return masked(result + text.slice(from));
}

/** The text of the string literal the hole's name is bound to once, or undefined. */
function holdsLiteral(a: CodeAnalyzer, hole: string, at: number): string | undefined {
  const name = NAME_ALONE.exec(hole)?.[1];
  const literal = name ? boundStringLiteral(a, name, at) : -1;
  if (literal < 0 || a.tokens.interpolated(literal)) {
    return undefined;
  }
  const read = literalOf(a, literal, literal + 1).literal;
  // A value that writes a brace would open a hole of its own when the text is masked.
  return read.kind === 'str' && !/[{}]/.test(read.value) ? read.value : undefined;
}

/** The string literal token a name read at `at` is bound to once (a local, a field, a constant), or -1. */
export function boundStringLiteral(a: CodeAnalyzer, name: string, at: number): number {
  const outer = a.scopes.outerBindings(name, at);
  const binding = outer ? (outer.length === 1 ? outer[0] : undefined) : a.scopes.lookup(name, at);
  const from = binding && bindsWholeExpression(binding) ? binding.expression : -1;
  return from >= 0 && a.isString(from) && expressionEnd(a, from) === from + 1 ? from : -1;
}
