/**
 * Java classes in the workspace model: the fields of a client library's type that a top-level class lets its
 * subclasses read (every field that is not `private`), by the class's qualified name. A subclass in another
 * file (`class OrderService extends DdbServiceBase`) reads `dbClient`, `this.dbClient` or `super.dbClient`
 * as that client (`code/clientClasses.ts`). Only a file that imports a client library and declares a field
 * a subclass can see is read, with the analyzer's bindings alone; tests are not.
 */
import { CodeAnalyzer } from '../code/analyzer';
import { java } from '../code/languages/java';
import { exportedClient } from '../code/projectImports';
import { isTestDoubleFile } from '../code/testDoubles';
import { LineIndex } from '../text';
import { emptyContribution } from './contribution';
import { ExportedClient, FileContribution } from './types';

/** The client libraries' packages, as `javaLibraries.ts` and the SDK services know them. */
const CLIENT_IMPORT =
  /\bimport\s+(?:software\.amazon\.awssdk\.(?:services\.(?:dynamodb|rds|elasticache)|enhanced\.dynamodb)|com\.amazonaws\.services\.(?:dynamodbv2|rds|elasticache)|redis\.clients\.jedis|io\.lettuce\.core|org\.springframework\.data\.redis|org\.redisson|io\.awspring\.cloud\.dynamodb)\b/;
/** A field a subclass can see: `protected`, or a class meant to be extended. */
const INHERITABLE = /\bprotected\s|\babstract\s+class\b/;
/** A Maven or Gradle test source folder. */
const TEST_SOURCES = /(?:^|\/)src\/(?:test|it|integrationTest)\//;
/** How far back from a field's name its modifiers are looked for (`protected static final DynamoDbClient client`). */
const MODIFIER_REACH = 12;
/** Classes and fields one file tells about, at most: far more than real code has. */
const MAX_CLASSES = 16;
const MAX_FIELDS = 32;
/** A Java name that, as a key of the plain records the model keeps, would set the record's prototype. */
const PROTO = '__proto__';

/** Whether a Java file may declare a client field for a subclass in another file, from its path and text alone. */
export function mayLendJavaFields(file: string, text: string): boolean {
  return !TEST_SOURCES.test(file) && !isTestDoubleFile(file) && CLIENT_IMPORT.test(text) && INHERITABLE.test(text);
}

/** The file's top-level classes with the client fields their subclasses see, by qualified name. */
export function indexJavaClasses(text: string): FileContribution | undefined {
  const a = new CodeAnalyzer(text, java, new LineIndex(text));
  a.bind();
  const pkg = packageOf(a);
  const classes: Record<string, Record<string, ExportedClient>> = {};
  let count = 0;
  for (let k = 0; k + 1 < a.tokens.length && count < MAX_CLASSES; k++) {
    if (!a.idIs(k, 'class') || !a.isId(k + 1) || a.isAccess(k - 1)) {
      continue;
    }
    const name = a.tokens.text(k + 1);
    const scope = a.scopes.classNamed(name);
    if (scope <= 0 || a.scopes.enclosing(k, ['class']) > 0 || name === PROTO) {
      continue;
    }
    const fields = clientFields(a, scope);
    if (Object.keys(fields).length > 0) {
      classes[pkg ? `${pkg}.${name}` : name] = fields;
      count++;
    }
  }
  return count > 0 ? { ...emptyContribution(), javaClasses: classes } : undefined;
}

/** `package a.b;`: its name, or '' for the default package. */
function packageOf(a: CodeAnalyzer): string {
  for (let k = 0; k < a.tokens.length; k++) {
    if (a.idIs(k, 'package') && !a.isAccess(k - 1)) {
      return a.dottedPath(k + 1).text;
    }
    if (a.idIs(k, 'import') || a.idIs(k, 'class')) {
      break;
    }
  }
  return '';
}

/** The class's fields that are not private and hold a client, as their subclasses read them. */
function clientFields(a: CodeAnalyzer, scope: number): Record<string, ExportedClient> {
  const fields: Record<string, ExportedClient> = {};
  let count = 0;
  for (const [name, bindings] of a.scopes.bindingsIn(scope)) {
    if (count >= MAX_FIELDS || name === PROTO || bindings.some((binding) => binding.method || isPrivate(a, binding.token))) {
      continue;
    }
    const value = a.member({ t: 'instance', classScope: scope }, name);
    const client = value && exportedClient(a, value);
    if (client) {
      fields[name] = client;
      count++;
    }
  }
  return fields;
}

/** Whether the declaration whose name sits at `token` says `private`. */
function isPrivate(a: CodeAnalyzer, token: number): boolean {
  for (let k = token - 1; k >= 0 && k >= token - MODIFIER_REACH; k--) {
    if (a.is(k, ';') || a.is(k, '{') || a.is(k, '}')) {
      return false;
    }
    if (a.idIs(k, 'private')) {
      return true;
    }
  }
  return false;
}
