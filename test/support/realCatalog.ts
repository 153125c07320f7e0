import * as path from 'node:path';
import { compileContent, formatErrors } from '../../src/content/compiler/compileContent';
import { renderCatalog } from '../../src/content/compiler/renderContent';
import { CatalogIndex } from '../../src/content/catalogIndex';
import { MarkdownCatalog } from '../../src/content/types';

let content: MarkdownCatalog | undefined;
let index: CatalogIndex | undefined;

/** The repository's real content as written (markdown), compiled the way the build does; fails loudly if it is invalid. */
export function realContent(): MarkdownCatalog {
  if (!content) {
    const compiled = compileContent(path.resolve(__dirname, '../../content'));
    if (compiled.errors.length > 0) {
      throw new Error(`content/ is invalid:\n${formatErrors(compiled.errors)}`);
    }
    content = compiled.catalog;
  }
  return content;
}

/** The real catalog as the extension ships it: its markdown rendered by the build. */
export function realCatalog(): CatalogIndex {
  index ??= new CatalogIndex(renderCatalog(realContent()));
  return index;
}
