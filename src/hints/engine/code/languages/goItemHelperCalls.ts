/**
 * Go read-modify-write through item helpers (`goItemHelpers.ts`): a caller that gets an item from a reading helper,
 * changes it and hands it to a writing helper of the same type on the same receiver and table, as a service does
 * with its repository:
 *
 *     u, err := s.users.Get(ctx, id)
 *     u.Points += n
 *     return s.users.Save(ctx, u)
 *
 * or, where the reading helper returns the GetItem's output, decodes its item, changes that and hands it on encoded:
 *
 *     out, err := repo.FindRoom()
 *     attributevalue.UnmarshalMap(out.Item, &room)
 *     room.Members = append(room.Members, id)
 *     item, err := attributevalue.MarshalMap(room)
 *     repo.SaveRoom(item)
 *
 * Reported at the writing call. The helpers may be this file's, another file's of its package, or (in workspace
 * mode) an imported package's exported methods; a method is called on the same receiver as written (`s.users`), a
 * function with none. A method is known by its name: the receiver's type is whichever type declares both helpers
 * with one table. Helpers are asked for only where a call's result is bound, changed and handed to a later call on
 * the same receiver (a syntactic pass, in a file with DynamoDB calls or a workspace whose Go files name some).
 */
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import { codeOf } from '../../tokenCodes';
import { callArgumentRanges, goAssignedNames, typedBoundItemWritten } from '../readModifyWriteTyped';
import { chainStart } from '../receiverChains';
import { tokensText } from '../readModifyWriteTypedValues';
import { goImportSpecs, goPackageName } from './goPackageStructs';
import { goItemMethods } from './goItemHelpers';
import { goChangedAt, rmwGo } from './rmwGo';
import { OperationOccurrence } from '../../model';
import type { GoItemMethod } from '../../workspace/types';
import { Span } from '../../types';

/** Tokens after a reading call where its writing call is looked for: as far as the one-function flow reads. */
const MAX_TOKENS = 3000;
const DEFINE = codeOf(':=');
const ASSIGN = codeOf('=');

interface Known {
  /** The helper's type (`''` for a function) and its table, by helper name. */
  readers: Map<string, { type: string; table: string; output: boolean }[]>;
  writers: Map<string, { type: string; table: string; position: number }[]>;
}

/** The calls of writing helpers that put back, changed, what a reading helper returned to the same caller (see the module's comment). */
export function goHelperRewrites(a: CodeAnalyzer, gets: readonly OperationOccurrence[], puts: readonly OperationOccurrence[]): { tokenIndex: number; name: Span }[] {
  // Only a file with the shape, a call's result bound and handed to a later call on the same receiver, asks for helpers.
  const pairs = gets.length > 0 || puts.length > 0 || a.project?.goItemHelpersExist?.() ? boundAndHandedOn(a) : [];
  const known = pairs.length > 0 ? knownHelpers(a, gets, puts) : undefined;
  const found: { tokenIndex: number; name: Span }[] = [];
  for (const { read, write, receiver, bound } of pairs) {
    const readers = known!.readers.get(a.tokens.text(read));
    const writers = readers ? known!.writers.get(a.tokens.text(write)) : undefined;
    // A type (or the package, for functions) that declares both helpers over one table.
    const reader = (candidate: { type: string; table: string }) => readers!.find((one) => one.type === candidate.type && one.table === candidate.table);
    const writer = writers?.find((candidate) => (receiver.text === '') === (candidate.type === '') && reader(candidate) !== undefined);
    const argument = writer ? callArgumentRanges(a, write + 1)[writer.position] : undefined;
    const output = writer !== undefined && reader(writer)!.output;
    if (argument && typedBoundItemWritten(a, rmwGo, bound, a.parent[receiver.start], a.partner[read + 1] + 1, write, argument[0], argument[1], output)) {
      found.push({ tokenIndex: write, name: a.tokenSpan(write) });
    }
  }
  return found;
}

interface Pair {
  /** The name tokens of the reading call and of a later call on the same receiver that takes the bound name. */
  read: number;
  write: number;
  receiver: { text: string; start: number };
  bound: string;
}

/** The calls whose result a statement binds (`u, err := s.users.Get(ctx, id)`), each with the later calls in its function on the same receiver that take, once something was changed, a name as an argument (`s.users.Save(ctx, u)`, `&u`, `item` encoded from what `u` held). */
function boundAndHandedOn(a: CodeAnalyzer): Pair[] {
  const pairs: Pair[] = [];
  const codes = a.tokens.codes;
  for (let k = 1; k + 1 < a.tokens.length; k++) {
    const call = codes[k] === DEFINE || codes[k] === ASSIGN ? calledAt(a, k + 1) : -1;
    const receiver = call > 0 ? receiverOf(a, call) : undefined;
    const bound = receiver ? boundName(a, receiver.start) : undefined;
    if (!receiver || bound === undefined) {
      continue;
    }
    const caller = a.scopes.enclosing(call, ['function']);
    const body = a.functions.get(caller)?.body ?? -1;
    // To the end of the caller's body, as far as the one-function flow reads.
    const limit = body >= 0 && a.partner[body] > body ? Math.min(a.partner[body], call + MAX_TOKENS) : -1;
    let changed = false;
    for (let w = a.partner[call + 1] + 1; w < limit; w++) {
      // Handed on only once something is changed (`u.Points += n`, or what was decoded from it): what the flow then follows in full.
      if (!changed) {
        changed = a.isId(w) && !a.isAccess(w - 1) && goChangedAt(a, w);
        continue;
      }
      const handed = a.isId(w) && !a.isAccess(w - 1) && (a.is(w - 1, ',') || a.is(w - 1, '(') || a.is(w - 1, '&')) && (a.is(w + 1, ',') || a.is(w + 1, ')'));
      const open = handed ? a.parent[w] : -1;
      const write = open > 0 && a.is(open, '(') && a.isId(open - 1) ? open - 1 : -1;
      if (write > 0 && a.scopes.enclosing(write, ['function']) === caller && receiverOf(a, write)?.text === receiver.text) {
        pairs.push({ read: call, write, receiver, bound });
      }
    }
  }
  return pairs;
}

/** The name token of a call whose expression starts at `start` (`s.users.Get(`, `Get(`), or -1. */
function calledAt(a: CodeAnalyzer, start: number): number {
  let k = start;
  while (a.isId(k) && a.isAccess(k + 1) && a.isId(k + 2) && k < start + 16) {
    k += 2;
  }
  return a.isId(k) && a.is(k + 1, '(') && a.partner[k + 1] > k ? k : -1;
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
        known.readers.set(name, [...(known.readers.get(name) ?? []), { type, table: helper.reads, output: helper.readsOutput === true }]);
      }
      if (helper.puts) {
        known.writers.set(name, [...(known.writers.get(name) ?? []), { type, ...helper.puts }]);
      }
    }
  };
  add(gets.length > 0 || puts.length > 0 ? goItemMethods(a, gets, puts) : undefined, false);
  const ask = a.project?.goItemMethods;
  const name = goPackageName(a);
  if (ask && name !== undefined) {
    add(ask(name, ''), false);
    for (const { alias, path } of goImportSpecs(a)) {
      // A one-element path without a dot is the standard library's.
      if (alias !== '_' && alias !== '.' && (path.includes('/') || path.includes('.'))) {
        add(ask(name, path), true);
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
