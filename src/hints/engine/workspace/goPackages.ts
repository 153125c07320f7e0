/**
 * Go files in the workspace model: each tells the other files of its package (its folder and package name)
 * the struct types it declares with fields of a client library's type (read by
 * `code/languages/goPackageStructs.ts`), and tells its package and the packages that import it its
 * functions and variables that give a client, its methods that return go-redis options, its functions that
 * build a DynamoDB input (`goInputBuilders.ts`), and the calls it makes that a callee in another file needs to
 * know of (`goDeclarations.ts`, `goCallSites.ts`; the model's side is `goModules.ts`). Read from the text
 * line by line, without lexing: the package clause, the imports, the field lines of `type Name struct {`
 * blocks and the declaration lines at the top level; only a file that pages a DynamoDB read, builds an
 * input or opens a SQL connection pool (`goSqlOpeners.ts`) is lexed. Only a file that imports a client library,
 * pages or opens one is read, and
 * tests are not (a `_test.go` file's declarations exist only while the package's tests run), nor vendored
 * copies of other modules.
 */
import { EMBEDDED_CLIENT } from '../code/languages/goPackageStructs';
import { goClientType, goImport } from '../code/languages/goClients';
import { isTestDoubleFile } from '../code/testDoubles';
import { emptyContribution } from './contribution';
import { clientResult, clientTypeAt, GoFileImports, GoSignature, optionCallsOn, redisInterfaceLine, returnsRedisOptions, sdkInterfaceLine, signatureAt, takesReadInput, variablesAt } from './goDeclarations';
import { isOutsideGoModule } from './goModules';
import { mayDeclareItemHelpers } from '../code/languages/goItemHelpers';
import { mayPage, mayRetryBatches, pagingCalls, retryingCalls } from './goCallSites';
import { builtInputs, inputResult } from './goInputBuilders';
import { keepOwnTypeField, OwnTypeField, ownTypeFieldAt, resolveOwnTypeFields } from './goInterfaceFields';
import { clientMakers, mayOpenSql, sqlOpeners, wrapperMakers } from './goSqlOpeners';
import { makerCallsOf, mayCallMakers } from './goBodyMakers';
import { skipIndent, skipSpace, wordAt } from './moduleText';
import { FileContribution, GoCallRef, GoFieldType, GoPackageFile, GoStructTypes } from './types';

/** The client libraries' import paths, as `goClients.ts` knows them: the AWS SDKs for Go and the DAX clients, go-redis, redigo, rueidis, valkey-go and Valkey GLIDE. */
const CLIENT_IMPORT = /"github\.com\/(?:aws\/aws-sdk-go|aws\/aws-dax-go|redis\/go-redis|go-redis\/redis|gomodule\/redigo|garyburd\/redigo|redis\/rueidis|rueian\/rueidis|valkey-io\/valkey-go|valkey-io\/valkey-glide\/go)/;

/** How many struct types one file tells its package about, and how many fields of each: far more than real code has. */
const MAX_STRUCTS = 64;
const MAX_FIELDS = 32;
/** go-redis imports whose factory calls are looked for on each line: a file imports it once or twice. */
const MAX_REDIS_IMPORTS = 4;
/** Functions, variables, options methods and calls one file tells about, of each. */
const MAX_DECLARATIONS = 64;
/** Lines of one struct, import or `var` block read at most. */
const MAX_BLOCK_LINES = 512;
/** A Go name that, as a key of the plain records the model keeps, would set the record's prototype. */
const PROTO = '__proto__';

const DOT = 46;
const QUOTE = 34;
const SLASH = 47;
const CARRIAGE_RETURN = 13;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const COMMA = 44;
/** The AWS SDKs' packages: their structs are clients or inputs, read elsewhere, never a project's. */
const AWS_SDK_ROOT = 'github.com/aws/';
const CLOSE_BRACE = 125;
const STAR = 42;

/**
 * A struct declaration (`type Server struct {`) and a field line that points to another package's struct
 * (`cache *cache.Cache`), which may hold a client: what a file without a client library must have to be read.
 */
