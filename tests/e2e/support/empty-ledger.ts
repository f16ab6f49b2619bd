// A spec's own empty demo ledger: the import specs create branches and members that the demo
// street the other specs share must not get. Call once at the top of the spec file.
import { type Page, expect, test } from '@playwright/test';
import { type DemoHost, startDemoHost } from './demo-host';

const PASSWORD = 'dangjian2025';

/** Starts the host before the spec's tests and stops it after; returns how to open the import page. */
export function withEmptyLedger(): { openImport: (page: Page) => Promise<void> } {
  let host: DemoHost | null = null;
  test.use({ viewport: { width: 1366, height: 768 } });
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    host = await startDemoHost(['--empty', '--no-build', '--password', PASSWORD]);
  });
  test.afterAll(async () => {
    await host?.stop();
  });
  return {
    async openImport(page) {
      await page.goto(host!.url);
      await page.locator('input[type=password]').fill(PASSWORD);
      await page.keyboard.press('Enter');
      await expect(page.locator('.shell-header')).toBeVisible({ timeout: 60_000 });
      await page.evaluate(() => { window.location.hash = '/import'; });
    },
  };
}
