// 走千家 visits: one household, a date, who went, what was learnt (民情) and its follow-up (转办,
// 办结). Entered once, a visit is also the 走访 activity of its org (the activities service keeps
// it, so the compliance rules, calendars and 三会一课 lists see it), unless it was part of a 走访
// activity already recorded: then it points at that activity and adds none, so nothing counts twice.
import { LedgerError } from '../../shared/errors';
import { nowIso, today } from '../../shared/dates';
import { CONCERN_CATEGORY_LABELS, householdAddress, type ConcernCategory } from '../../shared/domain/household';
import type { VisitRow, VisitSummary } from '../../shared/api/households';
import { VisitFieldsSchema, VisitResolveSchema, VoidSchema, type VisitInput } from '../../shared/schemas/household';
import type { ActivityInput } from '../../shared/schemas/activity';
import { maskAddress } from '../../shared/reports/masking';
import { recordActivity, updateActivity, voidActivity } from './activities';
import { getHousehold } from './households';
import type { Ledger } from './ledger';
import { getOrg, orgSubtreeIds } from './orgs';
import { all, mustFind, one, parseJson, run } from './sql';
import type { z } from 'zod';

type Parsed = z.output<typeof VisitFieldsSchema>;

type RawVisit = Omit<VisitRow, 'memberIds' | 'others' | 'visitors' | 'ownActivity' | 'addressLine'> & {
  memberIds: string; others: string; ownActivity: number; visitorNames: string | null;
};

const SELECT = `SELECT v.id, v.household_id AS householdId, h.head, h.estate, h.building, h.unit, h.room, h.address, v.org_id AS orgId, o.name AS orgName,
    v.date, v.member_ids AS memberIds, v.others, v.concern_category AS concernCategory, v.concern, v.referred_to AS referredTo,
    v.resolved_on AS resolvedOn, v.resolution, v.activity_id AS activityId, v.own_activity AS ownActivity, v.voided_at AS voidedAt, v.void_reason AS voidReason,
    (SELECT group_concat(m.name, '、') FROM json_each(v.member_ids) j JOIN members m ON m.id = j.value) AS visitorNames
  FROM visits v JOIN households h ON h.id = v.household_id JOIN orgs o ON o.id = v.org_id`;

function toVisit(r: RawVisit & { estate: string | null; building: string | null; unit: string | null; room: string | null; address: string | null }): VisitRow {
  const { estate, building, unit, room, address, visitorNames, ...rest } = r;
  const others = parseJson<string[]>(r.others, []);
  return {
    ...rest, memberIds: parseJson<number[]>(r.memberIds, []), others, ownActivity: Boolean(r.ownActivity),
    addressLine: householdAddress({ estate, building, unit, room, address }),
    visitors: [...(visitorNames ? visitorNames.split('、') : []), ...others],
  };
}

export function getVisit(ledger: Ledger, id: number): VisitRow {
  return toVisit(mustFind(one<Parameters<typeof toVisit>[0]>(ledger, `${SELECT} WHERE v.id = ?`, id), '这条走访记录'));
}

/** Visits (not voided) of a household, or of orgs in a date range; newest first. */
export function listVisits(ledger: Ledger, by: { householdId?: number; orgIds?: readonly number[]; from?: string; to?: string }): VisitRow[] {
  const where = ['v.voided_at IS NULL'];
  const params: unknown[] = [];
  if (by.householdId !== undefined) { where.push('v.household_id = ?'); params.push(by.householdId); }
  if (by.orgIds) where.push(`v.org_id IN (${by.orgIds.join(',') || 'NULL'})`);
  if (by.from) { where.push('v.date >= ?'); params.push(by.from); }
  if (by.to) { where.push('v.date <= ?'); params.push(by.to); }
  return all<Parameters<typeof toVisit>[0]>(ledger, `${SELECT} WHERE ${where.join(' AND ')} ORDER BY v.date DESC, v.id DESC`, ...params).map(toVisit);
}

/**
 * The 走访 activity a visit makes: its visitors present (others as 列席), the 民情 as the minutes.
 * The activity prints in the 三会一课 registers, which mask no addresses: it names the building only.
 */
