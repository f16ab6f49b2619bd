// Members: create, edit, transfer, probation → full, standing, mobile members, resident
// registration and posts (household links: ./households). Every change is a dated event plus an audit entry;
// members are never deleted. member_org_spans keeps who belonged where when, so a roster
// "as of" any date and the expected attendees of any meeting can be reproduced.
import { LedgerError } from '../../shared/errors';
import { nowIso, today } from '../../shared/dates';
import { idBirthDate, idGender } from '../../shared/domain/id-number';
import {
  STANDING_LABELS, onRollSql, type MemberCategory, type MemberEventType, type MemberKind, type Standing,
} from '../../shared/domain/member';
import { isBranchType } from '../../shared/domain/org';
import {
  MemberCreateSchema, MemberFieldsSchema, MemberListQuerySchema, MemberUpdateSchema, MobileStartSchema, PostAssignSchema,
  ResidentRegistrationSchema, StandingChangeSchema, TransferInSchema, TransferInternalSchema, TransferOutSchema, withMemberChecks,
  type MemberCreate, type MemberFields, type MemberListQuery, type MemberUpdate,
} from '../../shared/schemas/member';
import type { Ledger } from './ledger';
import { probationEndsOn } from './dashboard';
import { membersOn } from './member-state';
import { getOrg, orgSubtreeIds } from './orgs';
import { all, mustFind, one, parseJson, run } from './sql';
import type { z } from 'zod';

export type MemberRow = Omit<MemberFields, 'categories'> & {
  id: number;
  categories: MemberCategory[];
  standing: Standing;
  standingReason: string | null;
  standingSince: string | null;
  status: 'active' | 'transferredOut';
  orgId: number;
  createdAt: string;
  updatedAt: string;
};

/** A roster line: the member with the names of org and group. */
export type RosterRow = MemberRow & { orgName: string | null; groupName: string | null };

export const MEMBER_COLUMNS = `m.id, m.id_number AS idNumber, m.name, m.gender, m.ethnicity, m.birth_date AS birthDate, m.native_place AS nativePlace,
  m.education, m.kind, m.joined_on AS joinedOn, m.confirmed_on AS confirmedOn, m.org_id AS orgId, m.group_id AS groupId,
  m.employer, m.job, m.phone, m.address, m.standing, m.standing_reason AS standingReason, m.standing_since AS standingSince,
  m.status, m.categories, m.skills, m.lost_contact_since AS lostContactSince, m.note, m.created_at AS createdAt, m.updated_at AS updatedAt`;

export type Raw<T> = Omit<T, 'categories'> & { categories: string };
export const toMember = <T extends { categories: MemberCategory[] }>(r: Raw<T>): T => ({ ...r, categories: parseJson<MemberCategory[]>(r.categories, []) }) as T;

/** Columns of the member's own facts, in MemberFields order. */
const FIELD_COLUMNS = {
  name: 'name', idNumber: 'id_number', gender: 'gender', ethnicity: 'ethnicity', birthDate: 'birth_date', nativePlace: 'native_place',
  education: 'education', kind: 'kind', joinedOn: 'joined_on', confirmedOn: 'confirmed_on', orgId: 'org_id', groupId: 'group_id',
  employer: 'employer', job: 'job', phone: 'phone', address: 'address', categories: 'categories', skills: 'skills',
  lostContactSince: 'lost_contact_since', note: 'note',
} as const satisfies Record<keyof MemberFields, string>;
type FieldKey = keyof typeof FIELD_COLUMNS;

/** Chinese labels for the change history. */
export const FIELD_LABELS: Record<FieldKey, string> = {
  name: '姓名', idNumber: '身份证号', gender: '性别', ethnicity: '民族', birthDate: '出生日期', nativePlace: '籍贯', education: '学历',
  kind: '人员类别', joinedOn: '入党日期', confirmedOn: '转正日期', orgId: '所在党支部', groupId: '党小组', employer: '工作单位及职务',
  job: '工作岗位', phone: '联系电话', address: '现居住地', categories: '人员分类', skills: '特长', lostContactSince: '失联时间', note: '备注',
};

const dbValue = (k: FieldKey, v: unknown) => (k === 'categories' ? JSON.stringify(v ?? []) : (v ?? null));

export function getMember(ledger: Ledger, id: number): MemberRow {
  return toMember<MemberRow>(mustFind(one<Raw<MemberRow>>(ledger, `SELECT ${MEMBER_COLUMNS} FROM members m WHERE m.id = ?`, id), '这名党员'));
}

export function findMemberByIdNumber(ledger: Ledger, idNumber: string): MemberRow | undefined {
  const r = one<Raw<MemberRow>>(ledger, `SELECT ${MEMBER_COLUMNS} FROM members m WHERE m.id_number = ?`, idNumber.toUpperCase());
  return r && toMember<MemberRow>(r);
}

const BY_ID_NUMBERS_CHUNK = 500;
/** findMemberByIdNumber for many ID numbers at once (the importer's upsert): one query per 500. */
export function findMembersByIdNumbers(ledger: Ledger, idNumbers: string[]): Map<string, MemberRow> {
  const out = new Map<string, MemberRow>();
  const sql = `SELECT ${MEMBER_COLUMNS} FROM members m WHERE m.id_number IN (${Array(BY_ID_NUMBERS_CHUNK).fill('?').join(',')})`;
  for (let i = 0; i < idNumbers.length; i += BY_ID_NUMBERS_CHUNK) {
    // Padded with NULL (matches nothing) so every chunk reuses one prepared statement.
    const chunk: (string | null)[] = idNumbers.slice(i, i + BY_ID_NUMBERS_CHUNK).map((n) => n.toUpperCase());
    while (chunk.length < BY_ID_NUMBERS_CHUNK) chunk.push(null);
    for (const r of all<Raw<MemberRow>>(ledger, sql, ...chunk)) out.set(r.idNumber, toMember<MemberRow>(r));
  }
  return out;
}

