import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { runFromPalette, screenshot, showAwsDatabases, useWorkbench } from '../harness/workbench';
import { answerBox, answerItem, card, quickInput, quickTitle, quitSession, statusCounts, waitForStatus } from './quizSupport';

const input = quickInput;
const title = quickTitle;
/** Answers items until one of the wanted kind is on screen (earlier tests may have answered others). */
async function skipUntil(page: Page, kind: 'question' | 'choice'): Promise<number> {
  for (let position = 1; ; position++) {
    await title(page).filter({ hasText: new RegExp(`Question ${position} of`) }).waitFor();
    await card(page, `.breadcrumb:has-text("Question ${position} of")`);
    if ((await answerBox(page).isVisible()) === (kind === 'question')) {
      return position;
    }
    await answerItem(page, position);
  }
}

describe('a learner\'s first quiz session in code-server', function () {
  const workbench = useWorkbench();

  it('shows nothing due on a fresh install, starts today\'s review from Get Started, mixes services and sums up', async () => {
    const { page } = workbench();
    await waitForStatus(page, 0, 20);
    await showAwsDatabases(page);
    const welcome = page.locator('.welcome-view-content');
    await welcome.getByRole('button', { name: 'Start a Quiz' }).click();

    await title(page).filter({ hasText: /^Today's review · Question 1 of 10$/ }).waitFor();
    await screenshot(page, 'first-session-question-1');
    const services: string[] = [];
    for (let position = 1; position <= 3; position++) {
      services.push(await answerItem(page, position));
    }
    assert.ok(new Set(services).size >= 2, `questions from more than one service: ${services.join(', ')}`);
    await quitSession(page, 4);

    // The card gives way to the session's summary; the status bar keeps the same meaning of "due".
    await card(page, 'table.session-summary');
    await waitForStatus(page, 0, 17);
    await screenshot(page, 'first-session-summary');
  });
});

describe('the quiz in code-server, driven from the command palette', function () {
  const workbench = useWorkbench();

  it('starts today\'s review with the defaults: Enter, Enter', async () => {
    const { page } = workbench();
    await runFromPalette(page, 'AWS DB: Start Quiz');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: "Today's review" }).waitFor();
    await input(page).press('Enter');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: '10 questions' }).waitFor();
    await input(page).press('Enter');
    await quitSession(page, 1);
    await title(page).filter({ hasText: /^Today's review · Question 1 of 10$/ }).waitFor({ state: 'hidden' });
  });

  it('starts a DynamoDB quiz, reveals an answer, grades it Good and the new count drops', async () => {
    const { page } = workbench();
    await runFromPalette(page, 'AWS DB: Start Quiz');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Amazon DynamoDB' }).first().waitFor();
    await input(page).fill('Amazon DynamoDB');
    await input(page).press('Enter');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: '10 questions' }).waitFor();
    await input(page).press('Enter');
    const position = await skipUntil(page, 'question');
    const before = await statusCounts(page);

    // A free-recall question: the card shows it, the answer is hidden until Enter.
    const question = await card(page, '#card-title');
    assert.match((await question.locator('.breadcrumb').textContent()) ?? '', /Amazon DynamoDB/);
    assert.equal(await question.locator('.answer').count(), 0, 'the model answer is hidden');
    await input(page).fill('A managed NoSQL key-value store, no joins');
    await screenshot(page, 'quiz-question');
    await input(page).press('Enter');

    const answer = await card(page, '.answer');
    assert.ok((await answer.locator('.key-points li').count()) >= 3, 'key points are listed');
    assert.match((await answer.locator('.your-notes').textContent()) ?? '', /managed NoSQL/);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Good' }).first().waitFor();
    await screenshot(page, 'quiz-answer-revealed');
    await input(page).pressSequentially('3');
    await waitForStatus(page, before.due, before.fresh - 1);
    await quitSession(page, position + 1);
  });

  it('opens the statistics from the palette, with the status bar\'s meaning of due', async () => {
    const { page } = workbench();
    const counts = await statusCounts(page);
    await runFromPalette(page, 'AWS DB: Show Quiz Statistics');
    const stats = await card(page, '.stats-summary');
    const cell = async (row: string): Promise<string> => (await stats.locator('.stats-summary tr', { hasText: row }).locator('td').textContent()) ?? '';
    assert.equal(await cell('Due now'), String(counts.due));
    assert.equal(await cell('New questions left today'), String(counts.fresh));
    assert.ok((await stats.locator('.stats-services tr', { hasText: 'Amazon DynamoDB' }).count()) === 1);
    await title(page).filter({ hasText: new RegExp(`${counts.due} due · ${counts.fresh} new`) }).waitFor();
    await screenshot(page, 'quiz-statistics');
    await page.keyboard.press('Escape');
  });
});
