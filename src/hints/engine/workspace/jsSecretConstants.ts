/**
 * JavaScript and TypeScript modules that export a database password as a literal, for the connections of other
 * modules that read it (`new Sequelize(dbConfig.DB, dbConfig.USER, dbConfig.PASSWORD, ...)` after
 * `const dbConfig = require('../config/db.config.js')`; `code/options.ts`): `export const DB_PASSWORD = '...'`,
 * `exports.password = '...'`, and the top-level keys of `module.exports = { PASSWORD: '...' }` or
 * `export default { ... }`, also when a top-level `const` holds that object and the module exports the name
 * (`module.exports = dbConfig;`). Only names that say they are a password, bound once to one plain string.
 * The names are the import paths the code reader gives: `PASSWORD` for a CommonJS export (required, or
 * imported by name), `default.PASSWORD` for a member of the default export (which a CommonJS module's
 * `module.exports` also is). A module that names a local host as the server exports none: it is a developer's setup.
 */
import { LineIndex } from '../text';
import { PASSWORD_NAME, SecretConstant } from './secretConstants';

/** A string literal without escapes or interpolation (three groups: its text between `"`, `'` or backquotes). */
export const LITERAL = String.raw`(?:"([^"\\\r\n]*)"|'([^'\\\r\n]*)'|\x60([^\x60\\$\r\n]*)\x60)`;
const LINE_END = String.raw`[ \t]*;?[ \t]*(?:\/\/[^\r\n]*)?\r?$`;
/** `export const NAME = '...'` (a `: string` annotation allowed). */
const EXPORTED_CONST = new RegExp(String.raw`^export[ \t]+(const|let|var)[ \t]+([A-Za-z_$][\w$]*)([ \t]*:[ \t]*string)?[ \t]*=[ \t]*${LITERAL}${LINE_END}`, 'gm');
/** `exports.NAME = '...'`, `module.exports.NAME = '...'`. */
const EXPORTS_MEMBER = new RegExp(String.raw`^(?:module\.)?exports\.([A-Za-z_$][\w$]*)[ \t]*=[ \t]*${LITERAL}${LINE_END}`, 'gm');
/** The object a module exports whole: `module.exports = {`, `export default {`, also frozen (`Object.freeze({`). */
const EXPORTED_OBJECT = /^(module\.exports[ \t]*=|export[ \t]+default)[ \t]*(?:Object\.freeze\([ \t]*)?\{/gm;
/** The module's export of a name as a whole (`module.exports = dbConfig;`, `export default dbConfig;`). */
const EXPORTED_NAME = /^(module\.exports[ \t]*=|export[ \t]+default)[ \t]*([A-Za-z_$][\w$]*)[ \t]*;?[ \t]*\r?$/gm;
/** A property of that object on its own line: `PASSWORD: '...',` (the key may be quoted). */
const PROPERTY = new RegExp(String.raw`^[ \t]*(["']?)([A-Za-z_$][\w$]*)\1[ \t]*:[ \t]*${LITERAL}[ \t]*,?[ \t]*(?:\/\/[^\r\n]*)?\r?$`, 'gm');
/**
 * A host written as this machine (`HOST: "localhost"`, `export const DB_HOST = '127.0.0.1'`): the module then configures a
 * developer's own server, whose password a connection written in place with that host gets no finding for either.
 */
const LOCAL_HOST = /host\w*["']?[ \t]*[:=][ \t]*["'`](?:localhost|127\.0\.0\.1|0\.0\.0\.0|::1|host\.docker\.internal)["'`]/i;
/** What may follow the literal on its line: a separator, spaces, a comment, a carriage return. */
const TRAILING = /[ \t]*[;,]?[ \t]*(?:\/\/[^\r\n]*)?\r?$/;

/** The module's exported password literals by import path; undefined when it has none. */
export function jsSecretConstants(text: string): Record<string, SecretConstant> | undefined {
  if (!PASSWORD_NAME.test(text) || !/\bexports?\b/.test(text) || LOCAL_HOST.test(text)) {
    return undefined;
  }
  const found: Record<string, SecretConstant> = {};
  const lines = new LineIndex(text);
  const add = (paths: readonly string[], match: RegExpMatchArray, value: string): void => {
    // The statement or property without the indentation before it and the separator and comment after it.
    const start = match.index! + match[0].length - match[0].trimStart().length;
    const constant = { value, line: lines.lineOf(start), start, end: match.index! + match[0].replace(TRAILING, '').length };
    for (const path of paths) {
      found[path] = constant;
    }
  };
  for (const match of text.matchAll(EXPORTED_CONST)) {
    // A `let` the module assigns again may hold another value (its declaration is one such `name =` unless annotated).
    const assignments = match[1] === 'const' ? 0 : (text.match(new RegExp(String.raw`(?<![\w$.])${escaped(match[2])}[ \t]*=(?!=)`, 'g')) ?? []).length - (match[3] ? 0 : 1);
    if (PASSWORD_NAME.test(match[2]) && assignments === 0) {
      add([match[2]], match, match[4] ?? match[5] ?? match[6]);
    }
  }
  for (const match of text.matchAll(EXPORTS_MEMBER)) {
    if (PASSWORD_NAME.test(match[1]) && (text.match(new RegExp(String.raw`exports\.${escaped(match[1])}[ \t]*=(?!=)`, 'g')) ?? []).length === 1) {
      add([match[1], `default.${match[1]}`], match, match[2] ?? match[3] ?? match[4]);
    }
  }
  const objects = [...text.matchAll(EXPORTED_OBJECT)];
  const object = objects.length === 0 ? exportedConstObject(text) : undefined;
  // A module that exports two objects (or one written in two places) may export either.
  if (objects.length === 1 || object) {
    const open = object ? object.open : objects[0].index! + objects[0][0].length - 1;
    const commonJs = object ? object.commonJs : objects[0][1].startsWith('module');
    // Braces are counted only up to the password-named properties, and past the object's closing brace nothing is read.
    const depth = new DepthWalker(text, open);
    PROPERTY.lastIndex = open + 1;
    for (let match = PROPERTY.exec(text); match; match = PROPERTY.exec(text)) {
      if (!PASSWORD_NAME.test(match[2])) {
        continue;
      }
      const level = depth.at(match.index);
      if (level <= 0) {
        break;
      }
      if (level === 1) {
        add(commonJs ? [match[2], `default.${match[2]}`] : [`default.${match[2]}`], match, match[3] ?? match[4] ?? match[5]);
      }
    }
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

/**
 * The object literal a module exports through the one name it exports whole (`const aws = { password: '...' };` then
 * `module.exports = aws;`): the offset of its `{`, when the name is a top-level `const` declared once and no statement
 * sets a member of it (`aws.password = ...` may replace the literal).
 */
function exportedConstObject(text: string): { open: number; commonJs: boolean } | undefined {
  const exported = [...text.matchAll(EXPORTED_NAME)];
  if (exported.length !== 1) {
    return undefined;
  }
  const name = escaped(exported[0][2]);
  const declarations = [...text.matchAll(new RegExp(String.raw`^const[ \t]+${name}[ \t]*=[ \t]*(?:Object\.freeze\([ \t]*)?\{`, 'gm'))];
  if (declarations.length !== 1 || new RegExp(String.raw`(?<![\w$.])${name}\.[\w$]+[ \t]*=(?!=)`).test(text)) {
    return undefined;
  }
  return { open: declarations[0].index! + declarations[0][0].length - 1, commonJs: exported[0][1].startsWith('module') };
}

function escaped(name: string): string {
  return name.replace(/\$/g, '\\$');
}

/** How many braces are open at offsets asked in increasing order, counted from the object's own at `open`, in one pass. */
class DepthWalker {
  private depth = 0;
  constructor(
    private readonly text: string,
    private k: number,
  ) {}

  at(offset: number): number {
    for (; this.k < offset; this.k = skip(this.text, this.k) + 1) {
      if (this.text[this.k] === '{') {
        this.depth++;
      } else if (this.text[this.k] === '}') {
        this.depth--;
      }
    }
    return this.depth;
  }
}

/** The last offset of a string or comment that starts at `k`, or `k` itself. */
function skip(text: string, k: number): number {
  const c = text[k];
  if (c === '"' || c === "'" || c === '`') {
    let m = k + 1;
    while (m < text.length && text[m] !== c && text[m] !== '\n') {
      m += text[m] === '\\' ? 2 : 1;
    }
    return m;
  }
  if (c === '/' && text[k + 1] === '/') {
    const end = text.indexOf('\n', k);
    return end < 0 ? text.length : end;
  }
  if (c === '/' && text[k + 1] === '*') {
    const end = text.indexOf('*/', k + 2);
    return end < 0 ? text.length : end + 1;
  }
  return k;
}
