// Read-only figures for 首页 and the member list: composition, what needs attention, and the
// required fields of the collection form (党员基本信息采集表) that are still empty.
import dayjs from 'dayjs';
import { AGE_BANDS, ageBandOf, type DashboardSummary, type Slice } from '../../shared/api/dashboard';
import { ageOn, today as todayIso } from '../../shared/dates';
import { MEMBER_CATEGORIES, MEMBER_CATEGORY_LABELS, MEMBER_KIND_LABELS, PROBATION_MONTHS, type MemberKind } from '../../shared/domain/member';
import type { OrgType } from '../../shared/domain/org';
import { listAdmission } from './admission';
import type { Ledger } from './ledger';
import { membersOn } from './member-state';
import type { RosterRow } from './members';
import { mobileContactList } from './mobile-contacts';
import { settingFindings } from './org-setting';
import { currentTerm, listOrgs, orgSubtreeIds, termStatus } from './orgs';

type RequiredFacts = Pick<RosterRow, 'gender' | 'ethnicity' | 'birthDate' | 'education' | 'joinedOn' | 'confirmedOn' | 'job' | 'phone' | 'address' | 'kind'>;

const REQUIRED: [keyof RequiredFacts, string][] = [
  ['gender', '性别'], ['ethnicity', '民族'], ['birthDate', '出生日期'], ['education', '学历'], ['joinedOn', '入党日期'],
  ['job', '工作岗位'], ['phone', '联系电话'], ['address', '现居住地'],
];

/** Labels of the collection form's required fields that are empty (转正日期 only for full members). */
export function missingFields(m: RequiredFacts): string[] {
  const out = REQUIRED.filter(([k]) => !m[k]).map(([, label]) => label);
  if (m.kind === 'full' && !m.confirmedOn) out.push('转正日期');
  return out;
}

/** Months of probation extension per member (延长预备期 events). */
export function probationExtensions(ledger: Ledger): Map<number, number> {
  const rows = ledger.db
    .prepare("SELECT member_id AS memberId, sum(coalesce(json_extract(data, '$.months'), 0)) AS months FROM member_events WHERE type = 'probationExtended' AND voided_at IS NULL GROUP BY member_id")
    .all() as { memberId: number; months: number }[];
  return new Map(rows.map((r) => [r.memberId, r.months]));
}

export function probationEndsOn(joinedOn: string | null, extensionMonths = 0): string | null {
  return joinedOn ? dayjs(joinedOn).add(PROBATION_MONTHS + extensionMonths, 'month').format('YYYY-MM-DD') : null;
}

/** Open mobile records by member: 'out' or 'in'. */
export function openMobile(ledger: Ledger): Map<number, 'out' | 'in'> {
  const rows = ledger.db.prepare('SELECT member_id AS memberId, direction FROM mobile_records WHERE to_date IS NULL').all() as { memberId: number; direction: 'out' | 'in' }[];
  return new Map(rows.map((r) => [r.memberId, r.direction]));
}

