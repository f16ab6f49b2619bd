// Figures that do not mislead: 考核汇总 ranks no branch that still has unscored items, a score
// above an item's maximum is refused with a message, and the unlock shows that it is working.
import { expect, test } from '@playwright/test';
import { api, openLocked, openUnlocked, demoPassword } from './support/app';

const THIS_YEAR = new Date().getFullYear();

test('考核汇总 marks branches with unscored items 未评完 and gives them no rank', async ({ page }) => {
  await openUnlocked(page, `#/assessment?tab=summary&year=${THIS_YEAR}`);
  const summary = await api<{ branches: { org: string; complete: boolean }[] }>(page, 'assessment.summary', { year: THIS_YEAR });
  const open = summary.branches.filter((b) => !b.complete);
  expect(open.length).toBeGreaterThan(0);
  const rows = page.locator('.sum-table tbody tr.ant-table-row');
  await expect(rows).toHaveCount(summary.branches.length);
  for (const b of open.slice(0, 5)) {
    const row = rows.filter({ has: page.getByText(b.org, { exact: true }) });
    await expect(row.locator('td').first()).toHaveText('未评完');
  }
  await expect(page.getByText(`${open.length} 个党组织未评完，评完后才排名次`)).toBeVisible();
});

test('a score above the maximum is refused with a message, not clamped', async ({ page }) => {
  await openUnlocked(page, '#/');
  const summary = await api<{ branches: { contractId: number; status: string }[] }>(page, 'assessment.summary', { year: THIS_YEAR });
  const target = summary.branches.find((b) => b.status !== 'confirmed')!;
  await page.goto(page.url().replace(/#.*$/, `#/assessment/score/${target.contractId}`));
  const self = page.getByLabel(/自评分$/).first();
  await expect(self).toBeVisible({ timeout: 20_000 });
  await self.fill('999');
  await self.blur();
  await expect(page.locator('.ant-message').getByText(/满分 .* 分，不能评 999 分/)).toBeVisible();
  await expect(self).toHaveValue(/^999(\.0)?$/);
  await expect(page.getByRole('button', { name: /保\s*存/ })).toBeDisabled();
});

test('the unlock shows its progress while it works', async ({ page }) => {
  await openLocked(page);
  // Hold the unlock answer back a moment, as on a slow first unlock.
  await page.route('**/api/session.unlock', async (route) => {
    await new Promise((r) => setTimeout(r, 2500));
    await route.continue();
  });
  await page.getByLabel('密码', { exact: true }).fill(demoPassword());
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page.getByRole('progressbar', { name: '解锁进度' })).toBeVisible();
  await expect(page.getByText('正在校验密码…').or(page.getByText(/正在打开加密台帐/))).toBeVisible();
  await expect(page.getByRole('button', { name: '锁定' })).toBeVisible({ timeout: 60_000 });
});
