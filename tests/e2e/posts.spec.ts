// 设岗定责 end to end on the run's demo street: set up a post, assign a member to it with a pledge,
// record the year's 考核评岗, and see the result in the holder's row. Then the 计划与总结 page of a
// branch shows the street's missing plans/summaries and the branch's monthly arrangements.
import { expect, test } from '@playwright/test';
import type { MemberListRow } from '../../shared/api/members';
import { api, openUnlocked } from './support/app';

test('a new post, a member assigned with a pledge, a 评岗 recorded', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openUnlocked(page, '#/posts');
  await expect(page.getByRole('heading', { name: '设岗定责' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '政策宣传岗', exact: true })).toBeVisible();
  const member = (await api<MemberListRow[]>(page, 'members.list', {})).find((m) => m.standing === 'normal' && m.kind === 'full')!;
  const postName = `楼道长岗${Date.now() % 100000}`;

  await page.getByRole('button', { name: '新设岗位' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('岗位名称').fill(postName);
  await dialog.getByLabel('岗位职责').fill('每周巡查楼道，收集居民意见');
  await dialog.getByLabel('设岗人数').fill('2');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  const row = page.getByRole('row').filter({ hasText: postName });
  await expect(row).toContainText('0 / 2');

  await row.getByText('认领', { exact: true }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('党员').click();
  await page.keyboard.type(member.name);
  await page.locator('.ant-select-item-option').filter({ hasText: member.name }).first().click();
  await dialog.getByLabel('承诺事项').fill('每月巡查楼道四次');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(row).toContainText('1 / 2');

  await row.getByRole('button', { name: '展开行' }).click();
  const holder = page.locator('tr.ant-table-row').filter({ hasText: '每月巡查楼道四次' });
  await expect(holder).toContainText(member.name);
  await expect(holder).toContainText('未评');
  await holder.getByText('评岗', { exact: true }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByText('优秀', { exact: true }).click();
  await dialog.getByLabel('评岗意见').fill('群众评价好');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(holder).toContainText('优秀');
  await expect(holder).toContainText('群众评价好');
  await page.screenshot({ path: testInfo.outputPath('posts.png') });
});

test('计划与总结: the branches late with plans or summaries, a branch\'s plan and monthly arrangements', async ({ page }, testInfo) => {
  await openUnlocked(page, '#/plans');
  await expect(page.getByRole('heading', { name: '计划与总结' })).toBeVisible();
  const year = new Date().getFullYear();
  await page.getByLabel('年度').click();
  await page.locator('.ant-select-item-option').filter({ hasText: `${year - 1}年` }).click();
  await expect(page.locator('.plan-gaps')).toContainText('年终工作总结截至');
  // The first demo branch named in the warning opens on a click (other specs add branches with no plan).
  await page.locator('.plan-gaps li').filter({ hasText: '年终工作总结截至' }).filter({ hasNotText: '测试' }).first().locator('a').click();
  await expect(page.getByText('月度工作安排')).toBeVisible();
  await expect(page.getByRole('cell', { name: '未落实' }).or(page.getByRole('link', { name: /主题党日|党课|志愿|走访|党员大会/ })).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('plans.png') });
});
