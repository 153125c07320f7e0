/**
 * Child process of `npm run bench` (bench/run.ts): what a window of either host pays once when one of the web
 * build's parts (`hints` or `study`) first loads, in a fresh process as a window is: unpacking its packed text (LZMA
 * in Base93), then compiling the code, which the part cost before it was packed too. Prints JSON.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { unpack } from '../src/content/unpack';
import { HINTS_PART_TAG, packedIn, STUDY_PART_TAG } from '../src/content/webBuildPacks';

const bundle = fs.readFileSync(process.argv[2], 'utf8');
const part = process.argv[3] === 'study' ? 'study' : 'hints';
const packed = packedIn(bundle, part === 'study' ? STUDY_PART_TAG : HINTS_PART_TAG);
if (packed === undefined) {
  throw new Error(`no packed ${part} part in ${process.argv[2]}`);
}
const unpackStart = performance.now();
const source = unpack(packed);
const unpackMs = performance.now() - unpackStart;
const compileStart = performance.now();
new Function('module', 'exports', 'require', source);
const compileMs = performance.now() - compileStart;
process.stdout.write(JSON.stringify({ unpackMs, compileMs, packedChars: packed.length, sourceChars: source.length }));