/** The roster: current members (or as of a date), with org names, for one org subtree or the street. */
export function listMembers(ledger: Ledger, raw: MemberListQuery = {}): RosterRow[] {
  const q = MemberListQuerySchema.parse(raw);
  const orgIds = q.orgId ? (q.includeDescendants ? orgSubtreeIds(ledger, q.orgId, { includeDissolved: true }) : [q.orgId]) : null;
  const orgFilter = (col: string) => (orgIds ? `AND ${col} IN (${orgIds.join(',')})` : '');
  const select = `SELECT ${MEMBER_COLUMNS}, o.name AS orgName, g.name AS groupName`;
  // As of a date: what was true that day (member-state.ts), in roster order.
  if (q.asOf) {
    const order = new Map(all<{ id: number }>(ledger, 'SELECT id FROM orgs ORDER BY sort_order, id').map((o, i) => [o.id, i]));
    return membersOn(ledger, q.asOf, { orgIds: orgIds ? new Set(orgIds) : undefined })
      .sort((a, b) => (order.get(a.orgId) ?? 0) - (order.get(b.orgId) ?? 0) || (a.joinedOn ?? '').localeCompare(b.joinedOn ?? '') || a.id - b.id)
      .map(({ onRoll: _r, mobile: _m, residentOrgIds: _o, posts: _p, roles: _l, ...row }) => row);
  }
  const active = q.includeInactive ? '' : `AND ${onRollSql('m')}`;
  const rows = all<Raw<RosterRow>>(
    ledger,
    `${select} FROM members m LEFT JOIN orgs o ON o.id = m.org_id LEFT JOIN orgs g ON g.id = m.group_id
     WHERE m.voided_at IS NULL ${active} ${orgFilter('m.org_id')} ORDER BY o.sort_order, o.id, m.joined_on, m.id`,
  );
  return rows.map((r) => toMember<RosterRow>(r));
}

function addEvent(ledger: Ledger, memberId: number, type: MemberEventType, date: string, extra: { fromOrgId?: number | null; toOrgId?: number | null; otherOrg?: string | null; data?: unknown; note?: string | null; at?: string } = {}): number {
  return run(
    ledger,
    'INSERT INTO member_events (member_id, type, date, from_org_id, to_org_id, other_org, data, note, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?)',
    memberId, type, date, extra.fromOrgId ?? null, extra.toOrgId ?? null, extra.otherOrg ?? null, JSON.stringify(extra.data ?? {}), extra.note ?? null, extra.at ?? nowIso(), ledger.actor.id,
  );
}

function openSpan(ledger: Ledger, memberId: number, orgId: number, from: string): void {
  run(ledger, 'INSERT INTO member_org_spans (member_id, org_id, from_date) VALUES (?,?,?)', memberId, orgId, from);
}

function closeSpan(ledger: Ledger, memberId: number, on: string): void {
  ledger.db.prepare('UPDATE member_org_spans SET to_date = ? WHERE member_id = ? AND to_date IS NULL').run(on, memberId);
  moveGroup(ledger, memberId, null, on);
}

/** 党小组 history: the open group span ends on `on`; a new one opens there when `groupId` is set. */
function moveGroup(ledger: Ledger, memberId: number, groupId: number | null, on: string): void {
  ledger.db.prepare('UPDATE member_group_spans SET to_date = ? WHERE member_id = ? AND to_date IS NULL').run(on, memberId);
  if (groupId !== null) run(ledger, 'INSERT INTO member_group_spans (member_id, group_id, from_date) VALUES (?,?,?)', memberId, groupId, on);
}

function assertBranch(ledger: Ledger, orgId: number, groupId: number | null, checked?: Set<number>): void {
  if (groupId === null && checked?.has(orgId)) return;
  const org = getOrg(ledger, orgId);
  if (org.dissolvedOn) throw new LedgerError('ORG_DISSOLVED', `“${org.name}”已撤销，不能接收党员。`, { field: 'orgId' });
  if (!isBranchType(org.type)) throw new LedgerError('NOT_A_BRANCH', `党员只能编入党支部，“${org.name}”不是党支部。`, { field: 'orgId' });
  if (groupId !== null) {
    const group = getOrg(ledger, groupId);
    if (group.type !== 'group' || group.parentId !== orgId) throw new LedgerError('INVALID_GROUP', `党小组“${group.name}”不属于“${org.name}”。`);
  }
  checked?.add(orgId);
}

/** Fills birth date and gender from the ID number when they were left blank. */
function completeFromId<T extends { idNumber: string; birthDate: string | null; gender: '男' | '女' | null }>(m: T): T {
  return { ...m, birthDate: m.birthDate ?? idBirthDate(m.idNumber), gender: m.gender ?? idGender(m.idNumber) };
}

export type CreateOptions = {
  /** When the member joined this org (span start); default: 入党日期, else today. */
  since?: string;
  /** The history event to record: 'created' by default, 'transferIn' for a transfer. */
  event?: { type: MemberEventType; date?: string; otherOrg?: string | null; note?: string | null };
  /** Bulk callers (the importer) write one summary audit entry instead of one per member. */
  audit?: boolean;
};

export function createMember(ledger: Ledger, raw: MemberCreate, opts: CreateOptions = {}): number {
  return insertMember(ledger, MemberCreateSchema.parse(raw), opts);
}

const INSERT_KEYS = Object.keys(FIELD_COLUMNS) as FieldKey[];
const INSERT_MEMBER = `INSERT INTO members (${INSERT_KEYS.map((k) => FIELD_COLUMNS[k]).join(', ')}, created_at, updated_at) VALUES (${INSERT_KEYS.map(() => '?').join(', ')}, ?, ?)`;

/**
 * createMember for input MemberCreateSchema has already accepted (its output, e.g. the importer's
 * plan, which ran the same schema and member-rules checks). `checkedBranches`: orgs already
 * verified as live branches in this transaction, so a bulk caller checks each branch once.
 */
