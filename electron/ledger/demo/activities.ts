// Two full years and the current year of 组织生活: each branch mostly keeps the meeting rules of
// DOMAIN.md, with the gaps planned in ./street-plan and a few random misses, attendance of the
// members expected that day (as the ledger computes it), minutes, and the year-end 民主评议.
import { ABSENCE_REASON_LABELS } from '../../../shared/domain/activity-types';
import type { Rng } from './random';
import type { DemoActivity, DemoAttendance, DemoMember, DemoOrg, DemoStreet, DemoTerm } from './model';
import { activeIn, isProbationaryOn } from './model';
import { COMMUNITIES } from './places';
import { addDays, daysInMonth, minDate, maxDate, nextWorkday, randomDate, ymd } from './dates';
import {
  ABSENCE_TEXT, ASSEMBLY_BUSINESS, ASSISTANCE, COMMITTEE_ITEMS, HEART_TALK_TOPICS, JOINT_MEETING, LIFE_MEETING_THEMES, OUTDOOR_PLACES,
  PARTY_LESSONS, REMOTE_PROGRAMMES, REQUIREMENTS, SPEECH_VERBS, STUDY_BY_PERIOD, STUDY_GENERAL, THEME_DAY_BY_MONTH, VISITS, VOLUNTEER, quoted,
} from './topics';

type Draft = Omit<DemoActivity, 'id'>;
type Reason = 'sick' | 'business' | 'away' | 'other';

const ACTIVITIES_FROM = '2024-01-01';

const DURATION: Record<string, number> = {
  branchAssembly: 90, committeeMeeting: 60, groupMeeting: 60, partyLesson: 90, themeDay: 120, lifeMeeting: 180, heartTalk: 40,
  memberAppraisal: 90, remoteEducation: 60, volunteer: 120, visit: 120, assistance: 90, jointMeeting: 90,
};

class Builder {
  readonly out: Draft[] = [];
  private readonly inOrg = new Map<number, DemoMember[]>();
  private readonly byId = new Map<number, DemoMember>();

  constructor(readonly rng: Rng, readonly street: DemoStreet) {
    for (const m of street.members) {
      this.byId.set(m.id, m);
      for (const s of m.spans) {
        const list = this.inOrg.get(s.orgId) ?? [];
        if (!list.includes(m)) list.push(m);
        this.inOrg.set(s.orgId, list);
      }
    }
  }

  get today(): string {
    return this.street.today;
  }

  member(id: number): DemoMember | undefined {
    return this.byId.get(id);
  }

  roster(org: DemoOrg, date: string): DemoMember[] {
    return (this.inOrg.get(org.id) ?? []).filter((m) => activeIn(m, org.id, date));
  }

  term(org: DemoOrg, date: string): DemoTerm | undefined {
    return org.terms.find((t) => t.electedOn <= date && (t.endedOn === null || date < t.endedOn)) ?? org.terms[0];
  }

  /** Committee members on the roster that day, in seat order. */
  seats(org: DemoOrg, date: string): { role: string; member: DemoMember }[] {
    const out: { role: string; member: DemoMember }[] = [];
    for (const r of this.term(org, date)?.roles ?? []) {
      const m = r.memberId !== null ? this.byId.get(r.memberId) : undefined;
      if (m && activeIn(m, org.id, date) && !out.some((x) => x.member === m)) out.push({ role: r.role, member: m });
    }
    return out;
  }

  hostAndRecorder(org: DemoOrg, date: string, fallback: DemoMember[]): { host: string | null; recorder: string | null } {
    const seats = this.seats(org, date);
    const host = seats.find((s) => s.role === 'secretary') ?? seats.find((s) => s.role === 'deputySecretary') ?? seats[0];
    const others = seats.filter((s) => s !== host);
    const recorder = others.find((s) => s.role === 'organization') ?? others.find((s) => s.role === 'propaganda') ?? others[0];
    return { host: host?.member.name ?? fallback[0]?.name ?? null, recorder: recorder?.member.name ?? fallback[1]?.name ?? null };
  }

