/**
 * Clients a web request handler makes on every request: `createClient()` or `new DynamoDBClient({})` inside an
 * Express route, `redis.Redis(...)` inside a Flask or FastAPI view, `redis.NewClient(...)` inside an
 * `http.HandlerFunc`. The server process serves many requests, and each made client opens its own connections
 * (and for the AWS SDKs loads its configuration and credentials) only to drop them: the client belongs at
 * startup, shared by the requests. The same reading as `handlerClients.ts`, with the handlers of web frameworks:
 *
 * - JavaScript and TypeScript: a function whose parameters are a request then a response (`(req, res)`,
 *   `(request, reply)`, `(req, res, next)`), Next.js route handlers (`export async function GET(request)`, also with none), a
 *   NestJS controller method under a route decorator (`@Get()`) or a service method such a method calls, a GraphQL
 *   resolver (`graphqlResolvers.ts`), and
 *   in a file of Koa or Hono a function given to a route or middleware call whose parameters are the framework's
 *   context (`router.get('/x', async (ctx) => ...)`, `app.post('/x', async (c) => ...)`, `app.use(async (ctx, next) => ...)`).
 * - Python: a `def` under a route decorator (`@app.route`, `@app.get`, `@router.post`, `@bp.route`,
 *   `@api_view`), or a view whose first parameter is Django's `request` (after `self` in a class-based view);
 *   and a module-level function the file gives FastAPI as a dependency (`Depends(get_table)`), run per request.
 * - Java: a method under a Spring MVC mapping (`@GetMapping`, `@RequestMapping`) or a JAX-RS verb (`@GET`), or one that
 *   takes the servlet request and response (a servlet, a filter, a Spring `HandlerInterceptor`'s `preHandle`).
 * - Go: a function that takes an `http.ResponseWriter` and an `*http.Request`, a gin, echo or fiber context.
 */
import { Family } from '../lexer';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import type { ImportRef, RequestClasses } from '../workspace/types';
import { isDependencyLambda, perRequestDependencies } from './fastapiDependencies';
import { FileMemo } from './fileMemo';
import { methodMarked } from './methodMarkers';
import { decoratedWith } from './languages/pythonDecorators';
import { readsRequestAsDict } from './languages/pythonDictRequests';
import { isNestRoute, isRouteCalledMethod, NEST_COMMON } from './nestRoutes';
import { isGraphqlResolver, mayDeclareResolvers } from './graphqlResolvers';
import { clientsMadeInHandlers, goConstruction, HandlerClient, HandlerReader, javaConstruction, jsConstruction, pythonConstruction } from './handlerClients';
import type { FunctionScope } from './language';
import { goMethodName } from './helperFunctions';
import { mayBeProjectModule } from './projectImports';
import { PER_REQUEST_FACTORY_READER, perRequestRegisteredClients } from './languages/csharpServiceLifetimes';

/** Handlers read per file: a routes file declares many. */
const MAX_HANDLERS = 64;
/** How far back from a `def` or a method's name its decorators or annotations may start. */