const STRUCT_HEAD = /^type\s+\w+\s+struct\s*\{/m;
const PACKAGE_POINTER_FIELD = /^\s+\w+\s+\*[a-z]\w*\.[A-Z]\w*\s*(?:\/\/.*)?$/m;
/** A top-level function whose first result is a pointer to another package's struct (`func Initialize() (*ctx.Handler, error)`). */
const PACKAGE_POINTER_RESULT = /^func\s+\w+\([^)]*\)\s*\(?\*[a-z]\w*\.[A-Z]/m;

/** A variable set to another package's exported name and nothing more (`var NewClient = store.NewClient`, also in a `var ( ... )` block). */
const HELD_FUNCTION = /^(?:var[ \t]+|[ \t]+)[A-Za-z_]\w*[ \t]*=[ \t]*[a-z]\w*\.[A-Z]\w*[ \t]*\r?$/m;

/**
 * The roots of the standard library's packages of more than one element (`net/http`), whose structs hold no
 * client; a field of their types is not told.
 */
const STANDARD_ROOTS = new Set(['archive', 'compress', 'container', 'crypto', 'database', 'debug', 'encoding', 'go', 'hash', 'html', 'image', 'index', 'io', 'log', 'math', 'mime', 'net', 'os', 'path', 'regexp', 'runtime', 'sync', 'testing', 'text', 'unicode']);

/** Whether a Go file may declare something that gives a client, page a DynamoDB read or open a SQL pool, from its path and text alone. */
export function mayContributeGo(file: string, text: string): boolean {
  return !file.endsWith('_test.go') && (CLIENT_IMPORT.test(text) || mayPage(text) || mayRetryBatches(text) || (STRUCT_HEAD.test(text) && PACKAGE_POINTER_FIELD.test(text)) || PACKAGE_POINTER_RESULT.test(text) || mayOpenSql(text) || HELD_FUNCTION.test(text)) && !isTestDoubleFile(file) && !isOutsideGoModule(file);
}

/** The lines of a text as [start, end) offsets, read one at a time. */
function* lines(text: string): Generator<[number, number]> {
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    yield [start, end];
    start = end + 1;
  }
}

/** `"path"` at `k` (after spaces): the path, or undefined. */
function quotedAt(text: string, k: number, end: number): string | undefined {
  const open = skipSpace(text, k);
  const close = text.charCodeAt(open) === QUOTE ? text.indexOf('"', open + 1) : -1;
  return close > open && close < end ? text.slice(open + 1, close) : undefined;
}

/**
 * One import spec from `k` to the line's end (`"path"`, `alias "path"`), under the name the file uses: a
 * client library's package name, another package's last path element (before a `/v2` major version).
 */
function importSpec(text: string, k: number, end: number, imports: GoFileImports): void {
  const start = skipSpace(text, k);
  const alias = wordAt(text, start);
  const path = quotedAt(text, start + alias.length, end);
  if (path === undefined) {
    return;
  }
  const imported = goImport(path);
  const name = alias !== '' ? alias : (imported?.name ?? lastElement(path));
  if (name !== '_' && name !== PROTO && name !== '') {
    (imported ? imports.clients : imports.others).set(name, path);
    if (imported?.service === 'redis' && imports.redis.length < MAX_REDIS_IMPORTS) {
      imports.redis.push(name);
    }
  }
}

function lastElement(path: string): string {
  const parts = path.split('/');
  const last = parts.length > 1 && /^v(?:[2-9]|[1-9]\d+)$/.test(parts[parts.length - 1]) ? parts[parts.length - 2] : parts[parts.length - 1];
  return /^[A-Za-z_]\w*$/.test(last) ? last : '';
}

/** A client library's client type (`*redis.Client`, `dynamodb.Client`, `dynamodbiface.DynamoDBAPI`). */
const isClientType = (service: string, type: string): boolean => goClientType(service, type) !== undefined;

