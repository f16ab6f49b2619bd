import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type MetricCode, type MetricResult } from '../../shared/assessment';
import { computeMetric, computeMetrics } from '../../electron/ledger/metrics';
import { createOrg, electCommittee } from '../../electron/ledger/orgs';
import type { Ledger } from '../../electron/ledger/ledger';
import { tempLedger } from '../helpers/temp-ledger';
import { addActivity, branchYear } from '../helpers/assessment-fixtures';

// One ledger for the read-only checks (building it is the slow part); tests that write get their own.
let shared: { ledger: Ledger; ids: ReturnType<typeof branchYear>; cleanup: () => void };
let byCode: Map<MetricCode, MetricResult>;
const TODAY = '2026-11-22';

beforeAll(async () => {
  const t = await tempLedger();
  shared = { ledger: t.ledger, ids: branchYear(t.ledger), cleanup: t.cleanup };
  byCode = new Map(computeMetrics(shared.ledger, shared.ids.branchA, 2025, undefined, { today: TODAY }).map((r) => [r.metric, r]));
  return () => shared.cleanup();
});

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

const m = (code: MetricCode) => byCode.get(code)!;

describe('metrics over a hand-built branch year', () => {
  it('支委会 months: a meeting without quorum and a month without a meeting both miss', () => {
    expect(m('committeeMonths')).toMatchObject({ value: 10, misses: 2, missing: ['2025-03', '2025-07'] });
    expect(m('committeeMonths').explanation).toBe('支部委员会会议：应开展 12 个月，已开展 10 个月，3月、7月未开展');
    expect(m('committeeMonths').figures.find((f) => f.label === '不符合要求未计入的会议')?.value).toContain('未超过支委会 3 人的半数');
  });

  it('三会一课 completion over the judged periods of the four core rules', () => {
    // 支委会 10/12 + 党员大会 4/4 + 党课 3/4; no 党小组 so 党小组会 asks nothing.
    expect(m('threeMeetingsOneLesson').value).toBeCloseTo(17 / 20, 10);
    expect(m('threeMeetingsOneLesson').misses).toBe(3);
    expect(m('threeMeetingsOneLesson').explanation).toBe('应完成 20 个周期，已完成 17 个，完成率 85%');
    expect(m('threeMeetingsOneLesson').figures.find((f) => f.label === '党课')?.value).toBe('3/4 个季度（缺 第2季度）');
  });

  it('主题党日 months ignore a voided record', () => {
    expect(m('themeDayMonths')).toMatchObject({ value: 10, missing: ['2025-01', '2025-02'] });
  });

  it('组织生活会 held once', () => {
    expect(m('lifeMeetingHeld')).toMatchObject({ value: 1, explanation: '全年召开组织生活会 1 次（2025-12-20）' });
  });

  it('民主评议 done on time counts only appraisals before 31 March', () => {
    expect(m('appraisalDone')).toMatchObject({ value: 0.5, misses: 2, explanation: '在册 4 人，按时评议 2 人，完成率 50%' });
    expect(m('appraisalDone').figures).toContainEqual({ label: '逾期（2026-03-31 后）评议人数', value: 1 });
  });

  it('attendance rate is present over expected person-times of organisational life', () => {
    // 支委会 11 × 2 expected, 21 present; 党员大会 2+2+3+4 = 11 expected, 8 present.
    // m2 is 流出 from 2025-02-01: the three meetings they missed after that are not absences (DOMAIN.md).
    expect(m('attendanceRate').value).toBeCloseTo(29 / 30, 10);
    expect(m('attendanceRate').explanation).toBe('应到 30 人次，实到 29 人次，参会率 96.7%');
  });

  it('十有 counts the checklist and names what is missing', () => {
    expect(m('facilities')).toMatchObject({ value: 7, misses: 3, missing: ['党建资料专柜', '党建标语(版面和专栏)', '党建工作制度'] });
  });

  it('committee in term at the end of 2025', () => {
    expect(m('committeeInTerm')).toMatchObject({ value: 1, explanation: '2025 年底班子在任期内（2021-03-01 选举，2026-03-01 届满）' });
  });

  it('missing-field rate over the year-end roster (转正日期 only for full members)', () => {
    expect(m('missingFieldRate')).toMatchObject({ value: 0.5, misses: 2 });
    expect(m('missingFieldRate').missing!.sort()).toEqual(['民族', '现居住地', '联系电话'].sort());
  });

  it('new members admitted here this year, including one not yet on the roster', () => {
    expect(m('newMembersAdmitted')).toMatchObject({ value: 2, explanation: '全年接收预备党员 2 人，新确定入党积极分子 1 人' });
  });

  it('mobile members and resident registrations kept up', () => {
    expect(m('mobileKeptUp').value).toBeCloseTo(3 / 5, 10);
    expect(m('mobileKeptUp').figures).toEqual([
      { label: '流动党员（登记齐全/应登记）', value: '1/2' },
      { label: '报到党员季度反馈（已反馈/应反馈）', value: '2/3（1 人报到）' },
      { label: '未反馈的季度', value: '陈静（四季度）' },
    ]);
  });

  it('counts 联席会, 志愿服务 and 走访 of this branch only, voided ones left out', () => {
    expect(m('jointMeetings').value).toBe(3);
    expect(m('volunteerActivities').value).toBe(5);
    expect(m('volunteerActivities').activityIds).toHaveLength(5);
    expect(m('visits')).toMatchObject({ value: 0, explanation: '全年入户走访 0 户次（0 户），共 0 次' });
  });

  it('share of members holding a post at year end', () => {
    expect(m('postHolders')).toMatchObject({ value: 0.5, misses: 2 });
  });

  it('dues: months collected on time of 12, and every member-month owed but unpaid named', () => {
    // m1, m2 pay Jan–Sep; m2 not Oct–Dec (listed by date joined); m3 (probationary from 2025-06-01) and m4 (here from
    // 2025-09-15) owe from then on and have no record at all: only Jan–May are collected in full.
    expect(m('duesPaid')).toMatchObject({ value: 5 / 12, misses: 3 + 7 + 4 });
    expect(m('duesPaid').explanation).toBe(
      '2025 年底应收 12 个月，按月收齐 5 个月（41.7%）；未按月收齐：6月、7月、8月、9月、10月、11月、12月；' +
      '欠交 3 人共 14 人月：李秀英（10月、11月、12月）；刘洋（9月、10月、11月、12月）；张伟（6月、7月、8月、9月、10月、11月、12月）',
    );
  });

  it('the other branch has nothing to report and says so', () => {
    const b = new Map(computeMetrics(shared.ledger, shared.ids.branchB, 2025, undefined, { today: TODAY }).map((r) => [r.metric, r]));
    expect(b.get('committeeInTerm')).toMatchObject({ value: 0, explanation: '台帐中没有本组织的换届记录，请在组织信息中补录支部委员会任期' });
    expect(b.get('mobileKeptUp')!.value).toBeNull();
    expect(b.get('duesPaid')!.value).toBeNull();
    expect(b.get('jointMeetings')!.value).toBe(1);
    expect(b.get('facilities')!.value).toBe(0);
  });
});