const REQUEST_NAMES = new Set(['req', 'request']);
const RESPONSE_NAMES = new Set(['res', 'response', 'reply']);
/** Next.js App Router route handlers: exported functions named for the HTTP method. */
const NEXT_ROUTE_HANDLERS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
/** The cheap test for such a handler in a file that names no request (`export async function GET() {`). */
const EXPORTED_METHOD_HANDLER = /\bexport\s+(?:async\s+)?function\s+(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s*\(/;
/** Route decorators by their last name: Flask's `route` and its verbs (2.0+), FastAPI's verbs, DRF's `api_view`. */
const PYTHON_ROUTE_DECORATORS = new Set(['route', 'get', 'post', 'put', 'patch', 'delete', 'api_route', 'api_view']);
const SPRING_MAPPINGS = new Set(['GetMapping', 'PostMapping', 'PutMapping', 'PatchMapping', 'DeleteMapping', 'RequestMapping', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
/** Parameter types of Go HTTP handlers: net/http's writer, and the contexts of gin, echo and fiber. */
const GO_HANDLER_TYPES = /\bhttp\.ResponseWriter\b|\*gin\.Context\b|\becho\.Context\b|\*fiber\.Ctx\b/;

/** ASP.NET Core: controller actions' HTTP attributes, and the minimal API's route methods whose handler is a lambda. */
const CSHARP_ACTION_ATTRIBUTES = new Set(['HttpGet', 'HttpPost', 'HttpPut', 'HttpPatch', 'HttpDelete', 'Route']);
const CSHARP_MINIMAL_ROUTES = new Set(['MapGet', 'MapPost', 'MapPut', 'MapPatch', 'MapDelete', 'MapMethods']);

/** Koa and Hono, whose handlers take one context (`ctx`, `c`) instead of a request and a response. */
const CONTEXT_FRAMEWORKS = /['"](?:koa|@koa\/router|koa-router|hono)(?:\/[\w-]+)*['"]/;
const CONTEXT_PARAMETER_NAMES = new Set(['ctx', 'context', 'c']);
/** Decorators that keep a function's first result (functools, cachetools). */
const CACHE_DECORATORS = new Set(['lru_cache', 'cache', 'cached']);
/** The calls that register a handler or middleware on an app or router. */
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options', 'use', 'on']);
/** Per file, whether it imports Koa or Hono. */
const contextFrameworkFile = new FileMemo<string, boolean>();

const READERS: Partial<Record<Family, HandlerReader>> = {
  js: {
    mayDeclare: (text) => /\breq(?:uest)?\b/.test(text) || EXPORTED_METHOD_HANDLER.test(text) || CONTEXT_FRAMEWORKS.test(text) || text.includes(NEST_COMMON) || mayDeclareResolvers(text),
    isHandler: (a, fn) => isJsRouteHandler(a, fn) || isNestRoute(a, fn) || isGraphqlResolver(a, fn) || isRouteCalledMethod(a, fn),
    construction: jsConstruction,
  },
  python: { mayDeclare: (text) => text.includes('request') || text.includes('@'), isHandler: isPythonView, construction: pythonConstruction },
  // Java and C# (workspace mode): also a call of a project class's method that makes a client on each call (`languages/jvmMethodClients.ts`).
  java: { mayDeclare: (text) => /Mapping\b|@(?:GET|POST|PUT|PATCH|DELETE)\b|ServletRequest\b/.test(text), isHandler: isJavaEndpoint, construction: javaConstruction, helperCalls: true },
  // Go (workspace mode): also a call of a function of another file or package of the module that makes and returns a new client each time.
  go: { mayDeclare: (text) => GO_HANDLER_TYPES.test(text), isHandler: isGoHandler, construction: goConstruction, helperCalls: true },
  csharp: { mayDeclare: (text) => /\[(?:Http|Route)|\.Map(?:Get|Post|Put|Patch|Delete|Methods)\b/.test(text), isHandler: isCsharpEndpoint, construction: javaConstruction, helperCalls: true },
};

/**
 * The readers of what runs on every request of the file, with `construction` for what each makes: its web request
 * handlers and, in Python, the FastAPI dependencies they declare (`sqlPoolsPerRequest.ts` reads SQL pools with them).
 */
export function requestReaders(a: CodeAnalyzer, construction: HandlerReader['construction']): HandlerReader[] {
  const reader = READERS[a.language.family];
  const readers = reader ? [{ ...reader, construction }] : [];
  return a.language.family === 'python' ? [...readers, { ...DEPENDENCY_READER, construction }] : readers;
}

/**
 * A client made on each request, and whether a FastAPI dependency makes it rather than the handler, or an ASP.NET Core
 * registration whose lifetime is per request (`csharpServiceLifetimes.ts`).
 */
export type RequestClient = HandlerClient & { dependency?: true; registered?: true };

/**
 * FastAPI's dependencies, which it calls for every request that declares them (`Depends(get_cache)`), unless a
 * cache decorator returns the first call's result ever after (`@lru_cache`, `@functools.cache`).
 */
const DEPENDENCY_READER: HandlerReader = {
  // The file's own `Depends(...)`, or (workspace mode) another module's, which the question below reads.
  mayDeclare: () => true,
  isHandler: (a, fn) =>
    isDependencyLambda(a, fn.params) ||
    (a.idIs(fn.params - 2, 'def') &&
      a.scopes.parent(fn.scope) === 0 &&
      dependedOn(a, a.tokens.text(fn.params - 1)) &&
      !decoratedWith(a, fn.params - 2, (k) => CACHE_DECORATORS.has(a.tokens.text(k)))),
  construction: pythonConstruction,
};

/** Per file, the names FastAPI is given as dependencies: by the file itself, or (workspace mode) by modules that import them. */
const dependedOnNames = new FileMemo<string, ReadonlySet<string>>();

/** Whether FastAPI is given the file's module-level function `name` as a dependency. */
function dependedOn(a: CodeAnalyzer, name: string): boolean {
  return dependedOnNames.get(a, 'file', () => new Set([...perRequestDependencies(a), ...(a.project?.perRequestDependencies?.() ?? [])])).has(name);
}

/**
 * The constructors that run on every request: `__init__` of a module-level class of the file that FastAPI makes
 * as a dependency (`Depends(OrderService)`, `service: OrderService = Depends()`), or that a view or dependency of
 * the file instantiates (`OrderService()`). A client it keeps on the instance (`self.client = boto3.client(...)`)
 * is made per request too.
 */
const CONSTRUCTOR_READER: HandlerReader = {
  mayDeclare: (text) => text.includes('__init__'),
  isHandler: (a, fn) => {
    const classScope = a.scopes.parent(fn.scope);
    const name = a.idIs(fn.params - 1, '__init__') && a.idIs(fn.params - 2, 'def') && a.scopes.parent(classScope) === 0 ? a.scopes.nameOfClass(classScope) : undefined;
    return name !== undefined && classesMadePerRequest(a).has(name);
  },
  construction: pythonConstruction,
  perCallInstance: true,
};

/** Per file, the names of the classes made on every request (see `CONSTRUCTOR_READER`). */
const perRequestClasses = new FileMemo<string, { names: ReadonlySet<string>; imported: ReadonlySet<string> }>();

function classesMadePerRequest(a: CodeAnalyzer): ReadonlySet<string> {
  return madePerRequest(a).names;
}

/** The file's classes made on every request, and the names imported from project modules that the same code calls. */
function madePerRequest(a: CodeAnalyzer): { names: ReadonlySet<string>; imported: ReadonlySet<string> } {
  return perRequestClasses.get(a, 'file', () => {
    const imported = new Set<string>();
    // With the file's classes that other modules' views and per-request constructors make (workspace mode).
    const names = new Set([...perRequestDependencies(a), ...(a.project?.perRequestClasses?.() ?? [])]);
    const bodies: FunctionScope[] = [];
    for (const fn of a.functions.values()) {
      if (bodies.length < MAX_HANDLERS && fn.params >= 0 && (isPythonView(a, fn) || DEPENDENCY_READER.isHandler(a, fn))) {
        bodies.push(fn);
      }
    }
    // The classes those make, and the classes their constructors make in turn (`self.store = OrderStore()`).
    const queue = [...names];
    for (let next = 0; bodies.length > 0 || next < queue.length; ) {
      const fn = bodies.pop() ?? constructorOf(a, queue[next++]);
      const [, end] = fn ? a.scopes.range(fn.scope) : [0, 0];
      for (let k = fn ? a.partner[fn.params] + 1 : end; k > 0 && k < end && names.size < MAX_HANDLERS; k++) {
        const called = a.isId(k) && a.is(k + 1, '(') && !a.isAccess(k - 1);
        const value = called ? a.lookup(a.tokens.text(k), k) : undefined;
        // A name imported from a project module is kept for the workspace, which tells whether it is a class there.
        if (called && imported.size < MAX_HANDLERS && importedRef(a, k)) {
          imported.add(a.tokens.text(k));
        } else if (value?.t === 'instance' && value.classObject && a.scopes.parent(value.classScope) === 0 && !names.has(a.tokens.text(k))) {
          names.add(a.tokens.text(k));
          queue.push(a.tokens.text(k));
        }
      }
    }
    return { names, imported };
  });
}

/** What `name` at `k` is imported as from a module that may be the project's (`from app.logic import OrderLogic`). */
function importedRef(a: CodeAnalyzer, k: number): ImportRef | undefined {
  const imported = a.imports.get(a.tokens.text(k));
  return imported && imported.path !== '' && mayBeProjectModule(a, imported.module) ? { module: imported.module, path: imported.path } : undefined;
}

/**
 * What a Python file tells the workspace about the classes made per request: the imported names that its views,
 * its FastAPI dependencies and the constructors of its per-request classes call or depend on, and the imported
 * names that the constructor of each of its module-level classes calls, for when another module makes that
 * class per request (`Depends(OrderLogic)` there, `self.cache = OrderCache()` here).
 */
export function requestClassImports(a: CodeAnalyzer): RequestClasses | undefined {
  const refs = (names: Iterable<string>): ImportRef[] => [...names].flatMap((name) => {
    const imported = a.imports.get(name);
    return imported && imported.path !== '' && mayBeProjectModule(a, imported.module) ? [{ module: imported.module, path: imported.path }] : [];
  });
  const { names, imported } = madePerRequest(a);
  const perRequest = refs([...names, ...imported]);
  const dependencies = refs(perRequestDependencies(a));
  const constructors: Record<string, ImportRef[]> = {};
  // Module-level functions too, for another module that gives one to FastAPI as a dependency (`Depends(get_product_service)`).
  const functions: Record<string, ImportRef[]> = {};
  for (const fn of a.functions.values()) {
    const classScope = a.scopes.parent(fn.scope);
    const name = fn.params > 0 && a.idIs(fn.params - 1, '__init__') && a.scopes.parent(classScope) === 0 ? a.scopes.nameOfClass(classScope) : undefined;
    const topLevel = !name && classScope === 0 && fn.params > 1 && a.idIs(fn.params - 2, 'def') ? a.tokens.text(fn.params - 1) : undefined;
    const [, end] = a.scopes.range(fn.scope);
    const made = new Set<string>();
    for (let k = name || topLevel ? a.partner[fn.params] + 1 : end; k > 0 && k < end && made.size < MAX_HANDLERS; k++) {
      if (a.isId(k) && a.is(k + 1, '(') && !a.isAccess(k - 1) && importedRef(a, k)) {
        made.add(a.tokens.text(k));
      }
    }
    if (name && made.size > 0) {
      constructors[name] = refs(made);
    } else if (topLevel && made.size > 0) {
      functions[topLevel] = refs(made);
    }
  }
  const dependedOn = Object.keys(functions).length > 0 ? { functions } : {};
  return perRequest.length > 0 || Object.keys(constructors).length > 0 || Object.keys(functions).length > 0
    ? { perRequest, constructors, ...(dependencies.length > 0 ? { dependencies } : {}), ...dependedOn }
    : undefined;
}

/** The `__init__` of the module-level class of the file named `name`. */
function constructorOf(a: CodeAnalyzer, name: string): FunctionScope | undefined {
  const classScope = a.scopes.classNamed(name);
  const member = classScope > 0 ? a.scopes.member(classScope, '__init__') : undefined;
  const value = member ? a.valueOf(member) : undefined;
  return value?.t === 'function' ? a.functions.get(value.scope) : undefined;
}

/** The clients the file's web request handlers, and in Python the FastAPI dependencies they declare, make on each request. */
export function clientsMadePerRequest(a: CodeAnalyzer): RequestClient[] {
  const reader = READERS[a.language.family];
  // JavaScript: a class a route or its helper constructs, whose constructor makes a client (Python's constructors are
  // read where they make it, `CONSTRUCTOR_READER`; Java's and C#'s through the workspace's classes).
  const constructedClasses = a.language.family === 'js';
  // Python and JavaScript (workspace mode): also a call of another module's function that makes an SDK or Redis client
  // in its body on each call (`BodyClient`); what makes a SQL pool so is `sqlPoolsPerRequest.ts`'s.
  const helperCalls = a.language.family === 'python' || a.language.family === 'js' ? { helperCalls: true } : {};
  const found: RequestClient[] = clientsMadeInHandlers(a, reader && { ...reader, sameFileHelpers: true, constructedClasses, ...helperCalls }, MAX_HANDLERS);
  if (a.language.family === 'python') {
    found.push(...clientsMadeInHandlers(a, DEPENDENCY_READER, MAX_HANDLERS).map((made): RequestClient => ({ ...made, dependency: true })));
    found.push(...clientsMadeInHandlers(a, CONSTRUCTOR_READER, MAX_HANDLERS));
  }
  if (a.language.family === 'csharp') {
    found.push(...clientsMadeInHandlers(a, PER_REQUEST_FACTORY_READER, MAX_HANDLERS).map((made): RequestClient => ({ ...made, registered: true })));
    found.push(...perRequestRegisteredClients(a, javaConstruction).map((made): RequestClient => ({ name: a.tokenSpan(made.name), service: made.service, registered: true })));
  }
  return found;
}

/** The first name of each parameter of a group (`req` of `req: Request`), or undefined for a pattern. */
function parameterNames(a: CodeAnalyzer, params: number): (string | undefined)[] {
  return segments(a, params).map(([start]) => a.id(start));
}

/**
 * `(req, res)`, `(request, reply)`, `(req, res, next)`, typed or not; Next.js's `export async function GET(request)`,
 * also with no parameters; or a Koa or Hono context handler.
 */
function isJsRouteHandler(a: CodeAnalyzer, fn: FunctionScope): boolean {
  if (!a.is(fn.params, '(')) {
    return false;
  }
  if (isExportedMethodHandler(a, fn.params)) {
    return true;
  }
  if (CONTEXT_PARAMETER_NAMES.has(a.id(fn.params + 1) ?? '')) {
    return isContextHandler(a, fn.params);
  }
  // Both other shapes start with the request: one read settles most functions.
  if (!REQUEST_NAMES.has(a.id(fn.params + 1) ?? '')) {
    return false;
  }
  const names = parameterNames(a, fn.params);
  if (names.length >= 2 && names.length <= 3 && REQUEST_NAMES.has(names[0] ?? '') && RESPONSE_NAMES.has(names[1] ?? '')) {
    return true;
  }
  return names.length === 1 && isPathRouteArgument(a, fn.params);
}

/**
 * A route handler exported under an HTTP method's name (`export async function GET(request)`), as Next.js App Router
 * route files (also SvelteKit's and Astro's endpoints) declare them: whatever its parameters are named, and with none
 * at all (`export async function GET()` of a route that reads no request), the framework calls it for every request.
 */
function isExportedMethodHandler(a: CodeAnalyzer, params: number): boolean {
  const exportAt = a.idIs(params - 2, 'function') ? (a.idIs(params - 3, 'async') ? params - 4 : params - 3) : -1;
  return NEXT_ROUTE_HANDLERS.has(a.id(params - 1) ?? '') && exportAt >= 0 && a.idIs(exportAt, 'export') && parameterNames(a, params).length <= 2;
}

/**
 * A handler that takes the request alone, given straight to a route call after its path, as Fastify's handlers that
 * return their reply are written: `app.get('/orders/:id', async (request) => ...)`.
 */
function isPathRouteArgument(a: CodeAnalyzer, params: number): boolean {
  const route = routeCallOf(a, params);
  return route.call > 0 && a.is(route.first - 1, ',') && a.isString(route.call + 1) && a.tokens.text(route.call + 1).startsWith('/');
}

/**
 * The `(` of the route or middleware call (`router.get(`, `app.use(`) a function whose parameters open at `params`
 * is given to straight, or -1; and the function's first token (`async`, `function` or its parameters).
 */
function routeCallOf(a: CodeAnalyzer, params: number): { call: number; first: number } {
  const start = a.idIs(params - 1, 'function') ? params - 1 : params;
  const first = a.idIs(start - 1, 'async') ? start - 1 : start;
  const call = a.parent[first];
  const routeCall = call > 1 && a.is(call, '(') && a.isAccess(call - 2) && ROUTE_METHODS.has(a.id(call - 1) ?? '');
  return { call: routeCall ? call : -1, first };
}

/**
 * A function given straight to a route or middleware call of a Koa or Hono file, taking the context and maybe
 * `next`: `router.get('/orders', async (ctx) => ...)`, `app.use(async function (ctx, next) {...})`.
 */
function isContextHandler(a: CodeAnalyzer, params: number): boolean {
  const names = parameterNames(a, params);
  if (names.length > 2 || (names.length === 2 && names[1] !== 'next') || !contextFrameworkFile.get(a, 'file', () => CONTEXT_FRAMEWORKS.test(a.text))) {
    return false;
  }
  const route = routeCallOf(a, params);
  return route.call > 0 && (a.is(route.first - 1, '(') || a.is(route.first - 1, ','));
}

/** A `def` under a route decorator, or a Django view: `def orders(request)`, `def get(self, request, pk)`. */
function isPythonView(a: CodeAnalyzer, fn: FunctionScope): boolean {
  const params = fn.params;
  const def = a.idIs(params - 2, 'def') ? params - 2 : -1;
  if (def < 0 || !a.is(params, '(')) {
    return false;
  }
  const names = parameterNames(a, params);
  if (names[0] === 'request' || (names[0] === 'self' && names[1] === 'request')) {
    return !readsRequestAsDict(a, fn);
  }
  // A route decorator, called: `@app.get("/orders")`, `@bp.route(...)`, `@api_view([...])`.
  return decoratedWith(a, def, (k) => a.is(k + 1, '(') && PYTHON_ROUTE_DECORATORS.has(a.tokens.text(k)));
}

/**
 * A method under a Spring MVC mapping or a JAX-RS verb (`@GetMapping("/{id}")`, `@GET`), or one that takes the servlet
 * request and response: a servlet's `doGet`, a filter's `doFilter`, a Spring `HandlerInterceptor`'s `preHandle`, each run
 * for every request.
 */
function isJavaEndpoint(a: CodeAnalyzer, fn: FunctionScope): boolean {
  return methodMarked(a, fn, (k) => a.is(k - 1, '@') && SPRING_MAPPINGS.has(a.id(k) ?? '')) || takesServletExchange(a, fn);
}

/** The servlet API's request and response types, `javax.servlet` and `jakarta.servlet` alike (a filter takes their bases). */
const SERVLET_EXCHANGE = [/\b(?:Http)?ServletRequest\b/, /\b(?:Http)?ServletResponse\b/];

function takesServletExchange(a: CodeAnalyzer, fn: FunctionScope): boolean {
  const close = a.is(fn.params, '(') ? a.partner[fn.params] : -1;
  const params = close > fn.params ? a.text.slice(a.tokens.starts[fn.params], a.tokens.ends[close]) : '';
  return SERVLET_EXCHANGE.every((type) => type.test(params));
}

/** An ASP.NET Core action under an HTTP attribute (`[HttpGet("{id}")]`), or a lambda given to `app.MapGet("/", ...)`. */
function isCsharpEndpoint(a: CodeAnalyzer, fn: FunctionScope): boolean {
  const open = a.parent[a.scopes.range(fn.scope)[0]];
  if (open > 0 && a.is(open, '(') && CSHARP_MINIMAL_ROUTES.has(a.id(open - 1) ?? '')) {
    return true;
  }
  return methodMarked(a, fn, (k) => (a.is(k - 1, '[') || a.is(k - 1, ',')) && CSHARP_ACTION_ATTRIBUTES.has(a.id(k) ?? ''));
}


/** `func(w http.ResponseWriter, r *http.Request)`, `func(c *gin.Context)`, `func(c echo.Context) error`, `func(c *fiber.Ctx) error`. */
function isGoHandler(a: CodeAnalyzer, fn: FunctionScope): boolean {
  // A method's scope starts at its receiver: its parameters follow its name (`func (h *Handler) Orders(c echo.Context)`).
  const method = goMethodName(a, fn);
  const open = method >= 0 ? method + 1 : fn.params;
  const close = a.is(open, '(') ? a.partner[open] : -1;
  return close > open && GO_HANDLER_TYPES.test(a.text.slice(a.tokens.starts[open], a.tokens.ends[close]));
}
