/**
 * Go packages are folders: a struct type declared in one file (`type Store struct { client *redis.Client }`
 * in store.go) has its methods in others (`func (s *Store) Set(...)` in set.go). In workspace mode each
 * file tells the others of its package its struct types' client fields, as plain data (the field's name,
 * the import path of its type's package and the type's name: `workspace/goPackages.ts` reads them), and a
 * file reads those of the structs it does not declare itself as its own (`goProject.ts` asks for them). Also
 * how `go.ts` finds a file's imports and struct declarations.
 */
import type { Binding } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { Value } from '../values';
import type { GoStructTypes } from '../../workspace/types';
import { goClientType, goImport } from './goClients';

/**
 * A struct's embedded client (`type Admin struct { *rds.Client }`), kept among its members under a name no
 * field can have: the client's methods are the struct's own.
 */
export const EMBEDDED_CLIENT = '';

/** The client libraries a file imports, by the name the file uses for each (its alias, else the package's name), to their import paths. */
export function goClientImports(a: CodeAnalyzer): Map<string, string> {
  const imports = new Map<string, string>();
  for (const { alias, path } of goImportSpecs(a)) {
    const imported = goImport(path);
    const name = alias ?? imported?.name;
    if (imported && name && name !== '_') {
      imports.set(name, path);
    }
  }
  return imports;
}

/** Every import spec of a file: its path, and the alias written before it (`_`, `.` or a name), if any. */
export function goImportSpecs(a: CodeAnalyzer): { alias?: string; path: string }[] {
  const specs: { alias?: string; path: string }[] = [];
  const record = (aliasIndex: number, pathIndex: number): void => {
    const path = a.tokens.text(pathIndex);
    const alias = aliasIndex >= 0 ? (a.id(aliasIndex) ?? (a.is(aliasIndex, '.') ? '.' : undefined)) : undefined;
    specs.push(alias === undefined ? { path } : { alias, path });
  };
  for (let i = 0; i < a.tokens.length; i++) {
    if (!a.idIs(i, 'import')) {
      continue;
    }
    if (a.is(i + 1, '(')) {
      const close = a.partner[i + 1];
      for (let k = i + 2; k > 0 && k < close; k++) {
        if (a.isString(k)) {
          record((a.id(k - 1) || a.is(k - 1, '.')) && k - 1 > i + 1 ? k - 1 : -1, k);
        }
      }
    } else if (a.isString(i + 1)) {
      record(-1, i + 1);
    } else if ((a.id(i + 1) || a.is(i + 1, '.')) && a.isString(i + 2)) {
      record(i + 1, i + 2);
    }
  }
  return specs;
}

/** The `{` of each `type Name struct {` of the file, by name. */
export function structBraces(a: CodeAnalyzer): [string, number][] {
  const found: [string, number][] = [];
  for (let i = 0; i + 3 < a.tokens.length; i++) {
    if (!a.idIs(i, 'type') || !a.isId(i + 1)) {
      continue;
    }
    // A generic struct's type parameters (`type Cache[T any] struct {`) come between its name and `struct`.
    const keyword = a.is(i + 2, '[') && a.partner[i + 2] > i + 2 ? a.partner[i + 2] + 1 : i + 2;
    if (a.idIs(keyword, 'struct') && a.is(keyword + 1, '{')) {
      found.push([a.tokens.text(i + 1), keyword + 1]);
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

/**
 * Workspace mode: the struct types the other files of the package declare, with their client fields, so
 * that receivers (`func (s *Store) Set(...)`) and values of those types read them. Read before the file's
 * own declarations, which replace them.
 */
export function adoptStructs(a: CodeAnalyzer, structs: GoStructTypes, packageStruct: (path: string, type: string) => Value | undefined): void {
  for (const [struct, fields] of Object.entries(structs)) {
    const members = new Map<string, Binding<Value>>();
    for (const [field, { path, type }] of Object.entries(fields)) {
      const imported = goImport(path);
      // A field of another workspace package's struct (`cache *cache.Cache`) reads that struct's client fields.
      const declared = imported ? goClientType(imported.service, type) : packageStruct(path, type);
      if (!declared) {
        continue;
      }
      const binding: Binding<Value> = { token: -1, expression: -1, declared };
      members.set(field === EMBEDDED_CLIENT ? type : field, binding);
      if (field === EMBEDDED_CLIENT) {
        members.set(EMBEDDED_CLIENT, binding);
      }
    }
    if (members.size > 0) {
      a.structFields.set(struct, members);
    }
  }
}
