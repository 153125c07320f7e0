/**
 * A connection URL written as an f-string or a template literal (`f"mysql+pymysql://app:secret@{RDS_HOST}:3306"`):
 * read as the text it makes, each interpolation of a name bound once to a string literal replaced by that
 * string and any other masked, so that a password written between `:` and `@` counts as one, and a host
 * written or held as `localhost` still tells a developer's server.
 */
import type { CodeAnalyzer } from './analyzer';
import { bindsWholeExpression } from '../scope/scopes';
import { expressionEnd } from './braces';
import { FILLER } from './redisUrls';
import { onlyBinding } from './sqlLiterals';

/** `${expr}` of a JavaScript template, `{expr}` of a Python f-string (with an optional `!r` or `:fmt` after it). */
const INTERPOLATION = /(\$?)\{([^{}]*)\}/g;
const PLAIN_NAME = /^\s*([A-Za-z_$][\w$]*)\s*(?:![rsa])?\s*(?::[^{}]*)?$/;

/**
 * The text of a DSN written as tokens `first`..`end` (exclusive) that the option's literal does not give: an
 * interpolated string, or a call of a same-file function with no arguments whose one `return` is a string
 * (`create_engine(engine_params())`, `def engine_params(): ... return f"mysql://{user}:{password}@{host}/db"`).
 */
export function writtenDsnText(a: CodeAnalyzer, first: number, end: number): string | undefined {
  if (end === first + 1) {
    return interpolatedDsnText(a, first);
  }
  const returned = returnedString(a, first, end);
  return returned < 0 ? undefined : (interpolatedDsnText(a, returned) ?? a.tokens.text(returned));
}

/** The string token that `name()` at tokens `first`..`end` returns, a same-file function whose one `return` is that string alone; else -1. */
export function returnedString(a: CodeAnalyzer, first: number, end: number): number {
  if (end !== first + 3 || !a.isId(first) || a.isAccess(first - 1) || !a.is(first + 1, '(') || a.partner[first + 1] !== first + 2) {
    return -1;
  }
  const fn = a.scopes.lookup(a.tokens.text(first), first)?.fixed;
  const starts = fn?.t === 'function' ? a.returnStarts(fn) : [];
  const start = starts.length === 1 ? starts[0] : -1;
  return start >= 0 && a.isString(start) && expressionEnd(a, start) === start + 1 ? start : -1;
}

/** The text an interpolated string at `token` makes, as far as the file tells it; undefined for any other token. */
export function interpolatedDsnText(a: CodeAnalyzer, token: number): string | undefined {
  if (!a.isString(token) || !a.tokens.interpolated(token)) {
    return undefined;
  }
  return a.tokens.text(token).replace(INTERPOLATION, (whole: string, _dollar: string, inner: string) => {
    const name = PLAIN_NAME.exec(inner)?.[1];
    return (name !== undefined ? heldString(a, token, name) : undefined) ?? FILLER.repeat(whole.length);
  });
}

/** Whether a part of a DSN (its password) holds an interpolation the file does not tell. */
export function hasUnknownPart(text: string): boolean {
  return text.includes(FILLER);
}

/** The plain string literal a name holds where the string reads it, bound once to it; undefined otherwise. */
function heldString(a: CodeAnalyzer, token: number, name: string): string | undefined {
  const binding = onlyBinding(a, token, name);
  const from = binding && bindsWholeExpression(binding) ? binding.expression : -1;
  const plain = from >= 0 && a.isString(from) && !a.tokens.interpolated(from) && expressionEnd(a, from) === from + 1;
  return plain ? a.tokens.text(from) : undefined;
}
