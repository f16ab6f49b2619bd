// 导入花名册 end to end: roster-errors.xlsx through the file input, its errors on their rows and
// cells in the preview, the 13 valid rows imported (with the two branches created), the result
// counts, and 导出错误行. Keeps a 1366×768 screenshot of the preview with errors. It runs on an
// empty demo ledger of its own: creating branches and members would change the demo street the
// other specs share.
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO } from './support/demo-host';
import { withEmptyLedger } from './support/empty-ledger';

const FIXTURE = resolve(REPO, '..', 'shared', 'fixtures', 'roster-errors.xlsx');

const { openImport } = withEmptyLedger();

test('a roster with errors: preview shows each on its row and cell, the valid rows are imported', async ({ page }, testInfo) => {
  await openImport(page);

  // 1. the file, through the file input
  await page.locator('input[type=file]').setInputFiles(FIXTURE);
  await expect(page.getByText('表头在第 2 行，共 30 行党员数据')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('row', { name: /公民身份号码/ }).getByText('已识别')).toBeVisible();

  // 2. its two branches are not in the empty ledger: let the import create them
  await page.getByText('表中的党支部在台帐中还没有时').click();
  await page.getByRole('button', { name: /下一步/ }).click();

  // 3. the preview: counts, and each error on its row and its cell, in Chinese
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('30数据行');
  await expect(summary).toContainText('13可以导入');
  await expect(summary).toContainText('17有错误，不能导入');
  await expect(page.getByText('将新建 2 个党支部')).toBeVisible();
  const row7 = page.locator('.imp-table tr', { hasText: '第 7 行' });
  await expect(row7).toContainText('格式不对');
  await expect(row7.locator('[data-issue="ID_FORMAT"]')).toContainText('53070219640601603');
  const row25 = page.locator('.imp-table tr', { hasText: '第 25 行' });
  await expect(row25.locator('[data-code="KIND_INVALID"]')).toContainText('人员类别“党员”不对');
  await expect(row25.locator('[data-code="GENDER_MISMATCH"]')).toBeVisible();
  await expect(page.locator('.imp-table tr', { hasText: '第 13 行' }).locator('[data-issue="DATE_PARTIAL"]')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('import-preview-errors.png') });

  // 4. import the valid rows
  await page.getByRole('button', { name: /只导入没有错误的 13 行/ }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /^导\s*入$/ }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('已导入 13 行，另有 17 行有错误未导入')).toBeVisible();
  await expect(result).toContainText('新增党员13人');
  await expect(result).toContainText('有错误未导入17行');
  await expect(result).toContainText('新建党支部：春城街道机关党支部、春城街道社区服务中心党支部');

  // 5. 导出错误行 downloads the rejects workbook
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出错误行/ }).click();
  expect((await download).suggestedFilename()).toBe('roster-errors-错误行.xlsx');
});
