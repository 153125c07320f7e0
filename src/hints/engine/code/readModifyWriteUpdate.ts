/**
 * A read-modify-write whose write is an UpdateItem (the read followed by `readModifyWrite.ts` or
 * `readModifyWriteTyped.ts`): the update, on the key the read used as written, sets an attribute straight to a
 * placeholder (`SET visits = :v`) whose value was computed from the item read (`visits = item["visits"] + 1`,
 * `balance = Item.balance - amount`, `int.Parse(response.Item["n"].N) + 1`). Two concurrent runs compute from
 * the same old value and the later SET replaces the other's change. An update that computes in the expression
 * (`SET n = n + :d`, `ADD n :d`) is atomic, and a value the code does not compute (`:v` → `item.name` unchanged)
 * changes nothing; neither is one. The caller skips updates with a condition.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import type { RmwFlow } from './readModifyWriteTyped';
import { readValue, tokensText } from './readModifyWriteTypedValues';
import { OperationOccurrence } from '../model';
import { normalizeName } from '../types';
import { setActions } from './writtenExpressions';

const VALUES = normalizeName('ExpressionAttributeValues');
const EXPRESSION = normalizeName('UpdateExpression');
const KEY = normalizeName('Key');

function optionTokens(a: CodeAnalyzer, occurrence: OperationOccurrence, norm: string): [number, number] | undefined {
  const option = occurrence.request?.options.find((o) => o.norm === norm && !o.absent);
  const [from, to] = option ? a.tokensOf(option.value) : [-1, -1];
  return from >= 0 && to > from ? [from, to] : undefined;
}

/** Whether the update sends values for its expression (an UpdateItem with an update expression, not an object mapper's). */
export function setsAnyValue(update: OperationOccurrence): boolean {
  return update.request?.options.some((o) => o.norm === VALUES && !o.absent) ?? false;
}

/** Whether the read and the update name their key with the same expression (`Key={"id": "count"}` twice, `Key: key`). */
export function sameKey(a: CodeAnalyzer, get: OperationOccurrence, update: OperationOccurrence): boolean {
  const read = optionTokens(a, get, KEY);
  const written = optionTokens(a, update, KEY);
  return read !== undefined && written !== undefined && keyText(a, read[0], read[1]) === keyText(a, written[0], written[1]);
}

/** A key as written; a literal map's entries in order of their text, so that `{"id": "count",}` is `{"id": "count"}`. */
function keyText(a: CodeAnalyzer, from: number, to: number): string {
  if (!a.is(from, '{') || a.partner[from] !== to - 1) {
    return tokensText(a, from, to);
  }
  return segments(a, from)
    .map(([start, end]) => tokensText(a, start, end))
    .sort()
    .join(' , ');
}

/** Whether the update sets an attribute straight to a placeholder whose value is computed from the item read (see the module's comment). */
export function setsComputedValue(a: CodeAnalyzer, update: OperationOccurrence, flow: RmwFlow, itemMember: (a: CodeAnalyzer, p: number) => number): boolean {
  const expression = optionTokens(a, update, EXPRESSION);
  const values = optionTokens(a, update, VALUES);
  const direct = expression ? directPlaceholders(a, expression[0], expression[1]) : undefined;
  if (!values || !direct || direct.size === 0) {
    return false;
  }
  // Each placeholder's value runs to the next placeholder: `":v": x`, Java's `Map.of(":v", x)`, C#'s `[":v"] = x`.
  const starts: number[] = [];
  for (let k = values[0]; k < values[1]; k++) {
    if (a.isString(k) && /^:\w+$/.test(a.tokens.text(k))) {
      starts.push(k);
    }
  }
  return starts.some((start, i) => direct.has(a.tokens.text(start)) && readValue(a, itemMember, start + 1, starts[i + 1] ?? values[1], flow) === true);
}

/**
 * The placeholders a literal update expression assigns as they are (`SET a = :a, b = :b`), not inside a computation
 * (`a = a + :d`, `list_append(l, :x)`, `if_not_exists(n, :z)`); undefined when the expression is not written out
 * (names of attributes may be concatenated in, `'set ' + attr + ' = :c'`, and the string wrapped: `aws.String("SET …")`).
 */
function directPlaceholders(a: CodeAnalyzer, from: number, to: number): Set<string> | undefined {
  let written = '';
  for (let k = from; k < to; k++) {
    if (a.isString(k)) {
      written += a.tokens.text(k);
    } else if (a.isId(k) && !a.is(k + 1, '(') && !a.isAccess(k + 1)) {
      written += ' attr ';
    } else if (!a.isId(k) && !a.isAccess(k) && !a.is(k, '+') && !a.is(k, '(') && !a.is(k, ')')) {
      return undefined;
    }
  }
  const found = new Set<string>();
  for (const action of setActions(written)) {
    const operand = /=\s*(:\w+)\s*$/.exec(action);
    if (operand) {
      found.add(operand[1]);
    }
  }
  return found;
}
