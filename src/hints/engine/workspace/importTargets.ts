/**
 * Where an import of another module of the workspace may lead, as Python or Node would look for it: Python's
 * dotted path under any folder above the importing file (or relative to its package by dots, and under the Lambda
 * layers' folders), as `pkg.py` or `pkg/__init__.py`; JavaScript's relative path or path alias of the nearest
 * `tsconfig.json`, with each extension or an `index` file. The candidate files come in the order they are tried.
 */
import { extensionOf, folderOf, foldersUp, joinPath, withoutExtension } from './paths';
import { TsconfigPaths } from './tsconfig';

/** Extensions Node and TypeScript try for a relative import, in the order they try them. */
const JS_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];
/** An import of compiled JavaScript in TypeScript sources (`./dynamo.js`) names the TypeScript file it is compiled from. */
const COMPILED_FROM: Record<string, readonly string[]> = { js: ['ts', 'tsx'], jsx: ['tsx'], mjs: ['mts'], cjs: ['cts'] };

/** The module file(s) to look in, and the name to look for there. */
export interface Target {
  files: string[];
  name: string;
}

function join(folder: string, relative: string): string {
  return folder === '' ? relative : `${folder}/${relative}`;
}

/**
 * Python: `from webapp import redis_connection` is (`webapp`, `redis_connection`); `import webapp` then
 * `webapp.cache.client` is (`webapp`, `cache.client`): the last name is read from the module the rest names.
 */
export function pythonTarget(codeFile: string, module: string, path: string, layers: readonly string[] = []): Target | undefined {
  if (path === '') {
    return undefined;
  }
  const names = path.split('.');
  const name = names.pop()!;
  const rest = names.join('.');
  const full = rest === '' ? module : module.endsWith('.') ? `${module}${rest}` : `${module}.${rest}`;
  const dots = full.length - full.replace(/^\.+/, '').length;
  const parts = full.slice(dots) === '' ? [] : full.slice(dots).split('.');
  if (parts.some((part) => part === '')) {
    return undefined;
  }
  let bases: string[];
  if (dots > 0) {
    // One dot is the importing file's package, each further dot the package above.
    let base: string | undefined = folderOf(codeFile);
    for (let up = 1; up < dots && base !== undefined; up++) {
      base = base === '' ? undefined : folderOf(base);
    }
    bases = base === undefined ? [] : [base];
  } else {
    // The importing file's folders up to the root, then the Python layers' folders (Lambda's `/opt/python`).
    bases = [...new Set([...foldersUp(folderOf(codeFile)), ...layers])];
  }
  const relative = parts.join('/');
  const files = bases.flatMap((base) => (relative === '' ? [join(base, '__init__.py')] : [join(base, `${relative}.py`), join(base, `${relative}/__init__.py`)]));
  return { files, name };
}

/** The files Node and TypeScript try for a module path: the file itself when it has a script extension, then with each extension, then its `index`, then declaration files. */
function jsCandidates(base: string): string[] {
  const extension = extensionOf(base);
  const files = JS_EXTENSIONS.includes(extension) ? [base, ...(COMPILED_FROM[extension] ?? []).map((source) => `${withoutExtension(base)}.${source}`)] : [];
  files.push(...JS_EXTENSIONS.map((candidate) => `${base}.${candidate}`), ...JS_EXTENSIONS.map((candidate) => `${base}/index.${candidate}`));
  // A declaration file last, where a TypeScript type import may find only one (`src/types/api-gateway.d.ts`).
  files.push(`${base}.d.ts`, `${base}/index.d.ts`);
  return files;
}

/**
 * JavaScript and TypeScript: `path` is the imported name (`ddb`), `default` for a default import, `''`
 * for `require('./cache')` or `import * as cache`; a member of one (`cache.client`) is not followed.
 * A relative module is joined onto the file's folder; another is mapped by the nearest tsconfig's `paths` or `baseUrl`.
 */
function jsTarget(codeFile: string, module: string, path: string, tsconfigs: TsconfigPaths): Target | undefined {
  // A member of an exported singleton (`conn.command`) is read by its dotted name; deeper paths by none.
  if (path.split('.').length > 2) {
    return undefined;
  }
  const bases = /^\.\.?(?:\/|$)/.test(module) ? [joinPath(folderOf(codeFile), module)] : tsconfigs.bases(codeFile, module);
  const files = (bases ?? []).flatMap((base) => (base === undefined || base === '' ? [] : jsCandidates(base)));
  return files.length > 0 ? { files, name: path } : undefined;
}

/** The files an import of `path` from `module` in `codeFile` may lead to, in the order they are tried, and the name read there. */
export function importTarget(codeFile: string, module: string, path: string, tsconfigs: TsconfigPaths): Target | undefined {
  return codeFile.endsWith('.py') ? pythonTarget(codeFile, module, path, tsconfigs.pythonLayers) : jsTarget(codeFile, module, path, tsconfigs);
}
