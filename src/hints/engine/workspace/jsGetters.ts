/**
 * Functions of a JavaScript or TypeScript module that may hand a client to other files: getters of a
 * module-level client (`const getRedisClient = () => redisClient`), lazy singletons (`if (!client) client =
 * new Redis(); return client;`) and factories (`return createClient({ url })`). Read from the text alone,
 * before the file is lexed, to tell which exported functions the workspace index keeps: a function counts
 * when it returns a construction (`new X(…)` of no built-in class, a Redis `createClient` or an alias the file imports
 * it under, a SQL driver's `createPool` or `createConnection`, an SDK `X.from`, a dynamoose `dynamoose.model(…)` or a OneTable `table.getModel(…)`)
 * or a bare name that the file declares at module level or assigns a construction to. Most functions return
 * anything else (a handler's
 * response, a query's items), and their text stays out of the index, so that editing them changes nothing
 * there. The analyzer reads what a kept function really returns.
 */
import { EQUALS, isIdentifierPart, isIdentifierStart, skipSpace, SPACE, wordAt } from './moduleText';

const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const COLON = 58;
const SEMICOLON = 59;
const LESS = 60;
const GREATER = 62;
const COMMA = 44;
const DOT = 46;
const CLOSE_BRACE = 125;
const NEWLINE = 10;
const BANG = 33;
const QUESTION = 63;
const PIPE = 124;

/** Classes whose `new` never makes a client: built-ins a function often returns. */
const NOT_CLIENT_CLASSES = new Set(['Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Date', 'Response', 'Request', 'Headers', 'URL', 'URLSearchParams', 'Array', 'Object', 'Buffer', 'RegExp', 'AbortController', 'EventEmitter', 'Proxy']);
/** Classes named so are errors or SDK commands (requests), never clients. */
const NOT_CLIENT_SUFFIX = /(?:Error|Exception|Command)$/;
/** Calls that make a client: the Redis clients' factories, and the SDK's `DynamoDBDocumentClient.from(client)`. */
const CLIENT_FACTORIES = new Set(['createClient', 'createCluster', 'from']);
/**
 * Calls that open a SQL connection or pool (`mysql.createPool(...)`, mysql2's `createConnection`, `sqlConnections.ts`):
 * a function that returns one opens it on each call, which a Lambda handler's call of it does per invocation.
 */
const SQL_OPENERS = new Set(['createPool', 'createConnection', 'createPoolCluster']);
/** Member calls that make a DynamoDB library's object (`ormObjects.ts`): dynamoose's `dynamoose.model(...)`, OneTable's `table.getModel(...)`. */
const LIBRARY_OBJECT_MAKERS = new Set(['model', 'getModel']);
/** Dotted names read after `new` or before a call. */
const MAX_SEGMENTS = 4;
/** How far back from an `=` a TypeScript annotation is read for the declared name (`client: Redis | null = …`). */
const ANNOTATION_REACH = 200;

/** A dotted name (`redis.createClient`) from `from`: its segments and the index after it. */
function dottedName(text: string, from: number): { segments: string[]; end: number } {
  const segments: string[] = [];
  let k = from;
  while (segments.length < MAX_SEGMENTS && isIdentifierStart(text.charCodeAt(k))) {
    const word = wordAt(text, k);
    segments.push(word);
    k += word.length;
    if (text.charCodeAt(k) !== DOT) {
      break;
    }
    k++;
  }
  return { segments, end: k };
}

/**
 * The client factories of a file: `CLIENT_FACTORIES`, and the names it imports one under (`import { createClient
 * as createRedisClient } from 'redis'`, `const { createClient: makeRedis } = require('redis')`).
 */
function factoriesOf(text: string): ReadonlySet<string> {
  if (!text.includes('createClient') && !text.includes('createCluster')) {
    return CLIENT_FACTORIES;
  }
  const factories = new Set(CLIENT_FACTORIES);
  for (const match of text.matchAll(/\bcreate(?:Client|Cluster)(?:\s+as\s+|\s*:\s*)([A-Za-z_$][\w$]*)/g)) {
    factories.add(match[1]);
  }
  return factories;
}

