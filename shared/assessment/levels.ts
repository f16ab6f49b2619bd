// The two levels the street committee signs contracts with: 党支部 (the basic units) and the orgs
// with orgs below them (社区党委, 党总支). Each level has its own template, and ranks on its own.
// A community's computed indicators are its branches' figures put together; how, per metric, is
// the one table below — the explanation a clerk reads names it ("下属 4 个支部平均 …").
import { z } from 'zod';
import { BRANCH_TYPES, type OrgType } from '../domain/org';
import { type MetricCode, type MetricResult, formatMetricValue, metricDef } from './metrics';

export const CONTRACT_LEVELS = ['branch', 'community'] as const;
export type ContractLevel = (typeof CONTRACT_LEVELS)[number];
export const contractLevelSchema = z.enum(CONTRACT_LEVELS, { message: '请选择责任书的层级' });

export const CONTRACT_LEVEL_LABELS: Record<ContractLevel, string> = { branch: '党支部', community: '社区党委/党总支' };
/** A count of orgs of the level: "4 个支部", "2 个社区党委（党总支）". */
export const CONTRACT_LEVEL_UNITS: Record<ContractLevel, string> = { branch: '支部', community: '社区党委（党总支）' };
/** Whose secretary signs: the words under the 乙方 signature. */
export const CONTRACT_LEVEL_SECRETARY: Record<ContractLevel, string> = { branch: '党支部书记', community: '社区党委（党总支）书记' };

const COMMUNITY_TYPES: readonly OrgType[] = ['partyCommittee', 'generalBranch'];

/** The level an org signs at; null for the working committee itself and for 党小组. */
export function contractLevelOf(type: OrgType): ContractLevel | null {
  if (BRANCH_TYPES.includes(type)) return 'branch';
  if (COMMUNITY_TYPES.includes(type)) return 'community';
  return null;
}

export function orgTypesOfLevel(level: ContractLevel): readonly OrgType[] {
  return level === 'branch' ? BRANCH_TYPES : COMMUNITY_TYPES;
}

/**
 * sum: the branches' figures added up (people admitted, meetings held with partner units: the
 * community's own total is what counts); mean: each branch weighs the same (rates, months,
 * checklist items, activities per branch); worst: one branch falling short is the community
 * falling short (a committee out of term, no 组织生活会); own: the community's own record, not its
 * branches' (its secretary's 述职 and the 评议 of it, the 在职党员 who report to it and its mobile members, the commendations it and its people received, the help
 * records of it and its branches).
 */
export type Aggregation = 'sum' | 'mean' | 'worst' | 'own';

export const COMMUNITY_AGGREGATION: Record<MetricCode, Aggregation> = {
  threeMeetingsOneLesson: 'mean',
  committeeMonths: 'mean',
  themeDayMonths: 'mean',
  lifeMeetingHeld: 'worst',
  appraisalDone: 'mean',
  attendanceRate: 'mean',
  facilities: 'mean',
  committeeInTerm: 'worst',
  missingFieldRate: 'mean',
  newMembersAdmitted: 'sum',
  mobileKeptUp: 'own',
  jointMeetings: 'sum',
  postHolders: 'mean',
  volunteerActivities: 'mean',
  visits: 'mean',
  duesPaid: 'mean',
  secretaryReport: 'own',
  satisfaction: 'own',
  commendations: 'own',
  aidRecords: 'own',
};

const AGGREGATION_WORDS: Record<Exclude<Aggregation, 'own'>, string> = { sum: '合计', mean: '平均', worst: '最差' };

/** One branch's figure as the aggregate reads it. */
export type BranchFigure = { org: string; result: MetricResult };

/**
 * A community's metric from its branches' results. Branches where the metric does not apply
 * (value null) are left out; none left: the community is "not applicable" too.
 */
export function aggregateMetric(code: MetricCode, branches: readonly BranchFigure[]): MetricResult {
  const { label, unit, better } = metricDef(code)!;
  const base = { metric: code, label, unit };
  const how = COMMUNITY_AGGREGATION[code];
  if (how === 'own') throw new Error(`${code} is the community's own record, not an aggregate`);
  const counted = branches.filter((b) => b.result.value !== null);
  const figures: MetricResult['figures'] = branches.map((b) => ({ label: b.org, value: formatMetricValue(unit, b.result.value) }));
  const activityIds = [...new Set(branches.flatMap((b) => b.result.activityIds ?? []))];
  if (branches.length === 0) return { ...base, value: null, figures, explanation: '没有下属党支部，不适用' };
  if (counted.length === 0) return { ...base, value: null, figures, activityIds, explanation: `下属 ${branches.length} 个支部均不适用此项` };
  const values = counted.map((b) => b.result.value!);
  let value: number;
  let misses: number | undefined;
  let which = '';
  if (how === 'sum') {
    value = values.reduce((a, v) => a + v, 0);
    misses = counted.every((b) => b.result.misses !== undefined) ? counted.reduce((a, b) => a + b.result.misses!, 0) : undefined;
  } else if (how === 'mean') {
    value = Math.round((values.reduce((a, v) => a + v, 0) / values.length) * 10000) / 10000;
  } else {
    const worst = counted.reduce((w, b) => ((better === 'higher' ? b.result.value! < w.result.value! : b.result.value! > w.result.value!) ? b : w));
    value = worst.result.value!;
    misses = worst.result.misses;
    // Name the branch that sets the figure only when it stands out: "最差 是" of all-equal branches names nobody.
    which = values.every((v) => v === value) ? '' : `（${worst.org}）`;
  }
  const skipped = branches.length - counted.length;
  const explanation = `下属 ${counted.length} 个支部${AGGREGATION_WORDS[how]} ${formatMetricValue(unit, value)}${which}${skipped ? `，另有 ${skipped} 个支部不适用、不计入` : ''}`;
  return {
    ...base, value, ...(misses !== undefined ? { misses } : {}), activityIds,
    figures: [{ label: `计算方法（下属支部${AGGREGATION_WORDS[how]}）`, value: `${formatMetricValue(unit, value)}` }, ...figures],
    explanation,
  };
}
