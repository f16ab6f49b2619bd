// The compliance engine: for one org, each rule and each period of a year, whether the records
// satisfy it (met), fail it (missing) or cannot be judged yet (notDue), with the activities that
// count. Pure: the caller loads the facts; `today` is an input so results are reproducible.
import type { OrgType } from '../domain/org';
import { type RuleDef } from './config';
import { type Period, daysBetween, daysInMonth, inPeriod, isoDate, parseIso, periodsOfYear } from './periods';
import { type CommitteeSeat, type MemberSpan, committeeOn, rosterOn } from './roster';

export type AttendanceFact = { memberId: number | null; name: string | null; status: 'present' | 'absent' | 'observer' };

export type ActivityFact = {
  id: number;
  orgId: number;
  type: string;
  date: string;
  topic?: string;
  voided?: boolean;
  attendance: readonly AttendanceFact[];
};

export type GroupFact = { id: number; name: string; foundedOn: string | null; dissolvedOn: string | null };

export type OrgFacts = {
  id: number;
  name: string;
  type: OrgType;
  foundedOn: string | null;
  dissolvedOn: string | null;
  groups: readonly GroupFact[];
  committee: readonly CommitteeSeat[];
  roster: readonly MemberSpan[];
};

export type PeriodStatus = 'met' | 'missing' | 'notDue';
/** Why a period is not judged: not over yet, not begun, or the org did not exist for all of it. */
export type NotDueReason = 'current' | 'future' | 'beforeFounded' | 'afterDissolved' | 'notApplicable';

export type PeriodResult = {
  period: string;
  start: string;
  end: string;
  status: PeriodStatus;
  reason?: NotDueReason;
  /** How many satisfying units: activities (org scope), groups, members or fixed days that are met. */
  count: number;
  /** How many are needed for the period to be met. */
  needed: number;
  /** The activities that satisfy the rule in this period. */
  activityIds: number[];
  /** Activities of the type held in the period that did not count, and why. */
  rejected?: { activityId: number; reason: string }[];
  /** Fixed-day rules: the days with no session (only days already past in the current period). */
  missingDays?: string[];
  missingGroups?: { id: number; name: string }[];
  missingMembers?: { id: number; name: string }[];
};

export type RuleResult = {
  ruleId: string;
  activityType: string;
  rule: string;
  period: RuleDef['period'];
  scope: RuleDef['scope'];
  minCount: number;
  days?: number[];
  periods: PeriodResult[];
  /** Periods judged (met + missing). */
  required: number;
  met: number;
  missing: string[];
};

export type EvaluateOptions = { year: number; today: string };

/** Indexes activities once; evaluate many orgs against it. Voided activities are dropped here. */
export class ActivityIndex {
  private readonly byOrgType = new Map<string, ActivityFact[]>();
  private readonly byMemberType = new Map<string, ActivityFact[]>();

  constructor(activities: readonly ActivityFact[]) {
    const sorted = activities.filter((a) => !a.voided).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
    for (const a of sorted) {
      push(this.byOrgType, `${a.orgId}|${a.type}`, a);
      const seen = new Set<number>();
      for (const at of a.attendance) {
        if (at.memberId !== null && at.status === 'present' && !seen.has(at.memberId)) {
          seen.add(at.memberId);
          push(this.byMemberType, `${at.memberId}|${a.type}`, a);
        }
      }
    }
  }

  ofOrg(orgId: number, type: string, p: Period): ActivityFact[] {
    return (this.byOrgType.get(`${orgId}|${type}`) ?? []).filter((a) => inPeriod(a.date, p));
  }

