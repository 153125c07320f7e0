/**
 * What code files tell each other through the workspace model: the names a module imports, the clients it
 * makes or passes to other modules' functions and classes, the clients middleware hangs on the request, the
 * services routes call, and the CDK classes other files read. Plain data: it crosses to worker threads.
 */
import type { RedisFlavor } from '../model';
import type { ClientKind } from '../services';
import type { HintService } from '../types';
import type { TableNameRef } from './types';
/** A name imported from a module, as the file writes them. */
export interface ImportRef {
  module: string;
  path: string;
}

/** See `FileContribution.requestClasses`: `constructors` by the file's class. */
export interface RequestClasses {
  perRequest: ImportRef[];
  constructors: Record<string, ImportRef[]>;
  /** The imported functions the file gives FastAPI as dependencies (`Depends(get_table)`), which FastAPI calls per request. */
  dependencies?: ImportRef[];
  /**
   * The imported names each module-level function of the file calls (`get_product_service` making `ProductRepository()`),
   * for when another module gives FastAPI that function as a dependency: what it constructs is made per request.
   */
  functions?: Record<string, ImportRef[]>;
}

/** The methods a controller's routes call on an injected service, whose class the file imports from `module` as `path`. */
export interface RouteCall {
  module: string;
  path: string;
  methods: string[];
}

/** The services one method of a module-level class calls (`CatalogService.product` calls `this.repository.byId`), for services a route reaches through another. */
export interface ServiceCall extends RouteCall {
  className: string;
  method: string;
}

/**
 * A call of a name imported from another module (`count_items(table)`, `new ItemRepository(doc)`), with the
 * clients it passes: the callee's untyped parameters hold what its callers agree on.
 */
export type PassedArgument =
  /** A client the calling file makes. */
  | ExportedClient
  /**
   * A name the calling file imports from a project module, or the call of one (`get_table()`, Python
   * `get_table(MESSAGES_TABLE)` with the strings it passes as `args`): the model resolves it as that file imports it.
   */
  | { module: string; path: string; call?: true; args?: CallArguments }
  /** A boto3 or aioboto3 session the calling file makes (`DynamoDb(boto3.Session())`): the callee's `session.client("dynamodb")` makes the client. */
  | { session: true }
  /** A CDK construct, as the model resolves a call of a project function that returns one (`create_table(self)`, `workspace/cdkConstructMakers.ts`). */
  | { construct: string }
  /** Anything else. */
  | null;

export interface ClientPassingCall {
  /** The module as the calling file imports it (`./repo`, `app.repo`, `.repo`), and the name read from it. */
  module: string;
  path: string;
  /** The positional arguments up to the first spread or keyword: what each passes (see `PassedArgument`). */
  args: PassedArgument[];
  /** Python keyword arguments by name, as for `args`. */
  keywords?: Record<string, PassedArgument>;
  /** A spread or a keyword follows the positional arguments: what it passes past them is unknown. */
  open?: boolean;
  /**
   * The name is not called: it is handed as the options of a Redis client of this library (`new Redis(options)`,
   * `new Queue('mail', { connection })`), so the object it holds is that client's options. `args` is empty.
   */
  redisOptions?: 'ioredis' | 'node-redis';
  /** With `redisOptions`: the name is a function whose returned object is spread into those options (`{ ...getRedisConfig() }`). */
  returned?: true;
  /** With `redisOptions`: the client's call passes other arguments too (`new Redis(url, options)`), which may set what the options leave out (a `rediss://` URL's TLS). */
  beside?: true;
  /** As `redisOptions`, for the options of a SQL driver or ORM (`new Pool(dbConfig)`, `TypeOrmModule.forRoot(ormConfig())`). */
  sqlOptions?: SqlOptionsFlavor;
  /** With `sqlOptions`: the name holds the options by key (Sequelize's `{ development: {...}, production: {...} }`), and one entry is handed. */
  keyed?: true;
  /** A JavaScript call where the batch's `UnprocessedKeys` / `UnprocessedItems` are read and sent again (`unprocessedRetries.ts`). */
  retriesUnprocessed?: true;
}

/** The SQL libraries whose options another module may declare (`workspace/passedSqlOptions.ts`). */
export type SqlOptionsFlavor = 'pg' | 'mysql2' | 'mysql' | 'typeorm' | 'sequelize' | 'knex';

/**
 * Where a client that middleware hangs on the request comes from: made in the file, or imported from another
 * module of the workspace (`module` as the file writes it, `path` the name read from it, as for
 * `WorkspaceView.importedClient`), or what a function imported so gives when called (`call`:
 * `req.redis = getRedisClient()`), or a class a NestJS provider makes an instance of (`useClass`: no client,
 * the class whose methods an injected receiver runs); null for a value the reader cannot tell, which leaves the property unknown.
 */
export type RequestClientSource = { client: ExportedClient } | { module: string; path: string; call?: true; useClass?: true } | null;

