/**
 * Clients handed across files: a file's calls of functions and classes other modules of the workspace
 * declare, with what each argument is (a client, a name of a project module, or something else):
 * `count_items(table)` after `from repo import count_items`, `new ItemRepository(new AWS.DynamoDB.DocumentClient())`
 * after `require('./repo')`. The module that declares the function reads its untyped parameters as what its
 * callers agree on (`code/callerArguments.ts`, `code/constructorArguments.ts`), and the model resolves a name of
 * a project module as the caller imports it. Only a JavaScript, TypeScript or Python file that names a client
 * library and imports a module that may be the project's, or (Python) that hands on a name it imports from the project
 * under a client's name (`passedImportedNames.ts`), is read, with the analyzer's bindings alone (reading every file that
 * imports a project module cost up to a fifth more CLI time on real projects); tests and test
 * doubles are not callers, since they pass fakes. Redis and SQL options handed to a client are recorded too.
 */
import { CodeAnalyzer } from '../code/analyzer';
import { expressionEnd, segments } from '../code/braces';
import { javascript, typescript } from '../code/languages/javascript';
import { python } from '../code/languages/python';
import { exportedClient, mayBeProjectModule } from '../code/projectImports';
import { CONNECTION_HOLDERS } from '../code/redisOptions';
import { chainStart } from '../code/receiverChains';
import { isFastapiDepends } from '../code/fastapiDependencies';
import { closeAngle } from '../code/typeArguments';
import { superInitClass } from '../code/constructorArguments';
import { callResult, Value } from '../code/values';
import { callArguments } from '../code/parametrisedCalls';
import { isTestDoubleFile, isTestFilePath } from '../code/testDoubles';
import { DocumentKind } from '../documentKinds';
import { REDIS_OPTION_CARRIER_MODULES, redisOptionCarrier } from '../services';
import { normalizeName } from '../types';
import { LineIndex } from '../text';
import { isPackageInit, JS_LIBRARIES } from './moduleSources';
import { importedSqlOptions, ORM_OPENER } from './passedSqlOptions';
import { PYTHON_LIBRARIES } from './pythonClientLibraries';
import { exportsOf } from './importedClients';
import { Target } from './importTargets';
import { CallArguments, ClientPassingCall, ExportedClient, ModuleSource, PassedArgument } from './types';
import { unprocessedRetrier } from './unprocessedRetries';
import { spreadOptionCalls } from './spreadOptionCalls';
import { pythonPassesImportedClientName } from './passedImportedNames';

