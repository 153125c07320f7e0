/**
 * A CDK DynamoDB `Table` or `TableV2` as the workspace model holds it, from its props read as CDK values: by the
 * TypeScript, JavaScript and Python reader (`cdk.ts`) and the Java and C# one (`typedCdk.ts`), whose builders and
 * initializers name the same props (`partitionKey`, `PartitionKey`, `partition_key` are one prop).
 */
import { LineIndex } from '../text';
import { normalizeName } from '../types';
import { CdkValue, entry, lastNames } from './cdkSource';
import { keyTypeOf, sourceRef } from './contribution';
import { KeyAttribute, SourceRef, TableDefinition, TableIndex } from './types';

export interface CdkTableConstruct {
  kind: 'table' | 'table-v2';
  id?: string;
  props: CdkValue | undefined;
  definedAt: SourceRef;
  /** The indexes methods add (`addGlobalSecondaryIndex`), by their props. */
  indexes: { props: CdkValue | undefined; kind: TableIndex['kind'] }[];
}

/** A literal's text. */
export function cdkText(value: CdkValue | undefined): string | undefined {
  if (value?.kind === 'template') {
    // Text once its substitutions are (a factory's parameters replaced by literals: `cdkLambdaFactories.ts`).
    const parts = value.parts.map(cdkText);
    return parts.includes(undefined) ? undefined : parts.join('');
  }
  return value?.kind === 'string' ? value.value : value?.kind === 'number' || value?.kind === 'bool' ? String(value.value) : undefined;
}

/** `{ name: 'pk', type: AttributeType.STRING }` or `dynamodb.Attribute(name="pk", type=…)`. */
function attribute(value: CdkValue | undefined): KeyAttribute | undefined {
  const name = cdkText(entry(value, 'name'));
  if (name === undefined) {
    return undefined;
  }
  const written = lastNames(entry(value, 'type'), 2);
  const type = written?.startsWith('AttributeType.') ? keyTypeOf(written.slice('AttributeType.'.length)) : undefined;
  return type ? { name, type } : { name };
}

/** One index from its props; undefined when they are not literal or use multi-attribute keys (`partitionKeys`). */
function secondaryIndex(file: string, lines: LineIndex, props: CdkValue | undefined, kind: TableIndex['kind'], partitionKey: KeyAttribute | undefined): TableIndex | undefined {
  const nameValue = entry(props, 'indexName');
  const name = cdkText(nameValue);
  const indexKey = kind === 'gsi' ? attribute(entry(props, 'partitionKey')) : partitionKey;
  const sortWritten = entry(props, 'sortKey');
  const sortKey = attribute(sortWritten);
  const open = props?.kind === 'object' && props.open;
  if (!nameValue || name === undefined || !indexKey || (sortWritten && !sortKey) || entry(props, 'partitionKeys') || entry(props, 'sortKeys') || open) {
    return undefined;
  }
  const index: TableIndex = { name, kind, partitionKey: indexKey, definedAt: sourceRef(file, lines, nameValue.span) };
  if (sortKey) {
    index.sortKey = sortKey;
  }
  // CDK projects every attribute unless told otherwise.
  const projection = lastNames(entry(props, 'projectionType'), 2) ?? 'ProjectionType.ALL';
  const type = projection.slice('ProjectionType.'.length);
  const included = entry(props, 'nonKeyAttributes');
  const attributes = included?.kind === 'list' ? included.items.map((item) => cdkText(item)) : [];
  if ((type === 'ALL' || type === 'KEYS_ONLY' || type === 'INCLUDE') && !(type === 'INCLUDE' && (included?.kind !== 'list' || attributes.includes(undefined)))) {
    index.projection = { type, attributes: attributes as string[] };
  }
  return index;
}

export function cdkTable(file: string, lines: LineIndex, construct: CdkTableConstruct): TableDefinition {
  const { props } = construct;
  const readable = props?.kind === 'object';
  const table: TableDefinition = { logicalName: construct.id ?? '', format: 'cdk', indexes: [], indexesKnown: readable && !props.open, definedAt: construct.definedAt };
  const partitionKey = attribute(entry(props, 'partitionKey'));
  if (partitionKey) {
    table.partitionKey = partitionKey;
    const sortKey = attribute(entry(props, 'sortKey'));
    if (sortKey) {
      table.sortKey = sortKey;
    } else if (readable && !props.open && !entry(props, 'sortKey')) {
      table.hashOnly = true;
    }
  }
  const name = cdkText(entry(props, 'tableName'));
  if (name) {
    table.physicalName = name;
  }
  const specs = [...construct.indexes];
  for (const [property, kind] of [['globalSecondaryIndexes', 'gsi'], ['localSecondaryIndexes', 'lsi']] as const) {
    const list = entry(props, property);
    if (list?.kind === 'list') {
      specs.push(...list.items.map((item) => ({ props: item, kind })));
    } else if (list) {
      table.indexesKnown = false;
    }
  }
  for (const spec of specs) {
    const index = secondaryIndex(file, lines, spec.props, spec.kind, partitionKey);
    if (index) {
      table.indexes.push(index);
    } else {
      table.indexesKnown = false;
    }
  }
  setBilling(table, construct);
  const stream = lastNames(entry(props, construct.kind === 'table' ? 'stream' : 'dynamoStream'), 2);
  if (stream?.startsWith('StreamViewType.')) {
    table.streamViewType = stream.slice('StreamViewType.'.length);
  }
  const ttl = cdkText(entry(props, 'timeToLiveAttribute'));
  if (ttl) {
    table.ttlAttribute = ttl;
  }
  return table;
}

/**
 * `Table`: `billingMode`, by default PROVISIONED, or PAY_PER_REQUEST with `replicationRegions`.
 * `TableV2`: `billing: Billing.onDemand()` (the default) or `Billing.provisioned(…)` (C#'s `Billing.OnDemand()`).
 */
function setBilling(table: TableDefinition, construct: CdkTableConstruct): void {
  const { props } = construct;
  if (construct.kind === 'table') {
    const written = entry(props, 'billingMode');
    const mode = written ? lastNames(written, 1) : entry(props, 'replicationRegions') ? 'PAY_PER_REQUEST' : 'PROVISIONED';
    if (mode === 'PAY_PER_REQUEST' || mode === 'PROVISIONED') {
      table.billingMode = mode;
    }
    return;
  }
  const billing = entry(props, 'billing');
  const factory = normalizeName((billing ? (billing.kind === 'call' ? lastNames(billing, 1) : undefined) : 'onDemand') ?? '');
  if (factory === 'ondemand') {
    table.billingMode = 'PAY_PER_REQUEST';
  } else if (factory === 'provisioned') {
    table.billingMode = 'PROVISIONED';
  }
}
