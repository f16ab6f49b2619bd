// Issue 17 and 11, clicked through: 31 December in the branch calendar; the 党员 list exported as
// shown and several members moved at once; the import wizard's branch message said once; one meeting
// printed from its page; a transfer voided (录入错误) and an early 转正 confirmed through their dialogs.
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { api, openUnlocked } from './support/app';
import { REPO } from './support/demo-host';

// Several steps wait on the demo host (reading a 30-row file, a first PDF): generous on a busy machine.
test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 60_000 });
const expect = baseExpect.configure({ timeout: 60_000 });

const EVIDENCE = process.env.EVIDENCE_DIR;
const shot = async (page: Page, name: string) => {
  if (EVIDENCE) await page.screenshot({ path: resolve(EVIDENCE, name) });
};
type Row = { id: number; name: string; orgId: number | null; orgName: string | null; kind: string; joinedOn: string | null };
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const dialog = (page: Page) => page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title') }).last();
const confirmModal = (page: Page) => page.locator('.ant-modal-confirm');

test('31 December can be picked: the branch calendar, and the 截至日期 picker at 125% zoom', async ({ page }) => {
  await openUnlocked(page, '#/activities?tab=calendar');
  const year = Number(today().slice(0, 4));
  await page.locator('.ant-picker-calendar-month-select').click();
  await page.locator('.ant-select-item-option[title="12月"]').click();
  await expect(page.locator(`td[title="${year}-12-30"]`)).toBeVisible();
  await expect(page.locator(`td[title="${year}-12-31"]`)).not.toHaveClass(/ant-picker-cell-disabled/);

  // 125% of 1366×768: the popup's last row must still be on screen and clickable.
  await page.setViewportSize({ width: 1093, height: 614 });
  await openUnlocked(page, '#/members');
  await page.getByLabel('截至日期').click();
  await page.locator('.ant-picker-header-super-prev-btn').click();
  await page.locator('.ant-picker-header-view').getByText(/\d+月/).click();
  await page.locator('.ant-picker-cell', { hasText: '12月' }).click();
  await page.locator(`td[title="${year - 1}-12-31"]`).click();
  await expect(page.locator('.page-subtitle')).toContainText(`截至 ${year - 1}-12-31`);
});

test('the member list: export as shown, then move the ticked members at once with one confirmation', async ({ page }) => {
  await openUnlocked(page, '#/members');
  await expect(page.getByTestId('member-count')).not.toHaveText('0', { timeout: 30_000 });
  await page.getByRole('combobox', { name: '人员类别' }).click();
  await page.locator('.ant-select-item-option[title="预备党员"]').click();
  const shown = await page.getByTestId('member-count').textContent();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/党员名单（截至\d{4}-\d{2}-\d{2}）\.xlsx$/);
  await expect(page.getByText(`已导出 ${shown} 名党员`)).toBeVisible();

  const rows = page.locator('.ant-table-tbody .ant-table-row');
  const names = [await rows.nth(0).locator('a').textContent(), await rows.nth(1).locator('a').textContent()];
  await rows.nth(0).locator('.ant-checkbox-input').check();
  await rows.nth(1).locator('.ant-checkbox-input').check();
  await expect(page.getByTestId('bulk-bar')).toContainText('已选 2 名党员');
  const list = await api<Row[]>(page, 'members.list', {});
  const picked = list.filter((m) => names.includes(m.name)).slice(0, 2);
  const target = list.find((m) => m.orgName !== null && picked.every((p) => p.orgName !== m.orgName))!.orgName!;
  await page.getByTestId('bulk-bar').getByRole('button', { name: '调整支部' }).click();
  const picker = page.getByRole('dialog').getByRole('combobox', { name: /调整到/ });
  await picker.click();
  await picker.fill(target);
  await page.locator(`.ant-select-tree-node-content-wrapper[title="${target}"]`).first().click();
  await dialog(page).getByRole('button', { name: '调整 2 人' }).click();
  await expect(confirmModal(page)).toContainText('确认将选中的 2 名党员调整到所选党支部');
  await shot(page, 'bulk-confirm.png');
  await confirmModal(page).getByRole('button', { name: '调整 2 人' }).click();
  await expect(page.getByText('已将 2 名党员调整支部')).toBeVisible();
  const after = await api<Row[]>(page, 'members.list', {});
  const moved = after.filter((m) => picked.some((p) => p.id === m.id));
  expect(moved.map((m) => m.orgName)).toEqual([target, target]);
  // Put them back (the demo street is shared by the other specs).
  for (const p of picked) await api(page, 'members.bulk', { ids: [p.id], action: { kind: 'transferInternal', date: today(), toOrgId: p.orgId, note: null } });
});

