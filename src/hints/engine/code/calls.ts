/**
 * Calls in application code that the rules care about: SDK operations on clients (and paginators),
 * SDK v3 commands, CDK constructs, Redis clients and their commands.
 */
import { dropsFailedBatches } from './mapperFailedBatches';
import { TOKEN_KIND } from '../lexer';
import { OperationOccurrence, OptionContext } from '../model';
import { glidePythonConfiguration } from './glide';
import { dataApiStatement } from './dataApiStatements';
import { ClientKind, JS_MODULES, leadingNonOptionArguments, operationOfMethod, operationOfPaginator, operationOfTypeName, readsEveryPage, redisOptionCarrier } from '../services';
import { codeOf, codeSet } from '../tokenCodes';
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { LAMBDA_CONSTRUCTS } from '../iac/lambdaEnvironment';
import { cdkEnvironmentPasswords, cfnIngress } from './cdk';
import { addDerivedDefaults } from './cdkDefaults';
import { dropNestedConstructOptions } from './cdkNestedConstructs';
import { cdkSuperCall, importedCdkSubclassConstruction } from './cdkSubclasses';
import { leftAfterFirstPage } from './firstIteration';
import { perElementReference } from './loops';
import { contextFrom, occurrenceOf, positionalOption } from './options';
import { segments } from './braces';
import { FileMemo } from './fileMemo';
import { variableContext } from './requests';
import { jsPaginationShape, pythonPaginationShape } from './pagination';
import { mapperSaveOperation } from './mapperSaves';
import { chainStart } from './receiverChains';
import { redisCall } from './redis';
import { redisClientOptions } from './redisOptions';
import { promisifiedCall, promisifiedField, sentMethodCall } from './promisified';
import { connectRedisStore } from './connectRedisStores';
import { importedSender } from './projectImports';
import { repositoryReference } from './languages/javaSpringDataDynamodb';
import { stackExchangeCall } from './stackExchangeRedis';
import { fakeCallSpecification, mocksModule } from './testDoubles';
import { mayBeVersioned, plainArguments } from './plainWrites';
import { takesKeyOrItem } from './architectTables';
import { pulumiResource, pulumiResourceType } from './pulumi';
import { pulumiSuperCall } from './pulumiSubclasses';
import { cdktfClass, cdktfResource } from './cdktf';
import { helperReturnedLiteral, objectLiteralOpen } from './returnedArgs';
import { bundledFunction, callResult, cdkConstructType, Value } from './values';
import { clientReceiver, constructorOptions, superOptions } from './clientClasses';
import { unknownReceiverCall } from './requestShapes';
import { inheritedReceiver } from './inheritedCalls';
import { kotlinScopeReceiver } from './languages/kotlinScopeReceivers';
import { dynamoosePlainCall } from './languages/dynamoOrms';
import { callOpenAfter } from './typeArguments';

const { ID } = TOKEN_KIND;
const NEW = codeOf('new');
const OPEN_BRACE = codeOf('{');

/** Keywords before a name that is defined rather than called. */
const DEFINITION_KEYWORDS = codeSet(['def', 'function', 'new', 'class', 'func']);
/**
 * Clients whose Scan and Query return page iterators that fetch every page on demand: the Java enhanced
 * client's `PageIterable` (also what Spring Cloud AWS's `DynamoDbTemplate` returns) and .NET `Paginators`. (The .NET object and document models return searches
 * that page only through `GetRemainingAsync` or a `GetNextSetAsync` loop: those are pagination markers.)
 */
const PAGE_ITERATORS = new Set<ClientKind>(['dynamodb-enhanced-table', 'dynamodb-enhanced-index', 'dynamodb-template', 'dynamodb-paginators']);
/**
 * Batching helpers that resend unprocessed items themselves: a hover, never a finding. boto3's
 * `batch_writer()`, and the .NET object persistence model's batches, whose `Execute` sends unprocessed
 * items again (DynamoDB Developer Guide, "Batch operations using the AWS SDK for .NET object persistence model").
 */
