/**
 * Literals another module of the workspace binds, read where a code file imports them: its passwords
 * (`secretConstants.ts`, `jsSecretConstants.ts`) and its settings (`pythonSettingConstants.ts`, `jsSettingConstants.ts`).
 */
import { importTarget, pythonTarget } from './importTargets';
import type { TsconfigPaths } from './tsconfig';
import type { FileContribution, SourceRef } from './types';

/** A literal as a module's contribution keeps it: its value, and where it is written. */
interface WrittenConstant<V> {
  value: V;
  line: number;
  start: number;
  end: number;
}

/**
 * The literal `path` names, as `codeFile` imports it from `module`, among the constants `constantsOf` reads from a
 * contribution. A Python module binds the name; in JavaScript the files the import's first name may lead to hold
 * the dotted path whole (`config.database.public`, `default.PASSWORD`). The first candidate file the workspace
 * knows is the module.
 */
export function importedConstant<V>(
  contributionOf: (file: string) => FileContribution | undefined,
  tsconfigPaths: TsconfigPaths,
  codeFile: string,
  module: string,
  path: string,
  constantsOf: (contribution: FileContribution) => Readonly<Record<string, WrittenConstant<V>>> | undefined,
): { value: V; at: SourceRef } | undefined {
  const python = codeFile.endsWith('.py');
  const target = python ? pythonTarget(codeFile, module, path, tsconfigPaths.pythonLayers) : importTarget(codeFile, module, path.split('.')[0], tsconfigPaths);
  const found = constantIn(contributionOf, target?.files ?? [], python ? target!.name : path, constantsOf);
  // Python: `Config.DB_PASSWORD` of a module may also be a class attribute the module's `Config` binds (`secretConstants.ts`).
  const [first, attribute, ...deeper] = path.split('.');
  const classTarget = python && found === undefined && attribute !== undefined && deeper.length === 0 ? pythonTarget(codeFile, module, first, tsconfigPaths.pythonLayers) : undefined;
  return found ?? (classTarget && constantIn(contributionOf, classTarget.files, path, constantsOf));
}

/** The constant `key` of the first of `files` the workspace knows, with where it is written. */
function constantIn<V>(
  contributionOf: (file: string) => FileContribution | undefined,
  files: readonly string[],
  key: string,
  constantsOf: (contribution: FileContribution) => Readonly<Record<string, WrittenConstant<V>>> | undefined,
): { value: V; at: SourceRef } | undefined {
  const file = files.find((each) => contributionOf(each) !== undefined);
  const contribution = file === undefined ? undefined : contributionOf(file);
  const found = contribution && Object.hasOwn(constantsOf(contribution) ?? {}, key) ? constantsOf(contribution)![key] : undefined;
  return found && file !== undefined ? { value: found.value, at: { file, line: found.line, character: 0, span: { start: found.start, end: found.end } } } : undefined;
}
