/**
 * Literals another module of the workspace binds, read where a code file imports them: its passwords
 * (`secretConstants.ts`, `jsSecretConstants.ts`) and its settings (`pythonSettingConstants.ts`, `jsSettingConstants.ts`).
 */
import { importTarget, pythonTarget } from './importedClients';
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
  const target = python ? pythonTarget(codeFile, module, path) : importTarget(codeFile, module, path.split('.')[0], tsconfigPaths);
  const file = target?.files.find((each) => contributionOf(each) !== undefined);
  const contribution = file === undefined ? undefined : contributionOf(file);
  const found = contribution && constantsOf(contribution)?.[python ? target!.name : path];
  return found && file !== undefined ? { value: found.value, at: { file, line: found.line, character: 0, span: { start: found.start, end: found.end } } } : undefined;
}
