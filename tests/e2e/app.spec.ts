import { expect, test } from '@playwright/test';
import { demoPassword, demoUrl, openLocked, openUnlocked } from './support/app';

test('a wrong password is refused in Chinese, the right one unlocks', async ({ page }) => {
  await openLocked(page);
  const password = page.getByLabel('密码', { exact: true });
  await password.fill('not-the-password');
  await password.press('Enter');
  await expect(page.getByText('密码不正确')).toBeVisible();
  await password.fill(demoPassword());
  await password.press('Enter');
  await expect(page.getByRole('button', { name: '锁定' })).toBeVisible();
  await expect(page.getByRole('link', { name: '党员', exact: true })).toBeVisible();
});

test('every page is on the menu bar at 1366 px; 服务群众 and 党建工作 open their pages', async ({ page }) => {
  await openUnlocked(page, '#/');
  const bar = page.locator('.shell-menu');
  for (const name of ['首页', '组织', '党员', '活动', '党费', '发展党员', '台帐打印', '导入', '设置']) {
    await expect(bar.getByRole('link', { name, exact: true })).toBeVisible();
  }
  // Nothing folded under the menu's “…”.
  await expect(bar.locator('.ant-menu-overflow-item-rest')).toBeHidden();
  for (const [group, name, path] of [['服务群众', '民情', '#/households'], ['党建工作', '设岗定责', '#/posts']]) {
    await bar.getByRole('menuitem', { name: new RegExp(group) }).hover();
    await page.getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
  }
});

test('locking returns to the unlock screen and the API refuses calls until unlocked', async ({ page }) => {
  await openUnlocked(page);
  await page.getByRole('button', { name: '锁定' }).click();
  await expect(page.getByLabel('密码', { exact: true })).toBeVisible();
  const token = await page.evaluate(() => sessionStorage.getItem('ledger-demo-token'));
  const res = await page.request.post(new URL('/api/orgs.tree', demoUrl()).href, { data: {}, headers: { 'X-Ledger-Token': token ?? '' } });
  expect((await res.json()).error.code).toBe('LOCKED');
  await openUnlocked(page);
});

test('the demo host serves nothing without the token', async ({ request }) => {
  const origin = new URL(demoUrl()).origin;
  expect((await request.get(`${origin}/`)).status()).toBe(403);
  const api = await request.post(`${origin}/api/session.status`, { data: {} });
  expect(api.status()).toBe(403);
  const page = await request.get(demoUrl());
  expect(page.status()).toBe(200);
  expect(page.headers()['content-security-policy']).toContain("script-src 'self'");
});