function activityOf(v: Parsed, orgId: number, head: string, fullAddress: string): ActivityInput {
  const addressLine = fullAddress && maskAddress(fullAddress);
  const concern = `${CONCERN_CATEGORY_LABELS[v.concernCategory]}${v.concern ? `：${v.concern}` : ''}`;
  return {
    orgId, type: 'visit', date: v.date, topic: `走千家：走访${head}户${addressLine ? `（${addressLine}）` : ''}`.slice(0, 200),
    place: addressLine || null,
    minutes: `民情：${concern}${v.referredTo ? `\n转办：${v.referredTo}` : ''}${v.resolvedOn ? `\n办结：${v.resolvedOn}${v.resolution ? ` ${v.resolution}` : ''}` : ''}`,
    attendance: [
      ...v.memberIds.map((memberId) => ({ memberId, status: 'present' as const })),
      ...v.others.map((personName) => ({ personName, status: 'observer' as const })),
    ],
  };
}

function check(ledger: Ledger, v: Parsed): { orgId: number; head: string; addressLine: string } {
  const h = getHousehold(ledger, v.householdId);
  if (v.date > today()) throw new LedgerError('FUTURE_DATE', '走访日期不能晚于今天。');
  if (v.date < h.registeredOn) throw new LedgerError('INVALID_DATE', `走访日期早于“${h.head}”户的入册日期（${h.registeredOn}）。`);
  if (h.closedOn && v.date > h.closedOn) throw new LedgerError('CLOSED', `“${h.head}”户已于 ${h.closedOn} 注销，不能记录之后的走访。`);
  const orgId = v.orgId ?? h.orgId;
  if (v.orgId !== null) getOrg(ledger, v.orgId);
  return { orgId, head: h.head, addressLine: h.addressLine };
}

function linkedActivity(ledger: Ledger, activityId: number, v: Parsed, orgId: number): void {
  const a = mustFind(one<{ type: string; date: string; orgId: number; voidedAt: string | null }>(
    ledger, 'SELECT type, date, org_id AS orgId, voided_at AS voidedAt FROM activities WHERE id = ?', activityId), '这次走访活动');
  if (a.type !== 'visit' || a.voidedAt) throw new LedgerError('INVALID_INPUT', '只能归入一次有效的“走访”活动。');
  if (a.date !== v.date || a.orgId !== orgId) throw new LedgerError('INVALID_INPUT', `所选走访活动是 ${a.date} 的，与这次走访的日期或党组织不同。`);
}

const summaryOf = (head: string, v: { date: string; concernCategory: ConcernCategory }) => `${v.date} 走访“${head}”户（${CONCERN_CATEGORY_LABELS[v.concernCategory]}）`;

