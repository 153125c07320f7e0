/** What the pagination checks need from code: statement shapes the quick fix can rewrite, and pagination markers by function. */
import { derivedValueRewrites } from './readModifyWriteDerived';
import { TOKEN_KIND, Tokens } from '../lexer';
import { MisspeltPageKey, OptionContext, PaginationFixShape, ScopeInfo, UntypedAttributeValue } from '../model';
import type { Span } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { readsFirstItemOnly } from './firstItemOnly';
import { requestFromCallers } from './callersRequests';
import { sendingCallPerElement, waitingCallers, waitsPerElement } from './itemLoops';
import { batchWriterPerElement } from './languages/pythonBatchWriterLoops';
import { importedItemCallsPerElement } from './importedItemLoops';
import { importedRedisReadsPerElement } from './redisReadHelpers';
import { rewritesReadItem } from './readModifyWrite';
import { createsCheckedItem } from './checkThenPut';
import { createsSearchedValue } from './uniquenessChecks';
import { helperCheckThenPuts } from './checkThenPutHelpers';
import { helperRewrites } from './readModifyWriteHelpers';
import { loopChain, markerAnchor } from './loops';
import { exportedPassThrough, handsOnCallersArguments, passThroughCallSites } from './passThroughReads';
import { pageKeyHelperCalls } from './pageKeyHelpers';
import { callersPageOrReadFirstItem } from './passThroughFirstItems';
import { retriedInOtherFiles } from './batchCallersElsewhere';
import { chainStart } from './receiverChains';
import { assignmentStatement } from './redis';
import { readsStatementErrors } from './batchStatementErrors';
import { inTestCode } from './testFixtures';
import { decoratedScope } from './languages/pythonDecorators';
import { readsNoUnprocessed } from './unprocessedLength';
import { onlyLogged, onlyWaited, returnsReply } from './unprocessedLogged';
import { loggedThroughLocal } from './loggedPageKeys';
import { replyCallbacks, runsInCallback } from './replyCallbacks';
import { closeAngle } from './typeArguments';
import { misspeltPageKeys } from './misspeltPageKeys';
import { untypedAttributeValues } from './untypedAttributeValues';
import { redisCheckThenSets } from './redisCheckThenSet';
import { sdkClientShape } from './sdkOperationClients';

const { ID, STR } = TOKEN_KIND;
/**
 * Three letters that every marker (`LastEvaluatedKey`, `exclusive_start_key`, `paginate`, .NET
 * `GetRemainingAsync` and `IsDone`, `UnprocessedItems`) holds in some case; the Kelvin sign is the one
 * other character whose lower case is `k`.
 */
const MARKER_TRIGRAMS = /[kK\u212a][eE][yY]|[pP][aA][gG]|[uU][nN][pP]|[rR][eE][mM]|[dD][oO][nN]|[nN][eE][xX]/g;
const PAGINATION_MARKER = /last_?evaluated_?key|exclusive_?start_?key|paginat|getremaining|^isdone$/;
/** PartiQL's page token (`NextToken`, `next_token`, Java's `nextToken()`), kept apart: other APIs' results name one too. */
const NEXT_TOKEN_MARKER = /^next_?token$/;
/** A string's text that is one word, as a key's is. */
const STRING_KEY = /^[\w-]{1,64}$/;

export function jsPaginationShape(a: CodeAnalyzer, newIndex: number, nameIndex: number, open: number, module: string): PaginationFixShape | undefined {
  const operation = /^(Scan|Query)Command$/.exec(a.tokens.text(nameIndex))?.[1] as 'Scan' | 'Query' | undefined;
  const close = a.partner[open];
  if (!operation || close < 0 || !a.is(newIndex - 1, '(') || a.id(newIndex - 2) !== 'send' || !a.is(close + 1, ')')) {
    return undefined;
  }
  const receiverEnd = newIndex - 4;
  if (!a.is(newIndex - 3, '.') || receiverEnd < 0) {
    return undefined;
  }
  const receiverStart = chainStart(a, receiverEnd);
  const statement = assignmentStatement(a, receiverStart, close + 1);
  const site = a.namedImports.find((candidate) => candidate.module === module);
  if (!statement || !statement.awaited || !statement.declaration || !site) {
    return undefined;
  }
  const paginator = `paginate${operation}`;
  const shape: PaginationFixShape = {
    flavor: 'js-send',
    statement: statement.span,
    variable: statement.variable,
    receiver: a.text.slice(a.tokens.starts[receiverStart], a.tokens.ends[receiverEnd]),
    argsText: a.text.slice(a.tokens.ends[open], a.tokens.starts[close]).trim(),
    indent: statement.indent,
    operation,
    typescript: a.language.id === 'typescript',
  };
  if (!site.names.has(paginator)) {
    const offset = a.tokens.ends[site.closeBrace - 1];
    shape.importInsert = a.is(site.closeBrace - 1, ',') ? { offset, text: ` ${paginator},` } : { offset, text: `, ${paginator}` };
  }
  return shape;
}

