/**
 * The names a module binds for other modules to use as a table's name (`TableName: TABLE_NAME` after `import {
 * TABLE_NAME } from '../db'`; `code/importedTableNames.ts`): a plain string, or an environment variable read
 * (`process.env.ORDERS_TABLE`, `os.environ["ORDERS_TABLE"]`, a literal fallback after it allowed, as `code/names.ts`
 * reads one in place). JavaScript and TypeScript: `export const NAME = …`, `exports.NAME = …`, and the members of an
 * exported object literal, one object deep (`export const tables = { orders: … }` as `tables.orders`; `module.exports =
 * { … }` as `NAME` and `default.NAME`; `export default { … }` as `default.NAME`). Python: a name bound once at the top
 * level. Line-anchored patterns, so the pass is linear in the text.
 */
import type { TableNameRef } from './types';
import { LineIndex } from '../text';
import { LITERAL } from './jsSecretConstants';
import { assignmentCounts } from './moduleText';
import { ascendingLines, topLevelBindings } from './pythonTopLevel';

/** What a name holds, and where it is written. */
export interface NameConstant {
  value: TableNameRef & { kind: 'literal' | 'env' };
  line: number;
  start: number;
  end: number;
}

/** Names kept per module: far more than a configuration module binds. */
const MAX_NAMES = 256;

/** `process.env.X`, `process.env['X']`, `process.env?.X`, then an optional `!` or `as string`, and an optional literal fallback. */
const JS_ENV = String.raw`process\.env(?:\??\.([A-Za-z_$][\w$]*)|\[[ \t]*["'\x60]([\w.-]+)["'\x60][ \t]*\])[ \t]*!?(?:[ \t]+as[ \t]+string)?(?:[ \t]*(?:\?\?|\|\|)[ \t]*${LITERAL})?`;
const JS_VALUE = String.raw`(?:${LITERAL}|${JS_ENV})`;
const JS_END = String.raw`[ \t]*[;,]?[ \t]*(?:\/\/[^\r\n]*)?\r?$`;
/** `export const NAME = value` (a `: string` annotation allowed). */
const JS_EXPORTED_CONST = new RegExp(String.raw`^export[ \t]+const[ \t]+([A-Za-z_$][\w$]*)(?:[ \t]*:[ \t]*string)?[ \t]*=[ \t]*${JS_VALUE}${JS_END}`, 'gm');
/** `exports.NAME = value`, `module.exports.NAME = value`. */
const JS_EXPORTS_MEMBER = new RegExp(String.raw`^(?:module\.)?exports\.([A-Za-z_$][\w$]*)[ \t]*=[ \t]*${JS_VALUE}${JS_END}`, 'gm');
/** Any assignment to a CommonJS export: `exports.NAME =`, `module.exports.NAME =`. */
const JS_EXPORTS_ASSIGNMENT = /exports\.([A-Za-z_$][\w$]*)[ \t]*=(?!=)/g;
/** A statement that sets a member of a name: `config.ordersTable = …`. */
const JS_MEMBER_ASSIGNMENT = /(?<![\w$.])([A-Za-z_$][\w$]*)\.[\w$]+[ \t]*=(?!=)/g;
/** An exported object literal's first line: `export const tables = {`, `module.exports = {`, `export default {`. */
const JS_EXPORTED_OBJECT = /^(?:export[ \t]+const[ \t]+([A-Za-z_$][\w$]*)(?:[ \t]*:[^=\r\n]*)?[ \t]*=|module\.exports[ \t]*=|export[ \t]+default)[ \t]*\{[ \t]*(?:\/\/[^\r\n]*)?\r?$/gm;
/** A member of that object on its own line, indented (the key may be quoted). */
const JS_PROPERTY = new RegExp(String.raw`^[ \t]+(["']?)([A-Za-z_$][\w$]*)\1[ \t]*:[ \t]*${JS_VALUE}${JS_END}`, 'gm');
/** The object's closing line: `}` or `};` at the start of a line. */
const JS_OBJECT_END = /^\}/gm;

