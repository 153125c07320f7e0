/**
 * Go files in the workspace model: each tells the other files of its package (its folder and package name)
 * the struct types it declares with fields of a client library's type (read by
 * `code/languages/goPackageStructs.ts`). Read from the text line by line, without lexing: the package
 * clause, the imports of client libraries, and the field lines of `type Name struct {` blocks. Only a file
 * that imports a client library and declares a struct is read, and tests are not: a `_test.go` file's
 * types exist only while the package's tests run.
 */
import { EMBEDDED_CLIENT } from '../code/languages/goPackageStructs';
import { goClientType, goImport } from '../code/languages/goClients';
import { isTestDoubleFile } from '../code/testDoubles';
import { emptyContribution } from './contribution';
import { isIdentifierPart, skipSpace, wordAt } from './moduleText';
import { FileContribution, GoFieldType, GoStructTypes } from './types';

/** The client libraries' import paths, as `goClients.ts` knows them: the AWS SDKs for Go and go-redis. */
const CLIENT_IMPORT = /"github\.com\/(?:aws\/aws-sdk-go|redis\/go-redis|go-redis\/redis)/;

/** How many struct types one file tells its package about, and how many fields of each: far more than real code has. */
const MAX_STRUCTS = 64;
const MAX_FIELDS = 32;
/** Lines of one struct or import block read at most. */
const MAX_BLOCK_LINES = 512;
/** A Go name that, as a key of the plain records the model keeps, would set the record's prototype. */
const PROTO = '__proto__';

const STAR = 42;
const DOT = 46;
const QUOTE = 34;
const SLASH = 47;
const CARRIAGE_RETURN = 13;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** Whether a Go file may declare a struct with a client field, from its path and text alone. */
export function mayDeclareGoClientStructs(file: string, text: string): boolean {
  return !file.endsWith('_test.go') && text.includes('struct') && CLIENT_IMPORT.test(text) && !isTestDoubleFile(file);
}

/** The lines of a text as [start, end) offsets, read one at a time. */
function* lines(text: string): Generator<[number, number]> {
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    yield [start, end];
    start = end + 1;
  }
}

/** `"path"` at `k` (after spaces): the path, or undefined. */
function quotedAt(text: string, k: number, end: number): string | undefined {
  const open = skipSpace(text, k);
  const close = text.charCodeAt(open) === QUOTE ? text.indexOf('"', open + 1) : -1;
  return close > open && close < end ? text.slice(open + 1, close) : undefined;
}

/** One import spec from `k` to the line's end (`"path"`, `alias "path"`): the client library it names, under the name the file uses. */
function importSpec(text: string, k: number, end: number, imports: Map<string, string>): void {
  const start = skipSpace(text, k);
  const alias = wordAt(text, start);
  const path = quotedAt(text, start + alias.length, end);
  const imported = path === undefined ? undefined : goImport(path);
  const name = alias === '' ? imported?.name : alias;
  if (path !== undefined && imported && name !== undefined && name !== '_' && name !== PROTO) {
    imports.set(name, path);
  }
}

/** A field's type from `k`: `*redis.Client` or `dynamodb.Client`, where the package is a client library the file imports. */
function clientTypeAt(text: string, k: number, imports: ReadonlyMap<string, string>): GoFieldType | undefined {
  const start = text.charCodeAt(k) === STAR ? k + 1 : k;
  const alias = wordAt(text, start);
  const path = imports.get(alias);
  const type = path !== undefined && text.charCodeAt(start + alias.length) === DOT ? wordAt(text, start + alias.length + 1) : '';
  const imported = path === undefined ? undefined : goImport(path);
  return path !== undefined && imported && type !== '' && goClientType(imported.service, type) ? { path, type } : undefined;
}