export function pythonPaginationShape(a: CodeAnalyzer, receiverStart: number, nameIndex: number, open: number, close: number): PaginationFixShape | undefined {
  const operation = /^(scan|query)$/.exec(a.tokens.text(nameIndex))?.[1];
  if (!operation) {
    return undefined;
  }
  const statement = assignmentStatement(a, receiverStart, close);
  if (!statement || statement.awaited) {
    return undefined;
  }
  const endLine = a.lines.lineOf(a.tokens.ends[close]);
  if (a.text.slice(a.tokens.ends[close], a.lines.lineEnd(endLine)).trim() !== '') {
    return undefined;
  }
  return {
    flavor: 'python',
    statement: statement.span,
    variable: statement.variable,
    receiver: a.text.slice(a.tokens.starts[receiverStart], a.tokens.ends[nameIndex - 2]),
    argsText: a.text.slice(a.tokens.ends[open], a.tokens.starts[close]).trim(),
    indent: statement.indent,
    operation: operation === 'scan' ? 'Scan' : 'Query',
    typescript: false,
  };
}

/** Pagination and unprocessed-items markers, looked up in the function around an operation. */
export function markerScopes(a: CodeAnalyzer): ScopeInfo {
  const pagination: number[] = [];
  // A page key read only to be logged (`print(resp["LastEvaluatedKey"])`, or through a local only logged): nothing continues from it.
  const loggedPages: number[] = [];
  const unprocessed: number[] = [];
  // Read only to be logged (`unprocessedLogged.ts`): the batch still drops them, so these page nothing.
  const logged: number[] = [];
  // Read only by an `if` that waits and sends nothing again (`onlyWaited`): dropped as well.
  const waited: number[] = [];
  const nextTokens: number[] = [];
  const tokens = a.tokens;
  // A paginator the code leaves after its first page is a single call (`firstIteration.ts`), not a marker.
  const singleCalls = new Set(a.operations.filter((operation) => operation.call).map((operation) => operation.tokenIndex));
  // A RegExp pass finds the few candidate tokens, in order, instead of lower-casing every token.
  let token = 0;
  let checked = -1;
  MARKER_TRIGRAMS.lastIndex = 0;
  while (MARKER_TRIGRAMS.test(a.text)) {
    const at = MARKER_TRIGRAMS.lastIndex - 3;
    token = firstEndingFrom(tokens, token, at + 3);
    if (token === tokens.length) {
      break;
    }
    const kind = tokens.kinds[token];
    if (token === checked || tokens.textStart(token) > at || (kind !== ID && kind !== STR) || tokens.textEnd(token) - tokens.textStart(token) < 6) {
      continue;
    }
    checked = token;
    const lower = tokens.text(token).toLowerCase();
    // A string counts as a key (`resp["LastEvaluatedKey"]`), never as prose (a docstring "…with pagination").
    if (PAGINATION_MARKER.test(lower) && !singleCalls.has(token) && (kind === ID ? !resultTypeName(a, token) : STRING_KEY.test(lower))) {
      (onlyLogged(a, token) || loggedThroughLocal(a, token) ? loggedPages : pagination).push(token);
    }
    if (lower.includes('unprocessed') && !readsNoUnprocessed(a, token)) {
      (onlyLogged(a, token) ? logged : onlyWaited(a, token) ? waited : unprocessed).push(token);
    }
    if (NEXT_TOKEN_MARKER.test(lower)) {
      nextTokens.push(token);
    }
  }
  // A reply handed to a function of the file that reads its page key: the call reads it (`pageKeyHelpers.ts`).
  const paginationAnchors = anchored(a, [...pagination, ...pageKeyHelperCalls(a, pagination)]);
  // A read handed to an executor gives its page through a future, read wherever the function waits for it: a parallel
  // scan submits every segment's first page in one loop and continues in another, so a marker anywhere in the function pages it.
  const submitted = new Set(a.operations.filter((operation) => operation.submitted).map((operation) => operation.tokenIndex));
  const functionOf = (token: number): number => Math.max(0, a.scopes.enclosing(token, ['function']));
  const pagedInFunction = (tokenIndex: number): boolean => submitted.has(tokenIndex) && pagination.some((marker) => functionOf(marker) === functionOf(tokenIndex));
  // A retry decorator that reads the reply (`@backoff.on_predicate(..., predicate=lambda r: r["UnprocessedItems"])`,
  // tenacity's `retry_if_result`) retries the batch in the function it decorates.
  const unprocessedAnchors = anchored(a, unprocessed, (marker) => (a.language.family === 'python' ? decoratedScope(a, marker) : -1));
  const nextTokenAnchors = anchored(a, nextTokens);
  const pages = (anchors: Map<number, number[] | null>, tokenIndex: number) => (scope: number) => {
    const markers = anchors.get(scope);
    return markers === null || (markers !== undefined && markers.some((marker) => !a.scopes.exclusive(marker, tokenIndex)));
  };
  // A reply callback pages the read with a marker of its own or of a loop or inline function it runs (`setTimeout(() => ...)`).
  const pagesReply = (anchors: Map<number, number[] | null>, tokenIndex: number) => (callback: number) =>
    pages(anchors, tokenIndex)(callback) || [...anchors.keys()].some((scope) => runsInCallback(a, scope, callback) && pages(anchors, tokenIndex)(scope));
  const pagedBy = (anchors: Map<number, number[] | null>) => (tokenIndex: number) => loopChain(a, tokenIndex).some(pages(anchors, tokenIndex)) || replyCallbacks(a, tokenIndex).some(pagesReply(anchors, tokenIndex));
  const paged = pagedBy(paginationAnchors);
  const loggedPageAnchors = anchored(a, loggedPages);
  const logsPagesOnly = (tokenIndex: number) => loopChain(a, tokenIndex).some(pages(loggedPageAnchors, tokenIndex));
  const pagedByToken = pagedBy(nextTokenAnchors);
  const retried = (tokenIndex: number) => loopChain(a, tokenIndex).some(pages(unprocessedAnchors, tokenIndex));
  const loggedAnchors = anchored(a, logged);
  const logsOnly = (tokenIndex: number) => loopChain(a, tokenIndex).some(pages(loggedAnchors, tokenIndex));
  const waitedAnchors = anchored(a, waited);
  const waitsOnly = (tokenIndex: number) => loopChain(a, tokenIndex).some(pages(waitedAnchors, tokenIndex));
  // A helper that hands its read over whole is paged where every call of it in the file is, or by the modules it is exported to.
  const pagedByCallers = (tokenIndex: number, byCaller: (site: number) => boolean) => {
    const sites = passThroughCallSites(a, tokenIndex);
    return sites.length > 0 ? sites.every(byCaller) : exportedPassThrough(a, tokenIndex) || handsOnCallersArguments(a, tokenIndex);
  };
  let misspelt: MisspeltPageKey[] | undefined;
  let untyped: UntypedAttributeValue[] | undefined;
  let checkThenSets: Span[] | undefined;
  let sdkSent: Set<OptionContext> | undefined;
  return {
    // A reply the function returns whole beside the logged key is its callers' to page.
    hasPaginationMarker: (tokenIndex) => paged(tokenIndex) || pagedInFunction(tokenIndex) || pagedByCallers(tokenIndex, paged) || (logsPagesOnly(tokenIndex) && returnsReply(a, tokenIndex)),
    // A reply the function returns whole beside its log is its callers' to read.
    hasUnprocessedMarker: (tokenIndex) =>
      retried(tokenIndex) || pagedByCallers(tokenIndex, retried) || ((logsOnly(tokenIndex) || waitsOnly(tokenIndex)) && returnsReply(a, tokenIndex)) || retriedInOtherFiles(a, tokenIndex),
    logsUnprocessedOnly: logsOnly,
    waitsUnprocessedOnly: waitsOnly,
    hasNextTokenMarker: (tokenIndex) => pagedByToken(tokenIndex) || pagedByCallers(tokenIndex, pagedByToken),
    // Also a helper's, judged by its callers, each paging it or reading an unfiltered request's first item (`passThroughFirstItems.ts`).
    readsFirstItemOnly: (tokenIndex) => readsFirstItemOnly(a, tokenIndex) || callersPageOrReadFirstItem(a, tokenIndex, paged),
    requestFromCallers: (tokenIndex) => requestFromCallers(a, tokenIndex) || callersPageOrReadFirstItem(a, tokenIndex, paged),
    inTest: (tokenIndex) => inTestCode(a, tokenIndex),
    waitsPerElement: (tokenIndex) => waitsPerElement(a, tokenIndex),
    waitingCallers: (tokenIndex, kind) => waitingCallers(a, tokenIndex, kind).map((site) => a.tokenSpan(site)),
    sendingCallPerElement: (tokenIndex) => {
      const name = sendingCallPerElement(a, tokenIndex);
      return name >= 0 ? a.tokenSpan(name) : undefined;
    },
    importedItemCallsPerElement: () => importedItemCallsPerElement(a).map((name) => a.tokenSpan(name)),
    importedRedisReadsPerElement: () => importedRedisReadsPerElement(a).map((read) => ({ ...read, name: a.tokenSpan(read.name) })),
    batchWriterPerElement: (tokenIndex) => batchWriterPerElement(a, tokenIndex),
    rewritesReadItem: (get, put) => rewritesReadItem(a, get, put),
    createsCheckedItem: (get, put) => createsCheckedItem(a, get, put),
    createsSearchedValue: (search, put) => createsSearchedValue(a, search, put),
    helperCheckThenPuts: (gets, puts) => helperCheckThenPuts(a, gets, puts),
    helperRewrites: (gets, puts) => [...helperRewrites(a, gets, puts), ...derivedValueRewrites(a, gets, puts)],
    readsStatementErrors: (tokenIndex) => readsStatementErrors(a, tokenIndex),
    misspeltPageKeys: () => (misspelt ??= misspeltPageKeys(a)),
    untypedAttributeValues: () => (untyped ??= untypedAttributeValues(a)),
    redisCheckThenSets: () => (checkThenSets ??= redisCheckThenSets(a).map((token) => a.tokenSpan(token))),
    sdkRequests: () => (sdkSent ??= new Set(a.operations.flatMap((occurrence) => (occurrence.request && sdkClientShape(a, occurrence) ? [occurrence.request] : [])))),
  };
}

