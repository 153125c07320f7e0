/**
 * The settings a Python configuration module binds at its top level as literals (`PUBLIC_DB = True`,
 * `BACKUP_DAYS = 0` in `config.py`), for the stacks and clients of other modules that read them
 * (`publicly_accessible=config.PUBLIC_DB`; `code/options.ts`). Only modules whose file name says they hold
 * settings (`config`, `settings`, `constants`, `env`, `stage`, `params`), and only names bound once at the top
 * level to one literal; passwords are `secretConstants.ts`'s.
 */
import type { SettingConstant } from './jsSettingConstants';
import { ascendingLines, topLevelBindings } from './pythonTopLevel';
import { PASSWORD_NAME } from './secretConstants';

/** What a settings module's file name says (`config`, `settings`, `constants`, `env`, `stage`, `params`); JavaScript's too. */
export const SETTINGS_NAME = 'config|settings|constants|env|stage|params';
/** A settings module, by its file name. */
export const SETTINGS_FILE = new RegExp(String.raw`(?:^|\/)[\w-]*(?:${SETTINGS_NAME})[\w-]*\.py$`, 'i');
/** `NAME = literal` at the start of a line, a comment allowed after it (line-anchored, so linear). */
const TOP_LEVEL_LITERAL = /^([A-Za-z_]\w*)[ \t]*(?::[ \t]*\w+[ \t]*)?=[ \t]*(True|False|None|-?\d+(?:\.\d+)?|"[^"\\\r\n]*"|'[^'\\\r\n]*')[ \t]*(?:#[^\r\n]*)?\r?$/gm;
/** Names kept per module: far more than a settings module binds. */
const MAX_SETTINGS = 256;

/** The module's literal settings by name; undefined when it is no settings module or binds none. */
export function pythonSettingConstants(file: string, text: string): Record<string, SettingConstant> | undefined {
  if (!SETTINGS_FILE.test(file)) {
    return undefined;
  }
  const found: Record<string, SettingConstant> = {};
  const seen = new Set<string>();
  const lineOf = ascendingLines(text);
  for (const match of text.matchAll(TOP_LEVEL_LITERAL)) {
    const name = match[1];
    if (PASSWORD_NAME.test(name) || seen.size >= MAX_SETTINGS || name === '__proto__') {
      continue;
    }
    seen.add(name);
    const line = lineOf(match.index);
    const written = match[2];
    const value = pythonLiteralValue(written);
    const start = match.index + match[0].indexOf(written, name.length);
    found[name] = { value, line, start, end: start + written.length };
  }
  // A name the module binds more than once at its top level (also from the environment) may hold another value.
  const bound = Object.keys(found).length > 0 ? topLevelBindings(text) : undefined;
  for (const name of Object.keys(found)) {
    if (bound?.get(name) !== 1) {
      delete found[name];
    }
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

/** The value a Python literal the readers' patterns matched writes: `True`, `None`, a number, or a string without its quotes. */
export function pythonLiteralValue(written: string): boolean | number | string | null {
  return written === 'True' ? true : written === 'False' ? false : written === 'None' ? null : /^["']/.test(written) ? written.slice(1, -1) : Number(written);
}
