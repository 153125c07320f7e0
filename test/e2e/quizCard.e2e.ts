import * as assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { runFromPalette, screenshot, useWorkbench, webviewFrame } from '../harness/workbench';
import { card, quickInput, quickTitle, startServiceQuiz, statusCounts, waitForStatus } from './quizSupport';

/** The position the picker's title shows: "… · Question 3 of 12" gives 3. */
async function position(page: Page): Promise<number> {
  const title = page.locator('.quick-input-widget .quick-input-title', { hasText: /Question \d+ of \d+/ });
  await title.waitFor();
  return Number(/Question (\d+) of/.exec((await title.textContent()) ?? '')?.[1]);
}

async function waitForPosition(page: Page, expected: number): Promise<void> {
  await quickTitle(page).filter({ hasText: new RegExp(`Question ${expected} of \\d+`) }).waitFor();
}

type CardKind = 'choice' | 'question';

/** The card of the item at `at` (its breadcrumb says so), and what it asks: options to pick, or a Reveal button. */
async function cardAt(page: Page, at: number): Promise<{ frame: Frame; kind: CardKind }> {
  const frame = await card(page, `.breadcrumb:has-text("Question ${at} of")`);
  return { frame, kind: (await frame.locator('.options .key-button').count()) > 0 ? 'choice' : 'question' };
}

/** Answers items with the keyboard until the card shows one that `wanted` accepts. */
async function advanceTo(page: Page, wanted: (kind: CardKind, frame: Frame) => Promise<boolean>, limit = 30): Promise<Frame> {
  for (let step = 0; step < limit; step++) {
    const at = await position(page);
    const { frame, kind } = await cardAt(page, at);
    if (await wanted(kind, frame)) {
      return frame;
    }
    if (kind === 'choice') {
      await quickInput(page).pressSequentially('1');
      await card(page, '.verdict');
      await quickInput(page).press('Enter');
    } else {
      await quickInput(page).press('Enter');
      await card(page, '.answer');
      await quickInput(page).pressSequentially('3');
    }
    await waitForPosition(page, at + 1);
  }
  throw new Error('the quiz never showed the wanted item');
}

async function endQuiz(page: Page): Promise<Frame> {
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  return card(page, 'table.session-summary');
}

