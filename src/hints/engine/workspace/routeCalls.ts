/**
 * Code that runs per request across modules. The methods of injected services that a NestJS controller's
 * routes call (`code/nestRoutes.ts`), for the files that declare those services; and the Python classes that
 * views and FastAPI dependencies make per request (`Depends(OrderLogic)`), followed through the constructors of
 * other modules (`self.cache = OrderCache()`), for the files that declare them.
 */
import { CodeAnalyzer } from '../code/analyzer';
import { javascript, typescript } from '../code/languages/javascript';
import { python } from '../code/languages/python';
import { NEST_COMMON, nestRouteCalls, nestServiceCalls } from '../code/nestRoutes';
import { requestClassImports } from '../code/webHandlers';
import { isTestDoubleFile } from '../code/testDoubles';
import { LineIndex } from '../text';
import type { Target } from './importTargets';
import type { ImportRef, RequestClasses, RouteCall, ServiceCall } from './types';

/** A controller, or a GraphQL resolver class whose `@Query()` and `@Mutation()` methods run per request as routes do. */
const CONTROLLER = /@(?:Controller|Resolver)\s*\(/;
const NEST_GRAPHQL = '@nestjs/graphql';
const INJECTABLE = /@Injectable\s*\(/;
const TEST_FILE = /\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?$/;
const PYTHON_TEST_FILE = /(?:^|\/)tests?\/|(?:^|\/)(?:test_[^/]*|[^/]*_test|conftest)\.py$/;
/** A Python file that may declare a view, a FastAPI dependency or a constructor, as formatters write them. */
const PYTHON_REQUEST_CODE = /\bDepends\b|\bdef __init__\b|\(\s*(?:self\s*,\s*)?request\b|@\w+(?:\.\w+)*\.(?:route|get|post|put|patch|delete|api_route)\s*\(|@api_view\b/;

/** Whether a Python file may make classes per request or in its constructors, from its path and text alone. */
export function mayMakeRequestClasses(file: string, kind: string, text: string): boolean {
  return kind === 'python' && !PYTHON_TEST_FILE.test(file) && text.includes('import') && PYTHON_REQUEST_CODE.test(text);
}

export function indexRequestClasses(text: string): RequestClasses | undefined {
  const a = new CodeAnalyzer(text, python, new LineIndex(text));
  a.bind();
  return requestClassImports(a);
}

/** Whether a file may be a NestJS controller or a service that calls other services, from its path and text alone. */
export function mayCallServices(file: string, kind: string, text: string): boolean {
  return (kind === 'typescript' || kind === 'javascript') && !TEST_FILE.test(file) && !isTestDoubleFile(file) && (text.includes(NEST_COMMON) || text.includes(NEST_GRAPHQL)) && (CONTROLLER.test(text) || INJECTABLE.test(text));
}

/** A controller's route calls, and the calls every method of the file's classes makes of injected services. */
export function indexRouteCalls(kind: 'javascript' | 'typescript', text: string): { routeCalls?: RouteCall[]; serviceCalls?: ServiceCall[] } {
  const a = new CodeAnalyzer(text, kind === 'typescript' ? typescript : javascript, new LineIndex(text));
  a.bind();
  const serviceCalls = nestServiceCalls(a);
  return { ...(CONTROLLER.test(text) ? { routeCalls: nestRouteCalls(a) } : {}), ...(serviceCalls.length > 0 ? { serviceCalls } : {}) };
}

/**
 * The files that declare what a reference resolves to: the first candidate the workspace knows, else each
 * candidate (a file that contributes nothing itself is not known, and only the real file asks).
 */
function declaringFiles(found: Target | undefined, known: (file: string) => boolean): readonly string[] {
  const declaring = found?.files.find(known);
  return declaring !== undefined ? [declaring] : (found?.files ?? []);
}

/** How many services deep a route's calls are followed (controller, service, repository, ...): far past real layering. */
const MAX_SERVICE_DEPTH = 6;

/**
 * By declaring file and class, the methods the controllers' routes call, and then the methods those methods
 * call of the services they inject (`services`, by file), as far as real layering goes: the first candidate file
 * the workspace knows, else each candidate.
 */
export function routeCalledIndex(
  controllers: ReadonlyMap<string, readonly RouteCall[]>,
  target: (file: string, module: string, path: string) => Target | undefined,
  known: (file: string) => boolean,
  services: ReadonlyMap<string, readonly ServiceCall[]> = new Map(),
): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  let frontier: [string, string, string][] = [];
  const add = (file: string, call: RouteCall): void => {
    const found = target(file, call.module, call.path);
    for (const candidate of declaringFiles(found, known)) {
      const key = `${candidate}\0${found!.name}`;
      const methods = index.get(key) ?? new Set<string>();
      index.set(key, methods);
      for (const method of call.methods) {
        if (!methods.has(method)) {
          methods.add(method);
          frontier.push([candidate, found!.name, method]);
        }
      }
    }
  };
  controllers.forEach((calls, file) => calls.forEach((call) => add(file, call)));
  for (let depth = 0; depth < MAX_SERVICE_DEPTH && frontier.length > 0; depth++) {
    const reached = frontier;
    frontier = [];
    for (const [file, className, method] of reached) {
      for (const call of services.get(file) ?? []) {
        if (call.className === className && call.method === method) {
          add(file, call);
        }
      }
    }
  }
  return index;
}

/** How many constructors deep the classes made per request are followed: far past real layering. */
const MAX_DEPTH = 8;

/**
 * By declaring file, the classes made per request: the ones views and dependencies make, then the ones the
 * constructors of those make, as each file's imports resolve (`target`).
 */
export function requestClassIndex(
  contributions: ReadonlyMap<string, RequestClasses>,
  target: (file: string, module: string, path: string) => Target | undefined,
  known: (file: string) => boolean,
): Map<string, Set<string>> {
  const made = new Set<string>();
  const add = (file: string, refs: readonly ImportRef[], next: string[]): void => {
    for (const { module, path } of refs) {
      const found = target(file, module, path);
      for (const candidate of declaringFiles(found, known)) {
        const key = `${candidate}\0${found!.name}`;
        if (!made.has(key)) {
          made.add(key);
          next.push(key);
        }
      }
    }
  };
  let frontier: string[] = [];
  contributions.forEach(({ perRequest, dependencies }, file) => {
    add(file, perRequest, frontier);
    // A function of another module given to FastAPI as a dependency: what it constructs, it constructs per request.
    for (const { module, path } of dependencies ?? []) {
      const found = target(file, module, path);
      for (const candidate of declaringFiles(found, known)) {
        const made = contributions.get(candidate)?.functions?.[found!.name];
        if (made) {
          add(candidate, made, frontier);
        }
      }
    }
  });
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const key of frontier) {
      const [file, name] = key.split('\0');
      const made = contributions.get(file)?.constructors[name];
      if (made) {
        add(file, made, next);
      }
    }
    frontier = next;
  }
  const index = new Map<string, Set<string>>();
  for (const key of made) {
    const [file, name] = key.split('\0');
    index.set(file, (index.get(file) ?? new Set<string>()).add(name));
  }
  return index;
}

/** By declaring file, the functions other files give FastAPI as dependencies, as each file's imports resolve (`target`). */
export function dependencyIndex(
  contributions: ReadonlyMap<string, RequestClasses>,
  target: (file: string, module: string, path: string) => Target | undefined,
  known: (file: string) => boolean,
): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  contributions.forEach(({ dependencies }, file) => {
    for (const { module, path } of dependencies ?? []) {
      const found = target(file, module, path);
      for (const candidate of declaringFiles(found, known)) {
        index.set(candidate, (index.get(candidate) ?? new Set<string>()).add(found!.name));
      }
    }
  });
  return index;
}
