/**
 * The bundle budgets (README "Budgets"), checked after `npm run package`: the code each extension
 * host evaluates at activation, all the JavaScript a host can load (content included), and the .vsix.
 * Prints each figure against its budget and exits 1 when one is over. Sizes, not times: no timing here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATALOG_TAG, HINTS_PART_TAG, packedIn, STUDY_PART_TAG } from '../src/content/webBuildPacks';

const ROOT = path.resolve(__dirname, '..');
const KB = 1024;

export interface BudgetFigure {
  name: string;
  bytes: number;
  budget: number;
  detail: string;
}

interface Metafile {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}

function size(file: string): number {
  return fs.statSync(path.join(ROOT, file)).size;
}

const kb = (bytes: number): string => `${(bytes / KB).toFixed(0)} KB`;

/** The figures, from dist/, the .vsix and the build's metafile (out/bundle-meta.json, written by esbuild.mjs). */
export function bundleFigures(): BudgetFigure[] {
  const meta = JSON.parse(fs.readFileSync(path.join(ROOT, 'out/bundle-meta.json'), 'utf8')) as { browser: Metafile };
  const browser = meta.browser.outputs['dist/browser/extension.js'];
  // The web build embeds the hint and study parts; only what lies outside them runs at activation.
  const embedded = Object.entries(browser.inputs)
    .filter(([input]) => input.startsWith('browser-part:'))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  const webviews = size('dist/webview/note.js') + size('dist/webview/quizCard.js');
  const nodeEntry = size('dist/extension.js');
  const nodeParts = size('dist/hints.js') + size('dist/study.js');
  const web = size('dist/browser/extension.js');
  // The Node host's parts run what the web build packs, the catalog, the hints part and the study part, rather than carrying their own.
  const webText = fs.readFileSync(path.join(ROOT, 'dist/browser/extension.js'), 'latin1');
  const sharedCatalog = packedIn(webText, CATALOG_TAG)?.length ?? 0;
  const sharedHints = packedIn(webText, HINTS_PART_TAG)?.length ?? 0;
  const sharedStudy = packedIn(webText, STUDY_PART_TAG)?.length ?? 0;
  const vsix = size('aws-db-study.vsix');
  return [
    { name: 'activation code, Node host', bytes: nodeEntry, budget: 150 * KB, detail: 'dist/extension.js; dist/hints.js and dist/study.js load on first use' },
    { name: 'activation code, web worker host', bytes: web - embedded, budget: 150 * KB, detail: `dist/browser/extension.js outside the ${kb(embedded)} of parts it runs on first use` },
    {
      name: 'JavaScript, Node host',
      bytes: nodeEntry + nodeParts + sharedCatalog + sharedHints + sharedStudy + webviews,
      budget: 800 * KB,
      detail: `entry ${kb(nodeEntry)} + parts ${kb(nodeParts)} + what they read packed from the web build (catalog ${kb(sharedCatalog)}, hints part ${kb(sharedHints)}, study part ${kb(sharedStudy)}) + webview scripts ${kb(webviews)}`,
    },
    { name: 'JavaScript, web worker host', bytes: web + webviews, budget: 800 * KB, detail: `dist/browser/extension.js ${kb(web)} (content included) + webview scripts ${kb(webviews)}` },
    { name: 'aws-db-study.vsix', bytes: vsix, budget: 1024 * KB, detail: 'both hosts\' builds, webview scripts, media, README screenshots' },
  ];
}

function main(): void {
  const figures = bundleFigures();
  const width = Math.max(...figures.map((figure) => figure.name.length));
  for (const figure of figures) {
    const ok = figure.bytes < figure.budget;
    process.stdout.write(`${ok ? 'ok  ' : 'OVER'} ${figure.name.padEnd(width)}  ${kb(figure.bytes).padStart(7)}  budget < ${kb(figure.budget).padEnd(8)} ${figure.detail}\n`);
  }
  if (figures.some((figure) => figure.bytes >= figure.budget)) {
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main();
}
