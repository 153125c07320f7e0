/**
 * A CDK secret built in a variable and passed by name: `const creds = rds.Credentials.fromPassword('admin',
 * SecretValue.unsafePlainText('pw'))` then `credentials: creds` (Java's `var credential = ...` then
 * `.credentials(credential)`). The option holds what the expression holds, as if written in place. A name bound more
 * than once in its scope, or to anything but an expression that writes a `SecretValue` in plain text, holds nothing known.
 */
import { TOKEN_KIND } from '../lexer';
import { bindsWholeExpression, UNBOUND_VALUE } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { cdkEnumLiteral } from './cdkLiterals';

const { ID } = TOKEN_KIND;

/** The tokens [from, to) of the expression the name at `token` is bound to once, when that expression is a plain-text CDK secret. */
export function heldPlainSecret(a: CodeAnalyzer, token: number): [number, number] | undefined {
  if (a.tokens.kinds[token] !== ID || a.isAccess(token - 1) || a.is(token + 1, '(') || a.is(token + 1, '.')) {
    return undefined;
  }
  const name = a.tokens.text(token);
  const binding = a.scopes.lookup(name, token);
  if (!binding || binding === UNBOUND_VALUE || !bindsWholeExpression(binding) || binding.token >= token) {
    return undefined;
  }
  if (a.scopes.bindingsIn(a.scopes.holderAt(binding.token)).get(name)?.length !== 1) {
    return undefined;
  }
  const from = binding.expression;
  const to = expressionEnd(a, from);
  if (to <= from) {
    return undefined;
  }
  const text = a.text.slice(a.tokens.starts[from], a.tokens.ends[to - 1]);
  return text.includes('SecretValue') && cdkEnumLiteral(text)?.kind === 'str' ? [from, to] : undefined;
}
