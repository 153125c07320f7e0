import * as assert from 'node:assert/strict';
import { brotliCompressSync, deflateRawSync } from 'node:zlib';
import * as webUnpack from '../../src/content/unpack';
import * as nodeUnpack from '../../src/content/unpack.node';
import { decodeZ85, encodeZ85 } from '../../src/content/z85';

describe('catalog packing', () => {
  const json = JSON.stringify({ notes: [{ title: 'Multi-AZ — standby in another AZ', body: 'x'.repeat(5000) }] });

  it('unpacks raw deflate in Z85 for web hosts', () => {
    assert.equal(webUnpack.unpack(encodeZ85(deflateRawSync(json))), json);
  });

  it('round-trips every length and byte value through Z85, whose text needs no escaping in a string literal', () => {
    for (let length = 0; length < 12; length++) {
      const bytes = Uint8Array.from({ length: length * 23 + (length % 4) }, (_, i) => (i * 97 + length * 31) % 256);
      const text = encodeZ85(bytes);
      assert.deepEqual(decodeZ85(text), bytes);
      assert.ok(!/["'\\`]/.test(text), text);
    }
    assert.equal(encodeZ85(Uint8Array.of(0x86, 0x4f, 0xd2, 0x6f, 0xb5, 0x59, 0xf7, 0x5b)), '0HelloWorld');
    assert.throws(() => decodeZ85('0Hell'), /not Z85/);
    assert.throws(() => decodeZ85('0Hell"'), /not Z85/);
  });

  it('unpacks Brotli in base64 in Node', () => {
    assert.equal(nodeUnpack.unpack(brotliCompressSync(json).toString('base64')), json);
  });
});
