/**
 * A call of a function of this file that loads the application's settings: `params = config(section="redis")`
 * over a `ConfigParser` that reads `database.ini` (the psycopg2 tutorials' loader, copied into many Flask apps),
 * `loadConfig()` over `JSON.parse(fs.readFileSync(...))`. Given arguments that are alike for every call, it returns the
 * same settings on every call, as a read of the environment does: a client built from them per request could be
 * built once.
 */
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { calledFunction } from './helperFunctions';
import { requestGlobal } from './invocationData';

/** Names a loader's body calls or reads to take settings from a file or the environment. */
const SETTINGS_SOURCES = new Set(['ConfigParser', 'RawConfigParser', 'SafeConfigParser', 'dotenv_values', 'environ', 'getenv', 'readFileSync']);
/** `json.load(f)`, `yaml.safe_load(f)`, `toml.load(f)`, `tomllib.load(f)`: a settings file parsed. */
const FILE_PARSERS = new Set(['json', 'yaml', 'toml', 'tomllib']);
const FILE_PARSE_CALLS = new Set(['load', 'safe_load']);
/** Tokens of a loader's body read at most: a settings loader is short. */
const MAX_LOADER_TOKENS = 400;

/**
 * Whether the value from `start` is a call, and nothing more, of a function of this file whose body reads settings
 * (`SETTINGS_SOURCES`, a parsed file) and no global of the request being served, given arguments for which
 * `argumentsAlike(from, to)` holds.
 */
export function callsSettingsLoader(a: CodeAnalyzer, start: number, argumentsAlike: (from: number, to: number) => boolean): boolean {
  const caller = start < 0 ? -1 : a.scopes.enclosing(start, ['function']);
  const called = caller < 0 ? undefined : calledFunction(a, start, caller);
  const close = called ? a.partner[start + 1] : -1;
  if (!called || called.start !== start || expressionEnd(a, start) !== close + 1 || !argumentsAlike(start + 2, close)) {
    return false;
  }
  const [from, to] = a.scopes.range(called.fn.scope);
  if (to - from > MAX_LOADER_TOKENS) {
    return false;
  }
  let readsSettings = false;
  for (let k = from; k < to; k++) {
    if (!a.isId(k)) {
      continue;
    }
    if (requestGlobal(a, k)) {
      return false;
    }
    const name = a.tokens.text(k);
    readsSettings ||= SETTINGS_SOURCES.has(name) || (FILE_PARSE_CALLS.has(name) && a.isAccess(k - 1) && FILE_PARSERS.has(a.tokens.text(k - 2)));
  }
  return readsSettings;
}
