// 走千家 end to end on the run's demo street: find a household on the 民情 page by its head's name,
// open its card and record a visit there; the visit is on the card's history at once, and the
// branch's activities list has it as a 走访.
import { expect, test } from '@playwright/test';
import { api, openUnlocked } from './support/app';

test('record a visit from a household card', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openUnlocked(page, '#/households');
  await expect(page.getByRole('heading', { name: '民情' })).toBeVisible();
  const first = page.getByRole('row').nth(1);
  await expect(first).toBeVisible();
  const head = ((await first.getByRole('cell').first().textContent()) ?? '').trim();
  expect(head).not.toBe('');
  await page.getByLabel('查找民情卡').fill(head);
  await page.getByRole('row').filter({ hasText: head }).first().getByRole('link', { name: head }).click();

  const drawer = page.getByRole('dialog', { name: `民情卡：${head}` });
  await expect(drawer).toBeVisible();
  const before = await drawer.getByTestId('visit-entry').count();
  await drawer.getByRole('button', { name: '记录走访' }).click();
  const dialog = page.getByRole('dialog', { name: `记录走访：${head}户` });
  await dialog.getByLabel('民情类别').click();
  await page.locator('.ant-select-item-option', { hasText: '医疗健康' }).click();
  const concern = `腿脚不便，希望代买降压药（端到端 ${Date.now() % 100000}）`;
  await dialog.getByLabel('民情内容').fill(concern);
  await dialog.getByLabel('转办给').fill('社区卫生服务站');
  await page.screenshot({ path: testInfo.outputPath('visit-dialog.png') });
  await dialog.getByRole('button', { name: '保存走访' }).click();
  await expect(page.getByText(`已记录走访${head}户`)).toBeVisible();

  await expect(drawer.getByTestId('visit-entry')).toHaveCount(before + 1);
  const entry = drawer.getByTestId('visit-entry').first();
  await expect(entry).toContainText(concern);
  await expect(entry).toContainText('转办：社区卫生服务站');
  await expect(entry).toContainText('未办结');
  await page.screenshot({ path: testInfo.outputPath('household-card.png') });

  // Entered once: the branch's activities have it as a 走访.
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const acts = await api<{ type: string; topic: string }[]>(page, 'activities.list', { from: today, to: today });
  expect(acts.some((a) => a.type === 'visit' && a.topic.includes(head))).toBe(true);
});
