import { expect, test } from '@playwright/test';
import { openUnlocked } from './support/app';

// Backs up only: a restore would turn the shared demo street back under the other specs.
test('设置 → 备份与恢复: 立即备份 names the file and adds its row with what it holds', async ({ page }) => {
  await openUnlocked(page, '#/');
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  const panel = page.locator('.backups');
  await expect(panel.getByRole('columnheader', { name: '党员' })).toBeVisible();
  await expect(panel.locator('.ant-table .ant-spin-spinning')).toHaveCount(0);

  await panel.getByRole('button', { name: '立即备份' }).click();
  const done = panel.getByRole('alert').filter({ hasText: '已备份：' });
  await expect(done).toBeVisible();
  const fileName = /已备份：(\S+\.ledgerbak)/.exec((await done.textContent()) ?? '')?.[1];
  expect(fileName).toMatch(/-手动\.ledgerbak$/);

  const row = panel.locator('tbody tr.ant-table-row').filter({ hasText: fileName! });
  await expect(row).toHaveCount(1);
  await expect(row.getByText('手动', { exact: true })).toBeVisible();
  // The demo street's members are counted from the backup itself, not shown as a dash.
  const members = Number((await row.locator('td').nth(3).textContent())!.replace(/,/g, ''));
  expect(members).toBeGreaterThan(0);
});
