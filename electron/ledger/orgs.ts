// Organisations: the tree, committee terms and roles, partner units, the 十有 checklist.
// Orgs are dissolved, never deleted.
import dayjs from 'dayjs';
import { LedgerError } from '../../shared/errors';
import { nowIso, today } from '../../shared/dates';
import { CHILD_TYPES, ORG_TYPE_LABELS, TERM_WARNING_MONTHS, defaultTermYears, type OrgCategory, type OrgType, type FacilityCode, type CommitteeRole } from '../../shared/domain/org';
import { OrgCreateSchema, OrgUpdateSchema, PartnerInputSchema, TermInputSchema, type OrgCreate, type OrgUpdate, type PartnerInput, type TermInput } from '../../shared/schemas/org';
import type { Ledger } from './ledger';
import { all, mustFind, one, parseJson, run } from './sql';
import { onRollSql } from '../../shared/domain/member';

export type OrgRow = {
  id: number;
  parentId: number | null;
  name: string;
  shortName: string | null;
  type: OrgType;
  category: OrgCategory | null;
  foundedOn: string | null;
  address: string | null;
  phone: string | null;
  units: string | null;
  termYears: number | null;
  facilities: FacilityCode[];
  instructor: string | null;
  instructorPhone: string | null;
  sortOrder: number;
  dissolvedOn: string | null;
  note: string | null;
};

export type TermRow = { id: number; electedOn: string; expiresOn: string; endedOn: string | null; note: string | null };
export type RoleRow = { id: number; termId: number | null; memberId: number | null; personName: string; role: CommitteeRole; roleLabel: string | null };
export type PartnerRow = { id: number; name: string; contact: string | null; phone: string | null; since: string | null; until: string | null; content: string | null };

const ORG_COLUMNS = `id, parent_id AS parentId, name, short_name AS shortName, type, category, founded_on AS foundedOn,
  address, phone, units, term_years AS termYears, facilities, instructor, instructor_phone AS instructorPhone,
  sort_order AS sortOrder, dissolved_on AS dissolvedOn, note`;

type RawOrg = Omit<OrgRow, 'facilities'> & { facilities: string };
const toOrg = (r: RawOrg): OrgRow => ({ ...r, facilities: parseJson<FacilityCode[]>(r.facilities, []) });

export function listOrgs(ledger: Ledger, opts: { includeDissolved?: boolean } = {}): OrgRow[] {
  const where = opts.includeDissolved ? '' : 'WHERE dissolved_on IS NULL';
  return all<RawOrg>(ledger, `SELECT ${ORG_COLUMNS} FROM orgs ${where} ORDER BY sort_order, id`).map(toOrg);
}

export function getOrg(ledger: Ledger, id: number): OrgRow {
  return toOrg(mustFind(one<RawOrg>(ledger, `SELECT ${ORG_COLUMNS} FROM orgs WHERE id = ?`, id), '这个组织'));
}

export function findOrgByName(ledger: Ledger, name: string): OrgRow | undefined {
  const r = one<RawOrg>(ledger, `SELECT ${ORG_COLUMNS} FROM orgs WHERE (name = ? OR short_name = ?) AND dissolved_on IS NULL ORDER BY id LIMIT 1`, name, name);
  return r && toOrg(r);
}

/** The org and all orgs below it (live ones unless asked), for scopes of lists and registers. */
export function orgSubtreeIds(ledger: Ledger, rootId: number, opts: { includeDissolved?: boolean } = {}): number[] {
  const live = opts.includeDissolved ? '' : 'AND o.dissolved_on IS NULL';
  return all<{ id: number }>(
    ledger,
    `WITH RECURSIVE t(id) AS (SELECT ? UNION ALL SELECT o.id FROM orgs o JOIN t ON o.parent_id = t.id ${live}) SELECT id FROM t`,
    rootId,
  ).map((r) => r.id);
}

