/**
 * Checks that hold a DynamoDB request against the table the workspace's infrastructure code defines: an
 * index the table lacks, a strongly consistent read on a GSI, a key condition or `Key` that does not fit
 * the key schema, a projection a GSI cannot serve, a Scan that a Query would do. They run only on
 * requests whose table the model resolves, and each finding links to the definition it was checked against.
 */
import { AttributeAt, KeyTerm } from '../model';
import { RelatedPlace } from '../types';
import { ResolvedRequest, tableName, targetKeys } from '../workspace/resolve';
import { TableDefinition, TableIndex } from '../workspace/types';
import { Check, CheckContext, optionNamed } from './context';

const CONSISTENT_READ = ['ConsistentRead'];

/** Index names listed in a message before the rest are counted. */
const LISTED_INDEXES = 5;
/** A condition with more terms than this is not checked: no real key condition has them, and the check stays linear. */
const MAX_TERMS = 32;

/** Reports each place once: requests that share a condition (a filter variable, a builder, a boto3 `Key`) would repeat it. */
function onceEach(context: CheckContext): CheckContext['report'] {
  const seen = new Set<number>();
  return (rule, span, fix, message, related) => {
    const key = span.start * 0x1000000 + (span.end - span.start);
    if (!seen.has(key)) {
      seen.add(key);
      context.report(rule, span, fix, message, related);
    }
  };
}

export function tableDefined(table: TableDefinition): RelatedPlace {
  const named = table.physicalName && table.physicalName !== table.logicalName ? `${table.physicalName} (${table.logicalName})` : table.logicalName;
  return { message: `Table ${named} is defined here`, at: table.definedAt };
}

export function indexDefined(index: TableIndex): RelatedPlace {
  return { message: `${index.kind === 'gsi' ? 'Global' : 'Local'} secondary index ${index.name} is defined here`, at: index.definedAt };
}

export function keyList(keys: { partitionKey: { name: string }; sortKey?: { name: string } }): string {
  return keys.sortKey ? `partition key '${keys.partitionKey.name}', sort key '${keys.sortKey.name}'` : `partition key '${keys.partitionKey.name}'`;
}

