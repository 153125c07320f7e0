/** What the quiz e2e tests share: the status bar's counts, the quiz card's frame and the quick input. */
import type { Frame, Page } from 'playwright-core';
import { webviewFrame } from '../harness/workbench';

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