/** The module's names bound to a table name or an environment variable, by import path; undefined when it has none. */
export function jsNameConstants(text: string): Record<string, NameConstant> | undefined {
  if (!/\bexports?\b/.test(text)) {
    return undefined;
  }
  const found: Record<string, NameConstant> = {};
  let lines: LineIndex | undefined;
  let count = 0;
  // The statement or member as written on its line, without its indentation.
  const add = (paths: readonly string[], index: number, written: string, groups: readonly (string | undefined)[]): void => {
    const start = index + written.length - written.trimStart().length;
    const constant = { value: jsValue(groups), line: (lines ??= new LineIndex(text)).lineOf(start), start, end: index + written.trimEnd().length };
    for (const path of paths) {
      if (count < MAX_NAMES && path !== '__proto__') {
        count += Object.hasOwn(found, path) ? 0 : 1;
        found[path] = constant;
      }
    }
  };
  for (const match of text.matchAll(JS_EXPORTED_CONST)) {
    add([match[1]], match.index, match[0], match.slice(2));
  }
  const members = [...text.matchAll(JS_EXPORTS_MEMBER)];
  // A name the module exports twice may hold either value.
  const exported = members.length > 0 ? assignmentCounts(text, JS_EXPORTS_ASSIGNMENT) : undefined;
  for (const match of members) {
    if (exported?.get(match[1]) === 1) {
      add([match[1], `default.${match[1]}`], match.index, match[0], match.slice(2));
    }
  }
  // Each object's body is read up to its closing line, and an object that starts inside another is not read: one pass.
  let readTo = 0;
  let assignedObjects: Map<string, number> | undefined;
  for (const object of text.matchAll(JS_EXPORTED_OBJECT)) {
    const open = object.index + object[0].length;
    if (open < readTo) {
      continue;
    }
    JS_OBJECT_END.lastIndex = open;
    const close = JS_OBJECT_END.exec(text)?.index ?? text.length;
    readTo = close;
    // A member a statement of the module sets (`config.ordersTable = ...`) may hold another value: the object is not read.
    if (object[1] !== undefined && (assignedObjects ??= assignmentCounts(text, JS_MEMBER_ASSIGNMENT)).has(object[1])) {
      continue;
    }
    const prefixes = object[1] !== undefined ? [`${object[1]}.`] : object[0].startsWith('module') ? ['', 'default.'] : ['default.'];
    const body = text.slice(open, close);
    // Members one object deep only: the indentation of the object's first member.
    const indent = /\n([ \t]+)\S/.exec(body)?.[1];
    for (const match of body.matchAll(JS_PROPERTY)) {
      if (indent !== undefined && match[0].startsWith(indent) && !/^[ \t]/.test(match[0].slice(indent.length))) {
        add(
          prefixes.map((prefix) => prefix + match[2]),
          open + match.index,
          match[0],
          match.slice(3),
        );
      }
    }
  }
  return count > 0 ? found : undefined;
}

/** A JavaScript value the patterns matched: the literal's groups, then the environment read's (dotted, bracketed). */
function jsValue([double, single, template, dotted, bracketed]: readonly (string | undefined)[]): NameConstant['value'] {
  const variable = dotted ?? bracketed;
  return variable !== undefined ? { kind: 'env', variable } : { kind: 'literal', name: double ?? single ?? template ?? '' };
}

const PY_STRING = String.raw`(?:"([^"\\\r\n]*)"|'([^'\\\r\n]*)')`;
/** `os.environ["X"]`, `os.environ.get("X", …)`, `os.getenv("X", …)` (also `environ` / `getenv` imported from `os`), then an optional `or "…"`. */
const PY_ENV = String.raw`(?:os\.)?(?:environ\[[ \t]*["']([\w.-]+)["'][ \t]*\]|(?:environ\.get|getenv)\([ \t]*["']([\w.-]+)["'][ \t]*(?:,[ \t]*${PY_STRING}[ \t]*)?\))(?:[ \t]+or[ \t]+${PY_STRING})?`;
/** `NAME = value` at the start of a line (an annotation allowed), a comment allowed after it. */
const PY_TOP_LEVEL = new RegExp(String.raw`^([A-Za-z_]\w*)[ \t]*(?::[ \t]*str[ \t]*)?=[ \t]*(?:${PY_STRING}|${PY_ENV})[ \t]*(?:#[^\r\n]*)?\r?$`, 'gm');

/** The module's top-level names bound to a table name or an environment variable; undefined when it binds none. */
export function pythonNameConstants(text: string): Record<string, NameConstant> | undefined {
  const found: Record<string, NameConstant> = {};
  const lineOf = ascendingLines(text);
  let count = 0;
  const readsOs = /^(?:import[ \t]+os\b|from[ \t]+os[ \t]+import\b)/m.test(text);
  for (const match of text.matchAll(PY_TOP_LEVEL)) {
    const [, name, double, single, indexed, called] = match;
    const variable = indexed ?? called;
    // `environ[...]` is the environment only where the module imports it from `os`.
    if ((variable !== undefined && !readsOs) || count >= MAX_NAMES || name === '__proto__') {
      continue;
    }
    count += Object.hasOwn(found, name) ? 0 : 1;
    found[name] = {
      value: variable !== undefined ? { kind: 'env', variable } : { kind: 'literal', name: double ?? single },
      line: lineOf(match.index),
      start: match.index,
      end: match.index + match[0].trimEnd().length,
    };
  }
  // A name the module binds more than once at its top level may hold another value.
  const bound = count > 0 ? topLevelBindings(text) : undefined;
  for (const name of Object.keys(found)) {
    if (bound?.get(name) !== 1) {
      delete found[name];
      count--;
    }
  }
  return count > 0 ? found : undefined;
}
