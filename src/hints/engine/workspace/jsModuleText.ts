/**
 * The top-level statements of a JavaScript or TypeScript file that can bind or export a client: imports,
 * `const` declarations, exports and `module.exports`, and exported classes that may lend their fields to
 * subclasses in other files, and exported functions that may return a client (`jsGetters.ts`), without the
 * other functions and classes (kept when a kept statement names them: `export const ddb = makeClient()`).
 * First a reading of the export statements alone says whether the file may export a client at all; most
 * files export functions, classes or types.
 */
import { clientSites, returnsWithin } from './jsGetters';
import { interfaceHoldsClient, objectTypeAliasHoldsClient } from './jsInterfaces';
import { keepMakerCallers } from './jsMakerCallers';
import { EQUALS, isIdentifierPart, isIdentifierStart, ITEM_CALL, itemCallSites, keptText, NEWLINE, REQUEST_FORWARD, skipSpace, SPACE, TopStatement, wordAt } from './moduleText';

const BACKSLASH = 92;
const QUOTE = 34;
const APOSTROPHE = 39;
const BACKTICK = 96;
const SLASH = 47;
const STAR = 42;
const GREATER = 62;
const LESS = 60;
const BANG = 33;
const SEMICOLON = 59;
const DOT = 46;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const DOLLAR = 36;

/** How far past an `export` or a declared name the readers look for the value (a type annotation may come first). */
const LOOK_AHEAD = 400;
/** How much of a `module.exports = { … }` object literal is read. */
const OBJECT_LIMIT = 4000;
/** Export statements read before a file counts as one that may export a client: far more than real modules have. */
const MAX_EXPORTS = 256;

/** Words that start a value that is never a client: a function, a class, a literal. */
const NOT_CLIENTS = new Set(['async', 'function', 'class', 'true', 'false', 'null', 'undefined', 'this', 'typeof', 'void', 'interface', 'type', 'enum', 'abstract', 'declare']);

/** Whether the value that starts at `from` may be a client: `new X(...)`, `await x`, a call or a name. */
function mayBeClientValue(text: string, from: number): boolean {
  const k = skipSpace(text, from);
  return isIdentifierStart(text.charCodeAt(k)) && !NOT_CLIENTS.has(wordAt(text, k));
}

/**
 * Whether `type` at `from` declares an alias of a plain name (`RedisClient = Redis`, `Validated<S> = Handler<...>`),
 * which may be a client library's type or a Lambda handler type.
 */
function typeAliasOfName(text: string, from: number): boolean {
  const nameAt = skipSpace(text, from);
  const name = wordAt(text, nameAt);
  let eq = skipSpace(text, nameAt + name.length);
  if (text.charCodeAt(eq) === LESS) {
    // Past the type parameters: the first `>=` or `> =` within reach.
    const close = text.slice(eq, eq + LOOK_AHEAD).search(/>\s*=(?!>)/);
    eq = close < 0 ? -1 : skipSpace(text, text.indexOf('=', eq + close));
  }
  return name !== '' && text.charCodeAt(eq) === EQUALS && isIdentifierStart(text.charCodeAt(skipSpace(text, eq + 1)));
}

/** Where the value of a declared name starts, after an optional type annotation; -1 when there is none within reach. */
function declarationValue(text: string, from: number): number {
  const limit = Math.min(text.length, from + LOOK_AHEAD);
  for (let k = from; k < limit; k++) {
    const code = text.charCodeAt(k);
    if (code === SEMICOLON) {
      return -1;
    }
    // Not `=>` (a function type), `==`, `<=`, `>=`, `!=`.
    if (code === EQUALS && text.charCodeAt(k + 1) !== GREATER && text.charCodeAt(k + 1) !== EQUALS) {
      const before = text.charCodeAt(k - 1);
      if (before !== EQUALS && before !== LESS && before !== GREATER && before !== BANG) {
        return k + 1;
      }
    }
  }
  // A long annotation: the value may still be a client.
  return limit < text.length ? limit : -1;
}

/** The names that `const`, `let` or `var` binds to something that may be a client (`const cache = new Redis()`), as formatters write them. */
function declaredClients(text: string): Set<string> {
  const names = new Set<string>();
  for (const keyword of ['const ', 'let ', 'var ']) {
    for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + keyword.length)) {
      if (isIdentifierPart(text.charCodeAt(at - 1))) {
        continue;
      }
      const nameAt = skipSpace(text, at + keyword.length);
      const name = wordAt(text, nameAt);
      const value = name === '' ? -1 : declarationValue(text, nameAt + name.length);
      if (value >= 0 && mayBeClientValue(text, value)) {
        names.add(name);
      }
    }
  }
  return names;
}