/**
 * Java `DynamoDBMapper` batches: `batchSave`, `batchDelete` and `batchWrite` resend unprocessed items under
 * the mapper's `BatchWriteRetryStrategy`, whose default keeps "retrying until success, with default backoff"
 * (DynamoDBMapperConfig.DefaultBatchWriteRetryStrategy javadoc); `batchLoad` retries unprocessed keys under
 * its `BatchLoadRetryStrategy` (DynamoDBMapperConfig.BatchLoadRetryStrategy javadoc).
 */
const MAPPER_BATCHES = new Set(['batchsave', 'batchdelete', 'batchwrite', 'batchload']);
/**
 * The Java enhanced client's `batchGetItem` sends its request through the low-level `batchGetItemPaginator`
 * (BatchGetItemOperation.serviceCall), whose pages request the unprocessed keys again: its result pages read every key.
 */
const ENHANCED_BATCH_GET = 'batchgetitem';
/**
 * Batches the SDK sends itself, resending what comes back unprocessed: boto3's `batch_writer`, and the .NET object
 * persistence model's batch objects, also as the context's multi-table batches and `ExecuteBatchGet`/`ExecuteBatchWrite`
 * of them, which run the same batch objects (their `Async` forms too).
 */
const SELF_RETRYING = new Set(['batchwriter', 'createbatchget', 'createbatchwrite', 'createmultitablebatchget', 'createmultitablebatchwrite', 'executebatchget', 'executebatchwrite']);
/** .NET `DynamoDBContext` writes of one object or key (`Save` is an UpdateItem), which `CreateBatchWrite` can take instead. */
const CONTEXT_WRITES = new Set(['dynamodb:UpdateItem', 'dynamodb:DeleteItem']);

/** `SaveAsync(order)`, `DeleteAsync<Order>(id, sortKey)`: an object, or its hash and range keys, of a class with no version attribute. */
function plainContextWrite(a: CodeAnalyzer, name: number, open: number, close: number): boolean {
  const type = a.is(name + 1, '<') && a.isId(name + 2) && a.is(name + 3, '>') ? a.tokens.text(name + 2) : undefined;
  // A save takes the object alone (a second argument is its config); a delete the object, or a hash and a range key.
  return plainArguments(a, open, close, /^save/i.test(a.tokens.text(name)) ? 1 : 2) && !mayBeVersioned(a, type);
}

export function collectCalls(a: CodeAnalyzer): void {
  const tokens = a.tokens;
  const codes = tokens.codes;
  const receiverless = a.language.family === 'js' || a.language.family === 'python';
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.kinds[i] !== ID) {
      continue;
    }
    if (codes[i] === NEW && a.language.family === 'js') {
      jsConstruct(a, i);
      continue;
    }
    const open = argumentsOpen(a, i);
    if (open < 0) {
      if (a.language.family === 'java' && a.is(i - 1, '::')) {
        methodReference(a, i);
      } else if (a.language.family === 'python' && i > 0 && a.isAccess(i - 1)) {
        forwardedMethodCall(a, i);
      }
      continue;
    }
    if (i > 0 && a.isAccess(i - 1)) {
      methodCall(a, i, open);
    } else if (receiverless && open === i + 1) {
      plainCall(a, i);
    } else if (a.language.family === 'js' && typedLibraryCall(a, i)) {
      continue;
    } else {
      const inherited = inheritedReceiver(a, i) ?? kotlinScopeReceiver(a, i);
      if (inherited) {
        clientMethodCall(a, i, open, inherited, i);
      }
    }
  }
}

/**
 * The `(` of a call of the name at `index`, after type arguments (`LoadAsync<Order>(id)`), or -1; in Kotlin, the `{`
 * of a lambda that is the call's only argument (`ddb.scan { it.tableName(t) }`, a consumer of the request's builder).
 */
function argumentsOpen(a: CodeAnalyzer, index: number): number {
  // Kotlin's trailing lambda (`table.createTable { r -> ... }`) is the call's only argument.
  if (a.tokens.codes[index + 1] === OPEN_BRACE && a.language.trailingLambdas === true && a.bodies[index + 1] === 1) {
    return index + 1;
  }
  return callOpenAfter(a, index);
}

