/** What Go files tell the workspace model about their package: client types of struct fields, functions, variables and interfaces. Pure: no `vscode`. */
import type { HintService } from '../types';
import type { GoMakerCallRef } from './goBodyMakers';

/** A field of a Go struct whose type is a client library's: the import path of the type's package and the type's name. */
export interface GoFieldType {
  path: string;
  type: string;
}

/**
 * A Go function declared to return a DynamoDB input (`func buildQuery(pk string) *dynamodb.QueryInput`): the
 * operation, and the normalised names of the options the input it returns sets (`limit`, `filterexpression`).
 */
export interface GoInputFunction {
  operation: string;
  options: string[];
}

/** Go struct types by name, each with its client fields by name (`''` for an embedded client: `struct { *redis.Client }`). */
export type GoStructTypes = Record<string, Record<string, GoFieldType>>;

/**
 * A call one Go file writes, as another file of the workspace may be its callee: `path` is the import path
 * of the package named before the function (`awswrapper.DynamoDBScan`), `''` for a function of the file's
 * own package (`newClient()`), `'.'` for a method of some value (`cfg.RedisOptions()`).
 */
export interface GoCallRef {
  path: string;
  name: string;
}

/**
 * A Go function or method that reads or writes one table's items for its callers (`code/languages/goItemHelpers.ts`):
 * it returns the item a GetItem read (`reads`: the table as its request writes it), or puts, with no condition,
 * its parameter at `puts.position` (or that parameter marshalled).
 */
export interface GoItemMethod {
  reads?: string;
  /** The reader returns the GetItem's output, not its item: the caller's name holds a response. */
  readsOutput?: boolean;
  puts?: { table: string; position: number };
}

/** What one Go file tells the other files of its package (its folder and package name) and of its module. */
export interface GoPackageFile {
  name: string;
  structs: GoStructTypes;
  /** Package-level functions whose first result has a client library's type (`func CreateClient(n int) *redis.Client`), by name. */
  functions?: Record<string, GoFieldType>;
  /** Package-level variables of a client library's type, declared so or made by its factory (`var Client *redis.Client`). */
  variables?: Record<string, GoFieldType>;
  /** Methods whose first result has a client library's type (`func (r *Repo) cmdable(tx Tx) redis.Cmdable`), by receiver struct and name. */
  methods?: GoStructTypes;
  /** Methods declared to return go-redis options (`func (c *Config) RedisOptions() *redis.Options`). */
  optionMethods?: string[];
  /** Package functions declared to return go-redis options (`func RedisOptions(c *Config) *redis.Options`). */
  optionFunctions?: string[];
  /** Package functions that take a DynamoDB Scan or Query input (`func DynamoDBScan(ctx context.Context, input *dynamodb.ScanInput)`): wrappers whose callers may page. */
  readFunctions?: string[];
  /** Package functions that return a DynamoDB input, with the options it sets: request builders for callers in other files. */
  inputFunctions?: Record<string, GoInputFunction>;
  /** Package functions that open a SQL connection pool on each call (`workspace/goSqlOpeners.ts`). */
  sqlOpeners?: string[];
  /** Package functions that make an SDK or Redis client on each call (`workspace/goSqlOpeners.ts`). */
  clientMakers?: string[];
  /**
   * Package functions that return a type of the package (`*Repository`) and make an SDK or Redis client on each call
   * (`return &Repository{client: dynamodb.NewFromConfig(cfg)}`), or that return no client and use the one they make
   * (`func LatestStatus(id string) []byte`): by name, the service of that client.
   */
  wrapperMakers?: Record<string, HintService>;
  /**
   * Of `clientMakers` and `wrapperMakers`, those whose client takes the options of the SDK configuration they load from
   * their parameters (`config.WithRegion(region)`): a call makes one on each invocation unless its arguments bring the event's data.
   */
  configuredMakers?: string[];
  /** By top-level function, its calls of functions of non-standard packages, of which makers make it one too (`goBodyMakers.ts`). */
  makerCalls?: Record<string, GoMakerCallRef[]>;
  /** Calls whose result a go-redis factory takes whole: `redis.NewClient(cfg.RedisOptions())`. */
  optionCalls?: GoCallRef[];
  /** Calls made inside a loop or function that pages a DynamoDB read (it names `LastEvaluatedKey` or `ExclusiveStartKey`). */
  pagingCalls?: GoCallRef[];
  /** Calls made inside a loop or function that reads a batch's `UnprocessedKeys` or `UnprocessedItems`. */
  retryingCalls?: GoCallRef[];
  /**
   * Interfaces whose every method is a go-redis command (`Get(ctx context.Context, key string) *redis.StringCmd`), which
   * code declares so as to take a client or a test double: by name, the go-redis type they stand for (`Cmdable`).
   */
  interfaces?: Record<string, GoFieldType>;
  /**
   * Package-level functions whose first result is a type of the package that this file does not declare as such an
   * interface (`func dial(s Settings) commands`, `commands` in another file): by name, the type's name, which the
   * package's interfaces resolve.
   */
  interfaceResults?: Record<string, string>;
  /**
   * Struct fields whose type is a bare name of the package that this file does not declare as such an interface
   * (`store RedisClient`, `RedisClient` in another file): by struct and field, the type's name, which the package's
   * interfaces resolve (`goInterfaceFields.ts`).
   */
  interfaceFields?: Record<string, Record<string, string>>;
  /** Its text, when it names a GetItem or PutItem call: its item helpers (`GoItemMethod`) are read from it on the first question. */
  itemSource?: string;
}

/** The package-level functions and variables of a Go package that give a client, as other files read them. */
export interface GoPackageMembers {
  /** The package's name, as its `package` clause says (what an import without an alias binds). */
  name: string;
  functions: Record<string, GoFieldType>;
  variables: Record<string, GoFieldType>;
  /** Functions that return a DynamoDB input, for the calls that send what they build. */
  inputs?: Record<string, GoInputFunction>;
  /** Functions that open a SQL connection pool on each call, for the Lambda handlers that call them. */
  sqlOpeners?: string[];
  /** Functions that make an SDK or Redis client on each call, for the Lambda handlers that call them. */
  clientMakers?: string[];
  /** Functions that return a type of the package holding a client they make on each call (see `GoPackageFile.wrapperMakers`). */
  wrapperMakers?: Record<string, HintService>;
  /** Makers whose SDK configuration takes its options from their parameters (see `GoPackageFile.configuredMakers`). */
  configuredMakers?: string[];
  /** Interfaces that stand for a go-redis client (see `GoPackageFile.interfaces`). */
  interfaces?: Record<string, GoFieldType>;
  /**
   * An imported package's exported structs: their exported client fields, and their exported methods that give a
   * client, by struct and name, for a value another package declares with the struct's type (`st *store.Store`).
   */
  structs?: GoStructTypes;
  methods?: GoStructTypes;
}

/** What a file of the same package reads: its struct types with their client fields too. */
export interface GoPackageDeclarations extends GoPackageMembers {
  structs: GoStructTypes;
  /** Methods of the package's structs that give a client, by struct and name (see `GoPackageFile.methods`). */
  methods?: GoStructTypes;
}
