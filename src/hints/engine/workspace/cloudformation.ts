/**
 * CloudFormation and SAM templates (YAML or JSON) for the workspace model: DynamoDB tables
 * (`AWS::DynamoDB::Table`, `AWS::DynamoDB::GlobalTable`, SAM `AWS::Serverless::SimpleTable`), RDS and
 * ElastiCache resources, and Lambda functions with their code and environment. Only what the template
 * writes literally counts: a value behind `!If`, `!ImportValue` or a parameter without a default is
 * left unknown, and a key schema that cannot be read leaves the table's keys undefined. A Serverless
 * Framework service file's `resources` section is read here as a template (see `./serverless`), and
 * the parameters a template passes to its nested stacks in `./nestedStacks`. A resource fragment that a
 * service includes (`../iac/fragments`) is read as a template of its resources; a file that is one
 * resource takes the file's name for the logical id that the service file gives it.
 */
import { starPattern } from './namePatterns';
import { namePattern } from './stackExports';
import { isJson, looksLikeCloudFormation } from '../iac/cloudformation';
import { templateRoot } from '../iac/fragments';
import { readJson } from '../iac/json';
import { mayBeServerless, readServerless } from '../iac/serverless';
import { parameterDefault } from '../iac/parameterDefault';
import { entryOf, IacNode, refTarget, scalarText } from '../iac/tree';
import { readYaml } from '../iac/yaml';
import { LineIndex } from '../text';
import { emptyContribution, isEnvironmentName, keepsSetting, keyTypeOf, sourceRef } from './contribution';
import { folderOf, joinPath, stemOf } from './paths';
import { nestedStackParameters } from './nestedStacks';
import { noteStackExports } from './stackExports';
import { indexServerlessFunctions } from './serverless';
import { isFragmentShape, markFragmentTables } from './serviceFragments';
import { Span } from '../types';
import { DatabaseDefinition, DatabaseKind, EnvironmentValue, FileContribution, FunctionDefinition, KeyAttribute, Projection, SourceRef, TableDefinition, TableIndex } from './types';

const TABLE_TYPES = new Set(['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Serverless::SimpleTable']);

const DATABASE_TYPES = new Map<string, DatabaseKind>(Object.entries({
  'AWS::RDS::DBInstance': 'rds-instance',
  'AWS::RDS::DBCluster': 'rds-cluster',
  'AWS::ElastiCache::ReplicationGroup': 'elasticache-replication-group',
  'AWS::ElastiCache::CacheCluster': 'elasticache-cluster',
  'AWS::ElastiCache::ServerlessCache': 'elasticache-serverless',
} satisfies Record<string, DatabaseKind>));

/** Table attributes whose value names the table to the API: its name (`Ref`) and its ARN, which `TableName` also accepts. */
const TABLE_ATTRIBUTES = new Set(['Arn']);
/** RDS resources whose `Fn::GetAtt` gives the host name a client connects to, by type: the attributes that do. */
const ENDPOINT_ATTRIBUTES = new Map<string, ReadonlySet<string>>([
  ['AWS::RDS::DBInstance', new Set(['Endpoint.Address'])],
  ['AWS::RDS::DBCluster', new Set(['Endpoint.Address', 'ReadEndpoint.Address'])],
  ['AWS::RDS::DBProxy', new Set(['Endpoint'])],
  ['AWS::RDS::DBProxyEndpoint', new Set(['Endpoint'])],
]);

/** A key schema as far as it is written literally. */
interface KeySchema {
  partitionKey?: KeyAttribute;
  sortKey?: KeyAttribute;
  /** False when the list or one of its elements is not literal, or the index uses multi-attribute keys. */
  readable: boolean;
}