/** JavaScript `new X(...)`: SDK v3 commands, CDK constructs, Redis clients, and same-file classes that extend a Redis client. */
/** The services of a module as a set, made once per module's list rather than once per construction. */
const serviceSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function serviceSet(services: readonly string[]): ReadonlySet<string> {
  let set = serviceSets.get(services);
  if (!set) {
    set = new Set(services);
    serviceSets.set(services, set);
  }
  return set;
}

function jsConstruct(a: CodeAnalyzer, newIndex: number): void {
  const start = newIndex + 1;
  let j = start;
  while (a.id(j) && a.isAccess(j + 1) && a.id(j + 2)) {
    j += 2;
  }
  const last = j;
  // Type arguments (`new Queue<MailJob>('mail', { connection })`) come before the arguments.
  const open = a.id(last) ? argumentsOpen(a, last) : -1;
  if (open < 0) {
    return;
  }
  if (last === start && connectRedisStore(a, last, open)) {
    return;
  }
  const value = a.lookup(a.tokens.text(start), start);
  if (value?.t === 'instance' && value.classObject && last === start) {
    constructorOptions(a, value.classScope, open);
    return;
  }
  if (!value || value.t !== 'ref') {
    return;
  }
  // `new Schema({...})` of an imported dynamoose name; `new dynamoose.Schema(...)` is read as the member's call.
  if (last === start && dynamoosePlainCall(a, last, value)) {
    return;
  }
  const path = importedPath(a, value.path, start, last);
  const services = JS_MODULES[value.module];
  const carrier = redisOptionCarrier(value.module, path);
  if (carrier) {
    redisClientOptions(a, open, carrier, undefined, leadingNonOptionArguments(value.module, path));
    return;
  }
  // v3's `Signer`, and v2's `RDS.Signer` (`new AWS.RDS.Signer(...)`, `require('aws-sdk/clients/rds').Signer`): the signer's construction names the token it makes.
  if ((value.module === '@aws-sdk/rds-signer' && path === 'Signer') || ((value.module === 'aws-sdk' || value.module === 'aws-sdk/clients/rds') && path === 'RDS.Signer')) {
    a.addOperation({ operation: 'rds:GenerateDbAuthToken', name: a.tokenSpan(last), call: false, paginated: false, tokenIndex: last });
    return;
  }
  if (services && !services.includes('redis')) {
    const className = path.slice(path.lastIndexOf('.') + 1);
    const operation = operationOfTypeName(className, serviceSet(services), /Command$/);
    // A test that replaces the SDK module (`vi.mock('@aws-sdk/client-dynamodb', …)`) builds its commands to compare them, not to send them.
    if (operation && /^@aws-sdk\//.test(value.module) && !mocksModule(a, value.module)) {
      const request = a.language.requestForCall(a, open, a.partner[open], operation);
      const pagination = jsPaginationShape(a, newIndex, last, open, value.module);
      a.addOperation({ operation, name: a.tokenSpan(last), call: true, paginated: false, tokenIndex: last, ...(request ? { request } : {}), fix: { pagination } });
    }
    return;
  }
  if (services?.includes('redis')) {
    const client = callResult({ t: 'ref', module: value.module, path }, path, undefined, true, false);
    if (client?.t === 'client') {
      redisClientOptions(a, open, client.flavor ?? 'ioredis');
    }
    return;
  }
  if (!importedCdkSubclassConstruction(a, value.module, path, last, open)) {
    cdkConstruct(a, value, path, last, open);
  }
}

/**
 * The path inside its import that a dotted name from `start` to `last` reads, its first name referring to
 * `rootPath` there: `ec2.SecurityGroup` after `import * as ec2 from 'aws-cdk-lib/aws-ec2'` is `SecurityGroup`.
 */
export function importedPath(a: CodeAnalyzer, rootPath: string, start: number, last: number): string {
  let path = rootPath;
  for (let k = start + 2; k <= last; k += 2) {
    path = path ? `${path}.${a.tokens.text(k)}` : a.tokens.text(k);
  }
  return path;
}

