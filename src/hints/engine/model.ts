/** What the matchers produce and the checks consume, for code and for infrastructure templates. */
import { HintService, SdkMajor, SiteOrigin, Span } from './types';
import type { InlineCode } from './iac/inlineCode';
import type { SourceRef, TableNameRef } from './workspace/types';

export type Literal =
  | { kind: 'bool'; value: boolean }
  | { kind: 'num'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'none' }
  /**
   * `orAbsent`: a conditional one of whose branches is `null` (Terraform leaves the argument out) and the
   * other this literal (`cond ? null : var.x`): a check may judge it where both outcomes get one verdict.
   * `envFallback`: an environment read with a string literal used when the variable is unset (`code/envFallbacks.ts`).
   * `secretLiteral`: a string literal a Pulumi program wraps as a secret (`pulumi.secret("…")`, `code/pulumiSecrets.ts`).
   * `oneOf`: the values a CloudFormation parameter without a default allows, one of which the value is (`iac/allowedValues.ts`);
   * also the two string literals a condition picks a Redis client's host or URL between (`code/redisConditionalOptions.ts`).
   */
  | { kind: 'expr'; text: string; orAbsent?: Literal; envFallback?: string; secretLiteral?: string; oneOf?: readonly Literal[] };

export interface OptionOccurrence {
  /** As written (`ConsistentRead`, `publicly_accessible`, `consistentRead`). */
  name: string;
  /** Normalised for comparison (see normalizeName). */
  norm: string;
  key: Span;
  value: Span;
  literal: Literal;
  /** What to delete to remove the option cleanly (key, value, separator); the fix takes the whole line when nothing else shares it. */
  removal: Span;
  /** For a value written as a literal, where the literal itself sits (inside `aws.Bool(...)` and the like). */
  literalSpan?: Span;
  /** Count of literal list elements under this option per nested key, for batch sizes; undefined if not literal. */
  literalCounts?: number;
  /** Written, but the value leaves the property out (CloudFormation `AWS::NoValue`): a hover, absent to the checks. */
  absent?: boolean;
  /**
   * A CDK `engine` prop: the engine-version constants written elsewhere in the file that reach it through a
   * variable (`let v = rds.MysqlEngineVersion.VER_8_0_28; ... engine: rds.DatabaseInstanceEngine.mysql({ version: v })`), as written and where;
   * on a `parameterGroup` prop, the one group lookup by name that reaches it (`ParameterGroup.fromParameterGroupName(...)`).
   */
  engineVersions?: { text: string; span: Span }[];
  /** The family of the custom parameter group of the module or template this value attaches (`iac/parameterGroupFamilies.ts`). */
  groupFamily?: string;
  /**
   * Where the value is a string the code builds from values (interpolation, `+`, a formatting call), not from
   * literals and constants alone (`code/builtStrings.ts`): the value itself, or for a parameter of a function
   * of the file, the arguments its calls build so. Empty when none; worked out when a check asks, for code options only.
   */
  readonly builtStrings?: readonly Span[];
  /**
   * Workspace mode: the value is a CDK stack's prop that another file passes (`multiAz: props.multiAz` with
   * `new DatabaseStack(app, 'Db', { multiAz: false })` in `bin/app.ts`): where the value the checks read now
   * is written (see `DocumentModel.variants`), and what it is there.
   */
  passedFrom?: PassedFrom;
  /** CloudFormation: the template's `String` parameters the value takes in (`iac/templateParameters.ts`), for password properties only. */
  parameters?: readonly TemplateParameter[];
  /** CloudFormation: where a secret of the template writes the literal password this value resolves (`iac/templateSecrets.ts`). */
  templateSecret?: Span;
  /** CloudFormation: the value is `Ref` of a Secrets Manager secret of the template, so it is the secret's ARN (`iac/templateSecrets.ts`). */
  namesTemplateSecret?: true;
}

/** A `String` parameter of a CloudFormation template: where it is declared, and whether `NoEcho` masks it. */
export interface TemplateParameter {
  name: string;
  key: Span;
  noEcho: boolean;
  /** Where a new property of the parameter goes (`NoEcho: true`). */
  insertion?: { offset: number; indent: string; style: 'yaml' | 'json' };
}

