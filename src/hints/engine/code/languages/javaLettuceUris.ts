/**
 * A Lettuce `RedisURI` known whole where its password is set: a local variable made by `RedisURI.create(host, port)`,
 * which never asks for TLS, in a file that turns TLS on for no URI (`setSsl`, `withSsl`), whose every later use is a
 * call on it (its setters), an argument of a factory's `create(...)` (`RedisClient.create(uri)`), or the result of a
 * private method (the file's own code gets it). Such a URI authenticates on a connection without TLS.
 */
import { UNBOUND_VALUE } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { tokensNamed } from '../tokenIndex';

/** Setters that turn TLS on for a `RedisURI` (or its builder): where a file has one, a URI may get it later. */
const TLS_SETTERS = ['setSsl', 'withSsl'];
/** How far back from a method's name its modifiers are looked for. */
const MAX_MODIFIERS = 6;

/** The host token of the `RedisURI.create(host, port)` the variable at `start` holds, when that URI is known whole; else undefined. */
export function wholeLettuceUriHost(a: CodeAnalyzer, start: number): number | undefined {
  const name = a.id(start);
  const binding = name === undefined || a.isAccess(start - 1) ? undefined : a.scopes.lookup(name, start, true);
  if (!binding || binding === UNBOUND_VALUE || binding.expression < 0 || TLS_SETTERS.some((setter) => tokensNamed(a, setter).length > 0)) {
    return undefined;
  }
  const made = binding.expression;
  const open = made + 3;
  if (!a.idIs(made, 'RedisURI') || !a.isAccess(made + 1) || !a.idIs(made + 2, 'create') || !a.is(open, '(') || segments(a, open).length !== 2) {
    return undefined;
  }
  return tokensNamed(a, name!).every((k) => k <= a.partner[open] || a.scopes.lookup(name!, k, true) !== binding || knownUse(a, k)) ? open + 1 : undefined;
}

/** `uri.setPassword(...)`, `RedisClient.create(uri)`, or `return uri;` in a private method. */
function knownUse(a: CodeAnalyzer, k: number): boolean {
  if (a.isAccess(k + 1) || (a.is(k - 1, '(') && a.is(k + 1, ')') && a.idIs(k - 2, 'create') && a.isAccess(k - 3))) {
    return true;
  }
  return a.idIs(k - 1, 'return') && a.is(k + 1, ';') && inPrivateMethod(a, k);
}

function inPrivateMethod(a: CodeAnalyzer, k: number): boolean {
  const fn = a.functions.get(a.scopes.enclosing(k, ['function']));
  if (!fn || !a.is(fn.params, '(')) {
    return false;
  }
  for (let t = fn.params - 2; t >= 0 && t >= fn.params - 2 - MAX_MODIFIERS; t--) {
    if (a.idIs(t, 'private')) {
      return true;
    }
    if (a.is(t, ';') || a.is(t, '{') || a.is(t, '}')) {
      return false;
    }
  }
  return false;
}
