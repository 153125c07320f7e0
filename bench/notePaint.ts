/**
 * `npm run bench:paint`: a note's first paint against VS Code's own Markdown preview of the same
 * note's markdown, in the same window of a real VS Code (code-server in Chromium). Both are timed
 * the same way: from the Enter that runs the command (AWS DB: Open Note… on the picked note;
 * Markdown: Open Preview on the note's .md file) to the note's heading laid out in the webview, with
 * every editor closed before each open, so both open a new webview.
 *
 * The first webview of a window pays for the webview machinery (seconds) whichever opens it. Two
 * windows are measured, one where our note opens first and one where the preview does; their cold
 * rounds are reported apart, and the ratio is the median of ours / preview over the warm rounds,
 * in which the two alternate which opens first.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { compileContent } from '../src/content/compiler/compileContent';
import { MarkdownNote } from '../src/content/types';
import { launchChromium } from '../test/harness/browser';
import { openWorkbench, REPO_ROOT, runFromPalette, screenshot } from '../test/harness/workbench';

/** One note per round (the start of its title): the first is each window's cold round. */
const ROUND_NOTES = ['Read replicas', 'Query versus Scan', 'Cluster mode and sharding', 'Time to Live', 'Multi-AZ deployments', 'Secondary indexes', 'RDS Proxy', 'Engines - Valkey'];
const POLL_MS = 10;
const OUR_HEADING = 'h1#note-title';
const PREVIEW_HEADING = 'h1:not(#note-title)';

type Opener = 'note' | 'preview';

interface Round {
  note: number;
  preview: number;
  first: Opener;
}

/** The note as one markdown file: what our panel shows (title, summary, body, related notes, sources). */
function noteMarkdown(note: MarkdownNote, byId: ReadonlyMap<string, MarkdownNote>): string {
  const related = note.related.flatMap((id) => (byId.has(id) ? [`- [${byId.get(id)!.title}](${id}.md)`] : []));
  const sources = note.sources.map((source) => `- [${source.title}](${source.url})`);
  return [`# ${note.title}`, note.summary, note.body, ...(related.length > 0 ? ['## Related notes', related.join('\n')] : []), '## Sources', sources.join('\n')].join('\n\n');
}

/** Polls every frame until one lays out a heading matched by `selector` that contains `title`. */
async function waitForHeading(page: Page, selector: string, title: string): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    for (const frame of page.frames()) {
      const text = await frame
        .evaluate((wanted) => {
          const heading = document.querySelector(wanted);
          return heading && heading.getBoundingClientRect().height > 0 ? (heading.textContent ?? '') : '';
        }, selector)
        .catch(() => '');
      if (text.includes(title)) {
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`no webview showed '${title}' (${selector}) within 30 s`);
}

async function closeAllEditors(page: Page): Promise<void> {
  await runFromPalette(page, 'View: Close All Editors');
  await page.locator('.tab').first().waitFor({ state: 'detached' });
}

/** Presses Enter in the quick input and times it until `selector` shows `title`. */
async function timeEnter(page: Page, selector: string, title: string): Promise<number> {
  const start = performance.now();
  await page.locator('.quick-input-widget:not(.quick-input-widget-closing) input').press('Enter');
  await waitForHeading(page, selector, title);
  return performance.now() - start;
}

async function timeNote(page: Page, title: string): Promise<number> {
  await closeAllEditors(page);
  await runFromPalette(page, 'AWS DB: Open Note…');
  await page.locator('.quick-input-widget:not(.quick-input-widget-closing) input[placeholder^="Type to search notes"]').fill(title);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).waitFor();
  return timeEnter(page, OUR_HEADING, title);
}

