/**
 * A SQL driver's call that only hands on the options its function was given, which is a wrapper's definition, not a
 * connection of its own: the callers write the options.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';

/**
 * A call that only passes on what it was given: every argument a spread (`*self._args, **self._kwargs`,
 * `...args`) or a whole parameter of the function around it (`function createPool(config) { return new
 * Pool(config); }`). That is a wrapper's definition or a pool library's plumbing: its callers write the options.
 */
export function passesOn(a: CodeAnalyzer, open: number): boolean {
  const parts = segments(a, open);
  if (parts.length === 0) {
    return false;
  }
  return parts.every(([start, end]) => {
    // `**config`, `...config`: passed on when `config` is the function's parameter, as a name alone is; a dict or object
    // of the file or another module (`pymysql.connect(**DB_CONFIG)`) is the connection's own options.
    const spread = a.is(start, '*') || a.is(start, '**') ? 1 : a.tokens.isSpread(start) ? 3 : 0;
    const k = start + spread;
    if (spread > 0 && (end !== k + 1 || !a.isId(k) || a.is(start, '*'))) {
      return true;
    }
    if (end !== k + 1 || !a.isId(k)) {
      return false;
    }
    if (spread > 0 && ((!a.scopes.lookup(a.tokens.text(k), k) && !a.imports.has(a.tokens.text(k))) || dictOfSpreads(a, k))) {
      return true;
    }
    const binding = a.scopes.lookup(a.tokens.text(k), k);
    const fn = binding ? a.scopes.enclosing(k, ['function']) : -1;
    return binding !== undefined && fn > 0 && binding.expression < 0 && a.scopes.enclosing(binding.token, ['function']) === fn && isParameter(a, binding.token);
  });
}

/** Python `**db_config` of a dict the file makes from spreads alone (`db_config = {**kwargs}`): still a wrapper's options. */
function dictOfSpreads(a: CodeAnalyzer, name: number): boolean {
  const open = a.objectVariable(a.tokens.text(name), name);
  return open >= 0 && a.is(open + 1, '**');
}

/** Whether a name token sits in the parameter list of a function (inside its parentheses, before the body). */
function isParameter(a: CodeAnalyzer, token: number): boolean {
  const open = a.parent[token];
  const after = open >= 0 && a.is(open, '(') ? a.partner[open] + 1 : -1;
  // `(config) => ...`, `function f(config) {`, `f(config: Options): Pool {`, `def f(config):`, `def f(config) -> Conn:`.
  return after > 0 && (a.is(after, '=>') || a.is(after, '{') || a.is(after, ':') || a.is(after, '->'));
}
