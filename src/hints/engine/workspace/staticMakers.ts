/**
 * Java and C# static methods that build a client on each call (`public static DynamoDbClient dynamo() { return
 * DynamoDbClient.builder().build(); }`, `public static IAmazonDynamoDB Create() => new AmazonDynamoDBClient();`),
 * which `classFields.ts` marks so that a Lambda handler of another file calling `ClientFactory.dynamo()` is known to
 * make a client on each invocation (`code/handlerClients.ts`). The construction must sit in the method's own body
 * (not in a lambda it hands a cache, `computeIfAbsent(k, x -> ...)`), name none of its parameters, and not be kept
 * in a field (`if (client == null) client = ...`) or a map (`CACHE.put(region, client)`); a `Lazy<T>` or holder field the method returns builds nothing there.
 */
import type { CodeAnalyzer } from '../code/analyzer';
import { clientsMadeInHandlers, javaConstruction } from '../code/handlerClients';

/** How far back from a method's name its modifiers are looked for (`public static synchronized DynamoDbClient`). */
const MODIFIER_REACH = 12;

/** Whether the method whose name sits at `token` is static and builds a new client in its own body on each call. */
export function staticMakerAt(a: CodeAnalyzer, token: number): boolean {
  const fn = isStatic(a, token) ? [...a.functions.values()].find((candidate) => candidate.params === token + 1) : undefined;
  if (!fn) {
    return false;
  }
  if (fillsCache(a, fn.scope)) {
    return false;
  }
  const own = (_: CodeAnalyzer, k: number) => (a.scopes.enclosing(k, ['function']) === fn.scope ? javaConstruction(a, k) : undefined);
  return clientsMadeInHandlers(a, { mayDeclare: () => true, isHandler: (_, found) => found.scope === fn.scope, construction: own }, 1).length > 0;
}

/** Calls that keep a value in a map (`CACHE.put(region, client)`, `Clients.TryAdd(key, client)`) for later calls. */
const CACHE_CALLS = new Set(['put', 'putIfAbsent', 'TryAdd', 'Add', 'AddOrUpdate']);

/** Whether the method keeps something in a map or an indexer (`clients[region] = client`): a cache of the clients it builds. */
export function fillsCache(a: CodeAnalyzer, scope: number): boolean {
  const [start, end] = a.scopes.range(scope);
  for (let k = start; k < end; k++) {
    if ((a.isAccess(k) && a.isId(k + 1) && CACHE_CALLS.has(a.tokens.text(k + 1)) && a.is(k + 2, '(')) || (a.is(k, ']') && a.is(k + 1, '='))) {
      return true;
    }
  }
  return false;
}

function isStatic(a: CodeAnalyzer, token: number): boolean {
  for (let k = token - 1; k >= 0 && k >= token - MODIFIER_REACH; k--) {
    if (a.is(k, ';') || a.is(k, '{') || a.is(k, '}') || a.is(k, ']')) {
      return false;
    }
    if (a.idIs(k, 'static')) {
      return true;
    }
  }
  return false;
}
