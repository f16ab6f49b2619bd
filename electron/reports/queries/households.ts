// Data of the serving-residents registers: households on file in the period, contact links that ran
// in it, each contact member's card as of the period's end, and the period's visits. A household
// belongs to the scope by its org; a card to it by the member's org that day (membersOn).
import type { ContactCardsData, ContactsData, HouseholdsData, VisitsData } from '../../../shared/reports/registers/households';
import type { Ledger } from '../../ledger/ledger';
import { listContacts, listHouseholds } from '../../ledger/households';
import { membersOn } from '../../ledger/member-state';
import { listVisits } from '../../ledger/visits';
import type { QueryOptions } from './options';
import { type Scope, headerFor } from '../scope';

const orgRank = (scope: Scope) => new Map(scope.orgs.map((o, i) => [o.id, i]));

function householdsInPeriod(ledger: Ledger, scope: Scope) {
  const rank = orgRank(scope);
  return listHouseholds(ledger, { includeClosed: true })
    .filter((h) => rank.has(h.orgId) && h.registeredOn <= scope.period.to && (h.closedOn === null || h.closedOn >= scope.period.from))
    .sort((a, b) => rank.get(a.orgId)! - rank.get(b.orgId)!);
}

export function householdsData(ledger: Ledger, scope: Scope, opts: QueryOptions): HouseholdsData {
  const households = householdsInPeriod(ledger, scope).map((h) => ({
    org: h.orgName, head: h.head, address: h.addressLine, phone: h.phone,
    people: h.people.map((p) => `${p.name}${p.relation ? `（${p.relation}）` : ''}`).join('、'),
    categories: h.categories, needs: h.needs,
    contacts: listContacts(ledger, { householdId: h.id, asOf: h.closedOn && h.closedOn <= scope.asOf ? h.closedOn : scope.asOf }).map((c) => c.memberName).join('、'),
    registeredOn: h.registeredOn,
    closedOn: h.closedOn && h.closedOn <= scope.period.to ? h.closedOn : null,
    closeReason: h.closedOn && h.closedOn <= scope.period.to ? h.closeReason : null,
  }));
  return { ...headerFor(scope, opts), households };
}

export function contactsData(ledger: Ledger, scope: Scope, opts: QueryOptions): ContactsData {
  const rank = orgRank(scope);
  const homes = new Map(householdsInPeriod(ledger, scope).map((h) => [h.id, h]));
  const visits = listVisits(ledger, { from: scope.period.from, to: scope.period.to });
  const contacts = listContacts(ledger, { orgIds: [...homes.values()].map((h) => h.orgId) })
    .filter((c) => homes.has(c.householdId) && c.fromDate <= scope.period.to && (c.toDate === null || c.toDate > scope.period.from))
    .map((c) => ({ c, h: homes.get(c.householdId)! }))
    .sort((a, b) => rank.get(a.h.orgId)! - rank.get(b.h.orgId)! || a.c.memberName.localeCompare(b.c.memberName, 'zh-CN') || a.c.fromDate.localeCompare(b.c.fromDate))
    .map(({ c, h }) => ({
      org: h.orgName, member: c.memberName, head: h.head, address: h.addressLine, phone: h.phone, categories: h.categories,
      fromDate: c.fromDate, toDate: c.toDate && c.toDate <= scope.period.to ? c.toDate : null,
      visits: visits.filter((v) => v.householdId === h.id && v.memberIds.includes(c.memberId)).length,
    }));
  return { ...headerFor(scope, opts), contacts };
}

export function contactCardsData(ledger: Ledger, scope: Scope, opts: QueryOptions): ContactCardsData {
  const members = membersOn(ledger, scope.asOf, { orgIds: scope.orgIds });
  const rank = orgRank(scope);
  const running = listContacts(ledger, { asOf: scope.asOf });
  const cards = members
    .map((m) => ({ m, homes: running.filter((c) => c.memberId === m.id) }))
    .filter((x) => x.homes.length > 0)
    .sort((a, b) => (rank.get(a.m.orgId) ?? 0) - (rank.get(b.m.orgId) ?? 0) || a.m.name.localeCompare(b.m.name, 'zh-CN'))
    .map(({ m, homes }) => ({ member: m.name, branch: m.orgName ?? '', phone: m.phone, households: homes.map((c) => ({ head: c.head, address: c.addressLine })) }));
  return { ...headerFor(scope, opts), cards };
}

export function visitsData(ledger: Ledger, scope: Scope, opts: QueryOptions): VisitsData {
  const rank = orgRank(scope);
  const visits = listVisits(ledger, { orgIds: [...scope.orgIds], from: scope.period.from, to: scope.period.to })
    .sort((a, b) => rank.get(a.orgId)! - rank.get(b.orgId)! || a.date.localeCompare(b.date) || a.id - b.id)
    .map((v) => ({
      org: v.orgName, date: v.date, head: v.head, address: v.addressLine, visitors: v.visitors.join('、'), concernCategory: v.concernCategory,
      concern: v.concern, referredTo: v.referredTo,
      resolvedOn: v.resolvedOn && v.resolvedOn <= scope.asOf ? v.resolvedOn : null, resolution: v.resolvedOn && v.resolvedOn <= scope.asOf ? v.resolution : null,
    }));
  return { ...headerFor(scope, opts), visits };
}
