/**
 * C# (AWS SDK for .NET): `using` namespaces (and those a project's global usings bring: `csharpImpliedUsings.ts`),
 * typed fields, properties, parameters and locals, object initializers (`new ScanRequest { ... }`),
 * `DynamoDBContext`, the document model, paginators, `RDSAuthTokenGenerator`, and StackExchange.Redis (its own module).
 */
import { withoutPrototype } from '../../sourceKeyed';
import { OptionContext } from '../../model';
import { ScopeTree } from '../../scope/scopes';
import { DYNAMODB_REQUEST_PARTS, operationOfTypeName, serviceOfNamespace } from '../../services';
import type { CodeAnalyzer } from '../analyzer';
import { braceLanguage, buildBraceScopes, segments } from '../braces';
import { sharedConfigOperation } from '../dotnetQueries';
import { documentScanFilter, scanConditionsRequest } from '../dotnetScanConditions';
import { handedScanFilters } from '../dotnetHandedScanFilters';
import { handedConditionScans } from './classScanHelperCalls';
import { CodeLanguage, OptionSlot } from '../language';
import { initializerContext, separatedSlot } from '../options';
import { noteDotnetSqlImport } from '../sqlConnectionsDotnet';
import { noteStackExchangeImport, stackExchangeOptions, stackExchangeType } from '../stackExchangeRedis';
import { distributedCacheType, noteDistributedCacheImport } from '../distributedCache';
import { assignRequestOptions, keepDeclaredRequest } from '../requests';
import { DOTNET_DOCUMENT_MODEL, Value } from '../values';
import { impliedNamespaces } from './csharpImpliedUsings';
import { declaredProjectClass } from './baseClassFields';
import { csharpCdkConstructs } from './csharpCdk';
import { returnedTargetTypeStart } from './csharpReturnedNew';
import { bindCsharpLambdaClients } from './csharpLambdaClients';
import { pulumiCsharpResources } from './csharpPulumi';
import { callWithTypedRequest, clientType, collectTypedBindings, heldByOtherType, requestInArguments, sameFileClass, simpleTypeName, targetTypedNew, targetTypeStart } from './typedDeclarations';
import { markCsharpPlainItemWrites } from './csharpPlainItemWrites';

const BRACES = braceLanguage({ classKeywords: ['class', 'interface', 'struct', 'record', 'enum'], arrow: '=>' });

/**
 * Config objects of the document model and the object persistence model that carry a request's options
 * (`new QueryOperationConfig { IndexName = "gsi", ConsistentRead = true }`), by namespace and type.
 */
const OPERATION_CONFIGS: Record<string, Record<string, string>> = {
  'Amazon.DynamoDBv2.DocumentModel': {
    QueryOperationConfig: 'dynamodb:Query',
    ScanOperationConfig: 'dynamodb:Scan',
    GetItemOperationConfig: 'dynamodb:GetItem',
    PutItemOperationConfig: 'dynamodb:PutItem',
    UpdateItemOperationConfig: 'dynamodb:UpdateItem',
    DeleteItemOperationConfig: 'dynamodb:DeleteItem',
  },
  'Amazon.DynamoDBv2.DataModel': {
    QueryConfig: 'dynamodb:Query',
    FromQueryConfig: 'dynamodb:Query',
    ScanConfig: 'dynamodb:Scan',
    FromScanConfig: 'dynamodb:Scan',
    LoadConfig: 'dynamodb:GetItem',
  },
};

/** Types of the two models known by their simple name once their namespace is used. */
const MODEL_TYPES: Record<string, string[]> = withoutPrototype({
  'Amazon.DynamoDBv2.DocumentModel': ['Table', 'TableBuilder', ...Object.keys(OPERATION_CONFIGS['Amazon.DynamoDBv2.DocumentModel'])],
  'Amazon.DynamoDBv2.DataModel': ['DynamoDBContextBuilder', 'DynamoDBOperationConfig', ...Object.keys(OPERATION_CONFIGS['Amazon.DynamoDBv2.DataModel'])],
});

