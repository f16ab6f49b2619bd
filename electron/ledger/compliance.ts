// Loads the facts the pure engine (shared/rules) needs — orgs with their groups, committee and
// roster spans; activities with attendance — and runs it: the compliance matrix, the dashboard's
// due/overdue list and the attendance report. Nothing here decides a rule.
import { LedgerError } from '../../shared/errors';
import { today as todayIso } from '../../shared/dates';
import type { OrgType } from '../../shared/domain/org';
import {
  type ActivityFact, type AttendanceRecord, type ComplianceConfig, type OrgFacts,
  type PeriodResult, type RuleDef, type RuleResult, ActivityIndex, CORE_RULE_IDS, COMPLIANCE_RULES_KEY, absenceRuns,
  addDays, completionRate, complianceConfigSchema, evaluateOrg, memberAttendance, parseComplianceConfig, periodLabel, rulesFor,
} from '../../shared/rules';
import { committeeSeats, listActivityTypes, orgSpans } from './activities';
import type { ComplianceReport, DueItem, MemberAttendanceRow, AbsenceRunRow, OrgCompliance } from '../../shared/api/activities';
import type { Ledger } from './ledger';
import { membersOn } from './member-state';
import { all, one } from './sql';

/**
 * Attendance records of the meetings that count for attendance in [from, to], of members not
 * voided, each marked when the member was 流出 that day (excused: DOMAIN.md).
 */
export function attendanceRecords(ledger: Ledger, from: string, to: string): (AttendanceRecord & { orgId: number })[] {
  const counted = listActivityTypes(ledger).filter((t) => t.countsForAttendance).map((t) => t.code);
  return all<Omit<AttendanceRecord, 'mobileOut'> & { orgId: number; mobileOut: number }>(
    ledger,
    `SELECT a.id AS activityId, a.date, a.type, a.org_id AS orgId, x.member_id AS memberId, m.name, x.status, x.absence_reason AS absenceReason,
       EXISTS (SELECT 1 FROM mobile_records r WHERE r.member_id = x.member_id AND r.direction = 'out' AND r.from_date <= a.date
         AND (r.to_date IS NULL OR r.to_date > a.date)) AS mobileOut
     FROM attendance x JOIN activities a ON a.id = x.activity_id JOIN members m ON m.id = x.member_id
     WHERE a.voided_at IS NULL AND m.voided_at IS NULL AND a.date >= ? AND a.date <= ? AND a.type IN (${counted.map(() => '?').join(',') || 'NULL'})`,
    from, to, ...counted,
  ).map((r) => ({ ...r, mobileOut: Boolean(r.mobileOut) }));
}

type OrgRowLite = { id: number; name: string; shortName: string | null; type: OrgType; parentId: number | null; foundedOn: string | null; dissolvedOn: string | null; sortOrder: number };

export function loadComplianceConfig(ledger: Ledger): ComplianceConfig {
  return parseComplianceConfig(one<{ value: string }>(ledger, 'SELECT value FROM settings WHERE key = ?', COMPLIANCE_RULES_KEY)?.value);
}

export function saveComplianceConfig(ledger: Ledger, raw: unknown): ComplianceConfig {
  if (ledger.actor.role !== 'admin') throw new LedgerError('FORBIDDEN', '只有管理员可以修改检查规则。');
  const parsed = complianceConfigSchema.safeParse(raw);
  if (!parsed.success) throw new LedgerError('INVALID_INPUT', `检查规则设置不正确：${parsed.error.issues[0]?.message ?? ''}`, parsed.error.issues);
  ledger.tx(() => {
    const before = loadComplianceConfig(ledger);
    ledger.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(COMPLIANCE_RULES_KEY, JSON.stringify(parsed.data));
    ledger.audit({ action: 'update', entity: 'settings', summary: '修改三会一课等检查规则', before, after: parsed.data });
  });
  return parsed.data;
}

