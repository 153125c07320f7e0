/**
 * Props or args a same-file method builds and returns, handed to a construct or resource as the call itself
 * (`new Table(this, "Orders", Common(config, "OrderId"))` with `static TableProps Common(...) => new() { ... }`,
 * TypeScript's `new dynamodb.Table(this, 'Orders', sharedTable('id'))` with `function sharedTable(key) { return { ... }; }`).
 * Careful C# CDK and Pulumi code keeps the settings its tables share in one such helper; the object the helper
 * returns is then the construct's whole props, as a literal written in place would be. Only a helper whose one
 * returned expression is that literal is read: a helper that returns a variable, or two different literals,
 * could hand back anything.
 */
import type { CodeAnalyzer } from './analyzer';

/**
 * The token where the literal starts that the same-file method called at `call` (`Helper(...)`, without a
 * receiver) returns, when `argsGroup` finds the literal's `{` there; -1 otherwise.
 */
export function helperReturnedLiteral(a: CodeAnalyzer, call: number, argsGroup: (a: CodeAnalyzer, k: number) => number): number {
  if (!a.isId(call) || a.isAccess(call - 1) || !a.is(call + 1, '(') || a.partner[call + 1] <= call + 1) {
    return -1;
  }
  const binding = a.scopes.lookup(a.tokens.text(call), call);
  const helper = binding?.fixed?.t === 'function' ? binding.fixed : undefined;
  if (!helper || helper.scope < 0) {
    return -1;
  }
  const starts = a.returnStarts(helper);
  return starts.length === 1 && argsGroup(a, starts[0]) >= 0 ? starts[0] : -1;
}

/** The `{` of a JavaScript object literal that starts at `k`, also in parentheses (an arrow's `=> ({ ... })`), or -1. */
export function objectLiteralOpen(a: CodeAnalyzer, k: number): number {
  const open = a.is(k, '(') && a.partner[k] > k + 1 && a.is(k + 1, '{') && a.partner[k + 1] === a.partner[k] - 1 ? k + 1 : k;
  return a.is(open, '{') && a.partner[open] > open ? open : -1;
}
