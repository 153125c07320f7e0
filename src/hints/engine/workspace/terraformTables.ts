/**
 * DynamoDB tables in Terraform for the workspace model: `aws_dynamodb_table` (its `attribute` blocks for key
 * types, its index blocks, TTL, billing and stream) and the terraform-aws-modules dynamodb-table module, whose
 * inputs are the resource's arguments with attributes and indexes as lists of objects. Values are read through
 * the file's reader (`terraform.ts`), which resolves variables and locals.
 */
import { namePatternOf } from './namePatterns';
import { LineIndex } from '../text';
import { keyTypeOf, sourceRef } from './contribution';
import { attributeOf, blocksOf, HclBlock, HclBody, HclValue } from './hcl';
import { KeyAttribute, Projection, SourceRef, TableDefinition, TableIndex } from './types';

/** How the file's reader gives a value: as text, resolved through variables and locals, or as a boolean. */
export interface HclValues {
  text(value: HclValue | undefined): string | undefined;
  resolved(value: HclValue | undefined): HclValue | undefined;
  bool(value: HclValue | undefined): boolean | undefined;
}

export class TerraformTables {
  constructor(
    private readonly values: HclValues,
    private readonly file: string,
    private readonly lines: LineIndex,
  ) {}

  private key(name: string | undefined, types: Map<string, KeyAttribute['type']> | undefined): KeyAttribute | undefined {
    if (name === undefined) {
      return undefined;
    }
    const type = types?.get(name);
    return type ? { name, type } : { name };
  }

  private projection(type: string | undefined, attributes: HclValue | undefined): Projection | undefined {
    if (type !== 'ALL' && type !== 'KEYS_ONLY' && type !== 'INCLUDE') {
      return undefined;
    }
    const resolved = this.values.resolved(attributes);
    const names = resolved?.kind === 'tuple' ? resolved.items.map((item) => this.values.text(item)) : [];
    if (type === 'INCLUDE' && (resolved?.kind !== 'tuple' || names.some((name) => name === undefined))) {
      return undefined;
    }
    return { type, attributes: names as string[] };
  }

  /** One index from its settings (a block's body or an object of the module's list); undefined when not literal. */
  private secondaryIndex(settings: HclBody | HclValue, kind: TableIndex['kind'], partitionKey: KeyAttribute | undefined, types: Map<string, KeyAttribute['type']> | undefined, definedAt: SourceRef): TableIndex | undefined {
    const name = this.values.text(attributeOf(settings, 'name'));
    const hashKey = kind === 'gsi' ? this.key(this.values.text(attributeOf(settings, 'hash_key')), types) : partitionKey;
    const rangeWritten = attributeOf(settings, 'range_key');
    const rangeKey = this.key(this.values.text(rangeWritten), types);
    // A key written any other way (a `key_schema` block for multi-attribute keys, a variable) is not read.
    const otherKeys = 'blocks' in settings && settings.blocks.some((block) => block.type === 'key_schema');
    if (name === undefined || !hashKey || (rangeWritten && rangeWritten.kind !== 'null' && !rangeKey) || otherKeys) {
      return undefined;
    }
    const index: TableIndex = { name, kind, partitionKey: hashKey, definedAt };
    if (rangeKey) {
      index.sortKey = rangeKey;
    }
    const projection = this.projection(this.values.text(attributeOf(settings, 'projection_type')), attributeOf(settings, 'non_key_attributes'));
    if (projection) {
      index.projection = projection;
    }
    return index;
  }

  table(logicalName: string, block: HclBlock): TableDefinition {
    const body = block.body;
    const dynamic = new Set(blocksOf(body, 'dynamic').map((entry) => entry.labels[0]));
    let types: Map<string, KeyAttribute['type']> | undefined;
    if (!dynamic.has('attribute')) {
      types = new Map();
      for (const attribute of blocksOf(body, 'attribute')) {
        const name = this.values.text(attributeOf(attribute.body, 'name'));
        if (name !== undefined) {
          types.set(name, keyTypeOf(this.values.text(attributeOf(attribute.body, 'type'))));
        }
      }
    }
    const partitionKey = this.key(this.values.text(attributeOf(body, 'hash_key')), types);
    const table = this.newTable(logicalName, block, partitionKey, this.key(this.values.text(attributeOf(body, 'range_key')), types));
    if (table.partitionKey && !attributeOf(body, 'range_key')) {
      table.hashOnly = true;
    }
    // Indexes added by `aws_dynamodb_global_secondary_index` resources go with `ignore_changes = [global_secondary_index]`.
    const lifecycle = blocksOf(body, 'lifecycle')[0];
    const ignored = attributeOf(lifecycle?.body, 'ignore_changes');
    const indexesIgnored = ignored?.kind === 'tuple' && ignored.items.some((item) => item.kind === 'reference' && item.path[0] === 'global_secondary_index');
    table.indexesKnown = !dynamic.has('global_secondary_index') && !dynamic.has('local_secondary_index') && !indexesIgnored;
    for (const [type, kind] of [['global_secondary_index', 'gsi'], ['local_secondary_index', 'lsi']] as const) {
      for (const written of blocksOf(body, type)) {
        const nameValue = attributeOf(written.body, 'name');
        const index = this.secondaryIndex(written.body, kind, partitionKey, types, sourceRef(this.file, this.lines, nameValue?.span ?? written.nameSpan));
        if (index) {
          table.indexes.push(index);
        } else {
          table.indexesKnown = false;
        }
      }
    }
    this.setTableSettings(table, body, 'PROVISIONED');
    const ttl = blocksOf(body, 'ttl')[0];
    const ttlAttribute = this.values.text(attributeOf(ttl?.body, 'attribute_name'));
    if (ttlAttribute && this.values.bool(attributeOf(ttl?.body, 'enabled')) === true) {
      table.ttlAttribute = ttlAttribute;
    }
    return table;
  }

