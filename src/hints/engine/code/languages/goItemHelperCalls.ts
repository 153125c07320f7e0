/**
 * Go read-modify-write through item helpers (`goItemHelpers.ts`): a caller that gets an item from a reading helper,
 * changes it and hands it to a writing helper of the same type on the same receiver and table, as a service does
 * with its repository:
 *
 *     u, err := s.users.Get(ctx, id)
 *     u.Points += n
 *     return s.users.Save(ctx, u)
 *
 * Reported at the writing call. The helpers may be this file's, another file's of its package, or (in workspace
 * mode) an imported package's exported methods; a method is called on the same receiver as written (`s.users`), a
 * function with none. A method is known by its name: the receiver's type is whichever type declares both helpers
 * with one table. Only a file whose package or imports declare a reading and a writing helper is read.
 */
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import { callArgumentRanges, goAssignedNames, typedBoundItemWritten } from '../readModifyWriteTyped';
import { chainStart } from '../receiverChains';
import { tokensText } from '../readModifyWriteTypedValues';
import { goImportSpecs } from './goPackageStructs';
import { packageMembers } from './goProject';
import { goItemMethods } from './goItemHelpers';
import { rmwGo } from './rmwGo';
import { OperationOccurrence } from '../../model';
import type { GoItemMethod } from '../../workspace/types';
import { Span } from '../../types';

/** Tokens after a reading call where its writing call is looked for: as far as the one-function flow reads. */
const MAX_TOKENS = 3000;

interface Known {
  /** The helper's type (`''` for a function) and its table, by helper name. */
  readers: Map<string, { type: string; table: string }[]>;
  writers: Map<string, { type: string; table: string; position: number }[]>;
}

/** The calls of writing helpers that put back, changed, what a reading helper returned to the same caller (see the module's comment). */
export function goHelperRewrites(a: CodeAnalyzer, gets: readonly OperationOccurrence[], puts: readonly OperationOccurrence[]): { tokenIndex: number; name: Span }[] {
  const known = knownHelpers(a, gets, puts);
  if (known.readers.size === 0 || known.writers.size === 0) {
    return [];
  }
  const found: { tokenIndex: number; name: Span }[] = [];
  for (let k = 1; k + 1 < a.tokens.length; k++) {
    const readers = a.isId(k) && a.is(k + 1, '(') ? known.readers.get(a.tokens.text(k)) : undefined;
    const receiver = readers ? receiverOf(a, k) : undefined;
    const bound = receiver ? boundName(a, receiver.start) : undefined;
    if (!readers || !receiver || bound === undefined) {
      continue;
    }
    const caller = a.scopes.enclosing(k, ['function']);
    const end = a.partner[k + 1] + 1;
    for (let w = end; w + 1 < a.tokens.length && w < k + MAX_TOKENS; w++) {
      const writers = a.isId(w) && a.is(w + 1, '(') ? known.writers.get(a.tokens.text(w)) : undefined;
      if (!writers || a.scopes.enclosing(w, ['function']) !== caller || receiverOf(a, w)?.text !== receiver.text) {
        continue;
      }
      // A type (or the package, for functions) that declares both helpers over one table.
      const types = receiver.text === '' ? [''] : undefined;
      const writer = writers.find((candidate) => (types ? candidate.type === '' : candidate.type !== '') && readers.some((reader) => reader.type === candidate.type && reader.table === candidate.table));
      const argument = writer ? callArgumentRanges(a, w + 1)[writer.position] : undefined;
      if (argument && typedBoundItemWritten(a, rmwGo, bound, a.parent[receiver.start], end, w, argument[0], argument[1])) {
        found.push({ tokenIndex: w, name: a.tokenSpan(w) });
      }
    }
  }
  return found;
}

/** The helpers this file, the other files of its package and the packages it imports declare, by name. */
function knownHelpers(a: CodeAnalyzer, gets: readonly OperationOccurrence[], puts: readonly OperationOccurrence[]): Known {
  const known: Known = { readers: new Map(), writers: new Map() };
  const add = (methods: Record<string, GoItemMethod> | undefined, imported: boolean): void => {
    for (const [key, helper] of Object.entries(methods ?? {})) {
      const dot = key.indexOf('.');
      // An imported package's functions are called qualified (`users.Get`), which is no receiver of a type.
      if (imported && dot < 0) {
        continue;
      }
      const type = dot < 0 ? '' : key.slice(0, dot);
      const name = key.slice(dot + 1);
      if (helper.reads !== undefined) {
        known.readers.set(name, [...(known.readers.get(name) ?? []), { type, table: helper.reads }]);
      }
      if (helper.puts) {
        known.writers.set(name, [...(known.writers.get(name) ?? []), { type, ...helper.puts }]);
      }
    }
  };
  add(gets.length > 0 || puts.length > 0 ? goItemMethods(a, gets, puts) : undefined, false);
  add(packageMembers(a, '')?.itemMethods, false);
  if (a.project?.goImport) {
    for (const { alias, path } of goImportSpecs(a)) {
      if (alias !== '_' && alias !== '.') {
        add(packageMembers(a, path)?.itemMethods, true);
      }
    }
  }
  return known;
}

/** The receiver of the call whose name is at `k`, as written (`s.users`; `''` for a bare call), and where its expression starts; undefined for a package's function or a declaration. */
function receiverOf(a: CodeAnalyzer, k: number): { text: string; start: number } | undefined {
  if (!a.isAccess(k - 1)) {
    return a.idIs(k - 1, 'func') || a.is(k - 1, ')') ? undefined : { text: '', start: k };
  }
  const start = chainStart(a, k - 2);
  // `users.Get(…)` on an imported package is its function.
  if (start === k - 2 && importNames(a).has(a.tokens.text(start))) {
    return undefined;
  }
  return start < k - 1 ? { text: tokensText(a, start, k - 1), start } : undefined;
}

/** The names the file's imports bind (`users` for `…/users`, or the alias), read once per file. */
function importNames(a: CodeAnalyzer): ReadonlySet<string> {
  return imports.get(a, 'names', () => new Set(goImportSpecs(a).map(({ alias, path }) => alias ?? path.slice(path.lastIndexOf('/') + 1))));
}

const imports = new FileMemo<'names', ReadonlySet<string>>();

/** The name a statement binds to the call starting at `start` (`u, err := …`, `u, err = …`); undefined for none or `_`. */
function boundName(a: CodeAnalyzer, start: number): string | undefined {
  const at = start - 1;
  const name = a.is(at, ':=') || a.is(at, '=') ? goAssignedNames(a, at)?.[0] : undefined;
  return name === '_' ? undefined : name;
}
