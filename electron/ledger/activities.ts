// Activities (活动, 三会一课) with their attendance: record, edit, void, copy the last one, and the
// expected attendees as of the meeting's date (the roster from member_org_spans; the committee for
// 支委会; the group's members for 党小组会). Activities are voided, never deleted.
import { LedgerError } from '../../shared/errors';
import { nowIso, today } from '../../shared/dates';
import {
  type ActivityTypeDef, CUSTOM_ACTIVITY_TYPES_KEY,
  customActivityTypeSchema, mergeActivityTypes,
} from '../../shared/domain/activity-types';
import type { Standing } from '../../shared/domain/member';
import { COMMITTEE_ROLE_LABELS, type CommitteeRole, type OrgType } from '../../shared/domain/org';
import { type CommitteeSeat, type MemberSpan, committeeOn } from '../../shared/rules';
import {
  ActivityFieldsSchema, ActivityListQuerySchema, DraftQuerySchema, type ActivityInput, type ActivityListQuery, type ActivityParsed,
  type DraftQuery,
} from '../../shared/schemas/activity';
import type { ActivityDetail, ActivityOrg, ActivityRow, AttendanceRow, Expected, ExpectedAttendee } from '../../shared/api/activities';
import type { Ledger } from './ledger';
import { type MemberState, membersOn, standingChanges, standingOn } from './member-state';
import { all, mustFind, one, parseJson, run } from './sql';

type OrgLite = { id: number; name: string; type: OrgType; parentId: number | null; foundedOn: string | null; dissolvedOn: string | null };

function orgLite(ledger: Ledger, orgId: number): OrgLite {
  return mustFind(
    one<OrgLite>(ledger, 'SELECT id, name, type, parent_id AS parentId, founded_on AS foundedOn, dissolved_on AS dissolvedOn FROM orgs WHERE id = ?', orgId),
    '这个党组织',
  );
}

/** The built-in types and the street's own (settings 'activityTypes'). */
export function listActivityTypes(ledger: Ledger): ActivityTypeDef[] {
  const row = one<{ value: string }>(ledger, 'SELECT value FROM settings WHERE key = ?', CUSTOM_ACTIVITY_TYPES_KEY);
  const raw = parseJson<unknown[]>(row?.value, []);
  const custom = (Array.isArray(raw) ? raw : []).flatMap((c) => {
    const p = customActivityTypeSchema.safeParse(c);
    return p.success ? [p.data] : [];
  });
  return mergeActivityTypes(custom);
}

export function saveCustomActivityTypes(ledger: Ledger, raw: unknown[]): ActivityTypeDef[] {
  if (ledger.actor.role !== 'admin') throw new LedgerError('FORBIDDEN', '只有管理员可以修改活动类型。');
  const parsed = raw.map((c) => customActivityTypeSchema.parse(c));
  const builtin = new Set(listActivityTypes(ledger).filter((t) => t.builtin).map((t) => t.label));
  const clash = parsed.find((c) => builtin.has(c.label));
  if (clash) throw new LedgerError('TYPE_EXISTS', `“${clash.label}”已是内置的活动类型，不需要再添加。`);
  ledger.tx(() => {
    const before = one<{ value: string }>(ledger, 'SELECT value FROM settings WHERE key = ?', CUSTOM_ACTIVITY_TYPES_KEY);
    ledger.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(CUSTOM_ACTIVITY_TYPES_KEY, JSON.stringify(parsed));
    ledger.audit({ action: 'update', entity: 'settings', summary: '修改自定义活动类型', before: parseJson(before?.value, []), after: parsed });
  });
  return listActivityTypes(ledger);
}

function typeDef(ledger: Ledger, code: string): ActivityTypeDef {
  const def = listActivityTypes(ledger).find((t) => t.code === code);
  if (!def) throw new LedgerError('UNKNOWN_TYPE', `未知的活动类型“${code}”。请在设置中添加自定义类型。`);
  return def;
}

/**
 * Membership spans of one org, cut where the 党籍 changed: only the pieces with standing 正常 are
 * kept (停止党籍, 出党 and 死亡 are not expected), from the dated history as member-state.ts reads it.
 */
