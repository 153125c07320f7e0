/**
 * What the calls other files of the workspace make of a module-level function or class pass for one of its
 * parameters (workspace mode; see `workspace/passedClients.ts`), and the JavaScript export statements through
 * which such files reach the name. Only files that name a client library record their calls, so a call from
 * a file that names none is not seen.
 */
import type { ClientPassingCall } from '../workspace/types';
import type { CodeAnalyzer } from './analyzer';
import { FileMemo } from './fileMemo';
import { agree } from './outerBindings';
import { clientValue } from './projectImports';
import { Value } from './values';
import { codeOf } from '../tokenCodes';

/** Module-level declarations asked about per file: far more than a configuration module has. */
const MAX_DECLARATIONS = 64;
const VARIABLES = new Set(['const', 'let', 'var'].map(codeOf));
const FUNCTION = codeOf('function');

/** Per file, the first module-level variables, and the first variables and functions together, read in one pass. */
const declared = new FileMemo<'names', { variables: number[]; withFunctions: number[] }>();

/**
 * The name tokens of a JavaScript module's first declarations at module level (`const config = …`, and with
 * `functions` also `function config()`), the names other files' calls may hand on as options.
 */
export function moduleLevelNames(a: CodeAnalyzer, functions: boolean): number[] {
  const names = declared.get(a, 'names', () => {
    const variables: number[] = [];
    const withFunctions: number[] = [];
    for (let k = 0; k + 2 < a.tokens.length && (variables.length < MAX_DECLARATIONS || withFunctions.length < MAX_DECLARATIONS); k++) {
      // Codes, not texts: this runs over every token of every file in workspace mode, once for the Redis and SQL readers.
      const code = a.tokens.codes[k];
      const variable = VARIABLES.has(code);
      if ((variable || code === FUNCTION) && a.isId(k + 1) && a.scopes.scopeAt(k) === 0) {
        if (variable && variables.length < MAX_DECLARATIONS) {
          variables.push(k + 1);
        }
        if (withFunctions.length < MAX_DECLARATIONS) {
          withFunctions.push(k + 1);
        }
      }
    }
    return { variables, withFunctions };
  });
  return functions ? names.withFunctions : names.variables;
}

/**
 * The client the other files' calls of `name` agree on for the parameter at `position` (Python: or by its
 * keyword `parameter.name`); null when one passes something else there, or leaves it to a spread; undefined
 * when no other file calls it.
 */
export function otherFilesPass(a: CodeAnalyzer, name: string, parameter: { position: number; name: string }): Value | null | undefined {
  const calls = callsFromOtherFiles(a, name).filter((call) => !call.redisOptions && !call.sqlOptions);
  let agreed: Value | undefined;
  for (const call of calls) {
    const keywords = a.language.family === 'python' ? call.keywords : undefined;
    const byName = keywords && Object.hasOwn(keywords, parameter.name) ? keywords[parameter.name] : undefined;
    const passed = byName !== undefined ? byName : parameter.position < call.args.length ? call.args[parameter.position] : null;
    // The model resolves what a caller imports; anything it could not is as good as unknown.
    const client = passed && ('kind' in passed || 'session' in passed || 'construct' in passed) ? passed : undefined;
    if (!client) {
      return null;
    }
    const value: Value = 'session' in client ? { t: 'boto3' } : 'construct' in client ? { t: 'construct', type: client.construct } : clientValue(client);
    agreed = agreed ? agree(agreed, value) : value;
    if (!agreed) {
      return null;
    }
  }
  return agreed;
}

/**
 * What other files do with `name`, a module-level name of this file (workspace mode): their calls of it, and
 * their uses of it as a Redis client's options. A JavaScript module's default export is also what
 * `require('./m')` (read as `''`) and `import X from './m'` (`default`) give.
 */
export function callsFromOtherFiles(a: CodeAnalyzer, name: string): readonly ClientPassingCall[] {
  const project = a.project;
  if (!project?.clientPassingCalls) {
    return [];
  }
  const names = defaultExport(a) === name ? [name, '', 'default'] : [name];
  return names.flatMap((exported) => project.clientPassingCalls!(exported));
}

/** The name a JavaScript module exports whole or as its default, per file; null for none. */
const defaultExports = new FileMemo<'default', string | null>();

/** `module.exports = TagIndex`, `export default TagIndex`, `export default class TagIndex`, `export default async function purge`. */
function defaultExport(a: CodeAnalyzer): string | undefined {
  if (a.language.family !== 'js') {
    return undefined;
  }
  const found = defaultExports.get(a, 'default', () => {
    for (let k = 0; k + 3 < a.tokens.length; k++) {
      if (a.scopes.scopeAt(k) !== 0) {
        continue;
      }
      if (a.idIs(k, 'module') && a.is(k + 1, '.') && a.idIs(k + 2, 'exports') && a.is(k + 3, '=') && a.isId(k + 4) && !a.isAccess(k + 5) && !a.is(k + 5, '(')) {
        return a.tokens.text(k + 4);
      }
      if (a.idIs(k, 'export') && a.idIs(k + 1, 'default')) {
        let at = a.idIs(k + 2, 'async') ? k + 3 : k + 2;
        at = a.idIs(at, 'class') || a.idIs(at, 'function') ? at + 1 : at;
        return a.isId(at) ? a.tokens.text(at) : null;
      }
    }
    return null;
  });
  return found ?? undefined;
}

/**
 * Whether a bare use of a function's name exports it: `export { purge }`, `export default purge`,
 * `module.exports = { purge }`, `exports.purge = purge`, `module.exports.purge = purge`.
 */
export function exported(a: CodeAnalyzer, use: number): boolean {
  if (a.language.family !== 'js') {
    return false;
  }
  if (a.idIs(use - 1, 'default') && a.idIs(use - 2, 'export')) {
    return true;
  }
  if (a.is(use - 1, '=')) {
    return exportsTarget(a, use - 2);
  }
  const brace = a.parent[use];
  const shorthand = (a.is(use - 1, '{') || a.is(use - 1, ',')) && (a.is(use + 1, '}') || a.is(use + 1, ','));
  if (!shorthand || !a.is(brace, '{')) {
    return false;
  }
  return a.idIs(brace - 1, 'export') || (a.is(brace - 1, '=') && exportsTarget(a, brace - 2));
}

/** Whether the assignment target ending at `end` is `module.exports`, `exports` or a member of either. */
function exportsTarget(a: CodeAnalyzer, end: number): boolean {
  let k = end;
  while (a.isId(k) && a.isAccess(k - 1)) {
    if (a.idIs(k, 'exports') && (a.idIs(k - 2, 'module') && !a.isAccess(k - 3))) {
      return true;
    }
    k -= 2;
  }
  return a.idIs(k, 'exports') && !a.isAccess(k - 1);
}
