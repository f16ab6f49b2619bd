// 活动 end to end on the run's demo street: record a 支部委员会会议 with two absences from a gap in
// the matrix; the cell turns green and the absent member's attendance rate drops. Also keeps
// 1366×768 screenshots of the form and the matrix in the test's output folder.
import { type Page, expect, test } from '@playwright/test';
import { openUnlocked } from './support/app';

/** A call to the same API the pages use (the demo host's token is in sessionStorage). */
async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(async ([m, i]) => {
    const res = await fetch(`./api/${m}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': sessionStorage.getItem('ledger-demo-token') ?? '' },
      body: JSON.stringify(i),
    });
    const env = await res.json();
    if (!env.ok) throw new Error(env.error.message);
    return env.value;
  }, [method, input] as const) as Promise<T>;
}

// The run shares one demo session: leave it locked, as the next spec expects to find it.
test.afterEach(async ({ page }) => {
  await api(page, 'session.lock', {}).catch(() => {});
});

type Period = { period: string; status: string; reason?: string; end: string };
type Report = { orgs: { orgId: number; org: string; type: string; rules: { ruleId: string; periods: Period[] }[] }[] };
type Expected = { basis: string; attendees: { memberId: number; name: string }[] };

async function rateOf(page: Page, name: string, org: string): Promise<number> {
  await page.evaluate(() => { window.location.hash = '/activities?tab=attendance'; });
  const search = page.getByPlaceholder('姓名或支部');
  await search.fill(name);
  await search.press('Enter');
  const cell = page.locator('tr', { hasText: org }).locator(`.as-rate[data-member="${name}"]`);
  await expect(cell).toHaveCount(1, { timeout: 20_000 });
  return Number(await cell.getAttribute('data-rate'));
}

test('a 支委会 recorded with two absences fills its cell and lowers the absent member’s rate', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openUnlocked(page, '#/activities');
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  const year = Number(today.slice(0, 4));

  // A branch with five or more 支委 (three present of five keeps the quorum) whose 支委会 is not yet
  // held this month (or was missed in an earlier month).
  const report = await api<Report>(page, 'activities.compliance', { year });
  let target: { orgId: number; org: string; period: Period; absent: string[]; expectedCount: number } | null = null;
  for (const kind of ['current', 'missing']) {
    // A branch's 支委会 (a 社区党委's 委员会会议 shares the rule id under another name).
    for (const o of report.orgs.filter((x) => x.type !== 'partyCommittee' && x.type !== 'generalBranch')) {
      const rule = o.rules.find((r) => r.ruleId === 'committeeMeeting');
      const p = rule?.periods.find((x) => (kind === 'current' ? x.reason === 'current' : x.status === 'missing'));
      if (!p) continue;
      const date = p.end < today ? p.end : today;
      const exp = await api<Expected>(page, 'activities.expected', { orgId: o.orgId, type: 'committeeMeeting', date });
      if (exp.basis === 'committee' && exp.attendees.length >= 5) {
        target = { orgId: o.orgId, org: o.org, period: p, absent: exp.attendees.slice(0, 2).map((a) => a.name), expectedCount: exp.attendees.length };
        break;
      }
    }
    if (target) break;
  }
  expect(target, 'the demo street has a branch with a 5-member committee and an open 支委会 month').not.toBeNull();
  const { orgId, org, period, absent, expectedCount } = target!;
  const rateBefore = await rateOf(page, absent[0]!, org);

  await page.evaluate(() => { window.location.hash = '/activities?rule=committeeMeeting'; });
  const cell = page.locator(`button[data-cell="${orgId}|${period.period}"]`);
  await expect(cell).toHaveAttribute('data-status', /missing|pending/, { timeout: 20_000 });
  await page.screenshot({ path: testInfo.outputPath('activities-matrix.png') });
  await cell.click();
  await page.getByRole('button', { name: '补录支部委员会会议' }).click();

  await expect(page.getByRole('heading', { name: '记录活动' })).toBeVisible({ timeout: 20_000 });
  await page.getByLabel('会议主题').fill('研究第四季度党建工作和发展党员计划');
  await page.getByLabel('地点').fill('党员活动室');
  const list = page.getByTestId('attendance-list');
  await expect(list.locator('[data-row]')).toHaveCount(expectedCount);
  await list.locator('[data-row="0"]').click();
  await page.keyboard.press('1'); // 因病, then on to the next row
  await page.keyboard.press('2'); // 因公
  await expect(list.locator(`[data-member="${absent[0]}"]`)).toHaveAttribute('data-status', 'absent');
  await expect(list.locator(`[data-member="${absent[1]}"]`)).toHaveAttribute('data-status', 'absent');
  await expect(page.locator('.att-counts')).toContainText('缺席 2');
  await page.screenshot({ path: testInfo.outputPath('activities-form.png') });
  await page.getByRole('button', { name: /保\s*存/ }).click();

  // Back on the matrix: the cell is green.
  await expect(page.locator(`button[data-cell="${orgId}|${period.period}"]`)).toHaveAttribute('data-status', 'met', { timeout: 15_000 });

  const rateAfter = await rateOf(page, absent[0]!, org);
  expect(rateAfter).toBeLessThan(rateBefore);
});
