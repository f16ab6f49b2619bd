import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATE, FIVE_GOOD_CATEGORIES, METRICS, categoryTotals, indicatorInputSchema, metricDef, templateSum, templateSumWarning,
} from '../../shared/assessment';

describe('the default 五个好 template', () => {
  it('sums to 100, 20 points in each of the five categories', () => {
    expect(templateSum(DEFAULT_TEMPLATE.indicators)).toBe(100);
    expect(templateSumWarning(DEFAULT_TEMPLATE.indicators)).toBeNull();
    expect(categoryTotals(DEFAULT_TEMPLATE.indicators)).toEqual(FIVE_GOOD_CATEGORIES.map((category) => ({ category, points: 20 })));
  });

  it('names a known metric for every computed indicator and is valid input', () => {
    for (const ind of DEFAULT_TEMPLATE.indicators) {
      expect(indicatorInputSchema.safeParse(ind).success).toBe(true);
      if (ind.source === 'computed') expect(metricDef(ind.metric!)).toBeDefined();
      expect(ind.ruleText).toBeTruthy();
    }
    expect(DEFAULT_TEMPLATE.title(2026)).toBe('2026 年度基层党组织党建工作责任书');
  });

  it('uses the metrics the issue requires', () => {
    const codes = new Set(METRICS.map((m) => m.code));
    for (const required of ['threeMeetingsOneLesson', 'themeDayMonths', 'lifeMeetingHeld', 'appraisalDone', 'attendanceRate', 'facilities', 'committeeInTerm', 'missingFieldRate', 'newMembersAdmitted']) {
      expect(codes.has(required as never)).toBe(true);
    }
  });
});

describe('the 100-point check', () => {
  it('warns with the difference either way', () => {
    expect(templateSumWarning([{ points: 60 }, { points: 35 }])).toBe('各项指标分值合计 95 分，应为 100 分（少 5 分）');
    expect(templateSumWarning([{ points: 60 }, { points: 40.5 }])).toBe('各项指标分值合计 100.5 分，应为 100 分（多 0.5 分）');
    expect(templateSumWarning([{ points: 33.3 }, { points: 33.3 }, { points: 33.4 }])).toBeNull();
  });

  it('refuses a computed indicator without a metric, in Chinese', () => {
    const r = indicatorInputSchema.safeParse({ category: '领导班子好', content: '按期换届', points: 5, source: 'computed' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('“按期换届”是系统计算的指标，请选择计算依据');
  });
});