/**
 * A method call on a construct (`table.grantFullAccess(fn)`, `sg.addIngressRule(Peer.anyIpv4(), Port.tcp(5432))`,
 * `table.applyRemovalPolicy(RemovalPolicy.DESTROY)`): an option of the construct, named by the method, whose value is the arguments.
 */
function constructMethod(a: CodeAnalyzer, construct: string, index: number, open: number, close: number): void {
  const option = occurrenceOf(a, { key: index, valueStart: open + 1, valueEnd: close, removalStart: index, removalEnd: close });
  a.contexts.push({ kind: 'cdk', type: construct, options: [option], complete: false, anchor: a.tokenSpan(index) });
}

/** `DatabaseInstance.fromDatabaseInstanceAttributes(...)`, Python `Table.from_table_name(...)`: a resource made elsewhere, referenced. */
const REFERENCE_FACTORY = /\.from(?:[A-Z]|_)[A-Za-z0-9_]*$/;

export function cdkConstruct(a: CodeAnalyzer, value: { module: string; path: string }, path: string, nameIndex: number, open: number): void {
  // A reference creates nothing: its arguments are the existing resource's attributes, not a new one's props.
  if (REFERENCE_FACTORY.test(path)) {
    return;
  }
  const pulumiType = pulumiResourceType(value.module, path);
  if (pulumiType) {
    pulumiResource(a, pulumiType, nameIndex, open);
    return;
  }
  const cdktf = cdktfClass(value.module, path);
  if (cdktf) {
    cdktfResource(a, cdktf, nameIndex, open);
    return;
  }
  // A function the CDK bundles (`NodejsFunction`) takes a `lambda.Function`'s props.
  const construct = cdkConstructType(value.module, path) ?? bundledFunction(value.module, path);
  if (construct) {
    constructProps(a, construct, nameIndex, open);
  }
}

/** Methods that make a construct of their own from props: `db.addProxy('Proxy', { … })` is a DatabaseProxy. */
const CONSTRUCTING_METHODS = new Map([
  ['addProxy', 'aws_rds.DatabaseProxy'],
  ['add_proxy', 'aws_rds.DatabaseProxy'],
]);

/** The construct `construct` made by the call at `nameIndex` whose arguments open at `open`, with its props. */
export function constructProps(a: CodeAnalyzer, construct: string, nameIndex: number, open: number): void {
  const close = a.partner[open];
  if (close < 0) {
    return;
  }
  let context: OptionContext;
  if (a.language.family === 'python') {
    context = contextFrom(a, open, close, 'cdk', construct, a.tokenSpan(nameIndex));
  } else {
    // new X(scope, 'Id', { props }): the props are the object literal among the arguments, or the one a variable argument holds.
    // An SST v3 component takes them second, before its options (`new sst.aws.Dynamo('Orders', { ... }, { protect: true })`).
    let props: OptionContext | undefined;
    const propsAt = construct.startsWith('sst.aws.') ? 1 : -1;
    let position = 0;
    for (let k = open + 1; k < close; k = a.skipGroup(k)) {
      if (a.is(k, ',') && a.parent[k] === open) {
        position++;
      }
      if (propsAt >= 0 && position !== propsAt) {
        continue;
      }
      if (a.is(k, '{') && a.parent[k] === open) {
        props = contextFrom(a, k, a.partner[k], 'cdk', construct, a.tokenSpan(nameIndex));
        dropNestedConstructOptions(a, k, a.partner[k], props);
      } else if (a.isId(k) && (a.is(k - 1, ',') || a.is(k - 1, '(')) && (a.is(k + 1, ',') || a.is(k + 1, ')'))) {
        props = variableContext(a, k, 'cdk', construct, a.tokenSpan(nameIndex)) ?? props;
      } else if (a.isId(k) && (a.is(k - 1, ',') || a.is(k - 1, '(')) && a.is(k + 1, '(') && a.partner[k + 1] > k && (a.is(a.partner[k + 1] + 1, ',') || a.is(a.partner[k + 1] + 1, ')'))) {
        // `new Table(this, 'Orders', sharedTable('id'))`: the object literal a same-file function returns.
        const literal = helperReturnedLiteral(a, k, objectLiteralOpen);
        const brace = literal >= 0 ? objectLiteralOpen(a, literal) : -1;
        props = brace >= 0 ? contextFrom(a, brace, a.partner[brace], 'cdk', construct, a.tokenSpan(nameIndex)) : props;
      }
    }
    context = props ?? { kind: 'cdk', type: construct, options: [], complete: false, anchor: a.tokenSpan(nameIndex) };
  }
  context.typeSpan = a.tokenSpan(nameIndex);
  addDerivedDefaults(a, construct, context);
  if (LAMBDA_CONSTRUCTS.has(construct)) {
    context.options.push(...cdkEnvironmentPasswords(a, construct, open, close));
  }
  a.contexts.push(context);
  if (construct === 'aws_ec2.CfnSecurityGroup' || construct === 'aws_ec2.CfnSecurityGroupIngress') {
    a.ingress.push(...cfnIngress(a, construct, open, close));
  }
}

