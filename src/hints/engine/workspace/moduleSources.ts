/**
 * Which code files the workspace's export reader (`codeExports.ts`) reads, and what of them: a cheap test on a
 * file's path and text (it names a client library or re-exports, and may export a client), and the module-level
 * statements of one that passes it.
 */
import { isTestDoubleFile } from '../code/testDoubles';
import { isCommonJsBarrel } from './commonJsBarrels';
import { DocumentKind } from '../documentKinds';
import { CONSTRUCTOR_MAKES_CLIENT } from './exportedInstances';
import { jsMayExport, jsModuleText } from './jsModuleText';
import { PYTHON_LIBRARIES } from './pythonClientLibraries';
import { CONSTRUCTS_FIELD, CONSTRUCTS_INSTANCE, declaresTableProtocol, pythonModuleText, SQL_USE } from './pythonModuleText';
import { ModuleSource } from './types';

/** Client libraries a module may make clients with (a file that names none exports none): AWS SDKs, DAX clients, the RDS Data API's data-api-client, Redis clients, DynamoDB libraries, SQL drivers (`code/sqlConnections.ts`); Python's in `pythonClientLibraries.ts`. */
export const JS_LIBRARIES = /redis|valkey|aws-sdk|amazon-dax|data-api-client|dynamoose|electrodb|dynamodb-(?:toolbox|onetable|data-mapper)|['"](?:pg|mysql2?(?:\/promise)?|postgres)['"]/;
/**
 * A construction of a class (`new TodoRepository(new ClientProvider())`) in a module that imports from another module
 * of the project: a factory whose class may make a client in its constructor, for a handler's call of it (`exportedFunctions.ts`).
 */
const JS_CONSTRUCTS_CLASS = /\bnew\s+[A-Z][\w$]*\s*\(/;
/**
 * What a module makes from a library another module of the project hands on whole (`module.exports = dynamoose`,
 * `module.exports = AWS`), in a module that imports from another and names no library itself: a model
 * (`Dynamoose.model('logs', LogSchema)`) or an instance of a member class (`new AWS.DynamoDB.DocumentClient()`).
 */
const JS_MAKES_FROM_NAMESPACE = /\.model\s*\(|\bnew\s+[\w$]+(?:\.[\w$]+)+\s*\(/;
/**
 * A method of an object promisified bound to it (`promisify(cacheClient.keys).bind(cacheClient)`), in a module that
 * imports from another: a client another module of the project makes, whose commands this one hands out (`code/promisified.ts`).
 */
const JS_PROMISIFIES_MEMBER = /\bpromisify\(\s*[\w$]+\.[\w$]+\s*(?:\)\s*\.bind\(|\.bind\()/;
const JS_RELATIVE_IMPORT = /(?:\bfrom\s*|\brequire\(\s*)['"]\.\.?\//;
/**
 * A data-access module that names no client library but builds DynamoDB requests for a function of another module
 * (`query({ TableName, ... })` of `../service/db`, `getDb().get({ TableName, ... })`): a handler's call of its
 * exported functions may make a client there, two modules down (`exportedFunctions.ts`'s body clients).
 */
const JS_TABLE_REQUEST = /\bTableName\s*:/;
/**
 * A data-access module that names no client library but hands its parameter to another module's function with the
 * client method's name (`dynamoDBOperation('put', params)`): its callers' requests are read (`importedRequestForwards.ts`).
 */
const JS_DISPATCHED_REQUEST = /\(\s*['"](?:get|put|update|delete|query|scan|batchGet|batchWrite|transactGet|transactWrite)['"]\s*,\s*[\w$]+\s*\)/;
const JS_IMPORTS = /\bfrom\s*['"]|\brequire\(\s*['"]/;
/**
 * A Redis wrapper: a module that names a Redis library, exports a class or function, and reads one key somewhere
 * (`get(`, `hGetAll(`, `smembers(`, ...), whose functions and methods its importers may call once per element of a
 * loop (`code/redisReadHelpers.ts`). It is kept whole: the read may sit in any method.
 */
const JS_REDIS_READ = /\.\s*(?:get|hget|hgetall|exists|sismember|zscore|smembers|lrange|zrange|zrevrange|hkeys|hvals)\s*\(/i;
const JS_EXPORTS_CLASS = /\bexport\s+(?:default\s+)?(?:abstract\s+)?class\b/;
const JS_EXPORTS_FUNCTION = /\bexport\s+(?:default\s+)?(?:async\s+)?function\b|\bexport\s+const\s+[\w$]+\s*=\s*(?:async\s*)?(?:\(|function\b)|\bmodule\.exports\b|\bexports\.[\w$]+\s*=/;
/**
 * A setter that keeps what its caller hands it (`setRedis(c) { client = c; }`, `module.exports.setRedisClient = function (inClient) {
 * redisClient = inClient; … }`), in a module that names no client library: the getter or export that hands it on gives what the
 * setter's callers in other files pass (`code/callerArguments.ts`).
 */
const JS_SETTER = /\bset[A-Z][\w$]*\s*[:=]?\s*(?:async\s*)?(?:function\s*)?\(\s*([A-Za-z_$][\w$]*)\s*\)\s*(?:=>\s*)?\{[^{}]*?[\w$\]]\s*=\s*\1\s*[;\n}]/;
/** `export * from` and `export { … } from`: a module that passes on another's names. */
const JS_REEXPORT = /\bexport\s*[*{]/;
/** An exported alias of a Lambda handler type of `aws-lambda` (`export type Validated<S> = Handler<...>`), which typed handlers import. */
const JS_HANDLER_TYPE_ALIAS = /\bexport\s+type\s+[\w$]+\s*(?:<[^;]*?>)?\s*=\s*(?:[\w$]+\.)?[\w$]*Handler\b/;

/** What a TypeScript class shares with its subclasses is marked so; `private` members they cannot use. */
const LENDING_MODIFIER = /\b(?:protected|public|abstract)\b/;
/** A method that hands out a field as it is (`getClient() { return this.client; }`), which users of the class in other files call. */
const RETURNS_FIELD = /\breturn\s+this\.[\w$]+\s*;?\s*\}/;
/**
 * A TypeScript field declared with no access modifier, so public (`documentClient = new DocumentClient()`,
 * `readonly client: Redis;`), which the users of an injected instance read (`this.db.documentClient.query`).
 */
const IMPLICITLY_PUBLIC_FIELD = /^[ \t]+(?:readonly[ \t]+)?[A-Za-z_$][\w$]*[ \t]*!?(?::[^\n;=]*)?(?:=[ \t]*new\b|;)/m;
/** A static member with no access modifier, so public (`static getInstance()`, `static client: Redis`), which other files read through the class. */
const IMPLICITLY_PUBLIC_STATIC = /^[ \t]+static[ \t]/m;
/** A class that is a client itself by inheritance (`export class RedisService extends IORedis`), whose instances other files use as one. */
const EXTENDS_CLIENT_CLASS = /\bclass\s+[A-Za-z_$][\w$]*\s+extends\s+(?:[\w$]+\.)?(?:IORedis|Redis|Cluster|Valkey|DynamoDB(?:Client|DocumentClient)?|DocumentClient)\b/;

/**
 * Whether a module's exported classes may lend clients to other files, as fields of subclasses or through a
 * method that returns one: any JavaScript class, a TypeScript one only in a file with a `protected`, `public`
 * or `abstract` member or class, a field or static member with no modifier (public by default), a method that returns a
 * field, a constructor that makes a client (for each new instance) or a class that extends a client class,
 * which keeps most service classes out.
 */
function classesMayLend(kind: 'javascript' | 'typescript', text: string): boolean {
  return (
    kind === 'javascript' ||
    LENDING_MODIFIER.test(text) ||
    RETURNS_FIELD.test(text) ||
    IMPLICITLY_PUBLIC_FIELD.test(text) ||
    IMPLICITLY_PUBLIC_STATIC.test(text) ||
    CONSTRUCTOR_MAKES_CLIENT.test(text) ||
    EXTENDS_CLIENT_CLASS.test(text)
  );
}

/** boto3's `Table(name)` called on a resource a Python class is given, which names no library: its subclasses' table is of unknown origin. */
const PYTHON_TABLE_CALL = /\.Table\(/;

/** A Python package's `__init__.py`, which passes on what its modules export. */
export function isPackageInit(file: string): boolean {
  return file === '__init__.py' || file.endsWith('/__init__.py');
}

/**
 * Whether a code file may export a client or pass one on, from its path and text alone: it is no test
 * double (`tests/`, `__mocks__/`, `conftest.py`), it names a client library (or, in Python, calls `.Table(` or sets a
 * field to a new instance of a class, which may make one) or re-exports (a package's
 * `__init__.py`, a JavaScript `export … from`), and a JavaScript file exports something that may be one
 * (most export only functions, classes and types).
 */
export function mayExportClients(file: string, kind: DocumentKind, text: string): boolean {
  if (kind === 'python') {
    // A module that runs SQL on a connection it imports the opener of (`conn = open_connection()`) opens one through it.
    const sqlThroughImport = SQL_USE.test(text) && text.includes('import');
    // So may one whose functions or methods construct an imported class (`Repository().put_user(item)`).
    const constructsImported = CONSTRUCTS_INSTANCE.test(text) && text.includes('import');
    const lends = PYTHON_LIBRARIES.test(text) || PYTHON_TABLE_CALL.test(text) || (isPackageInit(file) && text.includes('import')) || CONSTRUCTS_FIELD.test(text) || declaresTableProtocol(text) || sqlThroughImport || constructsImported;
    return lends && !isTestDoubleFile(file);
  }
  if ((kind !== 'javascript' && kind !== 'typescript') || isTestDoubleFile(file)) {
    return false;
  }
  const makesFromProjectModule = (JS_CONSTRUCTS_CLASS.test(text) || JS_MAKES_FROM_NAMESPACE.test(text) || JS_PROMISIFIES_MEMBER.test(text)) && JS_RELATIVE_IMPORT.test(text);
  const aliasesHandlerType = text.includes('aws-lambda') && JS_HANDLER_TYPE_ALIAS.test(text);
  if ((JS_LIBRARIES.test(text) || JS_REEXPORT.test(text) || makesFromProjectModule || isCommonJsBarrel(text) || aliasesHandlerType) && jsMayExport(text, classesMayLend(kind, text))) {
    return true;
  }
  return (forwardsTableRequests(text) && JS_IMPORTS.test(text) && JS_EXPORTS_FUNCTION.test(text)) || (JS_SETTER.test(text) && JS_EXPORTS_FUNCTION.test(text)) || wrapsRedisReads(text);
}

/** A module that names a Redis library and exports functions or classes that may read a key for their callers. */
function wrapsRedisReads(text: string): boolean {
  return /redis|valkey/i.test(text) && JS_REDIS_READ.test(text) && (JS_EXPORTS_CLASS.test(text) || JS_EXPORTS_FUNCTION.test(text));
}

/** A module that names no client library but writes DynamoDB requests: its functions hand them to another module's (`JS_TABLE_REQUEST`). */
function forwardsTableRequests(text: string): boolean {
  return (JS_TABLE_REQUEST.test(text) || JS_DISPATCHED_REQUEST.test(text)) && !JS_LIBRARIES.test(text);
}

/** The module-level statements of a code file that may export a client (`mayExportClients`), for the workspace model; undefined for none. */
export function moduleSource(file: string, kind: 'python' | 'javascript' | 'typescript', text: string): ModuleSource | undefined {
  if (kind === 'python') {
    const source = pythonModuleText(text, isPackageInit(file));
    return source === undefined ? undefined : { language: 'python', text: source };
  }
  // A module that writes DynamoDB requests is kept whole: any of its functions may send them through a client
  // another module's function makes on each call (`createDocumentClient().send(command)`); so is a Redis wrapper.
  return { language: kind, text: JS_TABLE_REQUEST.test(text) || JS_DISPATCHED_REQUEST.test(text) || wrapsRedisReads(text) ? text : jsModuleText(text, /\.[jt]sx$/i.test(file), classesMayLend(kind, text)) };
}
