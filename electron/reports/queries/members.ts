// The org and member registers' data: 党组织基本情况, 采集表, 流动党员, 在职党员报到, 设岗定责.
// Read models: plain SQL over the ledger plus the org/member services' own readers.
import { COMMITTEE_ROLE_LABELS, type CommitteeRole, FACILITIES, ORG_CATEGORY_LABELS, ORG_TYPE_LABELS } from '../../../shared/domain/org';
import { MEMBER_KIND_LABELS, STANDING_LABELS } from '../../../shared/domain/member';
import type { MemberFormData } from '../../../shared/reports/registers/member-form';
import type { MobileData, MobileLine } from '../../../shared/reports/registers/mobile';
import type { OrgLine, OrgsData } from '../../../shared/reports/registers/orgs';
import type { PostReviewResult } from '../../../shared/domain/posts';
import type { PostGroup, PostHolder, PostsData } from '../../../shared/reports/registers/posts';
import type { ResidentData, ResidentLine } from '../../../shared/reports/registers/resident';
import type { Ledger } from '../../ledger/ledger';
import { committeeSeats } from '../../ledger/activities';
import { listPartners, listTerms } from '../../ledger/orgs';
import { all } from '../../ledger/sql';
import { type Scope, headerFor } from '../scope';
import type { QueryOptions } from './options';
import { scopeMembers } from './roster';
import { extraFieldRemarks } from '../../import/extras';

const inList = (ids: Iterable<number>) => `(${[...ids].join(',') || 'NULL'})`;

export function orgsData(ledger: Ledger, scope: Scope, opts: QueryOptions): OrgsData {
  const byOrg = scopeMembers(ledger, scope);
  // Members count at their branch and at every org above it.
  const counts = new Map<number, { full: number; prob: number }>();
  const parent = new Map(scope.orgs.map((o) => [o.id, o.parentId]));
  const total = { full: 0, probationary: 0 };
  for (const [orgId, members] of byOrg) {
    for (const m of members) total[m.kind]++;
    for (let id: number | null | undefined = orgId; id != null && parent.has(id); id = parent.get(id)) {
      const c = counts.get(id) ?? { full: 0, prob: 0 };
      for (const m of members) {
        if (m.kind === 'full') c.full++;
        else c.prob++;
      }
      counts.set(id, c);
    }
  }
  const lines: OrgLine[] = scope.orgs.filter((o) => o.type !== 'group').map((o) => {
    // The committee and term in office on the snapshot date, not necessarily today's.
    const on = scope.asOf;
    const roles = committeeSeats(ledger, o.id).filter((r) => (r.from === null || r.from <= on) && (r.to === null || r.to > on));
    const label = (role: string) => (role in COMMITTEE_ROLE_LABELS && role !== 'other' ? COMMITTEE_ROLE_LABELS[role as CommitteeRole] : '委员');
    const secretary = roles.filter((r) => r.role === 'secretary').map((r) => r.name).join('、') || null;
    const others = roles.filter((r) => r.role !== 'secretary').map((r) => `${label(r.role)} ${r.name}`);
    const term = listTerms(ledger, o.id).find((t) => t.electedOn <= on && (t.endedOn === null || t.endedOn > on)) ?? null;
    const present = new Set(o.facilities);
    const missing = FACILITIES.filter((f) => !present.has(f.code)).map((f) => f.label);
    const hasChecklist = o.type !== 'committee';
    const c = counts.get(o.id) ?? { full: 0, prob: 0 };
    return {
      name: o.name,
      typeLabel: `${ORG_TYPE_LABELS[o.type]}${o.category ? `·${ORG_CATEGORY_LABELS[o.category]}` : ''}`,
      parentName: scope.orgs.find((p) => p.id === o.parentId)?.name ?? null,
      foundedOn: o.foundedOn,
      fullMembers: c.full,
      probationaryMembers: c.prob,
      groups: scope.orgs.filter((g) => g.parentId === o.id && g.type === 'group').length,
      secretary,
      committee: others.join('\n'),
      term: term ? `${term.electedOn}\n至 ${term.expiresOn}${term.expiresOn < scope.asOf ? '\n（已届满）' : ''}` : '',
      instructor: o.instructor ? `${o.instructor}${o.instructorPhone ? ` ${o.instructorPhone}` : ''}` : null,
      partners: listPartners(ledger, o.id).map((p) => p.name).join('、'),
      facilities: !hasChecklist ? '' : missing.length === 0 ? `${FACILITIES.length}/${FACILITIES.length} 全部落实` : `${present.size}/${FACILITIES.length}，缺：${missing.join('、')}`,
      phone: o.phone,
      address: o.address,
    };
  });
  return { ...headerFor(scope, opts), orgs: lines, total };
}

