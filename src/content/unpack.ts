/**
 * Unpacks the catalog the build embeds (see esbuild.mjs): raw deflate in base64 for web hosts, where
 * fflate inflates it. The Node build swaps this module for unpack.node.ts (Brotli, built into Node).
 */
import { inflateSync } from 'fflate';

export function unpack(packed: string): string {
  const binary = atob(packed);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return new TextDecoder().decode(inflateSync(bytes));
}
