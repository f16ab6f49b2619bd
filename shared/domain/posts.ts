// 设岗定责 and 年初有计划、月度有安排、年终有总结: the fixed lists and deadlines both sides use.

/** 考核评岗: the yearly rating of each post holder. */
export const POST_REVIEW_RESULTS = ['excellent', 'competent', 'basic', 'incompetent'] as const;
export type PostReviewResult = (typeof POST_REVIEW_RESULTS)[number];
export const POST_REVIEW_LABELS: Record<PostReviewResult, string> = {
  excellent: '优秀',
  competent: '称职',
  basic: '基本称职',
  incompetent: '不称职',
};

export const PLAN_KINDS = ['plan', 'summary'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_KIND_LABELS: Record<PlanKind, string> = { plan: '年度工作计划', summary: '年终工作总结' };

/** 年初有计划 by 1 March, 年终有总结 by 31 December. */
export function planDeadline(kind: PlanKind, year: number): string {
  return kind === 'plan' ? `${year}-03-01` : `${year}-12-31`;
}
