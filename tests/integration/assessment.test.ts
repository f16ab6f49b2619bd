import { afterEach, describe, expect, it } from 'vitest';
import { adjustContract, createTemplate, getContract, issueContracts } from '../../electron/ledger/contracts';
import {
  confirmAssessment, evidenceOptions, getAssessment, scoreIndicator, setGradeBands, unlockAssessment, yearSummary,
} from '../../electron/ledger/assessments';
import type { Ledger } from '../../electron/ledger/ledger';
import { tempLedger } from '../helpers/temp-ledger';
import { addActivity, branchYear } from '../helpers/assessment-fixtures';
import { saveSecretaryReview } from '../../electron/ledger/secretary-reviews';

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

const opts = { today: '2026-11-22' };

async function setup() {
  const t = await tempLedger();
  cleanups.push(t.cleanup);
  const ids = branchYear(t.ledger);
  // A's 述职评议: reported (述职 5 分), residents' representatives 19 of 20 satisfied (满意度 9.5 分).
  saveSecretaryReview(t.ledger, { orgId: ids.branchA, year: 2025, secretary: '王建国', reportedOn: '2025-12-20', members: { good: 3, fair: 1, average: 0, poor: 0 }, residents: { good: 15, fair: 4, average: 1, poor: 0 } }, opts);
  const tpl = createTemplate(t.ledger, { year: 2025 });
  const issued = issueContracts(t.ledger, { templateId: tpl.id, issuedOn: '2025-01-15' }).issued;
  const contractA = issued.find((c) => c.org === '东风社区第一党支部')!.contractId;
  const contractB = issued.find((c) => c.org === '东风社区第二党支部')!.contractId;
  return { ...t, ...ids, contractA, contractB };
}

/** Saves a score and returns that indicator as it now stands. */
function score(ledger: Ledger, input: Parameters<typeof scoreIndicator>[1]) {
  scoreIndicator(ledger, input, opts);
  return getAssessment(ledger, input.contractId, opts).indicators.find((i) => i.id === input.indicatorId)!;
}

const byContent = (view: ReturnType<typeof getAssessment>, part: string) => view.indicators.find((i) => i.content.includes(part))!;

function scoreManuals(ledger: Ledger, contractId: number, scores: Record<string, number>) {
  const view = getAssessment(ledger, contractId, opts);
  for (const [part, committeeScore] of Object.entries(scores)) {
    scoreIndicator(ledger, { contractId, indicatorId: byContent(view, part).id, selfScore: committeeScore, committeeScore }, opts);
  }
}

const MANUALS = { 党费: 4, 特色品牌: 3, 诉求: 5 };

