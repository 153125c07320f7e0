/**
 * `npm run bench`: prints each figure beside its BRIEF §8 budget and a baseline measured in the same run.
 * Run after `npm run package` (the npm script does it): the bundle figures read the .vsix and the build's metafile.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileContent } from '../src/content/compiler/compileContent';
import { bundleFigures } from '../scripts/bundleBudgets';
import { fakeContext, installFakeVscode } from './fakeVscode';
import { measureNoteRendering } from './notes';

const root = path.resolve(__dirname, '..');
const KB = 1024;

interface Figure {
  name: string;
  value: string;
  budget: string;
  ok: boolean;
  baseline: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function activationFigures(): Figure[] {
  installFakeVscode();
  const bundle = path.join(root, 'dist/extension.js');
  const loadStart = performance.now();
  const extension = require(bundle) as { activate(context: unknown): void };
  const loadMs = performance.now() - loadStart;
  const activateRuns = Array.from({ length: 50 }, () => {
    const start = performance.now();
    extension.activate(fakeContext());
    return performance.now() - start;
  });
  const activateMs = median(activateRuns);
  // Baseline: parsing the bundled catalog, the work activation must not do.
  const catalogJson = JSON.stringify(compileContent(path.join(root, 'content')).catalog);
  const parseMs = median(Array.from({ length: 20 }, () => {
    const start = performance.now();
    JSON.parse(catalogJson);
    return performance.now() - start;
  }));
  return [
    {
      name: 'activate() (median of 50)',
      value: `${activateMs.toFixed(3)} ms`,
      budget: '< 15 ms',
      ok: activateMs < 15,
      baseline: `parsing the catalog: ${parseMs.toFixed(3)} ms (activate = ${(activateMs / parseMs).toFixed(2)}x)`,
    },
    {
      name: 'loading dist/extension.js',
      value: `${loadMs.toFixed(1)} ms`,
      budget: 'informational',
      ok: true,
      baseline: `${(fs.statSync(bundle).size / KB).toFixed(0)} KB parsed by V8`,
    },
  ];
}

function sizeFigures(): Figure[] {
  return bundleFigures().map((figure) => ({
    name: figure.name,
    value: `${(figure.bytes / KB).toFixed(0)} KB`,
    budget: `< ${figure.budget / KB} KB`,
    ok: figure.bytes < figure.budget,
    baseline: `${((figure.bytes / figure.budget) * 100).toFixed(0)}% of budget`,
  }));
}

function noteFigures(): Figure[] {
  const notes = measureNoteRendering();
  return [
    {
      name: `note render p99 (${notes.notes} notes x 20)`,
      value: `${notes.p99Ms.toFixed(3)} ms`,
      budget: 'informational',
      ok: true,
      baseline: `p50 ${notes.p50Ms.toFixed(3)} ms, max ${notes.maxMs.toFixed(2)} ms; plain markdown-it p50 ${notes.baselineP50Ms.toFixed(3)} ms (${(notes.p50Ms / notes.baselineP50Ms).toFixed(2)}x)`,
    },
  ];
}

/**
 * The web build's parts are embedded packed (esbuild.mjs), and the Node host reads the same (one copy of each
 * in the .vsix): a window unpacks each once, the hints part in the background right after activation, the study
 * part when a study feature is first used. Fresh processes, as windows are; the baseline is compiling the unpacked
 * code, which the part cost before it was packed as well.
 */
function webPartFigures(): Figure[] {
  return (['hints', 'study'] as const).map((part) => webPartFigure(part));
}

function webPartFigure(part: 'hints' | 'study'): Figure {
  const runs = Array.from({ length: 5 }, () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'webPartUnpack.ts'), path.join(root, 'dist/browser/extension.js'), part], { encoding: 'utf8' });
    return JSON.parse(output) as { unpackMs: number; compileMs: number; packedChars: number; sourceChars: number };
  });
  const unpackMs = median(runs.map((run) => run.unpackMs));
  const compileMs = median(runs.map((run) => run.compileMs));
  return {
    name: `${part} part: unpacking, once per window (both hosts)`,
    value: `${unpackMs.toFixed(0)} ms`,
    budget: 'informational',
    ok: true,
    baseline: `median of 5 fresh processes; compiling its code: ${compileMs.toFixed(0)} ms (unpack = ${(unpackMs / compileMs).toFixed(1)}x); ${(runs[0].sourceChars / KB).toFixed(0)} KB of code in ${(runs[0].packedChars / KB).toFixed(0)} KB of text; runs ${runs.map((run) => run.unpackMs.toFixed(0)).join(', ')} ms`,
  };
}

const figures = [...activationFigures(), ...noteFigures(), ...webPartFigures(), ...sizeFigures()];
const width = Math.max(...figures.map((figure) => figure.name.length));
for (const figure of figures) {
  process.stdout.write(`${figure.ok ? 'ok  ' : 'OVER'} ${figure.name.padEnd(width)}  ${figure.value.padStart(10)}  budget ${figure.budget.padEnd(14)} ${figure.baseline}\n`);
}
if (figures.some((figure) => !figure.ok)) {
  process.exitCode = 1;
}
