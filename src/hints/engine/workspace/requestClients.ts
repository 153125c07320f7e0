/**
 * The clients a JavaScript or TypeScript file's middleware hangs on the request, for the handlers of other
 * files (`code/requestClients.ts` reads them, and reads them back). Whether a file may hang any is told from
 * its text alone: it names a client library or a project module, and it has middleware that assigns a member
 * of a name (`req.redis = …` with a `next(` call or a hook), a Fastify decorator, or a merged request
 * interface, or an Egg.js config file the egg-redis client. Most files have none of these; the others are read with the analyzer's scopes once, when indexed.
 */
import { CodeAnalyzer } from '../code/analyzer';
import { javascript, typescript } from '../code/languages/javascript';
import { python } from '../code/languages/python';
import { appStateClients } from '../code/languages/pythonAppState';
import { EGG_CONFIG_FILE } from '../code/eggRedis';
import { SETS_GLOBAL } from '../code/globalClients';
import { PLUGIN as FASTIFY_REDIS } from '../code/fastifyRedis';
import { hungClients, MERGING } from '../code/requestClients';
import { isTestDoubleFile } from '../code/testDoubles';
import { DocumentKind } from '../documentKinds';
import { LineIndex } from '../text';
import { EQUALS, isIdentifierPart, SPACE } from './moduleText';
import { RequestClients } from './types';

const DOT = 46;
const GREATER = 62;
/** How long a name the text scan reads back over: far past real names, and it keeps the scan linear. */
const MAX_NAME = 64;

