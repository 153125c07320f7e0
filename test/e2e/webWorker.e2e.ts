/**
 * The browser build (package.json `browser`, dist/browser/extension.js) in VS Code's web worker
 * extension host, as in vscode.dev: code-server is told to run our extension there instead of on
 * the server, and Running Extensions must say it did.
 */
import * as assert from 'node:assert/strict';
import { clickTreeRow, expandTreeRow, runFromPalette, screenshot, showAwsDatabases, useWorkbench, webviewFrame } from '../harness/workbench';
import * as fs from 'node:fs';
import { goToLine, openAt, openFromExplorer, showHover, writeSamApp } from './editorSupport';
import { answerItem, card, quitSession, startServiceQuiz, statusCounts, waitForStatus } from './quizSupport';

const IN_WEB_WORKER = {
  'extensions.webWorker': true,
  'remote.extensionKind': { 'aws-db-study.aws-db-study': ['web'] },
};

describe('the extension in the web worker extension host of code-server', function () {
  const workbench = useWorkbench(IN_WEB_WORKER);

  it('runs in the web worker host, not on the server, as Running Extensions shows', async () => {
    const { page, server } = workbench();
    await runFromPalette(page, 'Developer: Show Running Extensions');
    const editor = page.locator('.runtime-extensions-editor');
    const rows = editor.locator('.monaco-list-row');
    // The server's own extensions are listed with its address, ours with its host.
    await rows.filter({ hasText: `127.0.0.1:${server.port}` }).first().waitFor({ timeout: 30_000 });
    const ours = rows.filter({ hasText: 'AWS Database Study & Design Hints' });
    // The list only draws the rows in view, sorted by activation time: walk it until ours shows.
    await rows.first().click();
    for (let step = 0; step < 100 && (await ours.count()) === 0; step++) {
      await page.keyboard.press('ArrowDown');
    }
    // Once the extension has run, the row shows how long its activation took (the first window of a run pays for the web worker host's start).
    await ours.filter({ hasText: 'Activation' }).waitFor({ timeout: 60_000 });
    const row = (await ours.textContent()) ?? '';
    assert.match(row, /web worker/);
    assert.ok(!row.includes(`127.0.0.1:${server.port}`), `not on the server: ${row}`);
    await screenshot(page, 'web-worker-running-extensions');
    // Running Extensions opens as a modal editor: Escape closes it.
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
  });

  it('shows the topics tree and opens a note from it, with its table and highlighted code', async () => {
    const { page } = workbench();
    await showAwsDatabases(page);
    // The web worker host starts the extension after the workbench: on a loaded machine that takes a while.
    for (const service of ['Amazon RDS', 'Amazon DynamoDB', 'Amazon ElastiCache']) {
      await page.locator('.part.sidebar .monaco-list-row', { hasText: service }).first().waitFor({ timeout: 60_000 });
    }
    await expandTreeRow(page, 'Amazon DynamoDB');
    await expandTreeRow(page, 'Reading and writing data');
    await clickTreeRow(page, 'Query versus Scan');
    const frame = await webviewFrame(page, 'h1#note-title');
    assert.equal(await frame.locator('h1#note-title').textContent(), 'Query versus Scan, filters and pagination');
    assert.ok((await frame.locator('.note-body table th', { hasText: 'Query' }).count()) > 0, 'the note has its rendered table');
    // The build highlighted its code blocks.
    await frame.locator('pre code.hljs').first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'web-worker-note');
  });

  it('shows a quiz card, takes an answer and counts it in the status bar', async () => {
    const { page } = workbench();
    const before = await statusCounts(page);
    await startServiceQuiz(page, 'Amazon DynamoDB');
    const first = await card(page, '.breadcrumb:has-text("Question 1 of")');
    assert.match((await first.locator('.breadcrumb').textContent()) ?? '', /Amazon DynamoDB/);
    await screenshot(page, 'web-worker-quiz-card');
    await answerItem(page, 1);
    await waitForStatus(page, before.due, before.fresh - 1);
    await quitSession(page, 2);
    await card(page, 'table.session-summary');
  });

  it('shows the design hint on hover over ScanCommand in TypeScript', async () => {
    const { page } = workbench();
    await openAt(page, 'orders-repository.ts', 8, 42);
    // The web worker host analyses after the workbench has started: give it the time a loaded machine needs.
    const text = await showHover(page, 'Amazon DynamoDB', 45_000);
    assert.match(text, /Scan/);
    assert.match(text, /Open note: Query versus Scan/);
    await screenshot(page, 'web-worker-hover');
    await page.keyboard.press('Escape');
  });

  it('judges code with the SAM template beside it: ConsistentRead on its GSI is an error, and the hover names the index', async () => {
    const { page } = workbench();
    // The Problems panel draws only the rows in view: only this handler's problems are listed.
    await runFromPalette(page, 'View: Close All Editors');
    const app = writeSamApp('e2e-sam-worker', ["    IndexName: 'byCustomer',", '    ConsistentRead: true,']);
    try {
      await openFromExplorer(page, ['e2e-sam-worker', 'src'], 'sam-list-orders.ts');
      await page.keyboard.press('Control+Shift+M');
      // The workspace model reads the new template through the workspace file system, in the worker.
      const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'dynamodb-workspace-consistent-read-gsi' }).first();
      await problem.waitFor({ timeout: 60_000 });
      assert.match((await problem.textContent()) ?? '', /global secondary index/);
      await goToLine(page, 'sam-list-orders.ts', 9, 18);
      const text = await showHover(page, 'global secondary index', 30_000);
      assert.match(text, /byCustomer/);
      await screenshot(page, 'web-worker-workspace-gsi');
      await page.keyboard.press('Escape');
    } finally {
      fs.rmSync(app, { recursive: true, force: true });
    }
  });
});
