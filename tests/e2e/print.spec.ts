// 台帐打印 end to end on the run's demo street: the roster's preview, an export to PDF through the
// page (progress, then the download), and the file read back with pdftotext: every member on the
// roll is in it, the footer counts its pages, and the export is in the audit log.
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { api, demoPassword, demoUrl } from './support/app';

const squash = (s: string) => s.replace(/\s+/g, '');

/** Like support/app's openUnlocked, with room for a slow unlock (scrypt) on a busy machine. */
async function openPrintPage(page: Page): Promise<void> {
  await page.goto(`${demoUrl()}#/print`);
  const password = page.getByLabel('密码', { exact: true });
  const shell = page.getByRole('button', { name: '锁定' });
  await expect(password.or(shell)).toBeVisible({ timeout: 60_000 });
  if (await password.isVisible()) {
    // The global setup can read the address before the password line arrives: ask the demo host.
    const pw = demoPassword() || (await api<{ demoPassword?: string }>(page, 'session.status')).demoPassword || '';
    await password.fill(pw);
    await password.press('Enter');
  }
  await expect(shell).toBeVisible({ timeout: 60_000 });
}

test('export the street roster as PDF from 台帐打印 and read it back', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await openPrintPage(page);

  // The roster is the default register; its preview shows the title and the first rows.
  await expect(page.getByLabel('台帐')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('print-scope')).toHaveText('全街道');
  const firstSheet = page.locator('.pv-sheet').first();
  await expect(firstSheet.locator('.pv-title')).toHaveText('党员花名册', { timeout: 30_000 });
  await expect(firstSheet.locator('th', { hasText: '公民身份号码' })).toBeVisible();
  const previewNames = await firstSheet.locator('tbody tr:not(.pv-caption) td:nth-child(2)').allTextContents();
  expect(previewNames.length).toBeGreaterThan(10);
  await page.screenshot({ path: testInfo.outputPath('print-page.png') });

  const members = await api<{ name: string }[]>(page, 'members.list', {});
  expect(members.length).toBeGreaterThanOrEqual(600);

  const downloaded = page.waitForEvent('download', { timeout: 200_000 });
  await page.getByRole('button', { name: '导出 PDF' }).click();
  await expect(page.getByRole('progressbar').or(page.getByTestId('print-result'))).toBeVisible();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/党员花名册.*\.pdf$/);
  const file = testInfo.outputPath('roster.pdf');
  await download.saveAs(file);
  await expect(page.getByTestId('print-result')).toContainText(/\d+ 页/);

  const info = execFileSync('pdfinfo', [file]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(pages).toBeGreaterThan(10);
  const text = squash(execFileSync('pdftotext', [file, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString());
  expect(text).toContain(squash(`第 1 页 共 ${pages} 页`));
  expect(text).toContain(squash(`第 ${pages} 页 共 ${pages} 页`));
  const missing = members.map((m) => m.name).filter((n) => !text.includes(squash(n)));
  expect(missing).toEqual([]);
  for (const n of previewNames) expect(text).toContain(squash(n));

  // The download is the export: it is in the audit log.
  const audit = await api<{ rows: { action: string; summary: string | null }[] }>(page, 'audit.search', { q: '导出党员花名册', limit: 5 });
  expect(audit.rows.some((r) => r.action === 'export' && (r.summary ?? '').includes(`PDF，${pages} 页`))).toBe(true);
});

test('the masking switch says what it hides, and the preview hides it', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await openPrintPage(page);
  const firstSheet = page.locator('.pv-sheet').first();
  await expect(firstSheet.locator('.pv-title')).toHaveText('党员花名册', { timeout: 30_000 });
  const ids = () => firstSheet.locator('tbody tr:not(.pv-caption) td:nth-child(5)').allTextContents();
  expect((await ids()).some((id) => /^\d{17}[\dX]$/.test(id))).toBe(true);

  const mask = page.getByRole('checkbox', { name: /脱敏导出/ });
  await expect(page.getByText('身份证号、出生日期、联系电话、住址', { exact: false })).toBeVisible();
  await mask.check();
  await expect.poll(async () => (await ids()).filter(Boolean).every((id) => /^\d{6}\*{8}[\dX]{4}$/.test(id)), { timeout: 30_000 }).toBe(true);
  const birth = await firstSheet.locator('tbody tr:not(.pv-caption) td:nth-child(6)').allTextContents();
  expect(birth.filter(Boolean).every((d) => /^\d{4}-\d{2}$/.test(d))).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('print-masked.png') });
});
