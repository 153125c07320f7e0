/** Where code runs once per element (loop bodies, iterating callbacks), and which calls a pagination marker pages. */
import type { CodeAnalyzer } from './analyzer';

/** Methods that call their callback once per element. */
const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap', 'each']);

/**
 * The scope a pagination marker belongs to: the innermost loop (not counting one whose head holds it)
 * or function around it, else the module. A marker pages the calls of that loop or function only.
 */
export function markerAnchor(a: CodeAnalyzer, marker: number): number {
  for (let scope = a.scopes.scopeAt(marker); scope > 0; scope = a.scopes.parent(scope)) {
    const kind = a.scopes.kind(scope);
    if (kind === 'function' || (kind === 'loop' && !inLoopHead(a, a.scopes.start(scope), marker))) {
      return scope;
    }
  }
  return 0;
}

/** The loops around a token, innermost first, up to and including its function (or the module). */
export function loopChain(a: CodeAnalyzer, token: number): number[] {
  const chain: number[] = [];
  for (let scope = a.scopes.scopeAt(token); scope > 0; scope = a.scopes.parent(scope)) {
    const kind = a.scopes.kind(scope);
    if (kind === 'loop') {
      chain.push(scope);
    } else if (kind === 'function') {
      chain.push(scope);
      return chain;
    }
  }
  chain.push(0);
  return chain;
}

/** Whether a token is in the head of the loop that starts at `from` (`while (x.UnprocessedKeys.Count > 0)`), outside its body. */
function inLoopHead(a: CodeAnalyzer, from: number, token: number): boolean {
  if (a.is(from, '(')) {
    return token < a.partner[from];
  }
  return !a.is(from, '{') && a.lines.lineOf(a.tokens.starts[token]) === a.lines.lineOf(a.tokens.starts[from]);
}

/**
 * How a token runs once per element: in the body of a loop statement, or in an iterating callback
 * (whose calls start together, so they are not waited for one by one), within its own function;
 * undefined otherwise.
 */
export function loopKind(a: CodeAnalyzer, tokenIndex: number): 'statement' | 'callback' | undefined {
  for (let scope = a.scopes.scopeAt(tokenIndex); scope > 0; scope = a.scopes.parent(scope)) {
    const kind = a.scopes.kind(scope);
    if (kind === 'loop') {
      return 'statement';
    }
    if (kind === 'function') {
      const open = a.parent[a.scopes.range(scope)[0]];
      return open > 1 && a.is(open, '(') && a.isAccess(open - 2) && ITERATING_METHODS.has(a.id(open - 1) ?? '') ? 'callback' : undefined;
    }
  }
  return undefined;
}
