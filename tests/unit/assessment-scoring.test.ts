import { describe, expect, it } from 'vitest';
import {
  type MetricCode, type MetricResult, assessmentTotal, describeScoringRule, effectiveScore, metricDef, parseScoringRule,
  scoreMetric, scoreProblems,
} from '../../shared/assessment';

function result(metric: MetricCode, value: number | null, misses?: number): MetricResult {
  const def = metricDef(metric)!;
  return { metric, label: def.label, unit: def.unit, value, misses, figures: [], explanation: '' };
}
const def = (m: MetricCode) => metricDef(m)!;

describe('metric → points', () => {
  it('full: all at the target, nothing below it', () => {
    expect(scoreMetric(3, { mode: 'full', target: 1 }, def('newMembersAdmitted'), result('newMembersAdmitted', 1)).score).toBe(3);
    expect(scoreMetric(3, { mode: 'full', target: 1 }, def('newMembersAdmitted'), result('newMembersAdmitted', 4)).score).toBe(3);
    const none = scoreMetric(3, { mode: 'full', target: 1 }, def('newMembersAdmitted'), result('newMembersAdmitted', 0));
    expect(none.score).toBe(0);
    expect(none.working).toContain('未达到目标');
    expect(scoreMetric(5, { mode: 'full' }, def('committeeInTerm'), result('committeeInTerm', 0))).toEqual({ score: 0, working: '不得分' });
    expect(scoreMetric(5, { mode: 'full' }, def('committeeInTerm'), result('committeeInTerm', 1))).toEqual({ score: 5, working: '得 5 分' });
  });

  it('proportional: months met over twelve, capped at full', () => {
    const s = scoreMetric(10, { mode: 'proportional', target: 12 }, def('committeeMonths'), result('committeeMonths', 11));
    expect(s.score).toBe(9.17);
    expect(s.working).toBe('11 个月 ÷ 12 个月 × 10 分 = 9.17 分');
    expect(scoreMetric(4, { mode: 'proportional', target: 4 }, def('jointMeetings'), result('jointMeetings', 6)).score).toBe(4);
    expect(scoreMetric(6, { mode: 'proportional', target: 10 }, def('facilities'), result('facilities', 7)).score).toBe(4.2);
  });

  it('proportional on a rate with a target below 100%', () => {
    // 60% of members hold a post, target 80%: 5 × 0.6/0.8 = 3.75.
    expect(scoreMetric(5, { mode: 'proportional', target: 0.8 }, def('postHolders'), result('postHolders', 0.6)).score).toBe(3.75);
    expect(scoreMetric(5, { mode: 'proportional', target: 0.8 }, def('postHolders'), result('postHolders', 0.8)).score).toBe(5);
  });

  it('proportional where lower is better: a 5% missing-field rate keeps 95% of the points', () => {
    const s = scoreMetric(6, { mode: 'proportional', target: 0 }, def('missingFieldRate'), result('missingFieldRate', 0.05));
    expect(s.score).toBe(5.7);
    expect(scoreMetric(6, { mode: 'proportional', target: 0 }, def('missingFieldRate'), result('missingFieldRate', 0)).score).toBe(6);
    expect(scoreMetric(6, { mode: 'proportional', target: 0 }, def('missingFieldRate'), result('missingFieldRate', 1)).score).toBe(0);
  });

  it('deduction: per missed item as the metric counts them, never below zero', () => {
    const s = scoreMetric(10, { mode: 'deduction', perMiss: 0.5 }, def('threeMeetingsOneLesson'), result('threeMeetingsOneLesson', 0.9, 3));
    expect(s.score).toBe(8.5);
    expect(s.working).toContain('缺 3 项');
    expect(scoreMetric(4, { mode: 'deduction', perMiss: 1 }, def('threeMeetingsOneLesson'), result('threeMeetingsOneLesson', 0.5, 9)).score).toBe(0);
  });

  it('deduction without a count falls back to the shortfall against the target', () => {
    // 2 联席会 held, target 4: 2 missing × 1 point.
    expect(scoreMetric(4, { mode: 'deduction', target: 4, perMiss: 1 }, def('jointMeetings'), result('jointMeetings', 2)).score).toBe(2);
    // a rate counts in whole percentage points: 97.5% of 100% → 3 points short.
    expect(scoreMetric(5, { mode: 'deduction', target: 1, perMiss: 0.5 }, def('attendanceRate'), result('attendanceRate', 0.975)).score).toBe(3.5);
  });

  it('a metric that does not apply earns full points, and says so', () => {
    const s = scoreMetric(3, { mode: 'proportional' }, def('mobileKeptUp'), result('mobileKeptUp', null));
    expect(s).toEqual({ score: 3, working: '本支部不适用此项，按满分 3 分计' });
  });

  it('a missing target uses the metric’s default', () => {
    expect(scoreMetric(12, { mode: 'proportional' }, def('themeDayMonths'), result('themeDayMonths', 6)).score).toBe(6);
  });

  it('reads damaged scoring JSON as proportional', () => {
    expect(parseScoringRule('{"mode":"deduction","perMiss":2}')).toEqual({ mode: 'deduction', perMiss: 2 });
    expect(parseScoringRule('not json')).toEqual({ mode: 'proportional' });
    expect(parseScoringRule('{"mode":"weird"}')).toEqual({ mode: 'proportional' });
  });

  it('describes a rule in words for the template', () => {
    expect(describeScoringRule(10, { mode: 'proportional', target: 12 }, def('committeeMonths'))).toBe('支委会召开月数达到 12 个月，得 10 分，未达到的按比例计分');
    expect(describeScoringRule(6, { mode: 'proportional', target: 0 }, def('missingFieldRate'))).toContain('不超过 0%，得 6 分');
    expect(describeScoringRule(5, { mode: 'full' }, def('committeeInTerm'))).toBe('班子按期换届，得 5 分；否则不得分');
  });
});

