/**
 * Read-modify-write in Java, Go and C# (`readModifyWriteTyped.ts`): a fresh item rebuilt from a value read
 * from the item and computed, the counter shape. A statement that assigns a value read from the item
 * (`int count = Integer.parseInt(item.get("count").n())`, `n, _ := strconv.Atoi(out.Item["n"].(*types.AttributeValueMemberN).Value)`,
 * `var count = int.Parse(response.Item["count"].N)`) records the name; `count++`, `count += 1` or an
 * arithmetic assignment from it computes it. A Put whose item is a fresh map literal (`Map.of(…)`,
 * `map[string]types.AttributeValue{…}`, `new Dictionary<string, AttributeValue> { … }`) holding a computed
 * value, and repeating every entry of the Get's literal key as written, writes back the item read: a
 * single-table design writes other items of the same table with values read, which do not repeat the key.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import type { RmwFlow } from './readModifyWriteTyped';
import { filtersValue } from './readModifyWriteContainers';

/** The item accessor of the dialect (`.item()`, `.Item`), for a response name. */
type ItemMember = (a: CodeAnalyzer, p: number) => number;

/**
 * Whether the tokens [from, to) read a value of the item (a member of a held name, a response's item, or a
 * value name recorded before): undefined when not, otherwise whether the value is computed (an arithmetic
 * operator, a name computed before, or a member of an item changed in place since it was read). Shared with the JavaScript and Python flow (`readModifyWrite.ts`).
 */
export function readValue(a: CodeAnalyzer, itemMember: ItemMember, from: number, to: number, flow: RmwFlow): boolean | undefined {
  let reads = false;
  let computed = false;
  for (let j = from; j < to; j++) {
    if (((a.is(j, '+') || a.is(j, '-') || a.is(j, '*') || a.is(j, '/')) && !a.is(j + 1, '=')) || appendsAt(a, j)) {
      computed = true;
    }
    // A name right after a spread's three dots is read as it is (`[...item.tags, tag]`); so is one right after C#'s
    // `?`, which a name follows only in a conditional (`item != null ? item["n"].AsInt() : 0`), never in `?.` or `?[`.
    const name = a.isId(j) && (!a.isAccess(j - 1) || a.is(j - 1, '?') || (j >= 3 && a.tokens.isSpread(j - 3))) ? a.tokens.text(j) : undefined;
    if (name === undefined) {
      continue;
    }
    const value = flow.values.get(name);
    if (value !== undefined) {
      reads = true;
      computed ||= value || filtersValue(a, j);
    } else if (flow.items.has(name) ? a.isAccess(j + 1) || a.is(j + 1, '[') : flow.responses.has(name) && memberOfItem(a, itemMember, j + 1)) {
      reads = true;
      // A member of an item changed in place (`body.Item.count = body.Item.count + 1`) is a computed value.
      computed ||= flow.changed.has(name);
    }
  }
  return reads ? computed : undefined;
}

/**
 * A JavaScript list grown from what it holds: a spread beside other elements of an array literal
 * (`[...item.tags, tag]`) or `concat(` (`item.tags.concat(tag)`), as a counter grows by `+ 1`.
 */
function appendsAt(a: CodeAnalyzer, j: number): boolean {
  if (a.language.family !== 'js') {
    return false;
  }
  const open = a.parent[j];
  const spreadBeside = a.tokens.isSpread(j) && open >= 0 && a.is(open, '[') && segments(a, open).length > 1;
  return spreadBeside || (a.idIs(j, 'concat') && a.isAccess(j - 1) && a.is(j + 1, '('));
}

function memberOfItem(a: CodeAnalyzer, itemMember: ItemMember, p: number): boolean {
  const after = itemMember(a, p);
  return after >= 0 && (a.isAccess(after) || a.is(after, '['));
}

/**
 * The token that ends the statement whose value starts at `start`: a `;`, a new line where new lines end statements
 * (`lineEnds`: Go by default; JavaScript and Python in the untyped flow), or its block's end; -1 past 200 tokens.
 */
export function statementEnd(a: CodeAnalyzer, start: number, lineEnds = a.language.family === 'go'): number {
  const parent = a.parent[start];
  const blockEnd = parent >= 0 ? a.partner[parent] : a.tokens.length;
  for (let j = start + 1; j < a.tokens.length && j < start + 200; j++) {
    if (j >= blockEnd || (a.parent[j] === parent && (a.is(j, ';') || (lineEnds && a.startsLine(j))))) {
      return j;
    }
  }
  return -1;
}

/** `count++`, `count--`, `count += n` at the value name `k`. */
export function incrementsAt(a: CodeAnalyzer, k: number): boolean {
  const p = k + 1;
  return a.is(p, '++') || a.is(p, '--') || (a.is(p, '+') && a.is(p + 1, '+')) || (a.is(p, '-') && a.is(p + 1, '-')) || a.is(p, '+=') || a.is(p, '-=') || ((a.is(p, '+') || a.is(p, '-')) && a.is(p + 1, '='));
}

