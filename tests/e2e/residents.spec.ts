// 双报到 end to end on the run’s demo street: open the page, enter a registrant’s feedback for the
// running quarter from the quarter grid, and see the cell and the counts take it. And the 党费 page's
// 导入 (issue 12): a dues spreadsheet is checked row by row, nothing written while a row has an error.
import { expect, test } from '@playwright/test';
import { openUnlocked } from './support/app';

test('enter a quarter’s feedback for a registrant on the 双报到 page', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openUnlocked(page, '#/residents');
  await expect(page.getByRole('heading', { name: '在职党员双报到' })).toBeVisible();
  await expect(page.getByText('外单位').first()).toBeVisible();
  const counts = page.getByTestId('res-counts');
  const given = async () => Number(/已反馈 (\d+)/.exec((await counts.textContent()) ?? '')![1]);
  const owed = async () => Number(/应反馈 (\d+)/.exec((await counts.textContent()) ?? '')![1]);
  await expect(counts).toContainText('已反馈');
  const before = await given();
  // A quarter without feedback yet: the running quarter ('登记') or an ended one ('待反馈').
  const cell = page.getByRole('button', { name: /季度反馈$/ }).filter({ hasText: /^(登记|待反馈)$/ }).first();
  const label = (await cell.getAttribute('aria-label'))!;
  const wasOwed = (await cell.textContent()) === '待反馈';
  await page.screenshot({ path: testInfo.outputPath('residents-page.png') });

  await cell.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('反馈给：');
  await dialog.getByLabel('参加活动次数').fill('3');
  await dialog.getByLabel('服务时长').fill('6');
  await dialog.getByLabel('服务内容').fill('参加小区环境整治');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText(/^已登记.*反馈$/)).toBeVisible();
  await expect(page.getByRole('button', { name: label })).toHaveText('3 次 · 6 时');
  if (wasOwed) await expect.poll(given).toBe(before + 1);
  expect(await given()).toBeLessThanOrEqual(await owed());
});

test('党费 → 导入 checks a dues spreadsheet row by row before writing anything', async ({ page }) => {
  test.setTimeout(120_000);
  await openUnlocked(page, '#/dues');
  await expect(page.getByRole('heading', { name: '党费收缴' })).toBeVisible();
  await page.getByRole('button', { name: '导入' }).click();
  const dialog = page.getByRole('dialog', { name: /导入党费收缴表/ });
  const csv = '姓名,身份证号,1月,2月\r\n查无此人,,45,✓\r\n';
  await dialog.locator('input[type=file]').setInputFiles({ name: '党费.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(dialog).toContainText('台帐中没有名为“查无此人”的党员');
  await expect(dialog).toContainText('共 1 行，无错误 0 行');
  await expect(dialog.getByRole('button', { name: /导入/ })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: '导出错误行' })).toBeVisible();
});
