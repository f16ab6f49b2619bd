// 流动党员 定人定期联系: each mobile member has a named contact person and dated contacts (电话,
// 微信, 走访, 信函). A mobile member with no contact in the current quarter is overdue: 首页's
// 需要关注 and the 流动党员联系 page list them.
import type { z } from 'zod';
import { LedgerError } from '../../shared/errors';
import { nowIso, today as todayIso } from '../../shared/dates';
import { CONTACT_WAY_LABELS, QUARTER_LABELS, type ContactWay, quarterOf } from '../../shared/domain/aid';
import { ContactPersonSchema, MobileContactSchema, VoidSchema, type MobileContactList } from '../../shared/api/help';
import type { Ledger } from './ledger';
import { membersOn } from './member-state';
import { orgSubtreeIds } from './orgs';
import { all, mustFind, one, run } from './sql';

function memberName(ledger: Ledger, memberId: number): string {
  return mustFind(one<{ name: string }>(ledger, 'SELECT name FROM members WHERE id = ? AND voided_at IS NULL', memberId), '这名党员').name;
}

export function setContactPerson(ledger: Ledger, raw: z.input<typeof ContactPersonSchema>): number {
  const input = ContactPersonSchema.parse(raw);
  return ledger.tx(() => {
    const name = memberName(ledger, input.memberId);
    const before = one<{ id: number; contactName: string; fromDate: string }>(ledger,
      'SELECT id, contact_name AS contactName, from_date AS fromDate FROM mobile_contact_persons WHERE member_id = ? AND to_date IS NULL', input.memberId);
    if (before && before.fromDate > input.fromDate) throw new LedgerError('INVALID_DATE', `现在的联系人“${before.contactName}”自 ${before.fromDate} 起负责，新联系人的起始日期不能更早。`);
    if (before) run(ledger, 'UPDATE mobile_contact_persons SET to_date = ? WHERE id = ?', input.fromDate, before.id);
    const id = run(ledger, 'INSERT INTO mobile_contact_persons (member_id, contact_member_id, contact_name, contact_phone, from_date, created_at) VALUES (?,?,?,?,?,?)',
      input.memberId, input.contactMemberId, input.contactName, input.contactPhone, input.fromDate, nowIso());
    ledger.audit({
      action: 'update', entity: 'mobileContactPerson', entityId: input.memberId,
      summary: `流动党员“${name}”的联系人自 ${input.fromDate} 起为 ${input.contactName}${before ? `（原为 ${before.contactName}）` : ''}`,
      before: before ?? undefined, after: { contactName: input.contactName, fromDate: input.fromDate },
    });
    return id;
  });
}

export function logMobileContact(ledger: Ledger, raw: z.input<typeof MobileContactSchema>, opts: { today?: string } = {}): number {
  const input = MobileContactSchema.parse(raw);
  return ledger.tx(() => {
    const name = memberName(ledger, input.memberId);
    if (input.date > (opts.today ?? todayIso())) throw new LedgerError('INVALID_DATE', `联系日期 ${input.date} 晚于今天，请核对。`);
    if (!one(ledger, 'SELECT 1 FROM mobile_records WHERE member_id = ? AND from_date <= ? AND (to_date IS NULL OR to_date > ?)', input.memberId, input.date, input.date)) {
      throw new LedgerError('NOT_MOBILE', `“${name}”在 ${input.date} 不是流动党员，不能登记流动党员联系。`);
    }
    const id = run(ledger, 'INSERT INTO mobile_contacts (member_id, date, way, contact_by, content, created_at) VALUES (?,?,?,?,?,?)',
      input.memberId, input.date, input.way, input.contactBy, input.content, nowIso());
    ledger.audit({
      action: 'create', entity: 'mobileContact', entityId: id,
      summary: `${input.date} ${input.contactBy}以${CONTACT_WAY_LABELS[input.way]}联系流动党员“${name}”：${input.content}`,
      after: { memberId: input.memberId, date: input.date, way: input.way, contactBy: input.contactBy },
    });
    return id;
  });
}

export function voidMobileContact(ledger: Ledger, raw: z.input<typeof VoidSchema>): void {
  const input = VoidSchema.parse(raw);
  ledger.tx(() => {
    const c = mustFind(one<{ id: number; memberId: number; date: string; voidedAt: string | null }>(ledger,
      'SELECT id, member_id AS memberId, date, voided_at AS voidedAt FROM mobile_contacts WHERE id = ?', input.id), '这条联系记录');
    if (c.voidedAt) throw new LedgerError('ALREADY_VOIDED', '这条联系记录已作废。');
    run(ledger, 'UPDATE mobile_contacts SET voided_at = ?, void_reason = ? WHERE id = ?', nowIso(), input.reason, c.id);
    ledger.audit({ action: 'void', entity: 'mobileContact', entityId: c.id, summary: `作废 ${c.date} 联系流动党员“${memberName(ledger, c.memberId)}”的记录：${input.reason}`, before: { date: c.date } });
  });
}

/** Every mobile member on `on` (of an org and its sub-orgs, or the street), with contact person, contacts and whether overdue. */
export function mobileContactList(ledger: Ledger, orgId: number | null, on: string = todayIso()): MobileContactList {
  const q = quarterOf(on);
  const scope = orgId === null ? undefined : new Set(orgSubtreeIds(ledger, orgId));
  const mobile = membersOn(ledger, on, { orgIds: scope }).filter((m) => m.onRoll && m.mobile);
  const ids = JSON.stringify(mobile.map((m) => m.id));
  const since = new Map(all<{ memberId: number; fromDate: string }>(ledger,
    'SELECT member_id AS memberId, max(from_date) AS fromDate FROM mobile_records WHERE member_id IN (SELECT value FROM json_each(?)) AND from_date <= ? GROUP BY member_id', ids, on,
  ).map((r) => [r.memberId, r.fromDate]));
  const persons = new Map(all<{ memberId: number; name: string; phone: string | null; fromDate: string }>(ledger,
    `SELECT member_id AS memberId, contact_name AS name, contact_phone AS phone, from_date AS fromDate FROM mobile_contact_persons
     WHERE member_id IN (SELECT value FROM json_each(?)) AND from_date <= ? AND (to_date IS NULL OR to_date > ?) ORDER BY from_date`, ids, on, on,
  ).map(({ memberId, ...p }) => [memberId, p]));
  const contacts = all<{ id: number; memberId: number; date: string; way: ContactWay; contactBy: string; content: string }>(ledger,
    `SELECT id, member_id AS memberId, date, way, contact_by AS contactBy, content FROM mobile_contacts
     WHERE member_id IN (SELECT value FROM json_each(?)) AND voided_at IS NULL AND date <= ? ORDER BY date DESC, id DESC`, ids, on,
  );
  const members = mobile.map((m) => {
    const mine = contacts.filter((c) => c.memberId === m.id).map(({ memberId: _m, ...c }) => c);
    const last = mine[0]?.date ?? null;
    return {
      memberId: m.id, name: m.name, org: m.orgName, direction: m.mobile!.direction, place: m.mobile!.place, since: since.get(m.id) ?? '',
      contactPerson: persons.get(m.id) ?? null, lastContact: last, overdue: last === null || last < q.start, contacts: mine,
    };
  });
  members.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.lastContact ?? '').localeCompare(b.lastContact ?? ''));
  return { today: on, quarter: { start: q.start, end: q.end, label: `${q.year}年${QUARTER_LABELS[q.quarter - 1]}` }, members };
}
