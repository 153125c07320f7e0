/**
 * CDK engine-version constants that reach a database construct's `engine` through a variable:
 * `let v = rds.MysqlEngineVersion.VER_8_0_28; if (props.v) { v = props.v; }` then
 * `engine: rds.DatabaseInstanceEngine.mysql({ version: v })`, or an engine chosen in a branch
 * (`if engine == "mysql": e = rds.DatabaseClusterEngine.aurora_mysql(version=...VER_2_10_1)`, then `engine=e`).
 * Such a constant only ever picks the engine version of the database it reaches on that path, so the
 * lifecycle check can judge it where it is written, even when another path gives an unknown version. Go writes
 * `engine := awsrds.DatabaseInstanceEngine_Mysql(&awsrds.MySqlInstanceEngineProps{Version: awsrds.MysqlEngineVersion_VER_5_7()})`,
 * read in TypeScript's terms (`goCdkValues.ts`). A version kept in a field of the stack's class (`version: this.version`)
 * is read where the class writes it (`cdkEngineVersionFields.ts`). A version made from its string
 * (`AuroraPostgresEngineVersion.of('11.9', '11')`) counts as a constant in TypeScript, JavaScript and Python, and so
 * does a default parameter group named in a variable the construct's `parameterGroup` reads
 * (`const params = ParameterGroup.fromParameterGroupName(this, 'Params', 'default.aurora-postgresql11')`): its
 * family names the major version of an engine that names none.
 */
import { OptionContext } from '../model';
import type { Binding } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { fieldValues } from './cdkEngineVersionFields';
import { goCdkText } from './goCdkValues';
import { valueEnd } from './options';
import type { Value } from './values';

const ENGINE_FACTORY = /(?:^|\.)Database(?:Instance|Cluster)Engine\.[A-Za-z_]+$/;
const VERSION_CONSTANT = /(?:^|\.)(?:Mysql|Postgres|MariaDb|AuroraMysql|AuroraPostgres)EngineVersion\.VER_\d+(?:_\d+)*$/;
/** An engine version made from its string, read up to its closing parenthesis (`AuroraPostgresEngineVersion.of`). */
const VERSION_MADE = /(?:^|\.)(?:Mysql|Postgres|MariaDb|AuroraMysql|AuroraPostgres)EngineVersion\.of$/;
/** A parameter group the CDK looks up by name (`ParameterGroup.fromParameterGroupName`, Python's `from_parameter_group_name`). */
const GROUP_BY_NAME = /(?:^|\.)ParameterGroup\.from_?[pP]arameter_?[gG]roup_?[nN]ame$/;
/** Bindings of one name read at most: real code assigns a version or an engine a few times. */
const MAX_BINDINGS = 16;

/**
 * Marks the `engine` options of CDK RDS constructs with the version constants written elsewhere in the
 * file that reach them. A constant written inside the option's own value is left to the option itself.
 */
