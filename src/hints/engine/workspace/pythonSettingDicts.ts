/**
 * The dicts of connection settings a Python configuration module binds at its top level (`DB_CONFIG = {"host": ...,
 * "password": ...}` in `config.py`), for the drivers and Redis clients of other modules that spread them
 * (`pymysql.connect(**DB_CONFIG)`; `code/importedDicts.ts`). Only modules whose file name says they hold settings,
 * only a dict bound once at the top level, written one entry a line (`"key": literal,`); an entry of another shape
 * (a nested dict, a value from the environment) leaves the dict open: its keys are not all known.
 */
import { ascendingLines, topLevelBindings } from './pythonTopLevel';
import { pythonLiteralValue, SETTINGS_FILE } from './pythonSettingConstants';

/** One dict: its literal entries by key, each with where it is written, and whether other entries may hold more. */
export interface SettingDict {
  entries: Record<string, { value: boolean | number | string | null; line: number; start: number; end: number }>;
  open: boolean;
}

/** `NAME = {` at the start of a line: a dict literal whose entries follow, one a line, or all on that line before its `}`. */
const DICT_START = /^([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=[ \t]*\{([^\n]*)$/gm;
/** The literal value of an entry. */
const LITERAL = String.raw`(True|False|None|-?\d+(?:\.\d+)?|"[^"\\\r\n]*"|'[^'\\\r\n]*')`;
/** `"key": literal,` on a line of its own. */
const ENTRY = new RegExp(String.raw`^[ \t]+(?:"([\w-]+)"|'([\w-]+)')[ \t]*:[ \t]*${LITERAL}[ \t]*,?[ \t]*(?:#[^\r\n]*)?\r?$`);
/** `"key": literal` within a dict written on one line, and what may end it. */
const INLINE_ENTRY = new RegExp(String.raw`^[ \t]*(?:"([\w-]+)"|'([\w-]+)')[ \t]*:[ \t]*${LITERAL}[ \t]*$`);
/** The rest of a one-line dict's line after its `{`: the entries, the `}`, a comment. */
const ONE_LINE_REST = /^([^{}]*)\}[ \t]*(?:#[^\r\n]*)?\r?$/;
/** Dicts kept per module, and entries per dict: far more than a settings module writes. */
const MAX_DICTS = 32;
const MAX_ENTRIES = 64;
/** How many lines a dict may run over before it is not read. */
const MAX_LINES = 128;

/** The module's settings dicts by name; undefined when it is no settings module or binds none. */
export function pythonSettingDicts(file: string, text: string): Record<string, { value: SettingDict; line: number; start: number; end: number }> | undefined {
  if (!SETTINGS_FILE.test(file) || !text.includes('{')) {
    return undefined;
  }
  const found: Record<string, { value: SettingDict; line: number; start: number; end: number }> = {};
  const lineOf = ascendingLines(text);
  // Where reading has got to: the line counter is asked in ascending order only.
  let consumed = 0;
  for (const match of text.matchAll(DICT_START)) {
    const name = match[1];
    if (Object.keys(found).length >= MAX_DICTS) {
      break;
    }
    if (match.index < consumed || name === '__proto__') {
      continue;
    }
    const line = lineOf(match.index);
    const dict: SettingDict = { entries: {}, open: false };
    const rest = match[2].replace(/[ \t]*(?:#[^\r\n]*)?\r?$/, '');
    if (rest !== '') {
      const oneLine = ONE_LINE_REST.exec(match[2]);
      if (oneLine) {
        readOneLine(dict, oneLine[1], match.index + match[0].indexOf('{') + 1, line);
        found[name] = { value: dict, line, start: match.index, end: match.index + match[0].length };
      }
      consumed = match.index + match[0].length;
      continue;
    }
    let offset = match.index + match[0].length + 1;
    let closed = false;
    for (let lines = 0; lines < MAX_LINES && offset < text.length; lines++) {
      const next = text.indexOf('\n', offset);
      const lineText = text.slice(offset, next < 0 ? text.length : next);
      if (/^\}[ \t]*(?:#[^\r\n]*)?\r?$/.test(lineText)) {
        closed = true;
        break;
      }
      const start = addEntry(dict, ENTRY.exec(lineText), lineText, offset, () => lineOf(offset));
      if (start === undefined && lineText.trim() !== '' && !lineText.trim().startsWith('#')) {
        dict.open = true;
      }
      offset = next < 0 ? text.length : next + 1;
    }
    consumed = offset;
    if (closed) {
      found[name] = { value: dict, line, start: match.index, end: match.index + match[0].length };
    }
  }
  // A name the module binds more than once at its top level (also from the environment) may hold another dict.
  const bound = Object.keys(found).length > 0 ? topLevelBindings(text) : undefined;
  for (const name of Object.keys(found)) {
    if (bound?.get(name) !== 1) {
      delete found[name];
    }
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

/** The entries of a dict written on one line (`{"host": "x", "port": 6379}`), whose text starts at `offset`: an entry of another shape leaves it open. */
function readOneLine(dict: SettingDict, body: string, offset: number, line: number): void {
  let at = offset;
  for (const part of body.split(',')) {
    if (addEntry(dict, INLINE_ENTRY.exec(part), part, at, () => line) === undefined && part.trim() !== '') {
      dict.open = true;
    }
    at += part.length + 1;
  }
}

/**
 * Keeps the entry a pattern matched in `text` (which starts at `offset` in the module, on the line `line` gives):
 * its key, its literal and where the literal is. Returns where the literal starts, or undefined for no entry kept.
 */
function addEntry(dict: SettingDict, entry: RegExpExecArray | null, text: string, offset: number, line: () => number): number | undefined {
  const key = entry ? (entry[1] ?? entry[2]) : undefined;
  if (!entry || key === undefined || key === '__proto__' || Object.keys(dict.entries).length >= MAX_ENTRIES) {
    return undefined;
  }
  const written = entry[3];
  const start = offset + text.indexOf(written, text.indexOf(':'));
  dict.entries[key] = { value: pythonLiteralValue(written), line: line(), start, end: start + written.length };
  return start;
}
