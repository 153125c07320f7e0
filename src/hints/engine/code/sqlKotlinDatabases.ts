/**
 * Kotlin's SQL libraries over JDBC: JetBrains Exposed's `Database.connect(url, driver, user, password)` (package
 * `org.jetbrains.exposed.sql`, `org.jetbrains.exposed.v1.jdbc` from 1.0) and Ktorm's
 * `Database.connect(url, driver, user, password, ...)` (`org.ktorm.database`). With a URL they open a JDBC
 * connection through `DriverManager` for each transaction, as `DriverManager.getConnection` does; the arguments
 * are positional or named (`url = ...`, `password = ...`). `Database.connect(dataSource)` hands over a pool the code
 * made, which is read where it is made (`sqlJavaPools.ts`), so a call without a URL is no connection here.
 * The class counts under the name its import gives it (`import org.jetbrains.exposed.sql.Database as ExposedDatabase`).
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { FileMemo } from './fileMemo';

const DATABASE_IMPORT = /^[ \t]*import[ \t]+(?:org\.jetbrains\.exposed\.(?:sql|v1\.jdbc)|org\.ktorm\.database)\.(Database|\*)(?:[ \t]+as[ \t]+([A-Za-z_]\w*))?[ \t]*;?[ \t]*$/gm;

/** The positions of the library's parameters that the connection's options name. */
const POSITIONAL: Readonly<Record<string, number>> = { url: 0, user: 2, password: 3 };

/** Parameters only the URL overloads have. */
const URL_COMPANIONS: ReadonlySet<string> = new Set(['driver', 'user', 'password']);

const importedNames = new FileMemo<'names', ReadonlySet<string>>();

/** The names under which the file imports Exposed's or Ktorm's `Database` (none outside Kotlin). */
function databaseNames(a: CodeAnalyzer): ReadonlySet<string> {
  return importedNames.get(a, 'names', () => {
    const names = new Set<string>();
    if (a.language.id !== 'kotlin') {
      return names;
    }
    for (const match of a.text.matchAll(DATABASE_IMPORT)) {
      names.add(match[2] ?? 'Database');
    }
    return names;
  });
}

export function importsKotlinDatabase(a: CodeAnalyzer): boolean {
  return databaseNames(a).size > 0;
}

/** A named argument's name (`url` of `url = "..."`), where the argument is one. */
function argumentName(a: CodeAnalyzer, start: number, end: number): string | undefined {
  return end > start + 2 && a.isId(start) && a.is(start + 1, '=') ? a.tokens.text(start) : undefined;
}

/** The connection's arguments by parameter: `url`, `user`, `password`, each as the token range of its value. */
export function kotlinDatabaseArguments(a: CodeAnalyzer, open: number): Map<string, [number, number]> {
  const found = new Map<string, [number, number]>();
  segments(a, open).forEach(([start, end], position) => {
    const named = argumentName(a, start, end);
    const parameter = named ?? Object.keys(POSITIONAL).find((key) => POSITIONAL[key] === position);
    if (parameter && Object.hasOwn(POSITIONAL, parameter) && !found.has(parameter)) {
      found.set(parameter, named ? [start + 2, end] : [start, end]);
    }
  });
  return found;
}

/** `Database.connect(` at `k` with a URL (the first argument, or one named `url`): the `(` of the call, else -1. */
export function kotlinDatabaseConnectAt(a: CodeAnalyzer, k: number): number {
  const open = k + 3;
  if (!databaseNames(a).has(a.tokens.text(k)) || a.isAccess(k - 1) || !a.isAccess(k + 1) || !a.idIs(k + 2, 'connect') || !a.is(open, '(') || a.partner[open] < 0) {
    return -1;
  }
  if (a.scopes.lookup(a.tokens.text(k), k) !== undefined) {
    return -1;
  }
  const parts = segments(a, open);
  const named = parts.map(([start, end]) => argumentName(a, start, end));
  // `connect(dataSource)`, `connect(datasource = pool, ...)`, `connect(pool, databaseConfig = config)`: a pool made elsewhere.
  const urlGiven = named.includes('url') || (named[0] === undefined && parts.length > 1 && (named[1] === undefined || named.some((name) => name !== undefined && URL_COMPANIONS.has(name))));
  return urlGiven ? open : -1;
}