export function orgSpans(ledger: Ledger, orgId: number): MemberSpan[] {
  const changes = standingChanges(ledger);
  const out: MemberSpan[] = [];
  for (const r of all<{ memberId: number; name: string; from: string; to: string | null; standing: Standing; standingReason: string | null; standingSince: string | null; kind: 'full' | 'probationary' }>(
    ledger,
    `SELECT s.member_id AS memberId, m.name, s.from_date AS "from", s.to_date AS "to", m.standing, m.standing_reason AS standingReason,
       m.standing_since AS standingSince, m.kind
     FROM member_org_spans s JOIN members m ON m.id = s.member_id WHERE s.org_id = ? AND m.voided_at IS NULL ORDER BY m.joined_on, m.id, s.from_date`,
    orgId,
  )) {
    const list = changes.get(r.memberId) ?? [];
    const cuts = [r.from, ...list.map((c) => c.date).filter((d) => d > r.from && (r.to === null || d < r.to))];
    cuts.forEach((from, i) => {
      if (standingOn(r, list, from).standing === 'normal') out.push({ memberId: r.memberId, name: r.name, from, to: cuts[i + 1] ?? r.to, kind: r.kind });
    });
  }
  return out;
}

/** Committee seats (org_roles) of an org, with the end of their term folded in. */
export function committeeSeats(ledger: Ledger, orgId: number): CommitteeSeat[] {
  return all<{ memberId: number | null; name: string; role: string; from: string | null; to: string | null; termEnded: string | null }>(
    ledger,
    `SELECT r.member_id AS memberId, coalesce(m.name, r.person_name) AS name, r.role, r.from_date AS "from", r.to_date AS "to", t.ended_on AS termEnded
     FROM org_roles r LEFT JOIN members m ON m.id = r.member_id LEFT JOIN org_terms t ON t.id = r.term_id
     WHERE r.org_id = ? ORDER BY r.sort_order, r.id`,
    orgId,
  ).map((r) => ({ memberId: r.memberId, name: r.name, role: r.role, from: r.from, to: r.to ?? r.termEnded }));
}

/** Who is expected at an activity of `type` held by `orgId` on `date`. */
export function expectedAttendees(ledger: Ledger, raw: DraftQuery): Expected {
  const q = DraftQuerySchema.parse(raw);
  const def = typeDef(ledger, q.type);
  const org = orgLite(ledger, q.orgId);
  if (def.expected === 'none') return { attendees: [], basis: 'none', notice: null };
  // Members on the roll that day with standing 正常 (停止党籍 takes no part), from member-state.ts.
  const rollOf = (orgId: number) => membersOn(ledger, q.date, { orgIds: new Set([orgId]) }).filter((m) => m.standing === 'normal');
  const toAttendee = (m: MemberState, role: string | null): ExpectedAttendee => ({ memberId: m.id, name: m.name, kind: m.kind, role });
  if (org.type === 'group') {
    // A group's meeting: the members of the group that day among its branch's roll.
    if (org.parentId === null) return { attendees: [], basis: 'group', notice: null };
    return { attendees: rollOf(org.parentId).filter((m) => m.groupId === org.id).map((m) => toAttendee(m, null)), basis: 'group', notice: null };
  }
  const roster = rollOf(org.id);
  if (def.expected === 'committee') {
    const seats = committeeOn(committeeSeats(ledger, org.id), q.date);
    const byId = new Map(roster.map((m) => [m.id, m]));
    const linked = seats.filter((s) => s.memberId !== null && byId.has(s.memberId));
    if (linked.length > 0) {
      const roleOf = (id: number) => seats.filter((s) => s.memberId === id).map((s) => COMMITTEE_ROLE_LABELS[s.role as CommitteeRole] ?? s.role).join('、');
      return { attendees: linked.map((s) => toAttendee(byId.get(s.memberId!)!, roleOf(s.memberId!))), basis: 'committee', notice: null };
    }
    return { attendees: roster.map((m) => toAttendee(m, null)), basis: 'roster', notice: '台帐中没有这个支部在该日期的支委会成员，已按全体党员列出，请只保留支委。' };
  }
  return { attendees: roster.map((m) => toAttendee(m, m.groupName)), basis: 'roster', notice: null };
}

/**
 * Checks an activity against the org, the type and the roster of that day. `recorded`: members
 * already on this record, kept even if the roster was corrected since (an edit must stay savable).
 */
