// 导入花名册 with files that cannot be imported as a whole (issue 14): an applicant list and a
// header-only template each get one clear sentence in the wizard, and nothing can be imported.
// Runs on an empty demo ledger of its own, like import.spec.ts.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO } from './support/demo-host';
import { withEmptyLedger } from './support/empty-ledger';

const REAL = resolve(REPO, 'tests', 'fixtures', 'import', 'real');

const { openImport } = withEmptyLedger();

test('NOT_A_MEMBER_LIST and NO_DATA: one sentence each, no way forward', async ({ page }, testInfo) => {
  await openImport(page);

  await page.locator('input[type=file]').setInputFiles(resolve(REAL, 'applicant-list.xlsx'));
  const errors = page.getByTestId('import-file-errors');
  await expect(errors).toBeVisible({ timeout: 60_000 });
  await expect(errors.locator('.ant-alert')).toHaveCount(1);
  await expect(errors).toContainText('这个文件像是入党申请人、积极分子或发展对象的名单（有“当前发展阶段”），不是党员花名册');
  await expect(page.getByRole('button', { name: /下一步/ })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('import-not-a-member-list.png') });
  mkdirSync('/work/evidence/imp', { recursive: true });
  await page.screenshot({ path: '/work/evidence/imp/import-not-a-member-list.png' }).catch(() => undefined);

  await page.getByRole('button', { name: /重新选择文件/ }).click();
  await page.locator('input[type=file]').setInputFiles(resolve(REAL, 'header-only.xls'));
  await expect(errors).toBeVisible({ timeout: 60_000 });
  await expect(errors.locator('.ant-alert')).toHaveCount(1);
  await expect(errors).toContainText('这个文件只有表头（第 2 行），下面没有党员数据。请在表头下逐行填写党员后再导入。');
  await expect(page.getByRole('button', { name: /下一步/ })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('import-no-data.png') });
  await page.screenshot({ path: '/work/evidence/imp/import-no-data.png' }).catch(() => undefined);
});
