// The rules of DOMAIN.md ("Activities and the rules that are checked") as data, their defaults,
// and the street's overrides per org type (settings key 'complianceRules').
import { z } from 'zod';
import { ORG_TYPES, BRANCH_TYPES, type OrgType } from '../domain/org';
import { PERIOD_UNITS, type PeriodUnit } from './periods';

export const RULE_SCOPES = ['org', 'group', 'member'] as const;
export type RuleScope = (typeof RULE_SCOPES)[number];
export const QUORUMS = ['committeeMajority', 'membersMajority'] as const;
export type Quorum = (typeof QUORUMS)[number];

export type RuleDef = {
  /** Stable id; the defaults use the activity type code. */
  id: string;
  activityType: string;
  /** What a person reads, e.g. 支部委员会会议. */
  label: string;
  period: PeriodUnit;
  /** Held at least this many times per period (per group / per member for those scopes). */
  minCount: number;
  /** org: the org itself; group: each of its 党小组; member: each member on the roster. */
  scope: RuleScope;
  /** Fixed days of the month (远程教育 5/15/25): each must have a session; minCount is then unused. */
  days?: number[];
  /** A fixed-day session may be this many days off (e.g. moved from a Sunday). */
  toleranceDays?: number;
  /** A meeting counts only when more than half of the committee (or of the roster) was present. */
  quorum?: Quorum | null;
  enabled: boolean;
};

/** Defaults for every basic unit (党支部, 联合党支部, 临时党支部). */
export const DEFAULT_BRANCH_RULES: readonly RuleDef[] = [
  { id: 'branchAssembly', activityType: 'branchAssembly', label: '支部党员大会', period: 'quarter', minCount: 1, scope: 'org', enabled: true },
  { id: 'committeeMeeting', activityType: 'committeeMeeting', label: '支部委员会会议', period: 'month', minCount: 1, scope: 'org', quorum: 'committeeMajority', enabled: true },
  { id: 'groupMeeting', activityType: 'groupMeeting', label: '党小组会', period: 'month', minCount: 1, scope: 'group', enabled: true },
  { id: 'partyLesson', activityType: 'partyLesson', label: '党课', period: 'quarter', minCount: 1, scope: 'org', enabled: true },
  { id: 'themeDay', activityType: 'themeDay', label: '主题党日', period: 'month', minCount: 1, scope: 'org', enabled: true },
  { id: 'lifeMeeting', activityType: 'lifeMeeting', label: '组织生活会', period: 'year', minCount: 1, scope: 'org', enabled: true },
  { id: 'heartTalk', activityType: 'heartTalk', label: '谈心谈话', period: 'year', minCount: 1, scope: 'member', enabled: true },
  { id: 'memberAppraisal', activityType: 'memberAppraisal', label: '民主评议党员', period: 'year', minCount: 1, scope: 'org', enabled: true },
  { id: 'remoteEducation', activityType: 'remoteEducation', label: '远程教育集中收看', period: 'month', minCount: 3, scope: 'org', days: [5, 15, 25], toleranceDays: 0, enabled: true },
];

/** Defaults for the orgs with orgs below them (社区党委, 党总支): 党委会 monthly, 民主生活会 yearly. */
export const DEFAULT_COMMUNITY_RULES: readonly RuleDef[] = [
  { id: 'committeeMeeting', activityType: 'committeeMeeting', label: '党委（总支）委员会会议', period: 'month', minCount: 1, scope: 'org', quorum: 'committeeMajority', enabled: true },
  { id: 'democraticLife', activityType: 'democraticLife', label: '民主生活会', period: 'year', minCount: 1, scope: 'org', enabled: true },
];
const COMMUNITY_TYPES: readonly OrgType[] = ['partyCommittee', 'generalBranch'];

/** The three meetings and one lesson: what "三会一课完成率" is computed over. */
export const CORE_RULE_IDS = ['branchAssembly', 'committeeMeeting', 'groupMeeting', 'partyLesson'] as const;

export function defaultRulesFor(orgType: OrgType): RuleDef[] {
  const defaults = BRANCH_TYPES.includes(orgType) ? DEFAULT_BRANCH_RULES : COMMUNITY_TYPES.includes(orgType) ? DEFAULT_COMMUNITY_RULES : [];
  return defaults.map((r) => ({ ...r, days: r.days ? [...r.days] : undefined }));
}

