/**
 * A Go read sent with its function's own parameter as the request (`response, err := client.Query(ctx, input)` in
 * `func QueryOne[D, T any](ctx context.Context, client *dynamodb.Client, input *dynamodb.QueryInput, …)`): the
 * options are its callers'. Where the function reads only the first item, it can miss an item only if a caller's
 * request filters, so it is judged by the calls of the file that pass a request written out: none may set a
 * `FilterExpression` (or the legacy `QueryFilter`). The function must not set a member of the request itself.
 */
import type { CodeAnalyzer } from './analyzer';
import { FileMemo } from './fileMemo';
import { parameterPosition } from './forwardedRequests';
import { callArgumentRanges } from './readModifyWriteTyped';
import { tokensNamed } from './tokenIndex';

const FILTERS = new Set(['FilterExpression', 'QueryFilter', 'ScanFilter']);

/** Each answer once per file, and a function's calls found through the file's index of names: many requests of one function, or many such functions, keep the work linear. */
const membersSet = new FileMemo<string, boolean>();
const filteringCallers = new FileMemo<string, boolean>();

/** Whether the request of the Go SDK call named at `nameIndex` is, whole and unchanged, a parameter of the function around it, and no call of that function in the file passes a request with a filter. */
export function requestFromCallers(a: CodeAnalyzer, nameIndex: number): boolean {
  const open = nameIndex + 1;
  if (a.language.family !== 'go' || !a.is(open, '(')) {
    return false;
  }
  // SDK v2 takes the context first (`Query(ctx, input)`), v1 the request alone (`Query(input)`, `QueryWithContext(ctx, input)`).
  const args = callArgumentRanges(a, open);
  const [from, to] = args[args.length > 1 ? 1 : 0] ?? [-1, -1];
  const parameter = from >= 0 && to === from + 1 && a.isId(from) ? parameterPosition(a, from) : undefined;
  if (!parameter || parameter.scope !== a.scopes.enclosing(nameIndex, ['function']) || setsMember(a, parameter.scope, a.tokens.text(from))) {
    return false;
  }
  const fn = a.functions.get(parameter.scope);
  // `func QueryOne[D any](`: the name before the type parameters.
  const params = fn?.params ?? -1;
  const beforeParams = a.is(params - 1, ']') ? a.partner[params - 1] - 1 : params - 1;
  const name = a.isId(beforeParams) && a.idIs(beforeParams - 1, 'func') ? a.tokens.text(beforeParams) : undefined;
  return name !== undefined && !callersFilter(a, name, parameter.position);
}

/** Whether the function's body assigns a member of the name (`input.FilterExpression = …`). */
function setsMember(a: CodeAnalyzer, scope: number, name: string): boolean {
  return membersSet.get(a, `${scope}\0${name}`, () => {
    const body = a.functions.get(scope)?.body ?? -1;
    for (let k = body + 1; body >= 0 && k < a.partner[body]; k++) {
      if (a.idIs(k, name) && !a.isAccess(k - 1) && a.isAccess(k + 1) && a.isId(k + 2) && a.is(k + 3, '=')) {
        return true;
      }
    }
    return false;
  });
}

/** Whether a call of the function in the file (`QueryOne(…)`, `QueryOne[User, userItem](…)`) passes, at the position, a request that names a filter. */
function callersFilter(a: CodeAnalyzer, name: string, position: number): boolean {
  return filteringCallers.get(a, `${name}\0${position}`, () => {
    for (const k of tokensNamed(a, name)) {
      if (a.idIs(k - 1, 'func')) {
        continue;
      }
      const open = a.is(k + 1, '[') && a.partner[k + 1] > k ? a.partner[k + 1] + 1 : k + 1;
      const argument = a.is(open, '(') ? callArgumentRanges(a, open)[position] : undefined;
      for (let t = argument?.[0] ?? 0; argument && t < argument[1]; t++) {
        if (a.isId(t) && FILTERS.has(a.tokens.text(t))) {
          return true;
        }
      }
    }
    return false;
  });
}
