/**
 * The text of a CDK method call's arguments with the names it passes replaced by what they hold: `sg.addIngressRule(anywhere,
 * dbPort)` after `const anywhere = Peer.ipv4('0.0.0.0/0')` and `const dbPort = Port.tcpRange(PORT, PORT)` with a
 * module-level `PORT = 3306` reads as `Peer.ipv4('0.0.0.0/0'), Port.tcpRange(3306, 3306)`, so the ingress rules see the
 * peer and port as if written in place. A name is replaced only where it is bound once in its scope to an expression (a
 * `const`, a Python name assigned once), not a parameter, a loop variable or a destructured name; held names are followed
 * two levels deep.
 */
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';

/** Levels of names followed: a local holding a port built from a module-level constant. */
const MAX_DEPTH = 2;
/** Longest held expression read, in characters: a peer or a port is short; anything longer is left as written. */
const MAX_HELD_CHARS = 240;

/** The source text of tokens [from, to), each bare name bound once replaced by the text of its expression. */
export function heldArgumentsText(a: CodeAnalyzer, from: number, to: number, depth = 0): string {
  if (from >= to) {
    return '';
  }
  let text = '';
  let position = a.tokens.starts[from];
  for (let k = from; k < to; k++) {
    const held = depth < MAX_DEPTH ? heldExpression(a, k) : undefined;
    if (held) {
      text += a.text.slice(position, a.tokens.starts[k]) + heldArgumentsText(a, held[0], held[1], depth + 1);
      position = a.tokens.ends[k];
    }
  }
  return text + a.text.slice(position, a.tokens.ends[to - 1]);
}

/** The tokens [start, end) of the expression the bare name at `k` is bound to once, or undefined. */
function heldExpression(a: CodeAnalyzer, k: number): [number, number] | undefined {
  if (!a.isId(k) || a.isAccess(k - 1) || a.isAccess(k + 1) || a.is(k + 1, '(') || a.is(k + 1, ':') || a.is(k + 1, '=')) {
    return undefined;
  }
  const name = a.tokens.text(k);
  const binding = a.scopes.lookup(name, k);
  if (!binding || binding.expression < 0 || binding.element || binding.destructured || binding.unpacked || binding.typedMember) {
    return undefined;
  }
  const bindings = a.scopes.bindingsIn(a.scopes.declaringScope(name, k)).get(name) ?? [];
  if (bindings.length !== 1) {
    return undefined;
  }
  const end = expressionEnd(a, binding.expression);
  if (end <= binding.expression || a.tokens.ends[end - 1] - a.tokens.starts[binding.expression] > MAX_HELD_CHARS) {
    return undefined;
  }
  return [binding.expression, end];
}