/** Calls without a receiver: `paginateScan(...)`, `createClient(...)`, Python `Redis(...)`, CDK constructs. */
function plainCall(a: CodeAnalyzer, index: number): void {
  if ((a.isId(index - 1) && DEFINITION_KEYWORDS[a.tokens.codes[index - 1]] === 1) || (a.idIs(index, 'super') && (superOptions(a, index) || cdkSuperCall(a, index) || pulumiSuperCall(a, index)))) {
    return;
  }
  const value = a.lookup(a.tokens.text(index), index);
  if (!value || value.t !== 'ref') {
    promisifiedCall(a, index);
    return;
  }
  if (a.language.family === 'js' && dynamoosePlainCall(a, index, value)) {
    return;
  }
  const sender = importedSender(a, value.module, value.path);
  if (sender) {
    sentMethodCall(a, index, sender.client, sender.method);
    return;
  }
  const open = index + 1;
  const paginated = operationOfPaginator(value.path, new Set(JS_MODULES[value.module] ?? []));
  if (paginated && a.language.family === 'js') {
    // paginateScan(config, input): the input is the request.
    const second = a.skipGroup(open + 1);
    const request = a.is(second, ',') ? a.language.requestForCall(a, second, a.partner[open], paginated) : undefined;
    // A loop that leaves after its first page reads one page, as a single call does.
    const onePage = leftAfterFirstPage(a, index);
    a.addOperation({ operation: paginated, name: a.tokenSpan(index), call: onePage, paginated: !onePage, tokenIndex: index, ...(request ? { request } : {}) });
    return;
  }

  const carrier = a.language.family === 'js' ? redisOptionCarrier(value.module, value.path) : undefined;
  if (carrier) {
    // `store: await redisStore({ url, password })`: a cache-manager store that opens its own client.
    redisClientOptions(a, open, carrier, undefined, leadingNonOptionArguments(value.module, value.path));
    return;
  }
  if (a.language.family === 'python' && glidePythonConfiguration(a, value.module, value.path, open)) {
    return;
  }
  const client = callResult(value, value.path, undefined, false, a.language.family === 'python');
  if (client?.t === 'client' && client.kind === 'redis') {
    redisClientOptions(a, open, client.flavor ?? 'redis-py', value.path);
    return;
  }
  if (a.language.family === 'python') {
    cdkConstruct(a, value, value.path, index, open);
  }
}

/** A JavaScript call with type arguments of a name a library exports (`model<Order>(name, schema)` of dynamoose): whether one was read. */
function typedLibraryCall(a: CodeAnalyzer, index: number): boolean {
  const value = a.lookup(a.tokens.text(index), index);
  return value?.t === 'ref' && dynamoosePlainCall(a, index, value);
}

/** `.stream().findFirst()` / `.iterator().next()` right after a page iterator: only the first page is read. */
/**
 * A .NET search handed to the caller (`return table.Query(hashKey, filter);`, `=> context.ScanAsync<T>(conditions);`):
 * the document and object models' Scan and Query return a `Search` or `AsyncSearch` that reads nothing until
 * it is paged (`GetNextSetAsync`, `GetRemainingAsync`), so the paging is the caller's to do.
 */
