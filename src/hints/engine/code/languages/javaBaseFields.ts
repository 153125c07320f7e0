/**
 * Workspace mode, Java: the client fields a class inherits from a project class of another file
 * (`class OrderService extends DdbServiceBase`, whose `protected DynamoDbClient dbClient` the workspace
 * indexes in `workspace/javaClasses.ts`). The base is found as Java resolves its simple name: a
 * single-type import, the file's own package, then its on-demand (`.*`) imports; a qualified name as written.
 */
import { ExportedClient } from '../../workspace/types';
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import { clientValue } from '../projectImports';
import { Value } from '../values';

interface JavaNames {
  pkg: string;
  /** Simple name to qualified name, of each single-type import. */
  single: Map<string, string>;
  /** The packages of the on-demand imports. */
  onDemand: string[];
}

/** How far up a chain of same-file base classes the project base is looked for (as `clientClasses.ts` does). */
const MAX_BASE_DEPTH = 8;

const fileNames = new FileMemo<'names', JavaNames>();
const baseFields = new FileMemo<number, Readonly<Record<string, ExportedClient>> | null>();

/** The package clause and the imports of the file, read once. */
function namesOf(a: CodeAnalyzer): JavaNames {
  return fileNames.get(a, 'names', () => {
    const names: JavaNames = { pkg: '', single: new Map(), onDemand: [] };
    for (let k = 0; k < a.tokens.length; k++) {
      if (a.isAccess(k - 1)) {
        continue;
      }
      if (a.idIs(k, 'package')) {
        names.pkg = a.dottedPath(k + 1).text;
      } else if (a.idIs(k, 'import') && !a.idIs(k + 1, 'static')) {
        const path = a.dottedPath(k + 1).text;
        const dot = path.lastIndexOf('.');
        if (path.endsWith('.*')) {
          names.onDemand.push(path.slice(0, -2));
        } else if (dot > 0) {
          names.single.set(path.slice(dot + 1), path);
        }
      } else if (a.idIs(k, 'class') || a.idIs(k, 'interface') || a.idIs(k, 'enum') || a.idIs(k, 'record')) {
        break;
      }
    }
    return names;
  });
}

/** The client fields of the project class that the class at `classScope` extends, when the workspace knows it. */
function fieldsOfBase(a: CodeAnalyzer, classScope: number): Readonly<Record<string, ExportedClient>> | undefined {
  const lookup = a.project?.javaClassFields;
  let outermost = classScope;
  for (let depth = 0; depth < MAX_BASE_DEPTH && a.scopes.baseOf(outermost) > 0; depth++) {
    outermost = a.scopes.baseOf(outermost);
  }
  const base = a.outsideBases.get(outermost);
  if (!lookup || base === undefined) {
    return undefined;
  }
  return (
    baseFields.get(a, classScope, () => {
      const written = a.dottedPath(base).text;
      if (written.includes('.')) {
        return lookup(written) ?? null;
      }
      const names = namesOf(a);
      const imported = names.single.get(written);
      const candidates = imported ? [imported] : [names.pkg ? `${names.pkg}.${written}` : written, ...names.onDemand.map((pkg) => `${pkg}.${written}`)];
      for (const candidate of candidates) {
        const fields = lookup(candidate);
        if (fields) {
          return fields;
        }
      }
      return null;
    }) ?? undefined
  );
}

/** The field `name` that the class at `classScope` inherits from a project class of another file: its client, if it holds one. */
export function inheritedJavaField(a: CodeAnalyzer, classScope: number, name: string): Value | undefined {
  if (a.language.id !== 'java' || classScope <= 0) {
    return undefined;
  }
  const fields = fieldsOfBase(a, classScope);
  return fields && Object.hasOwn(fields, name) ? clientValue(fields[name]) : undefined;
}

/** `dbClient` read bare inside a method of such a class, where nothing of the file binds the name. */
export function inheritedJavaName(a: CodeAnalyzer, name: string, token: number): Value | undefined {
  return a.project?.javaClassFields ? inheritedJavaField(a, a.scopes.enclosing(token, ['class']), name) : undefined;
}
