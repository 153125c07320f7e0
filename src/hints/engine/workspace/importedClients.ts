/**
 * Which client a code file gets when it imports a name from another module of the workspace (or, for a
 * class it imports, the class's client fields). The module is
 * mapped to workspace files as Python or Node would look for it (Python: the dotted path under any folder
 * above the importing file, or relative to its package by dots, as `pkg.py` or `pkg/__init__.py`;
 * JavaScript: a relative path with its extension or an `index` file), then the name is followed through
 * re-exports to the module that binds it. Only a certain answer counts: a module that maps to several
 * files that do not agree, a name that holds no client, a cycle of re-exports, all resolve to nothing.
 * Only files that contribute to the model are seen: a module that exports no client is no candidate.
 * A module's exports are read from its module-level statements the first time a file imports from it.
 */
import { BudgetExceeded } from '../budget';
import { CodeExports, readExports, ReExport } from './codeExports';
import { extensionOf, folderOf, foldersUp, joinPath, withoutExtension } from './paths';
import { ExportedClient, ModuleSource } from './types';

/** Steps one question may take through re-exports and candidate files: far past any real chain. */
const MAX_STEPS = 256;

/** Extensions Node and TypeScript try for a relative import, in the order they try them. */
const JS_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];
/** An import of compiled JavaScript in TypeScript sources (`./dynamo.js`) names the TypeScript file it is compiled from. */
const COMPILED_FROM: Record<string, readonly string[]> = { js: ['ts', 'tsx'], jsx: ['tsx'], mjs: ['mts'], cjs: ['cts'] };

/** The module file(s) to look in, and the name to look for there. */
interface Target {
  files: string[];
  name: string;
}

/** What a name imported from a workspace module is: a client made there, or a name of a client library passed on. */
type ImportedName = { client: ExportedClient } | { package: ReExport } | { fields: Record<string, ExportedClient> };

interface Walk {
  /** `file\0name` pairs on the current path of re-exports: meeting one again is a cycle. */
  visiting: Set<string>;
  steps: number;
}

function join(folder: string, relative: string): string {
  return folder === '' ? relative : `${folder}/${relative}`;
}

/**
 * Python: `from webapp import redis_connection` is (`webapp`, `redis_connection`); `import webapp` then
 * `webapp.cache.client` is (`webapp`, `cache.client`): the last name is read from the module the rest names.
 */
function pythonTarget(codeFile: string, module: string, path: string): Target | undefined {
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
    bases = foldersUp(folderOf(codeFile));
  }
  const relative = parts.join('/');
  const files = bases.flatMap((base) => (relative === '' ? [join(base, '__init__.py')] : [join(base, `${relative}.py`), join(base, `${relative}/__init__.py`)]));
  return { files, name };
}

/**
 * JavaScript and TypeScript: `path` is the imported name (`ddb`), `default` for a default import, `''`
 * for `require('./cache')` or `import * as cache`; a member of one (`cache.client`) is not followed.
 */
function jsTarget(codeFile: string, module: string, path: string): Target | undefined {
  if (!/^\.\.?(?:\/|$)/.test(module) || path.includes('.')) {
    return undefined;
  }
  const base = joinPath(folderOf(codeFile), module);
  if (base === undefined || base === '') {
    return undefined;
  }
  const extension = extensionOf(base);
  const files = JS_EXTENSIONS.includes(extension) ? [base, ...(COMPILED_FROM[extension] ?? []).map((source) => `${withoutExtension(base)}.${source}`)] : [];
  files.push(...JS_EXTENSIONS.map((candidate) => `${base}.${candidate}`), ...JS_EXTENSIONS.map((candidate) => `${base}/index.${candidate}`));
  return { files, name: path };
}

/** The one answer all candidates give; undefined when there is none, or two differ (a missing answer differs too). */
function agreed(answers: readonly (ImportedName | undefined)[]): ImportedName | undefined {
  const first = answers[0];
  if (first === undefined) {
    return undefined;
  }
  const key = JSON.stringify(first);
  return answers.every((answer) => answer !== undefined && JSON.stringify(answer) === key) ? first : undefined;
}

/** Exports read from each module source, once: a file that changes gets a new source object. */
const readSources = new WeakMap<ModuleSource, CodeExports | null>();

/** What a module source exports. A module whose statements fail to read exports nothing, rather than fail every file that imports it. */
function exportsOf(file: string, source: ModuleSource): CodeExports | undefined {
  let exports = readSources.get(source);
  if (exports === undefined) {
    try {
      exports = readExports(file, source) ?? null;
    } catch (error) {
      if (error instanceof BudgetExceeded) {
        throw error;
      }
      exports = null;
    }
    readSources.set(source, exports);
  }
  return exports ?? undefined;
}

