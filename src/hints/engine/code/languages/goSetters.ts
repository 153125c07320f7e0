/**
 * AWS SDK for Go v1 inputs set up by their setter methods: `input := &dynamodb.QueryInput{}` or
 * `new(dynamodb.QueryInput)`, then `input.SetTableName(t)` and `input.SetLimit(10)`, and the chained form
 * `(&dynamodb.ScanInput{}).SetTableName(t).SetLimit(5)`. Every v1 input type has one `SetX` method per
 * field `X`, which sets it and returns the input (AWS SDK for Go v1 API reference, QueryInput.SetLimit:
 * https://docs.aws.amazon.com/sdk-for-go/api/service/dynamodb/#QueryInput.SetLimit), so each call is the
 * option `X` of the request the input holds. v2 inputs have no such methods.
 */
import { OptionContext } from '../../model';
import { operationOfTypeName } from '../../services';
import type { CodeAnalyzer } from '../analyzer';
import { isBuilderChain } from '../requests';
import { OptionSlot } from '../language';
import { occurrenceOf } from '../options';

/** A v1 setter's name: `Set` and the field it sets. */
const SETTER = /^Set([A-Z][A-Za-z0-9]*)$/;
/** How many setters of one chain, and setter statements of one input, are read: an input has a few dozen fields at most. */
const MAX_CHAINED_SETTERS = 64;
const MAX_SETTER_STATEMENTS = 64;
/** Setter statements read so far per input. */
const statementsRead = new WeakMap<OptionContext, number>();

/** The field a setter method named at `k` sets (`Limit` for `SetLimit`), when `k` names one and is called. */
function setterField(a: CodeAnalyzer, k: number): string | undefined {
  return a.isId(k) && a.is(k + 1, '(') && a.partner[k + 1] > k + 1 ? SETTER.exec(a.tokens.text(k))?.[1] : undefined;
}

/** `.SetX(value)` with its name at `k`: the option `X`, removed with its `.` and arguments. */
function setterSlot(a: CodeAnalyzer, k: number, field: string): OptionSlot {
  const close = a.partner[k + 1];
  return { key: k, valueStart: k + 2, valueEnd: close, removalStart: k - 1, removalEnd: close, name: field };
}

/**
 * `(&dynamodb.ScanInput{...})` (its `(` at `open`) followed by setters: their options join the literal's
 * (`context`), and the whole expression holds that request, for a variable it is assigned to.
 */
export function chainedSetters(a: CodeAnalyzer, open: number, context: OptionContext): void {
  const close = a.partner[open];
  if (close < 0 || !a.is(close + 1, '.') || setterField(a, close + 2) === undefined) {
    return;
  }
  a.requestAt.set(open, context);
  for (let k = close + 2, read = 0; read < MAX_CHAINED_SETTERS; read++) {
    const field = setterField(a, k);
    if (field === undefined) {
      return;
    }
    context.options.push(occurrenceOf(a, setterSlot(a, k, field)));
    const next = a.partner[k + 1] + 1;
    if (!a.is(next, '.')) {
      return;
    }
    k = next + 1;
  }
}

/**
 * `new(dynamodb.QueryInput)` with its `new` at `at`: an input with no fields yet, which setters and
 * assignments complete (never complete: a helper handed it may set more).
 */
export function newInput(a: CodeAnalyzer, at: number): void {
  const open = at + 1;
  const type = at + 4;
  const service = a.is(open, '(') && a.isId(at + 2) && a.is(at + 3, '.') && a.isId(type) && a.is(type + 1, ')') ? a.goPackages.get(a.tokens.text(at + 2)) : undefined;
  const operation = service ? operationOfTypeName(a.tokens.text(type), new Set([service]), /Input$/) : undefined;
  if (!operation) {
    return;
  }
  const context: OptionContext = { kind: 'sdk', type: operation, options: [], complete: false, anchor: a.tokenSpan(type) };
  a.requestAt.set(open, context);
  a.addOperation({ operation, name: a.tokenSpan(type), call: false, paginated: false, tokenIndex: type, request: context });
  a.contexts.push(context);
}

/**
 * `input.SetLimit(10)` (the setter's name at `nameIndex`, its receiver from `receiverStart`), or a setter
 * chained on such a call (`input.SetTableName(t).SetLimit(10)`), where `input` holds a request: the option
 * joins that request. A statement of its own goes whole with the option.
 */
export function setterOnVariable(a: CodeAnalyzer, nameIndex: number, receiverStart: number): boolean {
  const field = setterField(a, nameIndex);
  if (field === undefined || !a.isId(receiverStart) || a.isAccess(receiverStart - 1)) {
    return false;
  }
  if (receiverStart !== nameIndex - 2 && !isBuilderChain(a, receiverStart + 1, nameIndex - 1)) {
    return false;
  }
  const request = a.requestVariable(a.tokens.text(receiverStart), nameIndex);
  const read = request ? (statementsRead.get(request) ?? 0) : 0;
  if (!request || read >= MAX_SETTER_STATEMENTS) {
    return request !== undefined;
  }
  statementsRead.set(request, read + 1);
  const slot = setterSlot(a, nameIndex, field);
  const close = slot.removalEnd;
  const alone = receiverStart === nameIndex - 2 && a.startsLine(receiverStart) && (a.startsLine(close + 1) || a.is(close + 1, ';') || a.is(close + 1, '}'));
  if (alone) {
    slot.removalStart = receiverStart;
  }
  request.options.push(occurrenceOf(a, slot));
  return true;
}
