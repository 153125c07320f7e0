/**
 * Fastify's SQL plugins open their pool with the options given to `register`:
 * - @fastify/postgres (formerly fastify-postgres): "the options that you pass to register will be passed to the
 *   PostgreSQL pool", a `pg` Pool (https://github.com/fastify/fastify-postgres#readme);
 * - @fastify/mysql (formerly fastify-mysql): a `mysql2` pool, or one connection with `type: 'connection'`, made
 *   from those options, `connectionString` included (https://github.com/fastify/fastify-mysql#readme).
 *
 * So `fastify.register(fastifyPostgres, { connectionString, ssl })` is a connection place and its options a
 * `sql-client` context of that driver, as `new Pool({...})` is. The plugin counts when the first argument is its
 * import (`import fastifyMysql from '@fastify/mysql'`, `const pg = require('@fastify/postgres')`) or its
 * `require('@fastify/mysql')` written in place; the options are an object literal in place or one a name of
 * the file holds. Another plugin registered, or a local function named like one, gets nothing.
 */
import type { CodeAnalyzer } from './analyzer';
import { tokensNamed } from './tokenIndex';
import type { SqlFlavor } from './sqlConnections';

/** The plugins by module name, with the driver whose pool each opens. */
const PLUGINS: ReadonlyMap<string, SqlFlavor> = new Map([
  ['@fastify/postgres', 'pg'],
  ['fastify-postgres', 'pg'],
  ['@fastify/mysql', 'mysql2'],
  ['fastify-mysql', 'mysql2'],
]);

/** What a plugin is imported as: the module itself (`require`), its default export, or its named export. */
const PLUGIN_PATHS: ReadonlySet<string> = new Set(['', 'default', 'fastifyPostgres', 'fastifyMysql']);

/** One registration of a plugin: the driver of its pool, the `(` of `register`, and the `{` of its options (-1 when not read). */
export interface FastifySqlRegistration {
  flavor: SqlFlavor;
  open: number;
  options: number;
}

/**
 * Whether a JavaScript or TypeScript file names one of the plugins at all: most do not, and then nothing else is read.
 * A file that never calls `register` registers none (asked of the shared name index, before the text is searched).
 */
export function namesFastifySqlPlugin(a: CodeAnalyzer): boolean {
  if (a.language.family !== 'js' || tokensNamed(a, 'register').length === 0 || !a.text.includes('fastify')) {
    return false;
  }
  for (const module of PLUGINS.keys()) {
    if (a.text.includes(module)) {
      return true;
    }
  }
  return false;
}

/** The plugin module the first argument of `register(` names, at `first`, and the token after it; undefined for another. */
function pluginAt(a: CodeAnalyzer, first: number): { module: string; after: number } | undefined {
  // `register(require('@fastify/mysql'), ...)`, `register(import('@fastify/postgres'), ...)`.
  if ((a.idIs(first, 'require') || a.idIs(first, 'import')) && a.is(first + 1, '(') && a.isString(first + 2) && a.is(first + 3, ')')) {
    const module = a.tokens.text(first + 2);
    return PLUGINS.has(module) ? { module, after: first + 4 } : undefined;
  }
  if (!a.isId(first)) {
    return undefined;
  }
  const value = a.lookup(a.tokens.text(first), first);
  return value?.t === 'ref' && PLUGINS.has(value.module) && PLUGIN_PATHS.has(value.path) ? { module: value.module, after: first + 1 } : undefined;
}

/** A registration of one of the plugins whose `register` is the name at `k` (`fastify.register(...)`), or undefined. */
export function fastifySqlRegistrationAt(a: CodeAnalyzer, k: number): FastifySqlRegistration | undefined {
  const open = k + 1;
  if (!a.idIs(k, 'register') || !a.isAccess(k - 1) || !a.is(open, '(') || a.partner[open] < 0) {
    return undefined;
  }
  const plugin = pluginAt(a, open + 1);
  if (!plugin || !(a.is(plugin.after, ',') || a.is(plugin.after, ')'))) {
    return undefined;
  }
  const flavor = PLUGINS.get(plugin.module)!;
  const start = plugin.after + 1;
  if (!a.is(plugin.after, ',') || start >= a.partner[open]) {
    return { flavor, open, options: -1 };
  }
  if (a.is(start, '{')) {
    return { flavor, open, options: start };
  }
  // Options a name of the file holds: `const options = { connectionString }` then `register(plugin, options)`.
  const held = a.isId(start) && (a.is(start + 1, ')') || a.is(start + 1, ',')) ? a.objectVariable(a.tokens.text(start), start) : -1;
  return { flavor, open, options: held };
}