export function markCdkEngineVersions(a: CodeAnalyzer, contexts: readonly OptionContext[]): void {
  const go = a.language.family === 'go';
  if (a.language.family !== 'js' && a.language.family !== 'python' && !go) {
    return;
  }
  if (!(go ? a.text.includes('EngineVersion_VER_') : /EngineVersion\.(?:VER_|of\b)|arameter_?[gG]roup_?[nN]ame\(/.test(a.text))) {
    return;
  }
  for (const context of contexts) {
    if (context.kind !== 'cdk' || !context.type.startsWith('aws_rds.')) {
      continue;
    }
    for (const option of context.options) {
      if (option.norm === 'parametergroup' && !option.absent && !go) {
        readGroupName(a, option);
      }
      if (option.norm !== 'engine' || option.absent) {
        continue;
      }
      const [from, to] = a.tokensOf(option.value);
      const engines = to - from === 1 && a.isId(from) ? reachingExpressions(a, from) : [from];
      const sites = engines.flatMap((engine) => versionConstants(a, engine, engine !== from));
      if (sites.length > 0) {
        option.engineVersions = sites.map((k) => {
          const end = constantEnd(a, k);
          const text = a.text.slice(a.tokens.starts[k], a.tokens.ends[end]);
          return { text: go ? goCdkText(text) : text, span: a.span(k, end) };
        });
      }
    }
  }
}

/**
 * Where the version constants that an engine expression at `engine` names start: its `version` argument
 * when that is a variable bound to constants (`{ version: v }`), and the argument itself when it is a
 * constant and the expression was reached through a variable (`outside`).
 */
function versionConstants(a: CodeAnalyzer, engine: number, outside: boolean): number[] {
  const path = a.dottedPath(engine);
  if (!ENGINE_FACTORY.test(goCdkText(path.text)) || !a.is(path.end, '(') || a.partner[path.end] < 0) {
    return [];
  }
  const version = versionArgument(a, path.end);
  if (!version) {
    return [];
  }
  const end = valueEnd(a, version.start, a.partner[version.group]);
  if (end - version.start === 1 && a.isId(version.start)) {
    return reachingExpressions(a, version.start).filter((k) => isVersionConstant(a, k));
  }
  const fields = fieldValues(a, version.start, end);
  if (fields) {
    return fields.filter((k) => isVersionConstant(a, k));
  }
  // Go's constant ends with the `()` that reads it.
  const last = constantEnd(a, version.start) + 1 + (a.language.family === 'go' ? 2 : 0);
  return outside && isVersionConstant(a, version.start) && last === end ? [version.start] : [];
}

/**
 * The `version` argument of an engine factory call opened at `open`: where its value starts, and the
 * group it sits in (TypeScript's props object, or the call's parentheses for a Python keyword). A
 * shorthand `{ version }` is the variable `version`.
 */
function versionArgument(a: CodeAnalyzer, open: number): { start: number; group: number } | undefined {
  const python = a.language.family === 'python';
  // Go's props struct: `(&awsrds.MySqlInstanceEngineProps{Version: ...})`.
  const goProps = a.language.family === 'go' && a.is(open + 1, '&') && a.isId(open + 2) ? a.dottedPath(open + 2).end : -1;
  const brace = goProps > 0 ? goProps : open + 1;
  const group = python ? open : a.is(brace, '{') && a.partner[brace] > open ? brace : -1;
  if (group < 0) {
    return undefined;
  }
  const groupClose = a.partner[group];
  for (let k = group + 1; k < groupClose; k = a.skipGroup(k)) {
    if (!(a.idIs(k, 'version') || (goProps > 0 && a.idIs(k, 'Version'))) || !(a.is(k - 1, ',') || k - 1 === group)) {
      continue;
    }
    if (a.is(k + 1, python ? '=' : ':')) {
      return { start: k + 2, group };
    }
    if (!python && (a.is(k + 1, ',') || k + 1 === groupClose)) {
      return { start: k, group };
    }
  }
  return undefined;
}

/** Whether the expression at `k` is a call of the CDK path `pattern` matches (`EngineVersion.of(...)`), not from Go. */
function isMadeBy(a: CodeAnalyzer, k: number, pattern: RegExp): boolean {
  const path = a.dottedPath(k);
  return a.language.family !== 'go' && pattern.test(path.text) && a.is(path.end, '(') && a.partner[path.end] > path.end;
}

/** The last token of a version constant, or of the call that makes a version (`...EngineVersion.of('11.9', '11')`). */
function constantEnd(a: CodeAnalyzer, k: number): number {
  const path = a.dottedPath(k);
  return isMadeBy(a, k, VERSION_MADE) ? a.partner[path.end] : path.end - 1;
}

/** Whether the expression at `k` is a CDK engine-version constant and nothing more (`rds.MysqlEngineVersion.VER_8_0_28`). */
function isVersionConstant(a: CodeAnalyzer, k: number): boolean {
  const path = a.dottedPath(k);
  const go = a.language.family === 'go';
  const made = isMadeBy(a, k, VERSION_MADE);
  if (!made && !VERSION_CONSTANT.test(go ? goCdkText(`${path.text}()`) : path.text)) {
    return false;
  }
  // Go reads the constant through a function: `awsrds.MysqlEngineVersion_VER_8_0()`.
  const called = go && a.is(path.end, '(') && a.partner[path.end] === path.end + 1;
  if (go && !called) {
    return false;
  }
  // The statement or argument ends with the constant: not `VER_8_0_28.fullVersion`, `VER_5_7 === v`, `[VER_5_7, ...]`.
  const after = made ? a.partner[path.end] + 1 : called ? path.end + 2 : path.end;
  return after >= a.tokens.length || a.is(after, ';') || a.is(after, ',') || a.is(after, ')') || a.is(after, '}') || (a.startsLine(after) && !a.isAccess(after));
}

/**
 * A `parameterGroup` prop that reads a variable bound, on every path that reaches it, to one group looked up by
 * name: the option keeps that lookup, which the lifecycle check takes the family of (`checks/engineVersion.ts`).
 */
function readGroupName(a: CodeAnalyzer, option: OptionContext['options'][number]): void {
  const [from, to] = a.tokensOf(option.value);
  const reaching = to - from === 1 && a.isId(from) ? reachingExpressions(a, from) : [];
  if (reaching.length !== 1 || !isMadeBy(a, reaching[0], GROUP_BY_NAME)) {
    return;
  }
  const end = a.partner[a.dottedPath(reaching[0]).end];
  option.engineVersions = [{ text: a.text.slice(a.tokens.starts[reaching[0]], a.tokens.ends[end]), span: a.span(reaching[0], end) }];
}

/**
 * Where the expressions start that a name read at `use` may hold: its bindings in the same function from
 * the last one that always runs (not in a branch, loop or block) up to the use. Empty when the name is
 * bound in an outer function, or has no binding the use can see.
 */
function reachingExpressions(a: CodeAnalyzer, use: number): number[] {
  const name = a.tokens.text(use);
  if (!a.scopes.lookup(name, use)) {
    return [];
  }
  const holder = a.scopes.declaringScope(name, use);
  // Read across a call: a function or class scope lies between the use and the scope that declares the name.
  if (a.scopes.enclosing(use, ['function', 'class']) > holder) {
    return [];
  }
  const bindings = (a.scopes.bindingsIn(holder).get(name) ?? []).filter((binding) => binding.token < use);
  let first = bindings.length - 1;
  while (first > 0 && !alwaysRuns(a, bindings[first], holder)) {
    first--;
  }
  const reaching = bindings.slice(Math.max(first, 0)).slice(-MAX_BINDINGS);
  return reaching.filter((binding) => binding.expression >= 0 && !binding.element && !binding.destructured && !binding.unpacked).map((binding) => binding.expression);
}

/** Whether a binding runs whenever its scope does: written directly in it, not under an `if` without braces. */
function alwaysRuns(a: CodeAnalyzer, binding: Binding<Value>, holder: number): boolean {
  const token = binding.token;
  if (a.scopes.scopeAt(token) !== holder) {
    return false;
  }
  const before = token - 1;
  // `if (c) v = x;`, `else v = x;`, Python's one-line `if c: v = x` (a `:` ending the line above opens a block the scopes show).
  return !(a.is(before, ')') && a.partner[before] >= 0 && a.idIs(a.partner[before] - 1, 'if')) && !a.idIs(before, 'else') && !(a.is(before, ':') && !a.startsLine(token));
}
