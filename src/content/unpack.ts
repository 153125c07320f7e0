/**
 * Unpacks the catalog the build embeds (see esbuild.mjs): raw deflate in Z85 text for web hosts, where
 * fflate inflates it. The Node build swaps this module for unpack.node.ts (Brotli, built into Node).
 */
import { inflateSync } from 'fflate';
import { decodeZ85 } from './z85';

export function unpack(packed: string): string {
  return new TextDecoder().decode(inflateSync(decodeZ85(packed)));
}
