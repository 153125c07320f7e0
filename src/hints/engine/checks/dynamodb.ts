/** Checks on DynamoDB requests: unpaginated reads, ignored unprocessed items, batch sizes, index reads, PartiQL scans. */
import { conditionTerms } from '../code/dynamodbExpressions';
import { paginationFix } from '../fixes';
import { keyedOnAlone } from './singleKeyTables';
import { Check, CheckContext, literalEquals, optionNamed, setsOption } from './context';
import { OptionContext, PartiqlSelect, ScopeInfo } from '../model';
import { HintRule } from '../types';

const LIMIT = ['Limit'];
const FILTERS = ['FilterExpression', 'QueryFilter', 'ScanFilter'];
const INDEX_NAME = ['IndexName'];
const FILTER_EXPRESSION = ['FilterExpression'];
const KEY_CONDITION_EXPRESSION = ['KeyConditionExpression'];
/** A Scan Limit from this size up reads as a list's page size rather than a sample's. */
const SCAN_LIST_LIMIT = 100;

function unpaginatedOrUnchecked(rule: HintRule, context: CheckContext, check: 'no-pagination' | 'unprocessed-ignored'): void {
  const operations = new Set(rule.match.operations);
  const scopes = context.model.scopes;
  // A call whose request is built in branches is one occurrence per branch: it is reported where any of them is.
  const reported = new Set<number>();
  for (const occurrence of context.model.operations) {
    if (!occurrence.call || occurrence.paginated || !operations.has(occurrence.operation) || reported.has(occurrence.name.start)) {
      continue;
    }
    if (check === 'no-pagination') {
      const request = occurrence.request;
      const statement = occurrence.operation === STATEMENT;
      // A SELECT without a WHERE clause is the full-scan rule's, which says it reads one page.
      const select = statement ? request?.partiqlSelect : undefined;
      if (statement && (!selectsPages(select, scopes.readsFirstItemOnly(occurrence.tokenIndex)) || (select?.where === false && context.checkRuns('partiql-full-scan')))) {
        continue;
      }
      const onePage = request && limitAsksForOnePage(occurrence.operation, request);
      const marked = scopes.hasPaginationMarker(occurrence.tokenIndex) || (statement && scopes.hasNextTokenMarker(occurrence.tokenIndex));
      // A test reads the few items it wrote to a table it set up: its first page is the whole answer.
      if (onePage || marked || matchesOneItem(context, request) || firstItemOnly(occurrence.operation, request, scopes, occurrence.tokenIndex) || scopes.inTest(occurrence.tokenIndex)) {
        continue;
      }
      reported.add(occurrence.name.start);
      if (rule.diagnostic?.firstItemMessage && scanReadForFirstItem(occurrence.operation, request, scopes, occurrence.tokenIndex)) {
        // Its first item is on the first page: no loop is missing, but the page it reads is up to 1 MB.
        context.report(rule, occurrence.name, undefined, rule.diagnostic.firstItemMessage);
        continue;
      }
      const shape = occurrence.fix?.pagination;
      context.report(rule, occurrence.name, rule.fix?.kind === 'add-pagination-loop' && shape ? paginationFix(shape) : undefined);
    } else if (!scopes.hasUnprocessedMarker(occurrence.tokenIndex)) {
      reported.add(occurrence.name.start);
      if (occurrence.failedBatchesDropped) {
        context.report(rule, occurrence.name, undefined, rule.diagnostic?.failedBatchesMessage);
        continue;
      }
      const logged = rule.diagnostic?.loggedMessage && scopes.logsUnprocessedOnly(occurrence.tokenIndex);
      const waited = !logged && rule.diagnostic?.waitedMessage && scopes.waitsUnprocessedOnly(occurrence.tokenIndex);
      context.report(rule, occurrence.name, undefined, logged ? rule.diagnostic?.loggedMessage : waited ? rule.diagnostic?.waitedMessage : undefined);
    }
  }
}

/**
 * A JavaScript conditional whose one branch leaves the option unset (`? … : undefined`, `? undefined : …`): the SDKs
 * send no member for an undefined one. (boto3 refuses `Limit=None` before sending anything: no such branch there.)
 */
const MAY_BE_UNSET = /:\s*undefined\s*$|^[^?]*\?\s*undefined\s*:/;

/**
 * Whether a Limit asks for one page on purpose, unless a filter then drops items from that page: a Query's
 * first items in sort-key order (top-N, the latest first), or a Scan's sample (a literal under
 * `SCAN_LIST_LIMIT`: an existence check, a preview). A Scan's items come in no order worth a top-N, so a page
 * size the caller passes in, or a literal as large as a list's, with no pagination marker around it (no
 * `ExclusiveStartKey` in, no `LastEvaluatedKey` out) is a list that never gets past its first page.
 */