describe('year-end assessment', () => {
  it('fills in every computed indicator with its figures and the arithmetic', async () => {
    const t = await setup();
    const a = getAssessment(t.ledger, t.contractA, opts);
    const computed = Object.fromEntries(a.indicators.filter((i) => i.source === 'computed').map((i) => [i.metric, i.computedScore]));
    expect(computed).toEqual({
      committeeInTerm: 5, committeeMonths: 8.33, threeMeetingsOneLesson: 8.5, appraisalDone: 2, newMembersAdmitted: 3, mobileKeptUp: 1.8,
      facilities: 4.2, missingFieldRate: 3, jointMeetings: 3, themeDayMonths: 5, postHolders: 3.13, volunteerActivities: 2.08, visits: 0,
      secretaryReport: 5, satisfaction: 9.5,
    });
    const months = byContent(a, '支部委员会会议');
    expect(months.computed!.working).toBe('10 个月 ÷ 12 个月 × 10 分 = 8.33 分');
    expect(months.computed!.explanation).toContain('3月、7月未开展');
    expect(a).toMatchObject({ status: 'draft', complete: false, total: 63.54, grade: '一般', points: 100 });
    expect(a.unscored).toEqual(['按月足额收缴党费', '打造党建特色品牌项目', '群众诉求及时办理']);
  });

  it('totals, grades and ranks once the committee has scored the manual indicators', async () => {
    const t = await setup();
    scoreManuals(t.ledger, t.contractA, MANUALS);
    const a = getAssessment(t.ledger, t.contractA, opts);
    expect(a).toMatchObject({ complete: true, total: 75.54, grade: '一般', rank: 1, of: 2 });
    expect(a.categories.map((c) => c.category)).toEqual(['领导班子好', '党员队伍好', '工作机制好', '工作业绩好', '群众反映好']);
    expect(a.categories.reduce((s, c) => s + c.score, 0)).toBeCloseTo(75.54, 6);
    const b = getAssessment(t.ledger, t.contractB, opts);
    // B: nothing recorded; 流动 does not apply (full 3), roster complete (6), 1 联席会 (1), 1 志愿服务 (0.42).
    expect(b).toMatchObject({ total: 10.42, rank: 2, complete: false });
    const summary = yearSummary(t.ledger, 2025, opts);
    expect(summary.branches.map((x) => [x.org, x.rank])).toEqual([['东风社区第一党支部', 1], ['东风社区第二党支部', 2]]);
    // Configurable bands: with 良好 from 75 the same total grades differently.
    setGradeBands(t.ledger, [{ grade: '优秀', min: 90 }, { grade: '良好', min: 75 }, { grade: '一般', min: 60 }, { grade: '较差', min: 0 }]);
    expect(getAssessment(t.ledger, t.contractA, opts).grade).toBe('良好');
  });

  it('an override of a computed score needs a reason; scores above the points are refused', async () => {
    const t = await setup();
    const a = getAssessment(t.ledger, t.contractA, opts);
    const months = byContent(a, '支部委员会会议');
    expect(() => scoreIndicator(t.ledger, { contractId: t.contractA, indicatorId: months.id, committeeScore: 10 }, opts))
      .toThrow('“支部委员会会议每月至少召开一次”的考核组评分与系统计算的 8.33 分不同，请填写调整理由');
    const saved = score(t.ledger, { contractId: t.contractA, indicatorId: months.id, committeeScore: 10, overrideReason: '3 月会议记录经核实到会人数足够，7 月会议记录遗失已补交' });
    expect(saved).toMatchObject({ score: 10, overridden: true, computedScore: 8.33 });
    expect(() => scoreIndicator(t.ledger, { contractId: t.contractA, indicatorId: byContent(a, '述职').id, selfScore: 6 }, opts))
      .toThrow('“支部书记年度抓党建工作述职”的自评分 6 分超过了该项分值 5 分');
    // Agreeing with the computed score again drops the reason.
    expect(score(t.ledger, { contractId: t.contractA, indicatorId: months.id, committeeScore: 8.33 })).toMatchObject({ overridden: false, overrideReason: null });
  });

  it('links evidence from the branch’s own records only', async () => {
    const t = await setup();
    const a = getAssessment(t.ledger, t.contractA, opts);
    const options = evidenceOptions(t.ledger, t.contractA);
    const lesson = options.find((o) => o.type === '党课')!;
    const saved = score(t.ledger, { contractId: t.contractA, indicatorId: byContent(a, '述职').id, committeeScore: 5, note: '述职报告已存档', evidence: [{ kind: 'activity', id: lesson.id }] });
    expect(saved.evidence).toEqual([{ kind: 'activity', id: lesson.id, label: `党课：${lesson.topic}`, date: lesson.date }]);
    const otherBranch = addActivity(t.ledger, { orgId: t.branchB, type: 'partyLesson', date: '2025-04-01' });
    expect(() => scoreIndicator(t.ledger, { contractId: t.contractA, indicatorId: byContent(a, '述职').id, evidence: [{ kind: 'activity', id: otherBranch }] }, opts))
      .toThrow('佐证材料只能选本支部（含党小组）的活动记录和附件。');
  });

  it('refuses to confirm while anything is unscored', async () => {
    const t = await setup();
    expect(() => confirmAssessment(t.ledger, { contractId: t.contractA }, opts)).toThrow('还有 3 项未评分（“按月足额收缴党费”、“打造党建特色品牌项目”、“群众诉求及时办理”），请由考核组评分后再确认。');
  });

  it('confirming freezes the figures and locks; unlocking is audited and reopens it', async () => {
    const t = await setup();
    scoreManuals(t.ledger, t.contractA, MANUALS);
    confirmAssessment(t.ledger, { contractId: t.contractA }, opts);
    const confirmed = getAssessment(t.ledger, t.contractA, opts);
    expect(confirmed).toMatchObject({ status: 'confirmed', total: 75.54, confirmedBy: '管理员' });
    expect(getContract(t.ledger, t.contractA).status).toBe('confirmed');

    // The ledger changes after confirmation: the confirmed result does not move.
    addActivity(t.ledger, { orgId: t.branchA, type: 'committeeMeeting', date: '2025-07-30', attendance: [[t.m1, 'present'], [t.m2, 'present']] });
    const frozen = getAssessment(t.ledger, t.contractA, opts);
    expect(frozen.total).toBe(75.54);
    expect(byContent(frozen, '支部委员会会议').computed!.value).toBe(10);

    const locked = '“东风社区第一党支部”2025 年度考核结果已确认锁定，不能修改。如确需修改，请先解锁考核（解锁会记入操作日志）。';
    const ind = byContent(frozen, '满意度');
    expect(() => scoreIndicator(t.ledger, { contractId: t.contractA, indicatorId: ind.id, committeeScore: 10 }, opts)).toThrow(locked);
    expect(() => adjustContract(t.ledger, { contractId: t.contractA, indicators: getContract(t.ledger, t.contractA).indicators })).toThrow(locked);
    expect(() => confirmAssessment(t.ledger, { contractId: t.contractA }, opts)).toThrow(locked);

    t.ledger.actor = { id: null, name: '办事员', role: 'clerk' };
    expect(() => unlockAssessment(t.ledger, { contractId: t.contractA, reason: '满意度测评结果有误' }, opts)).toThrow('只有管理员可以解锁已确认的考核结果。');
    t.ledger.actor = { id: 1, name: '管理员', role: 'admin' };
    unlockAssessment(t.ledger, { contractId: t.contractA, reason: '满意度测评结果有误' }, opts);
    const reopened = getAssessment(t.ledger, t.contractA, opts);
    expect(reopened.status).toBe('draft');
    // Live again: July's meeting now counts (11 months → 9.17).
    expect(byContent(reopened, '支部委员会会议').computedScore).toBe(9.17);
    const audit = t.ledger.db.prepare("SELECT action, summary, before FROM audit_log WHERE entity = 'assessment' AND action IN ('confirm', 'unlock') ORDER BY id").all() as { action: string; summary: string; before: string | null }[];
    expect(audit.map((x) => x.summary)).toEqual([
      '确认“东风社区第一党支部”2025 年度考核结果：75.54 分，一般',
      '解锁“东风社区第一党支部”2025 年度考核结果（原为 75.54 分，一般）：满意度测评结果有误',
    ]);
    expect(JSON.parse(audit[1]!.before!)).toMatchObject({ status: 'confirmed', total: 75.54 });
    expect(score(t.ledger, { contractId: t.contractA, indicatorId: ind.id, committeeScore: 10, overrideReason: '补录 1 张漏计的满意票' }).score).toBe(10);
  });

  it('re-issuing with refresh skips a confirmed branch', async () => {
    const t = await setup();
    scoreManuals(t.ledger, t.contractA, MANUALS);
    confirmAssessment(t.ledger, { contractId: t.contractA }, opts);
    const tplId = getContract(t.ledger, t.contractA).templateId;
    expect(issueContracts(t.ledger, { templateId: tplId, refresh: true }).skipped).toContainEqual({ org: '东风社区第一党支部', reason: '考核已确认' });
  });
});