export function recordVisit(ledger: Ledger, raw: VisitInput): number {
  const v = VisitFieldsSchema.parse(raw);
  return ledger.tx(() => {
    const { orgId, head, addressLine } = check(ledger, v);
    if (v.activityId !== null) linkedActivity(ledger, v.activityId, v, orgId);
    const activityId = v.activityId ?? recordActivity(ledger, activityOf(v, orgId, head, addressLine));
    const at = nowIso();
    const id = run(
      ledger,
      `INSERT INTO visits (household_id, org_id, date, member_ids, others, concern_category, concern, referred_to, resolved_on, resolution, activity_id, own_activity, created_at, updated_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      v.householdId, orgId, v.date, JSON.stringify(v.memberIds), JSON.stringify(v.others), v.concernCategory, v.concern, v.referredTo, v.resolvedOn, v.resolution,
      activityId, v.activityId === null ? 1 : 0, at, at,
    );
    ledger.audit({ action: 'create', entity: 'visit', entityId: id, summary: `记录${summaryOf(head, v)}`, after: v });
    return id;
  });
}

export function updateVisit(ledger: Ledger, id: number, raw: VisitInput): VisitRow {
  const v = VisitFieldsSchema.parse(raw);
  return ledger.tx(() => {
    const before = getVisit(ledger, id);
    if (before.voidedAt) throw new LedgerError('VOIDED', '这条走访记录已作废，不能修改。');
    const { orgId, head, addressLine } = check(ledger, v);
    let activityId = before.activityId;
    if (before.ownActivity && v.activityId === null) updateActivity(ledger, activityId, activityOf(v, orgId, head, addressLine));
    else if (v.activityId === null) activityId = recordActivity(ledger, activityOf(v, orgId, head, addressLine));
    else {
      linkedActivity(ledger, v.activityId, v, orgId);
      if (before.ownActivity && v.activityId !== before.activityId) voidActivity(ledger, before.activityId, '走访记录改为归入另一次走访活动');
      activityId = v.activityId;
    }
    ledger.db.prepare(
      `UPDATE visits SET household_id = ?, org_id = ?, date = ?, member_ids = ?, others = ?, concern_category = ?, concern = ?, referred_to = ?, resolved_on = ?,
         resolution = ?, activity_id = ?, own_activity = ?, updated_at = ? WHERE id = ?`,
    ).run(v.householdId, orgId, v.date, JSON.stringify(v.memberIds), JSON.stringify(v.others), v.concernCategory, v.concern, v.referredTo, v.resolvedOn, v.resolution,
      activityId, v.activityId === null ? 1 : 0, nowIso(), id);
    ledger.audit({ action: 'update', entity: 'visit', entityId: id, summary: `修改${summaryOf(head, v)}`, before, after: v });
    return getVisit(ledger, id);
  });
}

/** 办结: the follow-up of a visit is done. */
export function resolveVisit(ledger: Ledger, raw: z.input<typeof VisitResolveSchema>): VisitRow {
  const r = VisitResolveSchema.parse(raw);
  const v = getVisit(ledger, r.id);
  const { id: _id, householdId, orgId, date, memberIds, others, concernCategory, concern, referredTo, activityId, ownActivity } = v;
  if (r.resolvedOn < date) throw new LedgerError('INVALID_DATE', '办结日期不能早于走访日期。');
  return updateVisit(ledger, r.id, {
    householdId, orgId, date, memberIds, others, concernCategory, concern, referredTo, resolvedOn: r.resolvedOn, resolution: r.resolution,
    activityId: ownActivity ? null : activityId,
  });
}

export function voidVisit(ledger: Ledger, raw: z.input<typeof VoidSchema>): void {
  const r = VoidSchema.parse(raw);
  ledger.tx(() => {
    const v = getVisit(ledger, r.id);
    if (v.voidedAt) throw new LedgerError('VOIDED', '这条走访记录已经作废。');
    ledger.db.prepare('UPDATE visits SET voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?').run(nowIso(), r.reason, nowIso(), r.id);
    if (v.ownActivity) voidActivity(ledger, v.activityId, `走访记录作废：${r.reason}`);
    ledger.audit({ action: 'void', entity: 'visit', entityId: r.id, summary: `作废${summaryOf(v.head, v)}（${r.reason}）`, after: { reason: r.reason } });
  });
}

/** Per org of the scope that has households or visits: visits in the year, households visited, follow-ups still open. */
export function visitSummary(ledger: Ledger, year: number, rootOrgId: number | null): VisitSummary {
  const ids = rootOrgId === null ? null : orgSubtreeIds(ledger, rootOrgId, { includeDissolved: true });
  const scope = ids ? `AND o.id IN (${ids.join(',')})` : '';
  const rows = all<{ org: string; visits: number; households: number; followUpsOpen: number }>(
    ledger,
    `SELECT o.name AS org,
       (SELECT count(*) FROM visits v WHERE v.org_id = o.id AND v.voided_at IS NULL AND v.date BETWEEN ? AND ?) AS visits,
       (SELECT count(DISTINCT v.household_id) FROM visits v WHERE v.org_id = o.id AND v.voided_at IS NULL AND v.date BETWEEN ? AND ?) AS households,
       (SELECT count(*) FROM visits v WHERE v.org_id = o.id AND v.voided_at IS NULL AND v.date BETWEEN ? AND ? AND v.referred_to IS NOT NULL AND v.resolved_on IS NULL) AS followUpsOpen
     FROM orgs o WHERE (EXISTS (SELECT 1 FROM households h WHERE h.org_id = o.id) OR EXISTS (SELECT 1 FROM visits v WHERE v.org_id = o.id)) ${scope}
     ORDER BY o.sort_order, o.id`,
    `${year}-01-01`, `${year}-12-31`, `${year}-01-01`, `${year}-12-31`, `${year}-01-01`, `${year}-12-31`,
  );
  return { year, orgs: rows };
}