/** `X.Arn` of `!GetAtt X.Arn`, `!GetAtt [X, Arn]`, `{ "Fn::GetAtt": ["X", "Arn"] }` or `Fn::GetAtt: X.Arn`, as [resource, attribute]. */
function getAttTarget(node: IacNode | undefined): [string, string] | undefined {
  let written: string | undefined;
  if (node?.kind === 'scalar' && node.tag === 'GetAtt') {
    written = node.literal.kind === 'str' ? node.literal.value : node.literal.kind === 'expr' ? flowListText(node.literal.text) : undefined;
  } else if (node?.kind === 'map' && node.entries.length === 1 && node.entries[0].key === 'Fn::GetAtt') {
    const value = node.entries[0].value;
    written = value.kind === 'list' ? value.items.map((item) => scalarText(item) ?? '').join('.') : scalarText(value);
  }
  const dot = written?.indexOf('.') ?? -1;
  return written && dot > 0 ? [written.slice(0, dot), written.slice(dot + 1)] : undefined;
}

/** `!GetAtt [X, Arn]` kept as text by the YAML reader, as `X.Arn`. */
function flowListText(text: string): string | undefined {
  const open = text.indexOf('[');
  const close = text.lastIndexOf(']');
  if (open < 0 || close < open) {
    return undefined;
  }
  const parts = text.slice(open + 1, close).split(',').map((part) => part.trim().replace(/^(["'])(.*)\1$/, '$2'));
  return parts.length === 2 && parts.every((part) => /^[A-Za-z0-9]+$/.test(part)) ? parts.join('.') : undefined;
}

/** The string of `!Sub` / `Fn::Sub` when it is one string (no list form). */
function subText(node: IacNode | undefined): string | undefined {
  if (node?.kind === 'scalar' && node.tag === 'Sub') {
    return node.literal.kind === 'str' ? node.literal.value : undefined;
  }
  const only = node?.kind === 'map' && node.entries.length === 1 ? node.entries[0] : undefined;
  return only?.key === 'Fn::Sub' ? scalarText(only.value) : undefined;
}

function listItems(node: IacNode | undefined): IacNode[] | undefined {
  return node?.kind === 'list' ? node.items : undefined;
}

/** A function's environment as read: known values, variables set to something unknown, and whether the whole was readable. */
export interface ReadEnvironment {
  values: Record<string, EnvironmentValue>;
  unknown: string[];
  readable: boolean;
}

export class TemplateIndexer {
  readonly contribution = emptyContribution();
  private readonly defaults = new Map<string, string>();
  /** Parameters without a literal default: their value is decided at deploy time. */
  private readonly parameters = new Set<string>();
  private readonly tableIds = new Set<string>();
  /** RDS resources by logical id: the attributes that give their endpoint's host name. */
  private readonly endpointAttributes = new Map<string, ReadonlySet<string>>();
  /** Secrets a SecretTargetAttachment ties to an RDS instance or cluster of the template, by logical id. */
  private readonly attachedSecrets = new Set<string>();
  private readonly folder: string;

  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly root: IacNode | undefined,
  ) {
    this.folder = folderOf(file);
    const parameters = entryOf(root, 'Parameters')?.value;
    for (const parameter of parameters?.kind === 'map' ? parameters.entries : []) {
      const fallback = scalarText(parameterDefault(parameter.value));
      if (fallback !== undefined) {
        this.defaults.set(parameter.key, fallback);
      } else {
        this.parameters.add(parameter.key);
      }
    }
  }

  at(span: Span): SourceRef {
    return sourceRef(this.file, this.lines, span);
  }

  /** A string written literally: a scalar, a parameter's default through `Ref`, or a `!Sub` with no variables. */
  private text(node: IacNode | undefined): string | undefined {
    const literal = scalarText(node);
    if (literal !== undefined) {
      return literal;
    }
    const target = refTarget(node);
    if (target !== undefined) {
      return this.defaults.get(target);
    }
    const sub = subText(node);
    return sub !== undefined && !sub.includes('${') ? sub : undefined;
  }

  index(): void {
    const resources = entryOf(this.root, 'Resources')?.value;
    const entries = resources?.kind === 'map' ? resources.entries : [];
    const typed = entries.map((entry) => ({ entry, type: scalarText(entryOf(entry.value, 'Type')?.value) }));
    for (const { entry, type } of typed) {
      if (type && TABLE_TYPES.has(type)) {
        this.tableIds.add(entry.key);
      }
      const endpoint = type && ENDPOINT_ATTRIBUTES.get(type);
      if (endpoint) {
        this.endpointAttributes.set(entry.key, endpoint);
      }
    }
    // A secret a SecretTargetAttachment ties to an instance or cluster: Secrets Manager writes the database's host into its JSON.
    for (const { entry } of typed.filter((resource) => resource.type === 'AWS::SecretsManager::SecretTargetAttachment')) {
      const properties = entryOf(entry.value, 'Properties')?.value;
      const [secret, database] = ['SecretId', 'TargetId'].map((key) => refTarget(entryOf(properties, key)?.value));
      if (secret !== undefined && database !== undefined && this.endpointAttributes.get(database)?.has('Endpoint.Address')) {
        this.attachedSecrets.add(secret);
      }
    }
    const globals = entryOf(entryOf(this.root, 'Globals')?.value, 'Function')?.value;
    this.readGlobalEnvironment(globals);
    for (const { entry, type } of typed) {
      const properties = entryOf(entry.value, 'Properties')?.value;
      const anchor = this.at(entry.keySpan);
      if (type === 'AWS::Serverless::SimpleTable') {
        this.contribution.tables.push(this.simpleTable(entry.key, properties, anchor));
      } else if (type && TABLE_TYPES.has(type)) {
        this.contribution.tables.push(this.table(entry.key, type, properties, anchor));
      } else if (type && DATABASE_TYPES.has(type)) {
        this.contribution.databases.push(this.database(entry.key, DATABASE_TYPES.get(type)!, properties, anchor));
      } else if (type === 'AWS::Serverless::Function' || type === 'AWS::Lambda::Function') {
        const fn = this.lambda(entry.key, type, entry.value, properties, globals, anchor);
        if (fn) {
          this.contribution.functions.push(fn);
        }
      } else if (type === 'AWS::Serverless::LayerVersion') {
        const root = this.builtPythonLayer(entry.value, properties);
        if (root !== undefined) {
          (this.contribution.pythonLayerRoots ??= []).push(root);
        }
      }
    }
  }

  private attributeTypes(properties: IacNode | undefined): Map<string, KeyAttribute['type']> {
    const types = new Map<string, KeyAttribute['type']>();
    for (const item of listItems(entryOf(properties, 'AttributeDefinitions')?.value) ?? []) {
      const name = this.text(entryOf(item, 'AttributeName')?.value);
      if (name !== undefined) {
        types.set(name, keyTypeOf(this.text(entryOf(item, 'AttributeType')?.value)));
      }
    }
    return types;
  }

  private keySchema(node: IacNode | undefined, types: Map<string, KeyAttribute['type']>): KeySchema {
    const items = listItems(node);
    if (!items) {
      return { readable: false };
    }
    const schema: KeySchema = { readable: true };
    for (const item of items) {
      const name = this.text(entryOf(item, 'AttributeName')?.value);
      const role = this.text(entryOf(item, 'KeyType')?.value);
      const key: KeyAttribute = { name: name ?? '' };
      const type = name === undefined ? undefined : types.get(name);
      if (type) {
        key.type = type;
      }
      // Two HASH or two RANGE elements: a multi-attribute GSI key, which one key attribute cannot describe
      // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.DesignPattern.MultiAttributeKeys.html).
      if (name === undefined || (role === 'HASH' && schema.partitionKey) || (role === 'RANGE' && schema.sortKey) || (role !== 'HASH' && role !== 'RANGE')) {
        return { readable: false };
      }
      if (role === 'HASH') {
        schema.partitionKey = key;
      } else {
        schema.sortKey = key;
      }
    }
    return schema.partitionKey ? schema : { readable: false };
  }

  private projection(node: IacNode | undefined): Projection | undefined {
    const type = this.text(entryOf(node, 'ProjectionType')?.value);
    if (type !== 'ALL' && type !== 'KEYS_ONLY' && type !== 'INCLUDE') {
      return undefined;
    }
    const written = entryOf(node, 'NonKeyAttributes')?.value;
    const attributes = (listItems(written) ?? []).map((item) => this.text(item));
    if (type === 'INCLUDE' && (!written || attributes.some((name) => name === undefined))) {
      return undefined;
    }
    return { type, attributes: attributes as string[] };
  }

  /** The indexes of one list property; `known` turns false when the list or one index is not literal. */
  private indexes(properties: IacNode | undefined, property: string, kind: TableIndex['kind'], table: KeySchema, types: Map<string, KeyAttribute['type']>) {
    const found: TableIndex[] = [];
    const written = entryOf(properties, property)?.value;
    if (!written) {
      return { found, known: true };
    }
    const items = listItems(written);
    let known = items !== undefined;
    for (const item of items ?? []) {
      const nameNode = entryOf(item, 'IndexName')?.value;
      const name = this.text(nameNode);
      const keys = this.keySchema(entryOf(item, 'KeySchema')?.value, types);
      // An LSI shares the table's partition key.
      const partitionKey = kind === 'lsi' ? table.partitionKey : keys.partitionKey;
      if (name === undefined || !nameNode || !keys.readable || !partitionKey) {
        known = false;
        continue;
      }
      const index: TableIndex = { name, kind, partitionKey, definedAt: this.at(nameNode.span) };
      if (keys.sortKey) {
        index.sortKey = keys.sortKey;
      }
      const projection = this.projection(entryOf(item, 'Projection')?.value);
      if (projection) {
        index.projection = projection;
      }
      found.push(index);
    }
    return { found, known };
  }

  /** An `AWS::DynamoDB::Table` from its properties alone, for constructs that stand for one (the CDK's `CfnTable`). */
  dynamoDbTable(logicalName: string, properties: IacNode | undefined, definedAt: SourceRef): TableDefinition {
    return this.table(logicalName, 'AWS::DynamoDB::Table', properties, definedAt);
  }

  private table(logicalName: string, type: string, properties: IacNode | undefined, definedAt: SourceRef): TableDefinition {
    const types = this.attributeTypes(properties);
    const keys = this.keySchema(entryOf(properties, 'KeySchema')?.value, types);
    const gsis = this.indexes(properties, 'GlobalSecondaryIndexes', 'gsi', keys, types);
    const lsis = this.indexes(properties, 'LocalSecondaryIndexes', 'lsi', keys, types);
    const table: TableDefinition = {
      logicalName,
      format: 'cloudformation',
      indexes: [...gsis.found, ...lsis.found],
      indexesKnown: gsis.known && lsis.known && (properties === undefined || properties.kind === 'map'),
      definedAt,
    };
    if (keys.readable) {
      table.partitionKey = keys.partitionKey;
      if (keys.sortKey) {
        table.sortKey = keys.sortKey;
      } else {
        table.hashOnly = true;
      }
    }
    this.setName(table, properties);
    const billing = entryOf(properties, 'BillingMode')?.value;
    const mode = billing ? this.text(billing) : type === 'AWS::DynamoDB::Table' ? 'PROVISIONED' : undefined;
    if (mode === 'PROVISIONED' || mode === 'PAY_PER_REQUEST') {
      table.billingMode = mode;
    }
    const stream = this.text(entryOf(entryOf(properties, 'StreamSpecification')?.value, 'StreamViewType')?.value);
    if (stream) {
      table.streamViewType = stream;
    }
    const ttl = entryOf(properties, 'TimeToLiveSpecification')?.value;
    const ttlAttribute = this.text(entryOf(ttl, 'AttributeName')?.value);
    if (ttlAttribute && this.text(entryOf(ttl, 'Enabled')?.value) === 'true') {
      table.ttlAttribute = ttlAttribute;
    }
    return table;
  }

  private setName(table: TableDefinition, properties: IacNode | undefined): void {
    const value = entryOf(properties, 'TableName')?.value;
    const name = this.text(value);
    // Built of parameters (`!Sub "${App}-${Stage}-orders"`, `!Join`): its literal pieces, which code that builds the name may fit.
    const pattern = name || !value ? undefined : starPattern(namePattern(value));
    if (name) {
      table.physicalName = name;
    } else if (pattern) {
      table.namePattern = pattern;
    }
  }

  /**
   * SAM's one-key table: `PrimaryKey` (default `id`, a String) and on-demand billing unless it sets
   * `ProvisionedThroughput` (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-simpletable.html).
   */
  private simpleTable(logicalName: string, properties: IacNode | undefined, definedAt: SourceRef): TableDefinition {
    // A SimpleTable has a partition key only.
    const table: TableDefinition = { logicalName, format: 'cloudformation', indexes: [], indexesKnown: true, hashOnly: true, definedAt };
    const primary = entryOf(properties, 'PrimaryKey')?.value;
    if (!primary) {
      table.partitionKey = { name: 'id', type: 'S' };
    } else {
      const name = this.text(entryOf(primary, 'Name')?.value);
      const type = keyTypeOf(this.text(entryOf(primary, 'Type')?.value));
      if (name) {
        table.partitionKey = type ? { name, type } : { name };
      }
    }
    this.setName(table, properties);
    table.billingMode = entryOf(properties, 'ProvisionedThroughput') ? 'PROVISIONED' : 'PAY_PER_REQUEST';
    return table;
  }

  private database(logicalName: string, kind: DatabaseKind, properties: IacNode | undefined, definedAt: SourceRef): DatabaseDefinition {
    const settings: Record<string, string | number | boolean> = {};
    for (const entry of properties?.kind === 'map' ? properties.entries : []) {
      if (!keepsSetting(entry.key)) {
        continue;
      }
      const value = entry.value.kind === 'scalar' && !entry.value.tag ? entry.value.literal : undefined;
      if (value?.kind === 'str' || value?.kind === 'num' || value?.kind === 'bool') {
        settings[entry.key] = value.value;
      } else {
        const text = this.text(entry.value);
        if (text !== undefined) {
          settings[entry.key] = text;
        }
      }
    }
    const database: DatabaseDefinition = { kind, logicalName, format: 'cloudformation', settings, definedAt };
    const engine = this.text(entryOf(properties, 'Engine')?.value);
    const engineVersion = this.text(entryOf(properties, 'EngineVersion')?.value);
    if (engine) {
      database.engine = engine;
    }
    if (engineVersion) {
      database.engineVersion = engineVersion;
    }
    return database;
  }

  /** What one environment variable is wired to, or undefined when the template decides it at deploy time. */
  private environmentValue(node: IacNode): EnvironmentValue | undefined {
    const target = refTarget(node) ?? this.subTarget(node);
    if (target !== undefined) {
      if (this.tableIds.has(target)) {
        return { kind: 'table', logicalName: target };
      }
      if (this.attachedSecrets.has(target)) {
        return { kind: 'rds-secret' };
      }
      const fallback = this.defaults.get(target);
      return fallback !== undefined ? { kind: 'literal', value: fallback } : undefined;
    }
    const attribute = getAttTarget(node) ?? this.subAttribute(node);
    if (attribute) {
      if (this.endpointAttributes.get(attribute[0])?.has(attribute[1])) {
        return { kind: 'rds-endpoint' };
      }
      return this.tableIds.has(attribute[0]) && TABLE_ATTRIBUTES.has(attribute[1]) ? { kind: 'table', logicalName: attribute[0] } : undefined;
    }
    const text = this.text(node);
    return text !== undefined ? { kind: 'literal', value: text } : undefined;
  }

  /** `!Sub '${Database.Endpoint.Address}'`: one attribute and nothing else, the same as `!GetAtt Database.Endpoint.Address`. */
  private subAttribute(node: IacNode): [string, string] | undefined {
    const sub = subText(node);
    const match = sub === undefined ? null : /^\$\{([A-Za-z0-9]+)\.([A-Za-z0-9.]+)\}$/.exec(sub);
    return match ? [match[1], match[2]] : undefined;
  }

  /** `!Sub '${Table}'`: one variable and nothing else, the same as `!Ref Table`. */
  private subTarget(node: IacNode): string | undefined {
    const sub = subText(node);
    const match = sub === undefined ? null : /^\$\{([A-Za-z0-9]+)\}$/.exec(sub);
    return match ? match[1] : undefined;
  }

  /** Reads `Environment: { Variables: {...} }` into known and unknown variables. */
  private environment(node: IacNode | undefined): ReadEnvironment {
    const variables = entryOf(node, 'Variables')?.value;
    if (node && node.kind !== 'map') {
      return { values: {}, unknown: [], readable: false };
    }
    return this.variables(variables);
  }

  /** Reads a map of variable names to values (a template's `Variables`, a Serverless `environment`). */
  variables(node: IacNode | undefined): ReadEnvironment {
    const result: ReadEnvironment = { values: {}, unknown: [], readable: true };
    if (node && node.kind !== 'map') {
      result.readable = false;
      return result;
    }
    for (const entry of node?.kind === 'map' ? node.entries : []) {
      if (!isEnvironmentName(entry.key)) {
        continue;
      }
      const value = this.environmentValue(entry.value);
      if (value) {
        result.values[entry.key] = value;
      } else {
        result.unknown.push(entry.key);
      }
    }
    return result;
  }

  private readGlobalEnvironment(globals: IacNode | undefined): void {
    this.setGlobalEnvironment(this.environment(entryOf(globals, 'Environment')?.value));
  }

  /** Variables set on every function of the file. */
  setGlobalEnvironment(environment: ReadEnvironment): void {
    if (Object.keys(environment.values).length > 0) {
      this.contribution.globalEnvironment = environment.values;
    }
    if (environment.unknown.length > 0) {
      this.contribution.unknownGlobalEnvironment = environment.unknown;
    }
  }

  /** Whether a code location is a local package file (`target/orders-1.0.jar`, `build/distributions/orders.zip`). */
  private builtPackage(node: IacNode | undefined): boolean {
    const written = node?.kind === 'scalar' ? this.text(node) : undefined;
    return written !== undefined && !/^[a-z][a-z\d+.-]*:/i.test(written) && /\.(?:zip|jar)$/i.test(written);
  }

  /** The folder of a layer that `sam build` builds for Python (`Metadata: BuildMethod: python3.12`), or undefined. */
  private builtPythonLayer(resource: IacNode, properties: IacNode | undefined): string | undefined {
    const method = this.text(entryOf(entryOf(resource, 'Metadata')?.value, 'BuildMethod')?.value);
    return method !== undefined && /^python3\.\d+$/.test(method) ? this.codePath(entryOf(properties, 'ContentUri')?.value) : undefined;
  }

  /** A local code location written in the template, relative to the template's folder; not a bucket, a URL or an archive. */
  private codePath(node: IacNode | undefined): string | undefined {
    const written = this.text(node);
    if (written === undefined || /\.(?:zip|jar)$/i.test(written)) {
      return undefined;
    }
    return joinPath(this.folder, written);
  }

  private lambda(logicalName: string, type: string, resource: IacNode, properties: IacNode | undefined, globals: IacNode | undefined, definedAt: SourceRef) {
    const serverless = type === 'AWS::Serverless::Function';
    const fromGlobals = (name: string): IacNode | undefined => entryOf(properties, name)?.value ?? (serverless ? entryOf(globals, name)?.value : undefined);
    const codePaths: string[] = [];
    if (serverless) {
      const codeUri = fromGlobals('CodeUri');
      const inline = entryOf(properties, 'InlineCode') ?? entryOf(properties, 'ImageUri');
      // Without CodeUri, `sam build` packages the template's folder.
      const folder = codeUri ? this.codePath(codeUri) : inline ? undefined : this.folder;
      if (folder !== undefined) {
        codePaths.push(folder);
        // esbuild-built functions name their entry files (`Metadata: BuildProperties: EntryPoints`).
        const entryPoints = listItems(entryOf(entryOf(entryOf(resource, 'Metadata')?.value, 'BuildProperties')?.value, 'EntryPoints')?.value);
        for (const entry of entryPoints ?? []) {
          const text = this.text(entry);
          const path = text === undefined ? undefined : joinPath(folder, text);
          if (path !== undefined) {
            codePaths.push(path);
          }
        }
      }
    } else {
      const code = entryOf(properties, 'Code')?.value;
      // `Code: ./src` is the local form that `aws cloudformation package` uploads; else the asset metadata that
      // CDK and Amplify write for local tools (`aws:asset:path: ./src` with `aws:asset:property: Code`).
      const metadata = entryOf(resource, 'Metadata')?.value;
      const asset = this.text(entryOf(metadata, 'aws:asset:property')?.value) === 'Code' ? entryOf(metadata, 'aws:asset:path')?.value : undefined;
      const folder = code?.kind === 'scalar' ? this.codePath(code) : asset ? this.codePath(asset) : undefined;
      if (folder !== undefined) {
        codePaths.push(folder);
      }
    }
    const handler = this.text(fromGlobals('Handler'));
    const location = serverless ? fromGlobals('CodeUri') : entryOf(properties, 'Code')?.value;
    if (codePaths.length === 0 && handler?.includes('::') && this.builtPackage(location)) {
      // A Java or .NET package built in the template's project (`CodeUri: target/orders-1.0.jar`): the handler's
      // class file (`com/shop/Orders.java`) is looked up there.
      codePaths.push(this.folder);
    }
    const environment = this.environment(entryOf(properties, 'Environment')?.value);
    const fn: FunctionDefinition = { logicalName, format: 'cloudformation', codePaths, environment: environment.values, definedAt };
    if (handler) {
      fn.handler = handler;
    }
    if (environment.unknown.length > 0) {
      fn.unknownEnvironment = environment.unknown;
    }
    if (!environment.readable) {
      fn.environmentUnreadable = true;
    }
    return fn;
  }
}

/**
 * What a CloudFormation or SAM template, or a Serverless Framework service file, contributes; undefined
 * when the text is neither.
 */
/** What a Serverless service read into a tree elsewhere (a `serverless.ts`) contributes: its tables and functions. */
export function indexServiceTree(file: string, lines: LineIndex, root: IacNode): FileContribution | undefined {
  const service = readServerless(root);
  if (!service) {
    return undefined;
  }
  const indexer = new TemplateIndexer(file, lines, service.template);
  indexer.index();
  indexServerlessFunctions(indexer, service, file);
  return indexer.contribution;
}

export function indexCloudFormation(file: string, text: string, lines: LineIndex): FileContribution | undefined {
  const template = looksLikeCloudFormation(text);
  if (!template && !mayBeServerless(text)) {
    return undefined;
  }
  const document = isJson(text) ? readJson(text, lines) : readYaml(text, lines);
  const service = readServerless(document.root);
  if (!service && !template) {
    return undefined;
  }
  const root = service ? service.template : templateRoot(document.root, stemOf(file));
  const indexer = new TemplateIndexer(file, lines, root);
  indexer.index();
  if (!service) {
    markFragmentTables(indexer.contribution.tables, root, isFragmentShape(document.root));
  }
  const nested = template ? nestedStackParameters(file, document.root) : undefined;
  if (nested) {
    indexer.contribution.nestedStackParameters = nested;
  }
  noteStackExports(indexer.contribution, root, text);
  if (service) {
    indexServerlessFunctions(indexer, service, file);
  }
  return indexer.contribution;
}
