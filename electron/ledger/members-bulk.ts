// Several members at once (a branch created by mistake is emptied in one go): 组织关系转出, 调整支部
// or 调整党小组 for every selected member, through the same services as one member, so each member
// gets their own dated event and audit entry. All or nothing: one member who cannot be moved stops
// the whole action, and the message names them.
import { LedgerError } from '../../shared/errors';
import type { BulkMemberAction } from '../../shared/schemas/member';
import type { Ledger } from './ledger';
import { getMember, transferInternal, transferOut, updateMember } from './members';
import { getOrg } from './orgs';

export function bulkMemberAction(ledger: Ledger, ids: readonly number[], action: BulkMemberAction): number {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new LedgerError('INVALID_INPUT', '请先在列表中勾选党员。');
  return ledger.tx(() => {
    const group = action.kind === 'moveGroup' && action.groupId !== null ? getOrg(ledger, action.groupId) : null;
    for (const id of unique) {
      const m = getMember(ledger, id);
      try {
        if (action.kind === 'transferOut') {
          transferOut(ledger, id, { date: action.date, toOrg: action.toOrg, letterNumber: action.letterNumber, duesPaidTo: action.duesPaidTo, note: action.note });
        } else if (action.kind === 'transferInternal') {
          transferInternal(ledger, id, { date: action.date, toOrgId: action.toOrgId, note: action.note });
        } else {
          if (group && group.parentId !== m.orgId) throw new LedgerError('INVALID_GROUP', `党小组“${group.name}”不属于“${m.name}”所在的党支部。`);
          updateMember(ledger, id, { groupId: action.groupId }, { date: action.date, note: action.note });
        }
      } catch (e) {
        if (e instanceof LedgerError) throw new LedgerError(e.code, `没有办理：${e.message.startsWith(`“${m.name}”`) ? '' : `“${m.name}”：`}${e.message}（选中的 ${unique.length} 名党员都未改动）`);
        throw e;
      }
    }
    return unique.length;
  });
}
