/**
 * Python: a name imported by name from a project module that holds a client made once, at that module's import
 * (`from clients import ddb_resource`, with `ddb_resource = boto3.resource("dynamodb")` at module level). A call on
 * it (`ddb_resource.Table(name)`, `ddb_resource.meta.client.scan(...)`) uses that client and makes no new one, in a
 * Lambda handler or in a helper it calls, as the same chain from a module-level name of the handler's own file.
 */
import type { CodeAnalyzer } from './analyzer';
import { importedClient } from './projectImports';

export function chainsFromImportedClient(a: CodeAnalyzer, k: number, imported: { module: string; path: string }): boolean {
  if (imported.path === '' || !a.isAccess(k + 1)) {
    return false;
  }
  return importedClient(a, imported.module, imported.path)?.t === 'client';
}