function slices(counts: Map<string, number>, order?: readonly string[]): Slice[] {
  const keys = order ?? [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
  return keys.filter((k) => (counts.get(k) ?? 0) > 0).map((k) => ({ label: k, value: counts.get(k)! }));
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

const TERM_ORG_TYPES: readonly OrgType[] = ['committee', 'partyCommittee', 'generalBranch', 'branch', 'jointBranch', 'temporaryBranch'];

export function dashboardSummary(ledger: Ledger, orgId: number | null, on: string = todayIso()): DashboardSummary {
  const scope = orgId ? new Set(orgSubtreeIds(ledger, orgId)) : null;
  const members = membersOn(ledger, on, { orgIds: scope ?? undefined });
  const ext = probationExtensions(ledger);

  const kind = new Map<string, number>();
  const category = new Map<string, number>();
  const age = new Map<string, number>();
  const education = new Map<string, number>();
  const gender = new Map<string, number>();
  const missingBy = new Map<string, number>();
  const probations: DashboardSummary['probations'] = [];
  const examples: DashboardSummary['missing']['examples'] = [];
  let missingMembers = 0;
  let mobileOut = 0;
  let mobileIn = 0;
  const soon = dayjs(on).add(3, 'month').format('YYYY-MM-DD');
  const bandLabel = new Map<string, string>(AGE_BANDS.map((b) => [b.key, b.label]));

  for (const m of members) {
    bump(kind, MEMBER_KIND_LABELS[m.kind as MemberKind]);
    for (const c of m.categories) bump(category, MEMBER_CATEGORY_LABELS[c]);
    if (m.categories.length === 0) bump(category, '未分类');
    bump(age, m.birthDate ? bandLabel.get(ageBandOf(ageOn(m.birthDate, on)))! : '未填');
    bump(education, m.education ?? '未填');
    bump(gender, m.gender ?? '未填');
    if (m.mobile?.direction === 'out') mobileOut++;
    if (m.mobile?.direction === 'in') mobileIn++;
    const missing = missingFields(m);
    if (missing.length) {
      missingMembers++;
      for (const f of missing) bump(missingBy, f);
      if (examples.length < 8) examples.push({ memberId: m.id, name: m.name, orgName: m.orgName, fields: missing });
    }
    if (m.kind === 'probationary') {
      const endsOn = probationEndsOn(m.joinedOn, ext.get(m.id) ?? 0);
      if (endsOn && endsOn <= soon) probations.push({ memberId: m.id, name: m.name, orgName: m.orgName, joinedOn: m.joinedOn, endsOn, overdue: endsOn < on });
    }
  }
  probations.sort((a, b) => a.endsOn.localeCompare(b.endsOn));

  const orgs = listOrgs(ledger).filter((o) => (!scope || scope.has(o.id)) && TERM_ORG_TYPES.includes(o.type));
  const terms: DashboardSummary['terms'] = [];
  for (const o of orgs) {
    const st = termStatus(currentTerm(ledger, o.id), on);
    if (st.state === 'inTerm') continue;
    if (st.state === 'none' && o.type === 'committee') continue;
    terms.push({ orgId: o.id, orgName: o.name, state: st.state, expiresOn: st.expiresOn, monthsLeft: st.monthsLeft });
  }
  const rank = { expired: 0, expiringSoon: 1, none: 2 } as const;
  terms.sort((a, b) => rank[a.state] - rank[b.state] || (a.expiresOn ?? '').localeCompare(b.expiresOn ?? ''));

  const residents = ledger.db
    .prepare(`SELECT count(*) AS n FROM resident_registrations WHERE registered_on <= ? AND (ended_on IS NULL OR ended_on > ?) ${scope ? 'AND community_org_id IN (SELECT value FROM json_each(?))' : ''}`)
    .get(on, on, ...(scope ? [JSON.stringify([...scope])] : [])) as { n: number };

  const eduOrder = ['博士研究生', '硕士研究生', '大学', '大专', '中专', '中等专科', '普通高中', '初中', '小学', '其他', '未填'];
  return {
    today: on,
    totals: {
      members: members.length,
      full: kind.get(MEMBER_KIND_LABELS.full) ?? 0,
      probationary: kind.get(MEMBER_KIND_LABELS.probationary) ?? 0,
      suspended: members.filter((m) => m.standing === 'suspended').length,
      branches: orgs.filter((o) => o.type === 'branch' || o.type === 'jointBranch' || o.type === 'temporaryBranch').length,
      mobileOut,
      mobileIn,
      residents: residents.n,
    },
    byKind: slices(kind, [MEMBER_KIND_LABELS.full, MEMBER_KIND_LABELS.probationary]),
    byCategory: slices(category, [...MEMBER_CATEGORIES.map((c) => MEMBER_CATEGORY_LABELS[c]), '未分类']),
    byAge: slices(age, [...AGE_BANDS.map((b) => b.label), '未填']),
    byEducation: slices(education, [...eduOrder, ...[...education.keys()].filter((k) => !eduOrder.includes(k))]),
    byGender: slices(gender, ['男', '女', '未填']),
    terms,
    settings: settingFindings(ledger, on, scope ?? undefined).flatMap(({ rule, ...f }) => (rule === 'termExpired' ? [] : [{ ...f, rule }])),
    probations,
    mobileContactsDue: mobileContactList(ledger, orgId, on).members.filter((m) => m.overdue)
      .map((m) => ({ memberId: m.memberId, name: m.name, orgName: m.org, lastContact: m.lastContact })),
    missing: { members: missingMembers, byField: slices(missingBy), examples },
    admission: listAdmission(ledger, { orgId }, { today: on }).people
      .filter((p) => p.warnings.length > 0)
      .map((p) => ({ applicantId: p.id, name: p.name, orgName: p.org, warnings: p.warnings })),
  };
}