/**
 * A field line of a struct (`client *redis.Client`, `*rds.Client`): its name (`''` when embedded) and client
 * type; or a named field of an exported struct of another package that may be the workspace's
 * (`cache *cache.Cache`, a pointer), which the reading file resolves through the model.
 */
function fieldAt(text: string, k: number, end: number, imports: GoFileImports['clients'], others: GoFileImports['others']): [string, GoFieldType] | undefined {
  const name = wordAt(text, k);
  if (name === '' || text.charCodeAt(k + name.length) === DOT) {
    const embedded = clientTypeAt(text, k, imports, isClientType);
    return embedded && [EMBEDDED_CLIENT, embedded];
  }
  const type = skipSpace(text, k + name.length);
  const declared = type > k + name.length && type < end ? (clientTypeAt(text, type, imports, isClientType) ?? packageStructAt(text, type, others)) : undefined;
  return declared && name !== PROTO ? [name, declared] : undefined;
}

/** `*cache.Cache` at `k`, a pointer to a struct of a package the file imports that is not the standard library's: its import path and type. */
function packageStructAt(text: string, k: number, others: GoFileImports['others']): GoFieldType | undefined {
  if (text.charCodeAt(k) !== STAR) {
    return undefined;
  }
  const start = k + 1;
  const alias = wordAt(text, start);
  const path = others.get(alias);
  const slash = path?.indexOf('/') ?? -1;
  if (path === undefined || slash <= 0 || STANDARD_ROOTS.has(path.slice(0, slash)) || text.charCodeAt(start + alias.length) !== DOT) {
    return undefined;
  }
  const type = wordAt(text, start + alias.length + 1);
  const first = type.charCodeAt(0);
  return first >= 65 && first <= 90 && type !== PROTO ? { path, type } : undefined;
}

/** Whether the first result at `k` (maybe in a parenthesised list) is a pointer to a struct of a project package, not an AWS SDK's. */
function projectTypeResult(text: string, k: number, end: number, others: GoFileImports['others']): boolean {
  let at = skipSpace(text, k);
  if (text.charCodeAt(at) === OPEN_PAREN) {
    at = skipSpace(text, at + 1);
  }
  const type = packageStructAt(text, at, others);
  if (!type || type.path.startsWith(AWS_SDK_ROOT)) {
    return false;
  }
  // `*` alias `.` Type, then the end of the results or of the first.
  const after = skipSpace(text, at + 1 + wordAt(text, at + 1).length + 1 + type.type.length);
  const next = text.charCodeAt(after);
  return after >= end || next === OPEN_BRACE || next === CLOSE_PAREN || next === COMMA;
}

/** The struct or interface whose `type Name struct {`, `type Name[T any] struct {` or `type Name interface {` line runs from `start` to `end`, or undefined: its name and kind. */
function typeHead(text: string, start: number, end: number): { name: string; kind: 'struct' | 'interface' } | undefined {
  if (wordAt(text, start) !== 'type') {
    return undefined;
  }
  const nameAt = skipSpace(text, start + 4);
  const name = wordAt(text, nameAt);
  let keyword = skipSpace(text, nameAt + name.length);
  if (text.charCodeAt(keyword) === OPEN_BRACKET) {
    // A generic type's parameters (`type Cache[T any] struct {`), on its line.
    const close = text.indexOf(']', keyword);
    keyword = close > 0 && close < end ? skipSpace(text, close + 1) : end;
  }
  const kind = wordAt(text, keyword);
  const brace = skipSpace(text, keyword + kind.length);
  // `type Store struct {` with its fields on the lines below (not `struct{ ... }` on one line).
  const opens = text.charCodeAt(brace) === OPEN_BRACE && skipSpace(text, brace + 1) >= end;
  return name !== '' && name !== PROTO && (kind === 'struct' || kind === 'interface') && opens ? { name, kind } : undefined;
}

/**
 * An interface's body as read so far: the go-redis type its methods name, or the AWS SDK client whose methods
 * it mirrors, until a line that is neither (or names another client).
 */
