/**
 * Go, workspace mode: the declarations of other files of the module that give a client. A package of the
 * workspace's modules that the file imports (`"example.com/shortener/api/database"`, `db "example.com/x/internal/database"`)
 * is a reference whose exported functions and variables read as the workspace model says: `database.CreateClient(0)`
 * is the `*redis.Client` its signature declares, `database.Client` the client its `var` declares. The other files
 * of the file's own package lend their functions and variables the same way, as package-level names
 * (`newClient().Get(...)`, `rdb.Get(...)` with `var rdb *redis.Client` in main.go). Only declared client types
 * count; a name the file binds itself (a local, a parameter) hides the import, and an import the model does
 * not resolve (the standard library, a third-party module of the same last path element) is nothing.
 */
import type { OptionContext } from '../../model';
import type { GoFieldType, GoInputFunction, GoPackageDeclarations, GoPackageMembers, GoStructTypes } from '../../workspace/types';
import type { ScopeTree } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import { Value } from '../values';
import { goClientType, goImport } from './goClients';
import { adoptStructs, goImportSpecs, goPackageName } from './goPackageStructs';

/** The module of a reference to a package of the workspace: the import path follows (`''` for the file's own package). */
export const GO_PROJECT_MODULE = 'gomod:';
/**
 * The module of a reference to a method another file of the package declares to give a client: the import path
 * of the client's package follows, and the reference's path is the client type (`redis.Cmdable`), which a call gives.
 */
const GO_METHOD_RESULT = 'gomethod:';
/**
 * The module of a value of an exported struct of an imported package of the workspace (`st *store.Store`): the import
 * path follows, and the reference's path is the struct's name, whose exported client fields and methods its members read.
 */
const GO_PROJECT_STRUCT = 'gostruct:';

/**
 * A package of a module has a path of more than one element, or a domain (`example.com/shortener/cache`, or
 * `auth-service/db/cache` under `module auth-service`); the model resolves it or not. A one-element path
 * without a dot is the standard library's (`context`, `fmt`).
 */
function mayBeModulePackage(path: string): boolean {
  return path.includes('/') || path.includes('.');
}

/** The packages of the workspace's modules the file imports, bound by the name it uses for each. */
export function goProjectImports(a: CodeAnalyzer): void {
  const project = a.project;
  if (!project?.goImport) {
    return;
  }
  for (const { alias, path } of goImportSpecs(a)) {
    if (alias === '_' || alias === '.' || goImport(path) || !mayBeModulePackage(path)) {
      continue;
    }
    const members = packageMembers(a, path);
    const local = alias ?? members?.name;
    if (members && local) {
      a.imports.set(local, { module: `${GO_PROJECT_MODULE}${path}`, path: '' });
    }
  }
}

/** What the model answers per package, once per file. */
const packages = new FileMemo<string, GoPackageMembers | null>();

/** The members of a package of the workspace the file imports by `importPath`, or of its own package for `''`. */
export function packageMembers(a: CodeAnalyzer, importPath: string): GoPackageMembers | undefined {
  const project = a.project;
  const name = importPath === '' ? goPackageName(a) : undefined;
  const answer = packages.get(a, importPath, () => (importPath === '' ? (name !== undefined && project?.goPackage?.(name)) : project?.goImport?.(importPath)) || null);
  return answer ?? undefined;
}

function clientOf({ path, type }: GoFieldType): Value | undefined {
  const imported = goImport(path);
  return imported && goClientType(imported.service, type);
}

/**
 * A member of a package reference (`module` is `gomod:` and the import path): a variable's client, or what
 * calling a function gives (`called`). A member path of more than one name (`Client.Options`) is no declaration.
 */
export function goProjectMember(a: CodeAnalyzer, module: string, path: string, called: boolean): Value | undefined {
  if (called && module.startsWith(GO_METHOD_RESULT)) {
    return clientOf({ path: module.slice(GO_METHOD_RESULT.length), type: path });
  }
  if (module.startsWith(GO_PROJECT_STRUCT)) {
    return called ? undefined : structMember(a, module.slice(GO_PROJECT_STRUCT.length), path);
  }
  if (!module.startsWith(GO_PROJECT_MODULE) || path === '' || path.includes('.')) {
    return undefined;
  }
  const members = packageMembers(a, module.slice(GO_PROJECT_MODULE.length));
  const declared = called ? members?.functions : members?.variables;
  return declared && Object.hasOwn(declared, path) ? clientOf(declared[path]) : undefined;
}

/** `Store.Cache` of an imported package's struct: its exported client field, or a method whose call gives the client it declares. */
function structMember(a: CodeAnalyzer, importPath: string, path: string): Value | undefined {
  const [struct, member, ...rest] = path.split('.');
  const members = packageMembers(a, importPath);
  if (member === undefined || rest.length > 0 || !members) {
    return undefined;
  }
  const field = ownMember(members.structs, struct, member);
  const method = field ? undefined : ownMember(members.methods, struct, member);
  if (field) {
    return goImport(field.path) ? clientOf(field) : packageStruct(a, field.path, field.type);
  }
  return method && { t: 'ref', module: `${GO_METHOD_RESULT}${method.path}`, path: method.type };
}

function ownMember(types: GoStructTypes | undefined, struct: string, member: string): GoFieldType | undefined {
  const members = types && Object.hasOwn(types, struct) ? types[struct] : undefined;
  return members && Object.hasOwn(members, member) ? members[member] : undefined;
}

/**
 * A type named after an exported struct of an imported package of the workspace (`*store.Store`, with `k` at
 * `store`) that has client fields or methods giving a client: a value whose members read them.
 */
