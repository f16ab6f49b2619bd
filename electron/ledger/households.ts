// 民情卡 (households) and 党员联系户 (member ↔ household contact links). A household is 入册 on a
// date and 注销 with a date and reason, never deleted; a contact link has from/to dates. Every
// change writes an audit entry. Visits are in ./visits.
import { LedgerError } from '../../shared/errors';
import { nowIso } from '../../shared/dates';
import { HOUSEHOLD_CATEGORY_LABELS, householdAddress, type HouseholdCategory } from '../../shared/domain/household';
import {
  ContactEndSchema, ContactLinkSchema, HouseholdCloseSchema, HouseholdCreateSchema, HouseholdFieldsSchema, HouseholdListQuerySchema,
} from '../../shared/schemas/household';
import type { ContactRow, HouseholdPerson, HouseholdRow } from '../../shared/api/households';
import type { Ledger } from './ledger';
import { getMember } from './members';
import { getOrg, orgSubtreeIds } from './orgs';
import { all, mustFind, one, parseJson, run } from './sql';
import type { z } from 'zod';

type Raw = Omit<HouseholdRow, 'people' | 'categories' | 'addressLine' | 'contacts'> & { people: string; categories: string; contacts: string | null };

const SELECT = `SELECT h.id, h.org_id AS orgId, o.name AS orgName, h.estate, h.building, h.unit, h.room, h.address, h.head, h.phone, h.people, h.categories,
    h.needs, h.note, h.registered_on AS registeredOn, h.closed_on AS closedOn, h.close_reason AS closeReason,
    (SELECT group_concat(m.name, '、') FROM household_contacts c JOIN members m ON m.id = c.member_id WHERE c.household_id = h.id AND c.to_date IS NULL) AS contacts,
    (SELECT count(*) FROM visits v WHERE v.household_id = h.id AND v.voided_at IS NULL) AS visitCount,
    (SELECT max(v.date) FROM visits v WHERE v.household_id = h.id AND v.voided_at IS NULL) AS lastVisit,
    (SELECT count(*) FROM visits v WHERE v.household_id = h.id AND v.voided_at IS NULL AND v.referred_to IS NOT NULL AND v.resolved_on IS NULL) AS openFollowUps
  FROM households h JOIN orgs o ON o.id = h.org_id`;

function toRow(r: Raw): HouseholdRow {
  return {
    ...r, people: parseJson<HouseholdPerson[]>(r.people, []), categories: parseJson<HouseholdCategory[]>(r.categories, []),
    addressLine: householdAddress(r), contacts: r.contacts ? r.contacts.split('、') : [],
  };
}

const categoryWords = (c: readonly HouseholdCategory[]) => c.map((x) => HOUSEHOLD_CATEGORY_LABELS[x]).join('、');

export function getHousehold(ledger: Ledger, id: number): HouseholdRow {
  return toRow(mustFind(one<Raw>(ledger, `${SELECT} WHERE h.id = ?`, id), '这户民情卡'));
}

/** Households of an org and its sub-orgs (or the whole street), 在册 only unless asked. */
export function listHouseholds(ledger: Ledger, raw: z.input<typeof HouseholdListQuerySchema> = {}): HouseholdRow[] {
  const q = HouseholdListQuerySchema.parse(raw);
  const ids = q.orgId === null ? null : orgSubtreeIds(ledger, q.orgId, { includeDissolved: true });
  const where = [ids ? `h.org_id IN (${ids.join(',')})` : '1', q.includeClosed ? '1' : 'h.closed_on IS NULL'].join(' AND ');
  return all<Raw>(ledger, `${SELECT} WHERE ${where} ORDER BY o.sort_order, h.org_id, h.estate, h.building, h.unit, h.room, h.id`).map(toRow);
}

function checkOrg(ledger: Ledger, orgId: number): string {
  const org = getOrg(ledger, orgId);
  if (org.dissolvedOn) throw new LedgerError('ORG_DISSOLVED', `“${org.name}”已撤销，请选择现在的社区党组织。`);
  if (org.type === 'committee' || org.type === 'group') throw new LedgerError('INVALID_ORG', '民情卡请登记在社区党委、党总支或党支部下。');
  return org.name;
}

