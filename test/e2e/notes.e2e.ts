import * as assert from 'node:assert/strict';
import { clickTreeRow, expandTreeRow, openNote, screenshot, setColorTheme, showAwsDatabases, useWorkbench, webviewFrame } from '../harness/workbench';

describe('browsing topics and reading notes, as a person does', function () {
  const workbench = useWorkbench({ 'workbench.colorTheme': 'Default Light Modern' });

  it('opens a DynamoDB topic from the tree and renders its heading and table', async () => {
    const { page } = workbench();
    await showAwsDatabases(page);
    await expandTreeRow(page, 'Amazon DynamoDB');
    await expandTreeRow(page, 'Reading and writing data');
    await clickTreeRow(page, 'Query versus Scan');
    const frame = await webviewFrame(page, 'h1#note-title');
    assert.equal(await frame.locator('h1#note-title').textContent(), 'Query versus Scan, filters and pagination');
    assert.ok((await frame.locator('.note-body table').count()) > 0, 'the note has a rendered table');
    assert.equal(await frame.locator('.note-body table th', { hasText: 'Query' }).count(), 1, 'the table has its headers');
    await screenshot(page, 'note-light');
  });

  it('follows a link to another note inside the panel, and comes back', async () => {
    const { page } = workbench();
    await openNote(page, 'Query versus Scan');
    let frame = await webviewFrame(page, 'a[data-note="dynamodb-secondary-indexes"]');
    await frame.locator('a[data-note="dynamodb-secondary-indexes"]').first().click();
    await frame.locator('h1#note-title', { hasText: 'Secondary indexes' }).waitFor();
    await page.locator('.tab.active', { hasText: 'Secondary indexes' }).waitFor();
    frame = await webviewFrame(page, 'button#back:not([disabled])');
    await frame.locator('button#back').click();
    await frame.locator('h1#note-title', { hasText: 'Query versus Scan' }).waitFor();

    // Opening the note on screen again keeps the reader's place and the page they are reading.
    await frame.evaluate(() => window.scrollTo(0, 400));
    await frame.waitForFunction(() => window.scrollY >= 400);
    await frame.evaluate(() => document.getElementById('note-title')!.setAttribute('data-seen', 'yes'));
    await openNote(page, 'Query versus Scan');
    await page.locator('.tab.active', { hasText: 'Query versus Scan' }).waitFor();
    assert.equal(await frame.locator('h1#note-title[data-seen="yes"]').count(), 1, 'the page was not rendered again');
    assert.ok((await frame.evaluate(() => window.scrollY)) >= 400, 'the reader keeps their place');
  });

  it('highlights code and shows seed corrections and sources', async () => {
    const { page } = workbench();
    await openNote(page, 'Query versus Scan');
    const frame = await webviewFrame(page, 'h1#note-title:has-text("Query")');
    // The build highlighted its code blocks: strings in the theme's colour, not the text's.
    const code = frame.locator('pre code.hljs').first();
    await code.waitFor({ timeout: 15_000 });
    // The theme's colours reach the webview as CSS variables, which can arrive just after the note's first paint:
    // wait until a string's colour differs from its code block's, or fail.
    const coloured = await frame
      .waitForFunction(
        () => {
          const span = document.querySelector('pre code.hljs span.hljs-string');
          return span !== null && getComputedStyle(span).color !== getComputedStyle(span.parentElement!).color;
        },
        undefined,
        { timeout: 15_000 },
      )
      .then(
        () => true,
        () => false,
      );
    assert.ok(coloured, 'a string in a code block has a colour of its own');
    await code.scrollIntoViewIfNeeded();
    await screenshot(page, 'note-code-block');
    assert.ok((await frame.locator('.sources li a[data-external^="https://docs.aws.amazon.com/"]').count()) > 0);
    assert.ok((await frame.locator('button#quiz:not([hidden])').count()) === 1, 'the note offers a quiz on its topic');

    // A note with a seed correction shows it as a labelled callout, on screen.
    await expandTreeRow(page, 'Fundamentals');
    await clickTreeRow(page, 'Read consistency');
    const seedFrame = await webviewFrame(page, 'h1#note-title:text-is("Read consistency")');
    const callout = seedFrame.locator('blockquote.callout-seed').first();
    await callout.scrollIntoViewIfNeeded();
    assert.ok(await callout.isVisible(), 'the seed correction is visible');
    assert.equal(await callout.locator('.callout-title').textContent(), 'Seed correction');
    assert.ok(((await callout.textContent()) ?? '').length > 60, 'the callout says what was corrected');
    await screenshot(page, 'note-seed-correction');
  });

  it('follows the dark theme', async () => {
    const { page } = workbench();
    await setColorTheme(page, 'Light Modern', 'vs');
    await openNote(page, 'Query versus Scan');
    const frame = await webviewFrame(page, 'body.vscode-light h1#note-title');
    const lightBackground = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await setColorTheme(page, 'Dark Modern', 'vs-dark');
    await frame.waitForFunction((light) => getComputedStyle(document.body).backgroundColor !== light, lightBackground, { timeout: 10_000 });
    const darkBackground = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(darkBackground, lightBackground);
    const channels = darkBackground.match(/\d+/g)!.slice(0, 3).map(Number);
    assert.ok(channels.every((channel) => channel < 80), `dark background expected, got ${darkBackground}`);
    await screenshot(page, 'note-dark');
  });

  it('follows a high contrast theme, with underlined links', async () => {
    const { page } = workbench();
    await openNote(page, 'Query versus Scan');
    await setColorTheme(page, 'Dark High Contrast', 'hc-black');
    const frame = await webviewFrame(page, 'body.vscode-high-contrast h1#note-title');
    const decoration = await frame.evaluate(() => getComputedStyle(document.querySelector('.note-body a')!).textDecorationLine);
    assert.equal(decoration, 'underline');
    await screenshot(page, 'note-high-contrast');
  });
});
