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

/**
 * Whether the method keeps something in a map or an indexer (`clients[region] = client`) that outlives the call: a
 * cache of the clients it builds. A map the method declares itself (a request's `values.put(":id", ...)`) keeps nothing.
 */
export function fillsCache(a: CodeAnalyzer, scope: number): boolean {
  const [start, end] = a.scopes.range(scope);
  for (let k = start; k < end; k++) {
    const receiver = a.isAccess(k) && a.isId(k + 1) && CACHE_CALLS.has(a.tokens.text(k + 1)) && a.is(k + 2, '(') ? k - 1 : a.is(k, ']') && a.is(k + 1, '=') && a.partner[k] > 0 ? a.partner[k] - 1 : -1;
    if (receiver >= 0 && !declaredIn(a, receiver, scope)) {
      return true;
    }
  }
  return false;
}

/** Whether the name at `token` is a plain name the method at `scope` declares (a local, not a field or a parameter's member). */
function declaredIn(a: CodeAnalyzer, token: number, scope: number): boolean {
  if (!a.isId(token) || a.isAccess(token - 1)) {
    return false;
  }
  const binding = a.scopes.lookup(a.tokens.text(token), token, true);
  const [start, end] = a.scopes.range(scope);
  return binding !== undefined && binding.token > start && binding.token < end && a.scopes.enclosing(binding.token, ['function']) === scope;
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
