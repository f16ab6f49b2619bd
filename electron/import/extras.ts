// Extra fields: roster columns the ledger has no field for (学工号, 党内职务 …), kept on the member
// when the clerk chooses 保留为附加信息. Shown on the member's page and in the 采集表's remarks.
import { nowIso } from '../../shared/dates';
import type { Ledger } from '../ledger/ledger';

export type ExtraField = { name: string; value: string; source: string | null; updatedAt: string };

/** A member's extra fields, by title. */
export function extraFieldsOf(ledger: Ledger, memberId: number): ExtraField[] {
  return ledger.db
    .prepare('SELECT name, value, source, updated_at AS updatedAt FROM member_extra_fields WHERE member_id = ? ORDER BY id')
    .all(memberId) as ExtraField[];
}

/** Every member's extra fields as one remark line ("学工号：2012001；党内职务：组织委员"). */
export function extraFieldRemarks(ledger: Ledger): Map<number, string> {
  const rows = ledger.db.prepare('SELECT member_id AS memberId, name, value FROM member_extra_fields ORDER BY member_id, id').all() as { memberId: number; name: string; value: string }[];
  const out = new Map<number, string>();
  for (const r of rows) {
    const line = `${r.name}：${r.value}`;
    out.set(r.memberId, out.has(r.memberId) ? `${out.get(r.memberId)}；${line}` : line);
  }
  return out;
}

/** Sets (or changes) extra fields of a member; within the caller's transaction (the import's). */
export function writeExtraFields(ledger: Ledger, memberId: number, extras: Record<string, string>, source: string): void {
  const upsert = ledger.db.prepare(
    `INSERT INTO member_extra_fields (member_id, name, value, source, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (member_id, name) DO UPDATE SET value = excluded.value, source = excluded.source, updated_at = excluded.updated_at`,
  );
  const now = nowIso();
  for (const [name, value] of Object.entries(extras)) upsert.run(memberId, name, value, source, now);
}