test('the import wizard says a missing branch once, and 自动新建 does not carry over to the next file', async ({ page }) => {
  const file = resolve(REPO, '..', 'shared', 'fixtures', 'roster-errors.xlsx');
  await openUnlocked(page, '#/import');
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByText('表头在第 2 行，共 30 行党员数据')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: /下一步/ }).click();
  const said = page.getByTestId('import-shared-message');
  await expect(said.first()).toContainText(/^\d+ 行：台帐中没有“春城街道/);
  const message = (await said.first().textContent())!.replace(/^\d+ 行：/, '');
  await expect(page.locator('.imp-table')).not.toContainText(message);
  await expect(page.locator('.imp-table [data-code="ORG_UNKNOWN"]').first()).toContainText('见表格上方的说明');
  await shot(page, 'import-branch-once.png');

  await page.getByRole('button', { name: /上一步/ }).click();
  await page.getByText('表中的党支部在台帐中还没有时').click();
  await expect(page.getByRole('checkbox', { name: /自动新建/ })).toBeChecked();
  await page.getByRole('button', { name: /重新选择文件/ }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByText('表头在第 2 行，共 30 行党员数据')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('checkbox', { name: /自动新建/ })).not.toBeChecked();
});

test('one meeting printed from its page', async ({ page }) => {
  const acts = await (async () => {
    await openUnlocked(page, '#/');
    return api<{ id: number; topic: string }[]>(page, 'activities.list', { limit: 1 });
  })();
  await openUnlocked(page, `#/activities/${acts[0]!.id}`);
  const download = page.waitForEvent('download', { timeout: 170_000 });
  await page.getByRole('button', { name: '打印会议记录' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/记录\.pdf$/);
  if (EVIDENCE) await pdf.saveAs(resolve(EVIDENCE, 'meeting-record.pdf'));
});

test('a transfer entered by mistake is voided through its dialog; an early 转正 asks for a reason and a confirmation', async ({ page }) => {
  await openUnlocked(page, '#/');
  const list = await api<Row[]>(page, 'members.list', {});
  const m = list[0]!;
  const other = list.find((x) => x.orgId !== m.orgId)!;
  await api(page, 'members.transferInternal', { id: m.id, toOrgId: other.orgId, date: today(), note: null });
  await openUnlocked(page, `#/members/${m.id}`);
  await expect(page.locator('.page-subtitle')).toContainText(other.orgName!);
  const item = page.getByTestId('history-item').filter({ hasText: '街道内调整支部' }).first();
  await item.getByRole('button', { name: '作废' }).click();
  await dialog(page).getByLabel('原因（录入错误的情况）').fill('调错了支部');
  await dialog(page).getByRole('button', { name: /作\s*废/ }).click();
  await expect(confirmModal(page)).toContainText('各台帐将按作废后的历史重新计算');
  await confirmModal(page).getByRole('button', { name: /作\s*废/ }).click();
  await expect(page.getByTestId('history-item').filter({ hasText: '已作废：调错了支部' })).toBeVisible();
  await expect(page.locator('.page-subtitle')).toContainText(m.orgName!);
  await shot(page, 'void-transfer.png');

  const year = `${Number(today().slice(0, 4)) - 1}${today().slice(4)}`;
  const p = list.find((x) => x.kind === 'probationary' && x.joinedOn !== null && x.joinedOn > year)!;
  await openUnlocked(page, `#/members/${p.id}`);
  await page.getByRole('button', { name: /办理业务/ }).click();
  await page.getByRole('menuitem', { name: '预备党员转正' }).click();
  const date = dialog(page).getByLabel('转正日期（支部大会讨论通过之日）');
  await date.fill(today());
  await date.press('Enter');
  await dialog(page).getByRole('button', { name: '转为正式党员' }).click();
  await expect(dialog(page)).toContainText('请写明提前转正的理由');
  await dialog(page).getByLabel('提前转正理由').fill('上级党委批准提前讨论');
  await dialog(page).getByRole('button', { name: '转为正式党员' }).click();
  await expect(confirmModal(page)).toContainText(`确认提前为“${p.name}”办理转正`);
  await shot(page, 'early-confirm.png');
  await confirmModal(page).getByRole('button', { name: '转为正式党员' }).click();
  await expect(page.locator('.page-header').getByText('正式党员', { exact: true })).toBeVisible();
});

test('撤销 in the success message takes back a member edit, through an audited edit', async ({ page }) => {
  await openUnlocked(page, '#/');
  const m = (await api<Row[]>(page, 'members.list', {}))[2]!;
  const before = (await api<{ member: { phone: string | null } }>(page, 'members.get', { id: m.id })).member.phone;
  await openUnlocked(page, `#/members/${m.id}`);
  await page.getByRole('button', { name: /修改信息/ }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByLabel('联系电话').fill('13900000000');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  const facts = page.locator('.member-detail .ant-descriptions');
  await expect(facts).toContainText('13900000000');
  await page.getByTestId('undoable').getByRole('button', { name: '撤销' }).click();
  await expect(page.getByTestId('history-item').first()).toContainText('撤销上一次修改');
  await expect(facts).not.toContainText('13900000000');
  expect((await api<{ member: { phone: string | null } }>(page, 'members.get', { id: m.id })).member.phone).toBe(before);
});
