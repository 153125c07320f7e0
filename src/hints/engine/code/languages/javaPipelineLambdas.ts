/**
 * Java lambdas whose untyped parameter is the one value a single-value pipeline starts from, when that value is
 * a client: the first step after `Uni.createFrom().item(x)` (Mutiny; also after its `onItem()` group),
 * `Mono.just(x)` / `Mono.fromCallable(() -> x)` (Reactor), `Optional.of(x)` or
 * `CompletableFuture.supplyAsync(() -> x)` receives `x` (or the supplier's result) as its parameter:
 * `Uni.createFrom().item(() -> enhanced.table(NAME, schema)).map(table -> table.getItem(key))`. Later steps
 * receive what the step before returned, so only the first is read.
 */
import { ScopeTree } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { FunctionScope } from '../language';
import { Value } from '../values';

/** Steps that hand the pipeline's value to their lambda: Mutiny, Reactor, RxJava, `Optional`, `CompletableFuture`. */
const STEPS = new Set([
  'map', 'flatMap', 'transform', 'chain', 'invoke', 'call', 'transformToUni', 'transformToMulti', 'flatMapMany', 'doOnNext',
  'doOnSuccess', 'ifPresent', 'filter', 'thenApply', 'thenApplyAsync', 'thenAccept', 'thenAcceptAsync', 'thenCompose', 'thenComposeAsync',
]);
/** Calls between the source and its first step that hand the value on unchanged (Mutiny's `onItem()` group, schedulers). */
const PASS_THROUGH = new Set(['onItem', 'emitOn', 'runSubscriptionOn', 'subscribeOn', 'publishOn']);
/** Sources by the class or call they are made on: `Mono.just(x)`, `Optional.of(x)`, `Uni.createFrom().item(x)`. */
const SOURCES: Record<string, ReadonlySet<string>> = {
  Mono: new Set(['just', 'justOrEmpty', 'fromCallable', 'fromSupplier']),
  Flux: new Set(['just']),
  Single: new Set(['just', 'fromCallable', 'fromSupplier']),
  Maybe: new Set(['just', 'fromCallable', 'fromSupplier']),
  Optional: new Set(['of', 'ofNullable']),
  CompletableFuture: new Set(['completedFuture', 'supplyAsync']),
  createFrom: new Set(['item']),
};

/** Binds the parameter of the first step of each pipeline above whose source value is a client. */
export function bindPipelineLambdas(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  for (const fn of a.functions.values()) {
    const parameter = untypedParameter(a, fn);
    const value = parameter === undefined ? undefined : sourceValue(a, fn.params);
    if (parameter !== undefined && value?.t === 'client') {
      tree.bind(fn.scope, a.tokens.text(parameter), { token: parameter, expression: -1, declared: value });
    }
  }
}

/** The one untyped parameter of a lambda: `table ->`, `(table) ->`. */
function untypedParameter(a: CodeAnalyzer, fn: FunctionScope): number | undefined {
  if (a.isId(fn.params) && a.is(fn.params + 1, '->')) {
    return fn.params;
  }
  return a.is(fn.params, '(') && a.isId(fn.params + 1) && a.is(fn.params + 2, ')') && a.is(fn.params + 3, '->') ? fn.params + 1 : undefined;
}

/** The client a pipeline's source gives the lambda that starts at `start`, where that lambda is its first step's only argument. */
function sourceValue(a: CodeAnalyzer, start: number): Value | undefined {
  const open = a.parent[start];
  if (open !== start - 1 || !a.is(open, '(') || !a.isId(open - 1) || !STEPS.has(a.tokens.text(open - 1)) || !a.isAccess(open - 2)) {
    return undefined;
  }
  let close = open - 3;
  while (a.is(close, ')') && a.partner[close] === close - 1 && a.isId(close - 2) && PASS_THROUGH.has(a.tokens.text(close - 2)) && a.isAccess(close - 3)) {
    close -= 4;
  }
  const source = a.is(close, ')') ? a.partner[close] : -1;
  if (source <= 2 || !a.isId(source - 1) || !a.isAccess(source - 2) || !madeBy(a, source - 3)?.has(a.tokens.text(source - 1))) {
    return undefined;
  }
  return argumentValue(a, source);
}

/** The source methods of what ends at `end`: a class name (`Mono`), or Mutiny's `createFrom()`. */
function madeBy(a: CodeAnalyzer, end: number): ReadonlySet<string> | undefined {
  if (a.is(end, ')') && a.partner[end] === end - 1 && a.idIs(end - 2, 'createFrom')) {
    return SOURCES.createFrom;
  }
  return a.isId(end) && !a.isAccess(end - 1) && Object.hasOwn(SOURCES, a.tokens.text(end)) && a.tokens.text(end) !== 'createFrom' ? SOURCES[a.tokens.text(end)] : undefined;
}

/** The value of a source call's one argument: an expression, or what a `() -> expression` supplier returns. */
function argumentValue(a: CodeAnalyzer, open: number): Value | undefined {
  const close = a.partner[open];
  const supplier = a.is(open + 1, '(') && a.is(open + 2, ')') && a.is(open + 3, '->');
  const from = supplier ? open + 4 : open + 1;
  if (close <= from || a.is(from, '{')) {
    return undefined;
  }
  const chain = a.evalChain(from, close);
  return chain.end === close ? chain.value : undefined;
}
