// What was true of each member on a date: org and 党小组, kind, standing, lost contact, mobile,
// resident registration, posts and committee seats, folded from the dated history in one pass
// (a handful of set-based queries, whatever the number of members). Every register, the dashboard,
// the org page's counts and `stats` read members through here, so they cannot disagree.
import { type MemberCategory, type Standing, standingOnRoll } from '../../shared/domain/member';
import type { Ledger } from './ledger';
import { MEMBER_COLUMNS, type Raw, type RosterRow, toMember } from './members';
import { all, parseJson } from './sql';

export type MemberState = RosterRow & {
  /** On the roll of a branch that day: in an org span, 正常 or 停止党籍, not voided. */
  onRoll: boolean;
  mobile: { direction: 'out' | 'in'; place: string } | null;
  /** Communities the member was registered at (在职党员报到) that day. */
  residentOrgIds: number[];
  posts: string[];
  /** Committee seats held that day. */
  roles: { orgId: number; role: string }[];
};

type Covering = { memberId: number; orgId: number; from: string };

const COVERS = (t: string, from = 'from_date', to = 'to_date') => `${t}.${from} <= ? AND (${t}.${to} IS NULL OR ${t}.${to} > ?)`;

/** The spans covering `on`, one per member (the latest-starting when spans overlap). */
function covering(rows: Covering[]): Map<number, Covering> {
  const out = new Map<number, Covering>();
  for (const r of rows) {
    const prev = out.get(r.memberId);
    if (!prev || prev.from <= r.from) out.set(r.memberId, r);
  }
  return out;
}

type StandingChange = { date: string; from: Standing; to: Standing; reason: string | null };

/** Every member's dated 党籍 changes (not voided), oldest first. */
export function standingChanges(ledger: Ledger): Map<number, StandingChange[]> {
  const changes = new Map<number, StandingChange[]>();
  for (const e of all<{ memberId: number; date: string; data: string }>(
    ledger, "SELECT member_id AS memberId, date, data FROM member_events WHERE type = 'standingChanged' AND voided_at IS NULL ORDER BY date, id",
  )) {
    const d = parseJson<{ from?: Standing; to?: Standing; reason?: string | null }>(e.data, {});
    if (!d.to) continue;
    const list = changes.get(e.memberId) ?? [];
    list.push({ date: e.date, from: d.from ?? 'normal', to: d.to, reason: d.reason ?? null });
    changes.set(e.memberId, list);
  }
  return changes;
}

/** The standing on `on` from the dated 党籍 changes; without any, the member's own columns. */
export function standingOn(
  m: { standing: Standing; standingReason: string | null; standingSince: string | null },
  changes: readonly StandingChange[] | undefined,
  on: string,
): { standing: Standing; standingReason: string | null; standingSince: string | null } {
  if (!changes || changes.length === 0) {
    if (m.standing !== 'normal' && m.standingSince && m.standingSince > on) return { standing: 'normal', standingReason: null, standingSince: null };
    return m;
  }
  const before = changes.filter((c) => c.date <= on);
  const last = before[before.length - 1];
  if (last) return { standing: last.to, standingReason: last.reason, standingSince: last.date };
  return { standing: changes[0]!.from, standingReason: null, standingSince: null };
}

/**
 * Every member's state on `on`. `onRollOnly` (default true) keeps those on a branch's roll that
 * day; `orgIds` keeps those whose org that day is among them.
 */