function validate(ledger: Ledger, a: ActivityParsed, recorded: ReadonlySet<number> = new Set()): { org: OrgLite; def: ActivityTypeDef } {
  const def = typeDef(ledger, a.type);
  const org = orgLite(ledger, a.orgId);
  if (org.type === 'committee') throw new LedgerError('INVALID_ORG', '请选择具体的党组织（党委、党支部或党小组）。');
  if (a.type === 'groupMeeting' && org.type !== 'group') throw new LedgerError('INVALID_ORG', '党小组会请选择召开会议的党小组。');
  if (a.date > today()) throw new LedgerError('FUTURE_DATE', '活动日期不能晚于今天：台帐只记录已经召开的会议和活动。');
  if (org.foundedOn && a.date < org.foundedOn) throw new LedgerError('BEFORE_FOUNDED', `活动日期早于“${org.name}”的成立日期（${org.foundedOn}）。`);
  if (org.dissolvedOn && a.date >= org.dissolvedOn) throw new LedgerError('ORG_DISSOLVED', `“${org.name}”已于 ${org.dissolvedOn} 撤销，不能记录之后的活动。`);
  const members = a.attendance.filter((x) => x.memberId !== null);
  if (members.length === 0) return { org, def };
  const known = new Map(
    all<{ id: number; name: string }>(ledger, `SELECT id, name FROM members WHERE id IN (${members.map(() => '?').join(',')})`, ...members.map((x) => x.memberId)).map((m) => [m.id, m.name]),
  );
  for (const x of members) {
    if (!known.has(x.memberId!)) throw new LedgerError('NOT_FOUND', '参会名单中有不存在的党员，请刷新后重试。');
  }
  if (def.expected !== 'none') {
    const expected = new Set(expectedAttendees(ledger, { orgId: a.orgId, type: a.type, date: a.date }).attendees.map((e) => e.memberId));
    const stranger = members.find((x) => x.status !== 'observer' && !expected.has(x.memberId!) && !recorded.has(x.memberId!));
    if (stranger) {
      throw new LedgerError('NOT_EXPECTED', `“${known.get(stranger.memberId!)}”在 ${a.date} 不属于本次会议的应到人员，请改为“列席”。`);
    }
  }
  return { org, def };
}

function writeAttendance(ledger: Ledger, activityId: number, a: ActivityParsed): void {
  for (const x of a.attendance) {
    run(ledger, 'INSERT INTO attendance (activity_id, member_id, person_name, status, absence_reason, reason_text) VALUES (?,?,?,?,?,?)',
      activityId, x.memberId, x.memberId === null ? x.personName : null, x.status, x.absenceReason, x.reasonText);
  }
}

function summaryOf(org: OrgLite, def: ActivityTypeDef, a: { date: string; topic: string }): string {
  return `“${org.name}”${a.date} ${def.label}：${a.topic}`;
}

function auditView(a: ActivityParsed) {
  const { attendance, minutes, ...rest } = a;
  return {
    ...rest,
    minutesLength: minutes?.length ?? 0,
    attendance: attendance.map((x) => ({ memberId: x.memberId, personName: x.personName, status: x.status, absenceReason: x.absenceReason })),
  };
}

