/** Identifier tokens by name, built once per file for the passes that look a name's uses up. */
import type { CodeAnalyzer } from './analyzer';
import { FileMemo } from './fileMemo';

const namedTokens = new FileMemo<'index', Map<string, number[]>>();

/** The identifier tokens spelled `name`, in order. */
export function tokensNamed(a: CodeAnalyzer, name: string): readonly number[] {
  const index = namedTokens.get(a, 'index', () => {
    const byName = new Map<string, number[]>();
    for (let k = 0; k < a.tokens.length; k++) {
      if (a.isId(k)) {
        const text = a.tokens.text(k);
        const list = byName.get(text);
        if (list) {
          list.push(k);
        } else {
          byName.set(text, [k]);
        }
      }
    }
    return byName;
  });
  return index.get(name) ?? [];
}
