/**
 * Values bound to member paths of names: `g.db = boto3.resource(...)` or `cache["t"] = ...`, read back
 * as `g.db` wherever the same `g` is meant. A language binds them (Python); chains look them up here.
 */
import { Binding } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { Value } from './values';

/** The root under which a language binds member paths that another spelling reaches file-wide (see CodeLanguage.memberAlias). */
export const ALIAS_ROOT = '#alias';

export class MemberPaths {
  /** Paths that some statement assigns, by root name, so that chains look for them only where one exists. */
  private readonly byRoot = new Map<string, Set<string>>();

  /** Binds a value to a member path of a name (`g.db = ...`) in the scope that holds the name. */
  bind(a: CodeAnalyzer, scope: number, root: string, path: string, binding: Binding<Value>): void {
    const paths = this.byRoot.get(root);
    if (paths) {
      paths.add(path);
    } else {
      this.byRoot.set(root, new Set([path]));
    }
    a.scopes.bind(scope, path, binding);
  }

  /** The longest member path from the name at `token` (`g.db`, `cache["t"]`) that an assignment in scope gives a value. */
  at(a: CodeAnalyzer, base: string, token: number, limit: number): { value: Value; end: number; last: string } | undefined {
    const paths = this.byRoot.get(base);
    const aliases = this.byRoot.get(ALIAS_ROOT);
    if (!paths && !aliases) {
      return undefined;
    }
    let text = base;
    let found: { value: Value; end: number; last: string } | undefined;
    for (let j = token + 1; j < limit; ) {
      let last: string;
      if (a.isAccess(j) && a.id(j + 1)) {
        last = a.tokens.text(j + 1);
        text += `.${last}`;
      } else if (a.is(j, '[') && a.isString(j + 1) && a.partner[j] === j + 2) {
        last = '';
        text += `[${a.tokens.text(j + 1)}]`;
      } else {
        break;
      }
      j += last ? 2 : 3;
      const alias = aliases && a.language.memberAlias?.(text);
      const binding = paths?.has(text) ? a.scopes.pathBinding(base, text, token) : alias && aliases.has(alias) ? a.scopes.pathBinding(ALIAS_ROOT, alias, token) : undefined;
      const value = a.valueOf(binding);
      if (value) {
        found = { value, end: j, last };
      }
    }
    return found;
  }
}
