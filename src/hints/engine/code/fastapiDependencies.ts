/**
 * FastAPI's dependency injection: a parameter whose default is `Depends(get_table)` (or `Depends(dependency=...)`)
 * receives what FastAPI gets by calling the dependency: what a function returns, or for a generator
 * dependency (`def get_cache(): client = redis.Redis(...); yield client`) what it yields; a class used as a
 * dependency gives an instance of it. A dependency imported from a project module is read as that module's
 * function called with no arguments (workspace mode). A `lambda` without parameters (`Depends(lambda: redis.Redis(...))`)
 * gives its body's value, made on every request.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { FileMemo } from './fileMemo';
import { importedDependency } from './projectImports';
import { tokensNamed } from './tokenIndex';
import { codeOf } from '../tokenCodes';
import { Value } from './values';

const YIELD = codeOf('yield');
const FROM = codeOf('from');
/** The modules that export `Annotated`. */
const TYPING_MODULES = new Set(['typing', 'typing_extensions']);
/** FastAPI's modules that export `Depends`. */
const FASTAPI_MODULES = new Set(['fastapi', 'fastapi.params', 'fastapi.param_functions']);

/** Per file, the functions used as dependencies. */
const dependencyNames = new FileMemo<string, ReadonlySet<string>>();
/** Where each generator function's `yield` expressions start, per file (by function scope). */
const yieldStarts = new FileMemo<number, number[]>();

/** Whether a value is FastAPI's `Depends`. */
export function isFastapiDepends(value: Value): boolean {
  return value.t === 'ref' && value.path === 'Depends' && FASTAPI_MODULES.has(value.module);
}

/** Whether a value is `typing.Annotated`, whose metadata may hold a parameter's `Depends(...)`. */
export function isTypingAnnotated(value: Value | undefined): boolean {
  return value?.t === 'ref' && value.path === 'Annotated' && TYPING_MODULES.has(value.module);
}

/**
 * What FastAPI passes for a parameter annotated `Annotated[T, Depends(get_table)]` (the form FastAPI's documentation
 * recommends), whose brackets open at `open`: the dependency's value; undefined without a `Depends`.
 */
export function annotatedDependency(a: CodeAnalyzer, open: number): Value | undefined {
  for (const [start, end] of segments(a, open).slice(1)) {
    const call = end - 1 > start && a.is(end - 1, ')') ? a.partner[end - 1] : -1;
    const callee = call > start ? a.evalChain(start, call) : undefined;
    if (callee?.end === call && callee.value && isFastapiDepends(callee.value)) {
      return dependencyValue(a, call);
    }
  }
  return undefined;
}

/**
 * The functions (and classes) of the file that FastAPI calls on every request it serves, as the dependency of a
 * parameter (`cache: Redis = Depends(get_cache)`, `Annotated[Redis, Depends(get_cache)]`, and the declared class of
 * `service: OrderService = Depends()`): by name.
 */
export function perRequestDependencies(a: CodeAnalyzer): ReadonlySet<string> {
  return dependencyNames.get(a, 'file', () => {
    const names = new Set<string>();
    for (const k of a.text.includes('Depends') ? tokensNamed(a, 'Depends') : []) {
      if (!a.is(k + 1, '(')) {
        continue;
      }
      const callee = a.evalChain(k, k + 1).value;
      const argument = a.idIs(k + 2, 'dependency') && a.is(k + 3, '=') ? k + 4 : k + 2;
      if (!callee || !isFastapiDepends(callee)) {
        continue;
      }
      if (a.isId(argument) && (a.is(argument + 1, ')') || a.is(argument + 1, ','))) {
        names.add(a.tokens.text(argument));
      }
      // `service: OrderService = Depends()`, `Annotated[OrderService, Depends()]`: FastAPI makes the declared class.
      const declared = a.is(k - 1, '=') && a.is(k - 3, ':') ? k - 2 : a.is(k - 1, ',') && a.is(k - 3, '[') ? k - 2 : -1;
      if (a.is(k + 2, ')') && declared > 0 && a.isId(declared)) {
        names.add(a.tokens.text(declared));
      }
    }
    return names;
  });
}

/** What FastAPI passes for `Depends(...)` whose arguments open at `open` (see the module comment). */
export function dependencyValue(a: CodeAnalyzer, open: number): Value | undefined {
  const [first] = segments(a, open);
  if (!first) {
    return undefined;
  }
  let [start] = first;
  const end = first[1];
  if (a.idIs(start, 'dependency') && a.is(start + 1, '=')) {
    start += 2;
  } else if (a.isId(start) && a.is(start + 1, '=')) {
    return undefined;
  }
  // `Depends(lambda: boto3.resource("dynamodb").Table("items"))`: FastAPI calls the lambda, which gives its body's value.
  if (isDependencyLambda(a, start)) {
    const body = a.evalChain(start + 2, end);
    return body.end === end ? body.value : undefined;
  }
  const dependency = a.evalChain(start, end);
  const value = dependency.end === end ? dependency.value : undefined;
  if (value?.t === 'function') {
    return a.returnValue(value) ?? yieldedValue(a, value.scope);
  }
  if (value?.t === 'instance' && value.classObject) {
    return { t: 'instance', classScope: value.classScope };
  }
  // The call FastAPI makes passes nothing of this file's: no strings for the function's parameters.
  return value?.t === 'ref' ? importedDependency(a, value.module, value.path) : undefined;
}

/** What a generator function yields first that has a value (`yield client`; not `yield from`). */
export function yieldedValue(a: CodeAnalyzer, scope: number): Value | undefined {
  const starts = yieldStarts.get(a, scope, () => {
    const [from, to] = a.scopes.range(scope);
    const found: number[] = [];
    for (let k = from; k < to; k++) {
      if (a.tokens.codes[k] === YIELD && a.tokens.codes[k + 1] !== FROM && !a.startsLine(k + 1) && a.scopes.enclosing(k, ['function']) === scope) {
        found.push(k + 1);
      }
    }
    return found;
  });
  for (const start of starts) {
    const value = a.valueOf(a.expressionBinding(start));
    if (value) {
      return value;
    }
  }
  return undefined;
}

/**
 * Whether the token at `params` is a `lambda` without parameters given to FastAPI's `Depends` as its dependency
 * (`Depends(lambda: redis.Redis(...))`, `Depends(dependency=lambda: ...)`): FastAPI calls it on every request.
 */
export function isDependencyLambda(a: CodeAnalyzer, params: number): boolean {
  if (!a.idIs(params, 'lambda') || !a.is(params + 1, ':')) {
    return false;
  }
  const keyword = a.is(params - 1, '=') && a.idIs(params - 2, 'dependency');
  const open = keyword ? params - 3 : params - 1;
  const callee = a.is(open, '(') && a.partner[open] > params && a.isId(open - 1) ? a.evalChain(open - 1, open).value : undefined;
  return callee !== undefined && isFastapiDepends(callee);
}
