/**
 * Go modules in the workspace model. A `go.mod` names the module whose root is its folder; a package of
 * the module is imported by the module path and the package's folder below the root
 * (`example.com/shortener/api/database` for `api/database` under the `go.mod` of `module example.com/shortener`).
 * The index is built once per model version from what the Go files contribute (`goPackages.ts`): by folder,
 * each package's functions and variables that give a client, and, the other way round, the calls other files
 * make of a package's functions (in a loop that pages, or handing options to a go-redis factory). Only a
 * certain answer counts: two modules of one path, a folder of two packages, a nested module's folder, a
 * `main` package or a vendored path resolve to nothing.
 */
import { folderOf, foldersUp } from './paths';
import { FileContribution, GoCallRef, GoFieldType, GoItemMethod, GoPackageDeclarations, GoPackageFile, GoPackageMembers, GoStructTypes } from './types';
import { fileItemMethods } from './goItemMethods';
import { withInterfaceFields } from './goInterfaceFields';
import { BudgetExceeded } from '../budget';
import { skipIndent, skipSpace, wordAt } from './moduleText';
import { bodyMakers, GoPackageMakers, serviceOfResult } from './goBodyMakers';
import type { HintService } from '../types';

/** Folders Go never builds a package from as part of the module: copies of dependencies and test data. */
const NOT_MODULE_FOLDERS = new Set(['vendor', 'testdata']);
/** A `go.mod` longer than this says nothing more: the `module` line comes first. */
const MAX_GO_MOD_LINES = 64;
const SLASH = 47;
const QUOTE = 34;
const BACKQUOTE = 96;
const OPEN_PAREN = 40;

/** Whether a workspace path lies in a folder Go leaves out of a module (`vendor/`, `testdata/`). */
export function isOutsideGoModule(file: string): boolean {
  return file.split('/').some((part) => NOT_MODULE_FOLDERS.has(part));
}

/** A `go.mod`'s module path (`module example.com/shortener`, quoted or in a `module ( … )` group), or undefined. */
export function goModulePath(text: string): string | undefined {
  let inGroup = false;
  let start = 0;
  for (let line = 0; line < MAX_GO_MOD_LINES && start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const k = skipIndent(text, start, end);
    start = end + 1;
    if (k >= end || (text.charCodeAt(k) === SLASH && text.charCodeAt(k + 1) === SLASH)) {
      continue;
    }
    if (inGroup) {
      return modulePathAt(text, k, end);
    }
    if (wordAt(text, k) !== 'module') {
      continue;
    }
    const after = skipSpace(text, k + 6);
    if (text.charCodeAt(after) === OPEN_PAREN) {
      inGroup = true;
      continue;
    }
    return after > k + 6 ? modulePathAt(text, after, end) : undefined;
  }
  return undefined;
}

/** The path written at `k`, bare or quoted, up to a space or a comment. */
function modulePathAt(text: string, k: number, end: number): string | undefined {
  const quote = text.charCodeAt(k);
  if (quote === QUOTE || quote === BACKQUOTE) {
    const close = text.indexOf(String.fromCharCode(quote), k + 1);
    return close > k + 1 && close < end ? validPath(text.slice(k + 1, close)) : undefined;
  }
  let stop = k;
  while (stop < end && text.charCodeAt(stop) > 32 && !(text.charCodeAt(stop) === SLASH && text.charCodeAt(stop + 1) === SLASH)) {
    stop++;
  }
  return validPath(text.slice(k, stop));
}

function validPath(path: string): string | undefined {
  return path !== '' && path.length <= 256 && !path.split('/').some((part) => part === '' || part === '.' || part === '..') ? path : undefined;
}

function isExported(name: string): boolean {
  return /^[A-Z]/.test(name);
}

