/**
 * Values bound to member paths of names: `g.db = boto3.resource(...)` or `cache["t"] = ...`, read back
 * as `g.db` wherever the same `g` is meant. A language binds them (Python); chains look them up here.
 */
import { Binding } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { empties } from './outerBindings';
import { clientValue, ProjectContext } from './projectImports';
import { Value } from './values';

/** The root under which a language binds member paths that another spelling reaches file-wide (see CodeLanguage.memberAlias). */
export const ALIAS_ROOT = '#alias';

export class MemberPaths {
  /** Paths that some statement assigns, by root name, so that chains look for them only where one exists. */
  private readonly byRoot = new Map<string, Set<string>>();
  /** The bindings under the alias root, in order: what the file sets on a shared object (`app.state.redis = ...`). */
  private readonly aliasList: [string, Binding<Value>][] = [];
  /** What the other files of the workspace set under an alias this file does not bind, per alias. */
  private readonly shared = new Map<string, Value | null>();

  /** Binds a value to a member path of a name (`g.db = ...`) in the scope that holds the name. */
  bind(a: CodeAnalyzer, scope: number, root: string, path: string, binding: Binding<Value>): void {
    const paths = this.byRoot.get(root);
    if (paths) {
      paths.add(path);
    } else {
      this.byRoot.set(root, new Set([path]));
    }
    a.scopes.bind(scope, path, binding);
    if (root === ALIAS_ROOT) {
      this.aliasList.push([path, binding]);
    }
  }

  /** Each alias the file binds (`app.state.redis`), with the binding, in order. */
  aliasBindings(): readonly [string, Binding<Value>][] {
    return this.aliasList;
  }

  /** The longest member path from the name at `token` (`g.db`, `cache["t"]`) that an assignment in scope gives a value. */
  at(a: CodeAnalyzer, base: string, token: number, limit: number): { value: Value; end: number; last: string } | undefined {
    const paths = this.byRoot.get(base);
    const aliases = this.byRoot.get(ALIAS_ROOT);
    const elsewhere = a.language.memberAlias && a.project?.requestClient ? a.project : undefined;
    if (!paths && !aliases && !elsewhere) {
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
      const alias = (aliases || elsewhere) && a.language.memberAlias?.(text);
      const binding = paths?.has(text) ? a.scopes.pathBinding(base, text, token, (each) => empties(a, each)) : alias && aliases?.has(alias) ? a.scopes.pathBinding(ALIAS_ROOT, alias, token) : undefined;
      // `request.app.state.redis` where another module's startup code sets `app.state.redis`.
      const value = a.valueOf(binding) ?? (alias && !aliases?.has(alias) && elsewhere ? this.sharedValue(alias, elsewhere) : undefined);
      if (value) {
        found = { value, end: j, last };
      }
    }
    return found;
  }

  /** The client the other files of the workspace agree they set under `alias`, once per alias. */
  private sharedValue(alias: string, project: ProjectContext): Value | undefined {
    let value = this.shared.get(alias);
    if (value === undefined) {
      const client = project.requestClient?.(alias);
      value = client ? clientValue(client) : null;
      this.shared.set(alias, value);
    }
    return value ?? undefined;
  }
}
