import serializedCatalog from 'aws-db-study:content';
import { CatalogIndex } from './catalogIndex';
import { Catalog } from './types';

let index: CatalogIndex | undefined;

/** The bundled catalog; parsed on first use so that activation does no content work. */
export function getCatalog(): CatalogIndex {
  index ??= new CatalogIndex(JSON.parse(serializedCatalog) as Catalog);
  return index;
}
