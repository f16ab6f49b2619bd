// A member's dated history (member_events), derived from the facts decided in ./members so the
// two can never disagree.
import { APPRAISAL_GRADE_LABELS } from '../../../shared/domain/member';
import type { DemoEvent, DemoMember } from './model';
import { DEMO_POSTS } from './members';

/** A transfer out's 介绍信编号 and 党费交至 (the month before it), as a clerk writes them. */
function transferLetter(memberId: number, on: string): { letterNumber: string; duesPaidTo: string } {
  const [y, mo] = on.split('-').map(Number) as [number, number];
  const paid = mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
  return { letterNumber: `锦组转〔${y}〕${(memberId % 97) + 1}号`, duesPaidTo: paid };
}

export function memberEvents(m: DemoMember): DemoEvent[] {
  const out: DemoEvent[] = [];
  const ev = (type: DemoEvent['type'], date: string, extra: Partial<Omit<DemoEvent, 'memberId' | 'type' | 'date'>> = {}) =>
    out.push({ memberId: m.id, type, date, fromOrgId: null, toOrgId: null, otherOrg: null, data: {}, note: null, ...extra });

  const first = m.spans[0]!;
  if (m.joinedAt === null) ev('joined', m.joinedOn, { toOrgId: first.orgId });
  else ev('joined', m.joinedOn, { otherOrg: m.joinedAt });
  if (m.probationExtendedOn) ev('probationExtended', m.probationExtendedOn, { data: { months: 6 }, note: '预备期内表现未完全达到党员条件，经支部党员大会讨论延长预备期' });
  if (m.confirmedOn) {
    const here = m.spans.find((s) => s.from <= m.confirmedOn! && (s.to === null || m.confirmedOn! < s.to));
    ev('confirmed', m.confirmedOn, here ? { toOrgId: here.orgId } : { otherOrg: m.joinedAt });
  }
  m.spans.forEach((s, i) => {
    if (s.start === 'transferIn') ev('transferIn', s.from, { toOrgId: s.orgId, otherOrg: s.otherOrgIn ?? null });
    if (s.start === 'transferInternal') ev('transferInternal', s.from, { fromOrgId: m.spans[i - 1]?.orgId ?? null, toOrgId: s.orgId });
    if (s.end === 'transferOut') ev('transferOut', s.to!, { fromOrgId: s.orgId, otherOrg: s.otherOrgOut ?? null, data: transferLetter(m.id, s.to!) });
  });
  for (const r of m.mobile) {
    const data = { direction: r.direction, place: r.place, unit: r.unit, cardNumber: r.cardNumber, homeOrg: r.homeOrg };
    ev(r.direction === 'out' ? 'mobileOut' : 'mobileIn', r.from, { otherOrg: r.place, data });
    if (r.to) ev('mobileReturn', r.to, { note: '返回本地，流动登记结束' });
  }
  if (m.standing !== 'normal' && m.standingSince) {
    ev('standingChanged', m.standingSince, { data: { from: 'normal', to: m.standing, reason: m.standingReason }, note: m.note });
  }
  for (const r of m.residents) {
    ev('residentRegistered', r.registeredOn, { toOrgId: r.communityOrgId, data: { communityOrgId: r.communityOrgId, unitOrg: r.unitOrg, isCadre: r.isCadre, serviceIntent: r.serviceIntent } });
    if (r.endedOn && !r.isCadre) ev('residentEnded', r.endedOn);
  }
  for (const p of m.posts) {
    const post = DEMO_POSTS.find((x) => x.id === p.postId)!.name;
    ev('postTaken', p.from, { data: { post, pledge: p.pledge } });
    if (p.to) ev('postLeft', p.to, { data: { post } });
  }
  for (const a of m.appraisals) {
    ev('appraisal', a.date, { toOrgId: a.orgId, data: { year: a.year, grade: a.grade, label: a.grade ? APPRAISAL_GRADE_LABELS[a.grade] : '参加评议，不评定等次' }, note: a.note });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