async function timePreview(page: Page, note: MarkdownNote): Promise<number> {
  await closeAllEditors(page);
  const file = `${note.id}.md`;
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget:not(.quick-input-widget-closing) input').fill(file);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: file }).waitFor();
  await page.locator('.quick-input-widget:not(.quick-input-widget-closing) input').press('Enter');
  await page.locator(`.tab.active[aria-label^="${file}"]`).waitFor();
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget:not(.quick-input-widget-closing) input').fill('>Markdown: Open Preview');
  // Other Markdown commands rank above this one: move the focus down to it.
  // Its accessible name may go on with ", recently used"; "… to the Side" is another command.
  const row = page.locator('.quick-input-widget').getByRole('option', { name: /^Markdown: Open Preview(?:,|$)/ });
  await row.waitFor();
  const focusedPreview = row.and(page.locator('.focused'));
  while ((await focusedPreview.count()) === 0) {
    await page.keyboard.press('ArrowDown');
  }
  return timeEnter(page, PREVIEW_HEADING, note.title);
}

/** Every round opens the round's note both ways; `first` opens first in the cold round, and the order alternates after it. */
async function measureWindow(page: Page, notes: readonly MarkdownNote[], first: Opener): Promise<Round[]> {
  try {
    return await measureRounds(page, notes, first);
  } catch (error) {
    process.stderr.write(`screenshot of the failure: ${await screenshot(page, `paint-${first}-first-failed`)}\n`);
    throw error;
  }
}

async function measureRounds(page: Page, notes: readonly MarkdownNote[], first: Opener): Promise<Round[]> {
  await page.locator('.activitybar a.action-label[aria-label^="AWS Databases"]').click({ timeout: 60_000 });
  await page.locator('.monaco-list-row', { hasText: 'Amazon DynamoDB' }).first().waitFor();
  const rounds: Round[] = [];
  for (const [index, note] of notes.entries()) {
    const opensFirst: Opener = index % 2 === 0 ? first : first === 'note' ? 'preview' : 'note';
    const round: Round = { note: 0, preview: 0, first: opensFirst };
    for (const opener of opensFirst === 'note' ? (['note', 'preview'] as const) : (['preview', 'note'] as const)) {
      round[opener] = opener === 'note' ? await timeNote(page, note.title) : await timePreview(page, note);
    }
    rounds.push(round);
  }
  return rounds;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

const ms = (value: number): string => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  const { catalog, errors } = compileContent(path.join(REPO_ROOT, 'content'));
  if (errors.length > 0) {
    throw new Error(`the content does not compile: ${errors[0].message}`);
  }
  const byId = new Map(catalog.notes.map((note) => [note.id, note]));
  const notes = ROUND_NOTES.map((title) => catalog.notes.find((note) => note.title.startsWith(title)) ?? missingNote(title));
  // The sample workspace plus each note's markdown, in a scratch copy: the repository stays clean.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-study-paint-'));
  fs.cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  for (const note of catalog.notes) {
    fs.writeFileSync(path.join(workspace, `${note.id}.md`), noteMarkdown(note, byId));
  }
  const loadBefore = os.loadavg();
  const workbench = await openWorkbench({}, workspace);
  const browser = await launchChromium();
  try {
    const noteFirst = await measureWindow(workbench.page, notes, 'note');
    await workbench.page.close();
    // A second window, in a browser of its own so that nothing of the first one's webviews is cached.
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(workbench.server.workspaceUrl);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const previewFirst = await measureWindow(page, notes, 'preview');
    const warm = [...noteFirst.slice(1), ...previewFirst.slice(1)];
    const ratio = median(warm.map((round) => round.note / round.preview));
    const load = (values: number[]): string => values.map((value) => value.toFixed(1)).join(' ');
    process.stdout.write(
      `cold round, first webview of a window: note first ${ms(noteFirst[0].note)} (then preview ${ms(noteFirst[0].preview)}); ` +
        `preview first ${ms(previewFirst[0].preview)} (then note ${ms(previewFirst[0].note)})\n` +
        `${ratio <= 1 ? 'ok  ' : 'OVER'} note first paint / Markdown preview of the same markdown, median of ${warm.length} warm rounds: ` +
        `${ratio.toFixed(2)}x  budget <= 1x  (note median ${ms(median(warm.map((round) => round.note)))}, ` +
        `preview median ${ms(median(warm.map((round) => round.preview)))}; ${os.cpus().length} cores, ` +
        `load average ${load(loadBefore)} before, ${load(os.loadavg())} after)\n`,
    );
    if (ratio > 1) {
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await workbench.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

function missingNote(title: string): never {
  throw new Error(`no note is titled '${title}'`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
