// Organisation calls over electron/ledger/orgs.ts; the queries only the org page needs are here.
import type { OrgDetail, OrgNode } from '../../shared/api/orgs';
import type { Ledger } from '../ledger/ledger';
import {
  addPartner, createOrg, currentTerm, dissolveOrg, electCommittee, endPartner, getOrg, listOrgs, listPartners, listRoles, listTerms, moveOrg,
  orgSubtreeIds, termStatus, updateOrg,
} from '../ledger/orgs';
import type { HandlerMap } from './handlers';

const ON_ROLL = "m.status = 'active' AND m.standing IN ('normal', 'suspended')";

function directCounts(ledger: Ledger): Map<number, number> {
  const rows = ledger.db.prepare(`SELECT m.org_id AS orgId, count(*) AS n FROM members m WHERE ${ON_ROLL} GROUP BY m.org_id`).all() as { orgId: number; n: number }[];
  return new Map(rows.map((r) => [r.orgId, r.n]));
}

function detail(ledger: Ledger, id: number): OrgDetail {
  const org = getOrg(ledger, id);
  const term = currentTerm(ledger, id);
  const ts = termStatus(term);
  const subtree = orgSubtreeIds(ledger, id);
  const counts = ledger.db
    .prepare(
      `SELECT sum(m.kind = 'full') AS full, sum(m.kind = 'probationary') AS probationary, count(*) AS total, sum(m.standing = 'suspended') AS suspended
         FROM members m WHERE ${ON_ROLL} AND m.org_id IN (SELECT value FROM json_each(?))`,
    )
    .get(JSON.stringify(subtree)) as { full: number | null; probationary: number | null; total: number; suspended: number | null };
  const direct = directCounts(ledger);
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
    members: { full: counts.full ?? 0, probationary: counts.probationary ?? 0, total: counts.total, suspended: counts.suspended ?? 0 },
    children,
    history,
  };
}

type OrgMethods = 'orgs.tree' | 'orgs.get' | 'orgs.create' | 'orgs.update' | 'orgs.move' | 'orgs.dissolve' | 'orgs.elect' | 'orgs.addPartner' | 'orgs.endPartner';

export const orgsHandlers: HandlerMap<OrgMethods> = {
  'orgs.tree': (state, { includeDissolved }) => {
    const ledger = state.requireLedger();
    const counts = directCounts(ledger);
    return listOrgs(ledger, { includeDissolved }).map(
      (o): OrgNode => ({ id: o.id, parentId: o.parentId, name: o.name, shortName: o.shortName, type: o.type, category: o.category, dissolvedOn: o.dissolvedOn, sortOrder: o.sortOrder, memberCount: counts.get(o.id) ?? 0 }),
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
