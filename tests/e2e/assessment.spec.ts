// 责任书与考核 end to end on the run's demo street: copy last year's template into next year, see the
// 100-point check react, issue it to every branch, score one branch and see its total, grade and
// rank; confirm locks it. Also keeps 1366×768 screenshots of the template editor and the scoring
// page (a branch of the current year, with the ledger's figures explained) in the output folder.
import { expect, test } from '@playwright/test';
import { openUnlocked } from './support/app';

const THIS_YEAR = new Date().getFullYear();
const NEXT_YEAR = THIS_YEAR + 1;

test('copy last year’s template, issue it, score one branch: total, grade and rank', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await openUnlocked(page, `#/assessment?year=${NEXT_YEAR}`);

  // An empty year offers to copy the latest template.
  await page.getByRole('button', { name: `复制 ${THIS_YEAR} 年度模板` }).click();
  await expect(page.getByText(`复制自 ${THIS_YEAR} 年度`)).toBeVisible();
  await expect(page.getByLabel('标题')).toHaveValue(`${NEXT_YEAR} 年度基层党组织党建工作责任书`);
  const total = page.locator('.ind-sum-total b');
  await expect(total).toHaveText('100');

  // The live check: one more point anywhere and the editor says so.
  const firstPoints = page.getByLabel('分值').first();
  const before = Number(await firstPoints.inputValue());
  await firstPoints.fill(String(before + 1));
  await expect(total).toHaveText('101');
  await expect(page.getByText('各项指标分值合计 101 分，应为 100 分（多 1 分）')).toBeVisible();
  await expect(page.getByText('未保存')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('assessment-template-editor.png') });
  await firstPoints.fill(String(before));
  await expect(total).toHaveText('100');
  await expect(page.locator('.ind-warning')).toHaveCount(0);

  // 下达: saves first, then issues to every branch.
  await page.getByRole('button', { name: '下达责任书' }).click();
  const dialog = page.getByRole('dialog', { name: `下达 ${NEXT_YEAR} 年度党支部责任书` });
  const all = dialog.getByText(/全部支部（\d+ 个，其中 \d+ 个尚未下达）/);
  await expect(all).toBeVisible();
  const branches = Number(/全部支部（(\d+) 个/.exec((await all.textContent()) ?? '')?.[1]);
  expect(branches).toBeGreaterThan(10);
  await dialog.getByRole('button', { name: /下\s*达/ }).click();
  await expect(page.locator('.ant-message').getByText(`下达 ${branches} 个支部`, { exact: true })).toBeVisible();
  await expect(page.getByText(`已下达 ${branches} 个支部`)).toBeVisible();

  // The contracts: one per branch; open the first one's scoring page.
  await page.getByRole('tab', { name: '下达与签订' }).click();
  const rows = page.locator('.cl-table tbody tr.ant-table-row');
  await expect(rows).toHaveCount(branches);
  const org = (await rows.first().locator('td').first().textContent())!.trim();
  await rows.first().getByRole('button', { name: '评分' }).click();
  await expect(page.getByRole('heading', { name: org })).toBeVisible();
  await expect(page.getByText(`${NEXT_YEAR} 年度党建工作考核`)).toBeVisible();

  // The year has not begun, so nothing is computed: the committee scores every line, full marks
  // but one point off the first, and the branch scores itself.
  const committee = page.getByLabel(/考核组评分$/);
  const n = await committee.count();
  expect(n).toBeGreaterThan(10);
  let expected = 0;
  for (let i = 0; i < n; i++) {
    const box = committee.nth(i);
    const max = Number(await box.getAttribute('aria-valuemax'));
    const score = i === 0 ? max - 1 : max;
    expected += score;
    await box.fill(String(score));
    await page.getByLabel(/自评分$/).nth(i).fill(String(max));
  }
  await expect(page.getByTestId('total')).toContainText(String(expected));
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.locator('.ant-message').getByText('评分已保存')).toBeVisible();
  await expect(page.getByTestId('total')).toHaveText(`${expected} / 100`);
  await expect(page.getByTestId('grade')).toHaveText('优秀');
  // Every other branch of the year is unscored: this one ranks first of all of them.
  await expect(page.getByTestId('rank')).toHaveText(`第 1 / ${branches}`);

  // Confirm locks it: the inputs give way to the figures.
  await page.getByRole('button', { name: '确认结果' }).click();
  await page.getByRole('button', { name: '确认并锁定' }).click();
  await expect(page.locator('.ant-message').getByText('考核结果已确认')).toBeVisible();
  await expect(page.getByText(/考核结果已于 .* 由 .* 确认锁定/)).toBeVisible();
  await expect(page.getByLabel(/考核组评分$/)).toHaveCount(0);

  // The ranking of the year shows it on top.
  await page.getByRole('button', { name: '返回考核汇总' }).click();
  const first = page.locator('.sum-table tbody tr.ant-table-row').first();
  await expect(first).toContainText(org);
  await expect(first).toContainText('已确认');
});

test('the scoring page explains the computed figures (screenshot)', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openUnlocked(page, `#/assessment?year=${THIS_YEAR}&tab=summary`);
  await page.locator('.sum-table tbody tr.ant-table-row').nth(2).click();
  await expect(page.getByText(`${THIS_YEAR} 年度党建工作考核`)).toBeVisible();
  // Open the figures behind 支委会 (the second indicator).
  await page.locator('.sc-table .ant-table-row-expand-icon').nth(1).click();
  await expect(page.locator('.sc-details').first()).toContainText('支部委员会会议：应开展');
  await expect(page.locator('.sc-working').first()).toContainText('分');
  await page.mouse.move(1360, 760);
  await page.screenshot({ path: testInfo.outputPath('assessment-scoring.png') });
});
