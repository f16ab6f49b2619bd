// No raw codes on screen: a member's history names the 党小组, the audit log names its objects
// in Chinese and shows its details as 字段：值, never as JSON.
import { expect, test } from '@playwright/test';
import { api, openUnlocked } from './support/app';

type Org = { id: number; name: string; type: string; parentId: number | null };

test('a 党小组 change reads as names in the history and in the audit log', async ({ page }) => {
  await openUnlocked(page, '#/members');
  const orgs = await api<Org[]>(page, 'orgs.tree', {});
  const members = await api<{ id: number; name: string; orgId: number; groupName: string | null }[]>(page, 'members.list', {});
  const member = members.find((m) => m.groupName !== null)!;
  const group = orgs.find((o) => o.type === 'group' && o.parentId === member.orgId && o.name === member.groupName)!;
  await api(page, 'members.update', { id: member.id, patch: { groupId: null } });
  await api(page, 'members.update', { id: member.id, patch: { groupId: group.id } });

  await page.goto(page.url().replace(/#.*$/, `#/members/${member.id}`));
  await page.getByRole('tab', { name: /历史记录/ }).click();
  await expect(page.getByText(`党小组：空 → ${group.name}`).first()).toBeVisible();

  await page.goto(page.url().replace(/#.*$/, '#/settings/audit'));
  const table = page.locator('.ant-table-tbody');
  await expect(table.locator('tr').first()).toBeVisible();
  for (const cell of await table.locator('tr.ant-table-row td:nth-child(4)').allTextContents()) expect(cell).not.toMatch(/^[A-Za-z]+$/);
  const row = table.locator('tr.ant-table-row', { hasText: `修改党员“${member.name}”的党小组` }).first();
  await row.locator('.ant-table-row-expand-icon').click();
  const details = page.locator('.audit-json').first();
  await expect(details).toContainText(`党小组：空 → ${group.name}`);
  await expect(details).not.toContainText('groupId');
  await expect(details).not.toContainText('"kind"');
});
