/**
 * Python type aliases of a client library's type, as FastAPI code names its dependencies: `RedisDep =
 * Annotated[aioredis.Redis, Depends(get_redis)]`, `Dynamo: TypeAlias = DynamoDBClient`, Python 3.12's
 * `type RedisDep = ...`, or a plain `Cache = redis.Redis`, at module level. An annotation that names one
 * (`redis: RedisDep`) reads as the type it stands for; in workspace mode a module passes its aliases on
 * as the library's names (`codeExports.ts`), so `from app.deps import RedisDep` reads so too, and this
 * module answers `deps.RedisDep` after `import app.deps as deps`. A name counts only when every
 * module-level binding of it is an alias of the same library name (a name rebound, or bound otherwise in
 * an `else:` branch, counts as none), and only when that name is imported from a library at module level.
 */
import { TOKEN_KIND } from '../../lexer';
import { codeOf } from '../../tokenCodes';
import { PYTHON_CLIENT_LIBRARY } from '../../workspace/pythonClientLibraries';
import type { CodeAnalyzer } from '../analyzer';
import { libraryImport } from '../projectImports';

const { ID } = TOKEN_KIND;
const GLOBAL = codeOf('global');
const AS = codeOf('as');
const FOR = codeOf('for');

/** A name of a library module: `module` up to the name's last dot, `path` the name itself (`redis.asyncio`, `Redis`). */
export interface LibraryName {
  module: string;
  path: string;
}

/** A module-level name's bindings: the values of those that are aliases, and whether any binds it otherwise. */
interface AliasBindings {
  values: number[];
  other: boolean;
}

/** The typing wrappers an alias may put around its type, and whether the type is followed by other arguments (`Annotated`'s metadata). */
const WRAPPERS: Record<string, { metadata: boolean }> = { Annotated: { metadata: true }, Optional: { metadata: false } };
const TYPING_MODULES = new Set(['typing', 'typing_extensions']);
/** Wrappers in wrappers, and aliases of aliases, followed: far past real code. */
const MAX_DEPTH = 4;

const bindingsByFile = new WeakMap<CodeAnalyzer, Map<string, AliasBindings>>();
const targetsByFile = new WeakMap<CodeAnalyzer, Map<string, LibraryName | null>>();

/** A dotted name from `k` (`aioredis.Redis`): its text and the token after it. */
function dottedName(a: CodeAnalyzer, k: number): { text: string; end: number } | undefined {
  return a.isId(k) ? a.dottedPath(k) : undefined;
}

/** A forward reference at `k` (`"Table"`, `'redis.Redis'`, the type a `TYPE_CHECKING` import names): the dotted name it holds. */
function quotedName(a: CodeAnalyzer, k: number): { text: string; end: number } | undefined {
  if (!a.isString(k) || a.tokens.interpolated(k)) {
    return undefined;
  }
  const text = a.tokens.text(k);
  return /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(text) ? { text, end: k + 1 } : undefined;
}

/** What a dotted name refers to through a module-level import: its module and the path read from it. */
function importedName(a: CodeAnalyzer, text: string): { module: string; path: string } | undefined {
  const dot = text.indexOf('.');
  const root = dot < 0 ? text : text.slice(0, dot);
  const imported = a.imports.get(root);
  if (!imported || imported.at === undefined || a.scopes.holderAt(imported.at) !== 0) {
    return undefined;
  }
  const rest = dot < 0 ? '' : text.slice(dot + 1);
  return { module: imported.module, path: imported.path && rest ? `${imported.path}.${rest}` : imported.path || rest };
}

/** The typing wrapper (`Annotated[`, `typing.Optional[`) that starts at `k`: its `[` and its kind. */
function wrapperAt(a: CodeAnalyzer, k: number): { open: number; metadata: boolean } | undefined {
  const name = dottedName(a, k);
  const last = name?.text.slice(name.text.lastIndexOf('.') + 1) ?? '';
  if (!name || !Object.hasOwn(WRAPPERS, last) || !a.is(name.end, '[') || a.partner[name.end] < name.end) {
    return undefined;
  }
  const imported = importedName(a, name.text);
  const full = imported && (imported.path ? `${imported.module}.${imported.path}` : imported.module);
  return full !== undefined && TYPING_MODULES.has(full.slice(0, full.lastIndexOf('.'))) ? { open: name.end, metadata: WRAPPERS[last].metadata } : undefined;
}

/**
 * The type an alias's value names from `k`, in its typing wrappers (`Annotated[Redis, Depends(f)]`,
 * `Optional[Redis]`, `Redis | None`, and quoted inside one: `Annotated["Table", Depends(get_table)]`): the
 * dotted name, and the token after the whole value. A bare string is no alias (`NAME = "Table"`).
 */
