/**
 * Lookups in a dependency-injection container, whose one type argument is the type of what they return:
 * `container.resolve<Redis>(REDIS)` (tsyringe, Awilix), `container.get<DynamoDBClient>(TYPES.Db)`
 * (InversifyJS, typedi), `moduleRef.get<Redis>(REDIS)` (NestJS), `inject<Redis>(REDIS)`, and .NET
 * `provider.GetRequiredService<IAmazonDynamoDB>()` (also Autofac's `Resolve<T>()`).
 */
import type { CodeAnalyzer } from './analyzer';
import { Value } from './values';
import { closeAngle } from './typeArguments';

const RESOLVING_METHODS = ['resolve', 'resolveAsync', 'get', 'getAsync', 'inject', 'GetService', 'GetRequiredService', 'Resolve'];
/** A chain longer than this is no container lookup worth reading. */
const MAX_CHAIN_TOKENS = 16;

/** The value a container lookup that starts at `start` and makes up the whole expression gives, by its type argument. */
export function resolvedType(a: CodeAnalyzer, start: number): Value | undefined {
  let k = a.idIs(start, 'await') ? start + 1 : start;
  const limit = k + MAX_CHAIN_TOKENS;
  if (a.idIs(k, 'this')) {
    k += 2;
  }
  while (k < limit && a.isId(k) && a.isAccess(k + 1)) {
    k += 2;
  }
  if (!a.isId(k) || !a.is(k + 1, '<') || !a.tokens.isOneOf(k, RESOLVING_METHODS)) {
    return undefined;
  }
  const close = closeAngle(a, k + 1);
  const open = close + 1;
  if (close < 0 || !a.is(open, '(') || a.partner[open] < 0 || !isTypeName(a, k + 2, close)) {
    return undefined;
  }
  // The lookup must be the whole expression: `resolve<Redis>(REDIS).duplicate()` is something else.
  const after = a.partner[open] + 1;
  return a.isAccess(after) || a.is(after, '(') || a.is(after, '[') ? undefined : a.language.typeValue(a, k + 2);
}

/** Whether tokens [from, to) are one dotted type name (`Redis`, `dynamodb.ITable`). */
function isTypeName(a: CodeAnalyzer, from: number, to: number): boolean {
  for (let k = from; k < to; k += 2) {
    if (!a.isId(k) || (k + 1 < to && !a.is(k + 1, '.'))) {
      return false;
    }
  }
  return to > from;
}