/** The names several files declare: a package declares each once, so two declarations mean the index cannot tell which. */
/** The makers the files of one package declare (`bodyMakers`): by name, the service of the client each makes on each call. */
function packageMakers(declared: readonly GoPackageFile[], exportedOnly: boolean): GoPackageMakers {
  const functions = merged(declared.map((file) => file.functions), exportedOnly);
  const makers: Record<string, HintService> = { ...merged(declared.map((file) => file.wrapperMakers), exportedOnly) };
  for (const name of mergedNames(declared.map((file) => file.clientMakers), exportedOnly)) {
    const service = Object.hasOwn(functions, name) ? serviceOfResult(functions[name]) : undefined;
    if (service) {
      makers[name] = service;
    }
  }
  return { makers, configured: mergedNames(declared.map((file) => file.configuredMakers), exportedOnly) };
}

function merged<T>(records: readonly (Record<string, T> | undefined)[], exportedOnly: boolean): Record<string, T> {
  const out: Record<string, T> = Object.create(null) as Record<string, T>;
  const twice = new Set<string>();
  for (const record of records) {
    for (const [name, type] of Object.entries(record ?? {})) {
      if (exportedOnly && !isExported(name)) {
        continue;
      }
      if (Object.hasOwn(out, name)) {
        twice.add(name);
      }
      out[name] = type;
    }
  }
  twice.forEach((name) => delete out[name]);
  return out;
}

/** The names of `lists` that one of them holds (see `merged`). */
function mergedNames(lists: readonly (readonly string[] | undefined)[], exportedOnly: boolean): string[] {
  return Object.keys(merged(lists.map((names) => (names ? Object.fromEntries(names.map((name) => [name, true])) : undefined)), exportedOnly));
}

/**
 * The functions of `callees` whose first result is an interface over go-redis commands that another file of the
 * package declares (see `GoPackageFile.interfaceResults`), added to `functions` as giving that client; `files` are all
 * the package's files, whose interfaces count only when one file alone declares the name.
 */
function withInterfaceResults(functions: Record<string, GoFieldType>, callees: readonly GoPackageFile[], files: readonly GoPackageFile[], exportedOnly: boolean): Record<string, GoFieldType> {
  const pending = merged(callees.map((declared) => declared.interfaceResults), exportedOnly);
  if (Object.keys(pending).length === 0) {
    return functions;
  }
  const interfaces = merged(files.map((declared) => declared.interfaces), false);
  for (const [fn, type] of Object.entries(pending)) {
    if (Object.hasOwn(interfaces, type) && !Object.hasOwn(functions, fn)) {
      functions[fn] = interfaces[type];
    }
  }
  return functions;
}

/** The methods the files of a package declare, by struct: one struct's methods may be spread over its files. */
function packageMethods(files: readonly (GoStructTypes | undefined)[]): GoStructTypes {
  const byStruct = new Map<string, Record<string, GoFieldType>[]>();
  for (const methods of files) {
    for (const [struct, declared] of Object.entries(methods ?? {})) {
      push(byStruct, struct, declared);
    }
  }
  const out: GoStructTypes = Object.create(null) as GoStructTypes;
  for (const [struct, records] of byStruct) {
    out[struct] = merged(records, false);
  }
  return out;
}

