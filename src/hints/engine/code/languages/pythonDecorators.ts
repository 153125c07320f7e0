/**
 * Python decorators above a `def`, read from the `def` upwards: what they make of the function for the
 * scope model (an accessor, a setter, a context manager, a wrapper that may change what it returns), and
 * whether any of them may keep or replace what each call returns (`@lru_cache`, a project's `@memoize`).
 */
import type { CodeAnalyzer } from '../analyzer';
import { MARKER_LOOKBACK } from '../methodMarkers';

/** Decorators that turn a method into an attribute whose value is what the method returns. */
const ACCESSOR_DECORATORS = new Set(['property', 'cached_property', 'functools.cached_property', 'functional.cached_property']);
/**
 * Decorators that give back what the function returns: caches (functools, cachetools) and the method
 * kinds. A function under any other may return something else, so it is read with a call's strings only under these.
 */
const KEEPING_DECORATORS = /^(?:(?:functools|cachetools(?:\.func)?)\.)?(?:cache|lru_cache|cached|ttl_cache)$|^(?:staticmethod|classmethod)$/;
/** Decorators that make a generator a context manager: `with f() as x` binds `x` to what it yields. */
const CONTEXT_MANAGER_DECORATORS = new Set(['contextmanager', 'asynccontextmanager', 'contextlib.contextmanager', 'contextlib.asynccontextmanager']);
/** The method kinds, which call the function as it is written each time. */
const METHOD_KINDS = new Set(['staticmethod', 'classmethod']);
/** Decorators read above one `def`: more than real code stacks. */
const MAX_DECORATORS = 8;
/** Tokens read back over one decorator's arguments. */
const MAX_DECORATOR_TOKENS = 64;

/** Whether a token starts a logical line (not a continuation inside brackets). */
export function startsStatement(a: CodeAnalyzer, k: number): boolean {
  return a.parent[k] === -1 && (a.startsLine(k) || a.is(k - 1, ';'));
}

/** The dotted names of the decorators above the `def` (or `async`) at `def`, nearest first. */
export function decoratorNames(a: CodeAnalyzer, def: number): string[] {
  const names: string[] = [];
  let next = def;
  for (let guard = 0; guard < MAX_DECORATORS && next > 0; guard++) {
    let start = next - 1;
    for (let steps = 0; start > 0 && steps < MAX_DECORATOR_TOKENS && !startsStatement(a, start); steps++) {
      start = a.partner[start] >= 0 && a.partner[start] < start ? a.partner[start] - 1 : start - 1;
    }
    if (!a.is(start, '@') || !startsStatement(a, start)) {
      break;
    }
    names.push(a.dottedPath(start + 1).text);
    next = start;
  }
  return names;
}

/**
 * What the decorators above a `def` make of it: an `accessor` (`@property`, `@cached_property`: reading
 * the attribute runs it), a `mutator` (`@x.setter`, `@x.deleter`: reading the attribute does not run it),
 * a `context` manager (`@contextmanager`: what it yields is what `with` binds), or `wrapped` by a decorator
 * that may change what it returns (none of `KEEPING_DECORATORS`).
 */
export function decoration(a: CodeAnalyzer, def: number): 'accessor' | 'mutator' | 'context' | 'wrapped' | undefined {
  let role: 'accessor' | 'mutator' | 'context' | undefined;
  let wrapped = false;
  for (const name of decoratorNames(a, def)) {
    if (ACCESSOR_DECORATORS.has(name)) {
      role ??= 'accessor';
    } else if (CONTEXT_MANAGER_DECORATORS.has(name)) {
      role ??= 'context';
    } else if (/\.(?:setter|deleter)$/.test(name)) {
      role = 'mutator';
    } else if (!KEEPING_DECORATORS.test(name)) {
      wrapped = true;
    }
  }
  return role ?? (wrapped ? 'wrapped' : undefined);
}