/** Per property name, what each assignment (or each member of a bound-methods object) hangs there. */
export type RequestClients = Record<string, RequestClientSource[]>;

/**
 * The type of a member of a CDK class or interface, as its file writes it: a CDK construct class
 * (`aws_dynamodb.Table`; an interface such as `ITable` stands for its class), or a class or interface
 * declared in the same file (no `module`) or imported from another module (`module` as written there).
 */
export type CdkMemberType = { construct: string } | { declared: string; module?: string };

/** Members by name; members of an unknown type are left out. */
export type CdkClassMembers = Record<string, CdkMemberType>;

/** A CDK class as a file that imports it reads it: each member a construct class, or a class resolved in turn. */
export interface CdkClassShape {
  members: Record<string, { construct: string } | { shape: CdkClassShape }>;
  /** The construct class the class extends: an instance of it is that construct. */
  construct?: string;
  /**
   * Where the class hands the props it is made with on to that construct: the props its constructor writes
   * after them (normalized), which win. Absent when the props a construction writes are not the construct's.
   */
  propsOverridden?: string[];
  /** Where the class wraps a construct made from a member of its props (`...props.databaseInstance`): see `CdkWrappedProps`. */
  wrapped?: CdkWrappedProps;
}

/**
 * A class whose constructor makes a construct from a member of the props it is given (`new DatabaseInstance(this,
 * 'Instance', { ...props.databaseInstance, port: 5432 })`): that member, the construct, and the props written after
 * the spread (normalized), which win over what a construction passes there.
 */
export interface CdkWrappedProps {
  member: string;
  construct: string;
  overridden: string[];
  /** A function's (`workspace/cdkWrapperFunctions.ts`): the position of the argument that holds the member; `member` '' is that argument itself. */
  position?: number;
}

/** The statements of a code module that can bind or export a client, as text (plain data: it crosses to worker threads). */
export interface ModuleSource {
  language: 'python' | 'javascript' | 'typescript';
  /** The module-level statements: the bodies of functions and classes are left out unless those statements use them. */
  text: string;
}

/** A Kotlin file that may hold clients for other files (`kotlinHolders.ts`): its package and its text, read when another file asks. */
export interface KotlinHolderSource {
  package: string;
  text: string;
}

/** A client that a code module makes at module level, as another file that imports it reads it. */
export interface ExportedClient {
  kind: ClientKind;
  flavor?: RedisFlavor;
  /** A Redis pipeline or transaction (see the analyzer's client value). */
  batched?: boolean;
  nonBlocking?: boolean;
  /** The table a boto3 `Table(...)` names, when the module writes it as a literal or an environment variable. */
  table?: TableNameRef;
  /** A function's result that it makes anew on every call (`return new DocumentClient()`), not one it shares. */
  perCall?: true;
  /** A boto3 resource's own low-level client (`resource.meta.client`), which takes plain values as the resource does. */
  convertsValues?: true;
  /**
   * An instance of a Python class whose `__getattr__` forwards to this client: the methods the class defines,
   * which are its own and no client command (`cache.set(...)` of a wrapper that pickles).
   */
  wrapper?: readonly string[];
  /** A cache facade over the client whose methods are not its commands (Flask-Caching's `Cache`: `clear()`). */
  structure?: 'flask-cache' | 'flask-cache-prefixed' | 'flask-cache-any';
  /**
   * Not the client but a function that sends this method of it (`promisify(client.get).bind(client)`,
   * `code/promisified.ts`): importers' calls of it are that command. The workspace answers it as `importedSender`,
   * never as `importedClient`, so nothing reads it as a client.
   */
  sends?: string;
}

/** What a class is to PynamoDB: a model (a table), or a global or local secondary index of one. */
export type PynamodbClassKind = 'model' | 'global-index' | 'local-index';

/**
 * What a call of a workspace function gives: a client, the clients of a tuple a Python function returns (`return
 * ddb, cache`), null for any other element, or a DynamoDB library's object (`ormObjects.ts`: an ElectroDB entity a
 * factory builds, `export const Orders = () => new Entity(...)`) as its library's module and kind, or a boto3 or
 * aioboto3 session (`return aioboto3.Session(...)`), whose `client("dynamodb")` the caller makes; or for a generator
 * function, the client it yields (`YieldedClient`).
 */
export type ExportedCall = ExportedClient | { elements: (ExportedClient | null)[] } | BodyClient | { orm: { module: string; path: string; uniqueIndexes?: readonly string[] } } | { session: true } | YieldedClient;

/**
 * A generator function that yields a client (`async def get_db(): async with session.resource("dynamodb") as db:
 * yield db`): a call gives a generator, and only FastAPI's `Depends(get_db)` hands the route what it yields.
 */
export interface YieldedClient {
  yielded: ExportedClient;
}

