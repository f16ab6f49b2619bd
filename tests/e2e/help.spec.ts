// 帮扶 end to end on the run's demo street: record money received and given out at a community's
// 爱心捐助站 and see the cash balance follow; giving out more than it holds is refused in Chinese.
// Keeps screenshots of the station and of the 流动党员联系 tab in the output folder.
import { expect, test, type Locator } from '@playwright/test';
import { openUnlocked } from './support/app';

const yuan = async (balance: Locator) => Number(((await balance.locator('.ant-statistic-content-value').textContent()) ?? '').replace(/[^\d.]/g, ''));

test('a donation in and a distribution out move the station’s cash balance; more than it holds is refused', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openUnlocked(page, '#/help?tab=stations');
  await expect(page.getByRole('heading', { name: '帮扶' })).toBeVisible();
  const card = page.locator('.help-station').filter({ hasText: '望江社区爱心捐助站' });
  const balance = card.getByTestId('money-balance');
  await expect(balance).toBeVisible();
  const before = await yuan(balance);

  await card.getByRole('button', { name: '登记收入' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('捐助人').fill('锦澜超市');
  await dialog.getByLabel('款物内容').fill('现金');
  await dialog.getByLabel('金额').fill('500');
  await dialog.getByRole('button', { name: /^登\s*记$/ }).click();
  await expect(page.getByText('已登记收入')).toBeVisible();
  await expect.poll(() => yuan(balance)).toBeCloseTo(before + 500, 2);

  await card.getByRole('button', { name: '登记发放' }).click();
  await dialog.getByLabel('领取人').fill('孙玉兰');
  await dialog.getByLabel('款物内容').fill('困难补助');
  await dialog.getByLabel('金额').fill('200');
  await dialog.getByRole('button', { name: /^登\s*记$/ }).click();
  await expect(page.getByText('已登记发放')).toBeVisible();
  await expect.poll(() => yuan(balance)).toBeCloseTo(before + 300, 2);
  await expect(card.locator('tbody tr').first()).toContainText('孙玉兰');
  await page.screenshot({ path: testInfo.outputPath('help-station.png') });

  await card.getByRole('button', { name: '登记发放' }).click();
  await dialog.getByLabel('领取人').fill('孙玉兰');
  await dialog.getByLabel('款物内容').fill('困难补助');
  await dialog.getByLabel('金额').fill(String(Math.ceil(before + 300) + 1000));
  await dialog.getByRole('button', { name: /^登\s*记$/ }).click();
  await expect(page.getByText(/捐款结余只有 [\d.]+ 元，不能发放/)).toBeVisible();
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect.poll(() => yuan(balance)).toBeCloseTo(before + 300, 2);

  await page.getByRole('tab', { name: '流动党员联系' }).click();
  await expect(page.getByTestId('mobile-overdue')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('help-mobile.png') });
});
