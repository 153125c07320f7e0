import packedCatalog from 'aws-db-study:content';
import { inflateSync } from 'fflate';
import { CatalogIndex } from './catalogIndex';
import { Catalog } from './types';

let index: CatalogIndex | undefined;

/** Inflates the build's base64 deflated JSON; atob and TextDecoder exist in Node and in browsers. */
export function unpackCatalog(packed: string): Catalog {
  const binary = atob(packed);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return JSON.parse(new TextDecoder().decode(inflateSync(bytes))) as Catalog;
}

/** The bundled catalog; unpacked on first use so that activation does no content work. */
export function getCatalog(): CatalogIndex {
  index ??= new CatalogIndex(unpackCatalog(packedCatalog));
  return index;
}
