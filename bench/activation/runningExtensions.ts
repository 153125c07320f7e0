/**
 * Reads activation times the way a person does: Developer: Show Running Extensions, one row per
 * activated extension with "Activation: 23ms" (VS Code's code-loading time plus the activate() call),
 * the host it runs in, and, in the row's hover, the event that activated it.
 */
import type { Locator, Page } from 'playwright-core';
import { runFromPalette } from '../../test/harness/workbench';

export interface ActivationRow {
  /** The figure the row shows, in ms. */
  ms: number;
  /** "Startup Activation" rows were activated while the window started (`*` or workspaceContains). */
  startup: boolean;
  /** What the row says about where the extension runs: "web worker", or the remote's name for the Node host. */
  host: string;
  /** The row's hover: which event activated the extension. */
  reason: string;
}

const ROWS = '.runtime-extensions-editor .monaco-list-row';
const FIGURE = /(Startup Activation|Activation): (\d+)ms/;

function rowOf(page: Page, displayName: string): Locator {
  return page.locator(ROWS).filter({ has: page.locator('.name', { hasText: displayName }) }).first();
}

async function hasFigure(page: Page, displayName: string): Promise<boolean> {
  const row = rowOf(page, displayName);
  // The list redraws its rows as it scrolls: a row can go between finding it and reading it.
  const text = (await row.count()) > 0 ? await row.locator('.activation-time').textContent({ timeout: 2_000 }).catch(() => '') : '';
  return FIGURE.test(text ?? '');
}

/** The name on the list's focused row, if a row has focus. */
async function focusedName(page: Page): Promise<string | undefined> {
  const focused = page.locator(`${ROWS}.focused .name`);
  return (await focused.count()) > 0 ? ((await focused.first().textContent({ timeout: 2_000 }).catch(() => null)) ?? undefined) : undefined;
}

/**
 * Scrolls the list (it draws only the rows in view, slowest first) until the row of `displayName`
 * is drawn with a finished activation. False when the list's end comes first.
 */
async function scrollToRow(page: Page, displayName: string): Promise<boolean> {
  let atTop = false;
  for (let step = 0; step < 50; step++) {
    if (await hasFigure(page, displayName)) {
      await rowOf(page, displayName).scrollIntoViewIfNeeded();
      return true;
    }
    const before = await focusedName(page);
    if (before === undefined || !atTop) {
      // Keyboard navigation scrolls the list: focus it, then start from the top.
      await page.locator('.runtime-extensions-editor .monaco-list').first().focus();
      await page.keyboard.press('Home');
      atTop = true;
      continue;
    }
    await page.keyboard.press('PageDown');
    if ((await focusedName(page)) === before) {
      return hasFigure(page, displayName);
    }
  }
  return false;
}

/**
 * Opens Running Extensions and finds `displayNames` there with a finished activation. The editor
 * lists what had activated when it opened, so it is opened again until they are all there.
 */
export async function openRunningExtensions(page: Page, displayNames: readonly string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await runFromPalette(page, 'Developer: Show Running Extensions');
    await page.locator(ROWS).first().waitFor();
    let found = true;
    for (const name of displayNames) {
      found &&= await scrollToRow(page, name);
    }
    if (found) {
      return;
    }
    if (Date.now() > deadline) {
      const rows = (await page.locator(ROWS).allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
      throw new Error(`Running Extensions did not list ${displayNames.join(' and ')} as activated within ${timeoutMs} ms:\n${rows.join('\n')}`);
    }
    // The editor opens in a modal editor part, which Escape closes (the palette cannot open over it).
    await page.keyboard.press('Escape');
    await page.locator(ROWS).first().waitFor({ state: 'detached' });
  }
}

/** The text of the hover that `target` shows (the mouse must enter it, so it first leaves). */
async function hoverText(page: Page, target: Locator): Promise<string> {
  const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /Activated/ });
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(0, 0);
    await hover.first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    await target.hover();
    try {
      await hover.first().waitFor({ timeout: 5_000 });
      return ((await hover.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
    }
  }
}

/** The row of `displayName` in the open Running Extensions editor. */
export async function readActivation(page: Page, displayName: string): Promise<ActivationRow> {
  if (!(await scrollToRow(page, displayName))) {
    throw new Error(`Running Extensions has no finished activation for ${displayName}`);
  }
  const row = rowOf(page, displayName);
  const time = row.locator('.activation-time');
  const match = FIGURE.exec((await time.textContent()) ?? '');
  if (!match) {
    throw new Error(`no activation figure for ${displayName}`);
  }
  const host = ((await row.locator('.msg').textContent()) ?? '').trim();
  const reason = await hoverText(page, time);
  return { ms: Number(match[2]), startup: match[1] === 'Startup Activation', host, reason };
}
