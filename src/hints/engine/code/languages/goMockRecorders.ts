/**
 * Generated Go mocks' expecters: `client.EXPECT().GetItem(gomock.Any(), &input).Return(out, nil)` (gomock and
 * mockgen, also mockery's expecter) records what a test expects its code to send to the mock; nothing is sent
 * there. The method named after `EXPECT()` is the recorder's, whatever mock it hangs from, so it is no SDK or
 * Redis call, and an input written among its arguments is an expected value, as in a test table's case.
 * https://pkg.go.dev/go.uber.org/mock/gomock
 */
import type { CodeAnalyzer } from '../analyzer';

/** Whether the method named at `nameIndex` is called on a mock's recorder: `….EXPECT().Method(`. */
export function onMockRecorder(a: CodeAnalyzer, nameIndex: number): boolean {
  const close = nameIndex - 2;
  return a.isAccess(nameIndex - 1) && a.is(close, ')') && a.partner[close] === close - 1 && a.idIs(close - 2, 'EXPECT') && a.isAccess(close - 3);
}

/** How many brackets out an argument of a recorder's method is looked for: a matcher or two around it. */
const MAX_MATCHER_DEPTH = 4;

/**
 * Whether the expression starting at `start` is an argument of a recorder's method (`EXPECT().Query(ctx,
 * &dynamodb.QueryInput{...})`), also inside the matchers written there (`gomock.AssignableToTypeOf(&dynamodb.PutItemInput{})`,
 * `gomock.Eq(...)`): a matcher compares what the code sends, it sends nothing either.
 */
export function inMockExpectation(a: CodeAnalyzer, start: number): boolean {
  let open = a.parent[start];
  for (let depth = 0; open > 0 && depth < MAX_MATCHER_DEPTH; depth++, open = a.parent[open]) {
    if (a.is(open, '(') && a.isId(open - 1) && onMockRecorder(a, open - 1)) {
      return true;
    }
  }
  return false;
}

/** Uses of a held input read at most: more than a test writes. */
const MAX_HELD_USES = 16;

/**
 * Whether the input literal starting at `start` (`&dynamodb.UpdateItemInput{}` or its type) is held by a local
 * (`input := dynamodb.UpdateItemInput{}`) that the code only hands to mock expectations (`EXPECT().UpdateItem(ctx,
 * gomock.AssignableToTypeOf(&input))`): a value to compare with, never sent.
 */
export function heldForMockOnly(a: CodeAnalyzer, start: number): boolean {
  const name = start - 2;
  if (!a.is(start - 1, ':=') || !a.isId(name) || a.isAccess(name - 1) || a.is(name - 1, ',')) {
    return false;
  }
  const text = a.tokens.text(name);
  const scope = a.scopes.declaringScope(text, name);
  const [, end] = a.scopes.range(scope);
  let uses = 0;
  for (let k = name + 1; k < end; k++) {
    if (!a.idIs(k, text) || a.isAccess(k - 1) || a.scopes.declaringScope(text, k) !== scope) {
      continue;
    }
    if (++uses > MAX_HELD_USES || !inMockExpectation(a, a.is(k - 1, '&') ? k - 1 : k)) {
      return false;
    }
  }
  return uses > 0;
}
