import { openWorkbench, runFromPalette, screenshot } from '../test/harness/workbench';

async function main(): Promise<void> {
  const wb = await openWorkbench();
  const { page } = wb;
  const shot = async (name: string) => console.log('shot', await screenshot(page, `tryout-${name}`));
  const input = page.locator('.quick-input-widget input');
  const title = page.locator('.quick-input-widget .quick-input-title');
  try {
    await page.locator('.activitybar a.action-label[aria-label^="AWS Databases"]').waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item', { hasText: /due/ }).first().waitFor({ timeout: 20_000 });
    console.log('status:', await page.locator('.statusbar-item', { hasText: /due/ }).first().textContent());
    await page.locator('.activitybar a.action-label[aria-label^="AWS Databases"]').click();
    await page.locator('.monaco-list-row', { hasText: 'Amazon ElastiCache' }).first().waitFor();
    await page.locator('.monaco-list-row', { hasText: 'Across services' }).first().click();
    await page.waitForTimeout(800);
    await shot('1-tree-fresh');
    console.log('tree rows:', await page.locator('.monaco-list-row').allTextContents());
    await page.locator('.welcome-view-content').getByRole('button', { name: 'Start a Quiz' }).click();
    for (let i = 1; i <= 3; i++) {
      await title.filter({ hasText: new RegExp(`Question ${i} of`) }).waitFor();
      await page.waitForTimeout(700);
      console.log('step', i, await title.textContent());
      await shot(`2-item-${i}`);
      if (await page.locator('.quick-input-widget input[placeholder^="Optional"]').isVisible()) {
        await input.fill('my answer');
        await input.press('Enter');
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Good' }).first().waitFor();
        await input.pressSequentially('3');
      } else {
        await input.pressSequentially('2');
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: /Next question|Finish/ }).first().waitFor();
        await input.press('Enter');
      }
    }
    await title.filter({ hasText: /Question 4 of/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1500);
    await shot('3-after-session');
    console.log('status after:', await page.locator('.statusbar-item', { hasText: /due/ }).first().textContent());
    console.log('tree rows after:', await page.locator('.monaco-list-row').allTextContents());
    await runFromPalette(page, 'AWS DB: Start Quiz');
    await page.waitForTimeout(1000);
    await shot('4-start-quiz-picker');
    await input.press('Enter');
    await page.waitForTimeout(800);
    await shot('5-length-picker');
    await page.keyboard.press('Escape');
    await runFromPalette(page, 'AWS DB: Search Topics and Questions…');
    await input.fill('lsi vs gsi');
    await page.waitForTimeout(800);
    await shot('6-search-vs');
    await input.fill('xyzzyplugh');
    await page.waitForTimeout(800);
    await shot('7-search-none');
    await page.keyboard.press('Escape');
    await runFromPalette(page, 'AWS DB: Show Quiz Statistics');
    await page.waitForTimeout(2000);
    await shot('8-statistics');
    await page.keyboard.press('Escape');
    await runFromPalette(page, 'AWS DB: Start Quiz');
    await input.fill('Read consistency');
    await page.waitForTimeout(800);
    await shot('9-picker-filter');
  } finally {
    await wb.close();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
