/** What the e2e tests of the editor share: opening a file at a position, and the hover there. */
import type { Page } from 'playwright-core';

/** Opens a workspace file with Quick Open and puts the cursor at line:column with Go to Line. */
export async function openAt(page: Page, file: string, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(file);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: file }).first().waitFor();
  await input.press('Enter');
  await goToLine(page, file, line, column);
}

/** Puts the cursor at line:column of the active editor, which shows `file`, with Go to Line. */
export async function goToLine(page: Page, file: string, line: number, column: number): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await page.locator(`.tab.active[aria-label^="${file}"]`).waitFor({ timeout: 20_000 });
  await page.keyboard.press('Control+G');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: `line ${line}` }).first().waitFor();
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.statusbar', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
}

/**
 * Shows the hover at the cursor (Ctrl+K Ctrl+I) until one containing `text` appears, and returns its
 * text. It asks again, up to `attempts` times, while none does: the hover needs the extension
 * activated by the file.
 */
export async function showHover(page: Page, text: string, attempts = 10): Promise<string> {
  const hover = page.locator('.monaco-hover-content', { hasText: text });
  for (let attempt = 0; attempt < attempts && !(await hover.isVisible()); attempt++) {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await hover.first().waitFor({ timeout: 1000 }).catch(() => undefined);
  }
  await hover.first().waitFor({ timeout: 10_000 });
  return (await hover.first().textContent()) ?? '';
}
