// 述职评议 and 表彰 end to end on the run's demo street: last year's 述职 of every org is listed;
// this year's is recorded from a row with its tallies and shows its satisfaction rate; a
// commendation of an org is registered and voided with a reason.
import { expect, test } from '@playwright/test';
import { openUnlocked } from './support/app';

const now = new Date();
const thisYear = now.getFullYear();
const today = `${thisYear}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

test('述职评议: last year listed with its tallies; this year recorded from a row', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openUnlocked(page, `#/assessment?year=${thisYear - 1}&tab=reviews`);
  await expect(page.getByRole('tab', { name: '述职评议', selected: true })).toBeVisible();
  const lastYear = page.getByRole('row').filter({ hasText: '望江社区党委' });
  await expect(lastYear).toContainText(/好 \d+ 较好 \d+.*满意率 \d+(\.\d)?%/);
  await page.screenshot({ path: testInfo.outputPath('reviews-page.png') });

  await page.goto(page.url().replace(/#.*$/, `#/assessment?tab=reviews`));
  const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: /登记述职评议$/ }) }).first();
  const org = ((await row.getByRole('cell').first().textContent()) ?? '').trim();
  await row.getByRole('button', { name: `${org} 登记述职评议` }).click();
  const dialog = page.getByRole('dialog', { name: `${org} · ${thisYear} 年度书记述职评议` });
  await dialog.getByLabel('述职日期').fill(today);
  await dialog.getByLabel('述职日期').press('Enter');
  await dialog.getByLabel('参加人员').fill('街道党工委 周明；党员 20 人');
  await dialog.getByLabel('党员评议 好').fill('18');
  await dialog.getByLabel('党员评议 较好').fill('1');
  await dialog.getByLabel('党员评议 一般').fill('1');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText(`已保存“${org}”${thisYear} 年度述职评议`)).toBeVisible();
  await expect(dialog.getByRole('button', { name: '添加述职报告' })).toBeVisible();
  await dialog.getByRole('button', { name: '关 闭', exact: true }).click();
  const saved = page.getByRole('row').filter({ hasText: org }).first();
  await expect(saved).toContainText(today);
  await expect(saved).toContainText('好 18 较好 1 一般 1，满意率 95%');
});

test('表彰: register an org’s commendation and void it with a reason', async ({ page }) => {
  test.setTimeout(120_000);
  await openUnlocked(page, '#/assessment?tab=commendations');
  await page.getByRole('button', { name: '登记表彰' }).click();
  const dialog = page.getByRole('dialog', { name: '登记表彰' });
  await dialog.getByText('党组织', { exact: true }).click();
  await dialog.getByLabel('受表彰的党组织').click();
  await page.getByTitle('望江社区第一党支部', { exact: true }).click();
  await dialog.getByLabel('表彰名称').fill('红旗党支部');
  await dialog.getByLabel('文号').fill(`区委〔${thisYear}〕99号`);
  await dialog.getByRole('button', { name: /登\s*记/ }).click();
  await expect(page.getByText('已登记表彰')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: `区委〔${thisYear}〕99号` });
  await expect(row).toContainText('望江社区第一党支部');

  await row.getByRole('button', { name: /详情/ }).click();
  await page.getByRole('button', { name: '作废这条表彰记录' }).click();
  await page.getByLabel('作废原因').fill('文号录错，重新登记');
  await page.getByRole('dialog', { name: '作废这条表彰记录' }).getByRole('button', { name: /作\s*废/ }).click();
  await expect(page.getByText('已作废这条表彰记录')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: `区委〔${thisYear}〕99号` })).toHaveCount(0);
});