/**
 * Where another file writes the value an option takes: `at`, and how the finding says it (`multiAz: false`); `leftOut`:
 * the construction at `at` leaves the prop (`text`) out, so the fallback the stack writes applies.
 */
export interface PassedFrom {
  at: SourceRef;
  text: string;
  leftOut?: true;
}

/** `sql-client`: a SQL driver's connection or pool (`code/sqlConnections.ts`), its `type` the driver. */
export type ContextKind = 'sdk' | 'cloudformation' | 'terraform' | 'cdk' | 'redis-client' | 'sql-client';

/** A request, resource or constructor call whose options the rules inspect. */
export interface OptionContext {
  kind: ContextKind;
  /** `dynamodb:Query`, `AWS::RDS::DBInstance`, `aws_db_instance`, `aws_rds.DatabaseInstance`, or the Redis client flavour. */
  type: string;
  options: OptionOccurrence[];
  /** True when every option is visible (an inline literal), so absence means absence. */
  complete: boolean;
  /** Where a finding about the context as a whole goes (resource name, operation name). */
  anchor: Span;
  /** The resource type as written, for hovers on the resource itself. */
  typeSpan?: Span;
  /** A request sent to an index by its receiver (the Java enhanced client's `DynamoDbIndex`), with no `IndexName` to show it. */
  onIndex?: boolean;
  /** A .NET document or object persistence model config (`QueryOperationConfig`, `DynamoDBOperationConfig`): a call's options in the model's own names, not a request. */
  modelConfig?: true;
  /**
   * Normalised names of the options a builder in another file sets on this request (a Go helper of the package
   * that returns the input): the checks on the call read them; their hovers and findings are that file's.
   */
  lent?: readonly string[];
  /** A Query's key condition built with boto3 (`Key("pk").eq(a) & Key("sk").eq(b)`), read by `code/conditionBuilders.ts`. */
  builtKeyCondition?: KeyTerm[];
  /** For a DynamoDB request that names no table, the binding of the object it is sent on (`table` of `table.query(...)`), as `name@token`. */
  tableHolder?: string;
  /** An `ExecuteStatement` whose statement is a SELECT the code writes out (`code/partiqlStatements.ts`). */
  partiqlSelect?: PartiqlSelect;
  /** Where a missing property can be inserted, for IaC quick fixes. */
  insertion?: { offset: number; indent: string; style: 'yaml' | 'hcl' | 'json' };
  /**
   * Values that hold when an option is absent, by normalised name, where they differ from the
   * resource's own (a Terraform registry module's input defaults). Absent from the map: unknown.
   */
  defaults?: ReadonlyMap<string, Literal>;
  /**
   * Of those, the ones a registry module chose unlike the resource's own (cloudposse/rds keeps no automated
   * backups where the API keeps one day): leaving the input out sets the value as surely as writing it.
   * By normalised argument name, with the input's name as the module spells it.
   */
  chosenDefaults?: ReadonlyMap<string, { value: Literal; input: string }>;
  /**
   * The form the file writes, where it is not the kind's: a Pulumi resource judged as its Terraform resource, a
   * configuration file's Redis or SQL settings (`config/`). Its hovers take their names and examples from it.
   */
  readerOrigin?: SiteOrigin;
  /** Workspace mode: the construction of the stack whose props the options read now (see `DocumentModel.variants`). */
  createdAt?: SourceRef;
  /** A Redis client made with this options object alone: where it names no host, URL or socket, it connects to its library's default. */
  aloneInCall?: true;
  /** A Redis client whose call gives nothing but a URL the code does not show (`from_url(os.environ["REDIS_URL"])`): not complete, yet nothing else is unknown. */
  urlNotSeen?: true;
  /**
   * A module block's inputs read as a module folder's resource (incomplete: the folder decides what the block leaves
   * out): the arguments that resource writes, by normalised name. Any other is left out there, whatever the block says.
   */
  writtenInFolder?: ReadonlySet<string>;
  /**
   * Parts the resource lists, each with settings of its own (a global table's replicas, each with its own
   * point-in-time recovery): a setting the rules judge when left out is judged on each part. The parts' options are
   * among `options` too, for hovers and written values, but are not the resource's own. `only`: the resource has no
   * such setting of its own (a CloudFormation global table; a Terraform table has its own beside its replicas').
   */
  parts?: { items: readonly ListedItem[]; only: boolean };
}