/**
 * A C# generic type named for pages (`Task<Pagination<T>>`, `new PaginatedList<T>(items)`): the shape a result is
 * handed back in, which continues no read; a function that pages shows it elsewhere (`PaginationToken`, `IsDone`,
 * `LastEvaluatedKey`, `GetRemainingAsync`).
 */
function resultTypeName(a: CodeAnalyzer, token: number): boolean {
  return a.language.family === 'csharp' && /^[A-Z]/.test(a.tokens.text(token)) && a.is(token + 1, '<') && closeAngle(a, token + 1) > token;
}

/** Markers kept per anchor to tell calls in other branches apart; past this many places, a marker pages every call of its anchor. */
const MAX_BRANCH_MARKERS = 8;

/**
 * The markers by the scope they page (see `markerAnchor`): null where one pages every call there, else one
 * marker per innermost scope, for markers inside branches of an if/elif/else, which do not page the calls
 * of the other branches (`while "LastEvaluatedKey" in response` under `if everything:`, one page under `else:`).
 * `decorated` gives the function a marker's decorator decorates (-1 for none), which it anchors to instead.
 */
function anchored(a: CodeAnalyzer, markers: readonly number[], decorated?: (marker: number) => number): Map<number, number[] | null> {
  const anchors = new Map<number, number[] | null>();
  for (const marker of markers) {
    const retried = decorated ? decorated(marker) : -1;
    const anchor = retried >= 0 ? retried : markerAnchor(a, marker);
    const list = anchors.has(anchor) ? anchors.get(anchor) : [];
    if (!list) {
      continue;
    }
    // Scope ids grow inwards, so the walk up from the marker stops at its anchor.
    const innermost = a.scopes.scopeAt(marker);
    let branched = false;
    for (let scope = innermost; scope > anchor && !branched; scope = a.scopes.parent(scope)) {
      branched = a.scopes.chainOf(scope) >= 0;
    }
    if (!branched || list.length === MAX_BRANCH_MARKERS) {
      anchors.set(anchor, null);
    } else if (!list.some((other) => a.scopes.scopeAt(other) === innermost)) {
      list.push(marker);
      anchors.set(anchor, list);
    }
  }
  return anchors;
}

/**
 * The first token from `from` whose text ends at or after `offset`, by binary search on the token ends
 * (a string's text ends before its closing quote, so the token after it may be the first).
 */
function firstEndingFrom(tokens: Tokens, from: number, offset: number): number {
  let low = from;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens.ends[mid] < offset) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low < tokens.length && tokens.textEnd(low) < offset ? low + 1 : low;
}
