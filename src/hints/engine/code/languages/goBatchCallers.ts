/**
 * Go batch wrappers, judged by their callers: a function or method that sends a BatchGetItem or BatchWriteItem and
 * returns the output whole (`return s.client.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{...})`, or
 * `out, err := ...` then `return out, err`) hands `UnprocessedKeys` / `UnprocessedItems` to its callers. A caller
 * that reads them around its call (`for _, pending := range out.UnprocessedKeys { keys = append(keys, pending.Keys...) }`)
 * retries the batch: in this file, through an interface the wrapper's type satisfies (`s.fetcher.BatchGet(ctx, keys)`),
 * or, in workspace mode, in another file of the module. With no such caller the batch stays reported at the wrapper,
 * as a Scan wrapper's single page is (`goCallers.ts`).
 */
import type { ScopeInfo } from '../../model';
import type { CodeAnalyzer } from '../analyzer';
import { markerScopes } from '../pagination';
import { chainStart } from '../receiverChains';
import { tokensNamed } from '../tokenIndex';
import { onNonClient, outputWrapper } from './goCallers';
import { goPackageName } from './goPackageStructs';

const BATCHES = new Set(['dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem']);

/** Marks the batches of wrappers whose callers retry what comes back unprocessed as handled (the check skips them). */
export function retriedByCallers(a: CodeAnalyzer): void {
  let markers: ScopeInfo | undefined;
  const returned = new Map<number, Set<string>>();
  const packageName = goPackageName(a);
  for (const occurrence of a.operations) {
    if (!occurrence.call || occurrence.paginated || !BATCHES.has(occurrence.operation)) {
      continue;
    }
    const wrapper = outputWrapper(a, occurrence, { returned });
    if (!wrapper) {
      continue;
    }
    const { fn, signature } = wrapper;
    markers ??= markerScopes(a);
    const name = a.tokens.text(signature.name);
    const elsewhere = () => packageName !== undefined && a.project?.goCalledWhileRetrying?.(packageName, name, signature.method) === true;
    occurrence.paginated = retriedHere(a, name, fn.scope, signature.method, markers) || elsewhere();
  }
}

/**
 * Whether a call of this file named `name`, outside the wrapper itself, sits where unprocessed items are read: a call of
 * the wrapper function (`scope`), or, for a method, a call on a value the file binds that is no SDK client (an interface).
 */
function retriedHere(a: CodeAnalyzer, name: string, scope: number, method: boolean, markers: ScopeInfo): boolean {
  for (const i of tokensNamed(a, name)) {
    if (!a.is(i + 1, '(') || a.idIs(i - 1, 'func') || a.scopes.enclosing(i, ['function']) === scope || !markers.hasUnprocessedMarker(i)) {
      continue;
    }
    const start = a.isAccess(i - 1) ? chainStart(a, i) : i;
    const value = a.evalChain(start, i + 1).value;
    if ((value?.t === 'function' && value.scope === scope) || (method && value?.t !== 'function' && onNonClient(a, i))) {
      return true;
    }
  }
  return false;
}
