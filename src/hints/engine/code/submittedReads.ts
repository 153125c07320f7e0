/**
 * A read handed to an executor (`executor.submit(table.scan, **params)`) returns its page through a future,
 * read wherever the function waits for it: the loop that pages (`if "LastEvaluatedKey" in page:` …
 * `executor.submit(table.scan, ExclusiveStartKey=…)`) is seldom the one that submitted the first pages, as in
 * a parallel scan that starts every segment first. A page key anywhere in the function pages its submitted reads.
 */
import type { CodeAnalyzer } from './analyzer';
import { FileMemo } from './fileMemo';

const PAGE_KEY = /LastEvaluatedKey|ExclusiveStartKey/;

/** Per function scope (0: the module), whether its text names a page key; read once per function. */
const pagingFunctions = new FileMemo<number, boolean>();

/** Whether the function around the token at `index` reads or passes on a page key. */
export function functionPagesSubmittedReads(a: CodeAnalyzer, index: number): boolean {
  const scope = Math.max(0, a.scopes.enclosing(index, ['function']));
  return pagingFunctions.get(a, scope, () => {
    const [start, end] = scope > 0 ? a.scopes.range(scope) : [0, a.tokens.length];
    return end > start && PAGE_KEY.test(a.text.slice(a.tokens.starts[start], a.tokens.ends[end - 1]));
  });
}
