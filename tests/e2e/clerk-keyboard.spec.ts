// Keyboard entry in the member form: 学历 takes typing, Enter then Tab picks nothing by itself,
// the clear buttons are no Tab stops, and the focus ring is not the red of a validation error.
import { expect, test } from '@playwright/test';
import { openUnlocked } from './support/app';

test('学历 by keyboard: typing picks, Enter then Tab changes nothing, clear buttons are skipped', async ({ page }) => {
  await openUnlocked(page, '#/members');
  await expect(page.getByTestId('member-count')).not.toHaveText('0', { timeout: 30_000 });
  await page.getByRole('button', { name: '新增党员' }).click({ timeout: 30_000 });
  const drawer = page.locator('.ant-drawer');
  const education = drawer.locator('.ant-form-item').filter({ hasText: '学历' }).locator('.ant-select');
  const name = drawer.getByLabel('姓名');
  await name.focus();

  // The focus ring is not the app's red (the colour of an error).
  const border = await name.evaluate((el) => getComputedStyle(el).borderColor);
  expect(border).not.toBe('rgb(200, 22, 29)');

  await drawer.getByLabel('学历').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(education).not.toContainText('博士研究生');
  await expect(education).not.toContainText('研究生');

  await drawer.getByLabel('学历').focus();
  await page.keyboard.type('大学');
  await page.keyboard.press('Enter');
  await expect(education).toContainText('大学');

  // Tab from a filled select goes to the next field, not to its clear button.
  await drawer.getByLabel('学历').focus();
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).not.toHaveClass(/clear/);
  await expect(education).toContainText('大学');
  await page.keyboard.press('Escape');
});
