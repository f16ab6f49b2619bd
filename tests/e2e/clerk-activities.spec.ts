// 活动记录 has a search: typing part of a topic, a host or an org keeps only the records that match.
import { expect, test } from '@playwright/test';
import { openUnlocked } from './support/app';

test('search in the activity list', async ({ page }) => {
  await openUnlocked(page, '#/activities?tab=list');
  const topics = page.locator('.ant-table-tbody a.al-topic');
  await expect(topics.first()).toBeVisible({ timeout: 30_000 });
  const all = Number(/共 (\d+) 条/.exec((await page.getByText(/^共 \d+ 条$/).textContent()) ?? '')?.[1]);
  const word = ((await topics.first().textContent()) ?? '').trim().slice(0, 6);
  await page.getByPlaceholder('搜索主题、主持人、党组织').fill(word);
  await expect(page.getByText(/^共 \d+ 条$/)).not.toHaveText(`共 ${all} 条`);
  for (const t of await topics.allTextContents()) expect(t).toContain(word);
});
