/**
 * A value read from the environment with a string literal to fall back on when the variable is unset:
 * `process.env.DB_PASSWORD ?? 'pw'` (or `||`), C# `Environment.GetEnvironmentVariable("X") ?? "pw"`, Python
 * `os.getenv("X", "pw")`, `os.environ.get("X", "pw")` (also `default="pw"`, or `... or "pw"`), Java
 * `System.getenv().getOrDefault("X", "pw")` and `Optional.ofNullable(System.getenv("X")).orElse("pw")`, and a
 * project's own helper `getEnv("X", "pw")` (Go's usual shape). The literal is what the code uses wherever the variable is missing, so a password there is a
 * password written in the code. Test code is not read: its fallbacks point at a disposable server.
 */
import type { CodeAnalyzer } from './analyzer';
import { environmentRead, FALLBACKS } from './names';
import { inTestCode } from './testFixtures';

/** Project helpers that read a variable with a default: `getEnv`, `GetEnvOrDefault`, `get_env`, `envOr`, `getenvDefault`. */
const ENV_HELPER = /^(?:get|lookup|read)?_?env(?:ironment)?(?:_?var(?:iable)?)?(?:_?or)?(?:_?(?:default|fallback|else))?$/i;
/** An environment variable's name as the helpers take it. */
const VARIABLE_NAME = /^[A-Z][A-Z0-9_]*$/;

/** The string literal the tokens [from, to) fall back on after an environment read, or undefined. */
export function envFallbackOf(a: CodeAnalyzer, from: number, to: number): string | undefined {
  const literal = fallbackToken(a, from, to);
  return literal >= 0 && !a.testFile && !inTestCode(a, from) ? a.tokens.text(literal) : undefined;
}

function plainString(a: CodeAnalyzer, token: number): boolean {
  return a.isString(token) && !a.tokens.interpolated(token);
}

/** The string literal token of an environment read's fallback in [from, to), in any code (tests too), or -1. */
export function fallbackToken(a: CodeAnalyzer, from: number, to: number): number {
  const last = to - 1;
  if (to - from < 4 || (!plainString(a, last) && !a.is(last, ')'))) {
    return -1;
  }
  // `read ?? 'x'`, `read || 'x'`, `read or "x"`.
  if (plainString(a, last) && (FALLBACKS[a.language.family] ?? []).some((op) => a.is(last - 1, op))) {
    return environmentRead(a, from, last - 1) !== undefined ? last : -1;
  }
  // The rest are calls whose last argument is the literal: `f(..., "x")`.
  const open = a.partner[last];
  if (!a.is(last, ')') || open < from || !plainString(a, last - 1)) {
    return -1;
  }
  const family = a.language.family;
  // Java: `Optional.ofNullable(System.getenv("X")).orElse("x")`.
  if (family === 'java' && open === last - 2 && a.idIs(open - 1, 'orElse') && a.is(open - 2, '.') && a.is(open - 3, ')')) {
    const inner = a.partner[open - 3];
    return inner === from + 3 && a.idIs(from, 'Optional') && a.is(from + 1, '.') && a.idIs(from + 2, 'ofNullable') && environmentRead(a, from + 4, open - 3) !== undefined ? last - 1 : -1;
  }
  // Python's default also by keyword: `os.getenv("X", default="x")`.
  const keyword = family === 'python' && a.is(last - 2, '=') && a.idIs(last - 3, 'default') ? 2 : 0;
  if (!a.is(last - 2 - keyword, ',')) {
    return -1;
  }
  if (family === 'python' && environmentRead(a, from, to) !== undefined) {
    return last - 1;
  }
  // Java: `System.getenv().getOrDefault("X", "x")`.
  if (family === 'java' && open === from + 7 && a.idIs(from, 'System') && a.idIs(from + 2, 'getenv') && a.is(from + 3, '(') && a.is(from + 4, ')') && a.idIs(from + 6, 'getOrDefault')) {
    return open + 4 === last ? last - 1 : -1;
  }
  // A helper, called by name or on a package or module (`config.GetEnv`): two arguments, a variable's name first.
  const named = open === from + 1 || (open === from + 3 && a.isId(from) && a.isAccess(from + 1));
  const helper = a.id(open - 1);
  return named && helper !== undefined && ENV_HELPER.test(helper) && open + 4 === last && plainString(a, open + 1) && VARIABLE_NAME.test(a.tokens.text(open + 1)) ? last - 1 : -1;
}
