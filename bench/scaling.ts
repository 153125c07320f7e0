/**
 * `npm run bench:scaling`: how the hint engine's time grows on pathological input. For every shape
 * (test/support/hostileShapes.ts) in every language and format, the time for 4n characters against
 * the time for n: a linear engine stays near 4, a quadratic one goes towards 16. n starts at 5,000
 * characters and doubles while one analysis of n takes under 5 ms, up to 4n = 200,000 characters
 * (beyond, cache effects grow the time faster than the input); each time is the least of 5
 * averages over 100 ms of repeated runs.
 * No time budget is set: the figure is the engine's own.
 */
import * as path from 'node:path';
import { compileContent } from '../src/content/compiler/compileContent';
import { analyzeText } from '../src/hints/engine/analyze';
import { hostileCases, measureScaling } from '../test/support/hostileShapes';

const { hintRules: rules } = compileContent(path.resolve(__dirname, '..', 'content'));
/** Above this ratio a shape is reported as super-linear, when 4n takes long enough to matter (below, timer noise and GC dominate). */
const LIMIT = 6;
const MATERIAL_MS = 20;

const rows = hostileCases().map((shape) => {
  const scaling = measureScaling(shape.make, (text) => analyzeText(text, rules, { kind: shape.kind }), { startSize: 5_000, maxSize: 200_000, floorMs: 5, minimumMs: 100, samples: 5 });
  return { label: shape.label, ...scaling, ratio: scaling.largeMs / scaling.smallMs };
});
const width = Math.max(...rows.map((row) => row.label.length));
process.stdout.write(`${'shape'.padEnd(width)}  ${'n'.padStart(9)}  ${'time for n'.padStart(12)}  ${'for 4n'.padStart(12)}  4n / n\n`);
for (const row of rows) {
  const flag = row.ratio > LIMIT && row.largeMs > MATERIAL_MS ? 'OVER' : 'ok';
  process.stdout.write(`${row.label.padEnd(width)}  ${String(row.size).padStart(9)}  ${`${row.smallMs.toFixed(2)} ms`.padStart(12)}  ${`${row.largeMs.toFixed(2)} ms`.padStart(12)}  ${row.ratio.toFixed(1).padStart(6)}  ${flag}\n`);
}
const over = rows.filter((row) => row.ratio > LIMIT && row.largeMs > MATERIAL_MS);
const ratios = rows.map((row) => row.ratio).sort((a, b) => a - b);
process.stdout.write(`\n${rows.length} shapes; 4n / n median ${ratios[Math.floor(ratios.length / 2)].toFixed(1)}, ${over.length} over ${LIMIT} with 4n over ${MATERIAL_MS} ms${over.length ? `: ${over.map((row) => row.label).join('; ')}` : ''}\n`);
if (over.length > 0) {
  process.exitCode = 1;
}
