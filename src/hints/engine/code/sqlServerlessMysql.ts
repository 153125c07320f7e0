/**
 * serverless-mysql, the MySQL connection manager made for Lambda: its export is called with `{ config: {...} }`,
 * whose `config` is the `mysql` connection's options (host, user, password, ssl), and it connects on the first query
 * (https://github.com/jeremydaly/serverless-mysql#readme). So `require('serverless-mysql')({ config })` and
 * `serverlessMysql({ config })` after `import serverlessMysql from 'serverless-mysql'` open a `mysql` connection
 * with those options, written in place or held by a name of the file. A call with no `config` object of the file
 * (`serverlessMysql()`, then `mysql.config(...)`) is a connection place whose options are unknown.
 */
import type { CodeAnalyzer } from './analyzer';
import { calledRequireModule } from './calledRequire';

const MODULE = 'serverless-mysql';
/** What the module is imported as: itself (`require`), or its default export. */
const PATHS: ReadonlySet<string> = new Set(['', 'default']);

/** One serverless-mysql instance: the token that names it, its call's `(`, and the `{` of its `config` (-1 when not read). */
export interface ServerlessMysqlCall {
  name: number;
  open: number;
  config: number;
}

/** Whether a JavaScript or TypeScript file names the module at all (most do not). */
export function namesServerlessMysql(a: CodeAnalyzer): boolean {
  return a.language.family === 'js' && a.text.includes(MODULE);
}

/** The instance made at `k`: `require('serverless-mysql')(` there, or a call of the module's import; else undefined. */
export function serverlessMysqlAt(a: CodeAnalyzer, k: number): ServerlessMysqlCall | undefined {
  let open = -1;
  if (a.idIs(k, 'require') && calledRequireModule(a, k) === MODULE) {
    open = k + 4;
  } else if (a.isId(k) && a.is(k + 1, '(') && a.imports.get(a.tokens.text(k))?.module === MODULE && !a.isAccess(k - 1) && !a.idIs(k - 1, 'new') && !a.idIs(k - 1, 'function')) {
    // An imported name first (a map look-up), then what the name means here, a local may shadow it.
    const value = a.lookup(a.tokens.text(k), k);
    open = value?.t === 'ref' && value.module === MODULE && PATHS.has(value.path) ? k + 1 : -1;
  }
  if (open < 0 || a.partner[open] < open) {
    return undefined;
  }
  return { name: k, open, config: configObject(a, open) };
}

/** The `{` of the `config` member of the call's options object (in place or held by a name), or -1. */
function configObject(a: CodeAnalyzer, open: number): number {
  const first = open + 1;
  const options = a.is(first, '{') ? first : a.isId(first) && (a.is(first + 1, ')') || a.is(first + 1, ',')) ? a.objectVariable(a.tokens.text(first), first) : -1;
  const close = options < 0 ? -1 : a.partner[options];
  for (let k = options + 1; options >= 0 && k < close; k = a.skipGroup(k)) {
    if (!a.idIs(k, 'config') || !(a.is(k - 1, '{') || a.is(k - 1, ','))) {
      continue;
    }
    if (a.is(k + 1, ',') || k + 1 === close) {
      // Shorthand `{ config }`: the object the name holds.
      return a.objectVariable('config', k);
    }
    if (a.is(k + 1, ':')) {
      const value = k + 2;
      if (a.is(value, '{')) {
        return value;
      }
      return a.isId(value) && (a.is(value + 1, ',') || a.is(value + 1, '}')) ? a.objectVariable(a.tokens.text(value), value) : -1;
    }
  }
  return -1;
}
