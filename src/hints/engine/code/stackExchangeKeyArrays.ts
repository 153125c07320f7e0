/**
 * StackExchange.Redis `StringGet(keys)` given a key array built with LINQ, which sends one MGET
 * (`stackExchangeRedis.ts`): a collection of keys turned into an array in place, `StringGet(keys.ToArray())` with
 * `keys` declared `IEnumerable<RedisKey>` (or `List<RedisKey>`, `ICollection<RedisKey>`, `HashSet<RedisKey>`), or a
 * local bound once to such an array, `var keys = names.Select(n => new RedisKey(n)).ToArray();`.
 */
import type { CodeAnalyzer } from './analyzer';
import { bindingEnd } from './names';

const KEY_COLLECTIONS = new Set(['IEnumerable', 'IReadOnlyCollection', 'IReadOnlyList', 'ICollection', 'IList', 'List', 'HashSet', 'ISet']);
/** Tokens of a bound expression read for the keys it converts. */
const MAX_EXPRESSION = 120;

/** Whether the one argument between `open` and `close` is a key array built as the module's comment says. */
export function builtKeyArray(a: CodeAnalyzer, open: number, close: number): boolean {
  const first = open + 1;
  if (!a.isId(first)) {
    return false;
  }
  // `keys.ToArray()`
  if (a.isAccess(first + 1) && a.idIs(first + 2, 'ToArray') && a.is(first + 3, '(') && a.is(first + 4, ')') && first + 5 === close) {
    return declaredKeyCollection(a, first);
  }
  return first + 1 === close && boundToKeyArray(a, first);
}

/** Whether the name at `at` is declared as a collection of `RedisKey` (`IEnumerable<RedisKey> keys`). */
function declaredKeyCollection(a: CodeAnalyzer, at: number): boolean {
  const binding = a.scopes.lookup(a.tokens.text(at), at);
  const declared = binding ? binding.token : -1;
  return declared > 3 && a.is(declared - 1, '>') && a.idIs(declared - 2, 'RedisKey') && a.is(declared - 3, '<') && KEY_COLLECTIONS.has(a.tokens.text(declared - 4));
}

/** Whether the name at `at` is bound once to an expression that ends in `.ToArray()` and makes `RedisKey`s (`new RedisKey(k)`, `(RedisKey)k`). */
function boundToKeyArray(a: CodeAnalyzer, at: number): boolean {
  const binding = a.scopes.lookup(a.tokens.text(at), at);
  const from = binding && !binding.method ? binding.expression : -1;
  if (from < 0) {
    return false;
  }
  const end = bindingEnd(a, from);
  if (end - from > MAX_EXPRESSION || !(a.idIs(end - 3, 'ToArray') && a.is(end - 2, '(') && a.is(end - 1, ')') && a.isAccess(end - 4))) {
    return false;
  }
  for (let k = from; k < end - 4; k++) {
    if (a.idIs(k, 'RedisKey') && ((a.idIs(k - 1, 'new') && a.is(k + 1, '(')) || (a.is(k - 1, '(') && a.is(k + 1, ')')))) {
      return true;
    }
  }
  return false;
}
