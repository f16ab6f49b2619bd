// 表彰: commendations of members, households (by name and address) and orgs, each with level,
// year, 文号 and a file. A member's commendation is filed under the org the member belonged to on
// the day (or at the year's end), so the register of an org finds it even after a transfer.
import type { z } from 'zod';
import { LedgerError } from '../../shared/errors';
import { nowIso } from '../../shared/dates';
import { COMMENDATION_KIND_LABELS, COMMENDATION_LEVEL_LABELS } from '../../shared/domain/commendation';
import { type Commendation, CommendationCreateSchema, CommendationQuerySchema } from '../../shared/api/commendations';
import type { OwnedAttachmentSchema } from '../../shared/api/secretary-reviews';
import type { AttachmentMeta } from '../../shared/api/activities';
import type { Ledger } from './ledger';
import { ownedAttachments, storeAttachment } from './attachments';
import { getMember } from './members';
import { getOrg, orgSubtreeIds } from './orgs';
import { all, mustFind, one, run } from './sql';

type Raw = Omit<Commendation, 'attachments'>;

const SELECT = `SELECT c.id, c.kind, c.org_id AS orgId, o.name AS org, c.member_id AS memberId, m.name AS memberName,
  c.household_name AS householdName, c.household_address AS householdAddress, c.title, c.level, c.year, c.awarded_on AS awardedOn,
  c.issuer, c.doc_number AS docNumber, c.note, c.voided_at AS voidedAt, c.void_reason AS voidReason
  FROM commendations c JOIN orgs o ON o.id = c.org_id LEFT JOIN members m ON m.id = c.member_id`;

const LEVEL_ORDER = "CASE c.level WHEN 'national' THEN 0 WHEN 'province' THEN 1 WHEN 'city' THEN 2 WHEN 'district' THEN 3 ELSE 4 END";

/** Whom a commendation honours, in words: 张三, 李四家（幸福里 3 栋）, 东风社区党委. */
export function commendedName(c: Pick<Commendation, 'kind' | 'memberName' | 'householdName' | 'householdAddress' | 'org'>): string {
  if (c.kind === 'member') return c.memberName ?? '';
  if (c.kind === 'household') return `${c.householdName}家${c.householdAddress ? `（${c.householdAddress}）` : ''}`;
  return c.org;
}

function withFiles(ledger: Ledger, rows: Raw[]): Commendation[] {
  const files = ownedAttachments(ledger, 'commendation', rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, attachments: files.get(r.id) ?? [] }));
}

export function listCommendations(ledger: Ledger, raw: z.input<typeof CommendationQuerySchema>): Commendation[] {
  const q = CommendationQuerySchema.parse(raw);
  const orgIds = q.orgId ? orgSubtreeIds(ledger, q.orgId, { includeDissolved: true }) : null;
  const rows = all<Raw>(
    ledger,
    `${SELECT} WHERE (? IS NULL OR c.year = ?) AND (? IS NULL OR c.org_id IN (SELECT value FROM json_each(?))) AND (? IS NULL OR c.member_id = ?)
       AND (? OR c.voided_at IS NULL)
     ORDER BY c.year DESC, ${LEVEL_ORDER}, c.kind, c.id`,
    q.year, q.year, orgIds ? 1 : null, JSON.stringify(orgIds ?? []), q.memberId, q.memberId, q.includeVoided ? 1 : 0,
  );
  return withFiles(ledger, rows);
}

export function getCommendation(ledger: Ledger, id: number): Commendation {
  return withFiles(ledger, [mustFind(one<Raw>(ledger, `${SELECT} WHERE c.id = ?`, id), '这条表彰记录')])[0]!;
}

/** The member's org on the day: the span covering it, else the member's org now. */
function memberOrgOn(ledger: Ledger, memberId: number, on: string): number {
  const span = one<{ orgId: number }>(
    ledger, 'SELECT org_id AS orgId FROM member_org_spans WHERE member_id = ? AND from_date <= ? AND (to_date IS NULL OR to_date > ?) ORDER BY from_date DESC LIMIT 1',
    memberId, on, on,
  );
  return span?.orgId ?? getMember(ledger, memberId).orgId;
}

export function createCommendation(ledger: Ledger, raw: z.input<typeof CommendationCreateSchema>): Commendation {
  const input = CommendationCreateSchema.parse(raw);
  return ledger.tx(() => {
    let orgId = input.orgId;
    if (input.kind === 'member') {
      getMember(ledger, input.memberId!);
      orgId = memberOrgOn(ledger, input.memberId!, input.awardedOn ?? `${input.year}-12-31`);
    }
    const org = getOrg(ledger, orgId!);
    if (input.kind === 'org' && org.type === 'group') throw new LedgerError('INVALID_INPUT', '党小组不是基层党组织，请选择它所在的党支部。');
    const id = run(
      ledger,
      `INSERT INTO commendations (kind, org_id, member_id, household_name, household_address, title, level, year, awarded_on, issuer, doc_number, note, created_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      input.kind, org.id, input.kind === 'member' ? input.memberId : null, input.kind === 'household' ? input.householdName : null,
      input.kind === 'household' ? input.householdAddress : null, input.title, input.level, input.year, input.awardedOn, input.issuer, input.docNumber, input.note, nowIso(),
    );
    const c = getCommendation(ledger, id);
    ledger.audit({
      action: 'create', entity: 'commendation', entityId: id,
      summary: `登记表彰：${COMMENDATION_KIND_LABELS[c.kind]}“${commendedName(c)}”获${c.year} 年度${COMMENDATION_LEVEL_LABELS[c.level]}级“${c.title}”${c.docNumber ? `（${c.docNumber}）` : ''}`,
      after: input,
    });
    return c;
  });
}

export function voidCommendation(ledger: Ledger, id: number, reason: string): void {
  ledger.tx(() => {
    const c = getCommendation(ledger, id);
    if (c.voidedAt) throw new LedgerError('VOIDED', '这条表彰记录已经作废了。');
    ledger.db.prepare('UPDATE commendations SET voided_at = ?, void_reason = ? WHERE id = ?').run(nowIso(), reason, id);
    ledger.audit({ action: 'void', entity: 'commendation', entityId: id, summary: `作废表彰“${commendedName(c)} ${c.title}”：${reason}`, after: { reason } });
  });
}

export function attachToCommendation(ledger: Ledger, input: z.input<typeof OwnedAttachmentSchema>): AttachmentMeta {
  const { ownerId, ...file } = input;
  const c = getCommendation(ledger, ownerId);
  if (c.voidedAt) throw new LedgerError('VOIDED', '这条表彰记录已作废，不能再添加附件。');
  return storeAttachment(ledger, { kind: 'commendation', id: ownerId, label: `表彰“${commendedName(c)} ${c.title}”` }, file);
}