/** One item of a resource's list of parts (see `OptionContext.items`): where it starts, and the settings it writes. */
export interface ListedItem {
  anchor: Span;
  options: readonly OptionOccurrence[];
}

/** What a PartiQL SELECT's text says of the items it reads. */
export interface PartiqlSelect {
  /** Whether it has a WHERE clause. */
  where: boolean;
  /** Whether its WHERE clause holds an `=` or an `IN` anywhere, as a partition key's condition needs. */
  equalityOrIn: boolean;
  /** The attributes of a WHERE clause made of equalities joined by AND (`pk = ? AND sk = ?`), else empty. */
  equalities: readonly string[];
  /** Every name its WHERE clause holds (attributes and functions, values left out). */
  conditionNames?: readonly string[];
  /** The table after FROM, where the text or the name it interpolates tells it. */
  table?: TableNameRef;
  /** The index after the table (`FROM "orders"."byStatus"`), where it is written out. */
  index?: string;
}

/** One inbound rule of a security group, as far as it is written literally. */
export interface IngressRule {
  kind: ContextKind;
  /** As written (`tcp`, `6`, `-1`, `all`); undefined when not set or not a literal. */
  protocol?: string;
  /** The port range; both undefined when not literal. */
  fromPort?: number;
  toPort?: number;
  /** The ports are a database's or cache's own port attribute, as `iac/groupUse.ts` exposure bits (see `IngressFields`). */
  storePort?: number;
  /** Sources open to the whole internet (`0.0.0.0/0`, `::/0`), where they are written. */
  openSources: Span[];
  /** The document attaches the rule's security group only to resources that are not databases or caches. */
  servesOthersOnly?: boolean;
  /** The kinds of data store the document attaches the group to, as `iac/groupUse.ts` bits (database, cache); undefined when unknown. */
  exposes?: number;
  /** The format the file writes, where it is not the kind's (a Pulumi group judged as its Terraform resource). */
  readerOrigin?: SiteOrigin;
}

export interface OperationOccurrence {
  operation: string;
  name: Span;
  /** A call that performs the operation (not a request object or a paginator). */
  call: boolean;
  paginated: boolean;
  request?: OptionContext;
  /** Index of the name token in the token list, for scope lookups. */
  tokenIndex: number;
  fix?: { pagination?: PaginationFixShape };
  /**
   * An object mapper's write of one whole object or key that asks for nothing a batch write cannot do
   * (`await context.SaveAsync(order)`, PynamoDB's `order.save()`; `code/plainWrites.ts`).
   */
  plainWrite?: boolean;
  /**
   * Read by `dynamodb-item-loop` alone, with no hover or other rule of its own: Spring Data's `save`, whose request
   * (UpdateItem or PutItem) the mapper's configuration decides, and the .NET context's plain `SaveAsync`, an
   * UpdateItem that `CreateBatchWrite` can replace with puts.
   */
  loopOnly?: boolean;
  /** Handed to an executor with its request (`executor.submit(table.scan, **params)`): its reply comes through a future. */
  submitted?: boolean;
  /**
   * A loop-only write that `dynamodb-read-modify-write` still judges: Spring Data's `save` of one entity, which writes
   * the whole object back whichever request the mapper sends.
   */
  rewritesObject?: boolean;
  /** The class an object mapper's read returns, where the call names it elsewhere (a Spring Data repository's entity). */
  objectType?: string;
  /** A `DynamoDBMapper` batch write written as a statement of its own, dropping the failed batches it returns (`code/mapperFailedBatches.ts`). */
  failedBatchesDropped?: boolean;
}

/** The statement shape a pagination quick fix can rewrite. */
export interface PaginationFixShape {
  flavor: 'js-send' | 'python';
  statement: Span;
  variable: string;
  receiver: string;
  argsText: string;
  indent: string;
  operation: 'Scan' | 'Query';
  /** JavaScript: where to add the paginator to the existing named import, if it is missing. */
  importInsert?: { offset: number; text: string };
  typescript: boolean;
}