  /** Expected attendees marked present or absent (with a reason); quorum kept above half. */
  attendance(expected: DemoMember[], date: string, scale = 1): DemoAttendance[] {
    const rng = this.rng;
    const ym = date.slice(0, 7);
    const rows = expected.map((m): DemoAttendance => {
      const lost = m.lostContactSince !== null && ym >= m.lostContactSince;
      const streak = m.missedMonths?.has(ym) ?? false;
      if (lost || streak || rng.next() < m.absence * scale) {
        const reason: Reason = lost ? 'other' : streak ? (m.absenceReason === 'sick' ? 'sick' : 'other') : rng.chance(0.8) ? m.absenceReason : rng.pick(['sick', 'business', 'away', 'other'] as const);
        const text = lost ? '失去联系' : streak && reason === 'other' ? '未请假' : rng.pick(ABSENCE_TEXT[reason]);
        return { memberId: m.id, personName: null, status: 'absent', reason, reasonText: text };
      }
      return { memberId: m.id, personName: null, status: 'present', reason: null, reasonText: null };
    });
    // A meeting with half its members away would not count; real branches reschedule instead.
    const absent = rows.filter((r) => r.status === 'absent' && r.reasonText !== '失去联系');
    while (rows.filter((r) => r.status === 'present').length * 2 <= rows.length && absent.length > 0) {
      const r = absent.splice(rng.int(0, absent.length - 1), 1)[0]!;
      Object.assign(r, { status: 'present', reason: null, reasonText: null });
    }
    return rows;
  }