/** Whether the file names a relative module in quotes (`require('./db')`, `from "../lib/cache"`). */
function importsRelativeModule(text: string): boolean {
  return text.includes("'./") || text.includes('"./') || text.includes("'../") || text.includes('"../');
}

/**
 * Whether a `module.exports = { … }` literal at `open` names a value that may be a client: one made
 * there (`new`), a name declared with such a value, or any name when the file imports from a relative
 * module (whose exports it may pass on).
 */
function objectMayExport(text: string, open: number, known: { declared?: Set<string>; importsRelative?: boolean }): boolean {
  const limit = Math.min(text.length, open + OBJECT_LIMIT);
  let depth = 0;
  for (let k = open; k < limit; k++) {
    const code = text.charCodeAt(k);
    if (code === OPEN_BRACE) {
      depth++;
    } else if (code === CLOSE_BRACE && --depth === 0) {
      return false;
    } else if (isIdentifierStart(code) && !isIdentifierPart(text.charCodeAt(k - 1))) {
      const word = wordAt(text, k);
      if (word === 'new' || (!NOT_CLIENTS.has(word) && ((known.declared ??= declaredClients(text)).has(word) || (known.importsRelative ??= importsRelativeModule(text))))) {
        return true;
      }
      k += word.length - 1;
    }
  }
  // Too long to read: it may.
  return limit < text.length;
}

/**
 * Whether a JavaScript or TypeScript file may export a client: `export const x = <not a function or
 * literal>`, `export default x`, an export list or `export *`, or `module.exports` / `exports.x` set to such
 * a value; `export class` too where `classesMayLend` (its client fields may serve subclasses in other
 * files); an exported function only where the file returns something that may be a client (`return
 * redisClient;`, `=> new Redis()`: `jsGetters.ts`). `export const handler = async (…) => …` cannot.
 */
export function jsMayExport(text: string, classesMayLend: boolean): boolean {
  // What the file declares and imports, read once for every `module.exports = { … }` it has.
  const known = {};
  const exports = /\bexports?\b/g;
  let read = 0;
  // A function it exports may return a client (`getRedisClient`), which the text tells once, at the end.
  let exportsFunction = false;
  let itemCalls: boolean | undefined;
  for (let match = exports.exec(text); match; match = exports.exec(text)) {
    if (++read > MAX_EXPORTS) {
      return true;
    }
    const end = exports.lastIndex;
    if (match[0] === 'export') {
      if (text.charCodeAt(match.index - 1) === DOT) {
        continue;
      }
      const k = skipSpace(text, end);
      const code = text.charCodeAt(k);
      const word = wordAt(text, k);
      if (code === OPEN_BRACE || code === STAR) {
        return true;
      }
      const declared = word === 'default' ? wordAt(text, skipSpace(text, k + word.length)) : word;
      if (word === 'type' && typeAliasOfName(text, k + word.length)) {
        // `export type RedisClient = Redis` may pass a client library's type on.
        return true;
      }
      if ((word === 'interface' && interfaceHoldsClient(text, k)) || (word === 'type' && objectTypeAliasHoldsClient(text, k + word.length))) {
        // `export interface Cradle { redis: Redis }`, `export type Deps = { redis: Redis }`: other modules take it and read its members.
        return true;
      }
      if ((classesMayLend || (itemCalls ??= ITEM_CALL.test(text))) && (declared === 'class' || declared === 'abstract')) {
        // An exported class may hold a client field that its subclasses in other files use, or read and write items for other files (a repository).
        return true;
      }
      if (word === 'default') {
        const value = skipSpace(text, k + word.length);
        if (text.charCodeAt(value) === OPEN_BRACE ? objectMayExport(text, value, known) : mayBeClientValue(text, value)) {
          return true;
        }
        // `export default { call }` may hold functions, as `module.exports = { call }` may.
        exportsFunction ||= declared === 'function' || declared === 'async' || text.charCodeAt(value) === OPEN_PAREN || text.charCodeAt(value) === OPEN_BRACE;
      } else if (word === 'const' || word === 'let' || word === 'var') {
        const value = declarationValue(text, k + word.length);
        // An object literal may hold clients (`export const clients = { redis: new Redis() }`).
        const object = value >= 0 && text.charCodeAt(skipSpace(text, value)) === OPEN_BRACE;
        if (value >= 0 && (object ? objectMayExport(text, skipSpace(text, value), known) : mayBeClientValue(text, value))) {
          return true;
        }
        exportsFunction ||= value >= 0;
      } else if (word === 'function' || word === 'async') {
        exportsFunction = true;
      } else if (code === EQUALS && mayBeClientValue(text, k + 1)) {
        // TypeScript `export = client`.
        return true;
      }
      continue;
    }
    // `module.exports = …`, `module.exports.x = …`, `exports.x = …`.
    let k = skipSpace(text, end);
    if (text.charCodeAt(k) === DOT) {
      k = skipSpace(text, k + 1);
      k = skipSpace(text, k + wordAt(text, k).length);
    }
    if (text.charCodeAt(k) !== EQUALS || text.charCodeAt(k + 1) === EQUALS) {
      continue;
    }
    const value = skipSpace(text, k + 1);
    if (text.charCodeAt(value) === OPEN_BRACE ? objectMayExport(text, value, known) : mayBeClientValue(text, value)) {
      return true;
    }
    exportsFunction = true;
  }
  return exportsFunction && (clientSites(text).length > 0 || ITEM_CALL.test(text) || REQUEST_FORWARD.test(text));
}

