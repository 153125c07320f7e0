/**
 * A literal a Pulumi program wraps as a secret: `pulumi.secret("…")` (TypeScript, JavaScript), `pulumi.Output.secret("…")`
 * (Python), `pulumi.ToSecret(pulumi.String("…"))` (Go), `Output.CreateSecret("…")` (C#). Pulumi encrypts a secret
 * in the stack's state and masks it in its output (https://www.pulumi.com/docs/iac/concepts/secrets/), but the
 * literal itself stays in the program's source. The option's literal stays an expression, so the rules that read a
 * value's setting see none; it carries the wrapped string (`secretLiteral`) for the hard-coded secret check.
 */
import { Literal, OptionOccurrence } from '../model';
import type { CodeAnalyzer } from './analyzer';

/** The wrapping call's path from its import, per language family: JavaScript's `secret`, Python's `Output.secret`. */
const WRAPPERS: Readonly<Record<string, { modules: readonly string[]; path: string }>> = {
  js: { modules: ['@pulumi/pulumi'], path: 'secret' },
  python: { modules: ['pulumi'], path: 'Output.secret' },
};

/** The options, each whose whole value is a string literal wrapped as a Pulumi secret carrying that string. */
export function withSecretLiterals(a: CodeAnalyzer, options: OptionOccurrence[]): OptionOccurrence[] {
  return options.map((option) => {
    const literal = option.literal;
    const wrapped = literal.kind === 'expr' && literal.secretLiteral === undefined ? secretWrapped(a, option) : undefined;
    if (wrapped === undefined || literal.kind !== 'expr') {
      return option;
    }
    const marked: Literal = { ...literal, secretLiteral: wrapped };
    // The option stays the prototype: its spans are worked out when asked.
    return Object.create(option, { literal: { value: marked, enumerable: true } }) as OptionOccurrence;
  });
}

/** The string literal the option's value wraps as a secret, or undefined. */
function secretWrapped(a: CodeAnalyzer, option: OptionOccurrence): string | undefined {
  const [first, end] = a.tokensOf(option.value);
  const last = end - 1;
  if (last <= first || !a.is(last, ')')) {
    return undefined;
  }
  const open = a.partner[last];
  if (open <= first || !a.is(open, '(') || !wrapperCall(a, first, open - 1)) {
    return undefined;
  }
  return wrappedString(a, open + 1, last);
}

/** Whether tokens [start, end] name the secret wrapper of the file's language, through its Pulumi import. */
function wrapperCall(a: CodeAnalyzer, start: number, end: number): boolean {
  const path = a.dottedPath(start);
  if (path.end !== end + 1) {
    return false;
  }
  const family = a.language.family;
  if (family === 'go') {
    return path.text === 'pulumi.ToSecret';
  }
  if (family === 'csharp') {
    return path.text === 'Output.CreateSecret' || path.text === 'Pulumi.Output.CreateSecret';
  }
  const wrapper = Object.hasOwn(WRAPPERS, family) ? WRAPPERS[family] : undefined;
  const root = wrapper ? a.lookup(a.tokens.text(start), start) : undefined;
  if (!wrapper || root?.t !== 'ref' || !wrapper.modules.includes(root.module)) {
    return false;
  }
  const rest = path.text.slice(a.tokens.text(start).length + 1);
  const full = root.path ? (rest ? `${root.path}.${rest}` : root.path) : rest;
  return full === wrapper.path;
}

/** The string literal that is the whole of tokens [from, to): itself, or Go's `pulumi.String("…")` around it. */
function wrappedString(a: CodeAnalyzer, from: number, to: number): string | undefined {
  if (to - from === 1 && a.isString(from) && !a.tokens.interpolated(from)) {
    return a.tokens.text(from);
  }
  const inner = a.language.family === 'go' && a.dottedPath(from).text === 'pulumi.String' ? a.dottedPath(from).end : -1;
  return inner > 0 && a.is(inner, '(') && a.partner[inner] === to - 1 ? wrappedString(a, inner + 1, to - 1) : undefined;
}