export interface RedisCall {
  command: string;
  name: Span;
  tokenIndex: number;
  flavor: RedisFlavor;
  /** The whole call expression, its receiver and argument text, for the KEYS → SCAN fix. */
  call: Span;
  receiver: string;
  argsText: string;
  statement?: { span: Span; variable: string; declaration: string; indent: string; awaited: boolean };
  /** Runs once per element of a loop or an iterating callback (`forEach`, `map`), in the same function. */
  inLoop: boolean;
  /**
   * Queued on a pipeline or transaction (`pipeline()`, `multi()`), or given a whole batch of keys from an
   * iterator that yields batches (`scanStream`, `scanIterator`): not a round trip per key.
   */
  batched: boolean;
  /**
   * JavaScript: given a whole array of keys or members (`redis.del(keys)` after a SCAN, `sadd(set, ids.map(...))`) in a
   * loop that repeats until a condition (a cursor or page loop): one command per page, not per key.
   */
  batchPerRound?: boolean;
  /** In the body of a loop statement of its own function (not an iterating callback, whose calls start together). */
  inLoopStatement: boolean;
  /**
   * The code waits for the reply before it goes on: directly under `await`, or a blocking method
   * (StackExchange.Redis's methods without `Async`, unless sent fire-and-forget).
   */
  awaited: boolean;
  /**
   * A Lettuce async or reactive command that nothing waits for where it is sent: in a loop the commands go
   * out one after the other on the connection without waiting for replies (Lettuce pipelines them). Also every
   * command of an aioredis 1 client, which is sent when called whether awaited or not.
   */
  nonBlocking?: boolean;
  /** In a test, or a set-up or tear-down a test framework runs around tests (`@BeforeEach`, `beforeEach(...)`, `def setUp`). */
  inTest?: boolean;
  /** A redis.asyncio command whose statement drops its coroutine unawaited, so it is never sent (`code/unawaitedRedis.ts`). */
  neverAwaited?: true;
  /**
   * A MULTI sent as a statement of its own (Lettuce `commands.multi();`, Spring `redisTemplate.multi();`): the client
   * itself then queues the commands that follow until EXEC. The function it is in, by scope.
   */
  opensTransactionIn?: number;
  /** SET, SETNX, INCR, EXPIRE and TTL written with their key: what `set-then-expire` pairs (see code/redisTtl.ts). */
  keyed?: KeyedRedisCall;
}

export interface KeyedRedisCall {
  /** The key as written, whitespace aside (for Redisson, the bucket object that is the key). */
  key: string;
  /** The function the call is in, by scope; 0 outside any. */
  scope: number;
  /**
   * `expire`: an EXPIRE or PEXPIRE; `none`: an INCR or INCRBY, or a SET or SETNX given only a key and a value
   * (go-redis: an expiration of `0`), so a key it creates has no TTL; `maybe`: a SET with more arguments, one of
   * which may be a TTL; `read`: a TTL or PTTL, which reads the key's TTL.
   */
  ttl: 'expire' | 'none' | 'maybe' | 'read';
  /** A write with `ttl: 'none'` or a read with `ttl: 'read'`: an EXPIRE of the same key in the same function can run after it (`markFollowingExpires`). */
  expireFollows?: boolean;
}

/** One key in one function: what `set-then-expire` pairs calls by. */
export function sameKeyInFunction(keyed: KeyedRedisCall): string {
  return `${keyed.scope}\u0000${keyed.key}`;
}

/**
 * Redis clients: Node (ioredis, node-redis), Python (redis-py), Go (go-redis, redigo, rueidis and valkey-go), .NET (StackExchange.Redis),
 * Java (Jedis, Lettuce, Spring Data Redis, Redisson); Valkey GLIDE, `glide` for its Node and asyncio Python clients,
 * whose commands return promises or coroutines, `glide-sync` for those that block: `glide_sync`'s and Go's (`glide.ts`, `goGlide.ts`).
 */