/** Words that start a top-level statement when they start a line outside any bracket. */
const STATEMENT_WORDS = new Set(['import', 'export', 'const', 'let', 'var', 'function', 'async', 'class', 'abstract', 'interface', 'type', 'enum', 'declare', 'namespace', 'module', 'exports', 'if', 'for', 'while', 'do', 'try', 'switch']);
/** Words after which a `/` starts a regular expression, not a division, by their length. */
const BEFORE_REGEX: readonly (readonly string[])[] = [[], [], ['do', 'in', 'of'], ['new'], ['case', 'else', 'void'], ['throw', 'await', 'yield'], ['return', 'typeof', 'delete'], [], [], [], ['instanceof']];

/** Whether the word [start, end) is one after which a `/` starts a regular expression; no string is made for it. */
function beforeRegex(text: string, start: number, end: number): boolean {
  const words = BEFORE_REGEX[end - start] ?? [];
  for (let i = 0; i < words.length; i++) {
    if (text.startsWith(words[i], start)) {
      return true;
    }
  }
  return false;
}

/** After the quoted string at `from`; -1 when it is not closed on its line (the scan cannot be trusted). */
function quotedEnd(text: string, from: number): number {
  const quote = text.charCodeAt(from);
  for (let k = from + 1; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code === BACKSLASH) {
      k++;
    } else if (code === quote) {
      return k + 1;
    } else if (code === NEWLINE) {
      return -1;
    }
  }
  return -1;
}

/** After the regular expression literal at `from`; -1 when it is not closed on its line. */
function regexEnd(text: string, from: number): number {
  let inClass = false;
  for (let k = from + 1; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code === BACKSLASH) {
      k++;
    } else if (code === OPEN_BRACKET) {
      inClass = true;
    } else if (code === CLOSE_BRACKET) {
      inClass = false;
    } else if (code === SLASH && !inClass) {
      let end = k + 1;
      while (isIdentifierPart(text.charCodeAt(end))) {
        end++;
      }
      return end;
    } else if (code === NEWLINE) {
      return -1;
    }
  }
  return -1;
}

/** The characters the statement scan stops at: line ends, quotes, template and comment or regex delimiters, brackets. */
const SPECIAL = new Uint8Array(128);
for (const char of '\n"\'`/()[]{}') {
  SPECIAL[char.charCodeAt(0)] = 1;
}

/**
 * Whether the `/` at `at` starts a regular expression: after an operator, an opening bracket or a word such
 * as `return`; after a value (a name, a number, `)`, `]`, a string) it divides. Read backwards from the `/`,
 * over the blanks before it only, so that the scan stays linear.
 */
function slashStartsRegex(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && text.charCodeAt(k) <= SPACE) {
    k--;
  }
  if (k < 0) {
    return true;
  }
  const code = text.charCodeAt(k);
  if (isIdentifierPart(code)) {
    let start = k;
    while (start > 0 && k - start < 16 && isIdentifierPart(text.charCodeAt(start - 1))) {
      start--;
    }
    return beforeRegex(text, start, k + 1);
  }
  return !(code === CLOSE_PAREN || code === CLOSE_BRACKET || code === QUOTE || code === APOSTROPHE || code === BACKTICK);
}