interface InterfaceBody {
  name: string;
  redis?: GoFieldType;
  sdk?: GoFieldType;
  other: boolean;
}

/** One line of an interface's body. */
function interfaceLine(text: string, k: number, end: number, body: InterfaceBody, imports: ReadonlyMap<string, string>): void {
  const line = body.other || body.sdk ? 'other' : redisInterfaceLine(text, k, end, imports);
  if (line !== 'other') {
    body.redis ??= line === 'close' ? undefined : { path: line.path, type: 'Cmdable' };
    return;
  }
  const sdk = body.other || body.redis ? 'other' : sdkInterfaceLine(text, k, end, imports);
  if (sdk === 'other' || (body.sdk && (body.sdk.path !== sdk.path || body.sdk.type !== sdk.type))) {
    body.other = true;
  } else {
    body.sdk = sdk;
  }
}

/** A closed interface body: an interface of go-redis commands only, or of one SDK client's methods only, stands for a client. */
function closeInterface(body: InterfaceBody, gathered: Gathered): void {
  const client = body.redis ?? body.sdk;
  if (client && !body.other && Object.keys(gathered.interfaces).length < MAX_DECLARATIONS) {
    gathered.interfaces[body.name] = client;
  }
}

/** What one file declares and calls, as the reader gathers it. */
interface Gathered {
  imports: GoFileImports;
  structs: GoStructTypes;
  functions: Record<string, GoFieldType>;
  variables: Record<string, GoFieldType>;
  methods: GoStructTypes;
  optionMethods: string[];
  optionFunctions: string[];
  readFunctions: string[];
  /** Functions that return a DynamoDB input, to the operation. */
  inputFunctions: Map<string, string>;
  optionCalls: GoCallRef[];
  interfaces: Record<string, GoFieldType>;
  /** Functions whose first result is a type of the file's own (`func getClient(c Config) redisClient`), to that type's name. */
  ownResults: Map<string, string>;
  /**
   * Functions whose first result is a type of the package, or a pointer to one (`func NewRepo() *Repo`): perhaps wrappers
   * of a client they make; and, in a file importing a client library, those that return no client and no such type
   * (`func LatestStatus(id string) []byte`): perhaps users of a client they make on each call.
   */
  ownTypeFunctions: string[];
  /**
   * Functions whose first result is a pointer to a struct of another package of the project (a wire injector's
   * `func Initialize() (*ctx.Handler, error)`, an fx-style `func NewService(...) *service.Orders`): they may build
   * it from a client they make, in their body or through a provider of their package (`goBodyMakers.ts`).
   */
  projectTypeFunctions: string[];
  /** Struct fields whose type is a bare name of the package, perhaps an interface over a client. */
  ownTypeFields: OwnTypeField[];
}

/** A `func` line at the top level: a function or method that gives a client, or one that returns go-redis options. */
function declarationLine(text: string, k: number, end: number, gathered: Gathered): void {
  const signature = signatureAt(text, k, end);
  if (!signature || signature.name === PROTO) {
    return;
  }
  const clients = gathered.imports.clients;
  const options = returnsRedisOptions(text, signature, end, clients);
  if (signature.method) {
    append(gathered.optionMethods, signature.name, options);
    methodLine(text, signature, end, gathered);
    return;
  }
  append(gathered.optionFunctions, signature.name, options);
  append(gathered.readFunctions, signature.name, takesReadInput(text, signature, clients));
  const input = inputResult(text, signature, end, clients);
  if (input && gathered.inputFunctions.size < MAX_DECLARATIONS) {
    gathered.inputFunctions.set(signature.name, input);
  }
  const result = clientResult(text, signature, end, clients, isClientType);
  const ownType = !result && clients.size > 0 && gathered.ownTypeFunctions.length < MAX_DECLARATIONS ? ownTypeResult(text, signature.results, end, true) : undefined;
  if (ownType !== undefined && !PREDECLARED.has(ownType)) {
    gathered.ownTypeFunctions.push(signature.name);
  }
  if (!result && ownType === undefined && gathered.projectTypeFunctions.length < MAX_DECLARATIONS && projectTypeResult(text, signature.results, end, gathered.imports.others)) {
    gathered.projectTypeFunctions.push(signature.name);
    append(gathered.ownTypeFunctions, signature.name, clients.size > 0);
  } else if (!result && ownType === undefined) {
    append(gathered.ownTypeFunctions, signature.name, clients.size > 0);
  }
  if (result && Object.keys(gathered.functions).length < MAX_DECLARATIONS) {
    gathered.functions[signature.name] = result;
  } else if (!result && gathered.imports.redis.length > 0 && gathered.ownResults.size < MAX_DECLARATIONS) {
    // Only in a file that imports go-redis, whose interfaces over its commands a result may name.
    const own = ownTypeResult(text, signature.results, end);
    if (own !== undefined && !PREDECLARED.has(own)) {
      gathered.ownResults.set(signature.name, own);
    }
  }
}

