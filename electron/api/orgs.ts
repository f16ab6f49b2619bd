// Organisation calls over electron/ledger/orgs.ts; the queries only the org page needs are here.
import type { OrgDetail, OrgNode } from '../../shared/api/orgs';
import { today } from '../../shared/dates';
import type { Ledger } from '../ledger/ledger';
import { type MemberState, membersOn } from '../ledger/member-state';
import { settingFindings } from '../ledger/org-setting';
import {
  addPartner, createOrg, currentTerm, dissolveOrg, electCommittee, endPartner, getOrg, listOrgs, listPartners, listRoles, listTerms, moveOrg,
  orgSubtreeIds, termStatus, updateOrg,
} from '../ledger/orgs';
import type { HandlerMap } from './handlers';

/** Members on the roll today of each branch and of each 党小组 (member-state.ts). */
function directCounts(states: readonly MemberState[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const m of states) {
    out.set(m.orgId, (out.get(m.orgId) ?? 0) + 1);
    if (m.groupId !== null) out.set(m.groupId, (out.get(m.groupId) ?? 0) + 1);
  }
  return out;
}

function detail(ledger: Ledger, id: number): OrgDetail {
  const org = getOrg(ledger, id);
  const term = currentTerm(ledger, id);
  const ts = termStatus(term);
  const states = membersOn(ledger, today());
  const subtree = new Set(orgSubtreeIds(ledger, id));
  const mine = org.type === 'group' ? states.filter((m) => m.groupId === id) : states.filter((m) => subtree.has(m.orgId));
  const counts = {
    full: mine.filter((m) => m.kind === 'full').length,
    probationary: mine.filter((m) => m.kind === 'probationary').length,
    total: mine.length,
    suspended: mine.filter((m) => m.standing === 'suspended').length,
  };
  const direct = directCounts(states);
  const children = (ledger.db.prepare('SELECT id, name, type, dissolved_on AS dissolvedOn FROM orgs WHERE parent_id = ? ORDER BY dissolved_on IS NOT NULL, sort_order, id').all(id) as OrgDetail['children']).map(
    (c) => ({ ...c, memberCount: direct.get(c.id) ?? 0 }),
  );
  const history = ledger.db
    .prepare("SELECT at, user_name AS userName, summary FROM audit_log WHERE entity = 'org' AND entity_id = ? ORDER BY id DESC LIMIT 30")
    .all(id) as OrgDetail['history'];
  return {
    org,
    parentName: org.parentId === null ? null : getOrg(ledger, org.parentId).name,
    term: term ? { id: term.id, electedOn: term.electedOn, expiresOn: term.expiresOn, state: ts.state, monthsLeft: ts.monthsLeft } : null,
    roles: term ? listRoles(ledger, id, term.id) : [],
    pastTerms: listTerms(ledger, id).filter((t) => t.endedOn !== null),
    partners: listPartners(ledger, id, { includeEnded: true }),
    members: counts,
    settingIssues: settingFindings(ledger, today(), new Set([id])).map(({ rule, message }) => ({ rule, message })),
    children,
    history,
  };
}

type OrgMethods = 'orgs.tree' | 'orgs.get' | 'orgs.create' | 'orgs.update' | 'orgs.move' | 'orgs.dissolve' | 'orgs.elect' | 'orgs.addPartner' | 'orgs.endPartner';

export const orgsHandlers: HandlerMap<OrgMethods> = {
  'orgs.tree': (state, { includeDissolved }) => {
    const ledger = state.requireLedger();
    const counts = directCounts(membersOn(ledger, today()));
    const issues = new Map<number, OrgNode['settingIssues']>();
    for (const f of settingFindings(ledger)) issues.set(f.orgId, [...(issues.get(f.orgId) ?? []), { rule: f.rule, message: f.message }]);
    return listOrgs(ledger, { includeDissolved }).map(
      (o): OrgNode => ({
        id: o.id, parentId: o.parentId, name: o.name, shortName: o.shortName, type: o.type, category: o.category, dissolvedOn: o.dissolvedOn, sortOrder: o.sortOrder,
        memberCount: counts.get(o.id) ?? 0, settingIssues: issues.get(o.id) ?? [],
      }),
    );
  },
  'orgs.get': (state, { id }) => detail(state.requireLedger(), id),
  'orgs.create': (state, input) => ({ id: createOrg(state.requireLedger(), input) }),
  'orgs.update': (state, { id, patch }) => ({ id: updateOrg(state.requireLedger(), id, patch).id }),
  'orgs.move': (state, { id, parentId }) => ({ id: moveOrg(state.requireLedger(), id, parentId).id }),
  'orgs.dissolve': (state, { id, date, note }) => {
    dissolveOrg(state.requireLedger(), id, { date, note });
    return { id };
  },
  'orgs.elect': (state, { orgId, term }) => ({ termId: electCommittee(state.requireLedger(), orgId, term) }),
  'orgs.addPartner': (state, { orgId, partner }) => ({ id: addPartner(state.requireLedger(), orgId, partner) }),
  'orgs.endPartner': (state, { partnerId, date }) => {
    endPartner(state.requireLedger(), partnerId, date);
    return { id: partnerId };
  },
};
