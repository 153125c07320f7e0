/**
 * Python modules that hold a database password as a module-level literal (`db_password = "..."` in the
 * `rds_config.py` the AWS Lambda tutorial writes), for the connections of other modules that read it
 * (`pymysql.connect(passwd=rds_config.db_password)`; `code/options.ts`). Only names that say they are a
 * password, bound once at the module's top level to one plain string.
 */
import { ascendingLines } from './pythonTopLevel';

/** `name = "literal"` at the start of a line, a comment allowed after it (line-anchored, so linear). */
const TOP_LEVEL_STRING = /^([A-Za-z_]\w*)[ \t]*=[ \t]*(?:"([^"\\\r\n]*)"|'([^'\\\r\n]*)')[ \t]*(?:#[^\r\n]*)?\r?$/gm;
/** What may follow the literal on its line: spaces, a comment, a carriage return. */
const TRAILING = /[ \t]*(?:#[^\r\n]*)?\r?$/;
/** A name that says it holds a password; tested on the whole text first, which most files fail. */
export const PASSWORD_NAME = /pass(?:word|wd)?|pwd/i;

/** Where a module binds a password literal: its value, the line (0-based) that writes it and that statement's offsets. */
export interface SecretConstant {
  value: string;
  line: number;
  start: number;
  end: number;
}

/** The module's password constants by name; undefined when it has none. */
export function pythonSecretConstants(text: string): Record<string, SecretConstant> | undefined {
  if (!PASSWORD_NAME.test(text)) {
    return undefined;
  }
  const found: Record<string, SecretConstant> = {};
  const lineOf = ascendingLines(text);
  for (const match of text.matchAll(TOP_LEVEL_STRING)) {
    const name = match[1];
    if (!PASSWORD_NAME.test(name)) {
      continue;
    }
    // The statement without the comment after it.
    found[name] = { value: match[2] ?? match[3], line: lineOf(match.index), start: match.index, end: match.index + match[0].replace(TRAILING, '').length };
  }
  // A name the module binds more than once at its top level (`db_password = os.environ.get(...)` too) may hold another value.
  for (const name of Object.keys(found)) {
    if ((text.match(new RegExp(`^${name}[ \\t]*=(?!=)`, 'gm')) ?? []).length !== 1) {
      delete found[name];
    }
  }
  Object.assign(found, classAttributeSecrets(text));
  return Object.keys(found).length > 0 ? found : undefined;
}

/** `    name = "literal"` indented, a comment allowed after it (line-anchored, so linear). */
const INDENTED_STRING = /^([ \t]+)([A-Za-z_]\w*)[ \t]*=[ \t]*(?:"([^"\\\r\n]*)"|'([^'\\\r\n]*)')[ \t]*(?:#[^\r\n]*)?\r?$/gm;
/** Password attributes of classes read per module: far more than a settings module binds (each is looked for once in the whole text). */
const MAX_CLASS_SECRETS = 32;
/** A statement at the module's top level: a class's head gives its name. */
const TOP_LEVEL_STATEMENT = /^(?:class[ \t]+([A-Za-z_]\w*))?[^ \t\r\n#]/gm;

/**
 * The password attributes a top-level class body binds to a plain string (`class Config:` then `    DB_PASSWORD =
 * "..."`), by `Class.NAME`: what `Config.DB_PASSWORD` reads in a module that imports the class. Only at the body's own
 * indentation (not in a method), bound once there, and never assigned through the class (`Config.DB_PASSWORD = ...`).
 */
function classAttributeSecrets(text: string): Record<string, SecretConstant> {
  const found: Record<string, SecretConstant> = {};
  const statements = [...text.matchAll(TOP_LEVEL_STATEMENT)];
  const lineOf = ascendingLines(text);
  const bodyIndent = new Map<number, string>();
  const twice = new Set<string>();
  let statement = -1;
  let read = 0;
  for (const match of text.matchAll(INDENTED_STRING)) {
    while (statement + 1 < statements.length && (statements[statement + 1].index ?? 0) < match.index) {
      statement++;
    }
    const owner = statement >= 0 ? statements[statement] : undefined;
    const className = owner?.[1];
    if (!owner || className === undefined || !PASSWORD_NAME.test(match[2])) {
      continue;
    }
    // The body's indentation is its first indented line's: a deeper one is a method's.
    if (!bodyIndent.has(statement)) {
      bodyIndent.set(statement, /\n([ \t]+)\S/.exec(text.slice(owner.index, match.index + match[1].length + 1))?.[1] ?? match[1]);
    }
    const key = `${className}.${match[2]}`;
    if (match[1] !== bodyIndent.get(statement) || ++read > MAX_CLASS_SECRETS) {
      continue;
    }
    if (Object.hasOwn(found, key) || new RegExp(`\\b${className}\\.${match[2]}[ \\t]*=(?!=)`).test(text)) {
      twice.add(key);
    }
    const start = match.index + match[1].length;
    found[key] = { value: match[3] ?? match[4], line: lineOf(match.index), start, end: match.index + match[0].replace(TRAILING, '').length };
  }
  twice.forEach((key) => delete found[key]);
  return found;
}
