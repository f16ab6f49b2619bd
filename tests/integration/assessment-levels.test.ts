// Contracts at two levels: the street signs with 东风社区党委 as well as with its two branches. The
// community's computed indicators are its branches' figures put together (sum, mean or worst per
// metric); the test does that arithmetic by hand from the branches' own assessments and compares
// it with the service and the CLI. Also: ranks per level, the 社区党委's own meeting rules, and
// 民主生活会 as a built-in type (and the migration that adopts a street's own 民主生活会).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemplate, issueContracts, issueTargets, listTemplates } from '../../electron/ledger/contracts';
import { getAssessment, yearSummary } from '../../electron/ledger/assessments';
import { complianceForOrg } from '../../electron/ledger/compliance';
import { listActivityTypes } from '../../electron/ledger/activities';
import m009 from '../../electron/ledger/migrations/009-contract-levels';
import { saveSecretaryReview } from '../../electron/ledger/secretary-reviews';
import type { RankedAssessment } from '../../shared/api/assessment';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';
import { addActivity, branchYear } from '../helpers/assessment-fixtures';
import { smallStreet } from '../helpers/builders';
import { runCli } from '../helpers/cli';

const opts = { today: '2026-11-22' };
let t: Awaited<ReturnType<typeof tempLedger>>;
let ids: ReturnType<typeof branchYear>;
let contracts: { a: number; b: number; community: number };

beforeAll(async () => {
  t = await tempLedger();
  ids = branchYear(t.ledger);
  const branchTpl = createTemplate(t.ledger, { year: 2025 });
  const communityTpl = createTemplate(t.ledger, { year: 2025, level: 'community' });
  const issued = [
    ...issueContracts(t.ledger, { templateId: branchTpl.id, issuedOn: '2025-01-15' }).issued,
    ...issueContracts(t.ledger, { templateId: communityTpl.id, issuedOn: '2025-01-15' }).issued,
  ];
  const of = (org: string) => issued.find((c) => c.org === org)!.contractId;
  contracts = { a: of('东风社区第一党支部'), b: of('东风社区第二党支部'), community: of('东风社区党委') };
});
afterAll(() => t.cleanup());

/** An own-record metric's rate from the figures its explanation states: "应到位 N 项，已到位 M 项". */
const ownRate = (v: RankedAssessment, metric: string) => {
  const [, total, ok] = /^应到位 (\d+) 项，已到位 (\d+) 项/.exec(v.indicators.find((i) => i.metric === metric)!.computed!.explanation)!;
  return Number(ok) / Number(total);
};
const values = (v: RankedAssessment) => Object.fromEntries(v.indicators.filter((i) => i.source === 'computed').map((i) => [i.metric!, i.computed!.value]));

