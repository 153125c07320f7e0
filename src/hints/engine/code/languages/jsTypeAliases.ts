/**
 * TypeScript type aliases of a plain name in the file (`type LocalRedis = Redis`, `export type Cache =
 * IORedis.Redis | null`): an annotation that names one reads as the type it stands for (`javascript.ts`'s
 * `typeValue`). A name declared twice (in two scopes) is none; a generic alias (`type Box<T> = ...`) is none.
 */
import { codeOf } from '../../tokenCodes';
import type { CodeAnalyzer } from '../analyzer';

const TYPE = codeOf('type');

/** Aliases of aliases followed by `typeValue`. */
export const MAX_ALIAS_DEPTH = 4;
const aliasesByFile = new WeakMap<CodeAnalyzer, Map<string, number>>();

/** Where the type an alias of the file stands for starts, if the name is one. */
export function typeAliasOf(a: CodeAnalyzer, name: string): number | undefined {
  let aliases = aliasesByFile.get(a);
  if (!aliases) {
    aliases = readAliases(a);
    aliasesByFile.set(a, aliases);
  }
  return aliases.get(name);
}

function readAliases(a: CodeAnalyzer): Map<string, number> {
  const aliases = new Map<string, number>();
  const twice = new Set<string>();
  const codes = a.tokens.codes;
  for (let k = 0; k + 3 < a.tokens.length; k++) {
    if (codes[k] !== TYPE || !a.isId(k) || !a.isId(k + 1) || !a.is(k + 2, '=') || !a.isId(k + 3) || a.isAccess(k - 1) || !startsStatement(a, k)) {
      continue;
    }
    const alias = a.tokens.text(k + 1);
    if (aliases.has(alias)) {
      twice.add(alias);
    }
    aliases.set(alias, k + 3);
  }
  twice.forEach((alias) => aliases.delete(alias));
  return aliases;
}

/** `type` where a declaration may start: a line's start, after a statement or brace, or after `export` or `declare`. */
function startsStatement(a: CodeAnalyzer, k: number): boolean {
  return a.startsLine(k) || a.is(k - 1, ';') || a.is(k - 1, '}') || a.is(k - 1, '{') || a.idIs(k - 1, 'export') || a.idIs(k - 1, 'declare');
}