/** Whether the `def` at `def` (or its `async`) is a `@staticmethod`, whose parameters are what callers pass, `self` and `cls` too. */
export function isStaticMethod(a: CodeAnalyzer, def: number): boolean {
  return decoratorNames(a, a.idIs(def - 1, 'async') ? def - 1 : def).includes('staticmethod');
}

/** Whether the `def` at `def` (or its `async`) is a `@classmethod`, whose `cls` is its class. */
export function isClassMethod(a: CodeAnalyzer, def: number): boolean {
  return decoratorNames(a, a.idIs(def - 1, 'async') ? def - 1 : def).includes('classmethod');
}

/**
 * Whether a decorator above the `def` at `def` may hand back an earlier call's result: a cache (`@lru_cache`,
 * `@functools.cache`, `@cached_property`) or any decorator of unknown effect (`@memoize`, `@singleton`); only the
 * method kinds and the context managers (each `with f()` runs the generator anew) call the function as written each time.
 */
export function mayKeepResult(a: CodeAnalyzer, def: number): boolean {
  // Decorators sit above an `async def`'s `async`.
  return decoratorNames(a, a.idIs(def - 1, 'async') ? def - 1 : def).some((name) => !METHOD_KINDS.has(name) && !CONTEXT_MANAGER_DECORATORS.has(name));
}

/**
 * The function scope of the `def` that the decorator holding token `k` decorates (`@backoff.on_predicate(...,
 * predicate=lambda r: r["UnprocessedItems"])` above `def _write(req):`), or -1 when `k` is in no decorator.
 */
export function decoratedScope(a: CodeAnalyzer, k: number): number {
  let outer = k;
  while (a.parent[outer] >= 0) {
    outer = a.parent[outer];
  }
  let start = outer;
  for (let steps = 0; start > 0 && steps < MAX_DECORATOR_TOKENS && !startsStatement(a, start); steps++) {
    start = a.partner[start] >= 0 && a.partner[start] < start ? a.partner[start] - 1 : start - 1;
  }
  if (!a.is(start, '@') || !startsStatement(a, start)) {
    return -1;
  }
  // Past this decorator and any below it, to the `def`.
  let next = a.partner[outer] > outer ? a.partner[outer] + 1 : outer + 1;
  for (let decorators = 0; decorators < MAX_DECORATORS; decorators++) {
    for (let steps = 0; next < a.tokens.length && steps < MAX_DECORATOR_TOKENS && !startsStatement(a, next); steps++) {
      next = a.partner[next] > next ? a.partner[next] + 1 : next + 1;
    }
    if (!a.is(next, '@')) {
      break;
    }
    next++;
  }
  const def = a.idIs(next, 'async') ? next + 1 : next;
  if (!a.idIs(def, 'def')) {
    return -1;
  }
  for (const fn of a.functions.values()) {
    if (fn.params === def + 2) {
      return fn.scope;
    }
  }
  return -1;
}

/**
 * Whether a decorator on the lines just above the `def` at `def` (or `async def`) ends with a name `matches`
 * accepts: `@app.get("/orders")`, `@functools.lru_cache(maxsize=1)`.
 */
export function decoratedWith(a: CodeAnalyzer, def: number, matches: (name: number) => boolean): boolean {
  for (let k = def - 1, steps = 0; k >= 0 && steps < MARKER_LOOKBACK; k--, steps++) {
    if (a.isId(k) && matches(k) && decoratorAt(a, k)) {
      return true;
    }
    if (a.startsLine(k) && !a.is(k, '@') && !a.idIs(k, 'async')) {
      return false;
    }
  }
  return false;
}

/** Whether the name at `k` is the last name of a decorator's dotted path (`@app.get`, `@api_view`). */
function decoratorAt(a: CodeAnalyzer, k: number): boolean {
  let start = k;
  while (a.isAccess(start - 1) && a.isId(start - 2)) {
    start -= 2;
  }
  return a.is(start - 1, '@');
}
