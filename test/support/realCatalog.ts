import * as path from 'node:path';
import { compileContent, formatErrors } from '../../src/content/compiler/compileContent';
import { CatalogIndex } from '../../src/content/catalogIndex';

let cached: CatalogIndex | undefined;

/** The repository's real content, compiled the way the build does; fails loudly if it is invalid. */
export function realCatalog(): CatalogIndex {
  if (!cached) {
    const { catalog, errors } = compileContent(path.resolve(__dirname, '../../content'));
    if (errors.length > 0) {
      throw new Error(`content/ is invalid:\n${formatErrors(errors)}`);
    }
    cached = new CatalogIndex(catalog);
  }
  return cached;
}
