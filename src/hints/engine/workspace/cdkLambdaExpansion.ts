/**
 * The model's side of CDK Lambda factories (`cdkLambdaTemplates.ts`): each call of a factory, of another file or
 * of its own, gives one function, the factory's template with what the call passes in place of the parameters it
 * reads: its id, its entry or code folder (a passed `path.join(__dirname, …)` relative to the caller's file), its
 * handler, and its environment (a passed `{ TABLE_NAME: table.tableName }` names the caller's table). The function
 * is defined at the call; the template's own function, which knew none of it, gives way once a call expands it.
 */
import { PARAMETER_MARK } from './cdkLambdaTemplates';
import { readExports } from './codeExports';
import { importTarget } from './importTargets';
import { joinPath } from './paths';
import { TsconfigPaths } from './tsconfig';
import type { EnvironmentValue, FactoryArgument, FileContribution, FunctionDefinition, LambdaFactoryCall, LambdaParameter, LambdaTemplate } from './types';

/** Members of a table that name it to the API. */
const TABLE_MEMBERS = new Set(['tableName', 'tableArn']);
/** A parameter's mark in a template's string. */
const MARK = new RegExp(`${PARAMETER_MARK}(\\d+)((?:\\.[^.${PARAMETER_MARK}]+)*)${PARAMETER_MARK}`, 'g');

/** The contributions with each factory call's function added to the calling file, and the templates' own functions they replace taken out. */
export function withFactoryFunctions(entries: [string, FileContribution][], tsconfigs: TsconfigPaths): [string, FileContribution][] {
  if (!entries.some(([, contribution]) => contribution.cdkLambdaCalls)) {
    return entries;
  }
  const byFile = new Map(entries);
  const added = new Map<string, FunctionDefinition[]>();
  const replaced = new Map<string, Set<number>>();
  for (const [file, contribution] of entries) {
    for (const call of contribution.cdkLambdaCalls ?? []) {
      const found = templateOf(byFile, file, call, tsconfigs);
      if (!found || found.template.construction !== call.construction) {
        continue;
      }
      added.set(file, [...(added.get(file) ?? []), instantiated(found.template, found.file, call)]);
      replaced.set(found.file, (replaced.get(found.file) ?? new Set()).add(found.template.base));
    }
  }
  return entries.map(([file, contribution]) => {
    const more = added.get(file) ?? [];
    const gone = replaced.get(file);
    return more.length === 0 && !gone ? [file, contribution] : [file, { ...contribution, functions: [...contribution.functions.filter((_, index) => !gone?.has(index)), ...more] }];
  });
}

/** How many modules that pass on another's names (`export * from './lambda'`) a call's import is followed through. */
const MAX_REEXPORTS = 2;

/**
 * The template a call reaches: in its own file, or in the first file its import may lead to that the workspace
 * holds, also through a module that passes the name on (`index.ts` with `export * from './lambda'`).
 */
function templateOf(byFile: ReadonlyMap<string, FileContribution>, file: string, call: LambdaFactoryCall, tsconfigs: TsconfigPaths, depth = 0): { template: LambdaTemplate; file: string } | undefined {
  if (call.module === undefined) {
    const templates = byFile.get(file)?.cdkLambdaTemplates;
    return templates && Object.hasOwn(templates, call.name) ? { template: templates[call.name], file } : undefined;
  }
  const target = importTarget(file, call.module, call.name, tsconfigs);
  const holder = target?.files.find((candidate) => byFile.has(candidate));
  const contribution = holder === undefined ? undefined : byFile.get(holder)!;
  const templates = contribution?.cdkLambdaTemplates;
  if (templates && Object.hasOwn(templates, target!.name)) {
    return { template: templates[target!.name], file: holder! };
  }
  const passed = contribution?.module && depth < MAX_REEXPORTS ? readExports(holder!, contribution.module) : undefined;
  if (!passed) {
    return undefined;
  }
  const named = Object.hasOwn(passed.reexports, target!.name) ? passed.reexports[target!.name] : undefined;
  const onward = named ? [named] : passed.stars.map((module) => ({ module, name: target!.name }));
  for (const next of onward) {
    const found = templateOf(byFile, holder!, { ...call, module: next.module, name: next.name }, tsconfigs, depth + 1);
    if (found) {
      return found;
    }
  }
  return undefined;
}