/** Whether the expression at `from` makes a client as far as the text tells: `[await] new X(…)`, `[await] createClient(…)` (or a factory's alias), `X.from(…)`. */
function constructsAt(text: string, from: number, factories: ReadonlySet<string>): boolean {
  let k = skipSpace(text, from);
  if (wordAt(text, k) === 'await') {
    k = skipSpace(text, k + 5);
  }
  const constructed = wordAt(text, k) === 'new';
  const { segments, end } = dottedName(text, constructed ? skipSpace(text, k + 3) : k);
  const last = segments[segments.length - 1];
  if (last === undefined) {
    return false;
  }
  if (constructed) {
    return !NOT_CLIENT_CLASSES.has(last) && !NOT_CLIENT_SUFFIX.test(last);
  }
  const call = text.charCodeAt(end) === OPEN_PAREN || text.charCodeAt(end) === LESS;
  if (call && segments.length > 1 && LIBRARY_OBJECT_MAKERS.has(last)) {
    return true;
  }
  if (call && SQL_OPENERS.has(last)) {
    return true;
  }
  return call && factories.has(last) && (last !== 'from' || (segments.length > 1 && !NOT_CLIENT_CLASSES.has(segments[0])));
}

/** Characters a type annotation between a declared name and its `=` may hold (`Redis | null`, `Promise<Redis>`). */
function inAnnotation(code: number): boolean {
  return isIdentifierPart(code) || code === SPACE || code === PIPE || code === LESS || code === GREATER || code === DOT || code === COMMA || code === QUESTION || code === BANG || code === 91 || code === 93 || code === 38;
}

/** The identifier that ends just before `end` (after blanks), or `''`. */
function wordBefore(text: string, end: number): string {
  let k = end;
  while (k > 0 && text.charCodeAt(k - 1) <= SPACE && text.charCodeAt(k - 1) !== NEWLINE) {
    k--;
  }
  let start = k;
  while (start > 0 && k - start < 64 && isIdentifierPart(text.charCodeAt(start - 1))) {
    start--;
  }
  return start < k && isIdentifierStart(text.charCodeAt(start)) && text.charCodeAt(start - 1) !== DOT ? text.slice(start, k) : '';
}

/** The name an `=` at `eq` assigns or declares: `client = …`, `client ??= …`, `let client: Redis | null = …`; `''` for a member or none. */
function assignedName(text: string, eq: number): string {
  let end = eq;
  const before = text.charCodeAt(eq - 1);
  if (before === QUESTION || before === PIPE) {
    // `??=`, `||=`.
    end = text.charCodeAt(eq - 2) === before ? eq - 2 : eq;
  }
  const plain = wordBefore(text, end);
  // Read back over an annotation to its `:`; the name before it is the one declared.
  let k = end - 1;
  while (k > 0 && end - k < ANNOTATION_REACH && inAnnotation(text.charCodeAt(k))) {
    k--;
  }
  const annotated = text.charCodeAt(k) === COLON ? wordBefore(text, text.charCodeAt(k - 1) === QUESTION || text.charCodeAt(k - 1) === BANG ? k - 1 : k) : '';
  return annotated || plain;
}

/** Whether a returned bare name ends its expression at `end`: `return client;`, `=> client)`, `return client!`. */
function endsReturn(text: string, end: number): boolean {
  let k = end;
  while (k < text.length && text.charCodeAt(k) <= SPACE && text.charCodeAt(k) !== NEWLINE) {
    k++;
  }
  const code = text.charCodeAt(k);
  return k >= text.length || code === SEMICOLON || code === NEWLINE || code === CLOSE_BRACE || code === CLOSE_PAREN || code === COMMA || code === BANG || code === 13;
}

/** Whether what is returned at `from` may be a client: a construction, or a bare name of `names` (read only when one is returned). */
function returnsAt(text: string, from: number, names: () => ReadonlySet<string>, factories: ReadonlySet<string>): boolean {
  const k = skipSpace(text, from);
  // Most returns are an object, a string, a call's result or nothing, which the first character or word tells.
  if (!isIdentifierStart(text.charCodeAt(k))) {
    return false;
  }
  const word = wordAt(text, k);
  const next = text.charCodeAt(k + word.length);
  if (word === 'new' || word === 'await' || next === DOT || next === OPEN_PAREN || next === LESS) {
    return constructsAt(text, k, factories);
  }
  return endsReturn(text, k + word.length) && names().has(word);
}

