/**
 * Request options given as a module-level name bound once to a literal: administration scripts write their
 * settings as constants at the top and pass them by name (`REDIS_VERSION = '5.0.3'` above
 * `create_replication_group(EngineVersion=REDIS_VERSION, ...)`, `const ENCRYPTED = false`). The option holds
 * that literal, as if written in place. A name bound inside a function or a class, bound more than once, or to
 * anything but a lone string or boolean literal holds nothing known. Numbers stay unknown: a named number is
 * mostly a page size or a limit the code tunes (`PAGE = 50`), which the checks read apart from one written in place.
 * A CDK construct's props read them too, and a field of the class written once to such a literal (`this.publiclyAccessible`).
 */
import { TOKEN_KIND } from '../lexer';
import { bindsWholeExpression, UNBOUND_VALUE } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { fieldValues } from './cdkEngineVersionFields';

const { STR, ID } = TOKEN_KIND;
const BOOLEANS = new Set(['true', 'false', 'True', 'False']);

/** The tokens [from, to) of the literal a module-level name at `token` is bound to once, or undefined. */
export function moduleConstantLiteral(a: CodeAnalyzer, token: number): [number, number] | undefined {
  const bound = boundOnce(a, token);
  return bound && a.scopes.enclosing(bound[0], ['function', 'class']) <= 0 && lonelyLiteral(a, bound[0], bound[1]) ? bound : undefined;
}

/**
 * The tokens [from, to) of the expression a plain name read at `token` (not a member, not called) is bound to, where the
 * scope that holds it binds it that once (`const creds = ...`, a module's `REDIS_VERSION = '5.0.3'`), or undefined.
 */
export function boundOnce(a: CodeAnalyzer, token: number): [number, number] | undefined {
  if (a.tokens.kinds[token] !== ID || a.isAccess(token - 1) || a.is(token + 1, '(') || a.is(token + 1, '.')) {
    return undefined;
  }
  const name = a.tokens.text(token);
  const binding = a.scopes.lookup(name, token);
  if (!binding || binding === UNBOUND_VALUE || !bindsWholeExpression(binding) || a.scopes.bindingsIn(a.scopes.holderAt(binding.token)).get(name)?.length !== 1) {
    return undefined;
  }
  const to = expressionEnd(a, binding.expression);
  return to > binding.expression ? [binding.expression, to] : undefined;
}

/**
 * The tokens [from, to) of the literal a field of the class around `start` holds, read there as `this.name` (`self.name`)
 * from `start` to `end`: the one value the class writes to it (`readonly publiclyAccessible: boolean = true;`, or set once
 * in the constructor), a lone string or boolean literal; undefined when the class writes it twice or anything else.
 */
export function fieldConstantLiteral(a: CodeAnalyzer, start: number, end: number): [number, number] | undefined {
  const values = fieldValues(a, start, end);
  if (values?.length !== 1) {
    return undefined;
  }
  const to = expressionEnd(a, values[0]);
  return lonelyLiteral(a, values[0], to) ? [values[0], to] : undefined;
}

/** `'5.0.3'`, `False`: a string or boolean literal alone (no interpolation, no operator). */
function lonelyLiteral(a: CodeAnalyzer, from: number, to: number): boolean {
  if (to !== from + 1) {
    return false;
  }
  const kind = a.tokens.kinds[from];
  return (kind === STR && !a.tokens.interpolated(from)) || (kind === ID && BOOLEANS.has(a.tokens.text(from)));
}
