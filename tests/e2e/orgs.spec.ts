import { expect, test } from '@playwright/test';
import { openUnlocked } from './support/app';

test('creating a branch under a community puts it in the tree', async ({ page }) => {
  await openUnlocked(page, '#/orgs');
  const tree = page.locator('.org-tree');
  // The first 社区党委 in the tree.
  const community = tree.locator('.ant-tree-title').filter({ hasText: /社区党委$/ }).first();
  const communityName = (await community.textContent())!.trim();
  await community.click();
  await expect(page.locator('.page-header h4')).toContainText(communityName.replace(/党委$/, ''));

  await page.getByRole('button', { name: '新建下级组织' }).click();
  const dialog = page.getByRole('dialog');
  const name = `测试新建第${Date.now() % 100000}党支部`;
  await dialog.getByLabel('组织名称').fill(name);
  await expect(dialog.getByLabel('组织类型')).toBeVisible();
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click();

  await expect(page.locator('.page-header h4')).toHaveText(name);
  await expect(page.getByText('党支部', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(`上级：`)).toBeVisible();
  await expect(tree.getByText(name)).toBeVisible();

  // The same name again (a 党小组 under it): the refusal names its field and shows under 组织名称.
  await page.getByRole('button', { name: '新建下级组织' }).click();
  await dialog.getByLabel('组织名称').fill(name);
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(dialog.locator('.ant-form-item').filter({ hasText: '组织名称' }).locator('.ant-form-item-explain-error')).toHaveText(`已有名为“${name}”的党组织。`);
  await dialog.getByRole('button', { name: /^取\s*消$/ }).click();
});
