/**
 * ASP.NET Core dependency injection: a service registered `Scoped` is made again for each scope, which ASP.NET Core
 * opens around every request, and one registered `Transient` each time it is resolved; the container disposes both
 * when the scope ends (https://learn.microsoft.com/en-us/dotnet/api/microsoft.extensions.dependencyinjection.servicelifetime).
 * So a client such a registration makes is made per request:
 *
 * - a factory given to the registration that constructs one (`services.AddScoped<IConnectionMultiplexer>(sp =>
 *   ConnectionMultiplexer.Connect(cs))`, `AddTransient(typeof(IAmazonDynamoDB), _ => new AmazonDynamoDBClient())`),
 *   read as a request handler by `webHandlers.ts`;
 * - a project class registered so (`services.AddScoped<IStorage, RedisStorage>()`, `AddTransient<CacheService>()`,
 *   `AddScoped(typeof(IStorage), typeof(RedisStorage))`) each of whose instances makes a client, whatever constructor
 *   the container picks (`jvmConstructorClients.ts`; in workspace mode the class may be another file's, indexed under
 *   `new(*)`), reported at the class's name.
 *
 * A factory's client made from configuration, also the provider's (`sp.GetRequiredService<IConfiguration>()`), is the
 * same for every request. Silent: a factory that resolves its client from the provider
 * (`sp.GetRequiredService<IConnectionMultiplexer>()`) or wraps the resolved one in a context (`new
 * DynamoDBContext(sp.GetRequiredService<IAmazonDynamoDB>())`), one that reads the request or its tenant on the way
 * (`HttpContext`, `ITenantContext`: a client per tenant may be meant), a library type (`AddScoped<IDynamoDBContext,
 * DynamoDBContext>()`), a class with a constructor that makes none, and test code; `AddSingleton` is the shape to keep.
 */
import type { CodeAnalyzer } from '../analyzer';
import type { FunctionScope } from '../language';
import type { Construction, HandlerReader } from '../handlerClients';
import { isRedisClient, javaConstruction, serviceOf } from '../handlerClients';
import { clientValue } from '../projectImports';
import { inTestCode } from '../testFixtures';
import { tokensNamed } from '../tokenIndex';
import { staticProjectClass } from './baseClassFields';
import { constructorArities, jvmConstructorClient } from './jvmConstructorClients';

/** The registrations whose service is made per scope or per resolution, plain, `TryAdd…` and keyed (.NET 8). */
const PER_REQUEST_REGISTRATIONS = ['AddScoped', 'AddTransient', 'TryAddScoped', 'TryAddTransient', 'AddKeyedScoped', 'AddKeyedTransient', 'TryAddKeyedScoped', 'TryAddKeyedTransient'];
const PER_REQUEST = new Set(PER_REQUEST_REGISTRATIONS);
/** The cheap test a file passes before any of this is read. */
const MAY_REGISTER = /\b(?:Try)?Add(?:Keyed)?(?:Scoped|Transient)\b/;
/** A test's registrations (a `WebApplicationFactory`'s `ConfigureTestServices`, a test framework's fixture) serve no traffic. */
const TEST_FILE = /\b(?:Xunit|NUnit|MSTest|Microsoft\.VisualStudio\.TestTools|Microsoft\.AspNetCore\.Mvc\.Testing|ConfigureTestServices|WebApplicationFactory)\b/;
/** Tokens of a registration's type arguments walked back over (`AddScoped<IRepository<Order>, OrderRepository>`). */
const MAX_TYPE_ARGUMENT_TOKENS = 24;
/** The index key of a class each of whose constructors makes a client (`workspace/classFields.ts`). */
export const EVERY_CONSTRUCTOR_KEY = 'new(*)';

function mayRegisterPerRequest(text: string): boolean {
  return MAY_REGISTER.test(text) && !TEST_FILE.test(text);
}

/** What a factory may read of the request it serves: the request itself, or the tenant it is for. */
const REQUEST_STATE = /HttpContext|tenant/i;

/** Client kinds that wrap a client rather than open connections of their own: the object persistence model's context. */
const WRAPPER_KINDS = new Set(['dynamodb-context']);

/**
 * A client a factory constructs; a context over a client it does not make (`new DynamoDBContext(sp.GetRequiredService<IAmazonDynamoDB>())`)
 * makes none, and one over a client it makes is that client (`new DynamoDBContext(new AmazonDynamoDBClient())`).
 */
function factoryConstruction(a: CodeAnalyzer, k: number): Construction | undefined {
  const made = javaConstruction(a, k);
  const value = made && a.evalChain(made.start, made.end).value;
  if (!made || value?.t !== 'client' || !WRAPPER_KINDS.has(value.kind)) {
    return made;
  }
  for (let j = made.name + 1; j < made.end; j++) {
    const inner = javaConstruction(a, j);
    if (inner) {
      return inner;
    }
  }
  return undefined;
}

/** The factories of Scoped and Transient registrations, as request handlers (`webHandlers.ts`). */
export const PER_REQUEST_FACTORY_READER: HandlerReader = {
  mayDeclare: mayRegisterPerRequest,
  isHandler: isPerRequestFactory,
  construction: factoryConstruction,
  // Configuration, the factory's locals and its provider give every request the same client; the request or a tenant may not.
  fromInvocation: (a, made, params) => REQUEST_STATE.test(a.text.slice(a.tokens.starts[params], a.tokens.ends[made.end - 1])),
};

