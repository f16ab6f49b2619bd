// One indicator's scores in an assessment and which of them counts. The committee's score is the
// one that counts; a computed indicator counts its computed score until the committee overrides
// it, and an override needs a reason (inspectors ask why a number differs from the ledger).
import { roundScore, sumScores } from './grading';
import { formatNumber } from './metrics';
import type { IndicatorSource } from './template';

export type ScoreState = {
  content: string;
  source: IndicatorSource;
  points: number;
  selfScore: number | null;
  committeeScore: number | null;
  computedScore: number | null;
  overrideReason: string | null;
};

export function effectiveScore(s: ScoreState): number | null {
  if (s.committeeScore !== null) return s.committeeScore;
  return s.source === 'computed' ? s.computedScore : null;
}

export function isOverride(s: ScoreState): boolean {
  return s.source === 'computed' && s.committeeScore !== null && s.computedScore !== null && roundScore(s.committeeScore) !== roundScore(s.computedScore);
}

/** Chinese sentences for what is wrong with one indicator's scores (empty when sound). */
export function scoreProblems(s: ScoreState): string[] {
  const out: string[] = [];
  const max = formatNumber(s.points);
  for (const [label, v] of [['自评分', s.selfScore], ['考核组评分', s.committeeScore]] as const) {
    if (v === null) continue;
    if (!Number.isFinite(v) || v < 0) out.push(`“${s.content}”的${label}不能为负数`);
    else if (v > s.points + 1e-9) out.push(`“${s.content}”的${label} ${formatNumber(v)} 分超过了该项分值 ${max} 分`);
  }
  if (isOverride(s) && !s.overrideReason?.trim()) {
    out.push(`“${s.content}”的考核组评分与系统计算的 ${formatNumber(s.computedScore!)} 分不同，请填写调整理由`);
  }
  return out;
}

/** Total of the scores that count; an indicator not yet scored counts 0 and makes it incomplete. */
export function assessmentTotal(scores: readonly ScoreState[]): { total: number; complete: boolean; unscored: string[] } {
  const unscored = scores.filter((s) => effectiveScore(s) === null).map((s) => s.content);
  return { total: sumScores(scores.map(effectiveScore)), complete: unscored.length === 0, unscored };
}
