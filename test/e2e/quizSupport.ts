/** What the quiz e2e tests share: the status bar's counts, the quiz card's frame, the quick input, answering an item. */
import type { Frame, Page } from 'playwright-core';
import { runFromPalette, webviewFrame } from '../harness/workbench';

/** The quiz's status-bar counts ("$(mortar-board) 3 due · 20 new"). */
export async function statusCounts(page: Page): Promise<{ due: number; fresh: number }> {
  const item = page.locator('.statusbar-item', { hasText: /\d+ due · \d+ new/ }).first();
  await item.waitFor({ timeout: 20_000 });
  const match = /(\d+) due · (\d+) new/.exec((await item.textContent()) ?? '');
  return { due: Number(match?.[1]), fresh: Number(match?.[2]) };
}

export async function waitForStatus(page: Page, due: number, fresh: number): Promise<void> {
  await page.locator('.statusbar-item', { hasText: new RegExp(`(^|\\D)${due} due · ${fresh} new`) }).first().waitFor({ timeout: 20_000 });
}

/** The quiz card's frame once it shows `selector` (the frame is replaced whenever the card changes). */
export async function card(page: Page, selector: string): Promise<Frame> {
  return webviewFrame(page, `#quiz-card ${selector}`);
}

export const quickInput = (page: Page) => page.locator('.quick-input-widget input');
export const quickTitle = (page: Page) => page.locator('.quick-input-widget .quick-input-title');

export const answerBox = (page: Page) => page.locator('.quick-input-widget input[placeholder^="Optional: type your answer"]');

/**
 * Answers the item on screen as a learner would with the keyboard: a free-recall question is revealed
 * and graded Good; a multiple-choice item gets its first option, then Next. Returns the item's service.
 */
export async function answerItem(page: Page, position: number): Promise<string> {
  await quickTitle(page).filter({ hasText: new RegExp(`Question ${position} of`) }).waitFor();
  const place = `.breadcrumb:has-text("Question ${position} of")`;
  const breadcrumb = (await (await card(page, place)).locator(place).textContent()) ?? '';
  const service = /Amazon \w+/.exec(breadcrumb)?.[0] ?? breadcrumb;
  if (await answerBox(page).isVisible()) {
    await quickInput(page).fill('my answer');
    await quickInput(page).press('Enter');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Good' }).first().waitFor();
    await quickInput(page).pressSequentially('3');
  } else {
    await page.locator('.quick-input-widget .monaco-list-row').first().waitFor();
    await quickInput(page).pressSequentially('1');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: /Next question|Finish/ }).first().waitFor();
    await quickInput(page).press('Enter');
  }
  return service;
}

/** Starts a quiz on one service from the palette, with the default session length. */
export async function startServiceQuiz(page: Page, service: string): Promise<void> {
  await runFromPalette(page, 'AWS DB: Start Quiz');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: service }).first().waitFor();
  await quickInput(page).fill(service);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: service }).waitFor();
  await quickInput(page).press('Enter');
  // The session length, with the default from the settings.
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: '10 questions' }).waitFor();
  await quickInput(page).press('Enter');
}

/**
 * Presses Escape on the step on screen once it has settled (an Escape while the previous step is
 * closing would be lost, and the next step would open): `nextPosition` is the question that must show.
 */
export async function quitSession(page: Page, nextPosition?: number): Promise<void> {
  if (nextPosition !== undefined) {
    await quickTitle(page).filter({ hasText: new RegExp(`Question ${nextPosition} of`) }).waitFor();
  }
  await page.locator('.quick-input-widget:not(.quick-input-widget-closing)').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}
