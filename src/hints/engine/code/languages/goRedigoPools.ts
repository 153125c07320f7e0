/**
 * Go interfaces a file declares over redigo's pool, so that its code takes a `*redis.Pool` or a test double
 * (`type pool interface { Get() redis.Conn; Close() error }`, a rate limiter's or cache's store holding one):
 * a value of such a type hands out redigo connections from `Get()` as the pool does. Only an interface whose
 * every method is one of `*redis.Pool`'s (redigo's redis/pool.go: `Get`, `GetContext`, `Close`, `ActiveCount`,
 * `IdleCount`, `Stats`), with `Get() redis.Conn` or `GetContext(ctx) (redis.Conn, error)` among them, counts: an
 * interface of the project's own methods may hand out anything under those names.
 */
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import { Value } from '../values';
import { declaredInterfaces } from './goInterfaces';
import { REDIGO_LIBRARY } from './goRedigo';

/** The pool's methods other than the two that hand out a connection. */
const OTHER_POOL_METHODS = new Set(['Close', 'ActiveCount', 'IdleCount', 'Stats']);

/** The file's interfaces over redigo's pool, by name. */
const poolInterfaces = new FileMemo<'pools', ReadonlySet<string>>();

/** redigo's pool when the declared type at `k` names one of the file's interfaces over it (`pool`, `Pool`), or undefined. */
export function redigoPoolInterface(a: CodeAnalyzer, k: number): Value | undefined {
  const name = a.id(k);
  if (!name || a.isAccess(k - 1) || a.is(k + 1, '.') || !poolInterfaces.get(a, 'pools', () => declaredInterfaces(a, 'redigo', poolMethodsOnly)).has(name)) {
    return undefined;
  }
  return REDIGO_LIBRARY.clientType('Pool', 'redigo');
}

/** Whether an interface body (its `{` at `brace`) holds the pool's methods only, one of them handing out a connection. */
function poolMethodsOnly(a: CodeAnalyzer, brace: number): boolean {
  const close = a.partner[brace];
  let getters = 0;
  for (let k = brace + 1; k > 0 && k < close; k = nextLine(a, k, close)) {
    if (a.is(k, ';')) {
      continue;
    }
    const open = k + 1;
    if (!a.isId(k) || !a.is(open, '(') || a.partner[open] < 0) {
      return false;
    }
    const method = a.tokens.text(k);
    if ((method === 'Get' || method === 'GetContext') && givesConnection(a, a.partner[open] + 1)) {
      getters++;
    } else if (!OTHER_POOL_METHODS.has(method)) {
      return false;
    }
  }
  return getters > 0;
}

/** Whether a method's result at `k` is redigo's connection: `redis.Conn`, or `(redis.Conn, error)`. */
function givesConnection(a: CodeAnalyzer, k: number): boolean {
  const type = a.is(k, '(') ? k + 1 : k;
  return a.goPackages.get(a.id(type) ?? '') === 'redigo' && a.is(type + 1, '.') && a.idIs(type + 2, 'Conn');
}

/** The first token of the next line of the body, or its `}`. */
function nextLine(a: CodeAnalyzer, k: number, close: number): number {
  let j = a.skipGroup(k);
  while (j < close && !a.startsLine(j) && !a.is(j, ';')) {
    j = a.skipGroup(j);
  }
  return a.is(j, ';') ? j + 1 : j;
}
