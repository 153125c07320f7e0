/**
 * A Query or Scan reply handed to a function of the file that reads the page key off it (`toPage(response)` with
 * `Page toPage(QueryResponse r) { return new Page(items(r), r.hasLastEvaluatedKey() ? r.lastEvaluatedKey() : null); }`,
 * Python's `def next_key(resp): return resp.get("LastEvaluatedKey")`): where that function is called, the caller
 * reads the page key, as if it read it in place, so the call pages what its own function sends (`pagination.ts`).
 */
import type { CodeAnalyzer } from './analyzer';
import { FileMemo } from './fileMemo';
import { helperNameOf } from './forwardedRequests';
import { tokensNamed } from './tokenIndex';

/** Per file, the parameters' `(` of each function, by the name it is declared with; several for a name declared again (an overload). */
const functionsByName = new FileMemo<'functions', Map<string, number[]>>();

/**
 * The name tokens of the calls of same-file functions that read a marker (`markers`, pagination ones) off one of
 * their own parameters: each call reads the page key of what it is given. A name the file declares twice (an
 * overload, a method of two classes) is left alone, for want of knowing which one a call runs.
 */
export function pageKeyHelperCalls(a: CodeAnalyzer, markers: readonly number[]): number[] {
  const calls: number[] = [];
  const helpers = new Set<number>();
  for (const marker of markers) {
    const scope = a.scopes.enclosing(marker, ['function']);
    const fn = scope > 0 ? a.functions.get(scope) : undefined;
    if (!fn || helpers.has(scope) || !readOffParameter(a, marker, fn.params)) {
      continue;
    }
    helpers.add(scope);
    const name = helperNameOf(a, fn.params);
    if (name === undefined || functionsNamed(a).get(name)?.length !== 1) {
      continue;
    }
    calls.push(...callsOf(a, name, scope, fn.params));
  }
  return calls;
}

/** Whether the marker at `marker` is read off a parameter of the list that opens at `params`: `r.lastEvaluatedKey()`, `resp["LastEvaluatedKey"]`, `resp.get("LastEvaluatedKey")`. */
function readOffParameter(a: CodeAnalyzer, marker: number, params: number): boolean {
  let owner = -1;
  if (a.isAccess(marker - 1) && a.isId(marker - 2)) {
    owner = marker - 2;
  } else if (a.is(marker - 1, '[') && a.isId(marker - 2)) {
    owner = marker - 2;
  } else if (a.is(marker - 1, '(') && a.idIs(marker - 2, 'get') && a.isAccess(marker - 3) && a.isId(marker - 4)) {
    owner = marker - 4;
  }
  if (owner < 0 || a.isAccess(owner - 1)) {
    return false;
  }
  const binding = a.scopes.lookup(a.tokens.text(owner), owner);
  return binding !== undefined && a.parent[binding.token] === params;
}

function functionsNamed(a: CodeAnalyzer): Map<string, number[]> {
  return functionsByName.get(a, 'functions', () => {
    const named = new Map<string, number[]>();
    for (const fn of a.functions.values()) {
      const name = a.is(fn.params, '(') ? helperNameOf(a, fn.params) : undefined;
      if (name !== undefined) {
        named.set(name, [...(named.get(name) ?? []), fn.params]);
      }
    }
    return named;
  });
}

/** How many calls of one helper are read, at most: past this many, it is a library's. */
const MAX_CALLS = 32;

/** The name tokens of `name(` and `this.name(` / `self.name(` outside the helper `scope`, but its own declaration. */
function callsOf(a: CodeAnalyzer, name: string, scope: number, params: number): number[] {
  const calls: number[] = [];
  for (const k of tokensNamed(a, name)) {
    const own = !a.isAccess(k - 1) || ((a.idIs(k - 2, 'this') || a.idIs(k - 2, 'self')) && !a.isAccess(k - 3));
    if (own && a.is(k + 1, '(') && k + 1 !== params && a.scopes.enclosing(k, ['function']) !== scope) {
      calls.push(k);
      if (calls.length > MAX_CALLS) {
        return [];
      }
    }
  }
  return calls;
}
