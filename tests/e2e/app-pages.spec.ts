// Every page opens at 1366×768 without a script error or a CSP violation; the screenshots land in
// the test output folder (test-results/…) for a person to look at.
import { expect, test } from '@playwright/test';
import { openUnlocked } from './support/app';

const PAGES = [
  ['首页', '#/'],
  ['组织', '#/orgs'],
  ['党员', '#/members'],
  ['党员详情', '#/members/5'],
  ['活动', '#/activities'],
  ['党费', '#/dues'],
  ['责任书与考核', '#/assessment'],
  ['台帐打印', '#/print'],
  ['导入', '#/import'],
  ['设置', '#/settings'],
  ['操作日志', '#/settings/audit'],
] as const;

test('every page renders without script errors or CSP violations', async ({ page }, info) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await openUnlocked(page);
  for (const [name, hash] of PAGES) {
    await page.evaluate((h) => (window.location.hash = h), hash);
    await expect(page.locator('.shell-content .page-spin')).toHaveCount(0, { timeout: 20_000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: info.outputPath(`${name}.png`) });
    expect(problems, `${name} (${hash})`).toEqual([]);
  }
});