/**
 * A function that returns no client but makes one in its body on every call and uses it there (`async function
 * deleteAd(pk, sk) { const client = new DocumentClient(); ... }`): the client's kind, so that a Lambda handler of
 * another file that calls it is known to make that client on each invocation.
 */
export interface BodyClient {
  /** `sql`: a SQL driver's connection or pool (`code/sqlConnections.ts`), not an SDK or Redis client; `pool`: a pool or engine (`code/sqlPoolsPerRequest.ts`). */
  bodyClient: { service: HintService; sql?: true; pool?: true };
}

/**
 * The strings a Python call passes to a function, as plain data: each positional argument and each keyword
 * argument (by name), `null` where it is no literal; `spread` when the call passes `*args` or `**kwargs`.
 */
export interface CallArguments {
  positional: (string | null)[];
  named: [string, string | null][];
  spread: boolean;
}

/**
 * What a function of a workspace module does with one table's items, for callers in other modules
 * (`readModifyWriteHelpers.ts`): it returns the item a GetItem of the table `reads` read, unchanged; or it puts
 * its parameter at `puts.position`, unchanged and with no condition, into `puts.table`.
 */
export interface ItemHelper {
  reads?: string;
  /** What it returns is the read's whole response (`(TableName, id) => doc.send(new GetCommand(…))`), whose `Item` the caller takes. */
  readsResponse?: true;
  puts?: { table: string; position: number };
  /** It reads the item of `checks.key` from `checks.table` and returns it or whether it exists (`checkThenPutHelpers.ts`). */
  checks?: ExistenceCheck;
  /** Its one DynamoDB request is an item request a batch call could send (`importedItemLoops.ts`). */
  itemRequest?: true;
  /** It sends the request its parameter at `position` holds, whole, as `operation` (`importedRequestForwards.ts`). */
  forwards?: RequestForwarding;
  /** It reads one Redis key per call with `command` (`code/redisReadHelpers.ts`). */
  redisRead?: { command: string; flavor: RedisFlavor };
}

/** A function's parameter that goes whole into the request of one operation: `scanTable(params)` → `send(new ScanCommand(params))`. */
export interface RequestForwarding {
  operation: string;
  position: number;
}

/**
 * A Java or C# method that reads or writes one table's objects for its callers (`code/languages/classItemHelpers.ts`):
 * it returns the object an object mapper read (`reads`), or saves its parameter at `puts.position` with no condition
 * (`puts`); `table` is the mapper's receiver as written, `type` the object's class.
 */
export interface ClassItemMethod {
  /** `optional`: the object comes wrapped in a Java `Optional` (`return Optional.ofNullable(table.getItem(key));`). */
  reads?: { table: string; type: string; optional?: true };
  /** `async`: a Java save through an async client, whose caller gets a future or publisher and need not wait for it. */
  puts?: { table: string; type: string; position: number; async?: true };
  /** A C# method that scans with its parameter at `position` as the Scan's conditions or filter (`ScanAsync<T>(conditions)`). */
  scans?: { position: number };
  /**
   * A C# method that hands its parameter at `position` whole to `method` at `argument`, of a field or parameter
   * declared with `type` (with its `typeArguments`) or, without `type`, of its own class: it saves what that method
   * saves, once the workspace finds it does (`workspace/classItemMethods.ts`).
   */
  handsOn?: HandOn[];
}

/** One call a method hands its parameter on with (`ClassItemMethod.handsOn`); `parameterType` is the parameter's declared class. */
export interface HandOn {
  type?: string;
  typeArguments?: string[];
  method: string;
  argument: number;
  position: number;
  parameterType: string;
}

/** A call a method of a class hands on: to `method` of a field whose type stands for one of `classes` (class keys, in the language's order). */
export interface ForwardedCall {
  classes: string[];
  method: string;
}

/** A class's item helpers by method name, and the interfaces it implements (a caller may hold it by one). */
export interface ClassItemMethods {
  interfaces?: string[];
  methods: Record<string, ClassItemMethod>;
  /** The class's own type parameters (`AbstractRepository<T extends Entity>`), which its methods' types may name. */
  typeParameters?: string[];
  /** A generic base class it extends with type arguments (`extends AbstractRepository<Order>`), whose item helpers it inherits. */
  extends?: { base: string; typeArguments: string[] };
}

/** A token of a key value an existence check reads, or the position of the check's parameter that stands there. */
export type KeyPart = string | number;

/** An existence check's table and key, each key attribute's value as the check's tokens (`checkThenPutHelpers.ts`). */
export interface ExistenceCheck {
  table: string;
  key: Record<string, KeyPart[]>;
  /** The position of the parameter that is the whole `Key` (`readItem(TableName, Key)`): the caller's argument writes the key. */
  keyParameter?: number;
  /** Found by a Query on an index or a filtered Scan for the value of `key`'s one attribute, not by its key (`uniquenessChecks.ts`). */
  bySearch?: true;
}
