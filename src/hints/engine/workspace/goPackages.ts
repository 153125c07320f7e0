/**
 * Go files in the workspace model: each tells the other files of its package (its folder and package name)
 * the struct types it declares with client fields (`code/languages/goPackageStructs.ts`). Only a file that
 * imports a client library and declares a struct is read, and tests are not: a `_test.go` file's types
 * exist only while the package's tests run.
 */
import { CodeAnalyzer } from '../code/analyzer';
import { go } from '../code/languages/go';
import { readGoStructTypes } from '../code/languages/goPackageStructs';
import { isTestDoubleFile } from '../code/testDoubles';
import { LineIndex } from '../text';
import { emptyContribution } from './contribution';
import { FileContribution } from './types';

/** The client libraries' import paths, as `goClients.ts` knows them: the AWS SDKs for Go and go-redis. */
const CLIENT_IMPORT = /"github\.com\/(?:aws\/aws-sdk-go|redis\/go-redis|go-redis\/redis)/;

/** Whether a Go file may declare a struct with a client field, from its path and text alone. */
export function mayDeclareGoClientStructs(file: string, text: string): boolean {
  return !file.endsWith('_test.go') && text.includes('struct') && CLIENT_IMPORT.test(text) && !isTestDoubleFile(file);
}

/** A Go file's package and its struct types with client fields; undefined when it declares none. */
export function indexGoPackage(text: string): FileContribution | undefined {
  const goPackage = readGoStructTypes(new CodeAnalyzer(text, go, new LineIndex(text)));
  return goPackage && { ...emptyContribution(), goPackage };
}