function namedType(a: CodeAnalyzer, k: number, depth = 0): { text: string; end: number } | undefined {
  const wrapper = wrapperAt(a, k);
  if (wrapper) {
    const close = a.partner[wrapper.open];
    const inner = depth < MAX_DEPTH ? namedType(a, wrapper.open + 1, depth + 1) : undefined;
    const closed = inner && (inner.end === close || (wrapper.metadata && a.is(inner.end, ',') && a.parent[inner.end] === wrapper.open));
    return closed ? { text: inner.text, end: close + 1 } : undefined;
  }
  const name = dottedName(a, k) ?? (depth > 0 ? quotedName(a, k) : undefined);
  if (name && a.is(name.end, '|') && a.idIs(name.end + 1, 'None')) {
    return { text: name.text, end: name.end + 2 };
  }
  return name;
}

/** Whether the token at `k` ends a module-level statement. */
function endsStatement(a: CodeAnalyzer, k: number): boolean {
  return k >= a.tokens.length || a.is(k, ';') || (a.startsLine(k) && a.parent[k] === -1);
}

/** Whether the value from `k` is a whole alias: a type name, in wrappers or not, and nothing after it. */
function isAliasValue(a: CodeAnalyzer, k: number): boolean {
  const type = namedType(a, k);
  return type !== undefined && endsStatement(a, type.end);
}

/** Whether the name at `k` is the one an import on its line binds (`from redis import asyncio as aioredis`). */
function importedOnLine(a: CodeAnalyzer, k: number): boolean {
  const at = a.imports.get(a.tokens.text(k))?.at;
  return at !== undefined && a.lines.lineOf(a.tokens.starts[at]) === a.lines.lineOf(a.tokens.starts[k]);
}

/**
 * Every module-level binding of the file by name, read once: aliases (`X = T`, `X: TypeAlias = T`, `type
 * X = T`) with their values, and the rest (a definition, another assignment or declaration, a tuple's
 * name, a `for` or `as` target, and any name a function declares `global`).
 */
function moduleBindings(a: CodeAnalyzer): Map<string, AliasBindings> {
  let names = bindingsByFile.get(a);
  if (names) {
    return names;
  }
  const found = new Map<string, AliasBindings>();
  const note = (name: number, value: number): void => {
    const text = a.tokens.text(name);
    const bindings = found.get(text) ?? { values: [], other: false };
    if (value >= 0 && isAliasValue(a, value)) {
      bindings.values.push(value);
    } else {
      bindings.other = true;
    }
    found.set(text, bindings);
  };
  const { tokens } = a;
  for (let t = 0; t < tokens.length; t++) {
    if (tokens.kinds[t] !== ID || a.parent[t] !== -1) {
      continue;
    }
    const code = tokens.codes[t];
    if (code === GLOBAL) {
      for (let k = t + 1; a.isId(k) && !a.startsLine(k); k += 2) {
        note(k, -1);
      }
      continue;
    }
    if ((code === AS || code === FOR) && a.isId(t + 1) && a.scopes.holderAt(t) === 0) {
      if (!importedOnLine(a, t + 1)) {
        note(t + 1, -1);
      }
      continue;
    }
    if (!a.startsLine(t) || a.scopes.holderAt(t) !== 0) {
      continue;
    }
    const word = tokens.text(t);
    if ((word === 'def' || word === 'class') && a.isId(t + 1)) {
      note(t + 1, -1);
    } else if (word === 'type' && a.isId(t + 1) && a.is(t + 2, '=')) {
      note(t + 1, t + 3);
    } else if (a.is(t + 1, '=')) {
      note(t, t + 2);
    } else if (a.is(t + 1, ':')) {
      const annotation = dottedName(a, t + 2);
      const typeAlias = annotation !== undefined && a.is(annotation.end, '=') && /(?:^|\.)TypeAlias$/.test(annotation.text);
      note(t, typeAlias ? annotation.end + 1 : -1);
    } else if (a.is(t + 1, ',')) {
      for (let k = t; a.isId(k) && (a.is(k + 1, ',') || a.is(k + 1, '=')); k += 2) {
        note(k, -1);
      }
    }
  }
  names = found;
  bindingsByFile.set(a, names);
  return names;
}

/** The library name a dotted type name stands for: an import from a client library, or a module-level alias of one. */
function libraryNameOf(a: CodeAnalyzer, text: string, depth: number): LibraryName | null {
  const last = text.slice(text.lastIndexOf('.') + 1);
  if (!/^[A-Z]/.test(last)) {
    // Classes only: `redis.from_url` is a function.
    return null;
  }
  const root = text.includes('.') ? text.slice(0, text.indexOf('.')) : text;
  if (moduleBindings(a).has(root)) {
    // A name of the module's own: an alias of an alias, or something the file binds (a class named `Redis`).
    return text === root && !a.imports.has(root) ? aliasTarget(a, root, depth + 1) : null;
  }
  const imported = importedName(a, text);
  if (!imported || !PYTHON_CLIENT_LIBRARY.test(imported.module) || imported.path === '') {
    return null;
  }
  return libraryName(imported.module, imported.path);
}

