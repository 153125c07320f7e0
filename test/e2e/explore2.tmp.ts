import { openWorkbench, runFromPalette, webviewFrame } from '../harness/workbench';
async function main(): Promise<void> {
  const wb = await openWorkbench({ 'awsDbStudy.quiz.shuffleOptions': false });
  const { page } = wb;
  const shot = (n: string) => page.screenshot({ path: `/tmp/quizcard/shots/d-${n}.png` });
  const active = () => page.evaluate(() => { const a = document.activeElement; return a ? `${a.tagName}.${a.className} inQuick=${!!a.closest('.quick-input-widget')} inEditor=${!!a.closest('.editor-group-container')}` : 'none'; });
  try {
    await page.locator('.activitybar a.action-label[aria-label^="AWS Databases"]').waitFor({ timeout: 30000 });
    await runFromPalette(page, 'AWS DB: Start Quiz');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Amazon RDS' }).first().waitFor();
    await input.fill('Amazon RDS');
    await input.press('Enter');
    await webviewFrame(page, '#quiz-card #card-title');
    await input.fill('asynchronous');
    await input.press('Enter');
    const f = await webviewFrame(page, '#quiz-card .related a[data-note]');
    console.log('before click', await active());
    const link = f.locator('.related a[data-note]').first();
    await link.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await link.click();
    for (let i = 0; i < 3; i++) { await page.waitForTimeout(500); console.log(i, await active(), await input.inputValue()); }
    await page.keyboard.press('3');
    await page.waitForTimeout(1000);
    console.log('after 3', await active(), await page.locator('.quick-input-widget .quick-input-title').textContent());
    await shot('after3');
    await input.fill('asynchronous and another Region');
    await input.press('Enter');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open note beside' }).first().click();
    for (let i = 0; i < 3; i++) { await page.waitForTimeout(500); console.log('item', i, await active()); }
    await page.keyboard.press('2');
    await page.waitForTimeout(1000);
    console.log('after 2', await active(), await page.locator('.quick-input-widget .quick-input-title').textContent());
    const g = await webviewFrame(page, '#quiz-card #card-title');
    await shot('third');
    await g.locator('#card-title').click();
    await page.keyboard.type('some text');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
    await shot('fourth');
    console.log('after typing in card', await page.locator('.quick-input-widget .quick-input-title').textContent());
    // Now a card click on grade button path
  } catch (e) {
    await shot('error');
    console.error(e);
  } finally {
    await wb.close();
  }
}
void main();
