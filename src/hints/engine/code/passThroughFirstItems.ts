/**
 * A JavaScript helper that hands a read over whole (`const query = (params) => dynamo.query(params, log)`,
 * `passThroughReads.ts`), judged by the file's calls of it: where every call reads only the first item of the
 * reply (`const { Items } = await query(params(id)).promise(); return Items[0];`) and passes a request written out,
 * at the call or by the same-file function it calls, that names no filter, that item is on the first page; a call
 * that hands the page key back to its own caller pages the read itself.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { readsFirstItemOnly } from './firstItemOnly';
import { passThroughCallSites } from './passThroughReads';
import { literalBuiltBy } from './returnedLiterals';

const FILTERS = new Set(['FilterExpression', 'QueryFilter', 'ScanFilter']);
const QUOTES = /^['"`]|['"`]$/g;

/**
 * Whether the same-file calls of the helper that hands over the read named at `tokenIndex` each either page it
 * (`paged`: the caller hands `LastEvaluatedKey` on or loops on it) or read only the first item of a request that
 * names no filter, and at least one reads so.
 */
export function callersPageOrReadFirstItem(a: CodeAnalyzer, tokenIndex: number, paged: (site: number) => boolean): boolean {
  const sites = a.language.family === 'js' ? passThroughCallSites(a, tokenIndex) : [];
  let firstOnly = false;
  for (const site of sites) {
    if (readsFirstItemOnly(a, site) && unfilteredRequest(a, site + 1)) {
      firstOnly = true;
    } else if (!paged(site)) {
      return false;
    }
  }
  return firstOnly;
}

/** The call's one argument (its `(` at `open`) is an object literal, or builds one, without a filter key of its own. */
function unfilteredRequest(a: CodeAnalyzer, open: number): boolean {
  const args = a.is(open, '(') ? segments(a, open) : [];
  if (args.length !== 1) {
    return false;
  }
  const [from, to] = args[0];
  const literal = a.is(from, '{') && a.partner[from] + 1 === to ? from : literalBuiltBy(a, from, to);
  if (literal < 0 || a.partner[literal] < 0) {
    return false;
  }
  for (let k = literal + 1; k < a.partner[literal]; k++) {
    // A spread may bring any key in.
    if (a.parent[k] === literal && (FILTERS.has(a.tokens.text(k).replace(QUOTES, '')) || a.tokens.isSpread(k))) {
      return false;
    }
  }
  return true;
}