export type RedisFlavor = 'ioredis' | 'node-redis' | 'redis-py' | 'redis-py-async' | 'go-redis' | 'redigo' | 'rueidis' | 'glide' | 'glide-sync' | 'stackexchange-redis' | 'jedis' | 'lettuce' | 'spring-data-redis' | 'redisson';

/**
 * A Redis data structure whose operations a client object is bound to: Spring Data Redis `HashOperations`,
 * and Redisson's `RKeys` (the keyspace), `RBucket` (one string value) and its other objects (a map, a
 * counter, a lock: one key each); and Django's cache on django-redis, whose few Redis methods are commands
 * (`code/djangoCache.ts`).
 */
export type RedisStructure = 'hash' | 'list' | 'set' | 'zset' | 'keys' | 'bucket' | 'object' | 'redisson-map' | 'redisson-set' | 'redisson-list' | 'redisson-zset' | 'cache' | 'flask-cache' | 'flask-cache-prefixed' | 'flask-cache-any' | 'flask-cache-backend' | 'distributed-cache' | 'cache-manager';

export interface ScopeInfo {
  hasPaginationMarker(tokenIndex: number): boolean;
  hasUnprocessedMarker(tokenIndex: number): boolean;
  /** Whether the code around the batch call reads its unprocessed items or keys only to log them (`unprocessedLogged.ts`). */
  logsUnprocessedOnly(tokenIndex: number): boolean;
  /** Whether the code around the batch call reads its unprocessed items or keys only in an `if` that waits and sends nothing again. */
  waitsUnprocessedOnly(tokenIndex: number): boolean;
  /** Whether the code around the call reads or passes a PartiQL `NextToken` (as `hasPaginationMarker` does the key). */
  hasNextTokenMarker(tokenIndex: number): boolean;
  /** Whether the code uses the result of the call named at `tokenIndex` only for its first item (`firstItemOnly.ts`). */
  readsFirstItemOnly(tokenIndex: number): boolean;
  /** Whether the request of the call named at the token is its function's own parameter, whole, and no call in the file passes it a filter (`callersRequests.ts`). */
  requestFromCallers(tokenIndex: number): boolean;
  /** Whether the token runs inside a test, a test's set-up or tear-down, or a Testcontainers file (`testFixtures.ts`). */
  inTest(tokenIndex: number): boolean;
  /** Whether the call of the operation named at the token runs once per element of a loop and waits for each reply (`itemLoops.ts`). */
  waitsPerElement(tokenIndex: number): boolean;
  /**
   * Same-file calls of the helper around the call at the token that run once per element and wait (`itemLoops.ts`):
   * a helper whose one DynamoDB call is that item request, or one that sends Redis commands one at a time.
   */
  waitingCallers(tokenIndex: number, kind: 'item-request' | 'redis-command'): Span[];
  /** The call a typed request at the token is passed to whole, when that call is no SDK call and runs once per element and waits (`itemLoops.ts`). */
  sendingCallPerElement(tokenIndex: number): Span | undefined;
  /** (Workspace mode) calls of other modules' helpers whose one request is a batchable item request, run once per element and waited for (`importedItemLoops.ts`). */
  importedItemCallsPerElement(): Span[];
  /** (Workspace mode) calls of other modules' helpers that read one Redis key per call, run once per element and waited for (`redisReadHelpers.ts`). */
  importedRedisReadsPerElement(): { name: Span; command: string; flavor: RedisFlavor }[];
  /** Whether the boto3 `batch_writer()` named at the token is opened once per element of a loop and flushed each time round (`pythonBatchWriterLoops.ts`). */
  batchWriterPerElement(tokenIndex: number): boolean;
  /** Whether the code around the `BatchExecuteStatement` call at the token reads its statements' errors, or hands its result on (`batchStatementErrors.ts`). */
  readsStatementErrors(tokenIndex: number): boolean;
  /** Whether the PutItem `put` writes back, changed, the item the GetItem `get` read in the same function, on the same table, or the UpdateItem `put` sets a value computed from it (`readModifyWrite.ts`). */
  rewritesReadItem(get: OperationOccurrence, put: OperationOccurrence): boolean;
  /** Whether the PutItem `put` creates, with no condition, the item whose absence the GetItem `get` of the same function checked (`checkThenPut.ts`). */
  createsCheckedItem(get: OperationOccurrence, put: OperationOccurrence): boolean;
  /** Whether the PutItem `put` creates, with no condition, an item carrying the value a Query on an index or a filtered Scan `search` of the same function found unused (`uniquenessChecks.ts`). */
  createsSearchedValue(search: OperationOccurrence, put: OperationOccurrence): boolean;
  /** The Puts, with no condition, of new items whose key a same-file helper the same caller called found absent (`checkThenPutHelpers.ts`). */
  helperCheckThenPuts(gets: readonly OperationOccurrence[], puts: readonly OperationOccurrence[]): { tokenIndex: number; name: Span; bySearch?: true }[];
  /** The calls of same-file helpers that put back, changed, the item another helper returned from `gets` to the same caller (`readModifyWriteHelpers.ts`). */
  helperRewrites(gets: readonly OperationOccurrence[], puts: readonly OperationOccurrence[]): { tokenIndex: number; name: Span }[];
  /** Near misses of `LastEvaluatedKey` read of a Query's or Scan's reply, and of `ExclusiveStartKey` set on its request (`misspeltPageKeys.ts`). */
  misspeltPageKeys(): readonly MisspeltPageKey[];
  /** Plain literals written as the attribute values of a low-level client's `Key`, `Item` or `ExpressionAttributeValues` (`untypedAttributeValues.ts`). */
  untypedAttributeValues(): readonly UntypedAttributeValue[];
  /** The SETs without NX that take a lock a GET or EXISTS of the same key in the same function found free (`redisCheckThenSet.ts`). */
  redisCheckThenSets(): readonly Span[];
  /** The DynamoDB requests an AWS SDK client of the file sends, as far as its origin is seen: not a library's own calls (`sdkOperationClients.ts`). */
  sdkRequests(): ReadonlySet<OptionContext>;
}