/** 入册: a new 民情卡. */
export function createHousehold(ledger: Ledger, raw: z.input<typeof HouseholdCreateSchema>): number {
  const h = HouseholdCreateSchema.parse(raw);
  return ledger.tx(() => {
    const orgName = checkOrg(ledger, h.orgId);
    const at = nowIso();
    const id = run(
      ledger,
      `INSERT INTO households (org_id, estate, building, unit, room, address, head, phone, people, categories, needs, note, registered_on, created_at, updated_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      h.orgId, h.estate, h.building, h.unit, h.room, h.address, h.head, h.phone, JSON.stringify(h.people), JSON.stringify(h.categories),
      h.needs, h.note, h.registeredOn, at, at,
    );
    ledger.audit({
      action: 'create', entity: 'household', entityId: id,
      summary: `“${orgName}”民情卡入册：${h.head}${h.categories.length ? `（${categoryWords(h.categories)}）` : ''}`, after: h,
    });
    return id;
  });
}

export function updateHousehold(ledger: Ledger, id: number, raw: z.input<typeof HouseholdFieldsSchema>): HouseholdRow {
  const h = HouseholdFieldsSchema.parse(raw);
  return ledger.tx(() => {
    const before = getHousehold(ledger, id);
    if (before.closedOn) throw new LedgerError('CLOSED', `“${before.head}”户已于 ${before.closedOn} 注销，不能修改。`);
    if (h.orgId !== before.orgId) checkOrg(ledger, h.orgId);
    ledger.db.prepare(
      `UPDATE households SET org_id = ?, estate = ?, building = ?, unit = ?, room = ?, address = ?, head = ?, phone = ?, people = ?, categories = ?,
         needs = ?, note = ?, updated_at = ? WHERE id = ?`,
    ).run(h.orgId, h.estate, h.building, h.unit, h.room, h.address, h.head, h.phone, JSON.stringify(h.people), JSON.stringify(h.categories), h.needs, h.note, nowIso(), id);
    const { contacts: _c, visitCount: _v, lastVisit: _l, openFollowUps: _o, addressLine: _a, orgName: _n, ...beforeFields } = before;
    ledger.audit({ action: 'update', entity: 'household', entityId: id, summary: `修改民情卡：${h.head}`, before: beforeFields, after: h });
    return getHousehold(ledger, id);
  });
}

/** 核实注销: the household stays on file, with the date and reason; its contact links end that day. */
export function closeHousehold(ledger: Ledger, raw: z.input<typeof HouseholdCloseSchema>): void {
  const c = HouseholdCloseSchema.parse(raw);
  ledger.tx(() => {
    const h = getHousehold(ledger, c.id);
    if (h.closedOn) throw new LedgerError('CLOSED', `“${h.head}”户已于 ${h.closedOn} 注销。`);
    if (c.date < h.registeredOn) throw new LedgerError('INVALID_DATE', `注销日期不能早于入册日期（${h.registeredOn}）。`);
    ledger.db.prepare('UPDATE households SET closed_on = ?, close_reason = ?, updated_at = ? WHERE id = ?').run(c.date, c.reason, nowIso(), c.id);
    ledger.db.prepare('UPDATE household_contacts SET to_date = ? WHERE household_id = ? AND to_date IS NULL').run(c.date, c.id);
    ledger.audit({ action: 'close', entity: 'household', entityId: c.id, summary: `民情卡注销：${h.head}（${c.reason}）`, after: { date: c.date, reason: c.reason } });
  });
}

const CONTACT_SELECT = `SELECT c.id, c.member_id AS memberId, m.name AS memberName, c.household_id AS householdId, h.head, h.estate, h.building, h.unit, h.room,
    h.address, h.phone, o.name AS orgName, c.from_date AS fromDate, c.to_date AS toDate, c.note
  FROM household_contacts c JOIN members m ON m.id = c.member_id JOIN households h ON h.id = c.household_id JOIN orgs o ON o.id = h.org_id`;

type RawContact = Omit<ContactRow, 'addressLine'> & { estate: string | null; building: string | null; unit: string | null; room: string | null; address: string | null };
const toContact = ({ estate, building, unit, room, address, ...r }: RawContact): ContactRow => ({ ...r, addressLine: householdAddress({ estate, building, unit, room, address }) });

/** 党员联系户: a member starts keeping in touch with a household. */
export function linkContact(ledger: Ledger, raw: z.input<typeof ContactLinkSchema>): number {
  const c = ContactLinkSchema.parse(raw);
  return ledger.tx(() => {
    const m = getMember(ledger, c.memberId);
    const h = getHousehold(ledger, c.householdId);
    if (h.closedOn) throw new LedgerError('CLOSED', `“${h.head}”户已注销，不能再联系。`);
    if (one(ledger, 'SELECT 1 FROM household_contacts WHERE member_id = ? AND household_id = ? AND to_date IS NULL', c.memberId, c.householdId)) {
      throw new LedgerError('DUPLICATE', `${m.name}已经在联系“${h.head}”户。`);
    }
    const id = run(ledger, 'INSERT INTO household_contacts (member_id, household_id, from_date, note, created_at) VALUES (?,?,?,?,?)',
      c.memberId, c.householdId, c.fromDate, c.note, nowIso());
    ledger.audit({ action: 'create', entity: 'householdLink', entityId: id, summary: `“${m.name}”联系户“${h.head}”`, after: c });
    return id;
  });
}

export function endContact(ledger: Ledger, raw: z.input<typeof ContactEndSchema>): void {
  const e = ContactEndSchema.parse(raw);
  ledger.tx(() => {
    const c = toContact(mustFind(one<RawContact>(ledger, `${CONTACT_SELECT} WHERE c.id = ? AND c.to_date IS NULL`, e.id), '这条联系户记录'));
    if (e.date < c.fromDate) throw new LedgerError('INVALID_DATE', `结束日期不能早于开始联系的日期（${c.fromDate}）。`);
    ledger.db.prepare('UPDATE household_contacts SET to_date = ? WHERE id = ?').run(e.date, e.id);
    ledger.audit({ action: 'end', entity: 'householdLink', entityId: e.id, summary: `“${c.memberName}”结束联系户“${c.head}”`, after: e });
  });
}

/** Contact links of a member, a household, or (with asOf) those running that day. */
export function listContacts(ledger: Ledger, by: { memberId?: number; householdId?: number; orgIds?: readonly number[]; asOf?: string }): ContactRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (by.memberId !== undefined) { where.push('c.member_id = ?'); params.push(by.memberId); }
  if (by.householdId !== undefined) { where.push('c.household_id = ?'); params.push(by.householdId); }
  if (by.orgIds) where.push(`h.org_id IN (${by.orgIds.join(',') || 'NULL'})`);
  if (by.asOf) { where.push('c.from_date <= ? AND (c.to_date IS NULL OR c.to_date > ?)'); params.push(by.asOf, by.asOf); }
  return all<RawContact>(ledger, `${CONTACT_SELECT} WHERE ${where.join(' AND ') || '1'} ORDER BY c.to_date IS NOT NULL, c.from_date, c.id`, ...params).map(toContact);
}
