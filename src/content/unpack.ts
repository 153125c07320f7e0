/**
 * Unpacks the catalog the build embeds (see esbuild.mjs): LZMA in Z85 text for web hosts, decoded by
 * lzma.ts; the Node extension reads the same from the web build (webBuildCatalog.node.ts).
 */
import { decodeLzma } from './lzma';
import { decodeZ85 } from './z85';

export function unpack(packed: string): string {
  return new TextDecoder().decode(decodeLzma(decodeZ85(packed)));
}