/** Go's predeclared types, which no package declares: never an interface of the package. */
const PREDECLARED = new Set(['error', 'string', 'bool', 'byte', 'rune', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'float32', 'float64', 'complex64', 'complex128', 'any']);

/**
 * The first result of a signature when it is a bare name (`redisClient`, `(Store, error)`), not qualified, and a
 * pointer only where `pointer` allows it (`*Repository`): perhaps a type of the file's package.
 */
function ownTypeResult(text: string, k: number, end: number, pointer = false): string | undefined {
  let at = skipSpace(text, k);
  if (text.charCodeAt(at) === OPEN_PAREN) {
    at = skipSpace(text, at + 1);
  }
  if (pointer && text.charCodeAt(at) === STAR) {
    at = skipSpace(text, at + 1);
  }
  const name = wordAt(text, at);
  const after = skipSpace(text, at + name.length);
  const next = text.charCodeAt(after);
  return name !== '' && name !== PROTO && (after >= end || next === OPEN_BRACE || next === CLOSE_PAREN || next === COMMA) ? name : undefined;
}

/**
 * A function of the file whose first result is an interface of the file over go-redis commands (`func getClient(c
 * Config) redisClient`, the interface declared above or below it): calling it gives that client, as its interface does.
 * The functions whose result names another type are returned, for an interface of another file of the package.
 */
function interfaceResults(gathered: Gathered): Record<string, string> | undefined {
  let elsewhere: Record<string, string> | undefined;
  for (const [fn, type] of gathered.ownResults) {
    if (Object.hasOwn(gathered.functions, fn)) {
      continue;
    }
    if (Object.hasOwn(gathered.interfaces, type)) {
      if (Object.keys(gathered.functions).length < MAX_DECLARATIONS) {
        gathered.functions[fn] = gathered.interfaces[type];
      }
    } else {
      // Perhaps an interface another file of the package declares: the package's model resolves it.
      elsewhere ??= Object.create(null) as Record<string, string>;
      elsewhere[fn] = type;
    }
  }
  return elsewhere;
}

/** A method whose first result is a client (`func (r *Repo) cmdable(tx Tx) redis.Cmdable`), under its receiver's struct. */
function methodLine(text: string, signature: GoSignature, end: number, gathered: Gathered): void {
  const struct = signature.receiver;
  const result = struct !== undefined && struct !== PROTO ? clientResult(text, signature, end, gathered.imports.clients, isClientType) : undefined;
  if (!result) {
    return;
  }
  const methods = Object.hasOwn(gathered.methods, struct!) ? gathered.methods[struct!] : Object.keys(gathered.methods).length < MAX_STRUCTS ? (gathered.methods[struct!] = {}) : undefined;
  if (methods && Object.keys(methods).length < MAX_FIELDS) {
    methods[signature.name] = result;
  }
}

function append(names: string[], name: string, when: boolean): void {
  if (when && names.length < MAX_DECLARATIONS) {
    names.push(name);
  }
}