/** Every org type's effective rules (for the settings page and the CLI). */
export function effectiveRules(ledger: Ledger): Record<OrgType, RuleDef[]> {
  return effectiveRulesFrom(loadComplianceConfig(ledger));
}

function effectiveRulesFrom(cfg: ComplianceConfig): Record<OrgType, RuleDef[]> {
  const types: OrgType[] = ['committee', 'partyCommittee', 'generalBranch', 'branch', 'jointBranch', 'temporaryBranch', 'group'];
  return Object.fromEntries(types.map((t) => [t, rulesFor(t, cfg)])) as Record<OrgType, RuleDef[]>;
}

function allOrgs(ledger: Ledger): OrgRowLite[] {
  return all<OrgRowLite>(ledger, 'SELECT id, name, short_name AS shortName, type, parent_id AS parentId, founded_on AS foundedOn, dissolved_on AS dissolvedOn, sort_order AS sortOrder FROM orgs ORDER BY sort_order, id');
}

function orgFacts(ledger: Ledger, org: OrgRowLite, orgs: readonly OrgRowLite[]): OrgFacts {
  return {
    id: org.id, name: org.name, type: org.type, foundedOn: org.foundedOn, dissolvedOn: org.dissolvedOn,
    groups: orgs.filter((g) => g.parentId === org.id && g.type === 'group').map((g) => ({ id: g.id, name: g.name, foundedOn: g.foundedOn, dissolvedOn: g.dissolvedOn })),
    committee: committeeSeats(ledger, org.id),
    roster: orgSpans(ledger, org.id),
  };
}

/** Non-voided activities in [from, to] with attendance (member names filled in for quorum by name). */
export function loadActivityFacts(ledger: Ledger, from: string, to: string, opts: { types?: readonly string[]; orgIds?: readonly number[] } = {}): (ActivityFact & { topic: string })[] {
  // Member-scope rules (谈心谈话) count a member's activities in any org, so those types are never narrowed to orgIds.
  const typeFilter = [
    opts.types ? `AND a.type IN (${opts.types.map((t) => `'${t.replace(/'/g, "''")}'`).join(',')})` : '',
    opts.orgIds ? `AND (a.org_id IN (${opts.orgIds.map(Number).join(',') || 'NULL'}) OR a.type IN (${memberScopeTypes(ledger)}))` : '',
  ].join(' ');
  // Prepared afresh (not cached): the filter's text varies with the orgs asked about.
  const acts = ledger.db.prepare(
    `SELECT a.id, a.org_id AS orgId, a.type, a.date, a.topic FROM activities a WHERE a.voided_at IS NULL AND a.date >= ? AND a.date <= ? ${typeFilter} ORDER BY a.date, a.id`,
  ).all(from, to) as { id: number; orgId: number; type: string; date: string; topic: string }[];
  const byId = new Map(acts.map((a) => [a.id, { ...a, attendance: [] as ActivityFact['attendance'][number][] }]));
  const rows = ledger.db.prepare(
    `SELECT x.activity_id AS activityId, x.member_id AS memberId, coalesce(m.name, x.person_name) AS name, x.status
     FROM attendance x JOIN activities a ON a.id = x.activity_id LEFT JOIN members m ON m.id = x.member_id
     WHERE a.voided_at IS NULL AND a.date >= ? AND a.date <= ? ${typeFilter}`,
  ).all(from, to) as { activityId: number; memberId: number | null; name: string | null; status: 'present' | 'absent' | 'observer' }[];
  for (const r of rows) byId.get(r.activityId)?.attendance.push({ memberId: r.memberId, name: r.name, status: r.status });
  return [...byId.values()];
}

/** Activity types of member-scope rules, as an SQL list. */
function memberScopeTypes(ledger: Ledger): string {
  const cfg = loadComplianceConfig(ledger);
  const types = new Set(Object.values(effectiveRulesFrom(cfg)).flat().filter((r) => r.scope === 'member').map((r) => r.activityType));
  return [...types].map((t) => `'${t.replace(/'/g, "''")}'`).join(',') || 'NULL';
}