/** The entries of a map literal in [from, to) as written: key string → value text; undefined when it is no literal map. */
export function literalEntries(a: CodeAnalyzer, from: number, to: number): Map<string, string> | undefined {
  const family = a.language.family;
  let open = -1;
  if (family === 'java') {
    // `Map.of("pk", v, "n", w)`
    if (a.idIs(from, 'Map') && a.isAccess(from + 1) && a.idIs(from + 2, 'of') && a.is(from + 3, '(') && a.partner[from + 3] === to - 1) {
      const args = segments(a, from + 3);
      if (args.length % 2 !== 0) {
        return undefined;
      }
      const found = new Map<string, string>();
      for (let k = 0; k < args.length; k += 2) {
        const [ks, ke] = args[k];
        if (ke !== ks + 1 || !a.isString(ks)) {
          return undefined;
        }
        found.set(a.tokens.text(ks), tokensText(a, args[k + 1][0], args[k + 1][1]));
      }
      return found;
    }
    return undefined;
  }
  // Go `map[string]types.AttributeValue{…}`, C# `new Dictionary<string, AttributeValue> { … }`: the last brace group.
  if (a.is(to - 1, '}') && a.partner[to - 1] > from) {
    open = a.partner[to - 1];
  }
  const typed = family === 'go' ? a.idIs(from, 'map') : a.idIs(from, 'new') && a.idIs(from + 1, 'Dictionary');
  if (open < 0 || !typed) {
    return undefined;
  }
  const found = new Map<string, string>();
  for (const [start, end] of segments(a, open)) {
    if (family === 'go' && a.isString(start) && a.is(start + 1, ':')) {
      found.set(a.tokens.text(start), tokensText(a, start + 2, end));
    } else if (family === 'csharp' && a.is(start, '[') && a.isString(start + 1) && a.is(start + 2, ']') && a.is(start + 3, '=')) {
      found.set(a.tokens.text(start + 1), tokensText(a, start + 4, end));
    } else if (family === 'csharp' && a.is(start, '{') && a.partner[start] === end - 1) {
      const pair = segments(a, start);
      if (pair.length !== 2 || pair[0][1] !== pair[0][0] + 1 || !a.isString(pair[0][0])) {
        return undefined;
      }
      found.set(a.tokens.text(pair[0][0]), tokensText(a, pair[1][0], pair[1][1]));
    } else {
      return undefined;
    }
  }
  return found;
}

/**
 * Whether the Put's item [from, to) is a fresh map literal that repeats every entry of the Get's literal key
 * [keyFrom, keyTo) and holds a value computed from the item read.
 */
export function rebuiltWithComputedValue(a: CodeAnalyzer, itemMember: ItemMember, itemFrom: number, itemTo: number, keyFrom: number, keyTo: number, flow: RmwFlow): boolean {
  const [from, to] = [itemFrom, wholeConstruction(a, itemFrom, itemTo)];
  const key = keyFrom >= 0 ? literalEntries(a, keyFrom, wholeConstruction(a, keyFrom, keyTo)) : undefined;
  const item = key && key.size > 0 ? literalEntries(a, from, to) : undefined;
  if (!key || !item || [...key].some(([name, value]) => item.get(name) !== value)) {
    return false;
  }
  const open = a.language.family === 'java' ? from + 3 : a.partner[to - 1];
  return segments(a, open).some(([start, end]) => readValue(a, itemMember, start, end, flow) === true);
}

/**
 * C#: an option's value that starts with `new Dictionary<string, AttributeValue> { … }` may be cut at the
 * comma of its type arguments; the end of the construction's initializer, or `to` as it was.
 */
export function wholeConstruction(a: CodeAnalyzer, from: number, to: number): number {
  if (a.language.family !== 'csharp' || !a.idIs(from, 'new')) {
    return to;
  }
  for (let j = from + 1; j < from + 24 && j < a.tokens.length; j++) {
    if (a.is(j, '{') && a.parent[j] === a.parent[from]) {
      return a.partner[j] > j ? a.partner[j] + 1 : to;
    }
    if (a.is(j, ';') || a.is(j, '}')) {
      return to;
    }
  }
  return to;
}

/** The tokens from `from` to `to` as one text, a space between each: a key that ignores how the code spaces them. */
export function tokensText(a: CodeAnalyzer, from: number, to: number): string {
  const parts: string[] = [];
  for (let k = from; k < to; k++) {
    parts.push(a.tokens.text(k));
  }
  return parts.join(' ');
}

/** The start of a copy expression whose argument list opens at `open` (as the dialect's `copyOpen` finds one from a start), or -1. */
export function copyStartOf(copyOpen: (start: number) => number, open: number): number {
  for (let s = open - 1; s >= open - 12 && s >= 0; s--) {
    if (copyOpen(s) === open) {
      return s;
    }
  }
  return -1;
}
