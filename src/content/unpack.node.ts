/**
 * The Node build's unpacker: Brotli packs the catalog a quarter smaller than deflate, and Node has
 * it built in, which keeps the desktop bundle within its size budget.
 */
import { brotliDecompressSync } from 'node:zlib';

export function unpack(packed: string): string {
  return brotliDecompressSync(Buffer.from(packed, 'base64')).toString('utf8');
}
