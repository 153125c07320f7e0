/**
 * Clients a class takes or builds: a field set to a client in one branch and to an injected parameter in
 * another, and a parameter whose fallback builds the client (`client or redis.Redis(...)`).
 */
import type { CodeAnalyzer } from './analyzer';
import { Value } from './values';

/**
 * A field set to a client in one branch and to a parameter in another (`if client is None: self.client =
 * redis.Redis(...) else: self.client = client`): the parameter injects the same kind of client, so the
 * field holds the client the class builds. Any other assignment of an unknown value leaves it unknown.
 */
export function injectedOrBuilt(a: CodeAnalyzer, classScope: number, name: string): Value | undefined {
  let built: Value | undefined;
  for (const binding of a.scopes.memberBindings(classScope, name)) {
    const value = binding.expression >= 0 ? a.valueOf(binding) : undefined;
    if (value?.t === 'client' && (!built || (built.t === 'client' && built.kind === value.kind))) {
      built = value;
    } else if (!isParameter(a, binding.expression)) {
      return undefined;
    }
  }
  return built;
}

/** Whether the expression at a token is a bare parameter name (`self.client = client`). */
export function isParameter(a: CodeAnalyzer, expression: number): boolean {
  if (expression < 0 || !a.isId(expression) || a.is(expression + 1, '.') || a.is(expression + 1, '(') || a.is(expression + 1, '[')) {
    return false;
  }
  const binding = a.scopes.lookup(a.tokens.text(expression), expression);
  return binding !== undefined && a.functions.get(a.scopes.scopeAt(binding.token))?.params === a.parent[binding.token];
}