/** A plain string, number, boolean or list where the low-level client takes an attribute value (`{ S: '42' }`), and the parameter it is in. */
export interface UntypedAttributeValue {
  span: Span;
  parameter: string;
  kind: 'string' | 'number' | 'boolean' | 'list';
}

/** A page key's name written as a near miss of the API's (`LastEvaluateKey`), where, and the name meant. */
export interface MisspeltPageKey {
  span: Span;
  written: string;
  meant: string;
}

/** An attribute name read from the code (after `ExpressionAttributeNames`), and where the code writes it. */
export interface AttributeAt {
  name: string;
  span: Span;
}

export type KeyOperator = '=' | '<' | '<=' | '>' | '>=' | 'between' | 'begins_with';

export interface KeyTerm extends AttributeAt {
  operator: KeyOperator;
}

/**
 * What a DynamoDB request tells about the table it uses, as far as the code writes it literally: read
 * only when a workspace model is there to check it against. An absent field means "not written" or
 * "cannot be read"; the checks stay silent on both.
 */
export interface DynamoRequest {
  /** `dynamodb:Query`, `dynamodb:GetItem`… */
  operation: string;
  /** The request's options, when it has some (the .NET document model's calls have none). */
  context?: OptionContext;
  /** Where a finding about the request as a whole goes: the operation's name. */
  anchor: Span;
  /** What names the table: a `TableName` value, or the argument of `Table(...)` / `table(...)` / `LoadTable(...)`. */
  table?: { ref: TableNameRef; span: Span; key?: Span };
  /** The index the request reads; `unknown` when it may name one that cannot be read (a variable, a spread). Absent: the table. */
  index?: { name: string; span: Span; key?: Span } | 'unknown';
  /** When `index` is `unknown` because the code reads it from an environment variable: that variable, where the value is. */
  indexVariable?: { variable: string; span: Span; key?: Span };
  /** A literal `ConsistentRead: true`, at its key. */
  consistentRead?: Span;
  /**
   * The key condition's terms. `complete` when every term is seen; `keysOnly` when the SDK builds the key
   * condition from the terms on key attributes and sends the rest as a filter (the .NET document model).
   */
  keyCondition?: { terms: KeyTerm[]; complete: boolean; keysOnly?: boolean };
  /** A fully literal `Key` map (GetItem, UpdateItem, DeleteItem). */
  key?: { attributes: AttributeAt[]; span: Span };
  /** A PutItem's fully literal `Item` map, its top-level attributes (in a file that changes no `Item` later). */
  item?: { attributes: AttributeAt[]; span: Span };
  /** The top-level attributes a `ProjectionExpression` names. */
  projection?: AttributeAt[];
  /** A Scan filter joined by AND at its top level: the attributes of its equalities. */
  filterEqualities?: AttributeAt[];
  /** Other conditions join those equalities in the filter (`<>`, `contains(...)`, `IN`, a nested path). */
  filterOthers?: boolean;
}

