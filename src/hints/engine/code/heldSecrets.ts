/**
 * A CDK secret built in a variable and passed by name: `const creds = rds.Credentials.fromPassword('admin',
 * SecretValue.unsafePlainText('pw'))` then `credentials: creds` (Java's `var credential = ...` then
 * `.credentials(credential)`). The option holds what the expression holds, as if written in place. A name bound more
 * than once in its scope, or to anything but an expression that writes a `SecretValue` in plain text, holds nothing known.
 */
import type { CodeAnalyzer } from './analyzer';
import { cdkEnumLiteral } from './cdkLiterals';
import { boundOnce } from './moduleConstants';

/** The tokens [from, to) of the expression the name at `token` is bound to once, when that expression is a plain-text CDK secret. */
export function heldPlainSecret(a: CodeAnalyzer, token: number): [number, number] | undefined {
  const bound = boundOnce(a, token);
  const text = bound && a.text.slice(a.tokens.starts[bound[0]], a.tokens.ends[bound[1] - 1]);
  return text?.includes('SecretValue') && cdkEnumLiteral(text)?.kind === 'str' ? bound : undefined;
}
