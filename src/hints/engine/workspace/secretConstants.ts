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
  return Object.keys(found).length > 0 ? found : undefined;
}