/** The import of a DynamoDB, RDS or ElastiCache client from an older AWS SDK major version (one per file). */
export interface SdkImport {
  sdk: SdkMajor;
  service: HintService;
  /** The imported module or package path, as written (without quotes). */
  span: Span;
  /** JavaScript v2: the client classes the file uses (`DynamoDB.DocumentClient`, `RDS`), when it shows them. */
  clients?: readonly string[];
}

export interface DocumentModel {
  operations: OperationOccurrence[];
  contexts: OptionContext[];
  redisCalls: RedisCall[];
  scopes: ScopeInfo;
  /** Comment syntax for suppression comments and quick fixes; undefined where there are none (JSON). */
  commentPrefix?: string;
  /** Offsets of `aws-db-hints-disable-next-line` comments and the rule ids they name (empty = all). */
  suppressions: { line: number; ruleIds: string[] }[];
  /** Security group ingress rules found in templates (and, later, CDK `addIngressRule` calls). */
  ingress?: IngressRule[];
  /** DynamoDB requests as the workspace checks read them; only when the analysis was asked for them. */
  dynamodbRequests?: DynamoRequest[];
  /** The first import of a DynamoDB, RDS or ElastiCache client from an older SDK major version, if any. */
  sdkImport?: SdkImport;
  /**
   * Clients a Lambda handler makes on every invocation (`code/handlerClients.ts`), by the name that makes each;
   * `pulumiCallback`: the handler is a function Pulumi serializes (`lambdaHandlers.ts`), whose fix is a `callbackFactory`.
   */
  handlerClients?: { name: Span; service: HintService; helper?: true; pulumiCallback?: true }[];
  /** Clients a web request handler (or a FastAPI dependency: `dependency`) makes on every request (`code/webHandlers.ts`), by the name that makes each; `helper`: by a call of a function that makes one; `registered`: by an ASP.NET Core Scoped or Transient registration. */
  requestClients?: { name: Span; service: HintService; dependency?: true; helper?: true; registered?: true }[];
  /** Redis clients a function opens and closes around its own work (`code/scopedConnections.ts`), by the name that makes each. */
  connectionsPerCall?: (Span & { unclosed?: true })[];
  /**
   * SQL driver connections and pools (`code/sqlConnections.ts`), by the name that makes each; `perInvocation` when a
   * Lambda handler makes it, `perRequest` when a web request handler makes a pool or engine (`single`: one connection); `readerOrigin` when a
   * configuration file configures it.
   */
  sqlConnections?: { name: Span; flavor: string; perInvocation?: true; perRequest?: true; single?: true; helper?: true; readerOrigin?: SiteOrigin }[];
  /**
   * Workspace mode: options whose values are a CDK stack's props, passed by `count` constructions in other
   * files. The values the options give are those of construction `current`; the checks run once for each.
   */
  variants?: PropVariants;
  /** Lambda code written inline in a YAML template (`iac/inlineCode.ts`), which the analysis reads as code of its language in place. */
  inlineCode?: InlineCode[];
  /** CloudFormation outputs whose `Value` takes in a template parameter (`iac/templateParameters.ts`), at the value. */
  stackOutputs?: { value: Span; parameters: readonly TemplateParameter[] }[];
  /**
   * Terraform outputs (`iac/terraformPasswordOutputs.ts`, with `sensitive` read) and CDK `CfnOutput`s
   * (`code/cdkPasswordOutputs.ts`) whose value is a database or cache password, at the value.
   */
  passwordOutputs?: { value: Span; source: string; sensitive?: boolean }[];
  /** Infrastructure that test code builds (`code/testResources.ts`): findings inside these extents are dropped, hovers kept. */
  testResources?: Span[];
  /** SDK for JavaScript v2 operations given a callback and then `.promise()`, at `promise` (`code/callbackAndPromise.ts`). */
  sentTwice?: Span[];
  /** Item attributes a PutItem or UpdateItem writes as a time Time to Live cannot read (`code/ttlValues.ts`). */
  ttlWrites?: TtlWrite[];
  /** DynamoDB expressions that write reserved words as attribute names (`code/expressionReservedWords.ts`). */
  reservedWordUses?: ReservedWordUse[];
  /** Condition keys written into a BatchWriteItem's puts and deletes, which it never applies (`code/batchWriteConditions.ts`). */
  batchWriteConditions?: Span[];
  /** BEGIN statements sent through a connection pool, at the statement (`code/poolTransactions.ts`). */
  poolTransactions?: Span[];
}

