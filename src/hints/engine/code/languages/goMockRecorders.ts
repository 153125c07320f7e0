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

/** Whether the expression starting at `start` is an argument of a recorder's method (`EXPECT().Query(ctx, &dynamodb.QueryInput{...})`). */
export function inMockExpectation(a: CodeAnalyzer, start: number): boolean {
  const open = a.parent[start];
  return open > 0 && a.is(open, '(') && a.isId(open - 1) && onMockRecorder(a, open - 1);
}