/**
 * Where the top-level statements start: a statement word at the start of a line outside brackets,
 * strings, template literals, comments and regular expressions. Undefined when the scan cannot be
 * trusted (an unclosed string, brackets that do not balance): then the whole file is read.
 */
function statementStarts(text: string): number[] | undefined {
  const starts: number[] = [];
  /** Bracket depths at which a template literal's `${` opened: its `}` returns to the template. */
  const templates: number[] = [];
  let depth = 0;
  const templateFrom = (from: number): number => {
    for (let j = from; j < text.length; j++) {
      const code = text.charCodeAt(j);
      if (code === BACKSLASH) {
        j++;
      } else if (code === BACKTICK) {
        return j + 1;
      } else if (code === DOLLAR && text.charCodeAt(j + 1) === OPEN_BRACE) {
        templates.push(depth++);
        return j + 2;
      }
    }
    return -1;
  };
  /** After the blanks that start the line at `from`, noting a statement that starts there. */
  const lineFrom = (from: number): number => {
    let k = from;
    while (k < text.length && text.charCodeAt(k) <= SPACE && text.charCodeAt(k) !== NEWLINE) {
      k++;
    }
    if (depth === 0 && isIdentifierStart(text.charCodeAt(k)) && STATEMENT_WORDS.has(wordAt(text, k))) {
      starts.push(k);
    }
    return k;
  };
  let k = lineFrom(0);
  while (k < text.length) {
    const code = text.charCodeAt(k);
    if (code < 128 && SPECIAL[code] === 0) {
      k++;
      continue;
    }
    let next = k + 1;
    if (code === NEWLINE) {
      next = lineFrom(k + 1);
    } else if (code === SLASH && text.charCodeAt(k + 1) === SLASH) {
      const end = text.indexOf('\n', k);
      next = end < 0 ? text.length : end;
    } else if (code === SLASH && text.charCodeAt(k + 1) === STAR) {
      const end = text.indexOf('*/', k + 2);
      next = end < 0 ? -1 : end + 2;
    } else if (code === SLASH) {
      next = slashStartsRegex(text, k) ? regexEnd(text, k) : k + 1;
    } else if (code === QUOTE || code === APOSTROPHE) {
      next = quotedEnd(text, k);
    } else if (code === BACKTICK) {
      next = templateFrom(k + 1);
    } else if (code === OPEN_PAREN || code === OPEN_BRACKET || code === OPEN_BRACE) {
      depth++;
    } else if (code === CLOSE_PAREN || code === CLOSE_BRACKET || code === CLOSE_BRACE) {
      if (--depth < 0) {
        return undefined;
      }
      if (code === CLOSE_BRACE && templates.length > 0 && templates[templates.length - 1] === depth) {
        templates.pop();
        next = templateFrom(k + 1);
      }
    }
    if (next < 0) {
      return undefined;
    }
    k = next;
  }
  return depth === 0 && templates.length === 0 ? starts : undefined;
}

/** `async (event) => …`, `function …`, `(a, b) => …`: a declared value that is a function, read from its start. */
function isFunctionValue(text: string, from: number): boolean {
  const k = skipSpace(text, from);
  const word = wordAt(text, k);
  if (word === 'async' || word === 'function' || word === 'class') {
    return true;
  }
  if (text.charCodeAt(k) !== OPEN_PAREN) {
    return false;
  }
  // The parameters, then `=>` (after a return type, if any) within reach.
  let depth = 0;
  const limit = Math.min(text.length, k + LOOK_AHEAD);
  for (let j = k; j < limit; j++) {
    const code = text.charCodeAt(j);
    if (code === OPEN_PAREN) {
      depth++;
    } else if (code === CLOSE_PAREN && --depth === 0) {
      for (let after = j + 1; after + 1 < limit; after++) {
        if (text.charCodeAt(after) === EQUALS && text.charCodeAt(after + 1) === GREATER) {
          return true;
        }
        if (text.charCodeAt(after) === OPEN_BRACE || text.charCodeAt(after) === SEMICOLON) {
          return false;
        }
      }
      return false;
    }
  }
  return false;
}

