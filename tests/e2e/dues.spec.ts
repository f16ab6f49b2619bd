// 党费 end to end on the run's demo street: open a branch with members in arrears, record a month
// for everyone who pays the standard amount in one action, and see the arrears list shrink.
// Keeps a 1366×768 screenshot of the page in the output folder.
import { expect, test, type Page } from '@playwright/test';
import { openUnlocked } from './support/app';

const YEAR = new Date().getFullYear();

/** Asks the demo's API (as the page does) for a branch whose latest arrears month is owed by several members. */
async function branchInArrears(page: Page): Promise<{ name: string; month: string }> {
  return page.evaluate(async (year) => {
    const call = async (method: string, input: unknown) => {
      const res = await fetch(`./api/${method}`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': sessionStorage.getItem('ledger-demo-token') ?? '' }, body: JSON.stringify(input),
      });
      return (await res.json()).value;
    };
    const orgs = (await call('orgs.tree', { includeDissolved: false })) as { id: number; name: string; type: string }[];
    for (const o of orgs.filter((x) => x.type === 'branch')) {
      const sheet = (await call('dues.sheet', { orgId: o.id, year })) as { arrears: { months: string[] }[] };
      const months = sheet.arrears.flatMap((a) => a.months).sort();
      if (months.length) return { name: o.name, month: months.at(-1)! };
    }
    throw new Error('演示街道中没有欠交党费的支部');
  }, YEAR);
}

test('record a month for a whole branch in one action; the arrears list shrinks', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openUnlocked(page, '#/dues');
  await expect(page.getByRole('heading', { name: '党费收缴' })).toBeVisible();
  const target = await branchInArrears(page);

  const branch = page.getByLabel('支部', { exact: true });
  await branch.click();
  await page.keyboard.type(target.name);
  await page.keyboard.press('Enter');
  await expect(page.locator('.dues-org')).toContainText(target.name);

  const count = page.getByTestId('arrears-count');
  await expect(count).not.toHaveText('0 人 0 个月');
  const before = Number(/(\d+) 个月/.exec((await count.textContent()) ?? '')![1]);
  const list = page.getByRole('list', { name: '欠交党员' });
  await expect(list).toContainText(`${Number(target.month.slice(5))}月`);

  await page.getByLabel('登记月份').click();
  await page.locator('.ant-select-item-option', { hasText: `${target.month.slice(0, 4)}年${Number(target.month.slice(5))}月` }).click();
  await page.screenshot({ path: testInfo.outputPath('dues-page.png') });
  await page.getByRole('button', { name: /本月按标准全部登记（\d+ 人）/ }).click();
  await expect(page.getByText(/已按标准登记 \d+ 名党员/)).toBeVisible();
  await expect(async () => {
    const after = Number(/(\d+) 个月/.exec((await count.textContent()) ?? '')![1]);
    expect(after).toBeLessThan(before);
  }).toPass();
  await expect(page.getByRole('button', { name: '本月按标准全部登记（0 人）' })).toBeDisabled();
});