export function membersOn(ledger: Ledger, on: string, opts: { onRollOnly?: boolean; orgIds?: ReadonlySet<number> } = {}): MemberState[] {
  const onRollOnly = opts.onRollOnly ?? true;
  const orgs = new Map(all<{ id: number; name: string; parentId: number | null }>(ledger, 'SELECT id, name, parent_id AS parentId FROM orgs').map((o) => [o.id, o]));
  const spans = covering(all<Covering>(ledger, `SELECT member_id AS memberId, org_id AS orgId, from_date AS "from" FROM member_org_spans s WHERE ${COVERS('s')}`, on, on));
  const groups = covering(all<Covering>(ledger, `SELECT member_id AS memberId, group_id AS orgId, from_date AS "from" FROM member_group_spans g WHERE ${COVERS('g')}`, on, on));
  const withGroupHistory = new Set(all<{ memberId: number }>(ledger, 'SELECT DISTINCT member_id AS memberId FROM member_group_spans').map((r) => r.memberId));
  const changes = standingChanges(ledger);
  const mobile = new Map(all<{ memberId: number; direction: 'out' | 'in'; place: string }>(
    ledger, `SELECT member_id AS memberId, direction, place FROM mobile_records r WHERE ${COVERS('r')} ORDER BY from_date`, on, on,
  ).map((r) => [r.memberId, { direction: r.direction, place: r.place }]));
  const residents = new Map<number, number[]>();
  for (const r of all<{ memberId: number; orgId: number }>(
    ledger, `SELECT member_id AS memberId, community_org_id AS orgId FROM resident_registrations r WHERE r.member_id IS NOT NULL AND ${COVERS('r', 'registered_on', 'ended_on')}`, on, on,
  )) residents.set(r.memberId, [...(residents.get(r.memberId) ?? []), r.orgId]);
  const posts = new Map<number, string[]>();
  for (const r of all<{ memberId: number; name: string }>(
    ledger, `SELECT mp.member_id AS memberId, p.name FROM member_posts mp JOIN posts p ON p.id = mp.post_id WHERE ${COVERS('mp')} ORDER BY p.id`, on, on,
  )) posts.set(r.memberId, [...(posts.get(r.memberId) ?? []), r.name]);
  const roles = new Map<number, { orgId: number; role: string }[]>();
  for (const r of all<{ memberId: number; orgId: number; role: string }>(
    ledger,
    `SELECT r.member_id AS memberId, r.org_id AS orgId, r.role FROM org_roles r LEFT JOIN org_terms t ON t.id = r.term_id
     WHERE r.member_id IS NOT NULL AND (r.from_date IS NULL OR r.from_date <= ?) AND (coalesce(r.to_date, t.ended_on) IS NULL OR coalesce(r.to_date, t.ended_on) > ?)`,
    on, on,
  )) roles.set(r.memberId, [...(roles.get(r.memberId) ?? []), { orgId: r.orgId, role: r.role }]);

  const lost = lostContactSpans(ledger);

  const out: MemberState[] = [];
  for (const raw of all<Raw<RosterRow>>(ledger, `SELECT ${MEMBER_COLUMNS}, NULL AS orgName, NULL AS groupName FROM members m WHERE m.voided_at IS NULL ORDER BY m.joined_on, m.id`)) {
    const m = toMember<RosterRow>(raw);
    const span = spans.get(m.id);
    const standing = standingOn(m, changes.get(m.id), on);
    const onRoll = span !== undefined && standingOnRoll(standing.standing);
    if (onRollOnly && !onRoll) continue;
    const orgId = span?.orgId ?? m.orgId;
    if (opts.orgIds && !opts.orgIds.has(orgId)) continue;
    const g = groups.get(m.id)?.orgId ?? (!withGroupHistory.has(m.id) && orgId === m.orgId ? m.groupId : null);
    const groupId = g !== null && orgs.get(g)?.parentId === orgId ? g : null;
    const confirmed = m.kind === 'full' && (m.confirmedOn === null || m.confirmedOn <= on);
    const mob = mobile.get(m.id) ?? null;
    const categories: MemberCategory[] = [...m.categories.filter((c) => c !== 'mobile'), ...(mob ? ['mobile' as const] : [])];
    out.push({
      ...m,
      ...standing,
      orgId,
      groupId,
      orgName: orgs.get(orgId)?.name ?? null,
      groupName: groupId !== null ? (orgs.get(groupId)?.name ?? null) : null,
      kind: confirmed ? 'full' : 'probationary',
      confirmedOn: confirmed ? m.confirmedOn : null,
      lostContactSince: lostContactOn(m.lostContactSince, lost.get(m.id), on),
      categories,
      onRoll,
      mobile: mob,
      residentOrgIds: residents.get(m.id) ?? [],
      posts: posts.get(m.id) ?? [],
      roles: roles.get(m.id) ?? [],
    });
  }
  return out;
}

type LostSpan = { since: string; until: string };

/** Every member's ended 失联 spans: from the month contact was lost to the day it was regained (恢复联系). */
function lostContactSpans(ledger: Ledger): Map<number, LostSpan[]> {
  const out = new Map<number, LostSpan[]>();
  for (const e of all<{ memberId: number; date: string; since: string | null }>(
    ledger, "SELECT member_id AS memberId, date, json_extract(data, '$.lostContactSince') AS since FROM member_events WHERE type = 'contactRegained' AND voided_at IS NULL",
  )) if (e.since) out.set(e.memberId, [...(out.get(e.memberId) ?? []), { since: e.since, until: e.date }]);
  return out;
}

/** 失联 on `on`: the open 失联 (today's column) once its month has come, or an ended span covering the day. */
function lostContactOn(current: string | null, ended: readonly LostSpan[] | undefined, on: string): string | null {
  if (current && current.slice(0, 7) <= on.slice(0, 7)) return current;
  return ended?.find((s) => s.since.slice(0, 7) <= on.slice(0, 7) && on < s.until)?.since ?? null;
}

/** Full and probationary members on the roll on `on`, by branch. */
export function countsByOrg(states: readonly MemberState[]): Map<number, { full: number; probationary: number }> {
  const out = new Map<number, { full: number; probationary: number }>();
  for (const s of states) {
    if (!s.onRoll) continue;
    const c = out.get(s.orgId) ?? { full: 0, probationary: 0 };
    c[s.kind]++;
    out.set(s.orgId, c);
  }
  return out;
}
