import packedCatalog from 'aws-db-study:content';
import { CatalogIndex } from './catalogIndex';
import { Catalog } from './types';
import { unpack } from './unpack';

let index: CatalogIndex | undefined;

/** The bundled catalog; unpacked on first use so that activation does no content work. */
export function getCatalog(): CatalogIndex {
  index ??= new CatalogIndex(JSON.parse(unpack(packedCatalog)) as Catalog);
  return index;
}