/** A literal DynamoDB expression that names attributes by reserved words (`status`, `name`), as written there. */
export interface ReservedWordUse {
  words: string[];
  /** The expression as written. */
  span: Span;
}

/**
 * An attribute a DynamoDB write sets to a time that is not epoch seconds: a clock read in milliseconds or finer
 * (`Date.now()`, `System.currentTimeMillis()`, `time.Now().UnixMilli()`), or a date written as a string.
 * Whether the attribute is the table's TTL attribute is the check's to decide.
 */
export interface TtlWrite {
  attribute: string;
  /** The value as written (or the name that holds it). */
  value: Span;
  unit: 'milliseconds' | 'microseconds' | 'nanoseconds' | 'ticks' | 'string';
  /** The write's request, by which the workspace model resolves its table; none for an object model's property. */
  request?: OptionContext;
  /** The write's operation token, for the scope it runs in. */
  tokenIndex: number;
}

export interface PropVariants {
  count: number;
  current: number;
}

export const NO_SCOPES: ScopeInfo = {
  hasPaginationMarker: () => false,
  hasUnprocessedMarker: () => false,
  logsUnprocessedOnly: () => false,
  waitsUnprocessedOnly: () => false,
  hasNextTokenMarker: () => false,
  readsFirstItemOnly: () => false,
  requestFromCallers: () => false,
  inTest: () => false,
  waitsPerElement: () => false,
  waitingCallers: () => [],
  sendingCallPerElement: () => undefined,
  importedItemCallsPerElement: () => [],
  importedRedisReadsPerElement: () => [],
  batchWriterPerElement: () => false,
  rewritesReadItem: () => false,
  createsCheckedItem: () => false,
  createsSearchedValue: () => false,
  helperCheckThenPuts: () => [],
  helperRewrites: () => [],
  readsStatementErrors: () => true,
  misspeltPageKeys: () => [],
  untypedAttributeValues: () => [],
  redisCheckThenSets: () => [],
  sdkRequests: () => new Set(),
};

export const SUPPRESSION = /aws-db-hints-disable-next-line\b([^\n]*)/;

/** Programs in code that build infrastructure as the Terraform resources they come from (Pulumi, CDK for Terraform). */
const PROGRAM_ORIGINS: ReadonlySet<SiteOrigin> = new Set<SiteOrigin>(['pulumi', 'pulumi-python', 'cdktf', 'cdktf-python']);

/** Whether a context is a resource that code builds as infrastructure: a CDK construct, a Pulumi or cdktf resource. */
export function isCodeResource(context: OptionContext): boolean {
  return context.kind === 'cdk' || (context.readerOrigin !== undefined && PROGRAM_ORIGINS.has(context.readerOrigin));
}

export function parseSuppression(commentText: string): string[] | undefined {
  const match = SUPPRESSION.exec(commentText);
  if (!match) {
    return undefined;
  }
  return match[1]
    .replace(/\*\/\s*$/, '')
    .split(/[\s,]+/)
    .filter((id) => /^[a-z0-9-]+$/.test(id));
}
