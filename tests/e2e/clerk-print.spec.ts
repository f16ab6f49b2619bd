// 台帐打印: a second export in the same visit finishes like the first (it used to stop at 10 %
// with both buttons disabled, because clearing the first file's link cancelled the new job's polling).
import { expect, test } from '@playwright/test';
import { openUnlocked } from './support/app';

test('two exports in a row on 台帐打印 both finish', async ({ page }) => {
  test.setTimeout(180_000);
  await openUnlocked(page, '#/print');
  await expect(page.locator('.pv-sheet').first()).toBeVisible({ timeout: 30_000 });
  for (const round of [1, 2]) {
    const downloaded = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename(), `export ${round}`).toMatch(/\.xlsx$/);
    await expect(page.getByTestId('print-result')).toBeVisible();
    await expect(page.getByRole('button', { name: '导出 PDF' })).toBeEnabled();
  }
});
