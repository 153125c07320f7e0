import * as assert from 'node:assert/strict';
import { brotliCompressSync, deflateRawSync } from 'node:zlib';
import * as webUnpack from '../../src/content/unpack';
import * as nodeUnpack from '../../src/content/unpack.node';

describe('catalog packing', () => {
  const json = JSON.stringify({ notes: [{ title: 'Multi-AZ — standby in another AZ', body: 'x'.repeat(5000) }] });

  it('unpacks raw deflate in base64 for web hosts', () => {
    assert.equal(webUnpack.unpack(deflateRawSync(json).toString('base64')), json);
  });

  it('unpacks Brotli in base64 in Node', () => {
    assert.equal(nodeUnpack.unpack(brotliCompressSync(json).toString('base64')), json);
  });
});
