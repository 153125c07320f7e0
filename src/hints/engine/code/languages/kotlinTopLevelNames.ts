/**
 * Workspace mode, Kotlin: a bare name that nothing of the file binds, read as a top-level property of another file
 * (`ddbClient.table(...)` where `Clients.kt` declares `val ddbClient by lazy { ... }`): of the package the file imports
 * it from (`import shop.data.ddbClient`), else of its own package or a package it imports whole, as Kotlin resolves it
 * (`workspace/kotlinHolders.ts` reads the holders).
 */
import type { CodeAnalyzer } from '../analyzer';
import { clientValue } from '../projectImports';
import type { Value } from '../values';
import { firstFound, qualifiedCandidates } from './baseClassFields';

export function kotlinTopLevelName(a: CodeAnalyzer, name: string, token: number): Value | undefined {
  const lookup = a.language.id === 'kotlin' ? a.project?.kotlinTopLevel : undefined;
  // A call is a function's, a capitalised name a class's or an object's.
  if (!lookup || a.is(token + 1, '(') || a.isAccess(token - 1) || /^[A-Z]/.test(name)) {
    return undefined;
  }
  const found = firstFound(qualifiedCandidates(a, 'java', name), (qualified) => {
    const dot = qualified.lastIndexOf('.');
    return lookup(dot > 0 ? qualified.slice(0, dot) : '', qualified.slice(dot + 1));
  });
  return found && clientValue(found);
}
