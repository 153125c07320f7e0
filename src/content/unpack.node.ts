/**
 * The Node build's unpacker: Brotli packs the catalog a quarter smaller than deflate, and Node has
 * it built in, which keeps the desktop bundle within its size budget. The packed bytes are embedded as
 * Z85 text, as in the web build: 6% shorter than base64.
 */
import { brotliDecompressSync } from 'node:zlib';
import { decodeZ85 } from './z85';

export function unpack(packed: string): string {
  return brotliDecompressSync(decodeZ85(packed)).toString('utf8');
}