describe('which score counts', () => {
  const base = { content: '三会一课', points: 10, selfScore: null, committeeScore: null, computedScore: null, overrideReason: null } as const;

  it('a computed indicator counts its computed score until overridden', () => {
    expect(effectiveScore({ ...base, source: 'computed', computedScore: 9.17 })).toBe(9.17);
    expect(effectiveScore({ ...base, source: 'computed', computedScore: 9.17, committeeScore: 10, overrideReason: '7 月会议记录补录' })).toBe(10);
  });

  it('a manual indicator counts only the committee’s score, not the self-score', () => {
    expect(effectiveScore({ ...base, source: 'manual', selfScore: 10 })).toBeNull();
    expect(effectiveScore({ ...base, source: 'manual', selfScore: 10, committeeScore: 8 })).toBe(8);
  });

  it('asks for a reason when the committee departs from the computed score', () => {
    expect(scoreProblems({ ...base, source: 'computed', computedScore: 9.17, committeeScore: 10 })).toEqual([
      '“三会一课”的考核组评分与系统计算的 9.17 分不同，请填写调整理由',
    ]);
    expect(scoreProblems({ ...base, source: 'computed', computedScore: 9.17, committeeScore: 9.17 })).toEqual([]);
  });

  it('refuses scores above the points or below zero', () => {
    expect(scoreProblems({ ...base, source: 'manual', selfScore: 11 })).toEqual(['“三会一课”的自评分 11 分超过了该项分值 10 分']);
    expect(scoreProblems({ ...base, source: 'manual', committeeScore: -1 })).toEqual(['“三会一课”的考核组评分不能为负数']);
  });

  it('totals what counts and lists what is not scored yet', () => {
    const t = assessmentTotal([
      { ...base, source: 'computed', computedScore: 9.17 },
      { ...base, content: '述职', source: 'manual', points: 5, committeeScore: 4.5 },
      { ...base, content: '满意度', source: 'manual', selfScore: 10 },
    ]);
    expect(t).toEqual({ total: 13.67, complete: false, unscored: ['满意度'] });
  });
});