/** The street's working committee (街道党工委) at the top of the tree; created on first need. */
export function ensureWorkingCommittee(ledger: Ledger, name = '街道党工委'): number {
  const root = one<{ id: number }>(ledger, "SELECT id FROM orgs WHERE type = 'committee' AND dissolved_on IS NULL ORDER BY id LIMIT 1");
  if (root) return root.id;
  return createOrg(ledger, { parentId: null, name, type: 'committee' });
}

function assertPlacement(ledger: Ledger, parentId: number | null, type: OrgType, selfId?: number): void {
  if (parentId === null) {
    if (type !== 'committee') throw new LedgerError('INVALID_PARENT', `${ORG_TYPE_LABELS[type]}必须隶属于上级党组织。`);
    return;
  }
  const parent = getOrg(ledger, parentId);
  if (parent.dissolvedOn) throw new LedgerError('INVALID_PARENT', `上级组织“${parent.name}”已撤销。`);
  if (!CHILD_TYPES[parent.type].includes(type)) {
    throw new LedgerError('INVALID_PARENT', `${ORG_TYPE_LABELS[parent.type]}下不能设立${ORG_TYPE_LABELS[type]}。`);
  }
  if (selfId !== undefined && orgSubtreeIds(ledger, selfId, { includeDissolved: true }).includes(parentId)) {
    throw new LedgerError('INVALID_PARENT', '不能把组织移到它自己的下级组织下面。');
  }
}

function assertNameFree(ledger: Ledger, name: string, exceptId?: number): void {
  const clash = one<{ id: number }>(ledger, 'SELECT id FROM orgs WHERE name = ? AND dissolved_on IS NULL AND id != ?', name, exceptId ?? -1);
  if (clash) throw new LedgerError('ORG_NAME_TAKEN', `已有名为“${name}”的党组织。`, { field: 'name' });
}

