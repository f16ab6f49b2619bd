// 表彰: who can be commended, at which level, and the titles the seeds name (a clerk may type others).
export const COMMENDATION_KINDS = ['member', 'household', 'org'] as const;
export type CommendationKind = (typeof COMMENDATION_KINDS)[number];
export const COMMENDATION_KIND_LABELS: Record<CommendationKind, string> = { member: '党员', household: '家庭', org: '党组织' };

export const COMMENDATION_LEVELS = ['street', 'district', 'city', 'province', 'national'] as const;
export type CommendationLevel = (typeof COMMENDATION_LEVELS)[number];
export const COMMENDATION_LEVEL_LABELS: Record<CommendationLevel, string> = { street: '街道', district: '区', city: '市', province: '省', national: '全国' };

/** The usual titles per kind, offered first in the form. */
export const COMMENDATION_TITLES: Record<CommendationKind, readonly string[]> = {
  member: ['优秀共产党员', '党员先锋岗', '优秀党务工作者', '优秀志愿者'],
  household: ['社区党员文明户', '文明家庭'],
  org: ['先进基层党组织', '五好党支部', '红旗党支部'],
};