function indexNames(table: TableDefinition): string {
  if (table.indexes.length === 0) {
    return 'it defines none';
  }
  const names = table.indexes.slice(0, LISTED_INDEXES).map((index) => `'${index.name}'`);
  const more = table.indexes.length - names.length;
  return `its indexes: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** Where the checked definition sits: the index when the request reads one, else the table. */
function definitionOf(resolved: ResolvedRequest): RelatedPlace {
  return resolved.index ? indexDefined(resolved.index) : tableDefined(resolved.table);
}

export const indexUndefined: Check = (rule, context) => {
  const report = onceEach(context);
  for (const resolved of context.workspace?.requests ?? []) {
    const index = resolved.request.index;
    // A PartiQL statement's index is read from its text: what DynamoDB answers for a missing one is not documented.
    if (resolved.target === 'missing-index' && index && index !== 'unknown' && resolved.request.operation !== 'dynamodb:ExecuteStatement') {
      const variable = resolved.request.indexVariable;
      const via = variable?.span === index.span ? `the value of ${variable.variable}; ` : '';
      const message = `Table ${tableName(resolved.table)} has no index named '${index.name}' (${via}${indexNames(resolved.table)}), so DynamoDB rejects this request with a ValidationException.`;
      report(rule, index.span, undefined, message, [tableDefined(resolved.table)]);
    }
  }
};

export const consistentReadOnGsi: Check = (rule, context) => {
  const report = onceEach(context);
  for (const resolved of context.workspace?.requests ?? []) {
    const { request, index } = resolved;
    if (resolved.target !== 'index' || index?.kind !== 'gsi' || !request.consistentRead) {
      continue;
    }
    const option = request.context && optionNamed(request.context, CONSISTENT_READ);
    const message = `Index '${index.name}' of table ${tableName(resolved.table)} is a global secondary index, which supports only eventually consistent reads, so DynamoDB rejects ConsistentRead true here with a ValidationException.`;
    report(rule, request.consistentRead, context.fixFor(rule, option), message, [indexDefined(index)]);
  }
};

export const keyCondition: Check = (rule, context) => {
  const report = onceEach(context);
  for (const resolved of context.workspace?.requests ?? []) {
    const condition = resolved.request.keyCondition;
    const keys = targetKeys(resolved);
    if (!condition || !keys || condition.terms.length > MAX_TERMS) {
      continue;
    }
    const related = [definitionOf(resolved)];
    const isKey = (name: string): boolean => name === keys.partitionKey.name || name === keys.sortKey?.name;
    const nonKeys = condition.keysOnly ? [] : condition.terms.filter((term) => !isKey(term.name));
    for (const term of nonKeys) {
      report(rule, term.span, undefined, `'${term.name}' is not a key of ${keys.of} (${keyList(keys)}): a key condition can name only the partition key and the sort key, so DynamoDB rejects this query with a ValidationException.`, related);
    }
    if (nonKeys.length > 0) {
      continue;
    }
    const terms = condition.terms.filter((term) => isKey(term.name));
    const partition = terms.filter((term) => term.name === keys.partitionKey.name);
    const sort = terms.filter((term) => term.name !== keys.partitionKey.name);
    for (const repeated of [partition.slice(1), sort.slice(1)].flat()) {
      report(rule, repeated.span, undefined, `'${repeated.name}' has a second condition: a key condition holds at most one condition per key (use BETWEEN for a range), so DynamoDB rejects this query.`, related);
    }
    const inequality = partition.find((term) => term.operator !== '=');
    if (inequality) {
      report(rule, inequality.span, undefined, `The partition key '${inequality.name}' of ${keys.of} can only be tested for equality in a key condition; a Query reads one partition key value.`, related);
    } else if (partition.length === 0 && condition.complete) {
      reportMissingPartition(report, rule, resolved, sort[0], keys.partitionKey.name, keys.of, related);
    }
  }
};

function reportMissingPartition(
  report: CheckContext['report'],
  rule: Parameters<Check>[0],
  resolved: ResolvedRequest,
  sortTerm: KeyTerm | undefined,
  partitionKey: string,
  of: string,
  related: RelatedPlace[],
): void {
  const message = sortTerm
    ? `This condition on the sort key '${sortTerm.name}' has no equality condition on the partition key '${partitionKey}' of ${of} beside it: a Query must name one partition key value, so DynamoDB rejects it.`
    : `This query has no equality condition on the partition key '${partitionKey}' of ${of}: a Query must name one partition key value, so DynamoDB rejects it.`;
  report(rule, sortTerm?.span ?? resolved.request.anchor, undefined, message, related);
}

export const keyAttributes: Check = (rule, context) => {
  const report = onceEach(context);
  for (const resolved of context.workspace?.requests ?? []) {
    const key = resolved.request.key;
    const keys = targetKeys(resolved);
    if (keys && resolved.target === 'table') {
      itemKeyAttributes(report, rule, resolved, keys);
    }
    if (!key || !keys || resolved.target !== 'table') {
      continue;
    }
    const related = [tableDefined(resolved.table)];
    const operation = resolved.request.operation.split(':')[1];
    const expected = [keys.partitionKey.name, ...(keys.sortKey ? [keys.sortKey.name] : [])];
    const named = new Set(key.attributes.map((attribute) => attribute.name));
    for (const attribute of key.attributes.filter((candidate) => !expected.includes(candidate.name))) {
      report(rule, attribute.span, undefined, `'${attribute.name}' is not part of the primary key of ${keys.of} (${keyList(keys)}): ${operation} takes exactly the key attributes, so DynamoDB rejects this Key with a ValidationException.`, related);
    }
    const missing = expected.filter((name) => !named.has(name));
    if (missing.length > 0) {
      const which = missing.map((name) => (name === keys.partitionKey.name ? `the partition key '${name}'` : `the sort key '${name}'`)).join(' and ');
      report(rule, key.span, undefined, `This Key misses ${which} of ${keys.of}: ${operation} needs the full primary key, so DynamoDB rejects it with a ValidationException.`, related);
    }
  }
};

/** A PutItem's literal `Item` must hold the whole primary key; its other attributes are free. */
function itemKeyAttributes(report: CheckContext['report'], rule: Parameters<Check>[0], resolved: ResolvedRequest, keys: NonNullable<ReturnType<typeof targetKeys>>): void {
  const item = resolved.request.item;
  if (!item) {
    return;
  }
  const named = new Set(item.attributes.map((attribute) => attribute.name));
  const missing = [keys.partitionKey.name, ...(keys.sortKey ? [keys.sortKey.name] : [])].filter((name) => !named.has(name));
  if (missing.length > 0) {
    const which = missing.map((name) => (name === keys.partitionKey.name ? `the partition key '${name}'` : `the sort key '${name}'`)).join(' and ');
    report(rule, item.span, undefined, `This Item misses ${which} of ${keys.of}: PutItem needs the full primary key in the item, so DynamoDB rejects it with a ValidationException.`, [tableDefined(resolved.table)]);
  }
}

export const projectionNotProjected: Check = (rule, context) => {
  const report = onceEach(context);
  for (const resolved of context.workspace?.requests ?? []) {
    const { request, index, table } = resolved;
    const projection = index?.projection;
    if (resolved.target !== 'index' || index?.kind !== 'gsi' || !projection || projection.type === 'ALL' || !request.projection || !table.partitionKey) {
      continue;
    }
    // Table and index keys are always projected; INCLUDE adds the listed attributes.
    const held = new Set([table.partitionKey.name, table.sortKey?.name, index.partitionKey.name, index.sortKey?.name, ...(projection.type === 'INCLUDE' ? projection.attributes : [])]);
    const missing = request.projection.filter((attribute: AttributeAt) => !held.has(attribute.name));
    for (const attribute of missing) {
      report(
        rule,
        attribute.span,
        undefined,
        `Index '${index.name}' projects ${projection.type === 'KEYS_ONLY' ? 'only the keys' : 'the keys and its INCLUDE list'}, not '${attribute.name}': a query on a global secondary index can request only the attributes projected into it and cannot fetch others from the table.`,
        [indexDefined(index)],
      );
    }
  }
};

export const scanByKey: Check = (rule, context) => {
  const report = onceEach(context);
  for (const resolved of context.workspace?.requests ?? []) {
    const filter = resolved.request.filterEqualities;
    const keys = targetKeys(resolved);
    if (!filter || !keys || (resolved.target !== 'table' && resolved.target !== 'index') || resolved.request.operation !== 'dynamodb:Scan') {
      continue;
    }
    const partition = filter.find((term) => term.name === keys.partitionKey.name);
    if (!partition) {
      continue;
    }
    report(rule, partition.span, undefined, scanByKeyMessage(resolved, partition.name, filter), [tableDefined(resolved.table), ...(resolved.index ? [indexDefined(resolved.index)] : [])]);
  }
};

/**
 * What a Query or GetItem would read instead. Only equalities on the key: GetItem for a whole primary key (a table
 * keyed by its partition key alone, or both keys pinned), else a Query; other conditions stay a Query's filter. An
 * index is read by a Query on it, since its keys need not be unique.
 */
function scanByKeyMessage(resolved: ResolvedRequest, partition: string, filter: readonly AttributeAt[]): string {
  const keys = targetKeys(resolved)!;
  const table = tableName(resolved.table);
  const onKeys = !resolved.request.filterOthers && filter.every((term) => term.name === keys.partitionKey.name || term.name === keys.sortKey?.name);
  const rest = onKeys ? '' : ', with the rest of the filter as its FilterExpression';
  if (resolved.target === 'index' && resolved.index) {
    return `This Scan reads the whole index ${resolved.index.name} of table ${table} to keep the items of one value of the index's partition key '${partition}': a Query on the index reads only those items${rest}.`;
  }
  // A table with no sort key is keyed by its partition key alone, so one value is one item.
  const wholeKey = onKeys && (keys.sortKey !== undefined ? filter.some((term) => term.name === keys.sortKey?.name) : resolved.table.hashOnly === true);
  return wholeKey
    ? `This Scan reads the whole table ${table} to keep the one item whose primary key it filters on: GetItem reads just that item.`
    : `This Scan reads the whole table ${table} to keep the items of one partition key '${partition}' value: a Query on it reads only those items${rest}.`;
}
