import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { runFromPalette, screenshot, useWorkbench, webviewFrame } from '../harness/workbench';

/** The number in the quiz's status-bar item ("$(mortar-board) 20 due"). */
async function dueInStatusBar(page: Page): Promise<number> {
  const item = page.locator('.statusbar-item', { hasText: /\d+ due/ }).first();
  await item.waitFor({ timeout: 20_000 });
  const text = (await item.textContent()) ?? '';
  return Number(/(\d+) due/.exec(text)?.[1]);
}

async function waitForDue(page: Page, expected: number): Promise<void> {
  await page.locator('.statusbar-item', { hasText: new RegExp(`(^|\\D)${expected} due`) }).first().waitFor({ timeout: 20_000 });
}

/** The quiz card's frame once it shows `selector` (the frame is replaced whenever the card changes). */
async function card(page: Page, selector: string): Promise<import('playwright-core').Frame> {
  return webviewFrame(page, `#quiz-card ${selector}`);
}

describe('the quiz in code-server, driven from the command palette', function () {
  const workbench = useWorkbench();

  it('starts a DynamoDB quiz, reveals an answer, grades it Good and the due count drops', async () => {
    const { page } = workbench();
    await runFromPalette(page, 'AWS DB: Start Quiz');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Amazon DynamoDB' }).first().waitFor();
    await input.fill('Amazon DynamoDB');
    await input.press('Enter');

    // A free-recall question: the card shows it, the answer is hidden until Enter.
    const question = await card(page, '#card-title');
    assert.match((await question.locator('.breadcrumb').textContent()) ?? '', /Amazon DynamoDB/);
    assert.equal(await question.locator('.answer').count(), 0, 'the model answer is hidden');
    const before = await dueInStatusBar(page);
    await input.fill('A managed NoSQL key-value store, no joins');
    await screenshot(page, 'quiz-question');
    await input.press('Enter');

    const answer = await card(page, '.answer');
    assert.ok((await answer.locator('.key-points li').count()) >= 3, 'key points are listed');
    assert.match((await answer.locator('.your-notes').textContent()) ?? '', /managed NoSQL/);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Good' }).first().waitFor();
    await screenshot(page, 'quiz-answer-revealed');
    await input.pressSequentially('3');
    await waitForDue(page, before - 1);
  });

  it('answers a multiple-choice item and shows right or wrong with the explanation', async () => {
    const { page } = workbench();
    const input = page.locator('.quick-input-widget input');
    const options = await card(page, '.options');
    assert.ok((await options.locator('.options li').count()) >= 3);
    const before = await dueInStatusBar(page);
    await input.pressSequentially('1');
    const result = await card(page, '.verdict');
    assert.match((await result.locator('.verdict').textContent()) ?? '', /^(Correct|Not quite)\.$/);
    assert.ok((await result.locator('.explanation').count()) === 1);
    assert.ok((await result.locator('.sources a[href^="https://"]').count()) > 0, 'the item cites its sources');
    await screenshot(page, 'quiz-multiple-choice');
    await waitForDue(page, before - 1);
    await input.press('Enter'); // Next question
    await page.locator('.quick-input-widget input[placeholder^="Optional: type your answer"]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  });

  it('opens the statistics from the palette', async () => {
    const { page } = workbench();
    await runFromPalette(page, 'AWS DB: Show Quiz Statistics');
    const stats = await card(page, '.stats-summary');
    const reviewed = await stats.locator('.stats-summary tr', { hasText: 'Reviewed today' }).locator('td').textContent();
    assert.equal(reviewed, '2');
    assert.ok((await stats.locator('.stats-services tr', { hasText: 'Amazon DynamoDB' }).count()) === 1);
    await screenshot(page, 'quiz-statistics');
    await page.keyboard.press('Escape');
  });

  it('runs a timed mock interview, grades it at the end and lists the weak topics', async () => {
    const { page } = workbench();
    await runFromPalette(page, 'AWS DB: Mock Interview');
    const input = page.locator('.quick-input-widget input');
    const title = page.locator('.quick-input-widget .quick-input-title');
    for (let question = 1; question <= 5; question++) {
      await title.filter({ hasText: new RegExp(`Question ${question} of 5 · \\d+:\\d\\d left`) }).waitFor();
      await input.fill(`answer ${question}`);
      await input.press('Enter');
    }
    for (let answer = 1; answer <= 5; answer++) {
      await title.filter({ hasText: `Grading ${answer} of 5` }).waitFor();
      await card(page, '.answer');
      await input.pressSequentially(answer === 1 ? '1' : '3');
    }
    const summary = await card(page, 'table');
    assert.match((await summary.locator('#card-title').textContent()) ?? '', /Mock interview summary/);
    assert.ok((await summary.locator('a.note-link').count()) > 0, 'the Again answer links its notes');
    await title.filter({ hasText: 'weak topics' }).waitFor();
    await screenshot(page, 'quiz-mock-interview-summary');
    await page.keyboard.press('Escape');
  });
});