/** An assignment to a member of an application's state (`app.state.redis = ...`, `application.state.cache =`). */
const APP_STATE = /^[ \t]*\w+\.state\.\w+[ \t]*=[^=]/m;
/** An assignment to a key or an attribute of an application (`app['redis'] = ...`, `self.app["cache"] =`, `app.session =`, `app.ctx.redis =`), as `code/languages/python.ts` aliases it. */
const APP_KEY = /^[ \t]*(?:\w+\.){0,2}app(?:\[(['"])[\w.:-]+\1\]|\.(?:ctx\.)?\w+)[ \t]*=[^=]/m;

/** Python tests and their fixtures: the state they set holds fakes, not the clients the application runs with. */
const PYTHON_TEST_FILE = /(?:^|\/)tests?\/|(?:^|\/)(?:test_[^/]*|[^/]*_test|conftest)\.py$/;

/** Modules that name a client library, and a relative module whose exports may be a client. */
const CLIENT_LIBRARIES = /redis|aws-sdk/;
const RELATIVE_MODULE = /['"]\.\.?\//;
/** A NestJS custom provider (`{ provide: 'REDIS', useFactory: ... }`), as formatters write it. */
const PROVIDES = /\bprovide[ \t]*:/;
/** Test files: the providers they register are test doubles (`useValue: mockRedis`). */
const JS_TEST_FILE = /(?:^|\/)(?:tests?|__tests__|spec)\/|\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?$/;
function isJsTestFile(file: string): boolean {
  return JS_TEST_FILE.test(file) || isTestDoubleFile(file);
}

/** Middleware that passes the request on: Express's `next()`, Koa's `await next()`. */
const NEXT_CALL = /\bnext\s*\(/;
/** Objects a member assignment to which is never a request's: the module's exports, the instance. */
const NOT_REQUESTS = new Set(['this', 'exports', 'module']);

/** The name that ends just before `end` (exclusive), read backwards: its start, or `end` when there is none. */
function nameBefore(text: string, end: number): number {
  let start = end;
  while (start > 0 && end - start < MAX_NAME && isIdentifierPart(text.charCodeAt(start - 1))) {
    start--;
  }
  return start;
}

/** Whether the text assigns a member of a plain name (`req.redis = …`, not `this.x =`, `a.b.c =`, `==`, `=>`), as formatters write it. */
function assignsMember(text: string): boolean {
  for (let at = text.indexOf('='); at >= 0; at = text.indexOf('=', at + 1)) {
    const after = text.charCodeAt(at + 1);
    if (after === EQUALS || after === GREATER) {
      at++;
      continue;
    }
    let end = at;
    while (end > 0 && text.charCodeAt(end - 1) === SPACE) {
      end--;
    }
    const member = nameBefore(text, end);
    if (member === end || text.charCodeAt(member - 1) !== DOT) {
      continue;
    }
    const object = nameBefore(text, member - 1);
    if (object < member - 1 && text.charCodeAt(object - 1) !== DOT && !NOT_REQUESTS.has(text.slice(object, member - 1))) {
      return true;
    }
  }
  return false;
}

/** Whether a code file may hang a client on the request (Python: set one on the application's state or an aiohttp application's keys), from its path and text alone. */
export function mayHangClients(file: string, kind: DocumentKind, text: string): boolean {
  if (kind === 'python') {
    const sets = (text.includes('.state.') && APP_STATE.test(text)) || (text.includes('app') && APP_KEY.test(text));
    return sets && !PYTHON_TEST_FILE.test(file) && !isTestDoubleFile(file);
  }
  if (kind !== 'javascript' && kind !== 'typescript') {
    return false;
  }
  // Substring searches first, far cheaper than a pattern over the text: most files have no middleware,
  // decorator or merged interface at all.
  const middleware = (text.includes('next') && NEXT_CALL.test(text)) || text.includes('addHook');
  const decorates = text.includes('decorate');
  const merges = kind === 'typescript' && text.includes('interface') && MERGING.test(text);
  // @fastify/redis decorates the instance with its client (`code/fastifyRedis.ts`).
  const registers = text.includes(FASTIFY_REDIS) && text.includes('register');
  const provides = text.includes('provide') && PROVIDES.test(text) && !isJsTestFile(file);
  // An Egg.js config file configures the client egg-redis mounts on the application (`code/eggRedis.ts`).
  const eggConfig = text.includes('redis') && text.includes('client') && EGG_CONFIG_FILE.test(file);
  // A client put on Node's global object (`code/globalClients.ts`); a test's globals are its doubles.
  const setsGlobal = text.includes('global') && SETS_GLOBAL.test(text) && (CLIENT_LIBRARIES.test(text) || RELATIVE_MODULE.test(text)) && !isJsTestFile(file);
  if (provides || eggConfig || setsGlobal) {
    // Any provider counts, a client library's or not: a token given something else reads as nothing.
    return true;
  }
  if (!(middleware || decorates || merges || registers) || !(CLIENT_LIBRARIES.test(text) || RELATIVE_MODULE.test(text)) || isTestDoubleFile(file)) {
    return false;
  }
  return (middleware && assignsMember(text)) || decorates || merges || registers;
}

/** What a Python file sets on the application's state or keys, by alias (`app.state.redis`, `app[redis]`); undefined for nothing. */
export function indexAppStateClients(text: string): RequestClients | undefined {
  const a = new CodeAnalyzer(text, python, new LineIndex(text));
  a.bind();
  return appStateClients(a);
}

/** What a file hangs on the request, by name, as the workspace model keeps it; undefined for nothing. */
export function indexRequestClients(file: string, kind: 'javascript' | 'typescript', text: string): RequestClients | undefined {
  const a = new CodeAnalyzer(text, kind === 'typescript' ? typescript : javascript, new LineIndex(text));
  a.bind();
  const found = hungClients(a);
  if (found.size === 0) {
    return undefined;
  }
  const clients: RequestClients = {};
  const test = isJsTestFile(file);
  // A test file's providers (`nestProviders.ts`: `@` and `#` keys) and globals are its doubles.
  found.forEach((sources, name) => (test && /^(?:[@#]|global:)/.test(name) ? undefined : (clients[name] = sources)));
  return Object.keys(clients).length > 0 ? clients : undefined;
}
