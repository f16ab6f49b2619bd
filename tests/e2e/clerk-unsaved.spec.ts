// Nothing typed is lost without a word: Esc on a drawer, leaving the page, locking and closing the
// window all ask first while a form or editor holds unsaved changes.
import { expect, test, type Page } from '@playwright/test';
import { openUnlocked } from './support/app';

const question = (page: Page) => page.getByRole('dialog').filter({ hasText: '放弃未保存的修改？' });
const menuLink = (page: Page, label: string) => page.locator('.shell-menu').getByRole('link', { name: label, exact: true });

test('Esc and 取消 on the 新增党员 drawer ask before the typed form is dropped', async ({ page }) => {
  await openUnlocked(page, '#/members');
  await expect(page.getByTestId('member-count')).not.toHaveText('0', { timeout: 30_000 });
  await page.getByRole('button', { name: '新增党员' }).click({ timeout: 30_000 });
  const drawer = page.locator('.ant-drawer');
  await drawer.getByLabel('姓名').fill('未保存测试');

  await page.keyboard.press('Escape');
  await expect(question(page)).toBeVisible();
  await question(page).getByRole('button', { name: /取\s*消/ }).click();
  await expect(drawer.getByLabel('姓名')).toHaveValue('未保存测试');

  await drawer.getByRole('button', { name: /取\s*消/ }).click();
  await question(page).getByRole('button', { name: '放弃修改' }).click();
  await expect(drawer.getByLabel('姓名')).toBeHidden();
});

test('leaving 记录活动 with typed minutes, locking or closing the window asks first', async ({ page }) => {
  await openUnlocked(page, '#/activities/new');
  await expect(page.getByRole('heading', { name: '记录活动' })).toBeVisible({ timeout: 20_000 });
  await page.getByLabel('会议记录').fill('一、传达学习上级精神');

  await menuLink(page, '党员').click();
  await expect(question(page)).toBeVisible();
  await question(page).getByRole('button', { name: /取\s*消/ }).click();
  await expect(page.getByRole('heading', { name: '记录活动' })).toBeVisible();
  await expect(page.getByLabel('会议记录')).toHaveValue('一、传达学习上级精神');

  await page.getByRole('button', { name: '锁定' }).click();
  await expect(question(page)).toBeVisible();
  await question(page).getByRole('button', { name: /取\s*消/ }).click();
  await expect(page.getByLabel('会议记录')).toHaveValue('一、传达学习上级精神');

  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
});

test('grades marked 待保存 in 民主评议 are not dropped by leaving the page', async ({ page }) => {
  await openUnlocked(page, '#/assessment?tab=appraisal');
  await page.locator('.ap-org').click({ timeout: 30_000 });
  await page.keyboard.type('第一党支部');
  await page.keyboard.press('Enter');
  const grade = page.getByRole('radiogroup', { name: /等次$/ }).first();
  await expect(grade).toBeVisible({ timeout: 20_000 });
  await grade.getByText('基本合格').click();
  await expect(page.getByText('待保存').first()).toBeVisible();

  await menuLink(page, '首页').click();
  await expect(question(page)).toBeVisible();
  await question(page).getByRole('button', { name: /取\s*消/ }).click();
  await expect(page.getByText('待保存').first()).toBeVisible();

  await menuLink(page, '首页').click();
  await question(page).getByRole('button', { name: '放弃修改' }).click();
  await expect(page).toHaveURL(/#\/$/);
});
