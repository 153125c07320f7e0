/**
 * Go type aliases the file declares for a library's types (`type VKClient = valkey.Client`,
 * `type Cache = *redis.Client`, or in a group: `type ( DB = *sql.DB )`), as wrapper packages write them to
 * name their upstream client once: a field or parameter declared with the alias has the aliased type.
 * Only aliases (`=`); a defined type (`type Store redis.Client`) is a new type with none of its methods.
 */
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';

/** The file's aliases: by name, the first token of the type each stands for. */
const aliases = new FileMemo<'aliases', ReadonlyMap<string, number>>();

/** The first token of the type the name at `k` is an alias of (`libvalkey` of `type VKClient = libvalkey.Client`), or -1. */
export function goAliasTarget(a: CodeAnalyzer, k: number): number {
  const name = a.id(k);
  if (!name || !a.text.includes('type')) {
    return -1;
  }
  return aliases.get(a, 'aliases', () => declaredAliases(a)).get(name) ?? -1;
}

function declaredAliases(a: CodeAnalyzer): ReadonlyMap<string, number> {
  const found = new Map<string, number>();
  for (let k = 0; k + 1 < a.tokens.length; k++) {
    if (!a.idIs(k, 'type') || !a.startsLine(k)) {
      continue;
    }
    if (a.is(k + 1, '(') && a.partner[k + 1] > k + 1) {
      // `type ( A = x.T; B = y.U )`: one alias per line of the group.
      const close = a.partner[k + 1];
      for (let j = k + 2; j < close; j = a.skipGroup(j)) {
        if (a.startsLine(j)) {
          noteAlias(a, j, found);
        }
      }
      k = close;
    } else {
      noteAlias(a, k + 1, found);
    }
  }
  return found;
}

/** `Name = Type` from `k`: the alias, unless the name is declared twice (precision first). */
function noteAlias(a: CodeAnalyzer, k: number, found: Map<string, number>): void {
  if (!a.isId(k) || !a.is(k + 1, '=') || (!a.isId(k + 2) && !a.is(k + 2, '*'))) {
    return;
  }
  const name = a.tokens.text(k);
  found.set(name, found.has(name) ? -1 : k + 2);
}
