/**
 * Names a file imports from another module of the workspace that makes a client there at module level
 * (`from webapp import redis_connection`, `import { ddb } from '../lib/dynamo'`, `c.client` after
 * `import webapp.cache as c`): the workspace model says which client, and the name reads as that client
 * here. Imports are no scope bindings, so a local of the same name still hides the import. Outside
 * workspace mode nothing resolves.
 */
import type { ExportedClient } from '../workspace/types';
import type { CodeAnalyzer } from './analyzer';
import { FileMemo } from './fileMemo';
import { Value } from './values';

/** What the workspace answers for this file's import: `module` as written, `path` the name read from it (`''`: the module itself). */
export type ImportedClientLookup = (module: string, path: string) => ExportedClient | undefined;

/** Answers per file: a name is read many times, the model is asked once. */
const answers = new FileMemo<string, Value | null>();

/**
 * Modules that can be a file of the workspace: relative ones in JavaScript (a package is no workspace
 * file), dotted names in Python; never the analyzer's own references (`member:…`, `go:…`).
 */
function mayBeProjectModule(a: CodeAnalyzer, module: string): boolean {
  return a.language.family === 'python' ? /^[.\w]+$/.test(module) : /^\.\.?(?:\/|$)/.test(module);
}

/** The client that `path` of an imported `module` is, when the workspace knows it. */
export function importedClient(a: CodeAnalyzer, module: string, path: string): Value | undefined {
  const lookup = a.importedClient;
  if (!lookup || !mayBeProjectModule(a, module)) {
    return undefined;
  }
  return (
    answers.get(a, `${module}\0${path}`, () => {
      const found = lookup(module, path);
      return found ? clientValue(found) : null;
    }) ?? undefined
  );
}

function clientValue({ table, ...client }: ExportedClient): Value {
  return table ? { t: 'client', ...client, tableName: table } : { t: 'client', ...client };
}