/** Whether the text at `at` starts a line unindented, or after `export `: a module-level statement, as formatters write them. */
function startsModuleLine(text: string, at: number): boolean {
  const start = at >= 7 && text.startsWith('export ', at - 7) ? at - 7 : at;
  return start === 0 || text.charCodeAt(start - 1) === NEWLINE;
}

/**
 * The names a getter may return: those a file assigns a construction to, anywhere (a module-level `let`
 * set in `connect()`, a local of a factory), and those it declares at module level (`const client =
 * connect();`, `let client;`).
 */
function returnableNames(text: string, factories: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  for (const keyword of ['const ', 'let ', 'var ']) {
    for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + keyword.length)) {
      const name = startsModuleLine(text, at) ? wordAt(text, skipSpace(text, at + keyword.length)) : '';
      if (name !== '') {
        names.add(name);
      }
    }
  }
  for (let eq = text.indexOf('='); eq >= 0; eq = text.indexOf('=', eq + 1)) {
    const next = text.charCodeAt(eq + 1);
    const before = text.charCodeAt(eq - 1);
    if (next === EQUALS || next === GREATER || before === EQUALS || before === BANG || before === LESS || before === GREATER || !constructsAt(text, eq + 1, factories)) {
      continue;
    }
    const name = assignedName(text, eq);
    if (name !== '') {
      names.add(name);
    }
  }
  return names;
}

/**
 * Where the text returns something that may be a client (`return client;`, `=> new Redis()`), in order: the
 * index after each such `return` or `=>`. Linear in the text, read once per file.
 */
export function clientReturns(text: string, factories: ReadonlySet<string>): number[] {
  let known: Set<string> | undefined;
  const names = (): ReadonlySet<string> => (known ??= returnableNames(text, factories));
  const sites: number[] = [];
  const note = (at: number): void => {
    if (returnsAt(text, at, names, factories)) {
      sites.push(at);
    }
  };
  for (let at = text.indexOf('return'); at >= 0; at = text.indexOf('return', at + 6)) {
    if (!isIdentifierPart(text.charCodeAt(at - 1)) && !isIdentifierPart(text.charCodeAt(at + 6))) {
      note(at + 6);
    }
  }
  for (let at = text.indexOf('=>'); at >= 0; at = text.indexOf('=>', at + 2)) {
    note(at + 2);
  }
  return sites.sort((x, y) => x - y);
}

/**
 * Where the text assigns a construction on an indented line (`  const client = new DocumentClient();`, in a
 * function's body, not at module level), in order: the index of each such `=`. A function that makes a client
 * so and uses it in its body makes one on every call, which a Lambda handler of another file that calls it does
 * on every invocation (`ModuleFunctions` reads what it really makes).
 */
export function clientAssignments(text: string, factories: ReadonlySet<string>): number[] {
  const sites: number[] = [];
  for (let eq = text.indexOf('='); eq >= 0; eq = text.indexOf('=', eq + 1)) {
    const next = text.charCodeAt(eq + 1);
    const before = text.charCodeAt(eq - 1);
    if (next !== EQUALS && next !== GREATER && before !== EQUALS && before !== BANG && before !== LESS && before !== GREATER && indented(text, eq) && constructsAt(text, eq + 1, factories)) {
      sites.push(eq);
    }
  }
  return sites;
}

/** Whether the line that holds `at` starts with a blank (a statement inside a block). */
function indented(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const first = text.charCodeAt(lineStart);
  return first === SPACE || first === 9;
}

/** The sorted union of where the text returns a client and where it assigns one: the functions the workspace index keeps. */
export function clientSites(text: string): number[] {
  const factories = factoriesOf(text);
  const returned = clientReturns(text, factories);
  const assigned = clientAssignments(text, factories);
  return assigned.length === 0 ? returned : [...returned, ...assigned].sort((x, y) => x - y);
}

/** Whether one of the sorted `sites` lies in [start, end). */
export function returnsWithin(sites: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = sites.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sites[mid] < start) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low < sites.length && sites[low] < end;
}
