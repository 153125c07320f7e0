import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openNote, runFromPalette, screenshot, showAwsDatabases, useWorkbench, webviewFrame } from '../harness/workbench';

async function openWalkthrough(page: Page): Promise<void> {
  await runFromPalette(page, 'Welcome: Open Walkthrough...');
  const input = page.locator('.quick-input-widget input');
  await input.fill('AWS Database Study');
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Get Started with AWS Database Study' }).waitFor();
  await input.press('Enter');
}

const WALKTHROUGH_STEPS = ['Browse the topics', 'Open a note', 'Take a first quiz', 'Hover over an AWS call'];
/** The tick VS Code draws on a completed walkthrough step. */
const CHECKED = '.codicon-getting-started-step-checked';

describe('a fresh window, before anything is studied', function () {
  const workbench = useWorkbench();

  // One test: browsing the tree completes a walkthrough step, so "nothing done yet" comes first in it.
  it('offers a Getting Started walkthrough with nothing done, then the AWS Databases tree with its Get Started view', async () => {
    const { page } = workbench();
    await openWalkthrough(page);
    const steps = page.locator('.getting-started-step');
    for (const step of WALKTHROUGH_STEPS) {
      await steps.filter({ hasText: step }).first().waitFor();
    }
    assert.equal(await steps.locator(CHECKED).count(), 0);
    await runFromPalette(page, 'View: Close Editor');

    const icon = page.locator('.activitybar a.action-label[aria-label^="AWS Databases"]');
    await icon.waitFor({ timeout: 30_000 });
    await icon.click();
    const tree = page.locator('.monaco-list-row');
    for (const service of ['Amazon RDS', 'Amazon DynamoDB', 'Amazon ElastiCache']) {
      await tree.filter({ hasText: service }).first().waitFor({ timeout: 20_000 });
    }
    // Nothing studied yet: the Get Started view offers the first steps.
    const welcome = page.locator('.welcome-view-content');
    for (const step of ['Open a Note', 'Start a Quiz', 'Try Design Hints on Sample Code']) {
      await welcome.getByRole('button', { name: step }).waitFor();
    }
    await screenshot(page, 'topics-tree');
  });
});

describe('the extension in code-server, as a person sees it', function () {
  const workbench = useWorkbench();

  it('runs AWS DB: Open Note… from the palette and shows the note in a panel', async () => {
    const { page } = workbench();
    await runFromPalette(page, 'AWS DB: Open Note…');
    const input = page.locator('.quick-input-widget input');
    await input.fill('Query versus Scan');
    await page.locator('.quick-input-widget .monaco-list-row').first().waitFor();
    await input.press('Enter');
    const frame = await webviewFrame(page, 'h1#note-title');
    const heading = await frame.locator('h1#note-title').textContent();
    assert.match(heading ?? '', /Query/);
    assert.ok((await frame.locator('.sources a[data-external^="https://docs.aws.amazon.com/"]').count()) > 0, 'the note lists AWS sources');
    // Having studied, the Get Started view steps aside.
    await page.locator('.welcome-view-content').waitFor({ state: 'detached' });
    await screenshot(page, 'note-panel');
  });

  it('restores the open note and its scroll position after a window reload', async () => {
    const { page } = workbench();
    await openNote(page, 'Query versus Scan');
    let frame = await webviewFrame(page, 'h1#note-title:has-text("Query")');
    // The webview saves its scroll position (vscode.setState) after 150 ms of quiet. Its host frame
    // passes that state to the workbench over a MessagePort: watch for it there, so that the reload
    // below has something to restore.
    const host = frame.parentFrame()!;
    await host.evaluate(() => {
      const send = MessagePort.prototype.postMessage;
      MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, ...rest: unknown[]) {
        const sent = message as { channel?: string; data?: string };
        if (sent?.channel === 'do-update-state' && typeof sent.data === 'string') {
          (window as unknown as { savedScrollY?: number }).savedScrollY = (JSON.parse(sent.data) as { scrollY?: number }).scrollY;
        }
        return (send as (...args: unknown[]) => void).call(this, message, ...rest);
      } as typeof MessagePort.prototype.postMessage;
    });
    // Scroll until the saved state arrives: a scroll made before the note's script listens is not seen,
    // and scrolling again to the same place fires no event, so each try scrolls somewhere new.
    for (let attempt = 1; ; attempt++) {
      await frame.evaluate((y) => window.scrollTo(0, y), 600 + attempt * 20);
      try {
        await host.waitForFunction(() => ((window as unknown as { savedScrollY?: number }).savedScrollY ?? 0) >= 500, undefined, { timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt === 4) {
          throw error;
        }
      }
    }
    await runFromPalette(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.tab', { hasText: 'Query versus Scan' }).click();
    frame = await webviewFrame(page, 'h1#note-title', 60_000);
    assert.match((await frame.locator('h1#note-title').textContent()) ?? '', /Query/);
    await frame.waitForFunction(() => window.scrollY >= 500, undefined, { timeout: 10_000 });
  });
});

// Its own window: a walkthrough step completes when its context key changes after the walkthrough was
// opened, so a note opened earlier in a shared window would leave "Open a note" unticked.
describe('the Getting Started walkthrough in code-server', function () {
  const workbench = useWorkbench();

  it('ticks off the walkthrough steps the user has done', async () => {
    const { page } = workbench();
    // VS Code tracks the steps of a walkthrough once it has been opened in the window.
    await openWalkthrough(page);
    await page.locator('.getting-started-step', { hasText: 'Open a note' }).first().waitFor();
    await runFromPalette(page, 'View: Close Editor');
    await showAwsDatabases(page);
    await page.locator('.monaco-list-row', { hasText: 'Amazon RDS' }).first().waitFor();
    await openNote(page, 'Query versus Scan');
    await openWalkthrough(page);
    const steps = page.locator('.getting-started-step');
    // Browsing the topics and opening a note are done; the quiz and the hover are not.
    for (const done of ['Browse the topics', 'Open a note']) {
      await steps.filter({ hasText: done }).locator(CHECKED).waitFor();
    }
    for (const open of ['Take a first quiz', 'Hover over an AWS call']) {
      assert.equal(await steps.filter({ hasText: open }).locator(CHECKED).count(), 0, open);
    }
    await screenshot(page, 'walkthrough');
    await runFromPalette(page, 'View: Close Editor');
  });
});
