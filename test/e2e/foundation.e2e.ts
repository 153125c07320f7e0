import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { runFromPalette, screenshot, useWorkbench, webviewFrame } from '../harness/workbench';

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

describe('the extension in code-server, as a person sees it', function () {
  const workbench = useWorkbench();

  it('offers a Getting Started walkthrough with nothing done yet', async () => {
    const { page } = workbench();
    await openWalkthrough(page);
    const steps = page.locator('.getting-started-step');
    for (const step of WALKTHROUGH_STEPS) {
      await steps.filter({ hasText: step }).first().waitFor();
    }
    assert.equal(await steps.locator(CHECKED).count(), 0);
    await runFromPalette(page, 'View: Close Editor');
  });

  it('shows AWS Databases in the activity bar with RDS, DynamoDB and ElastiCache in its tree', async () => {
    const { page } = workbench();
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

  it('ticks off the walkthrough steps the user has done', async () => {
    const { page } = workbench();
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

  it('restores the open note and its scroll position after a window reload', async () => {
    const { page } = workbench();
    let frame = await webviewFrame(page, 'h1#note-title');
    await frame.evaluate(() => window.scrollTo(0, 600));
    await page.waitForTimeout(500); // the webview saves its scroll position after 150 ms of quiet
    await runFromPalette(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.tab', { hasText: 'Query versus Scan' }).click();
    frame = await webviewFrame(page, 'h1#note-title', 60_000);
    assert.match((await frame.locator('h1#note-title').textContent()) ?? '', /Query/);
    const deadline = Date.now() + 10_000;
    let scrollY = 0;
    while (scrollY < 500 && Date.now() < deadline) {
      scrollY = await frame.evaluate(() => window.scrollY);
      await page.waitForTimeout(200);
    }
    assert.ok(scrollY >= 500, `scroll position restored (scrollY = ${scrollY})`);
  });
});