describe('contracts for 社区党委/党总支', () => {
  it('a year has one template per level; each issues only to its own level', () => {
    expect(listTemplates(t.ledger).map((x) => [x.year, x.level])).toEqual([[2025, 'branch'], [2025, 'community']]);
    expect(() => createTemplate(t.ledger, { year: 2025, level: 'community' })).toThrow('2025 年度社区党委/党总支责任书模板已经存在');
    expect(issueTargets(t.ledger, 2025, 'community').map((x) => x.org)).toEqual(['东风社区党委']);
    expect(issueTargets(t.ledger, 2025).map((x) => x.org)).toEqual(['东风社区第一党支部', '东风社区第二党支部']);
    const branchTpl = listTemplates(t.ledger).find((x) => x.level === 'branch')!;
    expect(() => issueContracts(t.ledger, { templateId: branchTpl.id, orgIds: [ids.community] })).toThrow('“东风社区党委”是社区党委，请用 2025 年度社区党委/党总支责任书模板下达');
  });

  it('aggregates the branches’ figures as written down per metric: sum, mean or worst', () => {
    const a = values(getAssessment(t.ledger, contracts.a, opts));
    const b = values(getAssessment(t.ledger, contracts.b, opts));
    const community = getAssessment(t.ledger, contracts.community, opts);
    // By hand: the mean of the branches where the metric applies, the sum, or the worse of the two.
    const mean = (k: string) => {
      const xs = [a[k], b[k]].filter((x): x is number => x !== null);
      return xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10000) / 10000 : null;
    };
    const sum = (k: string) => a[k]! + b[k]!;
    const worst = (k: string) => Math.min(a[k]!, b[k]!);
    expect(values(community)).toEqual({
      committeeInTerm: worst('committeeInTerm'), committeeMonths: mean('committeeMonths'), threeMeetingsOneLesson: mean('threeMeetingsOneLesson'),
      appraisalDone: mean('appraisalDone'), newMembersAdmitted: sum('newMembersAdmitted'),
      // Its own: the 在职党员 report to the community, its mobile members are its branches' (only A has any).
      mobileKeptUp: ownRate(community, 'mobileKeptUp'),
      facilities: mean('facilities'), missingFieldRate: mean('missingFieldRate'), jointMeetings: sum('jointMeetings'),
      themeDayMonths: mean('themeDayMonths'), postHolders: mean('postHolders'), volunteerActivities: mean('volunteerActivities'), visits: mean('visits'),
      // Its own 述职评议 record: none entered for the community here.
      secretaryReport: 0, satisfaction: 0,
    });
    // The figures these rest on (assessment-fixtures.ts): A met 10 months of 支委会, B none; A held 3 联席会, B 1.
    expect([a.committeeMonths, b.committeeMonths, a.jointMeetings, b.jointMeetings]).toEqual([10, 0, 3, 1]);
    const months = community.indicators.find((i) => i.metric === 'committeeMonths')!;
    expect(months.computed!.explanation).toBe('下属 2 个支部平均 5 个月');
    expect(months.computed!.figures).toEqual([
      { label: '计算方法（下属支部平均）', value: '5 个月' }, { label: '东风社区第一党支部', value: '10 个月' }, { label: '东风社区第二党支部', value: '0 个月' },
    ]);
    expect(months.computedScore).toBe(4.17);
    const joint = community.indicators.find((i) => i.metric === 'jointMeetings')!;
    expect(joint.computed!.explanation).toBe('下属 2 个支部合计 4 次');
    // The community's target is 8 a year: 4 ÷ 8 × 4 points.
    expect(joint.computedScore).toBe(2);
    // B has no committee on record: the worse branch names itself.
    expect(community.indicators.find((i) => i.metric === 'committeeInTerm')!.computed!.explanation).toBe('下属 2 个支部最差 否（东风社区第二党支部）');
    // Mobile members and 报到 are the community's own record, not an aggregate of its branches'.
    expect(community.indicators.find((i) => i.metric === 'mobileKeptUp')!.computed!.explanation).toMatch(/^应到位 \d+ 项/);
  });

  it('reads the community’s own 述职评议 for its 述职 and 满意度 lines, not its branches’', () => {
    saveSecretaryReview(t.ledger, { orgId: ids.branchA, year: 2025, secretary: '王建国', reportedOn: '2025-12-18', residents: { good: 1, fair: 0, average: 0, poor: 3 } }, opts);
    saveSecretaryReview(t.ledger, { orgId: ids.community, year: 2025, secretary: '社区书记', reportedOn: '2025-12-20', residents: { good: 15, fair: 3, average: 2, poor: 0 } }, opts);
    const community = getAssessment(t.ledger, contracts.community, opts);
    const line = (metric: string) => community.indicators.find((i) => i.metric === metric)!.computed!;
    expect(line('secretaryReport')).toMatchObject({ value: 1 });
    expect(line('secretaryReport').explanation).toContain('述职 2025-12-20（社区书记）');
    // 18 of 20 residents' votes 好 or 较好: the community's own, not branch A's 1 of 4.
    expect(line('satisfaction').value).toBeCloseTo(0.9, 10);
  });

  it('ranks each level on its own', () => {
    const s = yearSummary(t.ledger, 2025, opts);
    expect(s.branches.map((x) => [x.org, x.level, x.rank, x.of])).toEqual([
      ['东风社区第一党支部', 'branch', 1, 2], ['东风社区第二党支部', 'branch', 2, 2], ['东风社区党委', 'community', 1, 1],
    ]);
  });

  it('CLI assessment --json lists the community with its level, total, grade and rank next to the branches', { timeout: 120_000 }, () => {
    const service = yearSummary(t.ledger, 2025, opts);
    t.ledger.close();
    const r = runCli(['assessment', '--db', t.path, '--year', '2025', '--today', opts.today, '--json'], { LEDGER_PASSWORD: TEST_PASSWORD });
    expect(r.stderr).toBe('');
    const out = r.json();
    expect(out.branches.map((b: { org: string; level: string; rank: number; of: number }) => [b.org, b.level, b.rank, b.of])).toEqual([
      ['东风社区第一党支部', 'branch', 1, 2], ['东风社区第二党支部', 'branch', 2, 2], ['东风社区党委', 'community', 1, 1],
    ]);
    const community = out.branches.find((b: { level: string }) => b.level === 'community');
    const fromService = service.branches.find((b) => b.level === 'community')!;
    expect(community).toMatchObject({ total: fromService.total, grade: fromService.grade });
    const months = community.indicators.find((i: { metric?: string }) => i.metric === 'committeeMonths');
    expect(months).toMatchObject({ value: 5, computedScore: 4.17, explanation: '下属 2 个支部平均 5 个月' });
  });
});

