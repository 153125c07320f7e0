/**
 * A table name the code builds from pieces where no single name is written (`names.ts`): `"shop-" + stage +
 * "-orders"`, a template literal, f-string or C# `$"..."` (`` `shop-${stage}-orders` ``), or Go's
 * `fmt.Sprintf("shop-%s-orders", stage)`, also through a local that holds it. Read as its
 * literal pieces in order, with an unknown part between each two, so that the workspace can tell the one table
 * whose template name (`!Sub "${App}-${Stage}-orders"`) fits it (`workspace/namePatterns.ts`).
 */
import { Binding, bindsWholeExpression } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { FileMemo } from './fileMemo';
import { goImportSpecs } from './languages/goPackageStructs';
import { bindingAt, bindingEnd, namedValue, trim } from './names';
import { namePatternOf } from '../workspace/namePatterns';
import type { Value } from './values';

/** What each binding's expression builds, once per file. */
const bindingNames = new FileMemo<Binding<Value>, string[] | null>();
/** Locals that hold locals are followed this many times at most. */
const MAX_DEPTH = 4;
/** Go's verbs that print a string or a number (`%s`, `%v`, `%d`, `%q` with flags and width); `%%` is a percent sign. */
const GO_VERB = /%(?:%|[-+# 0]*\d*(?:\.\d+)?[sdvq])/g;

/** The literal pieces of the name the tokens [from, to) build, or undefined when they build none (or say too little). */
export function builtName(a: CodeAnalyzer, from: number, to: number, depth = 0): string[] | undefined {
  [from, to] = trim(a, from, to);
  if (to - from === 1 && a.isId(from) && depth < MAX_DEPTH) {
    const binding = bindingAt(a, from, to);
    if (!binding || !bindsWholeExpression(binding)) {
      return undefined;
    }
    // Read once per file: many requests may name one long constant.
    return (
      bindingNames.get(a, binding, () => {
        bindingNames.set(a, binding, null);
        return builtName(a, binding.expression, bindingEnd(a, binding.expression), depth + 1) ?? null;
      }) ?? undefined
    );
  }
  const pieces = interpolation(a, from, to) ?? goSprintf(a, from, to) ?? concatenation(a, from, to);
  return pieces && namePatternOf(pieces);
}

/** `${...}` of a JavaScript template; `{...}` of a Python f-string or a C# `$"..."` (`{{` and `}}` are braces). */
const JS_VALUE = /\$\{[^}]*\}/g;
const BRACE_VALUE = /(?<!\{)\{[^{}]+\}(?!\})/g;

/** A template literal, f-string or C# interpolated string alone: its text with `null` for each value it interpolates. */
function interpolation(a: CodeAnalyzer, from: number, to: number): (string | null)[] | undefined {
  const family = a.language.family;
  const values = family === 'js' ? JS_VALUE : family === 'python' || family === 'csharp' ? BRACE_VALUE : undefined;
  if (!values || to !== from + 1 || !a.isString(from) || !a.tokens.interpolated(from)) {
    return undefined;
  }
  const text = a.tokens.text(from);
  const literal = (piece: string): string => (family === 'js' ? piece : piece.replaceAll('{{', '{').replaceAll('}}', '}'));
  const pieces: (string | null)[] = [];
  let last = 0;
  for (const value of text.matchAll(values)) {
    pieces.push(literal(text.slice(last, value.index)), null);
    last = value.index + value[0].length;
  }
  pieces.push(literal(text.slice(last)));
  return pieces;
}

/** `fmt.Sprintf("shop-%s-orders", stage)` spanning the range: the format's text with `null` for each verb. */
function goSprintf(a: CodeAnalyzer, from: number, to: number): (string | null)[] | undefined {
  const open = from + 3;
  if (a.language.family !== 'go' || !a.idIs(from, 'fmt') || !a.is(from + 1, '.') || !a.idIs(from + 2, 'Sprintf') || !a.is(open, '(') || a.partner[open] !== to - 1) {
    return undefined;
  }
  const importsFmt = goImportSpecs(a).some(({ alias, path }) => path === 'fmt' && (alias ?? 'fmt') === 'fmt');
  if (!importsFmt || a.scopes.lookup('fmt', from) !== undefined || !a.isString(open + 1) || a.tokens.interpolated(open + 1) || !a.is(open + 2, ',')) {
    return undefined;
  }
  const format = a.tokens.text(open + 1);
  const pieces: (string | null)[] = [];
  let last = 0;
  for (const verb of format.matchAll(GO_VERB)) {
    pieces.push(format.slice(last, verb.index), verb[0] === '%%' ? '%' : null);
    last = verb.index + verb[0].length;
  }
  pieces.push(format.slice(last));
  return pieces;
}

/** `"shop-" + stage + "-orders"`: each top-level operand's literal (a string, or a name holding one), `null` for the others. */
function concatenation(a: CodeAnalyzer, from: number, to: number): (string | null)[] | undefined {
  const pieces: (string | null)[] = [];
  let start = from;
  for (let k = from; k <= to; k = k < to ? a.skipGroup(k) : to + 1) {
    if (k < to && !a.is(k, '+')) {
      continue;
    }
    if (k === start) {
      return undefined;
    }
    const named = a.isString(start) && start + 1 === k && a.tokens.interpolated(start) ? undefined : namedValue(a, start, k);
    pieces.push(named?.kind === 'literal' ? named.value : null);
    start = k + 1;
  }
  return pieces.length > 1 ? pieces : undefined;
}