/** The org and everything below it. */
function subtree(orgs: readonly OrgRowLite[], rootId: number): Set<number> {
  const ids = new Set([rootId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const o of orgs) {
      if (o.parentId !== null && ids.has(o.parentId) && !ids.has(o.id)) {
        ids.add(o.id);
        grew = true;
      }
    }
  }
  return ids;
}

export type ComplianceQuery = { year: number; orgId?: number | null; orgName?: string | null; today?: string };

/** Picks the orgs a query is about: one org, or the rule-bearing orgs under it; by default all. */
function scopeOrgs(orgs: readonly OrgRowLite[], q: ComplianceQuery, cfg: ComplianceConfig): OrgRowLite[] {
  let root: OrgRowLite | undefined;
  if (q.orgId) {
    root = orgs.find((o) => o.id === q.orgId);
    if (!root) throw new LedgerError('NOT_FOUND', '找不到这个党组织。');
  } else if (q.orgName) {
    const name = q.orgName.trim();
    const named = orgs.filter((o) => o.name === name || o.shortName === name);
    root = named.find((o) => !o.dissolvedOn) ?? named[0];
    if (!root) {
      const like = orgs.filter((o) => o.name.includes(name)).slice(0, 5).map((o) => o.name);
      throw new LedgerError('NOT_FOUND', `找不到名为“${name}”的党组织。${like.length ? `是不是：${like.join('、')}？` : ''}`);
    }
  }
  const inScope = root ? subtree(orgs, root.id) : null;
  const yStart = `${q.year}-01-01`;
  const yEnd = `${q.year}-12-31`;
  return orgs.filter((o) =>
    (inScope === null || inScope.has(o.id))
    && rulesFor(o.type, cfg).some((r) => r.enabled)
    && (!o.foundedOn || o.foundedOn <= yEnd)
    && (!o.dissolvedOn || o.dissolvedOn > yStart));
}

export function complianceReport(ledger: Ledger, q: ComplianceQuery): ComplianceReport {
  const asOf = q.today ?? todayIso();
  const cfg = loadComplianceConfig(ledger);
  const orgs = allOrgs(ledger);
  const chosen = scopeOrgs(orgs, q, cfg);
  const idx = new ActivityIndex(loadActivityFacts(ledger, `${q.year}-01-01`, `${q.year}-12-31`));
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return {
    year: q.year,
    asOf,
    orgs: chosen.map((o) => {
      const rules = evaluateOrg(orgFacts(ledger, o, orgs), rulesFor(o.type, cfg), idx, { year: q.year, today: asOf });
      return {
        orgId: o.id, org: o.name, type: o.type, parentId: o.parentId, parent: o.parentId !== null ? (byId.get(o.parentId)?.name ?? null) : null,
        foundedOn: o.foundedOn, dissolvedOn: o.dissolvedOn, rules,
        coreRate: completionRate(rules, CORE_RULE_IDS), rate: completionRate(rules),
      };
    }),
  };
}

/** One org's rule results for a year (the assessment's computed indicators use this). */
export function complianceForOrg(ledger: Ledger, orgId: number, year: number, opts: { today?: string } = {}): RuleResult[] {
  const cfg = loadComplianceConfig(ledger);
  const orgs = allOrgs(ledger);
  const org = orgs.find((o) => o.id === orgId);
  if (!org) throw new LedgerError('NOT_FOUND', '找不到这个党组织。');
  const ids = [org.id, ...orgs.filter((g) => g.parentId === org.id && g.type === 'group').map((g) => g.id)];
  const idx = new ActivityIndex(loadActivityFacts(ledger, `${year}-01-01`, `${year}-12-31`, { orgIds: ids }));
  return evaluateOrg(orgFacts(ledger, org, orgs), rulesFor(org.type, cfg), idx, { year, today: opts.today ?? todayIso() });
}