/** A top-level statement, classified: kept, a definition kept only when named, or dropped. */
function classify(text: string, start: number, end: number, classesMayLend: boolean, returns: () => readonly number[], items: () => readonly number[]): TopStatement | 'whole' {
  let k = start;
  let word = wordAt(text, k);
  let exported = false;
  for (let guard = 0; guard < 4 && (word === 'export' || word === 'default' || word === 'declare' || word === 'abstract' || word === 'async'); guard++) {
    exported ||= word === 'export';
    k = skipSpace(text, k + word.length);
    word = wordAt(text, k);
  }
  switch (word) {
    case 'let':
    case 'var':
      // A module-level name that any function may assign: read the whole file.
      return 'whole';
    case 'const': {
      const nameAt = skipSpace(text, k + word.length);
      const name = wordAt(text, nameAt);
      const value = name === '' ? -1 : declarationValue(text, nameAt + name.length);
      if (value < 0 || value >= end || !isFunctionValue(text, value)) {
        return { start, end, kept: true };
      }
      // An exported function that may return a client is kept for itself: other files may call it.
      return { start, end, kept: exported && returnsWithin(returns(), start, end), defines: name, ...(exported ? { exported: true as const } : {}) };
    }
    case 'function':
    case 'class':
    case 'interface':
    case 'type':
    case 'enum':
    case 'namespace': {
      if (
        (exported && word === 'class' && (classesMayLend || returnsWithin(items(), start, end))) ||
        (exported && word === 'type' && typeAliasOfName(text, k + word.length)) ||
        (exported && word === 'interface' && interfaceHoldsClient(text, k)) ||
        (exported && word === 'type' && objectTypeAliasHoldsClient(text, k + word.length))
      ) {
        // An exported class: its fields may hold clients that subclasses in other files use, or its methods read and write items
        // for other files (`itemHelpers.ts`); an exported alias of a client type; an interface with client members (`jsInterfaces.ts`).
        return { start, end, kept: true };
      }
      let nameAt = skipSpace(text, k + word.length);
      if (text.charCodeAt(nameAt) === STAR) {
        nameAt = skipSpace(text, nameAt + 1);
      }
      const name = wordAt(text, nameAt);
      const kept = exported && word === 'function' && returnsWithin(returns(), start, end);
      return name === '' ? { start, end, kept } : { start, end, kept, defines: name, ...(exported && word === 'function' ? { exported: true as const } : {}) };
    }
    case 'import':
      return { start, end, kept: true };
    case 'module':
    case 'exports': {
      // `module.exports = …`, `exports.x = …` (not TypeScript's `declare module 'x' { … }`), unless set to a function.
      const value = text.charCodeAt(skipSpace(text, k + word.length)) === DOT ? declarationValue(text, k + word.length) : -1;
      return { start, end, kept: value >= 0 && value < end && (!isFunctionValue(text, value) || returnsWithin(returns(), start, end)) };
    }
    default:
      // `export { … }`, `export * from`, `export default <expression>`; not `if`, loops, `try`, `switch`,
      // whose blocks bind no module-level `const`.
      return { start, end, kept: exported };
  }
}

/**
 * The top-level statements of a JavaScript or TypeScript file that may export a client (see
 * `jsMayExport`), as text, with its exported classes where `classesMayLend`. The whole file when a
 * module-level `let` or `var` may be assigned in any function, or when the scan cannot be trusted (JSX
 * text, which holds quotes, is never scanned).
 */
export function jsModuleText(text: string, jsx: boolean, classesMayLend: boolean): string {
  const starts = jsx ? undefined : statementStarts(text);
  if (!starts) {
    return text;
  }
  // What comes before the first statement (comments, `'use strict'`) is kept as it is.
  const statements: TopStatement[] = starts.length > 0 && starts[0] > 0 ? [{ start: 0, end: starts[0], kept: true }] : [];
  let sites: readonly number[] | undefined;
  let itemSites: readonly number[] | undefined;
  const items = (): readonly number[] => (itemSites ??= itemCallSites(text));
  // An exported function is kept where it may return a client, or may read or write items for its callers.
  let clients: readonly number[] | undefined;
  const made = (): readonly number[] => (clients ??= clientSites(text));
  const returns = (): readonly number[] => (sites ??= [...made(), ...items()].sort((x, y) => x - y));
  for (let index = 0; index < starts.length; index++) {
    const statement = classify(text, starts[index], index + 1 < starts.length ? starts[index + 1] : text.length, classesMayLend, returns, items);
    if (statement === 'whole') {
      return text;
    }
    statements.push(statement);
  }
  // An exported function that gets its client from a maker of this module (`const client = await getClient()`).
  keepMakerCallers(text, statements, made());
  return statements.length > 0 ? keptText(text, statements) : text;
}
