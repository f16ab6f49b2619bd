import { z } from 'zod';
import type { SettingRule } from '../domain/org-setting';
import type { TermState } from './orgs';
import { call } from './contract';

/** Age bands of the party statistics tables; the member list filters by the same bands. */
export const AGE_BANDS = [
  { key: '≤30', label: '30岁及以下', min: 0, max: 30 },
  { key: '31-40', label: '31–40岁', min: 31, max: 40 },
  { key: '41-50', label: '41–50岁', min: 41, max: 50 },
  { key: '51-60', label: '51–60岁', min: 51, max: 60 },
  { key: '61-70', label: '61–70岁', min: 61, max: 70 },
  { key: '71-80', label: '71–80岁', min: 71, max: 80 },
  { key: '>80', label: '81岁及以上', min: 81, max: 200 },
] as const;
export type AgeBandKey = (typeof AGE_BANDS)[number]['key'];

export function ageBandOf(age: number): AgeBandKey {
  return (AGE_BANDS.find((b) => age >= b.min && age <= b.max) ?? AGE_BANDS[AGE_BANDS.length - 1]!).key;
}

export type Slice = { label: string; value: number };

export type DashboardSummary = {
  today: string;
  totals: { members: number; full: number; probationary: number; suspended: number; branches: number; mobileOut: number; mobileIn: number; residents: number };
  byKind: Slice[];
  byCategory: Slice[];
  byAge: Slice[];
  byEducation: Slice[];
  byGender: Slice[];
  /** Orgs whose committee term expires within 6 months, has expired, or was never recorded. */
  terms: { orgId: number; orgName: string; state: Exclude<TermState, 'inTerm'>; expiresOn: string | null; monthsLeft: number | null }[];
  /** 组织设置规则 broken today (shared/domain/org-setting.ts), but the term, which `terms` shows. */
  settings: { orgId: number; orgName: string; rule: Exclude<SettingRule, 'termExpired'>; message: string }[];
  /** Probationary members whose year ends within 3 months or is already past. */
  probations: { memberId: number; name: string; orgName: string | null; joinedOn: string | null; endsOn: string; overdue: boolean }[];
  /** 流动党员 with no contact logged in the current quarter (定人定期联系). */
  mobileContactsDue: { memberId: number; name: string; orgName: string | null; lastContact: string | null }[];
  missing: {
    members: number;
    byField: Slice[];
    /** The first few, to open directly. */
    examples: { memberId: number; name: string; orgName: string | null; fields: string[] }[];
  };
  /** People in the 发展党员 pipeline with a late or out-of-order step (the rules of shared/domain/admission.ts). */
  admission: { applicantId: number; name: string; orgName: string; warnings: string[] }[];
};

export const dashboardCalls = {
  'dashboard.summary': call<DashboardSummary>()(z.object({ orgId: z.number().int().positive().nullish().transform((v) => v ?? null) })),
};