function limitAsksForOnePage(operation: string, request: OptionContext): boolean {
  if (!setsOption(request, LIMIT) || setsOption(request, FILTERS)) {
    return false;
  }
  const limit = optionNamed(request, LIMIT)?.literal;
  // `Limit: test ? 1 : undefined`: in the other branch there is no Limit, and every page counts.
  if (limit?.kind === 'expr' && MAY_BE_UNSET.test(limit.text)) {
    return false;
  }
  return operation !== 'dynamodb:Scan' || limit === undefined || (limit.kind === 'num' && limit.value < SCAN_LIST_LIMIT);
}

/**
 * A Query whose result the code uses only for its first item, with every option in sight and no filter, or with
 * the request its callers hand it whole and none of the file's calls filtering: that item is on the first page, if
 * anywhere. A filter may leave the first page empty while later pages match.
 */
function firstItemOnly(operation: string, request: OptionContext | undefined, scopes: ScopeInfo, tokenIndex: number): boolean {
  const unfiltered = (request?.complete === true && !setsOption(request, FILTERS)) || scopes.requestFromCallers(tokenIndex);
  return operation === 'dynamodb:Query' && unfiltered && scopes.readsFirstItemOnly(tokenIndex);
}

/**
 * A Scan with no filter whose result the code reads only for its first item, or for whether it has one (`isTableEmpty`):
 * a non-empty table's first page holds an item, so no loop is missing, but without a Limit that page is up to 1 MB.
 */
function scanReadForFirstItem(operation: string, request: OptionContext | undefined, scopes: ScopeInfo, tokenIndex: number): boolean {
  return operation === 'dynamodb:Scan' && request?.complete === true && !setsOption(request, FILTERS) && scopes.readsFirstItemOnly(tokenIndex);
}

/**
 * A Query of a table (not an index: an index key need not be unique) that the workspace shows, with an
 * equality on each attribute of its primary key: the partition key of a table without a sort key, or both
 * keys (`pk = :pk AND sk = :sk`). It matches one item at most (400 KB), so there is never a second page.
 */
function matchesOneItem(context: CheckContext, request: OptionContext | undefined): boolean {
  const resolved = request && context.workspace?.of(request);
  if (!resolved || resolved.target !== 'table' || resolved.request.operation !== 'dynamodb:Query') {
    return request !== undefined && pinsPrimaryKey(request, context.model.contexts);
  }
  const { partitionKey, sortKey, hashOnly } = resolved.table;
  const terms = resolved.request.keyCondition?.terms ?? [];
  const equals = (name: string | undefined): boolean => name !== undefined && terms.some((term) => term.name === name && term.operator === '=');
  return equals(partitionKey?.name) && (hashOnly === true || equals(sortKey?.name));
}

/** `#pk` names an attribute of its own: two placeholders that differ name two attributes (DynamoDB rejects one named twice). */
class PlaceholdersAsNames extends Map<string, string> {
  override get(placeholder: string): string {
    return placeholder;
  }
}

/**
 * A Query of a table (every option in sight, no `IndexName`) whose key condition, written as one string or with
 * boto3's builder, is an equality on each of two attributes (`pk = :pk AND sk = :sk`, `Key("pk").eq(a) & Key("sk").eq(b)`). A key condition names the partition key and
 * at most one sort key, so these are the table's whole primary key, which one item at most has, whatever the
 * workspace shows of the table; or an equality on the one attribute the file's GetItem, UpdateItem or DeleteItem
 * of the same table writes as its whole `Key`. An index's keys need not be unique, so a Query of one keeps its finding.
 */
function pinsPrimaryKey(request: OptionContext, contexts: readonly OptionContext[]): boolean {
  const expression = request.type === 'dynamodb:Query' && request.complete && !setsOption(request, INDEX_NAME) ? optionNamed(request, KEY_CONDITION_EXPRESSION)?.literal : undefined;
  const terms = expression?.kind === 'str' ? conditionTerms(expression.value, new PlaceholdersAsNames()) : expression?.kind === 'expr' ? request.builtKeyCondition : undefined;
  if (terms === undefined || !terms.every((term) => term.operator === '=')) {
    return false;
  }
  // One equality on the attribute that the file's item requests of the table name as its whole key (`singleKeyTables.ts`).
  return terms.length === 2 ? terms[0].name !== terms[1].name : terms.length === 1 && keyedOnAlone(contexts, request, terms[0].name);
}

const STATEMENT = 'dynamodb:ExecuteStatement';

/**
 * Whether an `ExecuteStatement` reads pages: a SELECT the code writes out (another statement, or one whose text is
 * not known, may not read at all), unless its WHERE clause is equalities on two attributes or more (`pk = ? AND
 * sk = ?`), which may be the whole primary key of one item, or equalities alone on a read whose first item is all
 * the code uses. A WHERE clause also filters (unlike a key condition), so an equality is not known to be a key's.
 */
function selectsPages(select: PartiqlSelect | undefined, firstItemOnly: boolean): boolean {
  if (!select) {
    return false;
  }
  const names = new Set(select.equalities);
  return names.size < 2 && !(firstItemOnly && names.size > 0);
}