/** The module an alias of a project's own type is noted under (`using QueryRequest = Acme.Table.QueryRequest;`). */
const PROJECT_TYPE_ALIAS = 'dotnet-alias';

function collectImports(a: CodeAnalyzer): void {
  const used = new Set<string>();
  for (let i = 0; i < a.tokens.length; i++) {
    if (a.idIs(i, 'using') && a.id(i + 1)) {
      if (a.is(i + 2, '=')) {
        noteAlias(a, i + 1);
        continue;
      }
      used.add(a.dottedPath(i + 1).text);
    }
  }
  // `global using`s in another file of the project: the namespaces its distinctive type names show.
  for (const namespace of impliedNamespaces(a)) {
    used.add(namespace);
  }
  for (const namespace of used) {
    useNamespace(a, namespace);
  }
}

/**
 * `using QueryRequest = Acme.Table.QueryRequest;`: a type of another namespace than the AWS SDK's, which projects
 * alias where both are in use; the name is that type, not the SDK's request.
 */
function noteAlias(a: CodeAnalyzer, name: number): void {
  const target = a.dottedPath(name + 2).text;
  const namespace = target.slice(0, Math.max(target.lastIndexOf('.'), 0));
  if (namespace && !namespace.startsWith('Amazon.') && !serviceOfNamespace(namespace)) {
    a.addImport(a.tokens.text(name), PROJECT_TYPE_ALIAS, target);
  }
}

/** Whether a type name is a C# alias of a project's own type (see `noteAlias`). */
function projectTypeAlias(a: CodeAnalyzer, name: string): boolean {
  return a.imports.get(name)?.module === PROJECT_TYPE_ALIAS;
}

/** What a namespace in use (`using Amazon.DynamoDBv2;`) makes known. */
function useNamespace(a: CodeAnalyzer, namespace: string): void {
  const service = serviceOfNamespace(namespace);
  if (service) {
    a.services.add(service);
  }
  noteStackExchangeImport(a, namespace);
  noteDistributedCacheImport(a, namespace);
  noteDotnetSqlImport(a, namespace);
  if (namespace === 'Amazon.RDS.Util') {
    a.services.add('rds-auth');
  }
  // The document model's `Table` (`Table.LoadTable(client, name)`), builders and operation configs, by their simple names.
  for (const name of MODEL_TYPES[namespace] ?? []) {
    a.addImport(name, `dotnet:${namespace}`, name);
  }
}

function buildScopes(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  buildBraceScopes(a, tree, BRACES);
}

/** Declarations shared with Java, then lambda parameters that the helper they are passed to types (`csharpLambdaClients.ts`). */
function collectBindings(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  collectTypedBindings(a, tree);
  bindCsharpLambdaClients(a, tree);
}

/**
 * `new XRequest { A = 1 }` / `new XRequest() { ... }` / `XRequest r = new() { ... }`, the parts of a request
 * built apart from it (`new Put { ... }`), and properties set on a request afterwards (`request.ExclusiveStartKey = ...`).
 */
function collectRequests(a: CodeAnalyzer): void {
  // The braces of the initializers read so far: a part inside one of them is read with it.
  const read = new Set<number>();
  for (let i = 1; i < a.tokens.length; i++) {
    if (a.isId(i) && a.idIs(i - 1, 'new')) {
      initializer(a, i, i, read);
    } else if (targetTypedNew(a, i)) {
      // `ScanRequest request = new() { ... }`, or a member's `CreateTableRequest Build() => new() { ... }`: the declared type names the request.
      const declared = targetTypeStart(a, i);
      const start = declared >= 0 ? declared : returnedTargetTypeStart(a, i);
      if (start >= 0) {
        initializer(a, simpleTypeName(a, start), i, read);
      }
    }
  }
  requestParameters(a);
  handedScanFilters(a);
  handedConditionScans(a);
  stackExchangeOptions(a);
  assignRequestOptions(a);
}

/**
 * A method parameter declared as a request (`QueryRequest request`) or as an operation config
 * (`QueryOperationConfig config`, whose properties the method sets before the call it goes to): see `keepDeclaredRequest`.
 */
