/**
 * The settings a JavaScript or TypeScript module exports as literals, for the stacks and clients of other modules
 * that read them (`publiclyAccessible: config.database.public` after `import { config } from '../config'`,
 * `deletionProtection: cfg.protect` after `const cfg = getEnvConfig(stage)`; `code/options.ts`). Read: an exported
 * object literal (`export const config = {...}`, `export default {...}`, `module.exports = {...}`, each also frozen as
 * it is exported, `Object.freeze({...})`, which keeps the same keys and values), nested objects
 * too, and an exported function named for settings (`getEnvConfig`, `stageSettings`) whose every `return` gives an
 * object literal, where a path holds a value only when every return writes the same literal there (one that varies
 * by environment stays unknown). Keys are the import paths the code reader gives (`config.database.public`,
 * `default.database.public`, `getEnvConfig().protect`).
 */
import { lex, matchBrackets, TOKEN_KIND, Tokens } from '../lexer';
import { LineIndex } from '../text';
import { SETTINGS_NAME } from './pythonSettingConstants';
import { PASSWORD_NAME } from './secretConstants';

const { ID, STR, NUM } = TOKEN_KIND;

/** A literal setting: its value, and where it is written. */
export interface SettingConstant {
  value: boolean | number | string | null;
  line: number;
  start: number;
  end: number;
}

/** Paths kept per module, and how deep objects are read: a settings module is small. */
const MAX_PATHS = 512;
const MAX_DEPTH = 4;
const MAX_RETURNS = 16;

/**
 * The cheap tests of a module's text: it exports an object literal, or a function and returns an object literal
 * somewhere, and writes a key with a plain value (`public: true,`, `retention: 7`).
 */
