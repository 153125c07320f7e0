import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { brotliCompressSync, deflateRawSync } from 'node:zlib';
import { compileContent } from '../../src/content/compiler/compileContent';
import { renderCatalog } from '../../src/content/compiler/renderContent';
import { decodeLzma } from '../../src/content/lzma';
import { packSources, unpackSources } from '../../src/content/sourceTable';
import * as webUnpack from '../../src/content/unpack';
import * as nodeUnpack from '../../src/content/unpack.node';
import { CATALOG_TAG, HINTS_PART_TAG, packedIn, STUDY_PART_TAG } from '../../src/content/webBuildPacks';
import { decodeBase93, encodeBase93 } from '../../src/content/base93';

/** The build's LZMA compressor (esbuild.mjs). Its package ships TypeScript sources rather than declarations, which our strict settings would check, so it is typed here. */
async function lzmaCompressor(): Promise<(data: Uint8Array, mode: number) => Uint8Array> {
  const specifier: string = 'lzma1';
  return ((await import(specifier)) as { compress(data: Uint8Array, mode: number): Uint8Array }).compress;
}

describe('catalog packing', () => {
  const json = JSON.stringify({ notes: [{ title: 'Multi-AZ — standby in another AZ', body: 'x'.repeat(5000) }] });

  it('unpacks LZMA in Base93 for web hosts', async () => {
    const compress = await lzmaCompressor();
    for (const mode of [1, 9]) {
      assert.equal(webUnpack.unpack(encodeBase93(compress(new TextEncoder().encode(json), mode))), json);
    }
  });

  it('round-trips every length and byte value through Base93, whose text a double-quoted string literal holds as it is', () => {
    let seed = 7;
    for (let length = 0; length < 300; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return length % 3 === 0 ? (i * 97 + length * 31) % 256 : length % 3 === 1 ? seed % 256 : (seed % 7 === 0 ? 255 : 0);
      });
      const text = encodeBase93(bytes);
      assert.deepEqual(decodeBase93(text), bytes, `${length} bytes`);
      assert.ok(/^[ -~]*$/.test(text) && !/["\\]/.test(text), text);
      assert.equal(JSON.stringify(text), `"${text}"`);
    }
    const all = Uint8Array.from({ length: 256 * 4 }, (_, i) => (i * 37) % 256);
    const text = encodeBase93(all);
    assert.deepEqual(decodeBase93(text), all);
    assert.ok(text.length <= Math.ceil(all.length * 1.231), `${text.length} characters for ${all.length} bytes`);
    assert.throws(() => decodeBase93('ab"c'), /not Base93/);
    assert.throws(() => decodeBase93('ab\\c'), /not Base93/);
    assert.throws(() => decodeBase93('abé'), /not Base93/);
  });

  it('unpacks Brotli in Base93 in Node', () => {
    assert.equal(nodeUnpack.unpack(encodeBase93(brotliCompressSync(json))), json);
  });

  it('finds the web build\'s packed catalog, hints part and study part for the Node host, however often the build quoted the strings that hold them', async () => {
    const compress = await lzmaCompressor();
    const catalog = encodeBase93(compress(new TextEncoder().encode(json), 1));
    const part = encodeBase93(compress(new TextEncoder().encode('exports.startHints = () => 1;'), 1));
    const study = encodeBase93(compress(new TextEncoder().encode('exports.startStudy = () => require("aws-db-study:catalog")();'), 1));
    const module = `const packed = ${JSON.stringify(CATALOG_TAG + catalog)};`;
    // The web build embeds each part as the text of a module: the packed strings, quoted once more.
    const parts = [HINTS_PART_TAG + part, STUDY_PART_TAG + study].map((packed) => `new Function("module", ${JSON.stringify(`unpack(${JSON.stringify(packed)})`)});`).join('');
    const bundle = `var a=1;new Function("module", ${JSON.stringify(module)});${parts}var b="${CATALOG_TAG.slice(0, -1)}";`;
    assert.equal(webUnpack.unpack(packedIn(bundle, STUDY_PART_TAG)!), 'exports.startStudy = () => require("aws-db-study:catalog")();');
    assert.equal(packedIn(bundle, CATALOG_TAG), catalog);
    assert.equal(webUnpack.unpack(packedIn(bundle, CATALOG_TAG)!), json);
    assert.equal(packedIn(bundle, HINTS_PART_TAG), part);
    assert.equal(webUnpack.unpack(packedIn(bundle, HINTS_PART_TAG)!), 'exports.startHints = () => 1;');
    assert.equal(packedIn(module.replace(CATALOG_TAG, ''), CATALOG_TAG), undefined, 'no tag, no catalog');
    assert.equal(packedIn(module + module, CATALOG_TAG), undefined, 'two tags: which one is the catalog cannot be told');
  });
});