function requestParameters(a: CodeAnalyzer): void {
  for (const fn of a.functions.values()) {
    if (fn.params < 0 || !a.is(fn.params, '(')) {
      continue;
    }
    for (const [start, end] of segments(a, fn.params)) {
      const name = end - 1;
      const type = a.tokens.text(name - 1);
      const operation =
        end - start >= 2 && a.isId(name) && a.isId(name - 1) && !projectTypeAlias(a, type) ? (operationOfTypeName(type, a.services, /Request$/) ?? configOperation(a, type)) : undefined;
      if (operation) {
        keepDeclaredRequest(a, name, name - 1, operation);
      }
    }
  }
}

/**
 * A request, config or request part built at `index` (the type's name, or the `new` of a target-typed
 * `new()`), named by the type at `typeIndex`; `read` gets the brace of its initializer.
 */
function initializer(a: CodeAnalyzer, typeIndex: number, index: number, read: Set<number>): void {
  const name = a.tokens.text(typeIndex);
  if (projectTypeAlias(a, name)) {
    return;
  }
  const namespace = a.imports.get(name)?.module.slice('dotnet:'.length);
  const config = namespace === undefined ? undefined : (configOperation(a, name) ?? sharedConfig(a, namespace, name, typeIndex, index));
  const operation = config ?? operationOfTypeName(name, a.services, /Request$/);
  const brace = initializerBrace(a, index);
  if (!operation) {
    const part = requestPartOperation(a, name, brace, read);
    if (part) {
      read.add(brace);
      a.contexts.push(initializerContext(a, index, 'sdk', part));
    }
    return;
  }
  if (brace >= 0) {
    read.add(brace);
  }
  const context = initializerContext(a, index, 'sdk', operation);
  if (config) {
    context.modelConfig = true;
  }
  // The document model's `Filter` is the legacy ScanFilter of the Scan the config is passed to.
  const scanFilter = name === 'ScanOperationConfig' && brace >= 0 ? documentScanFilter(a, brace) : undefined;
  if (scanFilter) {
    context.options.push(scanFilter);
  }
  a.requestAt.set(index, context);
  if (!config) {
    // A request names its operation; a config only carries the options of the call it is passed to.
    a.addOperation({ operation, name: a.tokenSpan(index), call: false, paginated: false, tokenIndex: index, request: context });
  }
  a.contexts.push(context);
}

/** The operation whose options a config type of the two models carries (`QueryOperationConfig`), by its imported namespace. */
function configOperation(a: CodeAnalyzer, name: string): string | undefined {
  const namespace = a.imports.get(name)?.module.slice('dotnet:'.length);
  return namespace === undefined ? undefined : OPERATION_CONFIGS[namespace]?.[name];
}

/** The operation a `new DynamoDBOperationConfig { ... }` takes its meaning from (`sharedConfigOperation`). */
function sharedConfig(a: CodeAnalyzer, namespace: string, name: string, typeIndex: number, index: number): string | undefined {
  return namespace === 'Amazon.DynamoDBv2.DataModel' && name === 'DynamoDBOperationConfig' && typeIndex === index ? sharedConfigOperation(a, typeIndex) : undefined;
}

/** The `{` of the initializer after the type at `index` (`new T { ... }`, `new T(args) { ... }`), or -1. */
function initializerBrace(a: CodeAnalyzer, index: number): number {
  let open = index + 1;
  if (a.is(open, '(') && a.is(a.partner[open] + 1, '{')) {
    open = a.partner[open] + 1;
  }
  return a.is(open, '{') && a.partner[open] > open ? open : -1;
}

/** How many initializers up a part looks for the request it may be written in. */
const MAX_ENCLOSING_BRACKETS = 32;

/**
 * The operation a request part built on its own belongs to (`new Put { TableName = ..., ConditionExpression
 * = ... }` added to a list in a loop), or undefined: also for a part written inside a request's or another
 * part's initializer (`read`), which is read with it. `Put`, `Update`, `Delete`, `ConditionCheck` and `Get`
 * are common names, so they count with a `TableName` member only; all of them need the DynamoDB SDK in use,
 * and none counts where the file declares a class of its name.
 */