/** A `var` spec: the variables it declares with a client type or makes with a client factory. */
function variableLine(text: string, k: number, gathered: Gathered): void {
  for (const [name, type] of variablesAt(text, k, gathered.imports.clients, isClientType)) {
    if (name !== PROTO && Object.keys(gathered.variables).length < MAX_DECLARATIONS) {
      gathered.variables[name] = type;
    }
  }
}

/** A Go file's package and what it declares and calls for other files; undefined when it tells nothing. */
export function indexGoPackage(text: string): FileContribution | undefined {
  let name: string | undefined;
  const gathered: Gathered = { imports: { clients: new Map(), others: new Map(), redis: [] }, structs: {}, functions: {}, variables: {}, methods: {}, optionMethods: [], optionFunctions: [], readFunctions: [], inputFunctions: new Map(), optionCalls: [], interfaces: {}, ownResults: new Map(), ownTypeFunctions: [], projectTypeFunctions: [], ownTypeFields: [] };
  const { imports, structs } = gathered;
  let count = 0;
  // What the lines read belong to: the file's top level (function bodies too), an `import ( … )` or
  // `var ( … )` block, or a struct's fields.
  let block: 'top' | 'imports' | 'variables' | 'struct' | 'interface' = 'top';
  let fields: Record<string, GoFieldType> = {};
  let struct = '';
  let body: InterfaceBody = { name: '', other: true };
  let blockLines = 0;
  for (const [lineStart, lineEnd] of lines(text)) {
    const end = text.charCodeAt(lineEnd - 1) === CARRIAGE_RETURN ? lineEnd - 1 : lineEnd;
    const k = skipIndent(text, lineStart, end);
    const closes = text.charCodeAt(k) === (block === 'imports' || block === 'variables' ? CLOSE_PAREN : CLOSE_BRACE);
    if (block !== 'top' && (closes || ++blockLines > MAX_BLOCK_LINES)) {
      if (block === 'interface' && closes) {
        closeInterface(body, gathered);
      }
      block = 'top';
      continue;
    }
    if (k >= end || (text.charCodeAt(k) === SLASH && text.charCodeAt(k + 1) === SLASH)) {
      continue;
    }
    if (block === 'imports') {
      importSpec(text, k, end, imports);
      continue;
    }
    if (block === 'interface') {
      interfaceLine(text, k, end, body, imports.clients);
      continue;
    }
    if (block === 'struct') {
      const field = Object.keys(fields).length < MAX_FIELDS ? fieldAt(text, k, end, imports.clients, imports.others) : undefined;
      if (field && !Object.hasOwn(fields, field[0])) {
        fields[field[0]] = field[1];
      } else if (!field) {
        keepOwnTypeField(gathered.ownTypeFields, ownTypeFieldAt(text, k, end, struct));
      }
      continue;
    }
    if (imports.redis.length > 0 && gathered.optionCalls.length < MAX_DECLARATIONS) {
      optionCallsOn(text, k, end, imports, gathered.optionCalls);
    }
    const word = k === lineStart ? wordAt(text, k) : '';
    if (block === 'variables') {
      variableLine(text, k, gathered);
    } else if (word === 'package' && name === undefined) {
      name = wordAt(text, skipSpace(text, k + 7)) || undefined;
    } else if (word === 'import') {
      const after = skipSpace(text, k + 6);
      if (text.charCodeAt(after) === OPEN_PAREN) {
        block = 'imports';
        blockLines = 0;
      } else {
        importSpec(text, after, end, imports);
      }
    } else if (word === 'func') {
      declarationLine(text, k, end, gathered);
    } else if (word === 'var') {
      const after = skipSpace(text, k + 3);
      if (text.charCodeAt(after) === OPEN_PAREN && skipSpace(text, after + 1) >= end) {
        block = 'variables';
        blockLines = 0;
      } else {
        variableLine(text, after, gathered);
      }
    } else {
      const head = word === 'type' ? typeHead(text, k, end) : undefined;
      if (head?.kind === 'struct' && count < MAX_STRUCTS && !Object.hasOwn(structs, head.name)) {
        fields = {};
        struct = head.name;
        structs[head.name] = fields;
        count++;
        block = 'struct';
        blockLines = 0;
      } else if (head?.kind === 'interface' && imports.clients.size > 0) {
        body = { name: head.name, other: false };
        block = 'interface';
        blockLines = 0;
      }
    }
  }
  const pendingFields = resolveOwnTypeFields(gathered.ownTypeFields, structs, gathered.interfaces);
  for (const declaredStruct of Object.keys(structs)) {
    if (Object.keys(structs[declaredStruct]).length === 0) {
      delete structs[declaredStruct];
    }
  }
  const elsewhere = interfaceResults(gathered);
  const declared: GoPackageFile = { name: name ?? '', structs };
  if (elsewhere) {
    declared.interfaceResults = elsewhere;
  }
  if (pendingFields) {
    declared.interfaceFields = pendingFields;
  }
  if (Object.keys(gathered.functions).length > 0) {
    declared.functions = gathered.functions;
  }
  if (Object.keys(gathered.variables).length > 0) {
    declared.variables = gathered.variables;
  }
  if (Object.keys(gathered.methods).length > 0) {
    declared.methods = gathered.methods;
  }
  for (const list of ['optionMethods', 'optionFunctions', 'readFunctions'] as const) {
    if (gathered[list].length > 0) {
      declared[list] = gathered[list];
    }
  }
  if (gathered.inputFunctions.size > 0) {
    declared.inputFunctions = builtInputs(text, gathered.inputFunctions);
  }
  if (gathered.optionCalls.length > 0) {
    declared.optionCalls = gathered.optionCalls;
  }
  if (Object.keys(gathered.interfaces).length > 0) {
    declared.interfaces = gathered.interfaces;
  }
  const openers = name !== undefined && mayOpenSql(text) ? sqlOpeners(text) : [];
  if (openers.length > 0) {
    declared.sqlOpeners = openers;
  }
  // Lexed only for a file that declares a function returning a client.
  const makers = name !== undefined && declared.functions ? clientMakers(text, Object.keys(declared.functions)) : undefined;
  if (makers && makers.makers.length > 0) {
    declared.clientMakers = makers.makers;
  }
  // Lexed only for a file that imports a client library and declares a function returning no client.
  const wrappers = name !== undefined && gathered.ownTypeFunctions.length > 0 ? wrapperMakers(text, gathered.ownTypeFunctions) : undefined;
  if (wrappers && Object.keys(wrappers.makers).length > 0) {
    declared.wrapperMakers = wrappers.makers;
  }
  // A function that returns another package's struct may build it from a provider of its own package that makes a client.
  const makerCalls = name !== undefined && (mayCallMakers(text, imports.clients.size, imports.others) || gathered.projectTypeFunctions.length > 0) ? makerCallsOf(text, imports.others) : {};
  if (Object.keys(makerCalls).length > 0) {
    declared.makerCalls = makerCalls;
  }
  const configured = [...(makers?.configured ?? []), ...(wrappers?.configured ?? [])];
  if (configured.length > 0) {
    declared.configuredMakers = configured;
  }
  const paging = name !== undefined && mayPage(text) ? pagingCalls(text, imports.others) : [];
  if (paging.length > 0) {
    declared.pagingCalls = paging;
  }
  const retrying = name !== undefined && mayRetryBatches(text) ? retryingCalls(text, imports.others) : [];
  if (retrying.length > 0) {
    declared.retryingCalls = retrying;
  }
  // Its item helpers are read only when a caller asks (`goModules.ts`).
  if (name !== undefined && mayDeclareItemHelpers(text)) {
    declared.itemSource = text;
  }
  const tells = Object.keys(structs).length > 0 || Object.keys(declared).length > 2;
  return name !== undefined && tells ? { ...emptyContribution(), goPackage: declared } : undefined;
}
