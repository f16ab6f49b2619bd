// From a metric's value to an indicator's points. Three rules cover the committees' sheets:
// full points once the target is reached, points in proportion to the target, or points less a
// deduction per miss. A metric that does not apply to the branch (value null) earns full points.
import { z } from 'zod';
import { roundScore } from './grading';
import { type MetricDef, type MetricResult, formatMetricValue, formatNumber } from './metrics';

export const SCORING_MODES = ['full', 'proportional', 'deduction'] as const;
export type ScoringMode = (typeof SCORING_MODES)[number];
export const SCORING_MODE_LABELS: Record<ScoringMode, string> = {
  full: '达标得满分',
  proportional: '按比例得分',
  deduction: '每缺一项扣分',
};

export const scoringRuleSchema = z.object({
  mode: z.enum(SCORING_MODES, { message: '请选择计分方式' }),
  /** In the metric's unit (a rate as 0–1). Missing: the metric's default target. */
  target: z.number().min(0, '目标值不能为负数').optional(),
  /** Deduction mode: points off per missed item. */
  perMiss: z.number().positive('每项扣分应大于 0').max(100).optional(),
});
export type ScoringRule = z.output<typeof scoringRuleSchema>;

export const DEFAULT_SCORING_RULE: ScoringRule = { mode: 'proportional' };

/** Parses the JSON kept in template_indicators.scoring; a damaged value falls back to proportional. */
export function parseScoringRule(json: string | null | undefined): ScoringRule {
  try {
    const parsed = scoringRuleSchema.safeParse(JSON.parse(json || '{}'));
    return parsed.success ? parsed.data : DEFAULT_SCORING_RULE;
  } catch {
    return DEFAULT_SCORING_RULE;
  }
}

export type ComputedScore = {
  score: number;
  /** The arithmetic in words: "11 个月 ÷ 12 个月 × 10 分 = 9.17 分". */
  working: string;
};

function targetOf(rule: ScoringRule, def: MetricDef): number {
  return rule.target ?? def.defaultTarget;
}

/** The rule in words, as the template editor proposes it for the rule text. */
export function describeScoringRule(points: number, rule: ScoringRule, def: MetricDef): string {
  const target = targetOf(rule, def);
  const t = formatMetricValue(def.unit, target);
  const p = formatNumber(points);
  const cmp = def.better === 'higher' ? '达到' : '不超过';
  if (def.unit === 'flag') return `${def.label}，得 ${p} 分；否则不得分`;
  switch (rule.mode) {
    case 'full':
      return `${def.label}${cmp} ${t}，得 ${p} 分，否则不得分`;
    case 'proportional':
      return def.better === 'higher'
        ? `${def.label}${cmp} ${t}，得 ${p} 分，未达到的按比例计分`
        : `${def.label}${cmp} ${t}，得 ${p} 分，超出的按比例扣减`;
    case 'deduction':
      return `${def.label}${cmp} ${t}，得 ${p} 分，每缺一项扣 ${formatNumber(rule.perMiss ?? 1)} 分，扣完为止`;
  }
}

/** Missed items: what the metric counted, or the shortfall against the target. */
function missesOf(result: MetricResult, target: number, def: MetricDef): number {
  if (result.misses !== undefined) return result.misses;
  const v = result.value ?? 0;
  const shortfall = def.better === 'higher' ? target - v : v - target;
  // A rate's shortfall counts in whole percentage points, so "每缺一项" stays a whole number.
  const inItems = def.unit === 'rate' ? shortfall * 100 : shortfall;
  return Math.max(0, Math.ceil(roundScore(inItems)));
}

export function scoreMetric(points: number, rule: ScoringRule, def: MetricDef, result: MetricResult): ComputedScore {
  const p = formatNumber(points);
  if (result.value === null) {
    return { score: roundScore(points), working: `本支部不适用此项，按满分 ${p} 分计` };
  }
  const target = targetOf(rule, def);
  const v = result.value;
  const vt = formatMetricValue(def.unit, v);
  const tt = formatMetricValue(def.unit, target);
  const reached = def.better === 'higher' ? v >= target - 1e-9 : v <= target + 1e-9;
  switch (rule.mode) {
    case 'full': {
      const score = reached ? points : 0;
      if (def.unit === 'flag') return { score: roundScore(score), working: reached ? `得 ${p} 分` : '不得分' };
      return { score: roundScore(score), working: reached ? `${vt}，达到目标 ${tt}，得 ${p} 分` : `${vt}，未达到目标 ${tt}，不得分` };
    }
    case 'proportional': {
      if (reached) return { score: roundScore(points), working: `${vt}，达到目标 ${tt}，得 ${p} 分` };
      if (def.better === 'higher') {
        const share = target > 0 ? Math.max(0, v / target) : 1;
        const score = roundScore(points * share);
        return { score, working: `${vt} ÷ ${tt} × ${p} 分 = ${formatNumber(score)} 分` };
      }
      // Lower is better: from full at the target down to nothing at the worst value (100% for rates).
      const worst = def.unit === 'rate' ? 1 : Math.max(target * 2, target + 1);
      const share = worst > target ? Math.max(0, (worst - v) / (worst - target)) : 0;
      const score = roundScore(points * share);
      return { score, working: `${vt}（目标 ${tt}），得 ${p} 分 × ${formatNumber(share * 100, 1)}% = ${formatNumber(score)} 分` };
    }
    case 'deduction': {
      const per = rule.perMiss ?? 1;
      const misses = missesOf(result, target, def);
      const score = roundScore(Math.max(0, points - per * misses));
      if (misses === 0) return { score, working: `${vt}，无缺项，得 ${p} 分` };
      return { score, working: `缺 ${misses} 项 × ${formatNumber(per)} 分 = 扣 ${formatNumber(Math.min(points, per * misses))} 分，得 ${formatNumber(score)} 分` };
    }
  }
}