describe('the quiz card in code-server', function () {
  const workbench = useWorkbench({ 'workbench.colorTheme': 'Default Dark Modern' });

  it('answers a multiple-choice item by clicking an option, and the next one by its number', async () => {
    const { page } = workbench();
    await startServiceQuiz(page, 'Amazon DynamoDB');
    const frame = await advanceTo(page, async (kind) => kind === 'choice');
    const question = ((await frame.locator('#card-title').textContent()) ?? '').trim();
    // The whole question is readable in the picker, not only in its cut-off placeholder.
    const prompt = page.locator('.quick-input-widget .quick-input-message', { hasText: question });
    await prompt.waitFor();
    assert.ok(await prompt.isVisible());
    await screenshot(page, 'quiz-choice-1400x900');
    await page.setViewportSize({ width: 1024, height: 768 });
    const box = await prompt.boundingBox();
    assert.ok(box && box.y + box.height <= 768 && box.x >= 0 && box.x + box.width <= 1024, 'the question fits the window at 1024x768');
    await screenshot(page, 'quiz-choice-1024x768');
    await page.setViewportSize({ width: 1400, height: 900 });

    const before = await statusCounts(page);
    const at = await position(page);
    await frame.locator('.options .key-button[data-key="2"]').click();
    const result = await card(page, '.verdict');
    assert.match((await result.locator('.verdict').textContent()) ?? '', /^(Correct|Not quite)\.$/);
    assert.equal(await result.locator('.options .key-button').count(), 0, 'answered options are not buttons');
    assert.match((await result.locator('.options li').nth(1).getAttribute('class')) ?? '', /correct|wrong/, 'the clicked option is marked');
    await quickTitle(page).filter({ hasText: /^(Correct|Not quite)/ }).waitFor();
    await waitForStatus(page, before.due, before.fresh - 1);
    await screenshot(page, 'quiz-choice-answered-by-click');
    // The click moved focus into the card; the keyboard still drives the quiz.
    await page.keyboard.press('Enter');
    await waitForPosition(page, at + 1);

    await advanceTo(page, async (kind) => kind === 'choice');
    await page.keyboard.press('3');
    await card(page, '.verdict');
    const summary = await endQuiz(page);
    assert.match((await summary.locator('#card-title').textContent()) ?? '', /Quiz ended early/);
    assert.match((await summary.locator('tr', { hasText: 'Answered' }).locator('td').textContent()) ?? '', /^\d+$/);
    await screenshot(page, 'quiz-session-summary');
  });

  it('reveals a typed answer with the key points it covers ticked, opens a note beside the card, then grades by number', async () => {
    const { page } = workbench();
    await runFromPalette(page, 'AWS DB: Open Note…');
    await quickInput(page).fill('Multi-AZ deployments and failover');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Multi-AZ deployments' }).waitFor();
    await quickInput(page).press('Enter');
    const note = await webviewFrame(page, 'button#quiz:not([hidden])');
    await note.locator('button#quiz').click();
    // The note's quiz has a dozen questions: a session of 20 reaches every one of them.
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: '20 questions' }).waitFor();
    await quickInput(page).fill('20 questions');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: '20 questions' }).waitFor();
    await quickInput(page).press('Enter');
    await advanceTo(page, async (kind, frame) => kind === 'question' && /Multi-AZ deployment and Read Replicas/.test((await frame.locator('#card-title').textContent()) ?? ''));
    await page.locator('.tab.active', { hasText: 'Quiz: ' }).first().waitFor();

    await quickInput(page).fill('Read replicas are asynchronous, and one can run in another Region.');
    await quickInput(page).press('Enter');
    const revealed = await card(page, '.key-points li.covered');
    const covered = await revealed.locator('.key-points li.covered').allTextContents();
    assert.equal(covered.length, 2, covered.join(' | '));
    assert.ok(covered.some((point) => /asynchronous/.test(point)) && covered.some((point) => /another Region/.test(point)), covered.join(' | '));
    assert.match((await revealed.locator('.coverage').textContent()) ?? '', /mentions 2 of 5 key points\. Suggested grade: Hard/);
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'suggested by your answer' }).filter({ hasText: 'Hard' }).waitFor();
    await screenshot(page, 'quiz-typed-answer-ticked');

    const at = await position(page);
    const link = revealed.locator('nav.related a[data-note]').last();
    const noteTitle = ((await link.textContent()) ?? '').trim();
    await link.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await link.click();
    // The note opens in another group; the card stays visible in its own.
    await page.locator('.tab.active', { hasText: noteTitle, hasNotText: 'Quiz: ' }).waitFor();
    assert.equal(await page.locator('.tab.active', { hasText: 'Quiz: ' }).count(), 1, 'the quiz card is still the active tab of its group');
    const groups = await page.evaluate((title) => {
      const tabs = [...document.querySelectorAll('.tab.active')];
      const quizTab = tabs.find((tab) => tab.textContent?.includes('Quiz: '));
      const noteTab = tabs.find((tab) => tab !== quizTab && tab.textContent?.includes(title));
      const noteGroup = noteTab?.closest('.editor-group-container');
      const quizGroup = quizTab?.closest('.editor-group-container');
      return { separate: !!noteGroup && !!quizGroup && noteGroup !== quizGroup };
    }, noteTitle);
    assert.ok(groups.separate, 'the note opened beside the card, not over it');
    await page.locator('.quick-input-widget input:focus').waitFor();
    await screenshot(page, 'quiz-note-beside-card');
    await page.keyboard.press('3');
    await waitForPosition(page, at + 1);
    const summary = await endQuiz(page);
    assert.ok((await summary.locator('nav.related a[data-note], p').count()) > 0);
  });

  it('runs a mock interview in a multi-line box, says what Escape drops, and grades what was answered', async () => {
    const { page } = workbench();
    await runFromPalette(page, 'AWS DB: Mock Interview');
    const first = await card(page, 'textarea#mock-answer');
    assert.match((await first.locator('.breadcrumb').textContent()) ?? '', /Question 1 of 5/);
    assert.match((await first.locator('.hint').last().textContent()) ?? '', /Ctrl\+Enter moves to the next question; Escape ends the interview/);
    await first.locator('textarea#mock-answer:focus').waitFor();
    await page.keyboard.type('Multi-AZ: synchronous standby in another AZ.');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Read replicas: asynchronous.');
    assert.match(await first.locator('textarea#mock-answer').inputValue(), /AZ\.\nRead replicas/, 'the box takes several lines');
    await screenshot(page, 'quiz-mock-answer-box');
    await page.keyboard.press('Control+Enter');
    const second = await card(page, '.breadcrumb:has-text("Question 2 of 5")');
    await second.locator('textarea#mock-answer:focus').waitFor();
    await page.keyboard.type('A second answer');
    await page.keyboard.press('Escape');
    await page.locator('.notifications-toasts', { hasText: 'Interview ended: 2 answered, 3 dropped and not graded.' }).waitFor();

    for (const [index, grade] of [[1, '1'], [2, '3']] as const) {
      await quickTitle(page).filter({ hasText: `Grading ${index} of 2` }).waitFor();
      await card(page, '.answer');
      await quickInput(page).pressSequentially(grade);
    }
    const summary = await card(page, '#card-title:has-text("Mock interview summary")');
    assert.match((await summary.locator('.dropped').textContent()) ?? '', /You ended the interview: 3 questions were dropped and not graded\./);
    assert.ok((await summary.locator('a.note-link').count()) > 0, 'the Again answer links its notes');
    await quickTitle(page).filter({ hasText: 'weak topics' }).waitFor();
    await screenshot(page, 'quiz-mock-interview-summary');
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  });

  it('follows the light theme too', async () => {
    const { page } = workbench();
    await startServiceQuiz(page, 'Amazon ElastiCache');
    const dark = await card(page, '.key-button');
    const darkBackground = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await screenshot(page, 'quiz-card-dark');
    await endQuiz(page);
    await runFromPalette(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.waitForFunction(() => document.querySelector('.monaco-workbench')?.classList.contains('vs'));
    await startServiceQuiz(page, 'Amazon ElastiCache');
    const light = await card(page, '.key-button');
    await light.waitForFunction((before) => getComputedStyle(document.body).backgroundColor !== before, darkBackground);
    const channels = (await light.evaluate(() => getComputedStyle(document.body).backgroundColor)).match(/\d+/g)!.slice(0, 3).map(Number);
    assert.ok(channels.every((channel) => channel > 180), `light background expected, got ${channels.join(',')}`);
    await screenshot(page, 'quiz-card-light');
    await endQuiz(page);
    await screenshot(page, 'quiz-session-summary-light');
  });
});