/** The exported members of exported structs: what another package can read of them. */
function exportedMembers(types: GoStructTypes): GoStructTypes {
  const out: GoStructTypes = Object.create(null) as GoStructTypes;
  for (const [struct, members] of Object.entries(types)) {
    const exported = isExported(struct) ? merged([members], true) : {};
    if (Object.keys(exported).length > 0) {
      out[struct] = exported;
    }
  }
  return out;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

interface PackageFile {
  file: string;
  declared: GoPackageFile;
}

export class GoModuleIndex {
  /** Module roots (folders holding a `go.mod`) to their module paths, and module paths to their roots. */
  private readonly modules = new Map<string, string>();
  private readonly roots = new Map<string, string[]>();
  /** The indexed Go files of each folder. */
  private readonly folders = new Map<string, PackageFile[]>();
  private readonly resolved = new Map<string, string | null>();
  /** Callers by `folder\0package\0name` of the function called (`.\0name` for methods), built on the first question. */
  private pagingCallers: Map<string, string[]> | undefined;
  private retryingCallers: Map<string, string[]> | undefined;
  private optionCallers: Map<string, string[]> | undefined;
  private optionMethods: Map<string, number> | undefined;
  /** Each file's item helpers, read on the first question (`null`: none). */
  private readonly items = new Map<string, Record<string, GoItemMethod> | null>();
  private itemFiles: boolean | undefined;

  constructor(contributions: Iterable<[string, FileContribution]>) {
    for (const [file, contribution] of contributions) {
      if (contribution.goModule !== undefined && !isOutsideGoModule(file)) {
        const root = folderOf(file);
        this.modules.set(root, contribution.goModule);
        push(this.roots, contribution.goModule, root);
      }
      if (contribution.goPackage) {
        push(this.folders, folderOf(file), { file, declared: contribution.goPackage });
      }
    }
  }

  /** What the other files of `codeFile`'s package declare. */
  package(codeFile: string, packageName: string): GoPackageDeclarations | undefined {
    const others = (this.folders.get(folderOf(codeFile)) ?? []).filter(({ file, declared }) => file !== codeFile && declared.name === packageName);
    if (others.length === 0) {
      return undefined;
    }
    const structs: GoStructTypes = Object.create(null) as GoStructTypes;
    const twice = new Set<string>();
    for (const { declared } of others) {
      for (const [name, fields] of Object.entries(declared.structs)) {
        if (Object.hasOwn(structs, name)) {
          twice.add(name);
        }
        structs[name] = fields;
      }
    }
    twice.forEach((name) => delete structs[name]);
    const methods = packageMethods(others.map(({ declared }) => declared.methods));
    const samePackage = (this.folders.get(folderOf(codeFile)) ?? []).filter(({ declared }) => declared.name === packageName).map(({ declared }) => declared);
    withInterfaceFields(structs, others.map(({ declared }) => declared.interfaceFields), merged(samePackage.map((declared) => declared.interfaces), false));
    const declarations = {
      name: packageName,
      structs,
      methods,
      functions: withInterfaceResults(merged(others.map(({ declared }) => declared.functions), false), others.map(({ declared }) => declared), samePackage, false),
      variables: merged(others.map(({ declared }) => declared.variables), false),
      inputs: merged(others.map(({ declared }) => declared.inputFunctions), false),
      interfaces: merged(others.map(({ declared }) => declared.interfaces), false),
      sqlOpeners: mergedNames(others.map(({ declared }) => declared.sqlOpeners), false),
      clientMakers: mergedNames(others.map(({ declared }) => declared.clientMakers), false),
      wrapperMakers: { ...merged(others.map(({ declared }) => declared.wrapperMakers), false), ...this.bodyMakersOf(others.map(({ declared }) => declared), false) },
      configuredMakers: mergedNames(others.map(({ declared }) => declared.configuredMakers), false),
    };
    const empty =
      Object.keys(structs).length + Object.keys(methods).length + Object.keys(declarations.functions).length + Object.keys(declarations.variables).length + Object.keys(declarations.inputs).length + Object.keys(declarations.interfaces).length + declarations.sqlOpeners.length + declarations.clientMakers.length + Object.keys(declarations.wrapperMakers).length === 0;
    return empty ? undefined : declarations;
  }

  /** The exported functions and variables of the package an import path names; see `WorkspaceView.goImport`. */
  imported(importPath: string): GoPackageMembers | undefined {
    const folder = this.folderOf(importPath);
    const name = folder === undefined ? undefined : this.packageAt(folder);
    if (folder === undefined || name === undefined) {
      return undefined;
    }
    const files = this.folders.get(folder)!.map(({ declared }) => declared);
    return {
      name,
      functions: withInterfaceResults(merged(files.map((declared) => declared.functions), true), files, files, true),
      variables: merged(files.map((declared) => declared.variables), true),
      inputs: merged(files.map((declared) => declared.inputFunctions), true),
      interfaces: merged(files.map((declared) => declared.interfaces), true),
      sqlOpeners: mergedNames(files.map((declared) => declared.sqlOpeners), true),
      clientMakers: mergedNames(files.map((declared) => declared.clientMakers), true),
      wrapperMakers: { ...merged(files.map((declared) => declared.wrapperMakers), true), ...this.bodyMakersOf(files, true) },
      configuredMakers: mergedNames(files.map((declared) => declared.configuredMakers), true),
      structs: exportedMembers(withInterfaceFields(merged(files.map((declared) => declared.structs), true), files.map((declared) => declared.interfaceFields), merged(files.map((declared) => declared.interfaces), false))),
      methods: exportedMembers(packageMethods(files.map((declared) => declared.methods))),
    };
  }

  /**
   * The item helpers of the other files of `codeFile`'s package (`importPath` `''`), or the exported methods of the
   * package an import path names; each file is read once, on the first question. A key two files declare is left out.
   */
  itemMethods(codeFile: string, packageName: string, importPath: string): Record<string, GoItemMethod> | undefined {
    const folder = importPath === '' ? folderOf(codeFile) : this.folderOf(importPath);
    const name = importPath === '' ? packageName : folder === undefined ? undefined : this.packageAt(folder);
    const files = folder === undefined || name === undefined ? [] : (this.folders.get(folder) ?? []).filter(({ file, declared }) => file !== codeFile && declared.name === name && declared.itemSource !== undefined);
    const methods = merged(files.map((file) => this.fileItemMethods(file)), false);
    // Another package calls a type's exported methods only.
    const shown = importPath === '' ? methods : Object.fromEntries(Object.entries(methods).filter(([key]) => /^[A-Z]\w*\.[A-Z]/.test(key)));
    return Object.keys(shown).length > 0 ? shown : undefined;
  }

  /** Whether any Go file names a GetItem or PutItem call, so may declare item helpers. */
  itemHelpersExist(): boolean {
    this.itemFiles ??= [...this.folders.values()].some((files) => files.some(({ declared }) => declared.itemSource !== undefined));
    return this.itemFiles;
  }

  private fileItemMethods({ file, declared }: PackageFile): Record<string, GoItemMethod> | undefined {
    let methods = this.items.get(file);
    if (methods === undefined) {
      try {
        methods = fileItemMethods(declared.itemSource!) ?? null;
      } catch (error) {
        // Another file's budget ran out: asked again by the next file.
        if (error instanceof BudgetExceeded) {
          throw error;
        }
        methods = null;
      }
      this.items.set(file, methods);
    }
    return methods ?? undefined;
  }

  /** Whether a file other than `codeFile` calls its package's function (or any method) `name` in a loop or function that pages. */
  calledWhilePaging(codeFile: string, packageName: string, name: string, method: boolean): boolean {
    this.pagingCallers ??= this.callers((declared) => declared.pagingCalls);
    return this.calledFrom(this.pagingCallers, method ? `.\0${name}` : `${folderOf(codeFile)}\0${packageName}\0${name}`, codeFile);
  }

  /** Whether a file other than `codeFile` calls its package's function (or any method) `name` where a batch's unprocessed items are read. */
  calledWhileRetrying(codeFile: string, packageName: string, name: string, method: boolean): boolean {
    this.retryingCallers ??= this.callers((declared) => declared.retryingCalls);
    return this.calledFrom(this.retryingCallers, method ? `.\0${name}` : `${folderOf(codeFile)}\0${packageName}\0${name}`, codeFile);
  }

  /** Whether a file other than `codeFile` hands the result of its function or method `name` whole to a go-redis factory. */
  optionsUsed(codeFile: string, packageName: string, name: string, method: boolean): boolean {
    this.optionCallers ??= this.callers((declared) => declared.optionCalls);
    if (!method) {
      return this.calledFrom(this.optionCallers, `${folderOf(codeFile)}\0${packageName}\0${name}`, codeFile);
    }
    if (!this.optionMethods) {
      this.optionMethods = new Map();
      for (const { declared } of [...this.folders.values()].flat()) {
        declared.optionMethods?.forEach((method) => this.optionMethods!.set(method, (this.optionMethods!.get(method) ?? 0) + 1));
      }
    }
    // A method is called on a value whose type the call does not show: only a name no other options method has is certain.
    return this.optionMethods.get(name) === 1 && this.calledFrom(this.optionCallers, `.\0${name}`, codeFile);
  }

  private calledFrom(callers: Map<string, string[]>, key: string, codeFile: string): boolean {
    return callers.get(key)?.some((caller) => caller !== codeFile) ?? false;
  }

  /** The callers of each callee the files' calls name, by `folder\0package\0name` (or `.\0name`). */
  private callers(read: (declared: GoPackageFile) => readonly GoCallRef[] | undefined): Map<string, string[]> {
    const callers = new Map<string, string[]>();
    for (const [folder, files] of this.folders) {
      for (const { file, declared } of files) {
        for (const call of read(declared) ?? []) {
          const key = this.calleeKey(folder, declared.name, call);
          if (key !== undefined) {
            push(callers, key, file);
          }
        }
      }
    }
    return callers;
  }

  private calleeKey(folder: string, packageName: string, call: GoCallRef): string | undefined {
    if (call.path === '') {
      return `${folder}\0${packageName}\0${call.name}`;
    }
    if (call.path === '.') {
      return `.\0${call.name}`;
    }
    const target = isExported(call.name) ? this.folderOf(call.path) : undefined;
    const name = target === undefined ? undefined : this.packageAt(target);
    return name === undefined ? undefined : `${target}\0${name}\0${call.name}`;
  }

  /** The one package name of a folder's indexed files, unless it is `main` (no package imports it). */
  private packageAt(folder: string): string | undefined {
    const names = new Set((this.folders.get(folder) ?? []).map(({ declared }) => declared.name));
    const [name] = names;
    return names.size === 1 && name !== 'main' ? name : undefined;
  }

  /**
   * The functions of `files` that make a client on each call through a maker of another package of the module
   * (`goBodyMakers.ts`), read against what that package's files declare: one level deep, so no cycle.
   */
  private bodyMakersOf(files: readonly GoPackageFile[], exportedOnly: boolean): Record<string, HintService> {
    const calls = merged(files.map((declared) => declared.makerCalls), exportedOnly);
    if (Object.keys(calls).length === 0) {
      return {};
    }
    // `''`: a function another file of the same package declares, unexported ones too.
    return bodyMakers(calls, (path) => {
      const folder = path === '' ? undefined : this.folderOf(path);
      const declared = path === '' ? files : folder === undefined ? [] : (this.folders.get(folder) ?? []).map((file) => file.declared);
      return declared.length === 0 ? undefined : packageMakers(declared, path !== '');
    });
  }

  /** The folder of the package an import path names: the longest module path it starts with, and the rest as folders below that module's root. */
  private folderOf(importPath: string): string | undefined {
    const cached = this.resolved.get(importPath);
    if (cached !== undefined) {
      return cached ?? undefined;
    }
    const folder = this.resolve(importPath);
    this.resolved.set(importPath, folder ?? null);
    return folder;
  }

  private resolve(importPath: string): string | undefined {
    const parts = importPath.split('/');
    if (parts.length > 64 || parts.some((part) => part === '' || part === '.' || part === '..')) {
      return undefined;
    }
    for (let length = parts.length; length > 0; length--) {
      const roots = this.roots.get(parts.slice(0, length).join('/'));
      if (!roots) {
        continue;
      }
      const rest = parts.slice(length);
      if (roots.length !== 1 || rest.some((part) => NOT_MODULE_FOLDERS.has(part))) {
        return undefined;
      }
      const root = roots[0];
      const folder = [root, ...rest].filter((part) => part !== '').join('/');
      // A folder under a deeper `go.mod` belongs to that module, not to this one.
      const owner = foldersUp(folder).find((candidate) => this.modules.has(candidate));
      return owner === root ? folder : undefined;
    }
    return undefined;
  }
}