export function createOrg(ledger: Ledger, raw: OrgCreate): number {
  const input = OrgCreateSchema.parse(raw);
  return ledger.tx(() => {
    assertPlacement(ledger, input.parentId, input.type);
    assertNameFree(ledger, input.name);
    const at = nowIso();
    const id = run(
      ledger,
      `INSERT INTO orgs (parent_id, name, short_name, type, category, founded_on, address, phone, units, term_years, facilities,
         instructor, instructor_phone, sort_order, note, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      input.parentId, input.name, input.shortName, input.type, input.category, input.foundedOn, input.address, input.phone, input.units,
      input.termYears ?? (input.type === 'group' ? null : defaultTermYears(input.category)), JSON.stringify(input.facilities),
      input.instructor, input.instructorPhone, input.sortOrder, input.note, at, at,
    );
    ledger.audit({ action: 'create', entity: 'org', entityId: id, summary: `新建${ORG_TYPE_LABELS[input.type]}“${input.name}”`, after: input });
    return id;
  });
}

const UPDATE_COLUMNS: Record<keyof OrgUpdate, string> = {
  name: 'name', shortName: 'short_name', category: 'category', foundedOn: 'founded_on', address: 'address', phone: 'phone',
  units: 'units', termYears: 'term_years', facilities: 'facilities', instructor: 'instructor', instructorPhone: 'instructor_phone',
  sortOrder: 'sort_order', note: 'note',
};

export function updateOrg(ledger: Ledger, id: number, raw: OrgUpdate): OrgRow {
  const patch = OrgUpdateSchema.parse(raw);
  return ledger.tx(() => {
    const before = getOrg(ledger, id);
    if (before.dissolvedOn) throw new LedgerError('ORG_DISSOLVED', `“${before.name}”已撤销，不能修改。`);
    if (patch.name !== undefined && patch.name !== before.name) assertNameFree(ledger, patch.name, id);
    const keys = (Object.keys(patch) as (keyof OrgUpdate)[]).filter((k) => raw[k] !== undefined);
    if (keys.length === 0) return before;
    const sets = keys.map((k) => `${UPDATE_COLUMNS[k]} = ?`).join(', ');
    const values = keys.map((k) => (k === 'facilities' ? JSON.stringify(patch[k]) : patch[k]));
    ledger.db.prepare(`UPDATE orgs SET ${sets}, updated_at = ? WHERE id = ?`).run(...values, nowIso(), id);
    const after = getOrg(ledger, id);
    ledger.audit({ action: 'update', entity: 'org', entityId: id, summary: `修改“${after.name}”的基本情况`, before: pick(before, keys), after: pick(after, keys) });
    return after;
  });
}

function pick<T extends object>(o: T, keys: readonly PropertyKey[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, (o as Record<PropertyKey, unknown>)[k]])) as Partial<T>;
}

export function moveOrg(ledger: Ledger, id: number, newParentId: number): OrgRow {
  return ledger.tx(() => {
    const org = getOrg(ledger, id);
    assertPlacement(ledger, newParentId, org.type, id);
    ledger.db.prepare('UPDATE orgs SET parent_id = ?, updated_at = ? WHERE id = ?').run(newParentId, nowIso(), id);
    const parent = getOrg(ledger, newParentId);
    ledger.audit({ action: 'move', entity: 'org', entityId: id, summary: `将“${org.name}”调整到“${parent.name}”下`, before: { parentId: org.parentId }, after: { parentId: newParentId } });
    return getOrg(ledger, id);
  });
}

/** Dissolves an org (撤销): kept in history; refused while it still holds members or live sub-orgs. */
export function dissolveOrg(ledger: Ledger, id: number, input: { date: string; note?: string | null }): void {
  ledger.tx(() => {
    const org = getOrg(ledger, id);
    if (org.dissolvedOn) throw new LedgerError('ORG_DISSOLVED', `“${org.name}”已于 ${org.dissolvedOn} 撤销。`);
    if (org.type === 'committee') throw new LedgerError('FORBIDDEN', '不能撤销街道党工委。');
    const members = one<{ n: number }>(ledger, `SELECT count(*) AS n FROM members WHERE (org_id = ? OR group_id = ?) AND ${onRollSql()}`, id, id)!;
    if (members.n > 0 && org.type !== 'group') throw new LedgerError('ORG_NOT_EMPTY', `“${org.name}”还有 ${members.n} 名党员，请先把他们转到其他支部。`);
    const children = one<{ n: number }>(ledger, 'SELECT count(*) AS n FROM orgs WHERE parent_id = ? AND dissolved_on IS NULL', id)!;
    if (children.n > 0) throw new LedgerError('ORG_NOT_EMPTY', `“${org.name}”下还有 ${children.n} 个未撤销的下级组织。`);
    if (org.type === 'group') {
      ledger.db.prepare('UPDATE members SET group_id = NULL WHERE group_id = ?').run(id);
      ledger.db.prepare('UPDATE member_group_spans SET to_date = ? WHERE group_id = ? AND to_date IS NULL').run(input.date, id);
    }
    ledger.db.prepare('UPDATE orgs SET dissolved_on = ?, note = coalesce(?, note), updated_at = ? WHERE id = ?').run(input.date, input.note ?? null, nowIso(), id);
    ledger.audit({ action: 'dissolve', entity: 'org', entityId: id, summary: `撤销“${org.name}”`, after: input });
  });
}

export function listTerms(ledger: Ledger, orgId: number): TermRow[] {
  return all<TermRow>(ledger, 'SELECT id, elected_on AS electedOn, expires_on AS expiresOn, ended_on AS endedOn, note FROM org_terms WHERE org_id = ? ORDER BY elected_on DESC, id DESC', orgId);
}

export function currentTerm(ledger: Ledger, orgId: number): TermRow | null {
  return listTerms(ledger, orgId).find((t) => t.endedOn === null) ?? null;
}

export function listRoles(ledger: Ledger, orgId: number, termId?: number | null): RoleRow[] {
  return all<RoleRow>(
    ledger,
    `SELECT id, term_id AS termId, member_id AS memberId, person_name AS personName, role, role_label AS roleLabel
     FROM org_roles WHERE org_id = ? AND (? IS NULL OR term_id = ?) AND to_date IS NULL ORDER BY sort_order, id`,
    orgId, termId ?? null, termId ?? null,
  );
}

/** 换届: a new committee term with its members; the previous term ends the day the new one is elected. */
export function electCommittee(ledger: Ledger, orgId: number, raw: TermInput): number {
  const input = TermInputSchema.parse(raw);
  return ledger.tx(() => {
    const org = getOrg(ledger, orgId);
    const years = org.termYears ?? defaultTermYears(org.category);
    const expiresOn = input.expiresOn ?? dayjs(input.electedOn).add(years, 'year').format('YYYY-MM-DD');
    const prev = currentTerm(ledger, orgId);
    if (prev) {
      ledger.db.prepare('UPDATE org_terms SET ended_on = ? WHERE id = ?').run(input.electedOn, prev.id);
      ledger.db.prepare('UPDATE org_roles SET to_date = ? WHERE org_id = ? AND to_date IS NULL').run(input.electedOn, orgId);
    }
    const at = nowIso();
    const termId = run(ledger, 'INSERT INTO org_terms (org_id, elected_on, expires_on, note, created_at) VALUES (?,?,?,?,?)', orgId, input.electedOn, expiresOn, input.note, at);
    input.roles.forEach((r, i) => {
      run(ledger, 'INSERT INTO org_roles (org_id, term_id, member_id, person_name, role, role_label, from_date, sort_order, created_at) VALUES (?,?,?,?,?,?,?,?,?)',
        orgId, termId, r.memberId, r.personName, r.role, r.roleLabel, input.electedOn, i, at);
    });
    ledger.audit({ action: 'elect', entity: 'org', entityId: orgId, summary: `“${org.name}”换届（任期至 ${expiresOn}）`, before: prev, after: { ...input, expiresOn } });
    return termId;
  });
}

export type TermStatus = { state: 'none' | 'inTerm' | 'expiringSoon' | 'expired'; expiresOn: string | null; monthsLeft: number | null };

/** Terms are warned about 6 months before they expire. */
export function termStatus(term: TermRow | null, on: string = today()): TermStatus {
  if (!term) return { state: 'none', expiresOn: null, monthsLeft: null };
  const monthsLeft = dayjs(term.expiresOn).diff(dayjs(on), 'month', true);
  const state = term.expiresOn < on ? 'expired' : monthsLeft <= TERM_WARNING_MONTHS ? 'expiringSoon' : 'inTerm';
  return { state, expiresOn: term.expiresOn, monthsLeft: Math.floor(monthsLeft * 10) / 10 };
}

export function listPartners(ledger: Ledger, orgId: number, opts: { includeEnded?: boolean } = {}): PartnerRow[] {
  const live = opts.includeEnded ? '' : 'AND until IS NULL';
  return all<PartnerRow>(ledger, `SELECT id, name, contact, phone, since, until, content FROM partner_units WHERE org_id = ? ${live} ORDER BY id`, orgId);
}

export function addPartner(ledger: Ledger, orgId: number, raw: PartnerInput): number {
  const input = PartnerInputSchema.parse(raw);
  return ledger.tx(() => {
    const org = getOrg(ledger, orgId);
    const id = run(ledger, 'INSERT INTO partner_units (org_id, name, contact, phone, since, content, created_at) VALUES (?,?,?,?,?,?,?)',
      orgId, input.name, input.contact, input.phone, input.since, input.content, nowIso());
    ledger.audit({ action: 'create', entity: 'partnerUnit', entityId: id, summary: `“${org.name}”新增共建单位“${input.name}”`, after: input });
    return id;
  });
}

export function endPartner(ledger: Ledger, partnerId: number, date: string): void {
  ledger.tx(() => {
    const p = mustFind(one<PartnerRow>(ledger, 'SELECT id, name, until FROM partner_units WHERE id = ?', partnerId), '这个共建单位');
    ledger.db.prepare('UPDATE partner_units SET until = ? WHERE id = ?').run(date, partnerId);
    ledger.audit({ action: 'end', entity: 'partnerUnit', entityId: partnerId, summary: `结束与“${p.name}”的共建`, before: p, after: { until: date } });
  });
}