function searchReturned(a: CodeAnalyzer, kind: ClientKind, operation: string, start: number, close: number): boolean {
  return (kind === 'dynamodb-document-table' || kind === 'dynamodb-context') && /:(?:Scan|Query)$/.test(operation) && (a.idIs(start - 1, 'return') || a.is(start - 1, '=>')) && a.is(close + 1, ';');
}

function firstPageOnly(a: CodeAnalyzer, close: number): boolean {
  const first = a.id(close + 2);
  const second = a.id(close + 6);
  return a.is(close + 1, '.') && a.is(close + 3, '(') && a.is(close + 4, ')') && a.is(close + 5, '.') && ((first === 'stream' && second === 'findFirst') || (first === 'iterator' && second === 'next'));
}

/**
 * Java `receiver::method` (`items.forEach(table::putItem)`): the operation runs for each element with
 * arguments the code does not show, so it gets its hover and no finding.
 */
function methodReference(a: CodeAnalyzer, index: number): void {
  const receiverEnd = index - 2;
  if (receiverEnd < 0 || chainStart(a, receiverEnd) > receiverEnd) {
    return;
  }
  const value = a.evalChain(chainStart(a, receiverEnd), index - 1).value;
  if (a.language.family === 'java' && repositoryReference(a, index, value, perElementReference(a, index))) {
    return;
  }
  const operation = value?.t === 'client' && value.kind !== 'redis' ? operationOfMethod(value.kind, a.tokens.text(index)) : undefined;
  if (operation) {
    // `items.forEach(table::putItem)` calls the item method once per element with the element alone: a call, whose
    // request sets no option, for the per-element loop.
    const perElement = ITEM_OPERATIONS.has(operation) && perElementReference(a, index);
    const request: OptionContext | undefined = perElement ? { kind: 'sdk', type: operation, options: [], complete: true, anchor: a.tokenSpan(index) } : undefined;
    a.addOperation({ operation, name: a.tokenSpan(index), call: perElement, paginated: false, tokenIndex: index, ...(request ? { request } : {}) });
  }
}

