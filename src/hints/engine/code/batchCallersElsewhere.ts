/**
 * JavaScript batch wrappers judged by the callers of other modules (workspace mode): a module-level function that
 * hands a BatchGetItem or BatchWriteItem reply over whole (`export async function batchGet(client, params) { ...
 * return response }`) leaves `UnprocessedKeys` / `UnprocessedItems` to its callers. When no call of this file reads
 * it and every call other files make of it sits where the unprocessed part is read and sent again (recorded by the
 * workspace index, `workspace/unprocessedRetries.ts`), the batch is retried; with no such caller it stays reported
 * at the wrapper, as before.
 */
import type { CodeAnalyzer } from './analyzer';
import { callsFromOtherFiles } from './otherFileCallers';
import { passThroughCallSites, passThroughFunctionName } from './passThroughReads';

/** Whether the batch named at `tokenIndex` is retried by the calls other files make of the function that hands it over. */
export function retriedInOtherFiles(a: CodeAnalyzer, tokenIndex: number): boolean {
  if (!a.project?.clientPassingCalls) {
    return false;
  }
  const name = passThroughFunctionName(a, tokenIndex);
  if (!name || passThroughCallSites(a, tokenIndex).length > 0) {
    return false;
  }
  const calls = callsFromOtherFiles(a, name).filter((call) => !call.redisOptions && !call.sqlOptions);
  return calls.length > 0 && calls.every((call) => call.retriesUnprocessed === true);
}
