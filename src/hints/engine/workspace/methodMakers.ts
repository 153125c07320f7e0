/**
 * Java and C# methods that make a client in their body on each call and keep it nowhere: `public Tenant
 * createTenant(Tenant t) { AmazonDynamoDB client = AmazonDynamoDBClientBuilder.standard().build(); ... }`, or
 * through a method of the same file (`DynamoDBMapper mapper = dynamoDBMapper();` over one that builds a client).
 * `classFields.ts` records them under `made:<name>`, so that a web or Lambda handler of another file calling
 * `service.createTenant(t)` is known to make a client on each request (`code/languages/jvmMethodClients.ts`).
 * Not such a method: a private one (no other file calls it), a Spring `@Bean` method (its configuration class's
 * proxy hands every caller the one bean), one whose client comes from its parameters
 * (a Region the caller picks), one that keeps it in a field or a map (`if (client == null) client = ...`,
 * `CLIENTS.put(region, client)`), or one that builds it only in a lambda it hands on (`computeIfAbsent`).
 */
import type { CodeAnalyzer } from '../code/analyzer';
import { clientsMadeInHandlers, javaConstruction } from '../code/handlerClients';
import type { FunctionScope } from '../code/language';
import { METHOD_MADE_PREFIX } from '../code/languages/jvmMethodClients';
import { methodMarked } from '../code/methodMarkers';
import type { ExportedClient } from './types';
import { fillsCache } from './staticMakers';

/** Methods of one class recorded, at most: more than a service class declares that build clients. */
const MAX_METHODS = 32;
/** How far back from a method's name its modifiers are looked for (`public static synchronized Tenant`). */
const MODIFIER_REACH = 12;

/** The class's visible methods that make a client on each call, by `made:<name>`, each with the client it makes. */
export function methodsMakingClients(a: CodeAnalyzer, classScope: number): Record<string, ExportedClient> {
  const found: Record<string, ExportedClient> = {};
  let count = 0;
  for (const { fn, name } of visibleMethods(a, classScope)) {
    if (count >= MAX_METHODS) {
      break;
    }
    if (fillsCache(a, fn.scope) || isBean(a, fn)) {
      continue;
    }
    const client = madeOnEachCall(a, fn);
    if (client) {
      found[`${METHOD_MADE_PREFIX}${name}`] = { ...client, perCall: true };
      count++;
    }
  }
  return found;
}

/** The kind of client the method `fn` makes on each call, in its own body or through a same-file method it calls. */
function madeOnEachCall(a: CodeAnalyzer, fn: FunctionScope): ExportedClient | undefined {
  const [start, end] = a.scopes.range(fn.scope);
  // A lambda of the method's own (`cache.computeIfAbsent(k, x -> DynamoDbClient.create())`) runs when its taker decides.
  const construction = (_: CodeAnalyzer, k: number) => {
    const enclosing = a.scopes.enclosing(k, ['function']);
    const nested = enclosing !== fn.scope && a.scopes.range(enclosing)[0] > start && a.scopes.range(enclosing)[0] < end;
    return nested ? undefined : javaConstruction(a, k);
  };
  const [made] = clientsMadeInHandlers(a, { mayDeclare: () => true, isHandler: (_, found) => found.scope === fn.scope, construction, sameFileHelpers: true }, 1);
  // The service is what the handler rules report; a Redis client's kind alone tells a connection apart.
  return made && { kind: made.service === 'elasticache' ? 'redis' : made.service === 'rds' ? 'rds' : 'dynamodb' };
}

/** The methods with a body (a block, or C#'s `=> expression`) that the class at `classScope` declares and other classes may call, constructors aside. */
export function* visibleMethods(a: CodeAnalyzer, classScope: number): Generator<{ fn: FunctionScope; name: string }> {
  const className = a.scopes.nameOfClass(classScope);
  for (const fn of a.functions.values()) {
    const name = fn.params > 0 && (fn.body >= 0 || fn.concise >= 0) && a.scopes.parent(fn.scope) === classScope && !a.isAccess(fn.params - 2) ? a.id(fn.params - 1) : undefined;
    if (name !== undefined && name !== className && isVisibleMethod(a, fn.params - 1)) {
      yield { fn, name };
    }
  }
}

/** A Spring `@Bean` method: called on its `@Configuration` class, it returns the container's one instance. */
function isBean(a: CodeAnalyzer, fn: FunctionScope): boolean {
  return a.language.family === 'java' && methodMarked(a, fn, (k) => a.is(k - 1, '@') && a.idIs(k, 'Bean'));
}

/**
 * Whether another class may call the method whose name sits at `token`: in Java unless `private` (a `protected` one
 * from its package too); in C#, whose members are private unless they say otherwise, when `public` or `internal`.
 */
function isVisibleMethod(a: CodeAnalyzer, token: number): boolean {
  const java = a.language.family === 'java';
  for (let k = token - 1; k >= 0 && k >= token - MODIFIER_REACH; k--) {
    if (a.is(k, ';') || a.is(k, '{') || a.is(k, '}') || a.is(k, ']')) {
      break;
    }
    if (a.idIs(k, 'private') || (!java && a.idIs(k, 'protected'))) {
      return false;
    }
    if (a.idIs(k, 'public') || a.idIs(k, 'internal') || a.idIs(k, 'protected')) {
      return true;
    }
  }
  return java;
}