/**
 * A SELECT that the PartiQL reference says scans the whole table or index: one whose WHERE clause holds no `=` and
 * no `IN`, so no partition key value can be pinned, or one without a WHERE clause that reads only its first page
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.select.html). A SELECT of every
 * item that pages on is a deliberate read of the whole table, as a paginated Scan is; a test reads a table it set up;
 * a Limit stops the read after that many items.
 */
export const partiqlFullScan: Check = (rule, context) => {
  const scopes = context.model.scopes;
  for (const occurrence of context.model.operations) {
    const request = occurrence.operation === STATEMENT ? occurrence.request : undefined;
    const select = request?.partiqlSelect;
    const statement = select && (!select.where || !select.equalityOrIn) ? request?.options.find((option) => option.norm === 'statement') : undefined;
    if (!statement || (request !== undefined && setsOption(request, LIMIT)) || scopes.inTest(occurrence.tokenIndex)) {
      continue;
    }
    if (select?.where) {
      context.report(rule, statement.key);
    } else if (!scopes.hasPaginationMarker(occurrence.tokenIndex) && !scopes.hasNextTokenMarker(occurrence.tokenIndex)) {
      context.report(rule, statement.key, undefined, rule.diagnostic!.firstPageMessage);
    }
  }
};

/**
 * A `BatchExecuteStatement` whose statements' errors the code never reads: the call succeeds while statements of
 * it fail, each failure only in its response's `Error` (`code/batchStatementErrors.ts`). A test reads what it set up.
 */
export const statementErrorsIgnored: Check = (rule, context) => {
  const scopes = context.model.scopes;
  for (const occurrence of context.model.operations) {
    if (occurrence.call && occurrence.operation === 'dynamodb:BatchExecuteStatement' && !scopes.inTest(occurrence.tokenIndex) && !scopes.readsStatementErrors(occurrence.tokenIndex)) {
      context.report(rule, occurrence.name);
    }
  }
};

export const noPagination: Check = (rule, context) => unpaginatedOrUnchecked(rule, context, 'no-pagination');

export const unprocessedIgnored: Check = (rule, context) => unpaginatedOrUnchecked(rule, context, 'unprocessed-ignored');

const BATCH_LIMITS: Record<string, number> = {
  'dynamodb:BatchWriteItem': 25,
  'dynamodb:BatchExecuteStatement': 25,
  'dynamodb:ExecuteTransaction': 100,
  'dynamodb:BatchGetItem': 100,
  'dynamodb:TransactWriteItems': 100,
  'dynamodb:TransactGetItems': 100,
};

export const batchSize: Check = (rule, context) => {
  for (const { context: request, option } of context.optionsOf(rule)) {
    const limit = BATCH_LIMITS[request.type] ?? Infinity;
    if (option.literalCounts !== undefined && option.literalCounts > limit) {
      context.report(rule, option.key);
    }
  }
};

export const consistentReadOnIndex: Check = (rule, context) => {
  // Where the workspace tells the index, this guess gives way: an LSI allows the read, and a GSI gets the certain error.
  const workspaceKnows = (request: OptionContext): boolean => {
    const resolved = context.workspace?.of(request);
    return resolved?.target === 'index' && (resolved.index?.kind === 'lsi' || context.checkRuns('workspace-consistent-read-gsi'));
  };
  for (const { context: request, option } of context.optionsOf(rule)) {
    if (literalEquals(option.literal, true) && (request.onIndex || optionNamed(request, INDEX_NAME)) && !workspaceKnows(request)) {
      context.report(rule, option.key, context.fixFor(rule, option));
    }
  }
  // A request whose ConsistentRead is true unless it says otherwise (the Java 1.x mapper's DynamoDBQueryExpression), on an index.
  for (const request of context.model.contexts) {
    const byDefault = request.defaults?.get('consistentread');
    const index = byDefault && literalEquals(byDefault, true) ? optionNamed(request, INDEX_NAME) : undefined;
    if (index && !request.options.some((option) => option.norm === 'consistentread') && !workspaceKnows(request)) {
      context.report(rule, index.key, undefined, READ_CONSISTENT_BY_DEFAULT);
    }
  }
};

const READ_CONSISTENT_BY_DEFAULT =
  'A DynamoDBQueryExpression reads with ConsistentRead true unless it is set to false, and this one queries an index. Strongly consistent reads are not supported on global secondary indexes, so DynamoDB rejects this query if the index is a GSI: add withConsistentRead(false).';

export const filterOnScan: Check = (rule, context) => {
  for (const { context: request, option } of context.optionsOf(rule)) {
    // A filter whose conditions the code does not show (`absent`) may be empty: a hover, no finding.
    if (request.type === 'dynamodb:Scan' && !option.absent) {
      context.report(rule, option.key);
    }
  }
};

export const limitWithFilter: Check = (rule, context) => {
  for (const { context: request, option } of context.optionsOf(rule)) {
    if (optionNamed(request, FILTER_EXPRESSION)) {
      context.report(rule, option.key);
    }
  }
};