  /** Activities of a type a member was present at, in any org (a talk counts wherever it was held). */
  attendedBy(memberId: number, type: string, p: Period): ActivityFact[] {
    return (this.byMemberType.get(`${memberId}|${type}`) ?? []).filter((a) => inPeriod(a.date, p));
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** An org (or group) is judged for a period only if it existed on every day of it. */
function lifeReason(life: { foundedOn: string | null; dissolvedOn: string | null }, p: Period): NotDueReason | null {
  if (life.foundedOn && life.foundedOn > p.start) return 'beforeFounded';
  if (life.dissolvedOn && life.dissolvedOn <= p.end) return 'afterDissolved';
  return null;
}

/** Checks the quorum of one meeting; null when it counts. */
export function quorumProblem(rule: RuleDef, org: OrgFacts, a: ActivityFact): string | null {
  if (!rule.quorum) return null;
  const present = a.attendance.filter((x) => x.status === 'present');
  if (rule.quorum === 'committeeMajority') {
    const seats = committeeOn(org.committee, a.date);
    // No committee on record: nothing to check against, so the meeting is taken as it is.
    if (seats.length === 0) return null;
    const n = seats.filter((s) => present.some((x) => (s.memberId !== null && x.memberId === s.memberId) || (s.memberId === null && x.name === s.name))).length;
    return n * 2 > seats.length ? null : `到会支委 ${n} 人，未超过支委会 ${seats.length} 人的半数`;
  }
  const roster = rosterOn(org.roster, a.date);
  if (roster.length === 0) return null;
  const ids = new Set(roster.map((r) => r.memberId));
  const n = new Set(present.filter((x) => x.memberId !== null && ids.has(x.memberId)).map((x) => x.memberId)).size;
  return n * 2 > roster.length ? null : `到会党员 ${n} 人，未超过应到 ${roster.length} 人的半数`;
}

function orgScope(rule: RuleDef, org: OrgFacts, idx: ActivityIndex, p: Period): Omit<PeriodResult, 'status' | 'period' | 'start' | 'end'> {
  const held = idx.ofOrg(org.id, rule.activityType, p);
  const rejected: { activityId: number; reason: string }[] = [];
  const counted: ActivityFact[] = [];
  for (const a of held) {
    const problem = quorumProblem(rule, org, a);
    if (problem) rejected.push({ activityId: a.id, reason: problem });
    else counted.push(a);
  }
  return { count: counted.length, needed: rule.minCount, activityIds: counted.map((a) => a.id), ...(rejected.length ? { rejected } : {}) };
}

function fixedDays(rule: RuleDef, org: OrgFacts, idx: ActivityIndex, p: Period, today: string) {
  const held = idx.ofOrg(org.id, rule.activityType, p);
  const tol = rule.toleranceDays ?? 0;
  const used = new Set<number>();
  const missingDays: string[] = [];
  // Fixed days only make sense per month; a quarter or year rule repeats them in each month.
  const { y: y0, m: m0 } = parseIso(p.start);
  const { y: y1, m: m1 } = parseIso(p.end);
  const targets: string[] = [];
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    for (const d of rule.days ?? []) if (d <= daysInMonth(y, m)) targets.push(isoDate(y, m, d));
  }
  let met = 0;
  for (const t of targets) {
    const hit = held.find((a) => !used.has(a.id) && Math.abs(daysBetween(t, a.date)) <= tol);
    if (hit) {
      used.add(hit.id);
      met += 1;
    } else if (daysBetween(t, today) > tol) {
      missingDays.push(t);
    }
  }
  return { count: met, needed: targets.length, activityIds: [...used], ...(missingDays.length ? { missingDays } : {}) };
}

function groupScope(rule: RuleDef, org: OrgFacts, idx: ActivityIndex, p: Period) {
  const due = org.groups.filter((g) => lifeReason(g, p) === null);
  const activityIds: number[] = [];
  const missingGroups: { id: number; name: string }[] = [];
  let met = 0;
  for (const g of due) {
    const held = idx.ofOrg(g.id, rule.activityType, p);
    activityIds.push(...held.map((a) => a.id));
    if (held.length >= rule.minCount) met += 1;
    else missingGroups.push({ id: g.id, name: g.name });
  }
  return { count: met, needed: due.length, activityIds, ...(missingGroups.length ? { missingGroups } : {}) };
}

function memberScope(rule: RuleDef, org: OrgFacts, idx: ActivityIndex, p: Period, today: string) {
  // Who must have been talked with: the roster at the end of the period (or today, if sooner).
  const on = today < p.end ? (today < p.start ? p.start : today) : p.end;
  const roster = rosterOn(org.roster, on);
  const activityIds = new Set<number>();
  const missingMembers: { id: number; name: string }[] = [];
  let met = 0;
  for (const m of roster) {
    const held = idx.attendedBy(m.memberId, rule.activityType, p);
    held.forEach((a) => activityIds.add(a.id));
    if (held.length >= rule.minCount) met += 1;
    else missingMembers.push({ id: m.memberId, name: m.name });
  }
  return { count: met, needed: roster.length, activityIds: [...activityIds], ...(missingMembers.length ? { missingMembers } : {}) };
}

/** Judges one rule for one period. */
export function evaluatePeriod(rule: RuleDef, org: OrgFacts, idx: ActivityIndex, p: Period, today: string): PeriodResult {
  const base = { period: p.key, start: p.start, end: p.end };
  const facts = rule.days?.length
    ? fixedDays(rule, org, idx, p, today)
    : rule.scope === 'group'
      ? groupScope(rule, org, idx, p)
      : rule.scope === 'member'
        ? memberScope(rule, org, idx, p, today)
        : orgScope(rule, org, idx, p);
  const life = lifeReason(org, p);
  if (life) return { ...base, status: 'notDue', reason: life, ...facts };
  // A group or member rule with nobody to apply to (no groups, empty roster) asks nothing.
  if (facts.needed === 0) return { ...base, status: 'notDue', reason: 'notApplicable', ...facts };
  if (facts.count >= facts.needed) return { ...base, status: 'met', ...facts };
  if (p.end >= today) return { ...base, status: 'notDue', reason: p.start > today ? 'future' : 'current', ...facts };
  return { ...base, status: 'missing', ...facts };
}

export function evaluateRule(rule: RuleDef, org: OrgFacts, idx: ActivityIndex, opts: EvaluateOptions): RuleResult {
  const periods = periodsOfYear(opts.year, rule.period).map((p) => evaluatePeriod(rule, org, idx, p, opts.today));
  const met = periods.filter((r) => r.status === 'met').length;
  const missing = periods.filter((r) => r.status === 'missing').map((r) => r.period);
  return {
    ruleId: rule.id,
    activityType: rule.activityType,
    rule: rule.label,
    period: rule.period,
    scope: rule.scope,
    minCount: rule.minCount,
    ...(rule.days?.length ? { days: [...rule.days] } : {}),
    periods,
    required: met + missing.length,
    met,
    missing,
  };
}

/** Every enabled rule of an org for a calendar year. */
export function evaluateOrg(org: OrgFacts, rules: readonly RuleDef[], idx: ActivityIndex, opts: EvaluateOptions): RuleResult[] {
  return rules.filter((r) => r.enabled).map((r) => evaluateRule(r, org, idx, opts));
}

/** Completion rate over judged periods of the given rules (e.g. 三会一课完成率); null when nothing was due. */
export function completionRate(results: readonly RuleResult[], ruleIds?: readonly string[]): number | null {
  const chosen = ruleIds ? results.filter((r) => ruleIds.includes(r.ruleId)) : results;
  const required = chosen.reduce((n, r) => n + r.required, 0);
  return required === 0 ? null : chosen.reduce((n, r) => n + r.met, 0) / required;
}