describe('committee term across the year', () => {
  it('an expired term not renewed scores 0, and a late re-election is still a miss that year', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    const ids = branchYear(t.ledger);
    const before = computeMetric(t.ledger, 'committeeInTerm', ids.branchA, 2026, { today: TODAY });
    expect(before).toMatchObject({ value: 0, explanation: '任期已于 2026-03-01 届满，截至 2026-11-22 仍未换届' });
    electCommittee(t.ledger, ids.branchA, { electedOn: '2026-05-10', roles: [{ memberId: ids.m1, personName: '王建国', role: 'secretary' }] });
    const after = computeMetric(t.ledger, 'committeeInTerm', ids.branchA, 2026, { today: TODAY });
    expect(after.value).toBe(0);
    expect(after.figures).toContainEqual({ label: '超期未换届', value: '2026-03-02 至 2026-05-09' });
    // 2027 is a clean year for the new committee.
    expect(computeMetric(t.ledger, 'committeeInTerm', ids.branchA, 2027, { today: '2027-12-31' }).value).toBe(1);
  });
});

describe('cached figures behind a rank', () => {
  it('are reused until an audited change, and a fresh call always recounts', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    const ids = branchYear(t.ledger);
    const count = (cached: boolean) => computeMetric(t.ledger, 'volunteerActivities', ids.branchB, 2025, { today: TODAY, cached }).value;
    expect(count(false)).toBe(1);
    // A row written behind the services' back (no audit entry) is not seen by the cache…
    t.ledger.db.prepare("INSERT INTO activities (org_id, type, date, topic, created_at, updated_at) VALUES (?, 'volunteer', '2025-09-09', '清扫楼道', 'x', 'x')").run(ids.branchB);
    expect(count(true)).toBe(1);
    expect(count(false)).toBe(2);
    t.ledger.db.prepare("INSERT INTO activities (org_id, type, date, topic, created_at, updated_at) VALUES (?, 'volunteer', '2025-10-09', '义诊', 'x', 'x')").run(ids.branchB);
    // …but every service writes one, and that invalidates it; scoring entries do not.
    t.ledger.tx(() => t.ledger.audit({ action: 'score', entity: 'assessment', summary: '评分' }));
    expect(count(true)).toBe(2);
    t.ledger.tx(() => t.ledger.audit({ action: 'create', entity: 'activity', summary: '记录活动' }));
    expect(count(true)).toBe(3);
  });
});

describe('a branch founded part-way through the year', () => {
  it('is measured on the months it owed, as a full year’s equivalent', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    const ids = branchYear(t.ledger);
    const late = createOrg(t.ledger, { parentId: ids.community, name: '东风社区第三党支部', type: 'branch', category: 'community', foundedOn: '2025-07-01' });
    for (const m of [7, 8, 9, 11, 12]) addActivity(t.ledger, { orgId: late, type: 'committeeMeeting', date: `2025-${String(m).padStart(2, '0')}-08` });
    const r = computeMetric(t.ledger, 'committeeMonths', late, 2025, { today: TODAY });
    expect(r).toMatchObject({ value: 10, misses: 1, explanation: '支部委员会会议：应开展 6 个月，已开展 5 个月，10月未开展，折合全年 10 个月' });
    expect(r.figures).toContainEqual({ label: '不计的月份（成立前）', value: '1月、2月、3月、4月、5月、6月' });
  });
});

describe('a year that has not begun', () => {
  it('has nothing to compute and scores nothing yet', () => {
    const r = computeMetric(shared.ledger, 'volunteerActivities', shared.ids.branchA, 2027, { today: TODAY });
    expect(r).toMatchObject({ value: null, pending: true, explanation: '2027 年度尚未开始，届时由系统根据台帐计算' });
  });
});
