/**
 * TypeScript object type aliases, read as interfaces are: `type Deps = { redis: Redis; table: string }` declares
 * members as `interface Deps { ... }` does, so a parameter typed `Deps` (or `{ redis }: Deps`) has a `redis`
 * member of type `Redis`. The scope pass opens a class scope on the alias's `{` (`braces.ts`); only a declaration
 * at a statement's start whose value is the object type itself is one (`type Ids = string[]` and unions are not).
 */
import type { CodeAnalyzer } from './analyzer';
import { closeAngle } from './typeArguments';

/** Words a type alias declaration may follow on its line. */
const BEFORE_TYPE = new Set(['export', 'declare']);

/** The `{` of the object type that the TypeScript `type` alias declared at `k` stands for, or -1. */
export function objectTypeAliasBrace(a: CodeAnalyzer, k: number): number {
  if (a.language.id !== 'typescript' || !a.idIs(k, 'type') || !a.isId(k + 1)) {
    return -1;
  }
  const before = k - 1;
  const atStatement = k === 0 || a.startsLine(k) || a.is(before, ';') || a.is(before, '}') || BEFORE_TYPE.has(a.id(before) ?? '');
  if (!atStatement) {
    return -1;
  }
  // `type Page<T> = { ... }`: the type parameters come before `=`.
  const close = a.is(k + 2, '<') ? closeAngle(a, k + 2) : k + 1;
  const eq = close + 1;
  return close > k && a.is(eq, '=') && a.is(eq + 1, '{') ? eq + 1 : -1;
}
