/**
 * NestJS request handling: a controller method under a route decorator (`@Get(':id')`) runs once per request, as
 * does a resolver method under `@Query()` or `@Mutation()` (`graphqlResolvers.ts`), and so does a method of an injected service that such a method calls (`this.books.findOne(id)` with
 * `constructor(private readonly books: BookService)`). The calls are read in the controller's file, for the
 * workspace index (`workspace/routeCalls.ts`), and the service's file asks which of its methods are called so.
 * A provider factory (`useFactory`) or a method no route reaches is not per request, and stays silent.
 */
import type { RouteCall, ServiceCall } from '../workspace/types';
import type { CodeAnalyzer } from './analyzer';
import type { FunctionScope } from './language';
import { isDecoratedResolver } from './graphqlResolvers';
import { methodMarked } from './methodMarkers';

export const NEST_COMMON = '@nestjs/common';
const NEST_ROUTES = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'All']);
/** Calls kept per controller file: far more than a real controller makes. */
const MAX_CALLS = 128;
/** TypeScript's parameter properties: a constructor parameter so marked is a field of the instance. */
const PARAMETER_PROPERTY = new Set(['private', 'public', 'protected', 'readonly']);

/** A controller method under a route decorator of NestJS: `@Get(':id') async findOne(@Param('id') id: string) {...}`. */
export function isNestRoute(a: CodeAnalyzer, fn: FunctionScope): boolean {
  return methodMarked(a, fn, (k) => a.is(k - 1, '@') && a.is(k + 1, '(') && NEST_ROUTES.has(a.id(k) ?? '') && a.imports.get(a.tokens.text(k))?.module === NEST_COMMON);
}

/** A method of a module-level class that a NestJS route of another file calls (workspace mode only). */
export function isRouteCalledMethod(a: CodeAnalyzer, fn: FunctionScope): boolean {
  const classScope = a.scopes.parent(fn.scope);
  const className = classScope > 0 && a.scopes.parent(classScope) === 0 ? a.scopes.nameOfClass(classScope) : undefined;
  const name = a.is(fn.params, '(') ? a.id(fn.params - 1) : undefined;
  return className !== undefined && name !== undefined && a.project?.routeCalledMethods?.(className).includes(name) === true;
}

/**
 * The services the file's NestJS routes call: `this.books.findOne(id)` in a route method, where `books` is a
 * parameter property typed by an imported class (`private readonly books: BookService`).
 */
export function nestRouteCalls(a: CodeAnalyzer): RouteCall[] {
  const byClass = new Map<string, RouteCall>();
  const budget = { left: MAX_CALLS };
  for (const fn of a.functions.values()) {
    if (fn.params >= 0 && fn.body >= 0 && (isNestRoute(a, fn) || isDecoratedResolver(a, fn))) {
      serviceCallsIn(a, fn, byClass, budget);
    }
  }
  return [...byClass.values()];
}

/**
 * The services each method of the file's module-level classes calls the same way (`this.repository.byId(id)`
 * in `CatalogService.product`), so that a service a route reaches through another service runs per request
 * too: by class and method, for the workspace index.
 */
export function nestServiceCalls(a: CodeAnalyzer): ServiceCall[] {
  const found: ServiceCall[] = [];
  const budget = { left: MAX_CALLS };
  for (const fn of a.functions.values()) {
    const classScope = fn.params >= 0 && fn.body >= 0 ? a.scopes.parent(fn.scope) : -1;
    const className = classScope > 0 && a.scopes.parent(classScope) === 0 ? a.scopes.nameOfClass(classScope) : undefined;
    const method = a.is(fn.params, '(') ? a.id(fn.params - 1) : undefined;
    if (className === undefined || method === undefined || method === 'constructor' || isNestRoute(a, fn) || isDecoratedResolver(a, fn)) {
      continue;
    }
    const byClass = new Map<string, RouteCall>();
    serviceCallsIn(a, fn, byClass, budget);
    byClass.forEach((call) => found.push({ className, method, ...call }));
  }
  return found;
}

/** The `this.field.method(...)` calls in the body of `fn` on services its class injects, by the service's import. */
function serviceCallsIn(a: CodeAnalyzer, fn: FunctionScope, byClass: Map<string, RouteCall>, budget: { left: number }): void {
  const classScope = a.scopes.parent(fn.scope);
  const [, end] = a.scopes.range(fn.scope);
  for (let k = fn.body + 1; k + 5 < end && budget.left > 0; k++) {
    const field = a.idIs(k, 'this') && a.isAccess(k + 1) && a.isAccess(k + 3) && a.is(k + 5, '(') ? a.id(k + 2) : undefined;
    const method = field !== undefined ? a.id(k + 4) : undefined;
    const imported = field !== undefined && method !== undefined ? fieldClass(a, classScope, field) : undefined;
    if (!imported || method === undefined) {
      continue;
    }
    const key = `${imported.module}\0${imported.path}`;
    const call = byClass.get(key) ?? { module: imported.module, path: imported.path, methods: [] };
    byClass.set(key, call);
    if (!call.methods.includes(method)) {
      call.methods.push(method);
      budget.left--;
    }
  }
}

/** The imported class a parameter property of the class is typed by (`private readonly books: BookService`). */
function fieldClass(a: CodeAnalyzer, classScope: number, field: string): { module: string; path: string } | undefined {
  const [start, end] = a.scopes.range(classScope);
  for (let k = start + 1; k + 2 < end; k++) {
    if (a.idIs(k, field) && PARAMETER_PROPERTY.has(a.id(k - 1) ?? '') && a.is(k + 1, ':') && a.isId(k + 2) && !a.isAccess(k + 3)) {
      const imported = a.imports.get(a.tokens.text(k + 2));
      return imported && imported.path !== '' ? imported : undefined;
    }
  }
  return undefined;
}