export class ImportedClients {
  private readonly answers = new Map<string, ImportedName | null>();
  /** The folder and module names (without `.py`) on the paths of the sources, made on first use. */
  private pathNames: Set<string> | undefined;

  /** `sources`: the module-level statements of the workspace's code modules that may export a client, by file. */
  constructor(private readonly sources: ReadonlyMap<string, ModuleSource>) {}

  /** What a workspace file exports; undefined for a file that exports nothing (or is no file of the model). */
  private exportsOf(file: string): CodeExports | undefined {
    const source = this.sources.get(file);
    return source && exportsOf(file, source);
  }

  /** The client `codeFile` gets by reading `path` from the `module` it imports; see `WorkspaceView.importedClient`. */
  resolve(codeFile: string, module: string, path: string): ExportedClient | undefined {
    const answer = this.answer(codeFile, module, path);
    return answer && 'client' in answer ? answer.client : undefined;
  }

  /** The client library name `codeFile` gets by reading `path` from the `module` it imports; see `WorkspaceView.importedName`. */
  resolveName(codeFile: string, module: string, path: string): ReExport | undefined {
    const answer = this.answer(codeFile, module, path);
    return answer && 'package' in answer ? answer.package : undefined;
  }

  /** The client fields of the class `codeFile` gets by reading `path` from the `module` it imports; see `WorkspaceView.importedClassFields`. */
  resolveClassFields(codeFile: string, module: string, path: string): Readonly<Record<string, ExportedClient>> | undefined {
    const answer = this.answer(codeFile, module, path);
    return answer && 'fields' in answer ? answer.fields : undefined;
  }

  private answer(codeFile: string, module: string, path: string): ImportedName | undefined {
    if (extensionOf(codeFile) === 'py' && !this.mayReach(module)) {
      return undefined;
    }
    const key = `${codeFile}\0${module}\0${path}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = this.imported(codeFile, module, path, { visiting: new Set(), steps: 0 }) ?? null;
      this.answers.set(key, answer);
    }
    return answer ?? undefined;
  }

  /**
   * Whether an absolute Python import can reach a source at all: its first name is a folder or module on a
   * source's path. Most imports (`os`, `flask`, `boto3.dynamodb`) cannot, which one look-up tells.
   */
  private mayReach(module: string): boolean {
    if (module.startsWith('.')) {
      return true;
    }
    if (!this.pathNames) {
      this.pathNames = new Set([...this.sources.keys()].flatMap((file) => withoutExtension(file).split('/')));
    }
    const dot = module.indexOf('.');
    return this.pathNames.has(dot < 0 ? module : module.slice(0, dot));
  }

  private imported(codeFile: string, module: string, path: string, walk: Walk): ImportedName | undefined {
    const target = extensionOf(codeFile) === 'py' ? pythonTarget(codeFile, module, path) : jsTarget(codeFile, module, path);
    const files = [...new Set(target?.files ?? [])].filter((file) => this.exportsOf(file) !== undefined);
    return target && agreed(files.map((file) => this.exported(file, target.name, walk)));
  }

  /** What `name` of a module file is: a client the file binds, a client library's name it imports, or either passed on from another module. */
  private exported(file: string, name: string, walk: Walk): ImportedName | undefined {
    const key = `${file}\0${name}`;
    if (walk.visiting.has(key) || ++walk.steps > MAX_STEPS) {
      return undefined;
    }
    walk.visiting.add(key);
    try {
      const exports = this.exportsOf(file)!;
      // A default import of a CommonJS module is its `module.exports`.
      const own = name === 'default' && !this.names(exports, 'default') && this.names(exports, '') ? '' : name;
      if (Object.hasOwn(exports.clients, own)) {
        return { client: exports.clients[own] };
      }
      if (Object.hasOwn(exports.packages, own)) {
        return { package: exports.packages[own] };
      }
      if (Object.hasOwn(exports.classes, own)) {
        return { fields: exports.classes[own] };
      }
      if (Object.hasOwn(exports.reexports, own)) {
        const { module, name: from } = exports.reexports[own];
        return this.imported(file, module, from, walk);
      }
      if (own === '' || own === 'default') {
        return undefined;
      }
      // `export *` passes on the named exports of each module; two that give different clients give none.
      const found = exports.stars.map((module) => this.imported(file, module, own, walk)).filter((client) => client !== undefined);
      return agreed(found);
    } finally {
      walk.visiting.delete(key);
    }
  }

  /** Whether a module exports a name at all, a client or a name it passes on. */
  private names(exports: CodeExports, name: string): boolean {
    return Object.hasOwn(exports.clients, name) || Object.hasOwn(exports.reexports, name) || Object.hasOwn(exports.packages, name) || Object.hasOwn(exports.classes, name);
  }
}
