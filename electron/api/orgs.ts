import type { OrgNode } from '../../shared/api/orgs';
import type { HandlerMap } from './handlers';

type OrgRow = Omit<OrgNode, 'memberCount'> & { memberCount: number | null };

export const orgsHandlers: HandlerMap<'orgs.tree'> = {
  'orgs.tree': (state, { includeDissolved }) => {
    const db = state.requireLedger().db;
    const rows = db
      .prepare(
        `SELECT o.id, o.parent_id AS parentId, o.name, o.short_name AS shortName, o.type, o.category,
                o.dissolved_on AS dissolvedOn, o.sort_order AS sortOrder,
                (SELECT count(*) FROM members m WHERE m.org_id = o.id AND m.status = 'active' AND m.standing IN ('normal', 'suspended')) AS memberCount
           FROM orgs o ${includeDissolved ? '' : 'WHERE o.dissolved_on IS NULL'}
          ORDER BY o.sort_order, o.id`,
      )
      .all() as OrgRow[];
    return rows.map((r) => ({ ...r, memberCount: r.memberCount ?? 0 }));
  },
};