export function memberFormData(ledger: Ledger, scope: Scope, opts: QueryOptions): MemberFormData {
  const byOrg = scopeMembers(ledger, scope);
  const ids = [...byOrg.values()].flat().map((m) => m.id);
  const mobile = new Map(
    all<{ memberId: number; direction: string; place: string }>(
      ledger,
      `SELECT member_id AS memberId, direction, place FROM mobile_records
       WHERE member_id IN ${inList(ids)} AND from_date <= ? AND (to_date IS NULL OR to_date > ?) ORDER BY from_date`,
      scope.asOf, scope.asOf,
    ).map((r) => [r.memberId, `${r.direction === 'out' ? '流向' : '流入自'}${r.place}`]),
  );
  const extras = extraFieldRemarks(ledger);
  const members = scope.branches.flatMap((b) => (byOrg.get(b.id) ?? []).map((m) => ({
    name: m.name, gender: m.gender, ethnicity: m.ethnicity, idNumber: m.idNumber, birthDate: m.birthDate, education: m.education,
    kind: MEMBER_KIND_LABELS[m.kind], branch: b.name, joinedOn: m.joinedOn, confirmedOn: m.confirmedOn, job: m.job, phone: m.phone,
    address: m.address, standing: STANDING_LABELS[m.standing], lostContactSince: m.lostContactSince, mobile: mobile.get(m.id) ?? null,
    // Roster columns kept as extra fields at import go into the form's remarks.
    note: [m.note, extras.get(m.id)].filter(Boolean).join('；') || null,
  })));
  return { ...headerFor(scope, opts), members };
}

/** The org a member belonged to on a date (spans), else the current one. */
const MEMBER_ORG_ON = `coalesce((SELECT s.org_id FROM member_org_spans s WHERE s.member_id = m.id AND s.from_date <= ? ORDER BY s.from_date DESC LIMIT 1), m.org_id)`;

export function mobileData(ledger: Ledger, scope: Scope, opts: QueryOptions): MobileData {
  const rows = all<MobileLine & { orgId: number | null }>(
    ledger,
    `SELECT m.name, m.gender, m.id_number AS idNumber, o.name AS branch, o.id AS orgId, r.direction, r.place, r.unit, r.card_number AS cardNumber,
       coalesce(r.contact_phone, m.phone) AS phone, r.home_org AS homeOrg, r.from_date AS fromDate, r.to_date AS toDate, r.note
     FROM mobile_records r JOIN members m ON m.id = r.member_id LEFT JOIN orgs o ON o.id = ${MEMBER_ORG_ON}
     WHERE r.from_date <= ? AND (r.to_date IS NULL OR r.to_date >= ?)
     ORDER BY o.sort_order, o.id, r.from_date, m.id`,
    scope.asOf, scope.period.to, scope.period.from,
  );
  return { ...headerFor(scope, opts), records: rows.filter((r) => r.orgId !== null && scope.orgIds.has(r.orgId)).map(({ orgId: _o, ...r }) => r) };
}