const ITEM_OPERATIONS = new Set(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']);

/** The index arguments of the file already read as a request's `IndexName`. */
const namedIndexes = new FileMemo<number, true>();

/**
 * The Java enhanced client names its index once, `table.index("by-price")`, for every request sent through it: that
 * argument is the first such request's `IndexName` (its hover), read once however many requests share the index.
 */
function enhancedIndexName(a: CodeAnalyzer, value: Value & { t: 'client' }, request: OptionContext): void {
  const at = value.index;
  const argument = at ? segments(a, at.open)[at.position] : undefined;
  if (at && argument && namedIndexes.peek(a, at.open) === undefined) {
    namedIndexes.set(a, at.open, true);
    request.options.push(positionalOption(a, argument[0], argument[1], 'IndexName'));
  }
}

/**
 * Python functions that call the function they are given with the keyword arguments they are given:
 * `asyncio.to_thread(client.put_item, TableName=...)`, Starlette's `run_in_threadpool`, `functools.partial`;
 * and an executor's `submit` (`concurrent.futures`, and the pools that copy its interface), which takes no
 * import to reach: `executor.submit(table.scan, **params)` is how a parallel scan runs on a thread pool.
 */
const FORWARDING_CALLS: Record<string, string> = { to_thread: 'asyncio', run_in_threadpool: 'starlette.concurrency', partial: 'functools' };
const FORWARDING_METHOD = 'submit';

/**
 * `to_thread(self.client.get_item, TableName=t, Key=k)`: a method passed with its request to a function that
 * calls it on a worker thread is that call. Only a client's DynamoDB method is read, with no quick fix.
 */
function forwardedMethodCall(a: CodeAnalyzer, index: number): void {
  const open = a.parent[index];
  if (open < 0 || !a.is(open, '(') || a.partner[open] < 0 || !a.is(index + 1, ',') || !forwardsKeywords(a, open - 1)) {
    return;
  }
  const receiverEnd = index - 2;
  const start = receiverEnd >= 0 ? chainStart(a, receiverEnd) : -1;
  if (start !== open + 1) {
    return;
  }
  const value = clientReceiver(a, a.evalChain(start, index - 1).value, a.tokens.text(index));
  if (value === undefined) {
    unknownReceiverCall(a, index, start, receiverEnd, open);
    return;
  }
  const operation = value.t === 'client' && value.kind.startsWith('dynamodb') ? operationOfMethod(value.kind, a.tokens.text(index)) : undefined;
  if (operation) {
    const request = a.language.requestForCall(a, open, a.partner[open], operation);
    const submitted = a.idIs(open - 1, FORWARDING_METHOD) ? { submitted: true } : {};
    a.addOperation({ operation, name: a.tokenSpan(index), call: true, paginated: false, tokenIndex: index, ...submitted, ...(request ? { request } : {}) });
  }
}

/** Whether the name at `k` is one of `FORWARDING_CALLS`, imported from its module or read from it (`asyncio.to_thread`), or a method `submit`. */
function forwardsKeywords(a: CodeAnalyzer, k: number): boolean {
  const name = a.id(k);
  if (name === FORWARDING_METHOD && a.isAccess(k - 1)) {
    return true;
  }
  const module = name !== undefined ? FORWARDING_CALLS[name] : undefined;
  if (module === undefined) {
    return false;
  }
  const qualifier = a.isAccess(k - 1) ? a.id(k - 2) : undefined;
  const imported = a.imports.get(qualifier ?? name!);
  return imported !== undefined && (qualifier ? imported.module === module && imported.path === '' : imported.module === module && imported.path === name);
}

/** `receiver.method(...)`. */
function methodCall(a: CodeAnalyzer, index: number, open: number): void {
  const method = a.tokens.text(index);
  const receiverEnd = index - 2;
  if (receiverEnd < 0) {
    return;
  }
  const start = chainStart(a, receiverEnd);
  if (start > receiverEnd) {
    return;
  }
  const receiver = a.evalChain(start, index - 1).value;
  // `cache.getAsync(key)` of a module that exports a promisified method.
  const sender = receiver?.t === 'ref' ? importedSender(a, receiver.module, receiver.path ? `${receiver.path}.${method}` : method) : undefined;
  // `this.setAsync(key, v)` of a field that holds a promisified client method.
  const held = sender ?? (receiver?.t === 'instance' ? promisifiedField(a, receiver.classScope, method) : undefined);
  if (held) {
    sentMethodCall(a, index, held.client, held.method);
    return;
  }
  clientMethodCall(a, index, open, clientReceiver(a, receiver, method), start);
}

/** A call of `method` at `index` on a receiver that gives `value`, whose first token is `start` (`index` itself for an inherited method called without one). */
function clientMethodCall(a: CodeAnalyzer, index: number, open: number, value: Value | undefined, start: number): void {
  const method = a.tokens.text(index);
  const close = a.partner[open];
  const receiverEnd = index - 2;
  if (a.language.otherCall?.(a, index, value, start)) {
    return;
  }
  if (value === undefined && close > 0 && unknownReceiverCall(a, index, start, receiverEnd, open)) {
    return;
  }
  if (value?.t === 'construct' && close > 0) {
    const made = CONSTRUCTING_METHODS.get(method);
    if (made && value.type.startsWith('aws_rds.')) {
      constructProps(a, made, index, open);
    } else {
      constructMethod(a, value.type, index, open, close);
    }
    return;
  }
  if (value?.t === 'paginator' && method === 'paginate' && close > 0) {
    // The operation's hover sits on `get_paginator('scan')`; the request's options get theirs here.
    const request = a.language.requestForCall(a, open, close, value.operation);
    if (request) {
      a.contexts.push(request, ...(a.branchRequests.get(request) ?? []));
    }
    return;
  }
  if (!value || value.t !== 'client' || close < 0 || fakeCallSpecification(a, start)) {
    return;
  }
  if (value.kind === 'redis') {
    if (value.flavor === 'stackexchange-redis') {
      stackExchangeCall(a, index, value, start);
    } else {
      redisCall(a, index, value, start);
    }
    return;
  }
  const normalized = normalizeName(method);
  if (normalized === 'getpaginator' && a.isString(open + 1)) {
    const inner = normalizeName(a.tokens.text(open + 1));
    const operation = inner === 'scan' ? 'dynamodb:Scan' : inner === 'query' ? 'dynamodb:Query' : undefined;
    if (operation) {
      a.addOperation({ operation, name: a.tokenSpan(open + 1), call: false, paginated: true, tokenIndex: open + 1 });
    }
    return;
  }
  // Java's `scanPaginator`, the SDK for Kotlin's `scanPaginated` (a Flow of every page).
  const paginator = /^(scan|query)paginat(?:or|ed)$/.exec(normalized);
  if (paginator && value.kind.startsWith('dynamodb')) {
    // The request is the paginator's argument: a built request, or a consumer-builder lambda (`r -> r.tableName(t)`).
    const operation = paginator[1] === 'scan' ? 'dynamodb:Scan' : 'dynamodb:Query';
    const request = a.language.requestForCall(a, open, close, operation);
    a.addOperation({ operation, name: a.tokenSpan(index), call: false, paginated: true, tokenIndex: index, ...(request ? { request } : {}) });
    return;
  }
  const operation = value.kind === 'dynamodb-mapper' && normalized === 'save' ? mapperSaveOperation(a, open) : operationOfMethod(value.kind, method);
  if (!operation) {
    return;
  }
  // Architect's `table.put(item)`: the argument is the item or key, never a request.
  const keyOrItem = takesKeyOrItem(value.kind, method);
  // A batch writer's `put_item(Item=...)` queues an item for the writer's BatchWriteItem: no request of its own.
  const queued = value.kind === 'dynamodb-batch-writer';
  const request = keyOrItem || queued ? undefined : (dataApiStatement(a, value.kind, method, open, close, operation) ?? a.language.requestForCall(a, open, close, operation));
  if (request && (value.kind === 'dynamodb-enhanced-index' || value.kind === 'dynamodb-v1-index')) {
    request.onIndex = true;
    enhancedIndexName(a, value, request);
  }
  // A mapper batch resends unprocessed items itself, but hands back the batches that failed: dropped, they are lost.
  const failedBatchesDropped = value.kind === 'dynamodb-mapper' && dropsFailedBatches(a, normalized, start, close);
  const occurrence: OperationOccurrence = {
    operation,
    name: a.tokenSpan(index),
    call: value.kind !== 'dynamodb-paginators' && !queued && !SELF_RETRYING.has(normalized.replace(/async$/, '')) && !(value.kind === 'dynamodb-mapper' && MAPPER_BATCHES.has(normalized) && !failedBatchesDropped),
    paginated:
      ((PAGE_ITERATORS.has(value.kind) && /:(?:Scan|Query)$/.test(operation)) || (value.kind === 'dynamodb-enhanced' && normalized === ENHANCED_BATCH_GET) || readsEveryPage(value.kind, method) || searchReturned(a, value.kind, operation, start, close)) &&
      !firstPageOnly(a, close),
    tokenIndex: index,
    ...(request ? { request } : {}),
    ...(failedBatchesDropped ? { failedBatchesDropped } : {}),
    ...(a.language.family === 'python' ? { fix: { pagination: pythonPaginationShape(a, start, index, open, close) } } : {}),
  };
  const plainWrite = value.kind === 'dynamodb-context' && CONTEXT_WRITES.has(operation) && plainContextWrite(a, index, open, close);
  if ((plainWrite && operation === 'dynamodb:DeleteItem') || keyOrItem) {
    occurrence.plainWrite = true;
  }
  a.addOperation(occurrence, value.table || value.tableName || value.kind === 'dynamodb-context' ? value : undefined);
  if (plainWrite && operation === 'dynamodb:UpdateItem') {
    // One object's save, for the per-element loop alone: `CreateBatchWrite` puts many objects in one request.
    a.addOperation({ operation: 'dynamodb:PutItem', name: occurrence.name, call: true, paginated: false, tokenIndex: index, loopOnly: true, plainWrite: true });
  }
}