describe('source table of the packed catalog', () => {
  const catalog = renderCatalog(compileContent(path.resolve(__dirname, '../../content')).catalog);

  it('gives back the catalog it packed, and cites each distinct source once', () => {
    const packed = packSources(catalog);
    assert.deepEqual(unpackSources(JSON.parse(JSON.stringify(packed))), catalog);
    const cited = [...catalog.notes, ...catalog.questions, ...catalog.choices].flatMap((item) => item.sources);
    assert.ok(packed.sourceTable.length < cited.length / 2, `${packed.sourceTable.length} distinct of ${cited.length} citations`);
    assert.equal(new Set(packed.sourceTable.map((source) => source.url + source.title)).size, packed.sourceTable.length);
  });

  it('packs smaller than the catalog written out', () => {
    const written = deflateRawSync(JSON.stringify(catalog), { level: 9 }).length;
    const packed = deflateRawSync(JSON.stringify(packSources(catalog)), { level: 9 }).length;
    assert.ok(packed < written, `${packed} bytes packed against ${written}`);
  });

  it('fails on a citation past the table instead of giving a note without its source', () => {
    const packed = packSources(catalog);
    packed.notes[0].sources.push(packed.sourceTable.length);
    assert.throws(() => unpackSources(packed), /past its table/);
  });
});

describe('LZMA decoder of the web build', () => {
  /** Bytes with long repeats, short repeats and noise, so that every kind of match and literal is coded. */
  function sample(length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    let seed = 12345;
    for (let i = 0; i < length; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      bytes[i] = i > 300 && seed % 5 < 3 ? bytes[i - 1 - (seed % 257)] : seed % 251;
    }
    return bytes;
  }

  it('gives back what the build compressor packs, at every mode, for empty, tiny and large inputs', async () => {
    const compress = await lzmaCompressor();
    for (const length of [0, 1, 7, 5000, 300_000]) {
      const bytes = sample(length);
      for (const mode of [1, 5, 9]) {
        assert.deepEqual(decodeLzma(compress(bytes, mode)), bytes, `${length} bytes at mode ${mode}`);
      }
    }
  });

  it('throws on a cut or unsized stream, and never turns a corrupted one into the original', async () => {
    const compress = await lzmaCompressor();
    const original = sample(20_000);
    const packed = compress(original, 5);
    assert.throws(() => decodeLzma(packed.slice(0, packed.length >> 1)), /ends early|corrupt/);
    assert.throws(() => decodeLzma(packed.slice(0, 10)), /not an LZMA stream/);
    const unsized = packed.slice();
    unsized.fill(0xff, 5, 13);
    assert.throws(() => decodeLzma(unsized), /without its size/);
    const corrupted = packed.slice();
    for (let i = 40; i < corrupted.length; i += 97) {
      corrupted[i] ^= 0x5a;
    }
    let decoded: Uint8Array | undefined;
    try {
      decoded = decodeLzma(corrupted);
    } catch (error) {
      assert.match(String(error), /corrupt|ends early/);
    }
    assert.notDeepEqual(decoded, original);
  });
});