/** `path` of `module` as the module that defines the name and the name (`redis`, `asyncio.Redis` is `redis.asyncio`, `Redis`). */
function libraryName(module: string, path: string): LibraryName {
  const full = `${module}.${path}`;
  const dot = full.lastIndexOf('.');
  return { module: full.slice(0, dot), path: full.slice(dot + 1) };
}

/** The library name every module-level binding of `name` is an alias of; null when they disagree, or any is no such alias. */
function aliasTarget(a: CodeAnalyzer, name: string, depth = 0): LibraryName | null {
  let targets = targetsByFile.get(a);
  if (!targets) {
    targets = new Map();
    targetsByFile.set(a, targets);
  }
  if (targets.has(name)) {
    return targets.get(name)!;
  }
  // A name whose aliases lead back to it names nothing.
  targets.set(name, null);
  const bindings = moduleBindings(a).get(name);
  let agreed: LibraryName | null = null;
  if (bindings && !bindings.other && depth < MAX_DEPTH) {
    for (const value of bindings.values) {
      const target = libraryNameOf(a, namedType(a, value)!.text, depth);
      if (!target || (agreed && (agreed.module !== target.module || agreed.path !== target.path))) {
        agreed = null;
        break;
      }
      agreed = target;
    }
  }
  targets.set(name, agreed);
  return agreed;
}

/** The module-level aliases of the file by name, each with the library name it stands for (null: none known). */
export function moduleTypeAliases(a: CodeAnalyzer): Map<string, LibraryName | null> {
  const aliases = new Map<string, LibraryName | null>();
  for (const [name, bindings] of moduleBindings(a)) {
    if (bindings.values.length > 0) {
      aliases.set(name, aliasTarget(a, name));
    }
  }
  return aliases;
}

/**
 * Whether the annotation at `k` is `Annotated[T, Depends(...)]`, written there or as a module-level alias of
 * this file (`BikesTable = Annotated[Any, Depends(get_table)]`): FastAPI passes the dependency's value, which
 * the parameter then reads from the annotation as from a default (see `fastapiDependencies.ts`).
 */
export function annotatesDependency(a: CodeAnalyzer, k: number): boolean {
  if (!a.text.includes('Depends')) {
    return false;
  }
  if (hasDependsMetadata(a, k)) {
    return true;
  }
  const name = a.isId(k) && !a.isAccess(k + 1) && !a.imports.has(a.tokens.text(k)) ? moduleBindings(a).get(a.tokens.text(k)) : undefined;
  return name !== undefined && !name.other && name.values.length > 0 && name.values.every((value) => hasDependsMetadata(a, value));
}

/** Whether `Annotated[...]` starts at `k` with a `Depends(...)` among its metadata. */
function hasDependsMetadata(a: CodeAnalyzer, k: number): boolean {
  const wrapper = wrapperAt(a, k);
  if (!wrapper?.metadata) {
    return false;
  }
  const close = a.partner[wrapper.open];
  for (let m = wrapper.open + 1; m < close; m = a.skipGroup(m)) {
    if (a.is(m, ',') && a.parent[m] === wrapper.open && a.idIs(lastOfDotted(a, m + 1), 'Depends')) {
      return true;
    }
  }
  return false;
}

/** The last name of a dotted name from `k` (`Depends` of `fastapi.Depends`), or -1. */
function lastOfDotted(a: CodeAnalyzer, k: number): number {
  const name = dottedName(a, k);
  return name && a.is(name.end, '(') ? name.end - 1 : -1;
}

/**
 * The library name the annotation at `k` stands for when it is an alias: a module-level alias of this file
 * (null when it names no library type, or not one for certain), or a name a workspace module passes on,
 * read from it as a module (`deps.RedisDep`). Undefined for any other annotation.
 */
export function typeAliasTarget(a: CodeAnalyzer, k: number): LibraryName | null | undefined {
  const name = dottedName(a, k);
  if (!name) {
    return undefined;
  }
  const dot = name.text.indexOf('.');
  if (dot < 0) {
    return !a.imports.has(name.text) && moduleBindings(a).get(name.text)?.values.length ? aliasTarget(a, name.text) : undefined;
  }
  // `import app.deps as deps` then `deps.RedisDep`: what the module passes on as `RedisDep`.
  const imported = importedName(a, name.text);
  const passed = imported && libraryImport(a, imported.module, imported.path);
  return passed ? libraryName(passed.module, passed.path) : undefined;
}
