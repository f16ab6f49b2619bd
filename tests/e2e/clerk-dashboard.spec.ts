// Dashboard charts are saved as images for a report.
import { expect, test } from '@playwright/test';
import { openUnlocked } from './support/app';

test('a dashboard chart saves as a PNG', async ({ page }, testInfo) => {
  await openUnlocked(page, '#/');
  const button = page.getByRole('button', { name: '把学历构成保存为图片' });
  await expect(button).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('dashboard.png') });
  const downloaded = page.waitForEvent('download');
  await button.click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('学历构成.png');
});