export function residentData(ledger: Ledger, scope: Scope, opts: QueryOptions): ResidentData {
  const year = scope.year;
  const rows = all<Omit<ResidentLine, 'feedback' | 'isCadre'> & { id: number; isCadre: number; communityId: number; orgId: number | null; memberId: number | null }>(
    ledger,
    `SELECT r.id, m.id AS memberId, coalesce(m.name, r.name) AS name, m.gender, coalesce(m.employer, r.employer) AS employer, r.unit_org AS unitOrg,
       c.name AS community, c.id AS communityId, m.org_id AS orgId,
       r.registered_on AS registeredOn, r.ended_on AS endedOn, r.is_cadre AS isCadre, r.service_intent AS serviceIntent, coalesce(m.phone, r.phone) AS phone,
       CASE WHEN r.member_id IS NULL THEN trim('外单位党员 ' || coalesce(r.note, '')) ELSE r.note END AS note
     FROM resident_registrations r LEFT JOIN members m ON m.id = r.member_id JOIN orgs c ON c.id = r.community_org_id
     WHERE r.registered_on <= ? AND (r.ended_on IS NULL OR r.ended_on >= ?)
     ORDER BY c.sort_order, c.id, r.registered_on, m.id`,
    scope.period.to, scope.period.from,
  ).filter((r) => scope.orgIds.has(r.communityId) || (r.orgId !== null && scope.orgIds.has(r.orgId)));
  const feedback = all<{ registrationId: number; period: string }>(
    ledger,
    `SELECT registration_id AS registrationId, period FROM resident_feedback WHERE registration_id IN ${inList(rows.map((r) => r.id))} AND period LIKE ?`,
    `${year}-Q%`,
  );
  const sent = new Set(feedback.map((f) => `${f.registrationId}:${f.period}`));
  const posts = postsHeld(ledger, rows.flatMap((r) => (r.memberId === null ? [] : [r.memberId])), scope.asOf);
  const records: ResidentLine[] = rows.map((r) => ({
    name: r.name, gender: r.gender, employer: r.employer, unitOrg: r.unitOrg, community: r.community, registeredOn: r.registeredOn, endedOn: r.endedOn,
    isCadre: Boolean(r.isCadre), serviceIntent: r.serviceIntent, posts: (r.memberId !== null && posts.get(r.memberId)) || null, phone: r.phone,
    feedback: [1, 2, 3, 4].map((q) => sent.has(`${r.id}:${year}-Q${q}`)) as ResidentLine['feedback'], note: r.note,
  }));
  return { ...headerFor(scope, opts), year, records };
}

/** Post names each member holds on a date. */
function postsHeld(ledger: Ledger, memberIds: number[], on: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const r of all<{ memberId: number; name: string }>(
    ledger,
    `SELECT mp.member_id AS memberId, p.name FROM member_posts mp JOIN posts p ON p.id = mp.post_id
     WHERE mp.member_id IN ${inList(memberIds)} AND mp.from_date <= ? AND (mp.to_date IS NULL OR mp.to_date > ?) ORDER BY p.id`,
    on, on,
  )) out.set(r.memberId, out.has(r.memberId) ? `${out.get(r.memberId)}、${r.name}` : r.name);
  return out;
}

export function postsData(ledger: Ledger, scope: Scope, opts: QueryOptions): PostsData {
  const posts = all<{ id: number; orgId: number | null; name: string; duty: string | null; capacity: number | null }>(
    ledger,
    'SELECT id, org_id AS orgId, name, duty, capacity FROM posts WHERE retired_on IS NULL OR retired_on >= ? ORDER BY org_id IS NOT NULL, id',
    scope.period.from,
  ).filter((p) => p.orgId === null || scope.orgIds.has(p.orgId));
  const holders = all<Omit<PostHolder, 'review'> & { postId: number; orgId: number | null; result: PostReviewResult | null; reviewNote: string | null }>(
    ledger,
    `SELECT mp.post_id AS postId, o.id AS orgId, m.name, o.name AS branch, m.phone, mp.from_date AS fromDate, mp.to_date AS toDate, mp.pledge, mp.note,
            r.result, r.note AS reviewNote
     FROM member_posts mp JOIN members m ON m.id = mp.member_id LEFT JOIN orgs o ON o.id = ${MEMBER_ORG_ON}
     LEFT JOIN post_reviews r ON r.member_post_id = mp.id AND r.year = ?
     WHERE mp.from_date <= ? AND (mp.to_date IS NULL OR mp.to_date >= ?)
     ORDER BY o.sort_order, o.id, mp.from_date, m.id`,
    scope.asOf, scope.year, scope.period.to, scope.period.from,
  ).filter((h) => h.orgId !== null && scope.orgIds.has(h.orgId));
  const groups: PostGroup[] = posts.map((p) => ({
    name: p.name,
    duty: p.duty,
    capacity: p.capacity,
    holders: holders.filter((h) => h.postId === p.id).map(({ postId: _p, orgId: _o, result, reviewNote, ...h }) => ({ ...h, review: result ? { result, note: reviewNote } : null })),
  }));
  return { ...headerFor(scope, opts), year: scope.year, posts: groups };
}