/** A field line of a struct (`client *redis.Client`, `*rds.Client`): its name (`''` when embedded) and client type. */
function fieldAt(text: string, k: number, end: number, imports: ReadonlyMap<string, string>): [string, GoFieldType] | undefined {
  const name = wordAt(text, k);
  if (name === '' || text.charCodeAt(k + name.length) === DOT) {
    const embedded = clientTypeAt(text, k, imports);
    return embedded && [EMBEDDED_CLIENT, embedded];
  }
  const type = skipSpace(text, k + name.length);
  const declared = type > k + name.length && type < end ? clientTypeAt(text, type, imports) : undefined;
  return declared && name !== PROTO ? [name, declared] : undefined;
}

/** The struct whose `type Name struct {` line runs from `start` to `end`, or undefined: its name. */
function structHead(text: string, start: number, end: number): string | undefined {
  if (wordAt(text, start) !== 'type') {
    return undefined;
  }
  const nameAt = skipSpace(text, start + 4);
  const name = wordAt(text, nameAt);
  const keyword = skipSpace(text, nameAt + name.length);
  const brace = skipSpace(text, keyword + 6);
  // `type Store struct {` with its fields on the lines below (not `struct{ ... }` on one line).
  const opens = text.charCodeAt(brace) === OPEN_BRACE && skipSpace(text, brace + 1) >= end;
  return name !== '' && name !== PROTO && text.startsWith('struct', keyword) && !isIdentifierPart(text.charCodeAt(keyword + 6)) && opens ? name : undefined;
}

/** A Go file's package and its struct types with client fields; undefined when it declares none. */
export function indexGoPackage(text: string): FileContribution | undefined {
  let name: string | undefined;
  const imports = new Map<string, string>();
  const structs: GoStructTypes = {};
  let count = 0;
  // What the lines read belong to: the file's top level, an `import ( … )` block, or a struct's fields.
  let block: 'top' | 'imports' | 'struct' = 'top';
  let fields: Record<string, GoFieldType> = {};
  let blockLines = 0;
  for (const [lineStart, lineEnd] of lines(text)) {
    const k = skipSpace(text, lineStart);
    const end = text.charCodeAt(lineEnd - 1) === CARRIAGE_RETURN ? lineEnd - 1 : lineEnd;
    const closes = text.charCodeAt(k) === (block === 'imports' ? CLOSE_PAREN : CLOSE_BRACE);
    if (block !== 'top' && (closes || ++blockLines > MAX_BLOCK_LINES)) {
      block = 'top';
      continue;
    }
    if (k >= end || (text.charCodeAt(k) === SLASH && text.charCodeAt(k + 1) === SLASH)) {
      continue;
    }
    if (block === 'imports') {
      importSpec(text, k, end, imports);
    } else if (block === 'struct') {
      const field = Object.keys(fields).length < MAX_FIELDS ? fieldAt(text, k, end, imports) : undefined;
      if (field && !Object.hasOwn(fields, field[0])) {
        fields[field[0]] = field[1];
      }
    } else if (k === lineStart && name === undefined && wordAt(text, k) === 'package') {
      name = wordAt(text, skipSpace(text, k + 7)) || undefined;
    } else if (k === lineStart && wordAt(text, k) === 'import') {
      const after = skipSpace(text, k + 6);
      if (text.charCodeAt(after) === OPEN_PAREN) {
        block = 'imports';
        blockLines = 0;
      } else {
        importSpec(text, after, end, imports);
      }
    } else {
      const struct = k === lineStart ? structHead(text, k, end) : undefined;
      if (struct !== undefined && count < MAX_STRUCTS && !Object.hasOwn(structs, struct)) {
        fields = {};
        structs[struct] = fields;
        count++;
        block = 'struct';
        blockLines = 0;
      }
    }
  }
  for (const struct of Object.keys(structs)) {
    if (Object.keys(structs[struct]).length === 0) {
      delete structs[struct];
    }
  }
  return name !== undefined && Object.keys(structs).length > 0 ? { ...emptyContribution(), goPackage: { name, structs } } : undefined;
}
