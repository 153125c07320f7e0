/** DynamoDB expressions as the code writes them out (`UpdateExpression: 'SET #s = :s'`), for the readers that parse them. */
import type { OptionOccurrence } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { bindsWholeExpression } from '../scope/scopes';
import { expressionEnd } from './braces';

/** The expression the name at `k` is bound to as a whole (`const expr = '…'`), as a token range; undefined for any other binding. */
export function boundExpression(a: CodeAnalyzer, k: number): [number, number] | undefined {
  const binding = a.scopes.lookup(a.tokens.text(k), k);
  return binding && bindsWholeExpression(binding) && binding.expression !== k ? [binding.expression, expressionEnd(a, binding.expression)] : undefined;
}

/**
 * Whether the request writes the option under its key (`UpdateExpression: '…'`, or `{ UpdateExpression }` as shorthand),
 * not one an object mapper's call stands for (`Model.scan('status')`), whose expression or item the mapper writes.
 */
export function writtenUnderKey(a: CodeAnalyzer, option: OptionOccurrence): boolean {
  return option.key.start !== option.value.start || a.text.slice(option.key.start, option.key.end) === option.name;
}

/**
 * An expression written as string literals, joined by `+` or wrapped in calls (`aws.String("SET …")`); undefined when
 * a name or an interpolation computes part of it.
 */
export function writtenText(a: CodeAnalyzer, from: number, to: number): string | undefined {
  let text = '';
  for (let k = from; k < to; k++) {
    if (a.isString(k) && !a.tokens.interpolated(k)) {
      text += a.tokens.text(k);
    } else if (!(a.is(k, '+') || a.is(k, '(') || a.is(k, ')') || a.isAccess(k) || (a.isId(k) && (a.is(k + 1, '(') || a.isAccess(k + 1))))) {
      return undefined;
    }
  }
  return text;
}

/**
 * An expression written wholly as string literals joined by `+`, also inside one wrapping call (`aws.String("…")`,
 * `String.format(…)` is not one: it computes); undefined for anything else. Stricter than `writtenText`, for readers
 * that judge every word of the text.
 */
export function literalText(a: CodeAnalyzer, from: number, to: number): string | undefined {
  let start = from;
  while (a.isId(start) && a.isAccess(start + 1)) {
    start += 2;
  }
  if (start > from && a.isId(start) && a.is(start + 1, '(') && a.partner[start + 1] === to - 1 && a.tokens.text(start) === 'String') {
    return literalText(a, start + 2, to - 1);
  }
  let text = '';
  for (let k = from; k < to; k++) {
    if (a.isString(k) && !a.tokens.interpolated(k)) {
      text += a.tokens.text(k);
    } else if (!a.is(k, '+')) {
      return undefined;
    }
  }
  return text;
}

const CLAUSES = /\b(SET|REMOVE|ADD|DELETE)\b/i;

/** The actions of an update expression's `SET` clauses, as written (`SET a = :a, b = list_append(b, :x)`: two), split at their top-level commas. */
export function setActions(text: string): string[] {
  const parts = text.split(CLAUSES);
  const actions: string[] = [];
  for (let i = 1; i + 1 < parts.length; i += 2) {
    if (parts[i].toUpperCase() !== 'SET') {
      continue;
    }
    let depth = 0;
    let action = '';
    for (const c of `${parts[i + 1]},`) {
      depth += c === '(' ? 1 : c === ')' ? -1 : 0;
      if (c === ',' && depth === 0) {
        actions.push(action);
        action = '';
      } else {
        action += c;
      }
    }
  }
  return actions;
}

/**
 * The values of the keys among the tokens [from, to) that `isKey` accepts, as token ranges: a key written before `:`
 * or `=` (`Item: {...}`, `"ConditionExpression": "…"`, C#'s `Item = …`), or a call's name (`step`: a builder's
 * `.item(...)`), whose value is its argument. Reads the requests a batch's or a transaction's option holds.
 */
export function keyedValues(a: CodeAnalyzer, from: number, to: number, isKey: (k: number, step: boolean) => boolean): [number, number][] {
  const values: [number, number][] = [];
  for (let k = from; k < to; k++) {
    if (!a.isId(k) && !(a.isString(k) && !a.tokens.interpolated(k))) {
      continue;
    }
    if (a.is(k + 1, '(') && a.partner[k + 1] > k) {
      if (isKey(k, true)) {
        values.push([k + 2, a.partner[k + 1]]);
      }
    } else if ((a.is(k + 1, ':') || a.is(k + 1, '=')) && isKey(k, false)) {
      values.push([k + 2, expressionEnd(a, k + 2)]);
    }
  }
  return values;
}
