/**
 * GraphQL resolvers, which run for every operation that selects their field (a field resolver once per parent
 * object): a method under TypeGraphQL's or NestJS's `@Query()`, `@Mutation()`, `@FieldResolver()` or
 * `@ResolveField()`, and a function under the `Query` or `Mutation` key of a resolver map, as Apollo Server,
 * Mercurius and graphql-tools take them (`Query: { orders: async (_, args, ctx) => ... }`). A client made in
 * one is made per request. Subscriptions, which run once per subscriber, are left out.
 */
import type { CodeAnalyzer } from './analyzer';
import type { FunctionScope } from './language';
import { methodMarked } from './methodMarkers';

const RESOLVER_DECORATORS = new Set(['Query', 'Mutation', 'FieldResolver', 'ResolveField']);
const DECORATOR_MODULES = new Set(['type-graphql', '@nestjs/graphql']);
const ROOT_TYPES = new Set(['Query', 'Mutation']);

/** Whether a file may declare resolvers, from its text alone. */
export function mayDeclareResolvers(text: string): boolean {
  return text.includes('Query') || text.includes('Mutation');
}

export function isGraphqlResolver(a: CodeAnalyzer, fn: FunctionScope): boolean {
  return isDecoratedResolver(a, fn) || inResolverMap(a, fn);
}

/** `@Query(() => [Order]) async orders(...)`, the decorator imported from TypeGraphQL or `@nestjs/graphql`. */
export function isDecoratedResolver(a: CodeAnalyzer, fn: FunctionScope): boolean {
  return methodMarked(a, fn, (k) => a.is(k - 1, '@') && a.is(k + 1, '(') && RESOLVER_DECORATORS.has(a.id(k) ?? '') && DECORATOR_MODULES.has(a.imports.get(a.tokens.text(k))?.module ?? ''));
}

/** `Query: { orders: async (...) => ... }`, `Mutation: { async pay(...) { ... } }`, `Query: { orders: function (...) {...} }`. */
function inResolverMap(a: CodeAnalyzer, fn: FunctionScope): boolean {
  if (!a.is(fn.params, '(')) {
    return false;
  }
  let k = fn.params - 1;
  if (a.idIs(k, 'function')) {
    k--;
  }
  if (a.idIs(k, 'async')) {
    k--;
  }
  const name = a.is(k, ':') ? k - 1 : k;
  if (!a.isId(name) && !a.isString(name)) {
    return false;
  }
  // The member starts the map or follows a comma: not a call's argument nor a nested expression.
  const open = a.parent[name];
  const starts = a.is(name - 1, '{') || a.is(name - 1, ',') || (a.idIs(name - 1, 'async') && (a.is(name - 2, '{') || a.is(name - 2, ',')));
  return starts && open > 1 && a.is(open, '{') && a.is(open - 1, ':') && ROOT_TYPES.has(a.id(open - 2) ?? '');
}
