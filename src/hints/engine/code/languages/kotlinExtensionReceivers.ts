/**
 * Kotlin extension functions of a client type (`suspend fun DynamoDbClient.increment(table: String) { this.updateItem { ... } }`):
 * in their body `this` is the client they extend, so a call on `this` is the client's own. Bound as a name `this` in the
 * function's scope, read by the chain reader only where it is a client. A call without `this.` is left alone: it may be
 * a project's overload of the same name (`fun DynamoDbClient.query(exp: Expression)`).
 */
import { ScopeTree } from '../../scope/scopes';
import { SERVICE_OF_KIND, TYPED_CLIENTS } from '../../services';
import type { CodeAnalyzer } from '../analyzer';
import { Value } from '../values';

/** How far back from a `>` the `<` of a function's type parameters is looked for. */
const MAX_TYPE_PARAMETER_TOKENS = 24;

/** Whether `close` is the `>` of a function's type parameters: `fun <T : Item>`. */
function afterTypeParameters(a: CodeAnalyzer, close: number): boolean {
  if (!a.is(close, '>')) {
    return false;
  }
  for (let k = close - 1; k > 0 && close - k < MAX_TYPE_PARAMETER_TOKENS; k--) {
    if (a.is(k, '<')) {
      return a.idIs(k - 1, 'fun');
    }
    if (a.is(k, ';') || a.is(k, '{') || a.is(k, '}') || a.is(k, '>')) {
      return false;
    }
  }
  return false;
}

export function bindExtensionReceivers(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  for (const fn of a.functions.values()) {
    const params = fn.params;
    if (!a.is(params, '(') || !a.isId(params - 1) || !a.is(params - 2, '.') || !a.isId(params - 3)) {
      continue;
    }
    // `fun DynamoDbClient.name(`, `fun aws.sdk.kotlin.services.dynamodb.DynamoDbClient.name(`, `fun <T : Item> DynamoDbClient.name(`.
    let start = params - 3;
    while (a.is(start - 1, '.') && a.isId(start - 2)) {
      start -= 2;
    }
    if (!a.idIs(start - 1, 'fun') && !afterTypeParameters(a, start - 1)) {
      continue;
    }
    // The type's last name: `typeValue` would read on into the function's name.
    const kind = TYPED_CLIENTS[a.tokens.text(params - 3)];
    if (kind && a.services.has(SERVICE_OF_KIND[kind])) {
      tree.bind(fn.scope, 'this', { token: params - 3, expression: -1, declared: { t: 'client', kind } });
    }
  }
}
