/**
 * Option values another module of the workspace writes as literals, read where this file's options name them:
 * passwords (`rds_config.db_password`) and settings (`config.database.public`).
 */
import { Literal, PassedFrom } from '../model';
import { scalarLiteral } from '../iac/terraformOutside';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { importedProjectName, mayBeProjectModule } from './projectImports';
import { PASSWORD_NAME } from '../workspace/secretConstants';
import { springValueOf } from './sqlLiterals';

/**
 * A password literal another module of the workspace binds at its top level (Python) or exports (JavaScript,
 * TypeScript), read through its module (`rds_config.db_password`, `dbConfig.PASSWORD`, or a name bound to that),
 * without a span: a quick fix must not edit it from here.
 */
export function importedSecret(a: CodeAnalyzer, start: number, end: number): { literal: Literal; from: PassedFrom } | undefined {
  if (a.language.family === 'java') {
    return springPropertySecret(a, start, end);
  }
  const ask = a.project?.importedSecret;
  if (!ask || (a.language.family !== 'python' && a.language.family !== 'js') || !(end === start + 1 || (end === start + 3 && a.is(start + 1, '.'))) || !a.isId(start)) {
    return undefined;
  }
  // JavaScript modules export their passwords under password names (`jsSecretConstants.ts`): the name read ends with one.
  if (a.language.family === 'js' && !PASSWORD_NAME.test(a.tokens.text(end - 1))) {
    return undefined;
  }
  const value = a.evalChain(start, end).value;
  const ref = value?.t === 'ref' && value.path !== '' && mayBeProjectModule(a, value.module) ? value : undefined;
  const found = ref && ask(ref.module, ref.path);
  // A member of a JavaScript default export is named as the module writes it (`password`, not `default.password`).
  return found && ref && { literal: { kind: 'str', value: found.value }, from: { at: found.at, text: ref.path.replace(/^default\./, '') } };
}

/** A property placeholder with no default (`${app.redis.password}`): the key. */
const PLACEHOLDER = /^\$\{([\w.\-[\]]+)\}$/;

/**
 * Java: a property placeholder with no default, written as the value (`@EnableRdsInstance(password =
 * "${spring.rdsPassword}")`) or on a field Spring sets (`@Value("${app.redis.password}") String password`), read as the
 * literal password a configuration file of the workspace writes under that key (`springSecrets.ts`).
 */
function springPropertySecret(a: CodeAnalyzer, start: number, end: number): { literal: Literal; from: PassedFrom } | undefined {
  const name = end === start + 1 ? start : end === start + 3 && a.idIs(start, 'this') && a.is(start + 1, '.') ? start + 2 : -1;
  const ask = a.project?.springSecret;
  const written = ask && name === start && a.isString(name) ? a.tokens.text(name) : undefined;
  const bound = ask && written === undefined && name >= 0 && a.isId(name) ? springValueOf(a, name)?.text : undefined;
  const key = PLACEHOLDER.exec(written ?? bound ?? '')?.[1];
  const found = key ? ask!(key) : undefined;
  return found && key ? { literal: { kind: 'str', value: found.value }, from: { at: found.at, text: key } } : undefined;
}

/**
 * A literal setting another module of the workspace exports, without a span: in JavaScript and TypeScript through a
 * member chain (`config.database.public` after `import { config } from '../config'`, or after `const config =
 * getEnvConfig(stage)` of an imported function every `return` of which writes the same literal there, or a settings
 * module's literal imported by name), in Python a
 * settings module's top-level name (`config.PUBLIC_DB`, or `PUBLIC_DB` imported from it).
 */
export function importedSetting(a: CodeAnalyzer, start: number, end: number): { literal: Literal; from: PassedFrom } | undefined {
  const ask = a.project?.importedSetting;
  // Passwords are `importedSecret`'s, under its own policy (none from a module that configures a local server).
  const python = a.language.family === 'python';
  if (!ask || (a.language.family !== 'js' && !python) || end <= start || PASSWORD_NAME.test(a.tokens.text(end - 1))) {
    return undefined;
  }
  const ref = importedProjectName(a, start, end);
  // Python reads a module's own names only (`config.PUBLIC_DB`, `from config import PUBLIC_DB`); JavaScript also a
  // settings module's literal imported by name (`engineMode: EngineMode` after `import { EngineMode } from './config'`).
  const member = end - start >= 3 ? settingsCall(a, start, a.text.slice(a.tokens.starts[start + 2], a.tokens.ends[end - 1])) : undefined;
  const source = python ? (ref && !ref.path.includes('.') ? ref : undefined) : (ref ?? member);
  const found = source && ask(source.module, source.path);
  if (!found) {
    return undefined;
  }
  const literal = scalarLiteral(found.value);
  return { literal, from: { at: found.at, text: a.text.slice(a.tokens.starts[start], a.tokens.ends[end - 1]) } };
}

/** `cfg` bound once to a call of an imported function (`const cfg = getEnvConfig(stage)`): that call's settings, as `getEnvConfig().members`. */
function settingsCall(a: CodeAnalyzer, base: number, members: string): { module: string; path: string } | undefined {
  const binding = a.scopes.lookup(a.tokens.text(base), base);
  let k = binding && !binding.element && binding.fixed === undefined ? binding.expression : -1;
  k += a.idIs(k, 'await') ? 1 : 0;
  const imported = k >= 0 && a.isId(k) && !a.isAccess(k + 1) && a.is(k + 1, '(') ? a.imports.get(a.tokens.text(k)) : undefined;
  const ends = imported !== undefined && a.partner[k + 1] > k && expressionEnd(a, k) === a.partner[k + 1] + 1;
  return ends && imported.path !== '' && mayBeProjectModule(a, imported.module) && a.idIs(binding!.token - 1, 'const') ? { module: imported.module, path: `${imported.path}().${members}` } : undefined;
}