function requestPartOperation(a: CodeAnalyzer, name: string, brace: number, read: ReadonlySet<number>): string | undefined {
  const operation = DYNAMODB_REQUEST_PARTS.get(name);
  if (!operation || brace < 0 || !a.services.has('dynamodb') || a.scopes.classNamed(name) >= 0) {
    return undefined;
  }
  for (let open = a.parent[brace], steps = 0; open >= 0 && steps < MAX_ENCLOSING_BRACKETS; open = a.parent[open], steps++) {
    if (read.has(open)) {
      return undefined;
    }
  }
  if (name === 'TransactWriteItem' || name === 'TransactGetItem' || name === 'KeysAndAttributes') {
    return operation;
  }
  for (let k = brace + 1; k < a.partner[brace]; k = a.skipGroup(k)) {
    if (a.idIs(k, 'TableName') && a.is(k + 1, '=')) {
      return operation;
    }
  }
  return undefined;
}

/** Initializer members: `TableName = "t"`. */
function optionAt(a: CodeAnalyzer, k: number, _open: number, close: number): OptionSlot | undefined {
  return a.isId(k) && a.is(k + 1, '=') && a.is(a.parent[k], '{') ? separatedSlot(a, k, close) : undefined;
}

function requestForCall(a: CodeAnalyzer, open: number, close: number, operation: string): OptionContext | undefined {
  // `ScanAsync<T>(conditions, config)`: the conditions are the request's filter; the config's options are hovered apart.
  return (operation === 'dynamodb:Scan' ? scanConditionsRequest(a, open) : undefined) ?? requestInArguments(a, open, close);
}

function otherCall(a: CodeAnalyzer, nameIndex: number, receiver: Value | undefined, receiverStart: number): boolean {
  if (receiver) {
    return false;
  }
  if (rdsTokenGenerator(a, receiverStart, nameIndex)) {
    a.addOperation({ operation: 'rds:GenerateDbAuthToken', name: a.tokenSpan(nameIndex), call: true, paginated: false, tokenIndex: nameIndex });
    return true;
  }
  return !heldByOtherType(a, receiverStart, nameIndex) && callWithTypedRequest(a, nameIndex);
}

/** `RDSAuthTokenGenerator.X(...)` under `using Amazon.RDS.Util;`, or written with its namespace (`Amazon.RDS.Util.RDSAuthTokenGenerator.X(...)`). */
function rdsTokenGenerator(a: CodeAnalyzer, receiverStart: number, nameIndex: number): boolean {
  if (a.idIs(receiverStart, 'RDSAuthTokenGenerator')) {
    return a.services.has('rds-auth');
  }
  const path = a.dottedPath(receiverStart);
  return path.end === nameIndex + 1 && path.text === `Amazon.RDS.Util.RDSAuthTokenGenerator.${a.tokens.text(nameIndex)}`;
}

/** A declared type: an SDK client, `DynamoDBContext`, the document model's `Table`, or a StackExchange.Redis client. */
function typeValue(a: CodeAnalyzer, start: number): Value | undefined {
  const redis = stackExchangeType(a, start) ?? distributedCacheType(a, start);
  if (redis) {
    return redis;
  }
  if (a.idIs(start, 'Table') && a.imports.get('Table')?.module === DOTNET_DOCUMENT_MODEL) {
    return { t: 'client', kind: 'dynamodb-document-table' };
  }
  return clientType(a, start) ?? sameFileClass(a, start) ?? declaredProjectClass(a, start);
}

export const csharp: CodeLanguage = {
  id: 'csharp',
  family: 'csharp',
  commentPrefix: '//',
  classFieldsVisible: true,
  typeArguments: true,
  collectImports,
  buildScopes,
  collectBindings,
  collectRequests,
  optionAt,
  requestForCall,
  typeValue,
  otherCall,
  finish: (a) => {
    pulumiCsharpResources(a);
    csharpCdkConstructs(a);
    markCsharpPlainItemWrites(a);
  },
};
