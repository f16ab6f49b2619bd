// A 社区党委/党总支 contract end to end: in a year the demo street never used, start the
// communities' template from the default, issue it to every community, and find them ranked in
// 考核汇总 under their own level, apart from the branches.
import { expect, test } from '@playwright/test';
import { openUnlocked } from './support/app';

const YEAR = new Date().getFullYear() - 3;

test('issue the 社区党委/党总支 template and see the communities ranked under their level', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openUnlocked(page, `#/assessment?year=${YEAR}&level=community`);
  await expect(page.getByText(`${YEAR} 年度还没有社区党委/党总支责任书模板`)).toBeVisible();
  await page.getByRole('button', { name: '使用默认“五个好”模板' }).click();
  await expect(page.getByLabel('标题')).toHaveValue(`${YEAR} 年度社区党建工作目标责任书`);
  await expect(page.locator('.ind-sum-total b')).toHaveText('100');

  await page.getByRole('button', { name: '下达责任书' }).click();
  const dialog = page.getByRole('dialog', { name: `下达 ${YEAR} 年度社区党委/党总支责任书` });
  const all = dialog.getByText(/全部社区党委（党总支）（\d+ 个，其中 \d+ 个尚未下达）/);
  await expect(all).toBeVisible();
  const communities = Number(/（(\d+) 个，/.exec((await all.textContent()) ?? '')?.[1]);
  expect(communities).toBeGreaterThan(1);
  await dialog.getByRole('button', { name: /下\s*达/ }).click();
  await expect(page.locator('.ant-message').getByText(`下达 ${communities} 个社区党委（党总支）`, { exact: true })).toBeVisible();

  await page.getByRole('tab', { name: '考核汇总' }).click();
  const section = page.getByRole('region', { name: '社区党委/党总支考核汇总' });
  await expect(section.getByRole('heading', { name: `社区党委/党总支（${communities} 个，在本层级内排名）` })).toBeVisible();
  await expect(section.locator('tbody tr.ant-table-row')).toHaveCount(communities);
  await expect(section.getByText('望江社区党委', { exact: true })).toBeVisible();
  // No branch contract was issued that year: the branches' table is not there.
  await expect(page.getByRole('region', { name: '党支部考核汇总' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('assessment-levels-summary.png') });
});