export function goProjectStruct(a: CodeAnalyzer, k: number): Value | undefined {
  const imported = a.is(k + 1, '.') && a.isId(k + 2) ? a.imports.get(a.tokens.text(k)) : undefined;
  if (!imported || imported.path !== '' || !imported.module.startsWith(GO_PROJECT_MODULE) || imported.module === GO_PROJECT_MODULE) {
    return undefined;
  }
  return packageStruct(a, imported.module.slice(GO_PROJECT_MODULE.length), a.tokens.text(k + 2));
}

/** A value of the exported struct `struct` of the workspace package `importPath`, when it has client fields or methods giving a client. */
function packageStruct(a: CodeAnalyzer, importPath: string, struct: string): Value | undefined {
  const members = packageMembers(a, importPath);
  const known = (types: GoStructTypes | undefined): boolean => types !== undefined && Object.hasOwn(types, struct);
  return members && (known(members.structs) || known(members.methods)) ? { t: 'ref', module: `${GO_PROJECT_STRUCT}${importPath}`, path: struct } : undefined;
}

/**
 * The declarations the other files of the file's package lend it: struct types, and package-level names for
 * their functions (a reference whose call gives the declared client) and variables (of the declared client type).
 */
export function adoptPackage(a: CodeAnalyzer, tree: ScopeTree<Value>): GoPackageDeclarations | undefined {
  const name = a.project?.goPackage ? goPackageName(a) : undefined;
  const declarations = name === undefined ? undefined : a.project?.goPackage?.(name);
  if (!declarations) {
    return undefined;
  }
  adoptStructs(a, declarations.structs, (path, type) => packageStruct(a, path, type));
  for (const function_ of [...Object.keys(declarations.functions), ...Object.keys(declarations.inputs ?? {})]) {
    tree.bind(0, function_, { token: -1, expression: -1, fixed: { t: 'ref', module: GO_PROJECT_MODULE, path: function_ } });
  }
  for (const [variable, type] of Object.entries(declarations.variables)) {
    const declared = clientOf(type);
    if (declared) {
      tree.bind(0, variable, { token: -1, expression: -1, declared });
    }
  }
  return declarations;
}

/**
 * The methods other files of the package declare to give a client (`func (r *Repo) cmdable(tx Tx) redis.Cmdable`
 * in redis.go), as members of their struct here (`cmd := repo.cmdable(tx)` in session.go), so that a call of one
 * gives that client. Read after the file's own structs and methods, which keep their own members.
 */
export function adoptMethods(a: CodeAnalyzer, methods: GoStructTypes | undefined): void {
  for (const [struct, declared] of Object.entries(methods ?? {})) {
    let members = a.structFields.get(struct);
    if (!members) {
      members = new Map();
      a.structFields.set(struct, members);
    }
    for (const [method, { path, type }] of Object.entries(declared)) {
      if (!members.has(method)) {
        members.set(method, { token: -1, expression: -1, fixed: { t: 'ref', module: `${GO_METHOD_RESULT}${path}`, path: type } });
      }
    }
  }
}

/**
 * The request a call of a workspace function builds (`buildQuery(pk)` of another file of the package,
 * `queries.ByOwner(id)` of another package; the callee from `start`, its name at `nameIndex`), where the model
 * says it returns a DynamoDB input: a request of this call site, which the caller's own assignments and setters
 * complete, and which lends the options the function sets to the checks on the call.
 */
export function projectInputCall(a: CodeAnalyzer, start: number, nameIndex: number): OptionContext | undefined {
  const name = a.tokens.text(nameIndex);
  const value = a.lookup(a.tokens.text(start), start);
  let input: GoInputFunction | undefined;
  if (value?.t === 'ref' && start === nameIndex && value.module === GO_PROJECT_MODULE && value.path === name) {
    input = ownInput(packageMembers(a, '')?.inputs, name);
  } else if (value?.t === 'ref' && nameIndex === start + 2 && value.module.startsWith(GO_PROJECT_MODULE) && value.module !== GO_PROJECT_MODULE && value.path === '') {
    input = ownInput(packageMembers(a, value.module.slice(GO_PROJECT_MODULE.length))?.inputs, name);
  }
  if (!input) {
    return undefined;
  }
  const context: OptionContext = { kind: 'sdk', type: input.operation, options: [], complete: false, anchor: a.tokenSpan(nameIndex), lent: input.options };
  a.requestAt.set(start, context);
  return context;
}

function ownInput(inputs: Record<string, GoInputFunction> | undefined, name: string): GoInputFunction | undefined {
  return inputs && Object.hasOwn(inputs, name) ? inputs[name] : undefined;
}

/**
 * The client an interface of the workspace stands for (see `goInterfaces.ts`): one of another file of the file's
 * package (`qualifier` undefined), or one an imported package of the workspace exports (`cache.Store`).
 */
export function goProjectInterface(a: CodeAnalyzer, qualifier: string | undefined, name: string): Value | undefined {
  let members: GoPackageMembers | undefined;
  if (qualifier === undefined) {
    members = packageMembers(a, '');
  } else {
    const imported = a.imports.get(qualifier);
    const module = imported && imported.path === '' ? imported.module : '';
    members = module.startsWith(GO_PROJECT_MODULE) && module !== GO_PROJECT_MODULE ? packageMembers(a, module.slice(GO_PROJECT_MODULE.length)) : undefined;
  }
  const interfaces = members?.interfaces;
  return interfaces && Object.hasOwn(interfaces, name) ? clientOf(interfaces[name]) : undefined;
}