export function insertMember(ledger: Ledger, parsed: MemberFields, opts: CreateOptions & { checkedBranches?: Set<number> } = {}): number {
  const input = completeFromId(parsed);
  return ledger.tx(() => {
    assertBranch(ledger, input.orgId, input.groupId, opts.checkedBranches);
    if (findMemberByIdNumber(ledger, input.idNumber)) throw new LedgerError('MEMBER_EXISTS', `身份证号 ${input.idNumber} 的党员已在台帐中。`, { field: 'idNumber' });
    const at = nowIso();
    const id = run(ledger, INSERT_MEMBER, ...INSERT_KEYS.map((k) => dbValue(k, input[k])), at, at);
    const since = opts.since ?? input.joinedOn ?? today();
    openSpan(ledger, id, input.orgId, since);
    if (input.groupId !== null) moveGroup(ledger, id, input.groupId, since);
    const ev = opts.event ?? { type: 'created' };
    addEvent(ledger, id, ev.type, ev.date ?? since, { toOrgId: input.orgId, otherOrg: ev.otherOrg, note: ev.note, at });
    if (opts.audit !== false) ledger.audit({ action: 'create', entity: 'member', entityId: id, summary: `新增党员“${input.name}”`, after: input });
    return id;
  });
}

export type UpdateResult = { changed: FieldKey[]; before: Partial<MemberRow>; after: Partial<MemberRow> };

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Edits a member's own facts. Changed fields are recorded as a dated 'fieldsUpdated' event.
 * A different orgId (allowed for the importer's upsert) is an internal transfer.
 */
export function updateMember(ledger: Ledger, id: number, raw: MemberUpdate & { orgId?: number }, opts: { date?: string; note?: string | null; audit?: boolean } = {}): UpdateResult {
  const patch = MemberUpdateSchema.parse(raw);
  return ledger.tx(() => {
    const before = getMember(ledger, id);
    const merged = { ...before, ...patch };
    const checked = withMemberChecks(MemberFieldsSchema).safeParse({ ...merged, orgId: before.orgId ?? raw.orgId });
    if (!checked.success) throw new LedgerError('INVALID_INPUT', checked.error.issues[0]!.message, checked.error.issues);
    const changed = (Object.keys(patch) as FieldKey[]).filter((k) => raw[k as keyof MemberUpdate] !== undefined && !sameValue(before[k], patch[k as keyof typeof patch]));
    const date = opts.date ?? today();
    if (changed.length > 0) {
      const sets = changed.map((k) => `${FIELD_COLUMNS[k]} = ?`).join(', ');
      ledger.db.prepare(`UPDATE members SET ${sets}, updated_at = ? WHERE id = ?`).run(...changed.map((k) => dbValue(k, patch[k as keyof typeof patch])), nowIso(), id);
      const data = Object.fromEntries(changed.map((k) => [k, { from: before[k] ?? null, to: patch[k as keyof typeof patch] ?? null }]));
      addEvent(ledger, id, 'fieldsUpdated', date, { data, note: opts.note });
      if (changed.includes('groupId')) moveGroup(ledger, id, patch.groupId ?? null, date);
    }
    if (raw.orgId !== undefined && raw.orgId !== before.orgId) {
      transferInternal(ledger, id, { date, toOrgId: raw.orgId, note: opts.note });
      changed.push('orgId');
    }
    const after = getMember(ledger, id);
    const pickOf = (m: MemberRow) => Object.fromEntries(changed.map((k) => [k, m[k]])) as Partial<MemberRow>;
    if (changed.length > 0 && opts.audit !== false) {
      ledger.audit({ action: 'update', entity: 'member', entityId: id, summary: `修改党员“${after.name}”的${changed.map((k) => FIELD_LABELS[k]).join('、')}`, before: pickOf(before), after: pickOf(after) });
    }
    return { changed, before: pickOf(before), after: pickOf(after) };
  });
}

function requireActive(m: MemberRow): void {
  if (m.status !== 'active') throw new LedgerError('MEMBER_INACTIVE', `“${m.name}”的组织关系已转出，不能办理这项业务。`);
  if (m.standing === 'left' || m.standing === 'deceased') throw new LedgerError('MEMBER_INACTIVE', `“${m.name}”的党籍状态为“${STANDING_LABELS[m.standing]}”，不能办理这项业务。`);
}

/** 组织关系转出 to an org outside the street. */
export function transferOut(ledger: Ledger, id: number, raw: z.input<typeof TransferOutSchema>): void {
  const input = TransferOutSchema.parse(raw);
  ledger.tx(() => {
    const m = getMember(ledger, id);
    requireActive(m);
    closeSpan(ledger, id, input.date);
    ledger.db.prepare("UPDATE members SET status = 'transferredOut', group_id = NULL, updated_at = ? WHERE id = ?").run(nowIso(), id);
    addEvent(ledger, id, 'transferOut', input.date, { fromOrgId: m.orgId, otherOrg: input.toOrg, note: input.note, data: { letterNumber: input.letterNumber, duesPaidTo: input.duesPaidTo } });
    ledger.audit({ action: 'transferOut', entity: 'member', entityId: id, summary: `“${m.name}”组织关系转出至“${input.toOrg}”`, before: { orgId: m.orgId, status: m.status }, after: input });
  });
}

/** 组织关系转入: a new member, or one who had left the street and comes back. */
export function transferIn(ledger: Ledger, raw: z.input<typeof TransferInSchema>): number {
  const input = TransferInSchema.parse(raw);
  return ledger.tx(() => {
    const existing = findMemberByIdNumber(ledger, input.member.idNumber);
    if (!existing) {
      return createMember(ledger, input.member, { since: input.date, event: { type: 'transferIn', date: input.date, otherOrg: input.fromOrg, note: input.note } });
    }
    if (existing.status === 'active') throw new LedgerError('MEMBER_EXISTS', `“${existing.name}”的组织关系已在本街道，无需转入。`, { field: 'member.idNumber' });
    assertBranch(ledger, input.member.orgId, input.member.groupId);
    ledger.db.prepare("UPDATE members SET status = 'active', org_id = ?, group_id = ?, updated_at = ? WHERE id = ?").run(input.member.orgId, input.member.groupId, nowIso(), existing.id);
    openSpan(ledger, existing.id, input.member.orgId, input.date);
    if (input.member.groupId !== null) moveGroup(ledger, existing.id, input.member.groupId, input.date);
    addEvent(ledger, existing.id, 'transferIn', input.date, { toOrgId: input.member.orgId, otherOrg: input.fromOrg, note: input.note });
    ledger.audit({ action: 'transferIn', entity: 'member', entityId: existing.id, summary: `“${existing.name}”组织关系转入`, after: input });
    return existing.id;
  });
}

/** Moving between branches of the street. */
export function transferInternal(ledger: Ledger, id: number, raw: z.input<typeof TransferInternalSchema>): void {
  const input = TransferInternalSchema.parse(raw);
  ledger.tx(() => {
    const m = getMember(ledger, id);
    requireActive(m);
    if (m.orgId === input.toOrgId) throw new LedgerError('NO_CHANGE', `“${m.name}”已在这个支部。`);
    assertBranch(ledger, input.toOrgId, null);
    closeSpan(ledger, id, input.date);
    openSpan(ledger, id, input.toOrgId, input.date);
    ledger.db.prepare('UPDATE members SET org_id = ?, group_id = NULL, updated_at = ? WHERE id = ?').run(input.toOrgId, nowIso(), id);
    addEvent(ledger, id, 'transferInternal', input.date, { fromOrgId: m.orgId, toOrgId: input.toOrgId, note: input.note });
    const to = getOrg(ledger, input.toOrgId);
    ledger.audit({ action: 'transfer', entity: 'member', entityId: id, summary: `“${m.name}”调整到“${to.name}”`, before: { orgId: m.orgId }, after: { orgId: input.toOrgId } });
  });
}

/** The day a member's probation ends: 预备 start + one year + any extensions (延长预备期). */
function probationEnd(ledger: Ledger, m: Pick<MemberRow, 'id' | 'joinedOn'>): string | null {
  const ext = one<{ months: number | null }>(ledger, "SELECT sum(coalesce(json_extract(data, '$.months'), 0)) AS months FROM member_events WHERE member_id = ? AND type = 'probationExtended' AND voided_at IS NULL", m.id);
  return probationEndsOn(m.joinedOn, ext?.months ?? 0);
}

/** 预备党员 → 正式党员. Before the probation's end only with a reason (提前转正), recorded in the event. */
export function confirmMember(ledger: Ledger, id: number, input: { date: string; note?: string | null; earlyReason?: string | null }): void {
  ledger.tx(() => {
    const m = getMember(ledger, id);
    requireActive(m);
    if (m.kind !== 'probationary') throw new LedgerError('NOT_PROBATIONARY', `“${m.name}”已是正式党员。`);
    if (m.joinedOn && input.date < m.joinedOn) throw new LedgerError('DATE_ORDER', '转正日期不能早于入党日期。');
    if (input.date > today()) throw new LedgerError('DATE_FUTURE', '转正日期不能晚于今天。');
    const endsOn = probationEnd(ledger, m);
    const early = endsOn !== null && input.date < endsOn;
    const earlyReason = input.earlyReason?.trim() || null;
    if (early && !earlyReason) {
      throw new LedgerError('PROBATION_NOT_OVER', `“${m.name}”的预备期到 ${endsOn} 才满。在此之前转正须写明提前转正的理由；否则请在预备期满后再办理。`);
    }
    ledger.db.prepare("UPDATE members SET kind = 'full', confirmed_on = ?, updated_at = ? WHERE id = ?").run(input.date, nowIso(), id);
    addEvent(ledger, id, 'confirmed', input.date, { note: input.note, data: early ? { earlyReason, probationEndsOn: endsOn } : {} });
    ledger.audit({
      action: 'confirm', entity: 'member', entityId: id, summary: `“${m.name}”转为正式党员${early ? `（提前转正，预备期应至 ${endsOn}）` : ''}`,
      before: { kind: m.kind }, after: { kind: 'full' as MemberKind, confirmedOn: input.date, ...(early ? { earlyReason } : {}) },
    });
  });
}

/** 延长预备期 (by the branch meeting; 6–12 months). */
export function extendProbation(ledger: Ledger, id: number, input: { date: string; months: number; note?: string | null }): void {
  if (input.months < 1 || input.months > 12) throw new LedgerError('INVALID_INPUT', '预备期延长一般为半年至一年。');
  ledger.tx(() => {
    const m = getMember(ledger, id);
    if (m.kind !== 'probationary') throw new LedgerError('NOT_PROBATIONARY', `“${m.name}”不是预备党员。`);
    addEvent(ledger, id, 'probationExtended', input.date, { data: { months: input.months }, note: input.note });
    ledger.audit({ action: 'extendProbation', entity: 'member', entityId: id, summary: `“${m.name}”延长预备期 ${input.months} 个月`, after: input });
  });
}

/** 党籍状态: 正常 / 停止党籍 / 出党 / 死亡 — the member stays in the ledger. */
export function changeStanding(ledger: Ledger, id: number, raw: z.input<typeof StandingChangeSchema>): void {
  const input = StandingChangeSchema.parse(raw);
  ledger.tx(() => {
    const m = getMember(ledger, id);
    if (m.standing === input.standing) throw new LedgerError('NO_CHANGE', `“${m.name}”的党籍状态已是“${STANDING_LABELS[m.standing]}”。`);
    if (m.standing === 'deceased') throw new LedgerError('MEMBER_INACTIVE', `“${m.name}”已去世。`);
    ledger.db.prepare('UPDATE members SET standing = ?, standing_reason = ?, standing_since = ?, updated_at = ? WHERE id = ?').run(input.standing, input.reason, input.date, nowIso(), id);
    if (input.standing === 'left' || input.standing === 'deceased') closeSpan(ledger, id, input.date);
    if ((m.standing === 'left') && input.standing === 'normal' && m.orgId && m.status === 'active') openSpan(ledger, id, m.orgId, input.date);
    addEvent(ledger, id, 'standingChanged', input.date, { data: { from: m.standing, to: input.standing, reason: input.reason }, note: input.note });
    ledger.audit({ action: 'changeStanding', entity: 'member', entityId: id, summary: `“${m.name}”党籍状态：${STANDING_LABELS[m.standing]} → ${STANDING_LABELS[input.standing]}`, before: { standing: m.standing }, after: input });
  });
}

function setCategory(ledger: Ledger, m: MemberRow, cat: MemberCategory, on: boolean): void {
  const has = m.categories.includes(cat);
  if (has === on) return;
  const next = on ? [...m.categories, cat] : m.categories.filter((c) => c !== cat);
  ledger.db.prepare('UPDATE members SET categories = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(next), nowIso(), m.id);
}

export type MobileRecord = z.output<typeof MobileStartSchema> & { id: number; memberId: number; toDate: string | null };

export function startMobile(ledger: Ledger, memberId: number, raw: z.input<typeof MobileStartSchema>): number {
  const input = MobileStartSchema.parse(raw);
  return ledger.tx(() => {
    const m = getMember(ledger, memberId);
    requireActive(m);
    if (one(ledger, 'SELECT 1 FROM mobile_records WHERE member_id = ? AND to_date IS NULL', memberId)) throw new LedgerError('ALREADY_MOBILE', `“${m.name}”已有未结束的流动登记。`);
    const id = run(ledger, 'INSERT INTO mobile_records (member_id, direction, place, unit, card_number, contact_phone, home_org, from_date, note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)',
      memberId, input.direction, input.place, input.unit, input.cardNumber, input.contactPhone, input.homeOrg, input.fromDate, input.note, nowIso());
    setCategory(ledger, m, 'mobile', true);
    addEvent(ledger, memberId, input.direction === 'out' ? 'mobileOut' : 'mobileIn', input.fromDate, { otherOrg: input.place, data: input, note: input.note });
    ledger.audit({ action: 'create', entity: 'mobileRecord', entityId: id, summary: `“${m.name}”${input.direction === 'out' ? '外出流动至' : '流入自'}${input.place}`, after: input });
    return id;
  });
}

export function endMobile(ledger: Ledger, recordId: number, input: { date: string; note?: string | null }): void {
  ledger.tx(() => {
    const r = mustFind(one<{ memberId: number; toDate: string | null }>(ledger, 'SELECT member_id AS memberId, to_date AS toDate FROM mobile_records WHERE id = ?', recordId), '这条流动记录');
    if (r.toDate) throw new LedgerError('NO_CHANGE', '这条流动记录已结束。');
    const m = getMember(ledger, r.memberId);
    ledger.db.prepare('UPDATE mobile_records SET to_date = ? WHERE id = ?').run(input.date, recordId);
    setCategory(ledger, m, 'mobile', false);
    addEvent(ledger, m.id, 'mobileReturn', input.date, { note: input.note });
    ledger.audit({ action: 'end', entity: 'mobileRecord', entityId: recordId, summary: `“${m.name}”流动结束`, after: input });
  });
}

/** 恢复联系: a 失联 member is reached again; registers as of a date show 失联 only up to this day. */
export function regainContact(ledger: Ledger, id: number, input: { date: string; note?: string | null }): void {
  ledger.tx(() => {
    const m = getMember(ledger, id);
    if (!m.lostContactSince) throw new LedgerError('NO_CHANGE', `“${m.name}”没有失联记录。`);
    if (input.date.slice(0, 7) < m.lostContactSince.slice(0, 7)) throw new LedgerError('DATE_ORDER', `恢复联系的日期不能早于失联时间（${m.lostContactSince}）。`);
    if (input.date > today()) throw new LedgerError('DATE_FUTURE', '恢复联系的日期不能晚于今天。');
    ledger.db.prepare('UPDATE members SET lost_contact_since = NULL, updated_at = ? WHERE id = ?').run(nowIso(), id);
    addEvent(ledger, id, 'contactRegained', input.date, { data: { lostContactSince: m.lostContactSince }, note: input.note });
    ledger.audit({ action: 'regainContact', entity: 'member', entityId: id, summary: `“${m.name}”恢复联系（${m.lostContactSince}起失联）`, before: { lostContactSince: m.lostContactSince }, after: input });
  });
}

export function listMobileRecords(ledger: Ledger, memberId: number): MobileRecord[] {
  return all<MobileRecord>(ledger, `SELECT id, member_id AS memberId, direction, place, unit, card_number AS cardNumber, contact_phone AS contactPhone,
    home_org AS homeOrg, from_date AS fromDate, to_date AS toDate, note FROM mobile_records WHERE member_id = ? ORDER BY from_date DESC`, memberId);
}

export type ResidentRegistration = z.output<typeof ResidentRegistrationSchema> & { id: number; memberId: number; endedOn: string | null; communityName: string };

/** 在职党员到社区报到 (双重管理). */
export function registerResident(ledger: Ledger, memberId: number, raw: z.input<typeof ResidentRegistrationSchema>): number {
  const input = ResidentRegistrationSchema.parse(raw);
  return ledger.tx(() => {
    const m = getMember(ledger, memberId);
    requireActive(m);
    const community = getOrg(ledger, input.communityOrgId);
    const id = run(ledger, 'INSERT INTO resident_registrations (member_id, community_org_id, unit_org, registered_on, is_cadre, service_intent, note, created_at) VALUES (?,?,?,?,?,?,?,?)',
      memberId, input.communityOrgId, input.unitOrg, input.registeredOn, input.isCadre ? 1 : 0, input.serviceIntent, input.note, nowIso());
    addEvent(ledger, memberId, 'residentRegistered', input.registeredOn, { toOrgId: input.communityOrgId, data: input, note: input.note });
    ledger.audit({ action: 'create', entity: 'residentRegistration', entityId: id, summary: `“${m.name}”到“${community.name}”报到`, after: input });
    return id;
  });
}

export function endResident(ledger: Ledger, registrationId: number, input: { date: string; note?: string | null }): void {
  ledger.tx(() => {
    const r = mustFind(one<{ memberId: number }>(ledger, 'SELECT member_id AS memberId FROM resident_registrations WHERE id = ? AND ended_on IS NULL', registrationId), '这条报到记录');
    const m = getMember(ledger, r.memberId);
    ledger.db.prepare('UPDATE resident_registrations SET ended_on = ? WHERE id = ?').run(input.date, registrationId);
    addEvent(ledger, m.id, 'residentEnded', input.date, { note: input.note });
    ledger.audit({ action: 'end', entity: 'residentRegistration', entityId: registrationId, summary: `“${m.name}”报到结束`, after: input });
  });
}

export function listResidentRegistrations(ledger: Ledger, memberId: number): ResidentRegistration[] {
  return all<Omit<ResidentRegistration, 'isCadre'> & { isCadre: number }>(ledger, `SELECT r.id, r.member_id AS memberId, r.community_org_id AS communityOrgId, o.name AS communityName,
    r.unit_org AS unitOrg, r.registered_on AS registeredOn, r.ended_on AS endedOn, r.is_cadre AS isCadre, r.service_intent AS serviceIntent, r.note
    FROM resident_registrations r JOIN orgs o ON o.id = r.community_org_id WHERE r.member_id = ? ORDER BY r.registered_on DESC`, memberId)
    .map((r) => ({ ...r, isCadre: Boolean(r.isCadre) }));
}

export type PostRow = { id: number; orgId: number | null; name: string; duty: string | null };

export function listPosts(ledger: Ledger): PostRow[] {
  return all<PostRow>(ledger, 'SELECT id, org_id AS orgId, name, duty FROM posts WHERE retired_on IS NULL ORDER BY id');
}

export type MemberPost = { id: number; postId: number; postName: string; fromDate: string; toDate: string | null; pledge: string | null; note: string | null };

export function assignPost(ledger: Ledger, memberId: number, raw: z.input<typeof PostAssignSchema>): number {
  const input = PostAssignSchema.parse(raw);
  return ledger.tx(() => {
    const m = getMember(ledger, memberId);
    requireActive(m);
    const post = mustFind(one<PostRow & { retiredOn: string | null; capacity: number | null }>(ledger, 'SELECT id, org_id AS orgId, name, retired_on AS retiredOn, capacity FROM posts WHERE id = ?', input.postId), '这个岗位');
    if (post.retiredOn) throw new LedgerError('RETIRED', `“${post.name}”已于 ${post.retiredOn} 撤岗，不能再认领。`);
    if (post.orgId !== null && !orgSubtreeIds(ledger, post.orgId).includes(m.orgId)) {
      throw new LedgerError('INVALID_INPUT', `“${post.name}”是${getOrg(ledger, post.orgId).name}设的岗位，只能由该组织的党员认领。`);
    }
    if (one(ledger, 'SELECT 1 FROM member_posts WHERE member_id = ? AND post_id = ? AND to_date IS NULL', memberId, input.postId)) throw new LedgerError('NO_CHANGE', `“${m.name}”已在“${post.name}”上。`);
    const held = one<{ n: number }>(ledger, 'SELECT count(*) AS n FROM member_posts WHERE post_id = ? AND to_date IS NULL', input.postId)!.n;
    if (post.capacity !== null && held >= post.capacity) {
      throw new LedgerError('POST_FULL', `“${post.name}”设岗 ${post.capacity} 人，已有 ${held} 人在岗：请先增加设岗人数，或让在岗党员离岗。`);
    }
    if (input.appliedOn && input.appliedOn > input.fromDate) throw new LedgerError('INVALID_INPUT', '申报日期不能晚于上岗日期。', { field: 'appliedOn' });
    const id = run(ledger, 'INSERT INTO member_posts (member_id, post_id, from_date, applied_on, pledge, note, created_at) VALUES (?,?,?,?,?,?,?)', memberId, input.postId, input.fromDate, input.appliedOn, input.pledge, input.note, nowIso());
    addEvent(ledger, memberId, 'postTaken', input.fromDate, { data: { post: post.name, pledge: input.pledge } });
    ledger.audit({ action: 'create', entity: 'memberPost', entityId: id, summary: `“${m.name}”认领“${post.name}”`, after: input });
    return id;
  });
}

export function leavePost(ledger: Ledger, memberPostId: number, input: { date: string }): void {
  ledger.tx(() => {
    const r = mustFind(one<{ memberId: number; postName: string }>(ledger, 'SELECT mp.member_id AS memberId, p.name AS postName FROM member_posts mp JOIN posts p ON p.id = mp.post_id WHERE mp.id = ? AND mp.to_date IS NULL', memberPostId), '这条岗位记录');
    const m = getMember(ledger, r.memberId);
    ledger.db.prepare('UPDATE member_posts SET to_date = ? WHERE id = ?').run(input.date, memberPostId);
    addEvent(ledger, m.id, 'postLeft', input.date, { data: { post: r.postName } });
    ledger.audit({ action: 'end', entity: 'memberPost', entityId: memberPostId, summary: `“${m.name}”离开“${r.postName}”`, after: input });
  });
}

export function listMemberPosts(ledger: Ledger, memberId: number): MemberPost[] {
  return all<MemberPost>(ledger, `SELECT mp.id, mp.post_id AS postId, p.name AS postName, mp.from_date AS fromDate, mp.to_date AS toDate, mp.pledge, mp.note
    FROM member_posts mp JOIN posts p ON p.id = mp.post_id WHERE mp.member_id = ? ORDER BY mp.from_date DESC`, memberId);
}

export type MemberEvent = {
  id: number; type: MemberEventType; date: string; fromOrgId: number | null; fromOrgName: string | null; toOrgId: number | null;
  toOrgName: string | null; otherOrg: string | null; data: Record<string, unknown>; note: string | null; voidedAt: string | null; voidReason: string | null;
};

/** The member's dated history, newest first. */
export function memberHistory(ledger: Ledger, memberId: number): MemberEvent[] {
  return all<Omit<MemberEvent, 'data'> & { data: string }>(ledger, `SELECT e.id, e.type, e.date, e.from_org_id AS fromOrgId, f.name AS fromOrgName,
      e.to_org_id AS toOrgId, t.name AS toOrgName, e.other_org AS otherOrg, e.data, e.note, e.voided_at AS voidedAt, e.void_reason AS voidReason
    FROM member_events e LEFT JOIN orgs f ON f.id = e.from_org_id LEFT JOIN orgs t ON t.id = e.to_org_id
    WHERE e.member_id = ? ORDER BY e.date DESC, e.id DESC`, memberId).map((e) => ({ ...e, data: parseJson<Record<string, unknown>>(e.data, {}) }));
}


function requireAdmin(ledger: Ledger, what: string): void {
  if (ledger.actor.role !== 'admin') throw new LedgerError('FORBIDDEN', `只有管理员可以${what}。`);
}

function requireReason(reason: string | null | undefined): string {
  const r = reason?.trim();
  if (!r) throw new LedgerError('INVALID_INPUT', '请写明更正的原因（录入错误的情况）。', [{ path: ['reason'], message: '请写明原因' }]);
  return r;
}

/** 录入错误: a member entered by mistake leaves every register and count; the row and its history stay. */
export function voidMember(ledger: Ledger, id: number, input: { reason: string }): void {
  requireAdmin(ledger, '作废党员记录');
  const reason = requireReason(input.reason);
  ledger.tx(() => {
    const m = getMember(ledger, id);
    if (one(ledger, 'SELECT 1 FROM members WHERE id = ? AND voided_at IS NOT NULL', id)) throw new LedgerError('NO_CHANGE', `“${m.name}”的记录已作废。`);
    ledger.db.prepare('UPDATE members SET voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?').run(nowIso(), reason, nowIso(), id);
    ledger.audit({ action: 'void', entity: 'member', entityId: id, summary: `作废党员“${m.name}”的记录（录入错误：${reason}）`, before: m, after: { reason } });
  });
}

/** Events whose correction only touches the member's own columns (not membership spans). */
const CORRECTABLE: readonly MemberEventType[] = ['confirmed', 'probationExtended', 'standingChanged'];
/** Events that opened or closed the member's 组织关系 (membership spans). */
const MEMBERSHIP: readonly MemberEventType[] = ['transferIn', 'transferOut', 'transferInternal', 'standingChanged'];

type EventRow = { id: number; memberId: number; type: MemberEventType; date: string; data: string; voidedAt: string | null; fromOrgId: number | null };

const EVENT_ROW = 'SELECT id, member_id AS memberId, type, date, data, voided_at AS voidedAt, from_org_id AS fromOrgId FROM member_events';

/** 出党/死亡 and 恢复党籍 (from 出党) close or open the member's membership; 停止党籍 does not. */
function changesMembership(e: EventRow): boolean {
  if (e.type !== 'standingChanged') return MEMBERSHIP.includes(e.type);
  const d = parseJson<{ from?: Standing; to?: Standing }>(e.data, {});
  return [d.from, d.to].some((x) => x === 'left' || x === 'deceased');
}

function liveEvent(ledger: Ledger, eventId: number): EventRow {
  const e = mustFind(one<EventRow>(ledger, `${EVENT_ROW} WHERE id = ?`, eventId), '这条历史记录');
  if (e.voidedAt) throw new LedgerError('NO_CHANGE', '这条历史记录已作废。');
  return e;
}

/** An event whose date can be corrected: one that only touches the member's own columns. */
function correctableEvent(ledger: Ledger, eventId: number): EventRow {
  const e = liveEvent(ledger, eventId);
  if (!CORRECTABLE.includes(e.type)) {
    throw new LedgerError('NOT_CORRECTABLE', '这类记录不能直接作废或改日期。转入、转出和调整支部的日期有误时，请作废那条记录后重新办理。');
  }
  if (changesMembership(e)) {
    throw new LedgerError('NOT_CORRECTABLE', '出党、去世及恢复党籍的记录改变了组织关系，不能直接改日期：请作废这条记录后重新办理。');
  }
  return e;
}

/**
 * An event that can be voided: a correctable one, or the member's latest event that opened or
 * closed the membership (a later one was built on it: that one is voided first).
 */
function voidableEvent(ledger: Ledger, eventId: number): EventRow {
  const e = liveEvent(ledger, eventId);
  if (!changesMembership(e)) return correctableEvent(ledger, eventId);
  const later = all<EventRow>(ledger, `${EVENT_ROW} WHERE member_id = ? AND voided_at IS NULL AND (date > ? OR (date = ? AND id > ?)) ORDER BY date, id`, e.memberId, e.date, e.date, e.id)
    .find(changesMembership);
  if (later) throw new LedgerError('NOT_CORRECTABLE', `这名党员在 ${later.date} 还有一条组织关系或党籍记录：请先作废较晚的那一条，再作废这一条。`);
  if (e.type === 'transferIn' && !one(ledger, 'SELECT 1 FROM member_org_spans WHERE member_id = ? AND from_date < ?', e.memberId, e.date)) {
    throw new LedgerError('NOT_CORRECTABLE', '这是这名党员转入本街道时建立的记录：如果整条党员记录是录入错误，请在“办理业务”中作废党员记录。');
  }
  return e;
}

type SpanRow = { id: number; orgId: number; from: string; to: string | null };
const SPAN_TABLES = { org: { table: 'member_org_spans', col: 'org_id' }, group: { table: 'member_group_spans', col: 'group_id' } } as const;

/**
 * Undoes what a voided membership event did to the spans: spans it opened (from its date on) are
 * taken out of the roll, spans it closed (ending on its date) are open again. Each span is first
 * kept as it was in voided_member_spans, so nothing is lost.
 */
function undoSpans(ledger: Ledger, e: EventRow, how: { dropFrom?: boolean; reopen?: 'org' | 'group' | 'both' }): { reopened: { org?: SpanRow; group?: SpanRow } } {
  const keep = (kind: 'org' | 'group', r: SpanRow) => run(ledger,
    'INSERT INTO voided_member_spans (kind, span_id, member_id, org_id, from_date, to_date, event_id, voided_at) VALUES (?,?,?,?,?,?,?,?)',
    kind, r.id, e.memberId, r.orgId, r.from, r.to, e.id, nowIso());
  const spans = (kind: 'org' | 'group') => all<SpanRow>(ledger,
    `SELECT id, ${SPAN_TABLES[kind].col} AS orgId, from_date AS "from", to_date AS "to" FROM ${SPAN_TABLES[kind].table} WHERE member_id = ? ORDER BY from_date, id`, e.memberId);
  const reopened: { org?: SpanRow; group?: SpanRow } = {};
  for (const kind of ['org', 'group'] as const) {
    const { table } = SPAN_TABLES[kind];
    if (how.dropFrom) {
      for (const r of spans(kind).filter((r) => r.from >= e.date)) {
        keep(kind, r);
        ledger.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(r.id);
      }
    }
    if (how.reopen === kind || how.reopen === 'both') {
      const r = spans(kind).filter((x) => x.to === e.date && (kind === 'org' || e.type !== 'transferInternal' || getOrg(ledger, x.orgId).parentId === e.fromOrgId)).pop();
      if (r) {
        keep(kind, r);
        ledger.db.prepare(`UPDATE ${table} SET to_date = NULL WHERE id = ?`).run(r.id);
        reopened[kind] = r;
      }
    }
  }
  return { reopened };
}

/** Voiding a transfer or 出党/死亡/恢复党籍: the spans and the member's columns as if it had never been entered. */
function undoMembership(ledger: Ledger, e: EventRow, m: MemberRow): void {
  const set = (cols: Record<string, unknown>) => ledger.db.prepare(`UPDATE members SET ${Object.keys(cols).map((k) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
    .run(...Object.values(cols), nowIso(), m.id);
  if (e.type === 'transferOut') {
    const { reopened } = undoSpans(ledger, e, { reopen: 'both' });
    set({ status: 'active', group_id: reopened.group?.orgId ?? null });
  } else if (e.type === 'transferIn') {
    undoSpans(ledger, e, { dropFrom: true });
    const before = one<{ orgId: number }>(ledger, 'SELECT org_id AS orgId FROM member_org_spans WHERE member_id = ? ORDER BY from_date DESC, id DESC LIMIT 1', m.id);
    set({ status: 'transferredOut', org_id: before?.orgId ?? m.orgId, group_id: null });
  } else if (e.type === 'transferInternal') {
    const { reopened } = undoSpans(ledger, e, { dropFrom: true, reopen: 'both' });
    set({ org_id: reopened.org?.orgId ?? e.fromOrgId, group_id: reopened.group?.orgId ?? null });
  } else if (m.status === 'active') {
    // 出党/死亡 closed the spans on its date; 恢复党籍 (from 出党) opened one there.
    const d = parseJson<{ to?: Standing }>(e.data, {});
    const closed = d.to === 'left' || d.to === 'deceased';
    const { reopened } = undoSpans(ledger, e, closed ? { reopen: 'both' } : { dropFrom: true });
    if (closed) set({ group_id: reopened.group?.orgId ?? null });
  }
}

/** Brings the member's own columns in line with the remaining (not voided) events of the type. */
function refold(ledger: Ledger, e: EventRow): void {
  if (e.type === 'confirmed') {
    const last = one<{ date: string }>(ledger, "SELECT date FROM member_events WHERE member_id = ? AND type = 'confirmed' AND voided_at IS NULL ORDER BY date DESC, id DESC LIMIT 1", e.memberId);
    ledger.db.prepare('UPDATE members SET kind = ?, confirmed_on = ?, updated_at = ? WHERE id = ?').run(last ? 'full' : 'probationary', last?.date ?? null, nowIso(), e.memberId);
  }
  if (e.type === 'standingChanged') {
    const last = one<{ date: string; data: string }>(ledger, "SELECT date, data FROM member_events WHERE member_id = ? AND type = 'standingChanged' AND voided_at IS NULL ORDER BY date DESC, id DESC LIMIT 1", e.memberId);
    const d = parseJson<{ to?: Standing; reason?: string | null }>(last?.data, {});
    ledger.db.prepare('UPDATE members SET standing = ?, standing_reason = ?, standing_since = ?, updated_at = ? WHERE id = ?')
      .run(d.to ?? 'normal', d.reason ?? null, last?.date ?? null, nowIso(), e.memberId);
  }
}

/** 录入错误: a dated event entered by mistake is voided (struck through in history, gone from every register). */
export function voidMemberEvent(ledger: Ledger, eventId: number, input: { reason: string }): void {
  requireAdmin(ledger, '作废历史记录');
  const reason = requireReason(input.reason);
  ledger.tx(() => {
    const e = voidableEvent(ledger, eventId);
    const m = getMember(ledger, e.memberId);
    ledger.db.prepare('UPDATE member_events SET voided_at = ?, void_reason = ? WHERE id = ?').run(nowIso(), reason, eventId);
    if (changesMembership(e)) undoMembership(ledger, e, m);
    refold(ledger, e);
    ledger.audit({ action: 'void', entity: 'memberEvent', entityId: eventId, summary: `作废“${m.name}”${e.date}的一条历史记录（录入错误：${reason}）`, before: e, after: { reason } });
  });
}

/** Corrects the date of a dated event entered wrongly: the wrong one is voided, the right one written. */
export function correctMemberEventDate(ledger: Ledger, eventId: number, input: { date: string; reason: string }): number {
  requireAdmin(ledger, '更正历史记录的日期');
  const reason = requireReason(input.reason);
  if (input.date > today()) throw new LedgerError('DATE_FUTURE', '日期不能晚于今天。');
  return ledger.tx(() => {
    const e = correctableEvent(ledger, eventId);
    const m = getMember(ledger, e.memberId);
    if (e.type === 'confirmed' && m.joinedOn && input.date < m.joinedOn) throw new LedgerError('DATE_ORDER', '转正日期不能早于入党日期。');
    const full = mustFind(one<{ fromOrgId: number | null; toOrgId: number | null; otherOrg: string | null; note: string | null }>(
      ledger, 'SELECT from_org_id AS fromOrgId, to_org_id AS toOrgId, other_org AS otherOrg, note FROM member_events WHERE id = ?', eventId), '这条历史记录');
    ledger.db.prepare('UPDATE member_events SET voided_at = ?, void_reason = ? WHERE id = ?').run(nowIso(), `日期更正为 ${input.date}：${reason}`, eventId);
    const id = addEvent(ledger, e.memberId, e.type, input.date, { ...full, data: parseJson(e.data, {}) });
    refold(ledger, e);
    ledger.audit({ action: 'correct', entity: 'memberEvent', entityId: id, summary: `更正“${m.name}”一条历史记录的日期：${e.date} → ${input.date}（${reason}）`, before: { date: e.date }, after: { date: input.date, reason } });
    return id;
  });
}
