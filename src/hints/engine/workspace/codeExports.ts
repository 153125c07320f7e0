/**
 * The clients a Python, JavaScript or TypeScript module makes at module level for other files to import
 * (`redis_connection = redis.from_url(...)` in `webapp/__init__.py`, `export const ddb = ...`,
 * `module.exports = new Redis(...)`), and the names it passes on from other modules. Indexing keeps only
 * the module-level statements of a file that may export one (`moduleSources.ts`); they are analysed when
 * another file first imports from the module (`readExports`), so that indexing stays light. A name counts
 * only when every module-level binding of it is the same client, made by an expression the analyzer reads
 * to the end of its statement: a name also bound to something else, or only declared, exports nothing.
 * A Python module's top-level functions and a JavaScript module's exported functions are exported too, read
 * when a file calls one (`exportedFunctions.ts`). A JavaScript module's dynamoose model, ElectroDB entity or
 * dynamodb-toolbox table (`export const Order = dynamoose.model(...)`) is passed on as the library's name.
 * What both languages share is `exportReader.ts`; each language's module statements, `pythonExports.ts` and `jsExports.ts`.
 */
import { CodeAnalyzer } from '../code/analyzer';
import type { ProjectContext } from '../code/projectImports';
import { javascript, typescript } from '../code/languages/javascript';
import { python } from '../code/languages/python';
import { Value } from '../code/values';
import { LineIndex } from '../text';
import { JsExports } from './jsExports';
import { isPackageInit } from './moduleSources';
import { PythonExports } from './pythonExports';
import { CallArguments, ExportedClient, ModuleSource, PynamodbClassKind } from './types';

/** A name a module imports from another module and exports again (`from .cache import client`, `export { ddb } from './dynamo'`). */
export interface ReExport {
  /** The module as the re-exporting file writes it (`.cache`, `./dynamo`). */
  module: string;
  /** The name there: `''` for a CommonJS module itself, `default` for a default export. */
  name: string;
  /** A Python module-level name bound to a call of that function (`calledExports.ts`): the strings the call passes. */
  called?: CallArguments;
  /** An ElectroDB entity or service: its indexes that name one item at most (`electrodb.ts`). */
  uniqueIndexes?: readonly string[];
}

/**
 * What a code module exports that is or may lead to a client, by exported name: `default` for `export
 * default`, `''` for `module.exports = ...`.
 */
export interface CodeExports {
  clients: Record<string, ExportedClient>;
  reexports: Record<string, ReExport>;
  /**
   * Names the module imports from a client library and passes on (`export { PutCommand }`, a Python module's
   * imported type): the library's module and name; and the DynamoDB library objects it makes (`ormObjects.ts`).
   */
  packages: Record<string, ReExport>;
  /** `export * from './x'`: modules whose named exports this one passes on. */
  stars: string[];
  /**
   * Functions that may give a client when called, read when a file calls one: top-level Python functions
   * (`def`), whose result a caller's strings may decide, and exported JavaScript functions (getters of a
   * module-level client, lazy singletons, factories). Each as the analyzer's value of it in this module's text.
   */
  functions: Record<string, ModuleFunction>;
  /** Exported classes with client fields (`protected readonly client = new Redis()`), for subclasses in other files: by class, then field. */
  classes: Record<string, Record<string, ExportedClient>>;
  /**
   * Python classes' fields that their methods set only from parameters of unknown value (`self.client =
   * client` from an untyped or botocore `BaseClient` parameter), for subclasses in other files: by class.
   */
  unknownFields: Record<string, string[]>;
  /** Classes that subclass a PynamoDB model or index class, for the files that import them (`Order.scan()` there): by class. */
  pynamodbClasses: Record<string, PynamodbClassKind>;
  /**
   * Classes of a module that uses PynamoDB whose base another module declares (`class Order(BaseModel)` after
   * `from app.models.base import BaseModel`): by class, the import of the base, which may be a model there.
   */
  pynamodbBases: Record<string, ReExport>;
  /**
   * Classes whose constructor makes no client itself but constructs, for each instance, classes other modules
   * may declare (`self.repository = GoalsRepository()`): by class, the imports of those classes (`bare`: made
   * without arguments), whose client each instance then makes too.
   */
  constructedClasses: Record<string, ConstructedImport[]>;
}

/** A class another module may declare that a constructor constructs, as the file imports it (`bare`: made without arguments). */
export type ConstructedImport = ReExport & { bare: boolean };

/** A function of a module's text, as its analyzer reads it: the same text read again gives the same scopes. */
export type ModuleFunction = Value & { t: 'function' };

/** What the module-level statements of `file` export; undefined for nothing. Bounded like the analysis (it may stop at a time budget). */
export function readExports(file: string, source: ModuleSource, project?: ProjectContext): CodeExports | undefined {
  const lines = new LineIndex(source.text);
  if (source.language === 'python') {
    return new PythonExports(new CodeAnalyzer(source.text, python, lines), isPackageInit(file)).read();
  }
  return new JsExports(new CodeAnalyzer(source.text, source.language === 'typescript' ? typescript : javascript, lines, project)).read();
}
