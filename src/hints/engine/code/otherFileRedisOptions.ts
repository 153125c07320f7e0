/**
 * Redis client options a module of the workspace declares and other files hand to a client (workspace mode; see
 * `workspace/passedClients.ts`): `export const connection = { host, tls: { rejectUnauthorized: false } }` in
 * `config/redis.ts`, then `new Queue('mail', { connection })` or `new Redis(connection)` in another file. The
 * object is read as that client's options, here where its keys are written, with the keys the module sets on
 * it (`connectionOptions.tls = {...}`), and through one alias (`export const connection = connectionOptions`); also
 * an object under a key of the object the module exports whole (`module.exports = { redis: {...} }`, then
 * `new Redis(config.redis)`; two keys deep, `cacheConfig.config.redis`).
 */
import type { ClientPassingCall } from '../workspace/types';
import type { CodeAnalyzer } from './analyzer';
import { exportedLiteral, exportedObjectPaths } from './exportedObjectLiterals';
import { contextFrom } from './options';
import { callsFromOtherFiles, moduleLevelNames } from './otherFileCallers';
import { variableContext } from './requests';

export function otherFilesRedisOptions(a: CodeAnalyzer): void {
  if (a.language.family !== 'js' || !a.project?.clientPassingCalls) {
    return;
  }
  for (const at of moduleLevelNames(a, false)) {
    const name = a.tokens.text(at);
    const calls = callsFromOtherFiles(a, name).filter((call) => call.redisOptions);
    const flavor = calls[0]?.redisOptions;
    const use = flavor ? lastModuleUse(a, name, at) : -1;
    const context = use >= 0 ? variableContext(a, use, 'redis-client', flavor!, a.tokenSpan(at)) : undefined;
    if (context) {
      a.contexts.push(besideOthers(calls) ? { ...context, complete: false } : context);
    }
  }
  // `export default { config: { redis: { ... } } }`, which another file hands on as `cacheConfig.config.redis`.
  const brace = exportedLiteral(a);
  for (const { path, key, object } of brace > 0 ? exportedObjectPaths(a, brace) : []) {
    const calls = a.project.clientPassingCalls(path).filter((call) => call.redisOptions);
    const flavor = calls[0]?.redisOptions;
    if (flavor) {
      const context = contextFrom(a, object, a.partner[object], 'redis-client', flavor, a.tokenSpan(key));
      a.contexts.push(besideOthers(calls) ? { ...context, complete: false } : context);
    }
  }
}

/** Whether a client is made with other arguments beside the options (`new Redis(url, options)`): what they set is unknown here, so nothing is judged missing. */
function besideOthers(calls: readonly ClientPassingCall[]): boolean {
  return calls.some((call) => call.beside);
}

/**
 * The token to read the object `name` holds at: the name it aliases (`= connectionOptions;`), else its last use
 * at module level (`export { connection }`), so that the keys the module sets on it before count; else the
 * declaration itself. -1 when it holds neither an object nor a name.
 */
function lastModuleUse(a: CodeAnalyzer, name: string, declared: number): number {
  const binding = a.scopes.lookup(name, declared);
  const value = binding?.expression ?? -1;
  if (value >= 0 && a.isId(value) && (a.is(value + 1, ';') || value + 1 >= a.tokens.length || a.isId(value + 1))) {
    return value;
  }
  if (value < 0 || !a.is(value, '{')) {
    return -1;
  }
  let use = declared;
  for (let k = a.partner[value] + 1; k < a.tokens.length; k++) {
    if (a.idIs(k, name) && !a.isAccess(k - 1) && !a.isAccess(k + 1) && a.scopes.scopeAt(k) === 0) {
      use = k;
    }
  }
  return use;
}
