/**
 * A person's view for e2e tests: our packaged .vsix installed into code-server, the sample workspace
 * open in Debian's Chromium, and helpers to drive the workbench as a user would.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { codeServerEnv, RunningCodeServer, startCodeServer } from './codeServer';
import { ensureToolchain } from './toolchain';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const VSIX_PATH = path.join(REPO_ROOT, 'aws-db-study.vsix');
/** The AWS Databases icon of the activity bar. */
export const VIEW_ICON = '.activitybar a.action-label[aria-label^="AWS Databases"]';
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

/** Packages the extension unless `npm test` has just done so. */
function ensureVsix(): string {
  const newestSource = Math.max(
    ...['src', 'content', 'media'].flatMap((dir) => listFiles(path.join(REPO_ROOT, dir))).map((file) => fs.statSync(file).mtimeMs),
    fs.statSync(path.join(REPO_ROOT, 'package.json')).mtimeMs,
  );
  if (!fs.existsSync(VSIX_PATH) || fs.statSync(VSIX_PATH).mtimeMs < newestSource) {
    execFileSync('npm', ['run', 'package'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  return VSIX_PATH;
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

export interface Workbench {
  page: Page;
  server: RunningCodeServer;
  close(): Promise<void>;
}

/** Opens `workspace` (the sample workspace by default) with these user settings. */
export async function openWorkbench(settings: Record<string, unknown> = {}, workspace = path.join(REPO_ROOT, 'examples')): Promise<Workbench> {
  const toolchain = ensureToolchain();
  const vsix = ensureVsix();
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-study-ext-'));
  execFileSync(toolchain.codeServerBin, ['--extensions-dir', extensionsDir, '--install-extension', vsix], {
    env: codeServerEnv(toolchain),
    stdio: 'pipe',
  });
  const server = await startCodeServer({ workspace, extensionsDir, settings });
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await server.stop();
    fs.rmSync(extensionsDir, { recursive: true, force: true });
  };
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.workspaceUrl);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return { page, server, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * For a mocha suite: opens one workbench before its tests, saves a screenshot of every failed test,
 * and closes the workbench after them. Call it in the `describe` body; the getter works in tests.
 */
export function useWorkbench(settings: Record<string, unknown> = {}): () => Workbench {
  let workbench: Workbench | undefined;
  before(async function () {
    this.timeout(600_000); // The first run installs Node 24 and code-server into the cache.
    workbench = await openWorkbench(settings);
    // The palette lists our commands once the extension's contributions are loaded, as its view icon is.
    await workbench.page.locator(VIEW_ICON).waitFor({ timeout: 30_000 });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      const file = await screenshot(workbench.page, `failed-${this.currentTest.fullTitle()}`);
      process.stderr.write(`screenshot of the failure: ${file}\n`);
    }
  });
  after(async () => {
    await workbench?.close();
  });
  return () => {
    if (!workbench) {
      throw new Error('the workbench did not open');
    }
    return workbench;
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Runs a command from the command palette (F1), picking it by its visible label. */
/**
 * Runs a palette command whose own quick input then takes `text`. A webview taking focus back can close
 * that input as it opens: the command runs again until its input takes the text.
 */
async function runWithInput(page: Page, label: string, inputSelector: string, text: string): Promise<Locator> {
  const input = page.locator(`.quick-input-widget:not(.quick-input-widget-closing) ${inputSelector}`);
  for (let attempt = 1; ; attempt++) {
    await runFromPalette(page, label);
    try {
      await input.fill(text, { timeout: 5_000 });
      return input;
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
    }
  }
}

export async function runFromPalette(page: Page, label: string): Promise<void> {
  // A quick input that is still closing (after an Escape, or while a webview takes focus back) is
  // inert and can swallow the palette: open it again until it takes the text. Running Extensions, a modal
  // editor, keeps F1 from the palette when a failed attempt of a test left it open: Escape closes it.
  // An editor that takes the focus as it finishes opening (the Welcome page) closes the palette under the
  // click: then it is opened again too.
  const input = page.locator('.quick-input-widget:not(.quick-input-widget-closing) input');
  // Click the entry whose label is exactly this one: "View: Close Editor" must not run "View: Close Editor Group".
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ has: page.getByText(label, { exact: true }) }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.fill(`>${label}`, { timeout: 5_000 });
      await row.click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 4) {
        throw error;
      }
      if (await page.locator('.runtime-extensions-editor').isVisible()) {
        await page.keyboard.press('Escape');
      }
    }
  }
}

/**
 * Shows the AWS Databases side bar with a click on its icon, as a person does, unless it is already
 * shown: a click on the icon of the view container on screen hides the side bar instead.
 */
export async function showAwsDatabases(page: Page): Promise<void> {
  const title = page.locator('.part.sidebar .title-label', { hasText: 'AWS Databases' });
  if (!(await title.isVisible())) {
    await page.locator(VIEW_ICON).click();
  }
  await title.waitFor();
}

/**
 * Clicks the side bar's tree row labelled `label` once it has stopped moving: a tree can scroll to
 * reveal the children of a row just expanded after they show, and a click during that scroll lands on
 * a neighbour.
 */
export async function clickTreeRow(page: Page, label: string, timeoutMs = 30_000): Promise<void> {
  const row = page.locator('.part.sidebar .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: timeoutMs });
  // Still for three animation frames in a row (each read after a frame the page has drawn).
  const deadline = Date.now() + timeoutMs;
  let lastTop: number | undefined;
  for (let stillFrames = 0; stillFrames < 3 && Date.now() < deadline; ) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    const top = (await row.boundingBox())?.y;
    stillFrames = top !== undefined && top === lastTop ? stillFrames + 1 : 0;
    lastTop = top;
  }
  // A click that lands while the tree renders its rows anew (its counts arrive after the first paint) can be
  // lost with the row it hit: click again until the row is selected, within the same deadline.
  const selected = page.locator('.part.sidebar .monaco-list-row.selected', { hasText: label }).first();
  for (;;) {
    await row.click();
    const left = deadline - Date.now();
    const done = await selected.waitFor({ timeout: Math.max(1, Math.min(5_000, left)) }).then(
      () => true,
      () => false,
    );
    if (done) {
      return;
    }
    if (Date.now() >= deadline) {
      throw new Error(`the tree row ${label} was not selected after clicks for ${timeoutMs} ms`);
    }
  }
}

/** Expands the tree row labelled `label` unless it is open already (a click would close it). */
export async function expandTreeRow(page: Page, label: string, timeoutMs = 30_000): Promise<void> {
  const row = page.locator('.part.sidebar .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: timeoutMs });
  if ((await row.getAttribute('aria-expanded')) !== 'true') {
    await clickTreeRow(page, label, timeoutMs);
  }
  await page.locator(`.part.sidebar .monaco-list-row[aria-expanded="true"]`, { hasText: label }).first().waitFor();
}

/** Opens a note from the palette (AWS DB: Open Note…) and waits for its panel. */
export async function openNote(page: Page, title: string): Promise<void> {
  const input = await runWithInput(page, 'AWS DB: Open Note…', 'input[placeholder^="Type to search notes"]', title);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).waitFor();
  await input.press('Enter');
  await webviewFrame(page, `h1#note-title:has-text("${title}")`);
}

/** Picks a color theme from Preferences: Color Theme and waits until the workbench wears it. */
export async function setColorTheme(page: Page, theme: string, workbenchClass: 'vs' | 'vs-dark' | 'hc-black'): Promise<void> {
  const input = await runWithInput(page, 'Preferences: Color Theme', 'input', theme);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: theme }).waitFor();
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.waitForFunction((name) => document.querySelector('.monaco-workbench')?.classList.contains(name), workbenchClass);
}

/** The innermost frame of a webview whose document contains `selector`. */
export async function webviewFrame(page: Page, selector: string, timeoutMs = 20_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) {
        continue;
      }
      try {
        if ((await frame.locator(selector).count()) > 0) {
          return frame;
        }
      } catch {
        // Frames come and go while webviews load.
      }
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no webview frame contains ${selector} within ${timeoutMs} ms`);
}