/** Overdue items stay on the dashboard this long after their period ended. */
export const OVERDUE_WINDOW_DAYS = 92;

/** The dashboard panel: what each org still owes this period, and what it missed recently. */
export function dueAndOverdue(ledger: Ledger, opts: { today?: string; orgId?: number | null } = {}): { asOf: string; items: DueItem[] } {
  const asOf = opts.today ?? todayIso();
  const year = Number(asOf.slice(0, 4));
  const windowStart = addDays(asOf, -OVERDUE_WINDOW_DAYS);
  const years = Number(windowStart.slice(0, 4)) < year ? [year - 1, year] : [year];
  const items: DueItem[] = [];
  for (const y of years) {
    for (const o of complianceReport(ledger, { year: y, orgId: opts.orgId ?? null, today: asOf }).orgs) {
      for (const r of o.rules) {
        for (const p of r.periods) {
          const isDue = p.status === 'notDue' && p.reason === 'current';
          const isOverdue = p.status === 'missing' && p.end >= windowStart;
          if (!isDue && !isOverdue) continue;
          items.push(dueItem(isDue ? 'due' : 'overdue', o, r, p));
        }
      }
    }
  }
  items.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'overdue' ? -1 : 1) || a.deadline.localeCompare(b.deadline) || a.orgId - b.orgId);
  return { asOf, items };
}

function dueItem(kind: DueItem['kind'], o: OrgCompliance, r: RuleResult, p: PeriodResult): DueItem {
  return {
    kind, orgId: o.orgId, org: o.org, ruleId: r.ruleId, rule: r.rule, activityType: r.activityType, period: p.period, periodLabel: periodLabel(p.period), deadline: p.end,
    count: p.count, needed: p.needed,
    ...(p.missingDays ? { missingDays: p.missingDays } : {}),
    ...(p.missingGroups ? { missingGroups: p.missingGroups } : {}),
    ...(p.missingMembers ? { missingMemberCount: p.missingMembers.length } : {}),
  };
}

/**
 * Attendance of organisational life for a year: each member's rate over the meetings they were
 * expected at (types that count for attendance), and runs of three or more absences in a row.
 */
export function attendanceReport(ledger: Ledger, q: { year: number; orgId?: number | null; minRun?: number; today?: string }): { year: number; members: MemberAttendanceRow[]; runs: AbsenceRunRow[] } {
  const orgs = allOrgs(ledger);
  const scope = q.orgId ? subtree(orgs, q.orgId) : null;
  const records = attendanceRecords(ledger, `${q.year}-01-01`, `${q.year}-12-31`).filter((r) => scope === null || scope.has(r.orgId));
  // A run of absences goes on "至今" only for a member still on the roll at the year's end (or today).
  const yearEnd = `${q.year}-12-31`;
  const now = q.today ?? todayIso();
  const onRoll = new Set(membersOn(ledger, yearEnd < now ? yearEnd : now).map((m) => m.id));
  // A member is shown under the branch they belong to now (a group's meeting belongs to its branch).
  const memberOrg = new Map(all<{ id: number; orgId: number | null; org: string | null }>(
    ledger, 'SELECT m.id, m.org_id AS orgId, o.name AS org FROM members m LEFT JOIN orgs o ON o.id = m.org_id',
  ).map((m) => [m.id, m]));
  const withOrg = <T extends { memberId: number }>(x: T) => ({ ...x, orgId: memberOrg.get(x.memberId)?.orgId ?? null, org: memberOrg.get(x.memberId)?.org ?? null });
  const runs = absenceRuns(records, q.minRun ?? 3).map((r) => ({ ...r, ongoing: r.ongoing && onRoll.has(r.memberId) }));
  return { year: q.year, members: memberAttendance(records).map(withOrg), runs: runs.map(withOrg) };
}
