import { openWorkbench, runFromPalette, webviewFrame } from '../harness/workbench';
async function main(): Promise<void> {
  const wb = await openWorkbench({ 'workbench.colorTheme': process.env.THEME ?? 'Default Light Modern', 'awsDbStudy.quiz.shuffleOptions': false });
  const { page } = wb;
  const shot = (n: string) => page.screenshot({ path: `/tmp/quizcard/shots/${n}.png` });
  try {
    await page.locator('.activitybar a.action-label[aria-label^="AWS Databases"]').waitFor({ timeout: 30000 });
    await runFromPalette(page, 'AWS DB: Start Quiz');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Amazon RDS' }).first().waitFor();
    await input.fill('Amazon RDS');
    await input.press('Enter');
    await webviewFrame(page, '#quiz-card #card-title');
    await shot('1-first');
    for (let i = 0; i < 6; i++) {
      const frame = await webviewFrame(page, '#quiz-card #card-title');
      const isChoice = (await frame.locator('.options').count()) > 0;
      if (isChoice) {
        await shot(`2-mcq-${i}`);
        await page.setViewportSize({ width: 1024, height: 768 });
        await shot(`2-mcq-${i}-1024`);
        await page.setViewportSize({ width: 1400, height: 900 });
        await frame.locator('.options button[data-key="2"]').click();
        await webviewFrame(page, '#quiz-card .verdict');
        await shot(`3-mcq-answered-${i}`);
        await page.keyboard.press('Enter');
      } else {
        await input.fill('Read replicas are asynchronous and can be in another Region; Multi-AZ is a synchronous standby in another AZ');
        await shot(`4-q-${i}`);
        await input.press('Enter');
        await webviewFrame(page, '#quiz-card .answer');
        await shot(`5-q-revealed-${i}`);
        const f = await webviewFrame(page, '#quiz-card .related a[data-note]');
        await f.locator('.related a[data-note]').first().click();
        await page.waitForTimeout(2500);
        await shot(`6-note-beside-${i}`);
        await page.keyboard.press('3');
      }
      await page.waitForTimeout(1500);
    }
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1500);
    await shot('7-summary');
    await runFromPalette(page, 'AWS DB: Mock Interview');
    await webviewFrame(page, '#mock-answer');
    await page.waitForTimeout(1000);
    await page.keyboard.type('First line of my answer\nsecond line asynchronous');
    await shot('8-mock');
    await page.keyboard.press('Control+Enter');
    await page.waitForTimeout(1500);
    await page.keyboard.type('Another answer');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1500);
    await shot('9-mock-grade');
    await page.keyboard.press('1');
    await page.waitForTimeout(1000);
    await page.keyboard.press('3');
    await page.waitForTimeout(1500);
    await shot('10-mock-summary');
  } catch (e) {
    await shot('error');
    console.error(e);
  } finally {
    await wb.close();
  }
}
void main();
