/**
 * Go packages are folders: a struct type declared in one file (`type Store struct { client *redis.Client }`
 * in store.go) has its methods in others (`func (s *Store) Set(...)` in set.go). In workspace mode each
 * file tells the others of its package its struct types' client fields, as plain data (the field's name,
 * the import path of its type's package and the type's name), and a file reads those of the structs it does
 * not declare itself as its own. Only client fields travel: a field of any other type tells nothing here.
 */
import type { Binding } from '../../scope/scopes';
import type { GoPackageStructs, GoStructTypes } from '../../workspace/types';
import type { CodeAnalyzer } from '../analyzer';
import { Value } from '../values';
import { goClientType, goImport } from './goClients';

/**
 * A struct's embedded client (`type Admin struct { *rds.Client }`), kept among its members under a name no
 * field can have: the client's methods are the struct's own.
 */
export const EMBEDDED_CLIENT = '';

/** How many struct types one file tells its package about, and how many fields of each: far more than real code has. */
const MAX_STRUCTS = 64;
const MAX_FIELDS = 32;
/** A Go name that, as a key of the plain records the workspace model keeps, would set the record's prototype. */
const PROTO = '__proto__';

/** The client libraries a file imports, by the name the file uses for each (its alias, else the package's name), to their import paths. */
export function goClientImports(a: CodeAnalyzer): Map<string, string> {
  const imports = new Map<string, string>();
  const record = (aliasIndex: number, pathIndex: number): void => {
    const path = a.tokens.text(pathIndex);
    const imported = goImport(path);
    const alias = aliasIndex >= 0 ? a.id(aliasIndex) : imported?.name;
    if (imported && alias && alias !== '_') {
      imports.set(alias, path);
    }
  };
  for (let i = 0; i < a.tokens.length; i++) {
    if (!a.idIs(i, 'import')) {
      continue;
    }
    if (a.is(i + 1, '(')) {
      const close = a.partner[i + 1];
      for (let k = i + 2; k > 0 && k < close; k++) {
        if (a.isString(k)) {
          record(a.id(k - 1) && k - 1 > i + 1 ? k - 1 : -1, k);
        }
      }
    } else if (a.isString(i + 1)) {
      record(-1, i + 1);
    } else if (a.id(i + 1) && a.isString(i + 2)) {
      record(i + 1, i + 2);
    }
  }
  return imports;
}

/** The `{` of each `type Name struct {` of the file, by name. */
export function structBraces(a: CodeAnalyzer): [string, number][] {
  const found: [string, number][] = [];
  for (let i = 0; i + 3 < a.tokens.length; i++) {
    if (a.idIs(i, 'type') && a.isId(i + 1) && a.idIs(i + 2, 'struct') && a.is(i + 3, '{')) {
      found.push([a.tokens.text(i + 1), i + 3]);
    }
  }
  return found;
}

/** A field starts a line of the struct's body, or follows its `{` or a `;` there (`struct{ db *dynamodb.Client; ttl time.Duration }`). */
export function startsField(a: CodeAnalyzer, brace: number, k: number): boolean {
  return a.parent[k] === brace && (a.startsLine(k) || k === brace + 1 || a.is(k - 1, ';'));
}

/** The package a file belongs to: `package store` on its first line of code. */
export function goPackageName(a: CodeAnalyzer): string | undefined {
  return a.idIs(0, 'package') ? a.id(1) : undefined;
}

/** What a file tells the other files of its package: its struct types that have a field of a client library's type. */
export function readGoStructTypes(a: CodeAnalyzer): GoPackageStructs | undefined {
  const name = goPackageName(a);
  const imports = goClientImports(a);
  if (name === undefined || imports.size === 0) {
    return undefined;
  }
  const structs: GoStructTypes = {};
  let count = 0;
  for (const [struct, brace] of structBraces(a)) {
    const fields: Record<string, { path: string; type: string }> = {};
    let read = 0;
    const close = a.partner[brace];
    for (let k = brace + 1; k > 0 && k < close && read < MAX_FIELDS; k++) {
      if (!startsField(a, brace, k)) {
        continue;
      }
      // `client *redis.Client` (a named field) or `*redis.Client` (an embedded one).
      const named = a.isId(k) && !a.is(k + 1, '.');
      const type = qualifiedType(a, named ? k + 1 : k, imports);
      const field = named ? a.tokens.text(k) : EMBEDDED_CLIENT;
      if (type && field !== PROTO) {
        fields[field] = type;
        read++;
      }
    }
    if (read > 0 && struct !== PROTO && count++ < MAX_STRUCTS && !Object.hasOwn(structs, struct)) {
      structs[struct] = fields;
    }
  }
  return count > 0 ? { name, structs } : undefined;
}

/** `*redis.Client` or `dynamodb.Client` at `start`, where the package is a client library's: its import path and the type's name. */
function qualifiedType(a: CodeAnalyzer, start: number, imports: ReadonlyMap<string, string>): { path: string; type: string } | undefined {
  const k = a.is(start, '*') ? start + 1 : start;
  const path = a.isId(k) ? imports.get(a.tokens.text(k)) : undefined;
  const imported = path === undefined ? undefined : goImport(path);
  const type = a.is(k + 1, '.') ? a.id(k + 2) : undefined;
  return path !== undefined && imported && type && goClientType(imported.service, type) ? { path, type } : undefined;
}

/**
 * Workspace mode: the struct types the other files of the package declare and this one does not, with
 * their client fields, so that receivers (`func (s *Store) Set(...)`) and values of those types read them.
 */
export function adoptPackageStructs(a: CodeAnalyzer): void {
  const name = a.project?.goStructs ? goPackageName(a) : undefined;
  const structs = name === undefined ? undefined : a.project?.goStructs?.(name);
  for (const [struct, fields] of Object.entries(structs ?? {})) {
    const members = new Map<string, Binding<Value>>();
    for (const [field, { path, type }] of Object.entries(fields)) {
      const imported = goImport(path);
      const declared = imported && goClientType(imported.service, type);
      if (!declared) {
        continue;
      }
      const binding: Binding<Value> = { token: -1, expression: -1, declared };
      members.set(field === EMBEDDED_CLIENT ? type : field, binding);
      if (field === EMBEDDED_CLIENT) {
        members.set(EMBEDDED_CLIENT, binding);
      }
    }
    a.structFields.set(struct, members);
  }
}
