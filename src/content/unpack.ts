/**
 * Unpacks the catalog the build embeds (see esbuild.mjs): LZMA in Base93 text for web hosts, decoded by
 * lzma.ts; the Node extension reads the same from the web build (webBuildCatalog.node.ts).
 */
import { decodeLzma } from './lzma';
import { decodeBase93 } from './base93';

export function unpack(packed: string): string {
  return new TextDecoder().decode(decodeLzma(decodeBase93(packed)));
}
