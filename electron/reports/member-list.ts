// The 党员 page's list as shown (its filters, search and 截至日期) as an Excel 花名册: the rows the
// clerk sees, in the order shown, through the roster register's model (same columns, masking, print
// set-up), with the filters named above the table.
import { today } from '../../shared/dates';
import type { RosterBranch } from '../../shared/reports/registers/roster';
import { buildRoster } from '../../shared/reports/registers/roster';
import type { Ledger } from '../ledger/ledger';
import { listMembers } from '../ledger/members';
import { rosterMember } from './queries/roster';
import { renderXlsx } from './render';
import { headerFor, resolveScope } from './scope';

export type MemberListExport = {
  /** The members shown, in the order shown. */
  ids: number[];
  /** The list's 截至日期; absent: today. */
  asOf?: string;
  /** The org chosen in the tree; absent or null: the whole street. */
  orgId?: number | null;
  /** The filters and search as the page names them. */
  filters?: string | null;
  maskIds?: boolean;
};

export async function memberListWorkbook(ledger: Ledger, req: MemberListExport): Promise<{ fileName: string; data: Uint8Array; rows: number }> {
  const asOf = req.asOf ?? today();
  const rows = req.asOf ? listMembers(ledger, { asOf: req.asOf }) : listMembers(ledger, { includeInactive: true });
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Under each branch's heading, branches in the order they first appear, members in the order shown.
  const groups = new Map<string, RosterBranch>();
  for (const id of req.ids) {
    const m = byId.get(id);
    if (!m) continue;
    const name = m.orgName ?? '（未编入党支部）';
    if (!groups.has(name)) groups.set(name, { name, members: [] });
    groups.get(name)!.members.push(rosterMember(m));
  }
  const branches = [...groups.values()];
  const scope = resolveScope(ledger, { orgId: req.orgId ?? null }, { from: `${asOf.slice(0, 4)}-01-01`, to: asOf });
  const doc = buildRoster({ ...headerFor(scope, { maskIds: req.maskIds }), branches });
  if (req.filters) doc.sections[0]!.blocks.unshift({ type: 'text', style: 'note', text: `按党员列表导出：${req.filters}` });
  const { bytes } = await renderXlsx(doc);
  const count = branches.reduce((n, b) => n + b.members.length, 0);
  return { fileName: `${scope.root.name}党员名单（截至${asOf}）.xlsx`, data: new Uint8Array(bytes), rows: count };
}
