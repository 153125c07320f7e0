/**
 * Go dot imports of the workspace's packages (`. "example.com/app/internal/db"`): the package's exported names are
 * the file's own, used without a qualifier (`NewGormConnection()`, `store := NewEventStore()`), so they are bound at
 * package level as the workspace model declares them, as `db.NewGormConnection()` reads them through the import: a
 * function as a reference whose call gives its declared client, a variable as its declared client. Bound before the
 * other files of the file's own package lend theirs, which replace a name the two share (Go rejects that program).
 * Only a package the model resolves counts. https://go.dev/ref/spec#Import_declarations
 */
import type { GoFieldType, GoPackageMembers } from '../../workspace/types';
import type { ScopeTree } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import { Value } from '../values';
import { goClientType, goImport } from './goClients';
import { goImportSpecs } from './goPackageStructs';
import { GO_PROJECT_MODULE, packageMembers } from './goProject';

interface DotImported {
  path: string;
  members: GoPackageMembers;
}

const dotImported = new FileMemo<'', readonly DotImported[]>();

/** The workspace packages the file imports with `.`, in import order. */
function dotImportedPackages(a: CodeAnalyzer): readonly DotImported[] {
  return dotImported.get(a, '', () => {
    const found: DotImported[] = [];
    for (const { alias, path } of goImportSpecs(a)) {
      const members = alias === '.' && !goImport(path) && path.includes('/') ? packageMembers(a, path) : undefined;
      if (members) {
        found.push({ path, members });
      }
    }
    return found;
  });
}

function clientOf({ path, type }: GoFieldType): Value | undefined {
  const imported = goImport(path);
  return imported && goClientType(imported.service, type);
}

/** Binds the functions and client variables of the dot-imported workspace packages at package level. */
export function adoptDotImports(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  if (!a.project?.goImport) {
    return;
  }
  for (const { path, members } of dotImportedPackages(a)) {
    for (const function_ of Object.keys(members.functions)) {
      tree.bind(0, function_, { token: -1, expression: -1, fixed: { t: 'ref', module: `${GO_PROJECT_MODULE}${path}`, path: function_ } });
    }
    for (const [variable, type] of Object.entries(members.variables)) {
      const declared = clientOf(type);
      if (declared) {
        tree.bind(0, variable, { token: -1, expression: -1, declared });
      }
    }
  }
}

/** The members of the package an unqualified call reaches: the file's own package if `names` says it declares the name, else the first dot-imported one that does. */
export function unqualifiedMembers(a: CodeAnalyzer, names: (members: GoPackageMembers) => boolean): GoPackageMembers | undefined {
  const own = packageMembers(a, '');
  if (own && names(own)) {
    return own;
  }
  return dotImportedPackages(a).find(({ members }) => names(members))?.members ?? own;
}