describe('meeting rules of a 社区党委 and 民主生活会', () => {
  it('checks the 党委会 monthly and the 民主生活会 yearly', async () => {
    const s = await tempLedger();
    try {
      const { community } = branchYear(s.ledger);
      for (const m of ['01', '02', '04']) addActivity(s.ledger, { orgId: community, type: 'committeeMeeting', date: `2025-${m}-08` });
      addActivity(s.ledger, { orgId: community, type: 'democraticLife', date: '2025-12-28' });
      const rules = complianceForOrg(s.ledger, community, 2025, opts);
      const meetings = rules.find((r) => r.ruleId === 'committeeMeeting')!;
      expect(meetings).toMatchObject({ rule: '党委（总支）委员会会议', required: 12, met: 3 });
      expect(meetings.missing).toContain('2025-03');
      expect(rules.find((r) => r.ruleId === 'democraticLife')).toMatchObject({ rule: '民主生活会', required: 1, met: 1 });
      expect(listActivityTypes(s.ledger).find((x) => x.code === 'democraticLife')).toMatchObject({ label: '民主生活会', builtin: true });
    } finally {
      s.cleanup();
    }
  });

  it('migration 010 turns a street’s own 民主生活会 type into the built-in one, records and rules with it', async () => {
    const s = await tempLedger();
    try {
      const { community } = smallStreet(s.ledger);
      s.ledger.db.prepare("INSERT INTO settings (key, value) VALUES ('activityTypes', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .run(JSON.stringify([{ code: 'custom1', label: '民主生活会', countsForAttendance: false, expected: 'none' }, { code: 'custom2', label: '党务公开', countsForAttendance: false, expected: 'none' }]));
      s.ledger.db.prepare("INSERT INTO settings (key, value) VALUES ('complianceRules', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .run(JSON.stringify({ byOrgType: { partyCommittee: { mzsh: { activityType: 'custom1', label: '民主生活会', period: 'year' } } } }));
      const activity = addActivity(s.ledger, { orgId: community, type: 'custom1', date: '2025-12-28' });
      s.ledger.db.transaction(() => m009.up(s.ledger.db))();
      expect(s.ledger.db.prepare('SELECT type FROM activities WHERE id = ?').pluck().get(activity)).toBe('democraticLife');
      expect(listActivityTypes(s.ledger).filter((x) => !x.builtin).map((x) => x.label)).toEqual(['党务公开']);
      const cfg = JSON.parse(s.ledger.db.prepare("SELECT value FROM settings WHERE key = 'complianceRules'").pluck().get() as string);
      expect(cfg.byOrgType.partyCommittee.mzsh.activityType).toBe('democraticLife');
    } finally {
      s.cleanup();
    }
  });
});
