// 述职评议: the ratings of a secretary's yearly report on Party work, as the 评议表 counts them
// (好 / 较好 / 一般 / 差), once from the members and once from residents' representatives.
// 满意 is 好 + 较好, the way the committees' 测评表 count 满意 and 基本满意.
import { formatNumber } from '../assessment/metrics';

export const RATINGS = ['good', 'fair', 'average', 'poor'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { good: '好', fair: '较好', average: '一般', poor: '差' };

export type Tally = Record<Rating, number>;

export const RATERS = ['members', 'residents'] as const;
export type Rater = (typeof RATERS)[number];
export const RATER_LABELS: Record<Rater, string> = { members: '党员评议', residents: '群众代表评议' };

export function tallyTotal(t: Tally): number {
  return t.good + t.fair + t.average + t.poor;
}

/** (好 + 较好) ÷ all votes; null when nobody voted. */
export function satisfactionRate(t: Tally | null): number | null {
  if (!t) return null;
  const total = tallyTotal(t);
  return total ? (t.good + t.fair) / total : null;
}

function percentWords(rate: number): string {
  return `${formatNumber(rate * 100, 1)}%`;
}

/** "好 18 较好 5 一般 1" (差 only when someone voted it), then "，满意率 95.8%". */
export function tallyWords(t: Tally): string {
  const parts = RATINGS.filter((r) => r !== 'poor' || t.poor > 0).map((r) => `${RATING_LABELS[r]} ${t[r]}`);
  const rate = satisfactionRate(t);
  return `${parts.join(' ')}${rate === null ? '' : `，满意率 ${percentWords(rate)}`}`;
}
