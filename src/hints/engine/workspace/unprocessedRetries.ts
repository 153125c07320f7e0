/**
 * For the workspace index of calls of project functions (`passedClients.ts`): whether a JavaScript call sits where a
 * batch's `UnprocessedKeys` / `UnprocessedItems` are read and sent again, as the checks read it around an SDK call
 * (`code/pagination.ts`); reading them only to log them, or only to wait, retries nothing. A batch wrapper of another
 * module is judged by such calls (`code/batchCallersElsewhere.ts`).
 */
import type { CodeAnalyzer } from '../code/analyzer';
import { markerScopes } from '../code/pagination';
import type { ScopeInfo } from '../model';

/** The word every such read names, matched before any scope is read (most files have none). */
const UNPROCESSED = /[Uu]nprocessed/;

/** A test for the call named at a token of `a`, reading the file's markers once, on first use. */
export function unprocessedRetrier(a: CodeAnalyzer): (nameIndex: number) => boolean {
  if (!UNPROCESSED.test(a.text)) {
    return () => false;
  }
  let markers: ScopeInfo | undefined;
  return (nameIndex) => {
    markers ??= markerScopes(a);
    return markers.hasUnprocessedMarker(nameIndex) && !markers.logsUnprocessedOnly(nameIndex) && !markers.waitsUnprocessedOnly(nameIndex);
  };
}
