/**
 * Go's grouped declarations, `var ( ... )` and `const ( ... )`: each line declares its names in the scope the group
 * sits in, as `var name = value` does. Teams write a handler's locals this way (`var ( svc = dynamodb.NewFromConfig(cfg);
 * qi = dynamodb.QueryInput{...} )`), so a name of such a group inside a function is that function's local, not a
 * package variable, and holds the value written for it, whatever the line before it ends with.
 */
import type { Binding, ScopeTree } from '../../scope/scopes';
import { TOKEN_KIND } from '../../lexer';
import type { CodeAnalyzer } from '../analyzer';
import type { Value } from '../values';

/** Whether the `=` at `eq` gives a name of a `var ( ... )` or `const ( ... )` group its value (not a reassignment). */
export function inDeclarationGroup(a: CodeAnalyzer, eq: number): boolean {
  const open = a.parent[eq];
  return open > 0 && a.is(open, '(') && (a.idIs(open - 1, 'var') || a.idIs(open - 1, 'const'));
}

/**
 * Binds the names of the group whose `(` is at `open`, in the scope holding the group: the first name of a line takes
 * the value after its `=`, and a name written with a type and no value (`out *dynamodb.QueryOutput`) takes that type.
 */
export function bindDeclarationGroup(a: CodeAnalyzer, tree: ScopeTree<Value>, open: number, typeValue: (start: number) => Value | undefined): void {
  const close = a.partner[open];
  if (close < 0) {
    return;
  }
  const holder = tree.holderAt(open);
  for (const [start, end] of entries(a, open, close)) {
    const names: number[] = [];
    let k = start;
    while (k < end && a.isId(k)) {
      names.push(k);
      if (!a.is(k + 1, ',')) {
        break;
      }
      k += 2;
    }
    const after = names.length > 0 ? names[names.length - 1] + 1 : end;
    const eq = equalsIn(a, after, end);
    const declared = a.is(after, '=') || after >= end ? undefined : typeValue(after);
    names.forEach((name, index) => {
      const binding: Binding<Value> = { token: name, expression: index === 0 && eq >= 0 ? eq + 1 : -1, ...(declared ? { declared } : {}) };
      tree.bind(holder, a.tokens.text(name), binding);
    });
  }
}

/** The lines of the group (a line, or a part of one ended by `;`): first token and the token after the last. */
function entries(a: CodeAnalyzer, open: number, close: number): [number, number][] {
  const found: [number, number][] = [];
  let start = open + 1;
  for (let k = open + 1; k <= close; k = a.skipGroup(k)) {
    const ends = k === close || a.is(k, ';') || (k > start && a.startsLine(k) && endsLine(a, k - 1));
    if (!ends) {
      continue;
    }
    if (start < k) {
      found.push([start, k]);
    }
    start = a.is(k, ';') ? k + 1 : k;
  }
  return found;
}

/** Whether a line ending with the token at `last` ends its statement, as Go inserts a `;` there (not `base +`, a value going on). */
function endsLine(a: CodeAnalyzer, last: number): boolean {
  return a.isId(last) || a.isString(last) || a.tokens.kinds[last] === TOKEN_KIND.NUM || a.is(last, ')') || a.is(last, ']') || a.is(last, '}');
}

/** The `=` of an entry between `from` and `end`, at its own level, or -1. */
function equalsIn(a: CodeAnalyzer, from: number, end: number): number {
  for (let k = from; k < end; k = a.skipGroup(k)) {
    if (a.is(k, '=')) {
      return k;
    }
  }
  return -1;
}