/** Whether the lambda `fn` is the factory of a Scoped or Transient registration: `services.AddScoped<I>(sp => ...)`. */
function isPerRequestFactory(a: CodeAnalyzer, fn: FunctionScope): boolean {
  const open = a.parent[a.scopes.range(fn.scope)[0]];
  return open > 0 && a.is(open, '(') && registrationName(a, open) >= 0 && !inTestCode(a, open);
}

/** The name token of the per-request registration whose arguments open at `open`, past its type arguments; or -1. */
function registrationName(a: CodeAnalyzer, open: number): number {
  const name = a.is(open - 1, '>') ? typeArgumentsOpen(a, open - 1) - 1 : open - 1;
  return name > 0 && a.isAccess(name - 1) && PER_REQUEST.has(a.id(name) ?? '') ? name : -1;
}

/** The `<` that the `>` at `close` closes, or -1. */
function typeArgumentsOpen(a: CodeAnalyzer, close: number): number {
  let depth = 0;
  for (let k = close; k > 0 && k > close - MAX_TYPE_ARGUMENT_TOKENS; k--) {
    const text = a.tokens.text(k);
    depth += text === '>' ? 1 : text === '>>' ? 2 : text === '<' ? -1 : 0;
    if (depth === 0) {
      return text === '<' ? k : -1;
    }
  }
  return -1;
}

/**
 * The clients of the file's Scoped and Transient registrations of a project class (`AddScoped<IStorage, RedisStorage>()`),
 * each at the class's name, with the construction reader of the language.
 */
export function perRequestRegisteredClients(a: CodeAnalyzer, construction: HandlerReader['construction']): Construction[] {
  if (!mayRegisterPerRequest(a.text)) {
    return [];
  }
  const found: Construction[] = [];
  for (const registration of PER_REQUEST_REGISTRATIONS) {
    for (const k of tokensNamed(a, registration)) {
      const open = a.is(k + 1, '<') ? closingTypeArguments(a, k + 1) + 1 : k + 1;
      const implementation = open > k && a.is(open, '(') && a.partner[open] > open && registrationName(a, open) === k ? implementationType(a, k, open) : -1;
      const made = implementation >= 0 && !inTestCode(a, k) ? classClient(a, implementation, construction) : undefined;
      if (made) {
        found.push(made);
      }
    }
  }
  return found;
}

/** The `>` that closes the type arguments opening at `lt`, or -1. */
function closingTypeArguments(a: CodeAnalyzer, lt: number): number {
  let depth = 0;
  for (let k = lt; k < a.tokens.length && k < lt + MAX_TYPE_ARGUMENT_TOKENS; k++) {
    const text = a.tokens.text(k);
    depth += text === '<' ? 1 : text === '>' ? -1 : text === '>>' ? -2 : 0;
    if (depth <= 0) {
      return depth === 0 && text === '>' ? k : -1;
    }
  }
  return -1;
}

/**
 * The implementation type a registration names with no factory: the last type argument of `AddScoped<I, C>()` or
 * `AddScoped<C>()` (nothing passed), or the last `typeof(C)` of `AddScoped(typeof(I), typeof(C))`; its name token, or -1.
 */
function implementationType(a: CodeAnalyzer, name: number, open: number): number {
  const close = a.partner[open];
  if (a.is(name + 1, '<')) {
    // A registration given a factory or an instance is read elsewhere; a keyed one is given its key only.
    const keyed = a.tokens.text(name).includes('Keyed');
    if (close !== open + 1 && !(keyed && a.isString(open + 1) && close === open + 2)) {
      return -1;
    }
    const last = open - 2;
    return a.is(open - 1, '>') && a.isId(last) && !a.isAccess(last - 1) ? last : -1;
  }
  const last = close - 2;
  return a.is(close - 1, ')') && a.isId(last) && a.is(last - 1, '(') && a.idIs(last - 2, 'typeof') && a.is(last - 3, ',') ? last : -1;
}

/** The client each instance of the project class named at `k` makes, whichever constructor builds it. */
function classClient(a: CodeAnalyzer, k: number, construction: HandlerReader['construction']): Construction | undefined {
  const text = a.tokens.text(k);
  const classScope = a.scopes.classNamed(text);
  if (classScope > 0) {
    let made: Construction | undefined;
    for (const arity of constructorArities(a, classScope)) {
      made = jvmConstructorClient(a, classScope, arity, construction);
      if (!made) {
        return undefined;
      }
    }
    return made && { start: k, name: k, end: k + 1, service: made.service, redis: made.redis, helper: true };
  }
  const value = staticProjectClass(a, text);
  const fields = value?.t === 'projectClass' ? value.fields : undefined;
  const client = fields && Object.hasOwn(fields, EVERY_CONSTRUCTOR_KEY) ? clientValue(fields[EVERY_CONSTRUCTOR_KEY]) : undefined;
  const service = serviceOf(client);
  return service && { start: k, name: k, end: k + 1, service, redis: isRedisClient(client), helper: true };
}
