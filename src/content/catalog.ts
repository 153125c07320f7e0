import catalogJson from 'aws-db-study:content';
import { CatalogIndex } from './catalogIndex';
import { PackedCatalog, unpackSources } from './sourceTable';

let index: CatalogIndex | undefined;

/** The bundled catalog; unpacked on first use so that activation does no content work. */
export function getCatalog(): CatalogIndex {
  index ??= new CatalogIndex(unpackSources(JSON.parse(catalogJson()) as PackedCatalog));
  return index;
}
