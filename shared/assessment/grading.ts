// Totals, grades and ranks of the year-end assessment. Pure: the app, the CLI and the printed
// 汇总表 must agree to the last decimal, so every one of them goes through these functions.
import { z } from 'zod';

/** A grade and the lowest total that earns it; bands are kept highest first. */
export type GradeBand = { grade: string; min: number };

/** The settings key (JSON) under which a street keeps its own bands. */
export const GRADE_BANDS_KEY = 'gradeBands';

/** Default: 优秀 ≥ 90, 良好 80–89.9, 一般 60–79.9, 较差 < 60. */
export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = [
  { grade: '优秀', min: 90 },
  { grade: '良好', min: 80 },
  { grade: '一般', min: 60 },
  { grade: '较差', min: 0 },
];

export const gradeBandsSchema = z
  .array(z.object({ grade: z.string().trim().min(1, '请填写等次名称').max(10), min: z.number().min(0).max(100) }))
  .min(2, '至少需要两个等次')
  .max(8, '等次不能超过 8 个')
  .transform((bands) => [...bands].sort((a, b) => b.min - a.min))
  .refine((bands) => new Set(bands.map((b) => b.min)).size === bands.length, { message: '各等次的最低分不能相同' })
  .refine((bands) => new Set(bands.map((b) => b.grade)).size === bands.length, { message: '等次名称不能重复' })
  .refine((bands) => bands[bands.length - 1]!.min === 0, { message: '最低一档的起点应为 0 分' });

/**
 * Scores are kept to two decimals: 10 × 11/12 is 9.17, and a total of 89.995 must never show
 * as 90.0 while grading as 良好.
 */
export function roundScore(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

export function sumScores(scores: readonly (number | null | undefined)[]): number {
  return roundScore(scores.reduce<number>((s, x) => s + (x ?? 0), 0));
}

export function gradeFor(total: number, bands: readonly GradeBand[] = DEFAULT_GRADE_BANDS): string {
  const t = roundScore(total);
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return (sorted.find((b) => t >= b.min) ?? sorted[sorted.length - 1]!).grade;
}

/** "90 分及以上" / "80–89.99 分" / "60 分以下": the bands in words for the page and the print. */
export function describeBands(bands: readonly GradeBand[] = DEFAULT_GRADE_BANDS): string[] {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.map((b, i) => {
    if (i === 0) return `${b.grade}：${b.min} 分及以上`;
    const upper = sorted[i - 1]!.min;
    if (b.min === 0) return `${b.grade}：${upper} 分以下`;
    return `${b.grade}：${b.min} 分至 ${upper} 分（不含）`;
  });
}

/**
 * Competition ranking ("1224"): the highest total is 1, equal totals share a rank and the next
 * rank skips. Returns ranks in the order of the input.
 */
export function rankTotals(totals: readonly number[]): number[] {
  const rounded = totals.map(roundScore);
  return rounded.map((t) => 1 + rounded.filter((o) => o > t).length);
}
