/**
 * Table names known only in part: a name the code builds (`"shop-" + stage + "-orders"`, `code/builtNames.ts`) and a
 * template's `!Sub "${App}-${Stage}-orders"` or `!Join`, each as its literal pieces with an unknown part between each two. A
 * built name is taken for a table when exactly one table's name fits it: some name matches both.
 */

import type { TableDefinition } from './types';

/** The one table whose name (written, or built with variables) fits a name the code builds; undefined when none or several do. */
export function tableFittingPattern(tables: readonly TableDefinition[], pieces: readonly string[]): TableDefinition | undefined {
  let found: TableDefinition | undefined;
  for (const table of tables) {
    const name = table.physicalName !== undefined ? [table.physicalName] : table.namePattern;
    if (name && patternsMeet(pieces, name)) {
      if (found) {
        return undefined;
      }
      found = table;
    }
  }
  return found;
}

/**
 * The pieces of a name with unknown parts (`null`), adjacent literals joined; undefined when nothing is unknown or the
 * literal pieces say too little to tell tables apart (no piece of 4 characters or more).
 */
export function namePatternOf(parts: readonly (string | null)[]): string[] | undefined {
  const pieces = [''];
  for (const part of parts) {
    if (part === null) {
      pieces.push('');
    } else {
      pieces[pieces.length - 1] += part;
    }
  }
  const merged = pieces.filter((piece, i) => i === 0 || i === pieces.length - 1 || piece !== '');
  return merged.length > 1 && merged.some((piece) => piece.length >= 4) ? merged : undefined;
}

/** The pieces of a template name read as a pattern with `*` for each part that is not literal (`stackExports.ts`'s `namePattern`); `*` is no character of a table name. */
export function starPattern(text: string): string[] | undefined {
  return namePatternOf(text.split('*').flatMap((piece, i) => (i === 0 ? [piece] : [null, piece])));
}

/** Whether some name fits both patterns (a plain name is a pattern of one piece); each unknown part may be any text. */
export function patternsMeet(left: readonly string[], right: readonly string[]): boolean {
  // Most names part at their first or last characters: a cheap test before the full walk.
  if (!agree(left[0], right[0], (x, y) => x.startsWith(y)) || !agree(left[left.length - 1], right[right.length - 1], (x, y) => x.endsWith(y))) {
    return false;
  }
  const a = symbols(left);
  const b = symbols(right);
  // reach[j] for the current i: a common name can match a[0..i) and b[0..j).
  let reach = new Array<boolean>(b.length + 1).fill(false);
  reach[0] = true;
  for (let i = 0; i <= a.length; i++) {
    const next = new Array<boolean>(b.length + 1).fill(false);
    for (let j = 0; j <= b.length; j++) {
      if (!reach[j]) {
        continue;
      }
      const x = a[i];
      const y = b[j];
      if (y === ANY) {
        reach[j + 1] = true;
      }
      if (x === ANY) {
        next[j] = true;
        if (y !== undefined) {
          reach[j + 1] = true;
        }
      }
      if (y === ANY && x !== undefined && x !== ANY) {
        next[j] = true;
      }
      if (x !== undefined && x !== ANY && x === y) {
        next[j + 1] = true;
      }
    }
    if (i === a.length) {
      return reach[b.length];
    }
    reach = next;
  }
  return false;
}

/** Whether two leading (or trailing) pieces can begin (or end) one name: the shorter is where the longer starts (or ends). */
function agree(x: string, y: string, contains: (longer: string, shorter: string) => boolean): boolean {
  return x.length >= y.length ? contains(x, y) : contains(y, x);
}

const ANY = -1;

/** A pattern as characters (their codes) with `ANY` for each unknown part. */
function symbols(pieces: readonly string[]): number[] {
  const out: number[] = [];
  pieces.forEach((piece, i) => {
    if (i > 0) {
      out.push(ANY);
    }
    for (let k = 0; k < piece.length; k++) {
      out.push(piece.charCodeAt(k));
    }
  });
  return out;
}
