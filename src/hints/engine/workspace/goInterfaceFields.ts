/**
 * Go struct fields typed by an interface of the struct's own package (`store RedisClient`, `db DynamoDBAPI`), where
 * the interface stands for a client: every method a go-redis command or an SDK operation (`goPackages.ts` reads
 * them). A provider declares the struct and its interface in one file and its methods in others (`p.store.Keys(...)`
 * in store.go), so the field must reach the other files of the package as the client the interface stands for.
 * Resolved in the declaring file when it declares the interface too; otherwise kept by type name for the package's
 * model, which resolves it against the interface one other file of the package declares (`goModules.ts`).
 */
import { skipSpace, wordAt } from './moduleText';
import type { GoFieldType, GoStructTypes } from './goTypes';

/** A Go name that, as a key of the plain records the model keeps, would set the record's prototype. */
const PROTO = '__proto__';
const MAX_PENDING = 64;
const LOWER_A = 97;
const LOWER_Z = 122;
const UPPER_A = 65;
const UPPER_Z = 90;
const UNDERSCORE = 95;
const SLASH = 47;
const BACKQUOTE = 96;

/** Go's predeclared types, which no package declares as an interface. */
const PREDECLARED = new Set(['any', 'bool', 'byte', 'complex64', 'complex128', 'error', 'float32', 'float64', 'int', 'int8', 'int16', 'int32', 'int64', 'rune', 'string', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr']);

/** A field of a struct whose type is a bare name of the package (`store RedisClient`): struct, field and type name. */
export interface OwnTypeField {
  struct: string;
  field: string;
  type: string;
}

/**
 * The field on the struct line from `k` to `end` when its type is a bare name of the file's package, perhaps an
 * interface (`store RedisClient`, `db   dynamoAPI // the table`): not a pointer, a qualified type, a slice or map, nor
 * a predeclared type.
 */
export function ownTypeFieldAt(text: string, k: number, end: number, struct: string): OwnTypeField | undefined {
  const field = wordAt(text, k);
  const at = skipSpace(text, k + field.length);
  if (field === '' || field === PROTO || at === k + field.length || at >= end || !startsName(text.charCodeAt(at))) {
    return undefined;
  }
  const type = wordAt(text, at);
  const after = skipSpace(text, at + type.length);
  const closes = after >= end || (text.charCodeAt(after) === SLASH && text.charCodeAt(after + 1) === SLASH) || text.charCodeAt(after) === BACKQUOTE;
  return closes && type !== PROTO && !PREDECLARED.has(type) ? { struct, field, type } : undefined;
}

function startsName(code: number): boolean {
  return (code >= LOWER_A && code <= LOWER_Z) || (code >= UPPER_A && code <= UPPER_Z) || code === UNDERSCORE;
}

/** Adds `field` to the list, up to a bound far above real code. */
export function keepOwnTypeField(pending: OwnTypeField[], field: OwnTypeField | undefined): void {
  if (field && pending.length < MAX_PENDING) {
    pending.push(field);
  }
}

/**
 * Gives each pending field whose type the file declares as a client interface that client, in `structs`; returns the
 * others by struct and field, to the type's name, for an interface of another file of the package.
 */
export function resolveOwnTypeFields(pending: readonly OwnTypeField[], structs: GoStructTypes, interfaces: Readonly<Record<string, GoFieldType>>): GoStructNames | undefined {
  let elsewhere: GoStructNames | undefined;
  for (const { struct, field, type } of pending) {
    const fields = Object.hasOwn(structs, struct) ? structs[struct] : undefined;
    if (!fields || Object.hasOwn(fields, field)) {
      continue;
    }
    if (Object.hasOwn(interfaces, type)) {
      fields[field] = interfaces[type];
      continue;
    }
    elsewhere ??= Object.create(null) as GoStructNames;
    (Object.hasOwn(elsewhere, struct) ? elsewhere[struct] : (elsewhere[struct] = Object.create(null) as Record<string, string>))[field] = type;
  }
  return elsewhere;
}

/** Struct fields by struct and field name, to the name of a type of the package (see `GoPackageFile.interfaceFields`). */
export type GoStructNames = Record<string, Record<string, string>>;

/**
 * `structs` (the package's, merged) with the fields whose type names an interface over a client that one file of the
 * package declares (`interfaces`, merged so that a name two files declare counts for none). The records the files
 * contributed are shared, so a struct that gains a field is copied.
 */
export function withInterfaceFields(structs: GoStructTypes, pendingByFile: readonly (GoStructNames | undefined)[], interfaces: Readonly<Record<string, GoFieldType>>): GoStructTypes {
  for (const pending of pendingByFile) {
    for (const [struct, fields] of Object.entries(pending ?? {})) {
      const gained = Object.entries(fields).filter(([, type]) => Object.hasOwn(interfaces, type));
      if (gained.length === 0) {
        continue;
      }
      const known: Record<string, GoFieldType> = Object.assign(Object.create(null) as Record<string, GoFieldType>, Object.hasOwn(structs, struct) ? structs[struct] : {});
      for (const [field, type] of gained) {
        if (!Object.hasOwn(known, field)) {
          known[field] = interfaces[type];
        }
      }
      structs[struct] = known;
    }
  }
  return structs;
}