  private newTable(logicalName: string, block: HclBlock, partitionKey: KeyAttribute | undefined, sortKey: KeyAttribute | undefined): TableDefinition {
    const table: TableDefinition = { logicalName, format: 'terraform', indexes: [], indexesKnown: true, definedAt: sourceRef(this.file, this.lines, block.nameSpan) };
    if (partitionKey) {
      table.partitionKey = partitionKey;
      if (sortKey) {
        table.sortKey = sortKey;
      }
    }
    const value = attributeOf(block.body, 'name');
    const name = this.values.text(value);
    if (name) {
      table.physicalName = name;
    } else if (value?.kind === 'template') {
      // `"shop-${var.stage}-orders"`: its literal pieces, which code that builds the name may fit.
      const pattern = namePatternOf(value.parts.map((part) => ('text' in part ? part.text : null)));
      if (pattern) {
        table.namePattern = pattern;
      }
    }
    return table;
  }

  /** `billing_mode` (its default differs: PROVISIONED for the resource, PAY_PER_REQUEST for the module) and the stream. */
  private setTableSettings(table: TableDefinition, body: HclBody, defaultBilling: 'PROVISIONED' | 'PAY_PER_REQUEST'): void {
    const billingValue = attributeOf(body, 'billing_mode');
    const billing = billingValue ? this.values.text(billingValue) : defaultBilling;
    if (billing === 'PROVISIONED' || billing === 'PAY_PER_REQUEST') {
      table.billingMode = billing;
    }
    const view = this.values.text(attributeOf(body, 'stream_view_type'));
    if (view && this.values.bool(attributeOf(body, 'stream_enabled')) === true) {
      table.streamViewType = view;
    }
  }

  /** The dynamodb-table module: its inputs are the resource's arguments, with attributes and indexes as lists of objects. */
  moduleTable(logicalName: string, block: HclBlock): TableDefinition {
    const body = block.body;
    const attributes = this.values.resolved(attributeOf(body, 'attributes'));
    let types: Map<string, KeyAttribute['type']> | undefined;
    if (attributes?.kind === 'tuple') {
      types = new Map();
      for (const item of attributes.items) {
        const name = this.values.text(attributeOf(item, 'name'));
        if (name !== undefined) {
          types.set(name, keyTypeOf(this.values.text(attributeOf(item, 'type'))));
        }
      }
    }
    const partitionKey = this.key(this.values.text(attributeOf(body, 'hash_key')), types);
    const table = this.newTable(logicalName, block, partitionKey, this.key(this.values.text(attributeOf(body, 'range_key')), types));
    for (const [input, kind] of [['global_secondary_indexes', 'gsi'], ['local_secondary_indexes', 'lsi']] as const) {
      const written = attributeOf(body, input);
      const list = this.values.resolved(written);
      if (!written) {
        continue;
      }
      if (list?.kind !== 'tuple') {
        table.indexesKnown = false;
        continue;
      }
      for (const item of list.items) {
        const nameValue = attributeOf(item, 'name');
        const index = item.kind === 'object' ? this.secondaryIndex(item, kind, partitionKey, types, sourceRef(this.file, this.lines, (nameValue ?? item).span)) : undefined;
        if (index) {
          table.indexes.push(index);
        } else {
          table.indexesKnown = false;
        }
      }
    }
    this.setTableSettings(table, body, 'PAY_PER_REQUEST');
    const ttlAttribute = this.values.text(attributeOf(body, 'ttl_attribute_name'));
    if (ttlAttribute && this.values.bool(attributeOf(body, 'ttl_enabled')) === true) {
      table.ttlAttribute = ttlAttribute;
    }
    return table;
  }
}