/** Calls recorded per file: far more than one file makes of its project's functions. */
const MAX_CALLS = 128;
/** An import that may lead to a file of the project: a relative one, or one a path alias may map (`@/db`, `~/db`, `@config/cache`). */
const JS_PROJECT_IMPORT = /\bfrom\s*['"](?:\.{1,2}\/|[@~#][\w-]*\/)|\brequire\(\s*['"]\.{1,2}\//;
/** A Python import statement's module (line-anchored, so linear). */
const PYTHON_IMPORT = /^[ \t]*(?:from[ \t]+([.\w]+)[ \t]+import|import[ \t]+(\w+))/gm;
/** Top-level modules no project file is: the client libraries, and the standard library's and frameworks' most imported ones. */
const PYTHON_LIBRARY_MODULES = new Set([
  '__future__', 'abc', 'asyncio', 'base64', 'collections', 'concurrent', 'contextlib', 'copy', 'csv', 'dataclasses', 'datetime', 'decimal', 'enum',
  'functools', 'hashlib', 'http', 'io', 'itertools', 'json', 'logging', 'math', 'os', 'pathlib', 'random', 're', 'socket', 'ssl', 'string', 'subprocess',
  'sys', 'threading', 'time', 'traceback', 'typing', 'typing_extensions', 'unittest', 'urllib', 'uuid',
  'aioboto3', 'aiobotocore', 'aioredis', 'boto3', 'botocore', 'pynamodb', 'redis', 'rediscluster', 'valkey', 'mypy_boto3_dynamodb', 'aws_lambda_powertools',
  'django_redis', 'flask_redis', 'amazondax', 'glide', 'glide_sync', 'glide_shared',
  'django', 'fastapi', 'flask', 'pydantic', 'pytest', 'moto', 'requests', 'starlette',
]);
/** An import of a queue or NestJS library that opens a Redis client with the options it is given (`'bullmq'`). */
const REDIS_OPTION_CARRIER_IMPORT = new RegExp(`['"](?:${REDIS_OPTION_CARRIER_MODULES.map((module) => module.replace(/[/.-]/g, '\\$&')).join('|')})['"]`);
/** Python words before a name and `(` that make no call. */
const DEFINES = new Set(['def', 'class']);

/** Whether a code file may pass a client to another module's function or class, from its path and text alone. */
export function mayPassClients(file: string, kind: DocumentKind, text: string): boolean {
  if (isTestFilePath(file) || isTestDoubleFile(file)) {
    return false;
  }
  if (kind === 'python') {
    // A FastAPI route may hand on what a project dependency gives (`Repo(dynamodb=dynamodb)` after `dynamodb=Depends(get_db)`).
    // A CDK app hands the constructs a project function makes to another (`create_lambda_function(self, table)`).
    return (PYTHON_LIBRARIES.test(text) || text.includes('Depends(') || text.includes('aws_cdk')) ? importsPythonProjectModule(text) : pythonPassesImportedClientName(text, isPythonProjectModule);
  }
  return (kind === 'javascript' || kind === 'typescript') && (JS_LIBRARIES.test(text) || REDIS_OPTION_CARRIER_IMPORT.test(text) || ORM_OPENER.test(text)) && JS_PROJECT_IMPORT.test(text);
}

/** Whether a Python module may be the project's: a relative one, or one no library is. */
function isPythonProjectModule(module: string): boolean {
  return module.startsWith('.') || !PYTHON_LIBRARY_MODULES.has(module.split('.')[0]);
}

/** Whether a Python file imports a module that may be the project's: a relative one, or one no library is. */
function importsPythonProjectModule(text: string): boolean {
  for (const [, from, imported] of text.matchAll(PYTHON_IMPORT)) {
    if (isPythonProjectModule(from ?? imported)) {
      return true;
    }
  }
  return false;
}

/** The calls with arguments a file makes of names it imports from modules that may be the project's. */
export function indexPassedClients(kind: 'python' | 'javascript' | 'typescript', text: string): ClientPassingCall[] | undefined {
  const a = new CodeAnalyzer(text, kind === 'python' ? python : kind === 'typescript' ? typescript : javascript, new LineIndex(text));
  a.bind();
  const calls: ClientPassingCall[] = [];
  const retries = kind === 'python' ? () => false : unprocessedRetrier(a);
  for (let i = 1; i + 1 < a.tokens.length && calls.length < MAX_CALLS; i++) {
    const inherited = kind === 'python' ? superInitOfImported(a, i) : undefined;
    if (inherited) {
      const passed = passedClients(a, inherited.open);
      if (passed) {
        calls.push({ module: inherited.base.module, path: inherited.base.path, ...passed });
      }
      i = inherited.open;
      continue;
    }
    const open = a.isId(i) ? argumentsAfter(a, i) : -1;
    if (open < 0 || a.partner[open] < 0 || DEFINES.has(a.id(i - 1) ?? '')) {
      continue;
    }
    const callee = a.evalChain(a.isAccess(i - 1) ? chainStart(a, i) : i, i + 1).value;
    if (callee?.t !== 'ref') {
      continue;
    }
    if (kind !== 'python') {
      calls.push(...importedRedisOptions(a, i, open, callee), ...importedSqlOptions(a, i, open, callee));
    }
    const passed = mayBeProjectModule(a, callee.module) ? passedClients(a, open) : undefined;
    if (passed) {
      calls.push({ module: callee.module, path: callee.path, ...passed, ...(retries(i) ? { retriesUnprocessed: true as const } : {}) });
    }
  }
  return calls.length > 0 ? calls : undefined;
}

/**
 * Python: `super().__init__(...)` at `index` in the `__init__` of a class whose first base another module
 * declares (`class MessagesRepository(BaseRepository):`): the base, as imported, and the call's `(`. Such a call
 * passes the base's constructor what a construction would.
 */
function superInitOfImported(a: CodeAnalyzer, index: number): { base: Extract<Value, { t: 'ref' }>; open: number } | undefined {
  const subclass = superInitClass(a, index);
  const baseAt = subclass > 0 ? a.outsideBases.get(subclass) : undefined;
  if (baseAt === undefined) {
    return undefined;
  }
  const base = a.evalChain(baseAt, a.partner[baseAt - 1]).value;
  return base?.t === 'ref' && base.path && mayBeProjectModule(a, base.module) ? { base, open: a.partner[index + 1] + 3 } : undefined;
}

/** The `(` of a call of the name at `index`, after TypeScript type arguments (`new Queue<MailJob>(`), or -1. */
function argumentsAfter(a: CodeAnalyzer, index: number): number {
  if (a.is(index + 1, '(')) {
    return index + 1;
  }
  const close = a.is(index + 1, '<') && a.language.typeArguments ? closeAngle(a, index + 1) : -1;
  return close > 0 && a.is(close + 1, '(') ? close + 1 : -1;
}

/**
 * Names imported from modules that may be the project's that a call at `nameIndex` hands as the options of the
 * Redis client it makes: an argument of a client constructor or factory (`new Redis(redisOptions)`), or the value
 * of a key that holds them in the options of a queue or NestJS library (`new Queue('mail', { connection })`).
 */
function importedRedisOptions(a: CodeAnalyzer, nameIndex: number, open: number, callee: Extract<Value, { t: 'ref' }>): ClientPassingCall[] {
  const carrier = redisOptionCarrier(callee.module, callee.path);
  const client = carrier ? undefined : callResult(callee, callee.path, undefined, a.idIs(nameIndex - 1, 'new'), false);
  const flavor = carrier ?? (client?.t === 'client' && client.kind === 'redis' && (client.flavor === 'ioredis' || client.flavor === 'node-redis') ? client.flavor : undefined);
  if (!flavor) {
    return [];
  }
  const found: ClientPassingCall[] = [];
  const record = (start: number, end: number): void => {
    const held = memberChain(a, start, end) ? a.evalChain(start, end).value : undefined;
    // `cacheConfig.config.redis` of a default import: the key path inside the object the module exports.
    const path = held?.t === 'ref' ? held.path.replace(/^default\./, '') : '';
    if (held?.t === 'ref' && path && path !== 'default' && mayBeProjectModule(a, held.module)) {
      const beside = !carrier && parts.some(([other, otherEnd]) => other !== start && !objectWithoutTls(a, other, otherEnd));
      found.push({ module: held.module, path, args: [], redisOptions: flavor, ...(beside ? { beside: true as const } : {}) });
    }
    for (const spread of spreadOptionCalls(a, start, end)) {
      found.push({ ...spread, args: [], redisOptions: flavor, returned: true });
    }
  };
  const parts = segments(a, open);
  for (const [start, end] of parts) {
    if (!carrier) {
      record(start, end);
    } else if (a.is(start, '{') && a.partner[start] === end - 1) {
      // `{ connection }` or `{ connection: queueConnection }`, at the top of the options.
      for (let k = start + 1; k < end - 1; k = a.skipGroup(k)) {
        const atKey = (k === start + 1 || a.is(k - 1, ',')) && a.isId(k) && CONNECTION_HOLDERS.has(normalizeName(a.tokens.text(k)));
        if (atKey && (a.is(k + 1, ',') || a.is(k + 1, '}'))) {
          record(k, k + 1);
        } else if (atKey && a.is(k + 1, ':')) {
          const next = a.skipGroup(k + 2);
          record(k + 2, a.is(next, ',') || next === end - 1 ? next : -1);
        }
      }
    }
  }
  return found;
}

/** An object literal written in place whose own keys name no TLS setting (`{ keyPrefix: 'oidc' }`): ioredis merges it into the options, and it sets nothing they lack. */
function objectWithoutTls(a: CodeAnalyzer, start: number, end: number): boolean {
  if (!a.is(start, '{') || a.partner[start] !== end - 1) {
    return false;
  }
  for (let k = start + 1; k < end - 1; k = a.skipGroup(k)) {
    if (a.tokens.isSpread(k) || ((a.isId(k) || a.isString(k)) && TLS_KEYS.has(a.tokens.text(k).replace(/^['"]|['"]$/g, '')))) {
      return false;
    }
  }
  return true;
}

/** Keys by which a client's other arguments may turn TLS on (node-redis's `socket: { tls }`, a URL's scheme). */
const TLS_KEYS = new Set(['tls', 'socket', 'url']);

/** A name, or a name and up to two members (`config.redis`, `cacheConfig.config.redis`), that fills [start, end). */
function memberChain(a: CodeAnalyzer, start: number, end: number): boolean {
  const length = end - start;
  if (length !== 1 && length !== 3 && length !== 5) {
    return false;
  }
  for (let k = start; k < end; k += 2) {
    if (!a.isId(k) || (k > start && !a.is(k - 1, '.'))) {
      return false;
    }
  }
  return true;
}

/**
 * The clients a call whose arguments open at `open` passes, and what else it passes (null): a call that passes
 * no client still tells that the callee's parameters do not always hold one. Undefined for a call with no arguments.
 */
function passedClients(a: CodeAnalyzer, open: number): Omit<ClientPassingCall, 'module' | 'path'> | undefined {
  const args: PassedArgument[] = [];
  const keywords: Record<string, PassedArgument> = {};
  let hidden = false;
  const clientIn = (start: number, end: number): PassedArgument => {
    const passed = a.evalChain(start, end);
    const value = passed.end === end ? passed.value : undefined;
    if (value?.t === 'boto3' && !value.imported) {
      return { session: true };
    }
    const client = value ? exportedClient(a, value) : undefined;
    return client ?? projectSource(a, start, end);
  };
  for (const [start, end] of segments(a, open)) {
    if (a.is(start, '.') || a.is(start, '*') || a.is(start, '**')) {
      hidden = true;
      break;
    }
    if (a.language.family === 'python' && a.isId(start) && a.is(start + 1, '=')) {
      const name = a.tokens.text(start);
      if (name !== '__proto__') {
        keywords[name] = clientIn(start + 2, end);
      }
      hidden = true;
      continue;
    }
    if (!hidden) {
      args.push(clientIn(start, end));
    }
  }
  if (args.length === 0 && Object.keys(keywords).length === 0 && !hidden) {
    return undefined;
  }
  return { args, ...(Object.keys(keywords).length > 0 ? { keywords } : {}), ...(hidden ? { open: true } : {}) };
}

/**
 * A name of a project module the argument `start` to `end` (exclusive) reads, or calls (`table`, `db.table`,
 * `get_table()`, Python `get_table(MESSAGES_TABLE)` with the strings it passes, as a direct call of it is read):
 * the model resolves what it gives as the calling file imports it; null for anything else. The file is read
 * without the workspace, so what such a name holds is not known here.
 */
function projectSource(a: CodeAnalyzer, start: number, end: number): PassedArgument {
  const open = a.is(end - 1, ')') ? a.partner[end - 1] : -1;
  const python = a.language.family === 'python';
  const called = open > start && (open === end - 2 || python);
  const nameEnd = called ? open : end;
  if (nameEnd <= start) {
    return null;
  }
  const named = a.evalChain(start, nameEnd);
  const ref = named.end === nameEnd ? named.value : undefined;
  if (ref?.t !== 'ref' || !ref.path || !mayBeProjectModule(a, ref.module)) {
    return (!called && (dependencyCall(a, start, end) || heldCall(a, start, end))) || null;
  }
  if (!called) {
    return { module: ref.module, path: ref.path };
  }
  return open === end - 2 ? { module: ref.module, path: ref.path, call: true } : { module: ref.module, path: ref.path, call: true, args: callArguments(a, open) };
}

/**
 * Python: what a bare name at `start` holds when it is bound once, in place, to a call of a project module's function
 * (`table = create_dynamodb_table(self)` then `create_lambda_function(self, table)`): that call, which the model resolves.
 */
function heldCall(a: CodeAnalyzer, start: number, end: number): PassedArgument | undefined {
  if (a.language.family !== 'python' || end !== start + 1 || !a.isId(start)) {
    return undefined;
  }
  const name = a.tokens.text(start);
  const binding = a.scopes.lookup(name, start);
  const at = binding?.expression ?? -1;
  if (at < 0 || binding?.element || binding?.destructured || binding?.unpacked || (a.scopes.bindingsIn(a.scopes.declaringScope(name, start)).get(name)?.length ?? 0) !== 1) {
    return undefined;
  }
  const held = projectSource(a, at, expressionEnd(a, at));
  return held && 'call' in held ? held : undefined;
}

/**
 * What FastAPI passes for a parameter of a route or dependency read by its bare name at `start`, when its default
 * is `Depends(get_db)` (or its annotation `Annotated[T, Depends(get_db)]`) and `get_db` is a project module's:
 * that function's call (`VideoRepository(dynamodb=dynamodb)` after `dynamodb=Depends(get_db)`).
 */
function dependencyCall(a: CodeAnalyzer, start: number, end: number): PassedArgument | undefined {
  const binding = a.language.family === 'python' && end === start + 1 && a.isId(start) ? a.scopes.lookup(a.tokens.text(start), start) : undefined;
  const at = binding?.expression ?? -1;
  if (at < 0) {
    return undefined;
  }
  // The default `Depends(...)` itself, or the `Depends(...)` among an `Annotated[...]`'s metadata.
  const candidates = a.is(at + 1, '[') && a.partner[at + 1] > at ? segments(a, at + 1).map(([first]) => first) : [at];
  for (const depends of candidates) {
    const open = depends + 1;
    const callee = a.isId(depends) && a.is(open, '(') && a.partner[open] > open ? a.evalChain(depends, open).value : undefined;
    const [first] = callee && isFastapiDepends(callee) ? segments(a, open) : [];
    const dependency = first && !a.is(first[0] + 1, '=') ? a.evalChain(first[0], first[1]) : undefined;
    const ref = dependency?.end === first?.[1] ? dependency?.value : undefined;
    if (ref?.t === 'ref' && ref.path && mayBeProjectModule(a, ref.module)) {
      return { module: ref.module, path: ref.path, call: true };
    }
  }
  return undefined;
}

/** What the index asks the workspace model. */
export interface WorkspaceReads {
  /** The files an import of `path` from `module` in `codeFile` may lead to, in the order they are tried. */
  target(codeFile: string, module: string, path: string): Target | undefined;
  /** Whether a file is one the model knows. */
  known(file: string): boolean;
  /** The client (or CDK construct) a name of a project module gives (`call`: what calling it gives), as `codeFile` imports it. */
  imported(codeFile: string, source: { module: string; path: string; call?: true; args?: CallArguments }): ExportedClient | { construct: string } | undefined;
  /** The module source of a file of the model, if any. */
  source?(file: string): ModuleSource | undefined;
}

/** What a module passes on under `name` from another module, as it imports it (`from .orders_repo import OrdersRepo`). */
function passedOn(file: string, source: ModuleSource | undefined, name: string): { module: string; name: string } | undefined {
  const reexport = source && exportsOf(file, source)?.reexports;
  return reexport && Object.hasOwn(reexport, name) && !reexport[name].called ? { module: reexport[name].module, name: reexport[name].name } : undefined;
}

/** A folder's `index` module, which, as a package's `__init__.py`, mostly passes on what its siblings declare. */
const JS_INDEX = /(?:^|\/)index\.[cm]?[jt]sx?$/;
const isBarrel = (file: string): boolean => isPackageInit(file) || JS_INDEX.test(file);

/** A call filed under one file it may lead to: the file that makes it, and the files its import tries (this one at `at`). */
interface Candidate {
  caller: string;
  files: readonly string[];
  at: number;
  call: ClientPassingCall;
}

/** Files one call is filed under, nearest first (a Python import tries each folder up): past this, deeper roots are not tried. */
const MAX_FILES_PER_CALL = 16;
/** Calls filed in all: past this, a huge workspace's remaining calls are not read (bounds the index's memory). */
const MAX_CANDIDATES = 250_000;

/**
 * The calls of the workspace by the module files they may lead to, built once per model version. A call
 * reaches a file when the file is among those its import tries and no file tried before it is one the
 * model knows (a module the import would find first).
 */
export class PassedClientIndex {
  /** Candidates by the file they may lead to, then by the name read there. */
  private readonly byFile = new Map<string, Map<string, Candidate[]>>();
  private readonly known: (file: string) => boolean;
  private readonly imported: WorkspaceReads['imported'];
  /** Answers by `file\0name`: every analysis of a file asks again (each keystroke in the editor), the model does not change. */
  private readonly answers = new Map<string, ClientPassingCall[]>();

  constructor(callers: ReadonlyMap<string, readonly ClientPassingCall[]>, { target, known, imported, source }: WorkspaceReads) {
    this.known = known;
    this.imported = imported;
    let filed = 0;
    const file = (under: string, name: string, candidate: Candidate): void => {
      const names = this.byFile.get(under) ?? new Map<string, Candidate[]>();
      this.byFile.set(under, names);
      const list = names.get(name) ?? [];
      names.set(name, list);
      list.push(candidate);
      filed++;
    };
    for (const [caller, calls] of callers) {
      for (const call of calls) {
        const found = target(caller, call.module, call.path);
        const files = found?.files.slice(0, MAX_FILES_PER_CALL) ?? [];
        for (let at = 0; at < files.length && filed < MAX_CANDIDATES; at++) {
          if (files[at] !== caller) {
            file(files[at], found!.name, { caller, files, at, call });
          }
        }
        // `from app.repos import UserRepo` where `app/repos/__init__.py` passes it on from `.user_repo`: the call is filed
        // under the files that import leads to as well.
        const barrel = source && files.find(known);
        const passed = barrel && isBarrel(barrel) ? passedOn(barrel, source!(barrel), found!.name) : undefined;
        const next = passed && target(barrel!, passed.module, passed.name);
        const nextFiles = next?.files.slice(0, MAX_FILES_PER_CALL) ?? [];
        for (let at = 0; at < nextFiles.length && filed < MAX_CANDIDATES; at++) {
          if (nextFiles[at] !== caller && nextFiles[at] !== barrel) {
            file(nextFiles[at], next!.name, { caller, files: nextFiles, at, call });
          }
        }
      }
    }
  }

  /** The calls other files make of `name`, which `codeFile` declares, with what they pass from project modules resolved. */
  callsOf(codeFile: string, name: string): ClientPassingCall[] {
    const key = `${codeFile}\0${name}`;
    const known = this.answers.get(key);
    if (known) {
      return known;
    }
    const calls: ClientPassingCall[] = [];
    for (const { caller, call, ...candidate } of this.byFile.get(codeFile)?.get(name) ?? []) {
      if (this.triedFirst(candidate)) {
        continue;
      }
      const resolve = (argument: PassedArgument): PassedArgument => (!argument || 'kind' in argument || 'session' in argument || 'construct' in argument ? argument : (this.imported(caller, argument) ?? null));
      const keywords = call.keywords && Object.fromEntries(Object.entries(call.keywords).map(([keyword, argument]) => [keyword, resolve(argument)]));
      calls.push({ ...call, args: call.args.map(resolve), ...(keywords ? { keywords } : {}) });
    }
    this.answers.set(key, calls);
    return calls;
  }

  /** Whether the import finds a file of the model before the candidate's. */
  private triedFirst({ files, at }: { files: readonly string[]; at: number }): boolean {
    for (let k = 0; k < at; k++) {
      if (this.known(files[k])) {
        return true;
      }
    }
    return false;
  }
}