/** What the call passes at a parameter's position and members; undefined where it passes nothing, null where it cannot be read. */
function argumentAt(call: LambdaFactoryCall, { position, members }: LambdaParameter): FactoryArgument | null | undefined {
  let value: FactoryArgument | null | undefined = position < call.args.length ? call.args[position] : undefined;
  for (let i = 0; i < members.length && value; i++) {
    if (value.kind === 'table' && i === members.length - 1 && TABLE_MEMBERS.has(members[i])) {
      return { kind: 'environment', value: { kind: 'table', logicalName: value.logicalName } };
    }
    value = value.kind !== 'object' ? null : Object.hasOwn(value.entries, members[i]) ? value.entries[members[i]] : value.open ? null : undefined;
  }
  return value;
}

/** The parameter a string is the mark of, whole. */
function wholeMark(text: string): LambdaParameter | undefined {
  const match = new RegExp(`^${MARK.source}$`).exec(text);
  return match ? { position: Number(match[1]), members: match[2] === '' ? [] : match[2].slice(1).split('.') } : undefined;
}

/** A template's string with each mark replaced by the text the call passes there; undefined where one passes no text. */
function resolved(text: string, call: LambdaFactoryCall): string | undefined {
  let missing = false;
  const result = text.replace(MARK, (_, position: string, members: string) => {
    const passed = argumentAt(call, { position: Number(position), members: members === '' ? [] : members.slice(1).split('.') });
    missing ||= passed?.kind !== 'text';
    return passed?.kind === 'text' ? passed.value : '';
  });
  return missing ? undefined : result;
}

/** What an environment variable set to a passed value holds; undefined where the model cannot say. */
function environmentValue(passed: FactoryArgument | null | undefined): EnvironmentValue | undefined {
  return passed?.kind === 'text' ? { kind: 'literal', value: passed.value } : passed?.kind === 'environment' ? passed.value : undefined;
}

/** The template's function as this call makes it. */
function instantiated(template: LambdaTemplate, templateFile: string, call: LambdaFactoryCall): FunctionDefinition {
  const { fn } = template;
  const made: FunctionDefinition = { logicalName: resolved(fn.logicalName, call) ?? '', format: fn.format, codePaths: [], environment: {}, definedAt: call.definedAt };
  const addCode = (path: string | undefined, fromApp: boolean): void => {
    if (path !== undefined && path !== '') {
      (fromApp ? (made.codePathsFromApp ??= []) : made.codePaths).push(path);
    }
  };
  for (const [paths, fromApp] of [[fn.codePaths, false], [fn.codePathsFromApp ?? [], true]] as const) {
    for (const path of paths) {
      const whole = wholeMark(path);
      const passed = whole && argumentAt(call, whole);
      if (passed?.kind === 'location') {
        addCode(passed.path, passed.fromApp);
      } else {
        const text = whole ? (passed?.kind === 'text' ? passed.value : undefined) : resolved(path, call);
        addCode(text === undefined ? undefined : joinPath('', text), fromApp);
      }
    }
  }
  const handler = fn.handler === undefined ? undefined : resolved(fn.handler, call);
  if (handler !== undefined) {
    made.handler = handler;
  }
  const unknown = new Set(fn.unknownEnvironment ?? []);
  const set = (name: string, value: EnvironmentValue | undefined): void => {
    if (value) {
      made.environment[name] = value;
      unknown.delete(name);
    } else {
      delete made.environment[name];
      unknown.add(name);
    }
  };
  const spread = (last: boolean): void => {
    for (const { parameter } of template.spreads.filter((candidate) => candidate.last === last)) {
      const passed = argumentAt(call, parameter);
      if (passed?.kind === 'object') {
        Object.entries(passed.entries).forEach(([name, value]) => set(name, environmentValue(value)));
      }
      if (passed === null || (passed && (passed.kind !== 'object' || passed.open))) {
        made.environmentUnreadable = true;
      }
    }
  };
  spread(false);
  for (const [name, value] of Object.entries(fn.environment)) {
    if (value.kind === 'literal' && value.value.includes(PARAMETER_MARK)) {
      const whole = wholeMark(value.value);
      const text = whole ? undefined : resolved(value.value, call);
      set(name, whole ? environmentValue(argumentAt(call, whole)) : text === undefined ? undefined : { kind: 'literal', value: text });
    } else {
      // A table of the factory's own file is named there; one its imports name, relative to it, is not followed.
      set(name, value.kind === 'table' ? { ...value, file: value.file ?? templateFile } : value.kind === 'exported' ? undefined : value);
    }
  }
  spread(true);
  if (fn.environmentUnreadable) {
    made.environmentUnreadable = true;
  }
  if (unknown.size > 0) {
    made.unknownEnvironment = [...unknown];
  }
  return made;
}
