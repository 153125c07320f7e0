/**
 * The index's gate for a Python file that names no client library but hands on a name it imports from the project,
 * under a name that says client (`from settings import DYNAMO_RESOURCE` then `DynamoDbRepo(DYNAMO_RESOURCE, TABLE)`):
 * a Lambda handler that wires a repository with the client its settings module makes. Whether the name is a client
 * the model decides, from the module that exports it; the names only keep the index from reading every file that
 * imports a project module (`passedClients.ts`). Line-anchored patterns with bounded repeats, so linear.
 */

/** Names that may hold a client, a table or a connection. */
const CLIENT_WORDS = /dynamo|ddb|table|client|redis|cache|resource|conn|pool|db|database|engine|rds|session/i;

/** `from module import a, b as c` or `from module import (\n a,\n b\n)`. */
const FROM_IMPORT = /^[ \t]*from[ \t]+([.\w]+)[ \t]+import[ \t]+(?:\(([^)]{0,2000})\)|([^\n#]*))/gm;

/** The local names an import list binds (`a, b as c`). */
function localNames(list: string): string[] {
  return list
    .split(',')
    .map((part) => part.trim().split(/\s+as\s+/).pop()!.trim())
    .filter((name) => /^[A-Za-z_]\w*$/.test(name));
}

/**
 * Whether the file hands on a name it imports from a module `isProjectModule` accepts, under a client's name: after `(`,
 * `,` or a keyword's `=`, before `,` or `)`; also what one call of its member gives (`dynamodb.Table(courses)`, a
 * shared resource's table handed to a helper).
 */
export function pythonPassesImportedClientName(text: string, isProjectModule: (module: string) => boolean): boolean {
  const names: string[] = [];
  for (const [, module, parenthesized, plain] of text.matchAll(FROM_IMPORT)) {
    if (isProjectModule(module)) {
      names.push(...localNames(parenthesized ?? plain ?? '').filter((name) => CLIENT_WORDS.test(name)));
    }
  }
  return names.length > 0 && new RegExp(`[(,=][ \\t\\r\\n]*(?:${names.join('|')})(?:\\.\\w+\\([^()\\n]{0,200}\\))?[ \\t\\r\\n]*[,)]`).test(text);
}
