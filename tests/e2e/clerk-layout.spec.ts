// Every page at 1366×768, at 100 % and at 125 % zoom (a 1093×614 CSS viewport at device scale 1.25,
// what Windows laptops show by default): no horizontal scrolling of the page, and no layout
// container whose content is wider than itself. A table may scroll inside itself. The screenshots
// stay in test-results for looking at.
import { expect, test } from '@playwright/test';
import { openUnlocked } from './support/app';

const PAGES = [
  ['首页', '#/'],
  ['组织', '#/orgs'],
  ['党员', '#/members'],
  ['活动-完成情况', '#/activities?tab=matrix'],
  ['活动-列表', '#/activities?tab=list'],
  ['活动-日历', '#/activities?tab=calendar'],
  ['活动-出勤', '#/activities?tab=attendance'],
  ['记录活动', '#/activities/new'],
  ['责任书模板', '#/assessment?tab=template'],
  ['下达与签订', '#/assessment?tab=contracts'],
  ['考核汇总', '#/assessment?tab=summary'],
  ['民主评议', '#/assessment?tab=appraisal'],
  ['台帐打印', '#/print'],
  ['导入', '#/import'],
  ['设置-用户', '#/settings/users'],
  ['设置-备份', '#/settings/backups'],
  ['设置-日志', '#/settings/audit'],
] as const;

const ZOOMS = [
  { name: '100', viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 },
  { name: '125', viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25 },
];

/** Layout containers: the shell's parts, page headers, cards and forms. */
const CONTAINERS = '.shell-header, .shell-sider, .shell-content, .page-header, .ant-card-body, .ant-tabs-nav, .ant-form, .ant-space';

for (const zoom of ZOOMS) {
  test.describe(`${zoom.name}%`, () => {
    test.use({ viewport: zoom.viewport, deviceScaleFactor: zoom.deviceScaleFactor });
    test(`every page fits at ${zoom.name}%`, async ({ page }, testInfo) => {
      test.setTimeout(300_000);
      await openUnlocked(page, '#/');
      const problems: string[] = [];
      for (const [name, hash] of PAGES) {
        await page.goto(page.url().replace(/#.*$/, hash));
        await expect(page.locator('.shell-content')).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expect(page.locator('.shell-content .ant-spin-spinning')).toHaveCount(0, { timeout: 30_000 });
        await page.screenshot({ path: testInfo.outputPath(`${zoom.name}-${name}.png`) });
        const found = await page.evaluate((sel) => {
          const out: string[] = [];
          const root = document.documentElement;
          if (root.scrollWidth > root.clientWidth + 1) out.push(`page scrolls horizontally (${root.scrollWidth} > ${root.clientWidth})`);
          for (const el of document.querySelectorAll<HTMLElement>(sel)) {
            if (!el.offsetParent) continue;
            const style = getComputedStyle(el);
            const what = el.className.split(' ').slice(0, 2).join('.');
            // Past the window's right edge: cut off or only reachable by scrolling the page.
            const right = el.getBoundingClientRect().right;
            if (right > window.innerWidth + 1) out.push(`${what} reaches ${Math.round(right)} > ${window.innerWidth}`);
            // Content cut by its own container (a row's negative gutter spilling over is not).
            if ((style.overflowX === 'hidden' || style.overflowX === 'clip') && el.scrollWidth > el.clientWidth + 1) out.push(`${what} clips ${el.scrollWidth} > ${el.clientWidth}`);
          }
          return out;
        }, CONTAINERS);
        problems.push(...found.map((p) => `${name}: ${p}`));
      }
      expect(problems).toEqual([]);
    });
  });
}

test('the org tree folds away and widens for long names', async ({ page }) => {
  await openUnlocked(page, '#/members');
  const sider = page.locator('.shell-sider');
  const before = (await sider.boundingBox())!.width;
  const edge = (await page.locator('.shell-sider-edge').boundingBox())!;
  await page.mouse.move(edge.x + 3, edge.y + 200);
  await page.mouse.down();
  await page.mouse.move(edge.x + 123, edge.y + 200, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await sider.boundingBox())!.width).toBeGreaterThan(before + 100);

  await page.getByRole('button', { name: '收起组织树' }).click();
  await expect(page.locator('.org-tree')).toBeHidden();
  await page.getByRole('button', { name: '展开组织树' }).click();
  await expect(page.locator('.org-tree')).toBeVisible();
  await page.evaluate(() => localStorage.removeItem('shell-sider'));
});