/** The settings key holding overrides. */
export const COMPLIANCE_RULES_KEY = 'complianceRules';

const ruleOverrideSchema = z.object({
  activityType: z.string().min(1).optional(),
  label: z.string().trim().min(1).max(30).optional(),
  period: z.enum(PERIOD_UNITS).optional(),
  minCount: z.number().int().min(1, '次数至少为 1').max(31).optional(),
  scope: z.enum(RULE_SCOPES).optional(),
  days: z.array(z.number().int().min(1).max(31)).max(31).nullable().optional(),
  toleranceDays: z.number().int().min(0).max(10).optional(),
  quorum: z.enum(QUORUMS).nullable().optional(),
  enabled: z.boolean().optional(),
});
export type RuleOverride = z.output<typeof ruleOverrideSchema>;

/** `{byOrgType: {branch: {committeeMeeting: {period: 'quarter'}, myRule: {…full rule…}}}}`. */
export const complianceConfigSchema = z.object({
  byOrgType: z.partialRecord(z.enum(ORG_TYPES), z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/), ruleOverrideSchema)).default({}),
});
export type ComplianceConfig = z.output<typeof complianceConfigSchema>;

export const EMPTY_CONFIG: ComplianceConfig = { byOrgType: {} };

/** Reads the stored JSON leniently: a damaged setting falls back to the defaults, never breaks the view. */
export function parseComplianceConfig(json: string | null | undefined): ComplianceConfig {
  if (!json) return EMPTY_CONFIG;
  try {
    const parsed = complianceConfigSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : EMPTY_CONFIG;
  } catch {
    return EMPTY_CONFIG;
  }
}

/** The effective rules of an org type: defaults with the overrides applied, new rules appended. */
export function rulesFor(orgType: OrgType, config: ComplianceConfig = EMPTY_CONFIG): RuleDef[] {
  const overrides = config.byOrgType[orgType] ?? {};
  const rules = defaultRulesFor(orgType).map((r) => applyOverride(r, overrides[r.id]));
  for (const [id, o] of Object.entries(overrides)) {
    if (rules.some((r) => r.id === id)) continue;
    // A new rule needs at least its type, period and label; an incomplete one is ignored.
    if (!o.activityType || !o.period || !o.label) continue;
    rules.push(applyOverride({ id, activityType: o.activityType, label: o.label, period: o.period, minCount: 1, scope: 'org', enabled: true }, o));
  }
  return rules;
}

function applyOverride(rule: RuleDef, o: RuleOverride | undefined): RuleDef {
  if (!o) return rule;
  const next: RuleDef = { ...rule };
  if (o.activityType !== undefined) next.activityType = o.activityType;
  if (o.label !== undefined) next.label = o.label;
  if (o.period !== undefined) next.period = o.period;
  if (o.minCount !== undefined) next.minCount = o.minCount;
  if (o.scope !== undefined) next.scope = o.scope;
  if (o.days !== undefined) next.days = o.days === null || o.days.length === 0 ? undefined : [...new Set(o.days)].sort((a, b) => a - b);
  if (o.toleranceDays !== undefined) next.toleranceDays = o.toleranceDays;
  if (o.quorum !== undefined) next.quorum = o.quorum;
  if (o.enabled !== undefined) next.enabled = o.enabled;
  return next;
}

/** The rule in words, for tooltips and the CLI: "每月至少 1 次", "每月 5、15、25 日". */
export function describeRule(r: RuleDef): string {
  const per = { month: '每月', quarter: '每季度', year: '每年' }[r.period];
  if (r.days?.length) return `${per} ${r.days.join('、')} 日${r.toleranceDays ? `（可前后 ${r.toleranceDays} 天）` : ''}`;
  const who = r.scope === 'group' ? '每个党小组' : r.scope === 'member' ? '每名党员' : '';
  const quorum = r.quorum === 'committeeMajority' ? '，到会支委须超过半数' : r.quorum === 'membersMajority' ? '，到会党员须超过半数' : '';
  return `${who}${per}至少 ${r.minCount} 次${quorum}`;
}