  times(org: DemoOrg, type: string): { start: string; end: string } {
    const rng = this.rng;
    const daytime = org.category === 'community';
    const evening = org.key === 'gig' || org.key === 'market';
    let startMin: number;
    if (type === 'themeDay' || type === 'volunteer' || type === 'visit') startMin = rng.pick(daytime || evening ? [9 * 60, 14 * 60] : [14 * 60, 15 * 60]);
    else if (evening) startMin = rng.pick([19 * 60 + 30, 20 * 60]);
    else if (daytime) startMin = rng.pick([9 * 60, 9 * 60 + 30, 14 * 60, 14 * 60 + 30]);
    else startMin = rng.pick([12 * 60 + 30, 16 * 60, 16 * 60 + 30]);
    const endMin = startMin + (DURATION[type] ?? 60);
    const hm = (n: number) => `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
    return { start: hm(startMin), end: hm(endMin) };
  }

  push(org: DemoOrg, type: string, date: string, fields: Partial<Draft> & { topic: string }): Draft | null {
    if (date > this.today || date < maxDate(ACTIVITIES_FROM, org.foundedOn)) return null;
    const t = this.times(org, type);
    const a: Draft = {
      orgId: org.id, type, date, startTime: t.start, endTime: t.end, place: org.place, host: null, recorder: null, lecturer: null,
      minutes: null, decisions: null, attendance: [], ...fields,
    };
    this.out.push(a);
    return a;
  }
}

function study(rng: Rng, date: string): string {
  const p = STUDY_BY_PERIOD.find((x) => x.from <= date && date <= x.to);
  return rng.chance(0.8) && p ? rng.pick(p.items) : rng.pick(STUDY_GENERAL);
}

function absenceText(rows: DemoAttendance[]): string {
  const absent = rows.filter((r) => r.status === 'absent');
  if (absent.length === 0) return '，全员到会';
  const by = new Map<Reason, number>();
  for (const r of absent) by.set(r.reason as Reason, (by.get(r.reason as Reason) ?? 0) + 1);
  return `，缺席${absent.length}人（${[...by].map(([k, n]) => `${ABSENCE_REASON_LABELS[k]}${n}人`).join('、')}）`;
}

function counts(rows: DemoAttendance[]): { exp: number; pres: number } {
  const members = rows.filter((r) => r.status !== 'observer');
  return { exp: members.length, pres: members.filter((r) => r.status === 'present').length };
}

function speakers(b: Builder, rows: DemoAttendance[], n: number, not: (string | null)[]): string {
  const present = rows.filter((r) => r.status === 'present' && r.memberId !== null).map((r) => b.member(r.memberId!)!.name).filter((x) => !not.includes(x));
  return b.rng.sample(present, n).join('、') || '党员';
}

/** A day in the month; organisations of employed members meet on workdays. */
function dayIn(b: Builder, org: DemoOrg, y: number, m: number, lo: number, hi: number): string {
  const d = ymd(y, m, b.rng.int(lo, Math.min(hi, daysInMonth(y, m))));
  return org.category === 'community' || org.key === 'gig' ? d : nextWorkday(d);
}

function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

export function buildActivities(rng: Rng, street: DemoStreet): DemoActivity[] {
  const b = new Builder(rng, street);
  markStreaks(b);
  for (const org of street.branches) branchActivities(b, org);
  for (const org of street.orgs.filter((o) => o.type === 'partyCommittee' || o.type === 'generalBranch')) committeeJointMeetings(b, org);
  const key = (a: Draft) => `${a.date}${String(a.orgId).padStart(5, '0')}${a.startTime ?? ''}`;
  const sorted = b.out.map((a) => ({ a, k: key(a) })).sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0)).map((x) => x.a);
  return sorted.map((a, i) => ({ id: i + 1, ...a }));
}

/** A few members missed every meeting for 3–4 months in a row (illness, a long trip, drifting away). */
function markStreaks(b: Builder): void {
  const rng = b.rng;
  const pool = b.street.members.filter((m) => m.standing === 'normal' && m.situation !== 'mobileOut' && m.spans.at(-1)!.to === null && m.spans.at(-1)!.from < '2024-06-01');
  for (const m of rng.sample(pool, 5)) {
    const start = rng.int(3, 8);
    const len = rng.int(3, 4);
    m.missedMonths = new Set(Array.from({ length: len }, (_, i) => ymd(2025, start + i, 1).slice(0, 7)));
  }
}

function branchActivities(b: Builder, org: DemoOrg): void {
  const rng = b.rng;
  const gaps = org.plan?.gaps ?? {};
  const start = maxDate(ACTIVITIES_FROM, org.foundedOn);
  const lastYear = Number(b.today.slice(0, 4));
  const remoteMiss = org.facilities.includes('remoteEducation') ? 0.008 : 0.06;
  const themeDayOfMonth = rng.pick([8, 10, 15, 18, 20]);
  for (let y = Number(start.slice(0, 4)); y <= lastYear; y++) {
    for (let mo = 1; mo <= 12; mo++) {
      const ym = ymd(y, mo, 1).slice(0, 7);
      if (ym < start.slice(0, 7) || ym > b.today.slice(0, 7)) continue;
      if (!gaps.committeeMeeting?.includes(ym) && !rng.chance(0.01)) committeeMeeting(b, org, dayIn(b, org, y, mo, 2, 12));
      if (!gaps.themeDay?.includes(ym) && !rng.chance(0.01)) {
        themeDay(b, org, dayIn(b, org, y, mo, themeDayOfMonth, themeDayOfMonth + (rng.chance(0.7) ? 0 : 5)), mo);
      }
      for (const g of org.groups) if (!rng.chance(0.012)) groupMeeting(b, org, g, dayIn(b, org, y, mo, 10, 26));
      for (const d of [5, 15, 25]) if (!rng.chance(remoteMiss)) remoteEducation(b, org, ymd(y, mo, d));
      if (mo % 3 === 0) {
        const q = `${y}-Q${mo / 3}`;
        if (!gaps.branchAssembly?.includes(q)) branchAssembly(b, org, dayIn(b, org, y, mo - rng.weighted([[2, 2], [1, 3], [0, 5]] as const), 5, 25), null);
        if (!gaps.partyLesson?.includes(q)) partyLesson(b, org, dayIn(b, org, y, mo - rng.int(0, 2), 5, 25));
      }
    }
    if (!gaps.lifeMeeting?.includes(y)) {
      const life = dayIn(b, org, y, rng.chance(0.3) ? 11 : 12, rng.chance(0.3) ? 15 : 1, 26);
      lifeMeeting(b, org, life, y);
      memberAppraisal(b, org, rng.chance(0.5) ? life : addDays(life, rng.int(1, 5)), y);
    } else {
      memberAppraisal(b, org, dayIn(b, org, y, 12, 10, 26), y);
    }
    heartTalks(b, org, y, gaps.heartTalk?.includes(y) ? 0.85 : 1);
    serviceActivities(b, org, y);
  }
  admissionAssemblies(b, org, start, gaps.branchAssembly ?? []);
}

function committeeMeeting(b: Builder, org: DemoOrg, date: string): void {
  const rng = b.rng;
  const seats = b.seats(org, date);
  if (seats.length === 0) return;
  const attendance = seats.map(({ member }): DemoAttendance => rng.chance(0.06)
    ? { memberId: member.id, personName: null, status: 'absent', reason: 'business', reasonText: rng.pick(ABSENCE_TEXT.business) }
    : { memberId: member.id, personName: null, status: 'present', reason: null, reasonText: null });
  if (attendance.filter((a) => a.status === 'present').length * 2 <= attendance.length) attendance.forEach((a) => Object.assign(a, { status: 'present', reason: null, reasonText: null }));
  const { host, recorder } = b.hostAndRecorder(org, date, []);
  const items = rng.sample(COMMITTEE_ITEMS, 2);
  const { exp, pres } = counts(attendance);
  b.push(org, 'committeeMeeting', date, {
    topic: `${Number(date.slice(5, 7))}月支委会：${items[0]}`,
    host, recorder,
    minutes: `支委会由${host}主持，应到支委${exp}人，实到${pres}人${exp > pres ? `（${attendance.filter((a) => a.status === 'absent').map((a) => b.member(a.memberId!)!.name).join('、')}因公请假）` : ''}。会议${items[0]}，并${items[1]!.replace('研究', '研究了')}。与会支委逐项讨论，形成一致意见，${host}对下阶段工作作了分工安排。`,
    decisions: `1. ${items[0]!.replace('研究', '')}按讨论意见落实；2. ${items[1]!.replace('研究', '')}由${recorder ?? '组织委员'}牵头推进。`,
    attendance,
  });
}

function themeDay(b: Builder, org: DemoOrg, date: string, month: number): void {
  const rng = b.rng;
  const expected = b.roster(org, date);
  if (expected.length === 0) return;
  const theme = rng.pick(THEME_DAY_BY_MONTH[month]!);
  const attendance = b.attendance(expected, date);
  const { host, recorder } = b.hostAndRecorder(org, date, expected);
  const { exp, pres } = counts(attendance);
  const outdoor = [4, 7, 9].includes(month) && rng.chance(0.5);
  const s = study(rng, date);
  b.push(org, 'themeDay', date, {
    topic: `主题党日：${theme}`,
    place: outdoor ? rng.pick(OUTDOOR_PLACES) : org.place,
    host, recorder,
    minutes: `支部组织开展${quoted(theme)}主题党日活动，应到${exp}人，实到${pres}人${absenceText(attendance)}。活动包括重温入党誓词、围绕${quoted(s)}集中学习、交纳党费和${quoted(theme)}等环节。${speakers(b, attendance, 2, [host])}${rng.pick(SPEECH_VERBS)}。`,
    attendance,
  });
}

function groupMeeting(b: Builder, org: DemoOrg, group: DemoOrg, date: string): void {
  const rng = b.rng;
  const expected = b.roster(org, date).filter((m) => m.groupId === group.id);
  if (expected.length === 0) return;
  const attendance = b.attendance(expected, date);
  const leader = group.leaderId !== undefined ? b.member(group.leaderId) : undefined;
  const host = leader && expected.includes(leader) ? leader.name : expected[0]!.name;
  const recorder = expected.find((m) => m.name !== host)?.name ?? null;
  const { exp, pres } = counts(attendance);
  const s = study(rng, date);
  b.push(group, 'groupMeeting', date, {
    topic: `${Number(date.slice(5, 7))}月党小组会：${s}`,
    place: org.place,
    host, recorder,
    minutes: `党小组会由组长${host}主持，应到${exp}人，实到${pres}人${absenceText(attendance)}。小组成员围绕${quoted(s)}集中学习，${speakers(b, attendance, 2, [host])}${rng.pick(SPEECH_VERBS)}。会议还收集了党员对支部工作的意见建议。`,
    attendance,
  });
}

function remoteEducation(b: Builder, org: DemoOrg, date: string): void {
  const rng = b.rng;
  const expected = b.roster(org, date);
  if (expected.length === 0) return;
  const attendance = b.attendance(expected, date, 1.6);
  const { host, recorder } = b.hostAndRecorder(org, date, expected);
  const programme = rng.pick(REMOTE_PROGRAMMES);
  const { exp, pres } = counts(attendance);
  b.push(org, 'remoteEducation', date, {
    topic: `远程教育集中收看：${programme}`,
    host, recorder,
    minutes: `组织党员集中收看${programme}，应到${exp}人，实到${pres}人${absenceText(attendance)}。收看后，${speakers(b, attendance, 1, [host])}谈了体会，大家表示要学以致用。`,
    attendance,
  });
}

function branchAssembly(b: Builder, org: DemoOrg, date: string, special: string | null): void {
  const rng = b.rng;
  const expected = b.roster(org, date);
  if (expected.length === 0) return;
  const attendance = b.attendance(expected, date);
  for (const a of b.street.applicants) {
    if (a.orgId === org.id && a.activistOn && a.activistOn <= date && (a.admittedOn === null || a.admittedOn > date) && a.stage !== 'dropped' && rng.chance(0.6)) {
      attendance.push({ memberId: null, personName: `${a.name}（入党积极分子）`, status: 'observer', reason: null, reasonText: null });
    }
  }
  const { host, recorder } = b.hostAndRecorder(org, date, expected);
  const { exp, pres } = counts(attendance);
  const s = study(rng, date);
  const business = special ?? rng.pick(ASSEMBLY_BUSINESS);
  const quarter = ['一', '二', '三', '四'][Math.ceil(Number(date.slice(5, 7)) / 3) - 1];
  b.push(org, 'branchAssembly', date, {
    topic: special ? `支部党员大会：${special}` : `第${quarter}季度党员大会：${s}`,
    host, recorder,
    minutes: `会议由${host}主持，应到${exp}人，实到${pres}人${absenceText(attendance)}，符合规定人数。${special ? `会议${special}，经无记名投票表决，赞成票超过应到会有表决权党员的半数，决议通过。` : `会议围绕${quoted(s)}开展集中学习；${speakers(b, attendance, 2, [host])}${rng.pick(SPEECH_VERBS)}。会议还${business}。`}会议要求全体党员${rng.pick(REQUIREMENTS)}。`,
    decisions: special ? `${special.replace('讨论', '同意')}，报上级党组织审批。` : `${business}，按计划推进下阶段工作。`,
    attendance,
  });
}

function partyLesson(b: Builder, org: DemoOrg, date: string): void {
  const rng = b.rng;
  const expected = b.roster(org, date);
  if (expected.length === 0) return;
  const attendance = b.attendance(expected, date);
  const { host, recorder } = b.hostAndRecorder(org, date, expected);
  const title = rng.pick(PARTY_LESSONS);
  const lecturer = rng.chance(0.65) ? host : rng.pick(['街道党校陈老师', '区委党校王老师', '街道党工委委员', '结对共建单位书记', '老党员宣讲团成员']);
  const { exp, pres } = counts(attendance);
  b.push(org, 'partyLesson', date, {
    topic: `党课：${title}`,
    host, recorder, lecturer,
    minutes: `${lecturer}以${quoted(title)}为题讲授专题党课，应到${exp}人，实到${pres}人${absenceText(attendance)}。党课结合${quoted(study(rng, date))}，联系支部和党员实际，讲历史、讲案例、讲要求。课后，${speakers(b, attendance, 2, [host])}${rng.pick(SPEECH_VERBS)}。`,
    attendance,
  });
}

function lifeMeeting(b: Builder, org: DemoOrg, date: string, year: number): void {
  const rng = b.rng;
  const expected = b.roster(org, date);
  if (expected.length === 0) return;
  const attendance = b.attendance(expected, date, 0.7);
  const streetSeat = rng.pick(['街道党工委组织委员', '街道党建办负责人', '街道党工委委员']);
  attendance.push({ memberId: null, personName: `${streetSeat}（到会指导）`, status: 'observer', reason: null, reasonText: null });
  const { host, recorder } = b.hostAndRecorder(org, date, expected);
  const { exp, pres } = counts(attendance);
  const theme = LIFE_MEETING_THEMES[year] ?? '对照党章党规，开展批评和自我批评';
  b.push(org, 'lifeMeeting', date, {
    topic: `${year}年度组织生活会`,
    host, recorder,
    minutes: `${year}年度组织生活会由${host}主持，${streetSeat}到会指导。会议${theme}。会前支部开展了集中学习、谈心谈话并广泛征求意见。会上，${host}代表支委会作对照检查，党员逐一发言，开展批评和自我批评。应到${exp}人，实到${pres}人${absenceText(attendance)}。`,
    decisions: '对征求到的意见建议和查摆出的问题建立整改清单，明确责任人和完成时限。',
    attendance,
  });
}

/** 民主评议党员: the meeting and each member's grade; 优秀 ≤ 1/3 of the graded, 预备党员 take part ungraded. */
function memberAppraisal(b: Builder, org: DemoOrg, date: string, year: number): void {
  const rng = b.rng;
  if (date > b.today) return;
  const expected = b.roster(org, date);
  if (expected.length === 0) return;
  const attendance = b.attendance(expected, date, 0.7);
  const graded = expected.filter((m) => !isProbationaryOn(m, date));
  const seatIds = new Set(b.seats(org, date).map((s) => s.member.id));
  const ranked = rng.shuffle([...graded]).sort((x, y) => merit(x, seatIds) - merit(y, seatIds));
  const maxExcellent = Math.floor(graded.length / 3);
  const excellent = new Set(ranked.slice(0, Math.min(maxExcellent, Math.round(graded.length * (0.18 + rng.next() * 0.12)))));
  let n = { excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0, ungraded: 0 };
  for (const m of expected) {
    // One appraisal per member and year: someone who moved branch after being appraised is not appraised again.
    if (m.appraisals.some((a) => a.year === year)) continue;
    let grade: 'excellent' | 'qualified' | 'basicallyQualified' | 'unqualified' | null;
    let note: string | null = null;
    if (isProbationaryOn(m, date)) {
      grade = null;
      note = '预备党员参加评议，不评定等次';
    } else if (m.lostContactSince !== null && m.lostContactSince <= date.slice(0, 7)) {
      grade = 'unqualified';
      note = '长期失去联系，不参加组织生活';
    } else if (excellent.has(m)) grade = 'excellent';
    else if (m.absence > 0.5 && rng.chance(0.3)) {
      grade = 'basicallyQualified';
      note = '外出期间参加组织生活较少';
    } else grade = 'qualified';
    n = { ...n, [grade ?? 'ungraded']: n[grade ?? 'ungraded'] + 1 };
    m.appraisals.push({ year, orgId: org.id, grade, date, note });
  }
  const { host, recorder } = b.hostAndRecorder(org, date, expected);
  const { exp, pres } = counts(attendance);
  const tail = [n.basicallyQualified ? `基本合格${n.basicallyQualified}人` : '', n.unqualified ? `不合格${n.unqualified}人` : ''].filter(Boolean).join('，');
  b.push(org, 'memberAppraisal', date, {
    topic: `${year}年度民主评议党员`,
    host, recorder,
    minutes: `支部召开民主评议党员大会，应到${exp}人，实到${pres}人${absenceText(attendance)}。党员逐一进行个人自评，开展党员互评和群众测评，支委会综合测评情况提出等次建议，经党员大会确定：优秀${n.excellent}人，合格${n.qualified}人${tail ? `，${tail}` : ''}${n.ungraded ? `；预备党员${n.ungraded}人参加评议，不评定等次` : ''}。`,
    decisions: `评议结果在支部公示，报${b.street.committee.name}备案。`,
    attendance,
  });
}

function merit(m: DemoMember, seats: Set<number>): number {
  return (seats.has(m.id) ? -0.3 : 0) + m.absence + (m.situation === 'mobileOut' ? 1 : 0) + (m.posts.length ? -0.05 : 0);
}

/**
 * 谈心谈话: the secretary or a committee member talks with a few members at a time, so that
 * everyone on the roster at the year's end was talked with (except in the branches planned short).
 */
function heartTalks(b: Builder, org: DemoOrg, year: number, coverage: number): void {
  const rng = b.rng;
  const from = maxDate(ymd(year, 1, 8), maxDate(org.foundedOn, ACTIVITIES_FROM));
  const end = minDate(ymd(year, 12, 31), b.today);
  if (from > end) return;
  // The current year is not over: about two in three have had their talk so far.
  const share = end < ymd(year, 12, 31) ? Math.min(coverage, 0.65) : coverage;
  const roster = rng.shuffle(b.roster(org, end));
  const talked = roster.slice(0, Math.round(roster.length * share));
  const sinceOf = (m: DemoMember) => m.spans.find((s) => s.orgId === org.id && s.from <= end && (s.to === null || s.to > end))?.from ?? from;
  talked.sort((x, y) => (sinceOf(x) < sinceOf(y) ? -1 : 1));
  for (let i = 0; i < talked.length;) {
    const chunk = talked.slice(i, i + rng.int(3, 6));
    i += chunk.length;
    const date = randomDate(rng, maxDate(from, chunk.map(sinceOf).reduce(maxDate)), minDate(ymd(year, 12, 24), end));
    // A committee member talks with others; members of the committee are talked with by a colleague.
    const seats = b.seats(org, date).filter((x) => !chunk.includes(x.member));
    const talker = seats.length ? rng.pick(seats).member.name : b.hostAndRecorder(org, date, chunk).host;
    const topic = rng.pick(HEART_TALK_TOPICS);
    b.push(org, 'heartTalk', date, {
      topic: `谈心谈话：${topic}`,
      host: talker, recorder: talker,
      minutes: `${talker}分别与${chunk.map((m) => m.name).join('、')}同志谈心谈话，${topic}。谈话对象谈了近期思想、工作和生活情况，对支部工作提出了意见建议，${talker}逐一作了回应并做好记录。`,
      attendance: chunk.map((m) => ({ memberId: m.id, personName: null, status: 'present', reason: null, reasonText: null })),
    });
  }
}

/** 志愿服务, 走访, 帮扶, 党建联席会: no fixed frequency; community branches do the most. */
function serviceActivities(b: Builder, org: DemoOrg, year: number): void {
  const rng = b.rng;
  const community = org.category === 'community';
  const plan: [string, readonly string[], number][] = [
    ['volunteer', VOLUNTEER, community ? rng.int(5, 8) : rng.int(2, 4)],
    ['visit', VISITS, community ? rng.int(3, 5) : rng.int(0, 2)],
    ['assistance', ASSISTANCE, community ? rng.int(2, 3) : rng.int(0, 1)],
    ['jointMeeting', JOINT_MEETING, org.partners.length ? rng.int(3, 5) : rng.int(0, 1)],
  ];
  for (const [type, topics, count] of plan) {
    for (let i = 0; i < count; i++) {
      const date = dayIn(b, org, year, rng.int(1, 12), 1, 28);
      const roster = b.roster(org, date);
      if (roster.length === 0) continue;
      const topic = rng.pick(topics);
      const { host, recorder } = b.hostAndRecorder(org, date, roster);
      const who = rng.sample(roster.filter((m) => m.situation !== 'mobileOut' && m.lostContactSince === null), Math.max(2, Math.round(roster.length * (0.15 + rng.next() * 0.3))));
      const attendance: DemoAttendance[] = who.map((m) => ({ memberId: m.id, personName: null, status: 'present', reason: null, reasonText: null }));
      let minutes: string;
      if (type === 'jointMeeting') {
        const partners = org.partners.length ? org.partners : [];
        for (const p of partners) attendance.push({ memberId: null, personName: `${p.contact.replace(/（.*）/, '')}（${p.name}）`, status: 'observer', reason: null, reasonText: null });
        minutes = `${host}主持召开党建联席会，${partners.map((p) => p.name).join('、') || '辖区单位党组织'}负责人参加。会议围绕${quoted(topic)}进行研究，交流了共建项目进展，确定了下阶段共建事项和责任分工。`;
      } else {
        minutes = `${host}带领${who.length}名党员开展${quoted(topic)}活动。${type === 'volunteer' ? '党员佩戴党徽、亮明身份，' : ''}${type === 'visit' ? '共走访' + rng.int(8, 30) + '户，收集意见建议' + rng.int(2, 9) + '条，' : ''}${type === 'assistance' ? '为帮扶对象解决实际困难' + rng.int(1, 4) + '件，' : ''}活动结束后进行了小结。`;
      }
      b.push(org, type, date, {
        topic: `${{ volunteer: '志愿服务', visit: '走千家', assistance: '帮扶', jointMeeting: '党建联席会' }[type]}：${topic}`,
        place: type === 'jointMeeting' || rng.chance(0.3) ? org.place : outdoorPlace(rng, org),
        host, recorder, minutes, attendance,
      });
    }
  }
}

/** Where volunteers and visitors went: the community's estates, or the unit's own ground. */
function outdoorPlace(rng: Rng, org: DemoOrg): string {
  const community = COMMUNITIES.find((c) => c.key === org.plan?.community);
  if (community) return `${rng.pick(community.estates)}小区`;
  return org.address ?? org.place;
}

/** The branch meetings that admitted new members and confirmed probationary ones, on those very days. */
function admissionAssemblies(b: Builder, org: DemoOrg, start: string, gapQuarters: readonly string[]): void {
  const byDate = new Map<string, string[]>();
  for (const m of b.street.members) {
    const first = m.spans.find((s) => s.orgId === org.id);
    if (!first) continue;
    if (m.joinedAt === null && m.joinedOn >= start && m.spans[0]!.orgId === org.id) {
      (byDate.get(m.joinedOn) ?? byDate.set(m.joinedOn, []).get(m.joinedOn)!).push(`讨论接收${m.name}同志为预备党员`);
    }
    if (m.confirmedOn && m.confirmedOn >= start && activeIn(m, org.id, m.confirmedOn)) {
      (byDate.get(m.confirmedOn) ?? byDate.set(m.confirmedOn, []).get(m.confirmedOn)!).push(`讨论${m.name}同志预备党员转正`);
    }
  }
  for (const [date, items] of byDate) {
    if (gapQuarters.includes(quarterOf(date)) || date > b.today) continue;
    branchAssembly(b, org, date, items.join('；'));
  }
}

/** 社区党委/党总支 hold the area's 党建联席会 with their partner units each quarter. */
function committeeJointMeetings(b: Builder, org: DemoOrg): void {
  const rng = b.rng;
  const children = b.street.orgs.filter((o) => o.parentId === org.id);
  const lastYear = Number(b.today.slice(0, 4));
  for (let y = 2024; y <= lastYear; y++) {
    for (let q = 1; q <= 4; q++) {
      const date = dayIn(b, org, y, q * 3 - rng.int(0, 2), 5, 25);
      const seats = (b.term(org, date)?.roles ?? []).map((r) => (r.memberId !== null ? b.member(r.memberId) : undefined))
        .filter((m): m is DemoMember => m !== undefined && children.some((c) => activeIn(m, c.id, date)));
      if (seats.length === 0) continue;
      const attendance: DemoAttendance[] = seats.map((m) => ({ memberId: m.id, personName: null, status: 'present', reason: null, reasonText: null }));
      for (const p of org.partners) attendance.push({ memberId: null, personName: `${p.contact.replace(/（.*）/, '')}（${p.name}）`, status: 'observer', reason: null, reasonText: null });
      const topic = rng.pick(JOINT_MEETING);
      b.push(org, 'jointMeeting', date, {
        topic: `${q}季度党建联席会：${topic}`,
        host: seats[0]!.name, recorder: seats[2]?.name ?? seats[1]?.name ?? null,
        minutes: `${seats[0]!.name}主持召开${org.shortName}党建联席会，${org.partners.map((p) => p.name).join('、')}负责人参加。会议围绕${quoted(topic)}，通报了上季度共建项目完成情况，梳理了居民需求清单和单位资源清单，商定了下季度共建项目。`,
        decisions: '共建项目清单经会议确定后在社区公示。',
        attendance,
      });
    }
  }
}