export function recordActivity(ledger: Ledger, raw: ActivityInput): number {
  const a = ActivityFieldsSchema.parse(raw);
  return ledger.tx(() => {
    const { org, def } = validate(ledger, a);
    if (a.copiedFrom !== null) mustFind(one(ledger, 'SELECT 1 FROM activities WHERE id = ?', a.copiedFrom), '被复制的活动');
    const at = nowIso();
    const id = run(
      ledger,
      `INSERT INTO activities (org_id, type, date, start_time, end_time, place, topic, host, recorder, lecturer, minutes, decisions, note, copied_from, created_at, updated_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      a.orgId, a.type, a.date, a.startTime, a.endTime, a.place, a.topic, a.host, a.recorder, a.lecturer, a.minutes, a.decisions, a.note, a.copiedFrom, at, at,
    );
    writeAttendance(ledger, id, a);
    ledger.audit({ action: 'create', entity: 'activity', entityId: id, summary: `记录${summaryOf(org, def, a)}`, after: auditView(a) });
    return id;
  });
}

function rawActivity(ledger: Ledger, id: number) {
  return mustFind(
    one<{ id: number; orgId: number; type: string; date: string; topic: string; voidedAt: string | null }>(
      ledger, 'SELECT id, org_id AS orgId, type, date, topic, voided_at AS voidedAt FROM activities WHERE id = ?', id,
    ),
    '这条活动记录',
  );
}

export function updateActivity(ledger: Ledger, id: number, raw: ActivityInput): ActivityDetail {
  const a = ActivityFieldsSchema.parse(raw);
  return ledger.tx(() => {
    const current = rawActivity(ledger, id);
    if (current.voidedAt) throw new LedgerError('VOIDED', '这条活动记录已作废，不能修改。');
    const before = getActivity(ledger, id);
    const sameMeeting = before.orgId === a.orgId && before.type === a.type && before.date === a.date;
    const recorded = new Set(sameMeeting ? before.attendance.flatMap((x) => (x.memberId !== null && x.status !== 'observer' ? [x.memberId] : [])) : []);
    const { org, def } = validate(ledger, a, recorded);
    ledger.db.prepare(
      `UPDATE activities SET org_id = ?, type = ?, date = ?, start_time = ?, end_time = ?, place = ?, topic = ?, host = ?, recorder = ?, lecturer = ?,
         minutes = ?, decisions = ?, note = ?, updated_at = ? WHERE id = ?`,
    ).run(a.orgId, a.type, a.date, a.startTime, a.endTime, a.place, a.topic, a.host, a.recorder, a.lecturer, a.minutes, a.decisions, a.note, nowIso(), id);
    ledger.db.prepare('DELETE FROM attendance WHERE activity_id = ?').run(id);
    writeAttendance(ledger, id, a);
    const { attendance, minutes, ...beforeRest } = before;
    ledger.audit({
      action: 'update', entity: 'activity', entityId: id, summary: `修改${summaryOf(org, def, a)}`,
      before: { ...beforeRest, minutesLength: minutes?.length ?? 0, attendance: attendance.map((x) => ({ memberId: x.memberId, personName: x.memberId === null ? x.name : null, status: x.status, absenceReason: x.absenceReason })) },
      after: auditView(a),
    });
    return getActivity(ledger, id);
  });
}

export function voidActivity(ledger: Ledger, id: number, reason: string): void {
  const why = reason.trim();
  if (!why) throw new LedgerError('INVALID_INPUT', '请填写作废原因。');
  ledger.tx(() => {
    const a = rawActivity(ledger, id);
    if (a.voidedAt) throw new LedgerError('VOIDED', '这条活动记录已经作废。');
    ledger.db.prepare('UPDATE activities SET voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?').run(nowIso(), why, nowIso(), id);
    const org = orgLite(ledger, a.orgId);
    const def = typeDef(ledger, a.type);
    ledger.audit({ action: 'void', entity: 'activity', entityId: id, summary: `作废${summaryOf(org, def, a)}（${why}）`, after: { reason: why } });
  });
}

const ROW_SELECT = `SELECT a.id, a.org_id AS orgId, o.name AS orgName, o.type AS orgType,
    CASE WHEN o.type = 'group' THEN p.id ELSE NULL END AS branchId, CASE WHEN o.type = 'group' THEN p.name ELSE NULL END AS branchName,
    a.type, a.date, a.start_time AS startTime, a.end_time AS endTime, a.place, a.topic, a.host, a.recorder, a.lecturer,
    (SELECT count(*) FROM attendance x WHERE x.activity_id = a.id AND x.status != 'observer') AS expectedCount,
    (SELECT count(*) FROM attendance x WHERE x.activity_id = a.id AND x.status = 'present') AS presentCount,
    (SELECT count(*) FROM attendance x WHERE x.activity_id = a.id AND x.status = 'absent') AS absentCount,
    (SELECT count(*) FROM attendance x WHERE x.activity_id = a.id AND x.status = 'observer') AS observerCount,
    (SELECT count(*) FROM attachments t WHERE t.activity_id = a.id AND t.voided_at IS NULL) AS attachmentCount,
    a.copied_from AS copiedFrom, a.voided_at AS voidedAt, a.void_reason AS voidReason
  FROM activities a JOIN orgs o ON o.id = a.org_id LEFT JOIN orgs p ON p.id = o.parent_id`;

function withLabels<T extends { type: string }>(ledger: Ledger, rows: T[]): (T & { typeLabel: string })[] {
  const types = listActivityTypes(ledger);
  return rows.map((r) => ({ ...r, typeLabel: types.find((t) => t.code === r.type)?.label ?? r.type }));
}

export function listActivities(ledger: Ledger, raw: ActivityListQuery = {}): ActivityRow[] {
  const q = ActivityListQuerySchema.parse(raw);
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.orgId !== null) {
    if (q.includeDescendants) {
      where.push(`a.org_id IN (WITH RECURSIVE t(id) AS (SELECT ? UNION ALL SELECT o2.id FROM orgs o2 JOIN t ON o2.parent_id = t.id) SELECT id FROM t)`);
    } else where.push('a.org_id = ?');
    params.push(q.orgId);
  }
  if (q.type !== null) { where.push('a.type = ?'); params.push(q.type); }
  if (q.from !== null) { where.push('a.date >= ?'); params.push(q.from); }
  if (q.to !== null) { where.push('a.date <= ?'); params.push(q.to); }
  if (!q.includeVoided) where.push('a.voided_at IS NULL');
  if (q.ids !== null) where.push(`a.id IN (${q.ids.map(Number).join(',') || 'NULL'})`);
  const sql = `${ROW_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.date DESC, a.start_time DESC, a.id DESC LIMIT ${q.limit}`;
  return withLabels(ledger, ledger.db.prepare(sql).all(...params) as Omit<ActivityRow, 'typeLabel'>[]);
}

export function getActivity(ledger: Ledger, id: number): ActivityDetail {
  const row = mustFind(
    one<Omit<ActivityDetail, 'typeLabel' | 'attendance'>>(
      ledger,
      `${ROW_SELECT.replace('a.copied_from AS copiedFrom', 'a.minutes, a.decisions, a.note, a.created_at AS createdAt, a.updated_at AS updatedAt, a.copied_from AS copiedFrom')} WHERE a.id = ?`,
      id,
    ),
    '这条活动记录',
  );
  const attendance = all<AttendanceRow>(
    ledger,
    `SELECT x.id, x.member_id AS memberId, coalesce(m.name, x.person_name) AS name, x.status, x.absence_reason AS absenceReason, x.reason_text AS reasonText
     FROM attendance x LEFT JOIN members m ON m.id = x.member_id WHERE x.activity_id = ?
     ORDER BY CASE x.status WHEN 'present' THEN 0 WHEN 'absent' THEN 1 ELSE 2 END, x.id`,
    id,
  );
  return { ...withLabels(ledger, [row])[0]!, attendance };
}

/**
 * 复制上次会议: the latest earlier activity of the same org and type as a new draft for `date`,
 * with the expected attendees of that date marked present (then the clerk marks the exceptions).
 */
export function draftFromLast(ledger: Ledger, raw: DraftQuery): { draft: ActivityInput; copiedFrom: ActivityDetail | null; expected: Expected } {
  const q = DraftQuerySchema.parse(raw);
  const expected = expectedAttendees(ledger, q);
  const last = one<{ id: number }>(
    ledger,
    'SELECT id FROM activities WHERE org_id = ? AND type = ? AND voided_at IS NULL AND date <= ? ORDER BY date DESC, id DESC LIMIT 1',
    q.orgId, q.type, q.date,
  );
  const prev = last ? getActivity(ledger, last.id) : null;
  // Absences of last time are not copied: each meeting's exceptions are its own.
  const attendance: ActivityInput['attendance'] = expected.attendees.map((e) => ({ memberId: e.memberId, status: 'present' as const }));
  for (const o of prev?.attendance.filter((x) => x.status === 'observer') ?? []) {
    if (!attendance.some((x) => x.memberId !== null && x.memberId === o.memberId)) {
      attendance.push(o.memberId !== null ? { memberId: o.memberId, status: 'observer' } : { personName: o.name, status: 'observer' });
    }
  }
  const draft: ActivityInput = {
    orgId: q.orgId, type: q.type, date: q.date,
    startTime: prev?.startTime ?? null, endTime: prev?.endTime ?? null, place: prev?.place ?? null, topic: prev?.topic ?? '',
    host: prev?.host ?? null, recorder: prev?.recorder ?? null, lecturer: prev?.lecturer ?? null,
    minutes: null, decisions: null, note: null, attendance, copiedFrom: prev?.id ?? null,
  };
  return { draft, copiedFrom: prev, expected };
}

/** The orgs an activity can be recorded for: live 党委/总支/支部 and their 党小组, in tree order. */
export function activityOrgs(ledger: Ledger, opts: { includeDissolved?: boolean } = {}): ActivityOrg[] {
  return all<ActivityOrg>(
    ledger,
    `SELECT id, name, type, parent_id AS parentId, founded_on AS foundedOn, dissolved_on AS dissolvedOn FROM orgs
     WHERE type != 'committee' ${opts.includeDissolved ? '' : 'AND dissolved_on IS NULL'} ORDER BY sort_order, id`,
  );
}
