// 发展党员 end to end on the run's demo street: the activist whose half-yearly review is overdue
// shows the warning; recording the review from the row clears it (a note that it was held late stays).
import { expect, test } from '@playwright/test';
import { openUnlocked } from './support/app';

test('move an applicant through a step and see the warning clear', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openUnlocked(page, '#/admission');
  await expect(page.getByRole('heading', { name: '发展党员' })).toBeVisible();
  const warning = page.getByRole('listitem').filter({ hasText: '半年考察已逾期' }).first();
  await expect(warning).toBeVisible();
  const row = page.getByRole('row').filter({ has: warning });
  const name = ((await row.getByRole('cell').first().textContent()) ?? '').trim();
  expect(name).not.toBe('');
  await page.screenshot({ path: testInfo.outputPath('admission-page.png') });

  await row.getByRole('button', { name: `${name} 登记步骤` }).click();
  const dialog = page.getByRole('dialog', { name: `登记步骤：${name}` });
  await expect(dialog.getByLabel('步骤', { exact: true })).toBeVisible();
  await expect(dialog).toContainText('培养考察（每半年一次）');
  await dialog.getByRole('button', { name: /登\s*记/ }).click();
  await expect(page.getByText(`已登记${name}：培养考察（每半年一次）`)).toBeVisible();
  // The overdue warning clears; the row keeps the note that this review was held late.
  const row2 = page.getByRole('row').filter({ hasText: name });
  await expect(row2).not.toContainText('半年考察已逾期');
  await expect(row2).toContainText('确定为发展对象');
});