const EXPORTS_OBJECT = /^[ \t]*(?:export[ \t]+(?:const[ \t]+[\w$]+[^=\n]*=|default)|module\.exports[ \t]*=)[ \t]*(?:Object\.freeze\([ \t]*)?\{/m;
const EXPORTS_FUNCTION = /^[ \t]*export[ \t]+(?:const[ \t]+[\w$]*(?:config|settings|env|stage|options|props)[\w$]*[^=\n]*=[ \t]*(?:async[ \t]*)?(?:\(|function\b)|(?:async[ \t]+)?function[ \t]+[\w$]*(?:config|settings|env|stage|options|props))/im;
/** The functions read: those whose name says they give settings (`getEnvConfig`, `stageSettings`, `dbOptions`), not a handler's response. */
const SETTINGS_FUNCTION = /config|settings|env|stage|options|props/i;
const RETURNS_OBJECT = /\breturn[ \t]*\(?[ \t]*\{|=>[ \t]*\([ \t]*\{/;
const WRITES_SETTING = /[\w'"][ \t]*:[ \t]*(?:true|false|-?\d|['"`])/;
/** `export const ENGINE_MODE = 'serverless';`: a literal exported by name, read in settings modules only (see `SETTINGS_FILE`). */
const EXPORTS_LITERAL = /^[ \t]*export[ \t]+const[ \t]+[\w$]+[^=\n]*=[ \t]*(?:true|false|-?\d|['"`])/m;
/** A settings module, by its file name (`lib/config.ts`, `src/constants.js`, `stage-settings.mjs`). */
const SETTINGS_FILE = new RegExp(String.raw`(?:^|\/)[\w.-]*(?:${SETTINGS_NAME})[\w.-]*\.[cm]?[jt]sx?$`, 'i');

/** What a setting leaves unknown: written as an expression, or differently in two returns. */
const UNKNOWN = Symbol('unknown');
type Read = Map<string, SettingConstant | typeof UNKNOWN>;

class SettingsReader {
  readonly partner: Int32Array;
  readonly found: Record<string, SettingConstant> = {};
  private paths = 0;

  constructor(
    readonly tokens: Tokens,
    private readonly lines: LineIndex,
    /** Whether literals exported by name are read (a settings module). */
    readonly literals = false,
  ) {
    this.partner = matchBrackets(tokens);
  }

  /** Whether the statement ends at `k` (a `;`, the end, a new line, or a TypeScript `as const` / `satisfies T`): the object is the whole value. */
  endsStatement(k: number): boolean {
    const next = k + 1;
    return next >= this.tokens.length || this.is(next, ';') || this.is(next, 'as') || this.is(next, 'satisfies') || this.tokens.source.slice(this.tokens.ends[k], this.tokens.starts[next]).includes('\n');
  }

  /**
   * The `{` of the object literal that is the whole value starting at `k`, written as it is (`{ ... }`) or frozen
   * (`Object.freeze({ ... })`), or -1.
   */
  wholeObject(k: number): number {
    const frozen = this.is(k, 'Object') && this.is(k + 1, '.') && this.is(k + 2, 'freeze') && this.is(k + 3, '(') && this.is(k + 4, '{');
    const open = frozen ? k + 4 : k;
    const end = frozen ? this.partner[k + 3] : this.partner[k];
    const closes = frozen ? this.partner[open] === end - 1 : true;
    return this.is(open, '{') && end > open && closes && this.endsStatement(end) ? open : -1;
  }

  is(k: number, text: string): boolean {
    return k >= 0 && k < this.tokens.length && this.tokens.text(k) === text;
  }

  /** The literal values of the object at `open`, by dotted path below `prefix`. */
  object(open: number, prefix: string, into: Read, depth = 0): void {
    const close = this.partner[open];
    const written: string[] = [];
    for (let k = open + 1; k < close && into.size < MAX_PATHS; ) {
      const keyed = (this.tokens.kinds[k] === ID || this.tokens.kinds[k] === STR) && this.is(k + 1, ':');
      if (!keyed) {
        // A later spread (`{ public: false, ...overrides }`) may replace what was written before it.
        if (this.tokens.isSpread(k)) {
          written.forEach((path) => into.set(path, UNKNOWN));
        }
        // A spread, a method or a shorthand property: nothing read, up to the next property.
        k = this.nextProperty(k, close);
        continue;
      }
      const path = `${prefix}.${this.tokens.text(k)}`;
      const value = k + 2;
      if (this.is(value, '{') && this.partner[value] > value && depth < MAX_DEPTH) {
        const before = new Set(into.keys());
        this.object(value, path, into, depth + 1);
        written.push(...[...into.keys()].filter((each) => !before.has(each)));
      } else {
        written.push(path);
        const ends = this.is(value + 1, ',') || value + 1 === close;
        into.set(path, ends ? (this.literal(value) ?? UNKNOWN) : UNKNOWN);
      }
      k = this.nextProperty(value, close);
    }
  }

  /** The token after the `,` that ends the property at `k` (or `close`). */
  private nextProperty(k: number, close: number): number {
    let j = k;
    while (j < close && !this.is(j, ',')) {
      j = this.partner[j] > j ? this.partner[j] + 1 : j + 1;
    }
    return j + 1;
  }

  literal(k: number): SettingConstant | undefined {
    const kind = this.tokens.kinds[k];
    const text = this.tokens.text(k);
    let value: boolean | number | string | null;
    if (kind === NUM && Number.isFinite(Number(text.replace(/_/g, '')))) {
      value = Number(text.replace(/_/g, ''));
    } else if (kind === STR && !this.tokens.interpolated(k)) {
      value = text;
    } else if (kind === ID && (text === 'true' || text === 'false' || text === 'null')) {
      value = text === 'null' ? null : text === 'true';
    } else {
      return undefined;
    }
    const start = this.tokens.starts[k];
    return { value, line: this.lines.lineOf(start), start, end: this.tokens.ends[k] };
  }

  keep(read: Read): void {
    for (const [path, setting] of read) {
      if (setting !== UNKNOWN && this.paths++ < MAX_PATHS) {
        this.found[path] = setting;
      }
    }
  }

  /**
   * The settings every return of the function body `open`..`close` writes alike; undefined when a return gives
   * anything but an object literal. Returns of nested functions are theirs.
   */
  returns(open: number, close: number, prefix: string): Read | undefined {
    const reads: Read[] = [];
    for (let k = open + 1; k < close; k++) {
      if (this.is(k, 'function') || (this.is(k, '=>') && this.is(k + 1, '{'))) {
        // A nested function: skip its body.
        const body = this.is(k, '=>') ? k + 1 : this.bodyAfter(k, close);
        k = body > k && this.partner[body] > body ? this.partner[body] : k;
        continue;
      }
      if (!this.is(k, 'return')) {
        continue;
      }
      const value = this.is(k + 1, '(') && this.is(k + 2, '{') && this.partner[k + 2] + 1 === this.partner[k + 1] ? k + 2 : k + 1;
      if (!this.is(value, '{') || this.partner[value] < 0 || reads.length >= MAX_RETURNS) {
        return undefined;
      }
      const read: Read = new Map();
      this.object(value, prefix, read);
      reads.push(read);
    }
    return reads.length === 0 ? undefined : agreed(reads);
  }

  /** The `{` of the body of the function whose keyword is at `k`. */
  private bodyAfter(k: number, close: number): number {
    let j = k + 1;
    while (j < close && !this.is(j, '(')) {
      j++;
    }
    j = this.partner[j] > j ? this.partner[j] + 1 : close;
    // A return type annotation (`): Config {`) comes before the body.
    while (j < close && !this.is(j, '{')) {
      j++;
    }
    return j;
  }

  /** An exported function from `k` (its keyword, or an arrow's parameters' `(`), read under `name()`. */
  exportedFunction(k: number, name: string): void {
    const arrow = this.is(k, '(') && this.partner[k] > k ? this.arrowBody(this.partner[k] + 1) : -1;
    if (arrow >= 0 && this.is(arrow, '(') && this.is(arrow + 1, '{') && this.partner[arrow + 1] + 1 === this.partner[arrow]) {
      // `=> ({ ... })`: one object.
      const read: Read = new Map();
      this.object(arrow + 1, `${name}()`, read);
      this.keep(read);
      return;
    }
    const body = arrow >= 0 ? arrow : this.bodyAfter(k, this.tokens.length);
    if (this.is(body, '{') && this.partner[body] > body) {
      const read = this.returns(body, this.partner[body], `${name}()`);
      if (read) {
        this.keep(read);
      }
    }
  }

  /** What follows an arrow function's parameters (and return type): the token after `=>`, or -1 for no arrow. */
  private arrowBody(after: number): number {
    let j = after;
    for (let steps = 0; j < this.tokens.length && steps < 32 && !this.is(j, '=>') && !this.is(j, ';') && !this.is(j, '{'); steps++) {
      j = this.partner[j] > j ? this.partner[j] + 1 : j + 1;
    }
    return this.is(j, '=>') ? j + 1 : -1;
  }
}

/** Where two or more returns agree: a path every return writes with the same literal value. */
function agreed(reads: readonly Read[]): Read {
  const [first, ...others] = reads;
  const result: Read = new Map();
  for (const [path, setting] of first) {
    const same = setting !== UNKNOWN && others.every((other) => {
      const each = other.get(path);
      return each !== undefined && each !== UNKNOWN && each.value === setting.value;
    });
    result.set(path, same ? setting : UNKNOWN);
  }
  return result;
}

/** The module's exported literal settings by import path; undefined when it has none. */
export function jsSettingConstants(file: string, text: string): Record<string, SettingConstant> | undefined {
  const literals = SETTINGS_FILE.test(file) && EXPORTS_LITERAL.test(text);
  if (!literals && (!(EXPORTS_OBJECT.test(text) || (EXPORTS_FUNCTION.test(text) && RETURNS_OBJECT.test(text))) || !WRITES_SETTING.test(text))) {
    return undefined;
  }
  const reader = new SettingsReader(lex(text, 'js').tokens, new LineIndex(text), literals);
  const { tokens, partner } = reader;
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (partner[k] > k) {
      depth++;
    } else if (partner[k] >= 0 && partner[k] < k) {
      depth--;
    }
    if (depth !== 0) {
      continue;
    }
    if (reader.is(k, 'export')) {
      exported(reader, k + 1);
    } else if (reader.is(k, 'module') && reader.is(k + 1, '.') && reader.is(k + 2, 'exports') && reader.is(k + 3, '=') && reader.wholeObject(k + 4) > k) {
      // A CommonJS module is itself the default export of an ES import.
      for (const prefix of ['', 'default']) {
        const read: Read = new Map();
        reader.object(reader.wholeObject(k + 4), prefix, read);
        reader.keep(new Map([...read].map(([path, setting]) => [prefix === '' ? path.slice(1) : path, setting])));
      }
    }
  }
  return Object.keys(reader.found).length > 0 ? reader.found : undefined;
}

/** What an `export` at `k` (the token after it) exports: a `const` object or function, a default object, a function. */
function exported(reader: SettingsReader, k: number): void {
  const { tokens, partner } = reader;
  if (reader.is(k, 'default') && reader.wholeObject(k + 1) > k) {
    const read: Read = new Map();
    reader.object(reader.wholeObject(k + 1), 'default', read);
    reader.keep(read);
    return;
  }
  const fn = reader.is(k, 'async') ? k + 1 : k;
  if (reader.is(fn, 'function') && tokens.kinds[fn + 1] === ID) {
    if (SETTINGS_FUNCTION.test(tokens.text(fn + 1))) {
      reader.exportedFunction(fn, tokens.text(fn + 1));
    }
    return;
  }
  if (!(reader.is(k, 'const') && tokens.kinds[k + 1] === ID)) {
    return;
  }
  const name = tokens.text(k + 1);
  // `export const config: Config = {`: past the type to the `=`.
  let eq = k + 2;
  for (let steps = 0; eq < tokens.length && steps < 32 && !reader.is(eq, '=') && !reader.is(eq, ';'); steps++) {
    eq = partner[eq] > eq ? partner[eq] + 1 : eq + 1;
  }
  const value = reader.is(eq, '=') ? eq + 1 : -1;
  const object = value > 0 ? reader.wholeObject(value) : -1;
  const literal = value > 0 && reader.literals && !PASSWORD_NAME.test(name) && reader.endsStatement(value) ? reader.literal(value) : undefined;
  if (literal) {
    // A password is `secretConstants.ts`'s.
    reader.keep(new Map([[name, literal]]));
  } else if (object > 0) {
    const read: Read = new Map();
    reader.object(object, name, read);
    reader.keep(read);
  } else if (value > 0 && SETTINGS_FUNCTION.test(name) && (reader.is(value, '(') || reader.is(value, 'async') || reader.is(value, 'function'))) {
    reader.exportedFunction(reader.is(value, 'async') ? value + 1 : value, name);
  }
}
