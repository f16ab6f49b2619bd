// 党员花名册 and 党员基本信息采集表 read the roster of the members service (as of the period's end).
import { type MemberCategory, MEMBER_KIND_LABELS, STANDING_LABELS } from '../../../shared/domain/member';
import type { RosterBranch, RosterData, RosterMember } from '../../../shared/reports/registers/roster';
import type { Ledger } from '../../ledger/ledger';
import { type RosterRow, listMembers } from '../../ledger/members';
import { type Scope, headerFor } from '../scope';
import type { QueryOptions } from './options';

/** The members of the scope as of its snapshot date, grouped by branch in tree order. */
export function scopeMembers(ledger: Ledger, scope: Scope): Map<number, RosterRow[]> {
  const rows = listMembers(ledger, { orgId: scope.root.id, includeDescendants: true, asOf: scope.asOf });
  const byOrg = new Map<number, RosterRow[]>();
  for (const b of scope.branches) byOrg.set(b.id, []);
  for (const r of rows) byOrg.get(r.orgId)?.push(r);
  return byOrg;
}

/** 「望江社区第一党支部第四党小组」 under its branch reads 「第四党小组」. */
export function shortGroupName(group: string | null, branch: string | null): string | null {
  if (!group) return null;
  return branch && group.startsWith(branch) && group.length > branch.length ? group.slice(branch.length) : group;
}

export function remarkOf(m: RosterRow): string | null {
  const parts: string[] = [];
  if (m.standing !== 'normal') parts.push(STANDING_LABELS[m.standing]);
  if (m.lostContactSince) parts.push(`失联（${m.lostContactSince}起）`);
  if ((m.categories as MemberCategory[]).includes('mobile')) parts.push('流动党员');
  if (m.note) parts.push(m.note);
  return parts.length ? parts.join('；') : null;
}

export function rosterMember(m: RosterRow): RosterMember {
  return {
    name: m.name, gender: m.gender, ethnicity: m.ethnicity, idNumber: m.idNumber, birthDate: m.birthDate, nativePlace: m.nativePlace,
    education: m.education, kind: MEMBER_KIND_LABELS[m.kind], joinedOn: m.joinedOn, confirmedOn: m.confirmedOn, groupName: shortGroupName(m.groupName, m.orgName),
    employer: m.employer, phone: m.phone, address: m.address, remark: remarkOf(m),
  };
}

export function rosterData(ledger: Ledger, scope: Scope, opts: QueryOptions): RosterData {
  const byOrg = scopeMembers(ledger, scope);
  const branches: RosterBranch[] = scope.branches
    .map((b) => ({ name: b.name, members: (byOrg.get(b.id) ?? []).map(rosterMember) }))
    .filter((b) => b.members.length > 0);
  return { ...headerFor(scope, opts), branches };
}
