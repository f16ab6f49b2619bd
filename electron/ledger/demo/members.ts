// The members of the demo street and their history: when they joined, which branch they were in
// when (spans), transfers, standing changes, mobile members, resident registrations, posts and
// household links. Everything is decided here, in memory; ./write puts it in the ledger.
import { SEED_POSTS } from '../../../shared/domain/member';
import type { Rng } from './random';
import type { PersonFactory } from './people';
import type { DemoMember, DemoOrg, DemoSpan, DemoResident } from './model';
import { SITUATIONS_BY_PROFILE, SITUATION_SPECS, POST_DETAILS, skillFor, type Situation } from './work';
import {
  COMMUNITIES, MOBILE_DESTINATIONS, MOBILE_HOMES, OUTSIDE_ORGS, STREET, address, mobilePhone, outsideAddress,
} from './places';
import { addDays, addMonths, addYears, maxDate, minDate, randomDate, ymd } from './dates';

type Ctx = {
  rng: Rng;
  people: PersonFactory;
  orgs: DemoOrg[];
  today: string;
  nextId: number;
  members: DemoMember[];
};

const NO_PROBATION: ReadonlySet<Situation> = new Set(['retired', 'mobileOut', 'mobileIn', 'noPost', 'agencyCadre']);

/** The seed posts as migration 006 writes them into the new (empty) ledger: ids 1–10 in SEED_POSTS order. */
export const DEMO_POSTS = SEED_POSTS.map((name, i) => ({ id: i + 1, name, duty: POST_DETAILS[name]!.duty }));

export function buildMembers(rng: Rng, people: PersonFactory, orgs: DemoOrg[], today: string): DemoMember[] {
  const ctx: Ctx = { rng, people, orgs, today, nextId: 1, members: [] };
  const branches = orgs.filter((o) => o.plan?.profile);
  for (const org of branches) {
    for (let i = 0; i < org.plan!.size!; i++) {
      ctx.members.push(makeMember(ctx, org, rng.weighted(SITUATIONS_BY_PROFILE[org.plan!.profile!])));
    }
  }
  ensureProbationEndingSoon(ctx);
  assignGroups(ctx, branches);
  recentTransfersIn(ctx, branches);
  transfersOut(ctx, branches);
  internalTransfers(ctx);
  standingChanges(ctx);
  mobileRecords(ctx);
  residentRegistrations(ctx);
  posts(ctx);
  households(ctx);
  missingFields(ctx);
  people.applyRareNames(ctx.members.filter((m) => !transferredOut(m)));
  return ctx.members;
}

export function transferredOut(m: DemoMember): boolean {
  return m.spans[m.spans.length - 1]!.end === 'transferOut';
}

function year(iso: string): number {
  return Number(iso.slice(0, 4));
}

function makeMember(ctx: Ctx, org: DemoOrg, situation: Situation): DemoMember {
  const { rng, today } = ctx;
  const spec = SITUATION_SPECS[situation];
  const ty = year(today);
  const home = situation === 'mobileIn' ? rng.pick(MOBILE_HOMES) : undefined;
  const person = ctx.people.make({
    fromYear: ty - spec.age[1],
    toYear: ty - spec.age[0],
    femaleShare: spec.femaleShare,
    localBias: situation === 'retired' ? 0.45 : org.category === 'community' ? 0.2 : 0,
    regionCode: home?.code,
  });
  const age = ty - year(person.birthDate);
  const probationary = !NO_PROBATION.has(situation) && age <= 45 && rng.chance(0.17);

  let joinedOn: string;
  if (probationary) {
    joinedOn = addDays(today, -rng.int(25, 355));
  } else {
    const latest = addDays(today, -400);
    joinedOn = addDays(addYears(person.birthDate, rng.int(spec.joinAge[0], spec.joinAge[1])), rng.int(0, 300));
    if (joinedOn > latest) joinedOn = randomDate(rng, addDays(addYears(person.birthDate, 18), 30), latest);
  }
  const confirmedOn = probationary ? null : addYears(joinedOn, 1);

  const community = COMMUNITIES.find((c) => c.key === org.plan?.community)
    ?? (rng.chance(situation === 'gigWorker' || situation === 'mobileIn' ? 0.5 : 0.72) ? rng.pick(COMMUNITIES) : undefined);
  const formerOrg = rng.pick(OUTSIDE_ORGS.formerEmployers);
  const employer = spec.employer(rng, { community: community?.name ?? '', formerOrg });

  const span = firstSpan(ctx, org, situation, person.birthDate, person.gender, joinedOn, probationary, formerOrg);
  let joinedAt: string | null = null;
  if (span.start !== 'joined') joinedAt = joinedAtFor(rng, situation, joinedOn, person.birthDate, home?.homeOrg, span.otherOrgIn);

  const m: DemoMember = {
    id: ctx.nextId++,
    idNumber: person.idNumber,
    name: person.name,
    gender: person.gender,
    ethnicity: person.ethnicity,
    birthDate: person.birthDate,
    nativePlace: person.nativePlace,
    education: rng.weighted(spec.education),
    kind: probationary ? 'probationary' : 'full',
    joinedOn,
    confirmedOn,
    joinedAt,
    employer,
    job: spec.job,
    phone: mobilePhone(rng),
    address: community ? address(community, rng) + (situation === 'mobileIn' ? '（租住）' : '') : outsideAddress(rng),
    livesIn: community?.key ?? null,
    standing: 'normal',
    standingReason: null,
    standingSince: null,
    categories: [...spec.categories],
    skills: situation === 'unemployed' || (situation === 'noPost' && rng.chance(0.5)) ? skillFor(rng) : null,
    lostContactSince: null,
    note: null,
    situation,
    groupId: null,
    spans: [span],
    mobile: [],
    residents: [],
    posts: [],
    households: [],
    appraisals: [],
    absence: 0,
    absenceReason: 'other',
  };
  setAbsence(rng, m, age);
  return m;
}

/** The member's first span in the street and why it starts when it does. */
function firstSpan(ctx: Ctx, org: DemoOrg, situation: Situation, birth: string, gender: '男' | '女', joinedOn: string, probationary: boolean, formerOrg: string): DemoSpan {
  const { rng, today } = ctx;
  const founded = org.foundedOn;
  const base = { orgId: org.id, to: null } as const;
  const latest = addDays(today, -30);
  if (probationary) return { ...base, from: maxDate(joinedOn, founded), start: 'joined' };
  if (situation === 'mobileIn') {
    return { ...base, from: randomDate(rng, maxDate(maxDate(founded, '2019-03-01'), addYears(joinedOn, 1)), addDays(today, -60)), start: 'mobileIn' };
  }
  if (situation === 'retired') {
    const retire = addDays(addYears(birth, gender === '男' ? 60 : rng.chance(0.6) ? 50 : 55), rng.int(20, 200));
    if (joinedOn < retire && retire > founded && retire <= latest) return { ...base, from: retire, start: 'transferIn', otherOrgIn: formerOrg };
  }
  const joinAge = year(joinedOn) - year(birth);
  if (joinAge <= 22 && situation !== 'retired') {
    // Joined at university: the membership followed them here after graduation.
    const graduated = addDays(addYears(birth, rng.int(22, 23)), rng.int(150, 260));
    const from = minDate(maxDate(graduated, addYears(joinedOn, 1)), latest);
    if (from > founded) return { ...base, from, start: 'transferIn', otherOrgIn: rng.pick(OUTSIDE_ORGS.universities) };
  }
  if (joinedOn >= founded) return { ...base, from: joinedOn, start: 'joined' };
  if (rng.chance(0.25)) {
    const earliest = maxDate(founded, addYears(joinedOn, 1));
    const last = minDate('2023-12-31', latest);
    if (earliest < last) return { ...base, from: randomDate(rng, earliest, last), start: 'transferIn', otherOrgIn: rng.pick(OUTSIDE_ORGS.elsewhere) };
  }
  return { ...base, from: founded, start: 'founding' };
}

/** Where a member who came from outside joined the Party. */
function joinedAtFor(rng: Rng, situation: Situation, joinedOn: string, birth: string, homeOrg: string | undefined, otherOrgIn: string | undefined): string {
  if (homeOrg) return homeOrg;
  if (year(joinedOn) - year(birth) <= 22 && situation !== 'retired') return otherOrgIn ?? rng.pick(OUTSIDE_ORGS.universities);
  return otherOrgIn ?? rng.pick(situation === 'retired' ? OUTSIDE_ORGS.formerEmployers : OUTSIDE_ORGS.elsewhere);
}

function setAbsence(rng: Rng, m: DemoMember, age: number): void {
  const jitter = 0.5 + rng.next();
  if (m.situation === 'mobileOut') {
    m.absence = 0.85;
    m.absenceReason = 'away';
  } else if (m.situation === 'retired') {
    m.absence = (age >= 82 ? 0.22 : 0.07) * jitter;
    m.absenceReason = 'sick';
  } else if (m.situation === 'agencyCadre' || m.situation === 'gigWorker' || m.situation === 'mobileIn') {
    m.absence = 0.13 * jitter;
    m.absenceReason = 'business';
  } else if (m.categories.includes('employed')) {
    m.absence = 0.07 * jitter;
    m.absenceReason = 'business';
  } else {
    m.absence = 0.06 * jitter;
    m.absenceReason = 'other';
  }
}

function byOrg(ctx: Ctx, orgId: number): DemoMember[] {
  return ctx.members.filter((m) => m.spans.some((s) => s.orgId === orgId));
}

function activeMembers(ctx: Ctx): DemoMember[] {
  return ctx.members.filter((m) => !transferredOut(m) && m.standing === 'normal');
}

/** A few probationary members whose year ends within the next weeks (转正 is due). */
function ensureProbationEndingSoon(ctx: Ctx): void {
  const { rng, today } = ctx;
  const probationary = ctx.members.filter((m) => m.kind === 'probationary');
  for (const m of rng.sample(probationary, 3)) {
    m.joinedOn = addDays(today, -365 + rng.int(5, 40));
    m.spans[0]!.from = maxDate(m.joinedOn, ctx.orgs.find((o) => o.id === m.spans[0]!.orgId)!.foundedOn);
  }
}

/** 党小组: members of a branch spread over its groups (spans carry the group). */
function assignGroups(ctx: Ctx, branches: DemoOrg[]): void {
  for (const org of branches) {
    if (org.groups.length === 0) continue;
    const ms = ctx.rng.shuffle(byOrg(ctx, org.id));
    ms.forEach((m, i) => {
      m.groupId = org.groups[i % org.groups.length]!.id;
    });
  }
}

/** Transfers into the street within the last two years. */
function recentTransfersIn(ctx: Ctx, branches: DemoOrg[]): void {
  const { rng, today } = ctx;
  const candidates = ctx.members.filter((m) => m.kind === 'full' && ['employedLocal', 'agencyStaff', 'teacher', 'doctor', 'nurse', 'engineer', 'socialWorker', 'communityWorker', 'privateOwner', 'graduate'].includes(m.situation)
    && branches.some((b) => b.id === m.spans[0]!.orgId && b.foundedOn < '2024-01-01'));
  for (const m of rng.sample(candidates, 15)) {
    const s = m.spans[0]!;
    const from = randomDate(rng, maxDate(addDays(today, -700), addYears(m.joinedOn, 1)), addDays(today, -20));
    if (from <= s.from && s.start === 'transferIn') continue;
    s.from = from;
    s.start = 'transferIn';
    s.otherOrgIn = m.situation === 'graduate' ? rng.pick(OUTSIDE_ORGS.universities) : rng.pick(OUTSIDE_ORGS.elsewhere);
    if (m.spans[0]!.from < m.joinedOn) s.from = m.joinedOn;
    m.joinedAt ??= s.otherOrgIn;
  }
}

/** Members who moved their membership out of the street in the last two years (kept, never deleted). */
function transfersOut(ctx: Ctx, branches: DemoOrg[]): void {
  const { rng, today } = ctx;
  const olderBranches = branches.filter((b) => b.foundedOn < '2024-01-01');
  for (let i = 0; i < 12; i++) {
    const org = rng.pick(olderBranches);
    const situation = rng.weighted(SITUATIONS_BY_PROFILE[org.plan!.profile!].filter(([s]) => s !== 'mobileIn' && s !== 'mobileOut'));
    const m = makeMember(ctx, org, situation === 'retired' && rng.chance(0.5) ? 'employedLocal' : situation);
    m.kind = 'full';
    if (!m.confirmedOn) {
      m.joinedOn = addYears(m.joinedOn, -2);
      m.confirmedOn = addYears(m.joinedOn, 1);
    }
    const span = m.spans[0]!;
    if (span.from >= addDays(today, -60)) span.from = addDays(today, -800);
    const out = randomDate(rng, maxDate(addDays(today, -700), addDays(span.from, 30)), addDays(today, -10));
    span.to = out;
    span.end = 'transferOut';
    span.otherOrgOut = rng.pick(OUTSIDE_ORGS.elsewhere);
    ctx.members.push(m);
  }
}

/**
 * Moves inside the street: members of the 社区服务中心 and the 商贸城 who formed the 新就业群体
 * branch when it was founded, and two members who moved house between communities.
 */
function internalTransfers(ctx: Ctx): void {
  const { rng, today } = ctx;
  const gig = ctx.orgs.find((o) => o.key === 'gig');
  const service = ctx.orgs.find((o) => o.key === 'service');
  if (gig && service) {
    const founders = byOrg(ctx, gig.id).filter((m) => m.situation === 'gigWorker' && m.kind === 'full').slice(0, 4);
    for (const m of founders) {
      const s = m.spans[0]!;
      const earlier = maxDate(addYears(m.joinedOn, 1), '2019-06-01');
      const from = earlier < gig.foundedOn ? randomDate(rng, earlier, addDays(gig.foundedOn, -120)) : gig.foundedOn;
      if (from >= gig.foundedOn) continue;
      m.spans = [
        { orgId: service.id, from, to: gig.foundedOn, start: 'joined', end: 'transferInternal' },
        { ...s, from: gig.foundedOn, start: 'transferInternal' },
      ];
      m.spans[0]!.start = m.joinedOn >= from ? 'joined' : 'transferIn';
      if (m.spans[0]!.start === 'transferIn') m.spans[0]!.otherOrgIn = rng.pick(OUTSIDE_ORGS.elsewhere);
      if (m.spans[0]!.start === 'joined') m.spans[0]!.from = m.joinedOn;
    }
    // Others in the new branch came in from outside when it opened.
    for (const m of byOrg(ctx, gig.id)) {
      const s = m.spans[m.spans.length - 1]!;
      if (s.start === 'transferInternal' || s.start === 'mobileIn') continue;
      s.from = maxDate(s.from, randomDate(rng, gig.foundedOn, minDate(addDays(gig.foundedOn, 150), today)));
      if (s.start !== 'joined' || m.joinedOn < gig.foundedOn) {
        s.start = 'transferIn';
        s.otherOrgIn ??= rng.pick(OUTSIDE_ORGS.elsewhere);
      }
    }
  }
  const wj1 = ctx.orgs.find((o) => o.key === 'wj1');
  const jh1 = ctx.orgs.find((o) => o.key === 'jh1');
  if (wj1 && jh1) {
    const movers = byOrg(ctx, wj1.id).filter((m) => m.situation === 'employedLocal' && m.kind === 'full' && m.spans[0]!.from < '2024-06-01').slice(0, 2);
    for (const m of movers) {
      const date = randomDate(rng, '2024-09-01', minDate('2025-10-31', addDays(today, -30)));
      const s = m.spans[0]!;
      s.to = date;
      s.end = 'transferInternal';
      m.spans.push({ orgId: jh1.id, from: date, to: null, start: 'transferInternal' });
      m.groupId = jh1.groups.length ? rng.pick(jh1.groups).id : null;
      const jinhua = COMMUNITIES.find((c) => c.key === 'jinhua')!;
      m.address = address(jinhua, rng);
      m.livesIn = jinhua.key;
    }
  }
}

/** A few deaths among the oldest, and one member whose standing was stopped after losing contact. */
function standingChanges(ctx: Ctx): void {
  const { rng, today } = ctx;
  const oldest = activeMembers(ctx).filter((m) => m.situation === 'retired' && year(today) - year(m.birthDate) >= 82 && m.spans[0]!.from < '2023-06-01');
  for (const m of rng.sample(oldest, 3)) {
    m.standing = 'deceased';
    m.standingSince = randomDate(rng, '2024-02-01', addDays(today, -20));
    m.spans[m.spans.length - 1]!.to = m.standingSince;
    m.groupId = null;
    m.note = '因病去世';
  }
  const away = activeMembers(ctx).filter((m) => m.situation === 'mobileOut' && m.kind === 'full' && m.spans[0]!.from < '2023-01-01');
  const [lost, drifting] = rng.sample(away, 2);
  if (lost && today > '2025-04-01') {
    lost.lostContactSince = '2024-06';
    lost.standing = 'suspended';
    lost.standingSince = '2025-03-20';
    lost.standingReason = '失去联系超过六个月';
    lost.note = '2024年6月起失去联系，经支部党员大会讨论停止党籍';
    lost.absence = 1;
  }
  if (drifting) {
    drifting.lostContactSince = addMonths(today, -4).slice(0, 7);
    drifting.note = '近期联系不上，支部正在查找';
  }
}

function cardNumber(rng: Rng, from: string, direction: 'out' | 'in'): string {
  return `${direction === 'out' ? STREET.localRegion : '33010800'}${from.slice(0, 4)}${String(rng.int(1, 9999)).padStart(4, '0')}`;
}

/** 流动党员: out (working elsewhere, still in their branch) and in (working here, membership elsewhere). */
function mobileRecords(ctx: Ctx): void {
  const { rng, today } = ctx;
  for (const m of ctx.members) {
    if (m.situation === 'mobileOut') {
      const dest = rng.pick(MOBILE_DESTINATIONS);
      const from = maxDate(randomDate(rng, '2016-03-01', addDays(today, -90)), m.confirmedOn ?? m.joinedOn);
      const retired = m.categories.includes('retired');
      m.mobile.push({ direction: 'out', place: dest.place, unit: retired ? '随子女居住' : rng.pick(dest.units), cardNumber: cardNumber(rng, from, 'out'),
        contactPhone: m.phone, homeOrg: null, from, to: null });
      m.employer = retired ? m.employer : `${rng.pick(dest.units)} 职工`;
    } else if (m.situation === 'mobileIn') {
      const home = MOBILE_HOMES.find((h) => m.idNumber.startsWith(h.code));
      const s = m.spans[0]!;
      m.mobile.push({ direction: 'in', place: home?.place ?? '安徽省阜阳市', unit: m.employer, cardNumber: cardNumber(rng, s.from, 'in'),
        contactPhone: m.phone, homeOrg: home?.homeOrg ?? null, from: s.from, to: null });
    }
  }
  // Two came back home: the record ends and they are no longer mobile.
  const returning = ctx.members.filter((m) => m.situation === 'mobileOut' && m.standing === 'normal' && m.lostContactSince === null && m.mobile[0]!.from < '2024-01-01');
  for (const m of rng.sample(returning, 2)) {
    m.mobile[0]!.to = randomDate(rng, '2024-06-01', addDays(today, -30));
    m.categories = m.categories.filter((c) => c !== 'mobile');
    m.employer = rng.pick(['锦澜物业服务有限公司 维修工', '恒丰汽修厂 技师', '安居家政服务有限公司 司机']);
    m.absence = 0.08;
    m.absenceReason = 'business';
  }
}

const SERVICE_INTENTS = ['参加社区志愿服务，认领政策宣传岗', '周末参加小区环境整治', '为居民提供法律咨询', '参加平安巡逻', '结对帮扶一户困难家庭',
  '参与垃圾分类督导', '为社区青少年辅导功课', '义诊和健康咨询', '协助社区开展反诈宣传'];

/** 在职党员报到: members employed at the street's units who live in a community report there. */
function residentRegistrations(ctx: Ctx): void {
  const { rng, today } = ctx;
  const communityOrg = new Map(COMMUNITIES.map((c) => [c.key, ctx.orgs.find((o) => o.plan?.community === c.key && (o.type === 'partyCommittee' || o.type === 'generalBranch'))]));
  const employedHere: readonly Situation[] = ['agencyStaff', 'agencyCadre', 'doctor', 'nurse', 'teacher', 'utilityWorker', 'engineer'];
  let regId = 1;
  for (const m of activeMembers(ctx)) {
    if (!employedHere.includes(m.situation) || !m.livesIn) continue;
    const community = communityOrg.get(m.livesIn);
    if (!community) continue;
    const unitOrg = ctx.orgs.find((o) => o.id === m.spans[m.spans.length - 1]!.orgId)!.name;
    const since = m.spans[m.spans.length - 1]!.from;
    const cadre = m.categories.includes('cadre');
    if (cadre) {
      // 副科级以上党员干部 register every year and the community reports back each quarter.
      for (let y = Math.max(2024, year(since) + 1); y <= year(today); y++) {
        const registered = ymd(y, 3, rng.int(1, 20));
        if (registered > today) break;
        const r: DemoResident = { id: regId++, communityOrgId: community.id, unitOrg, registeredOn: registered, endedOn: y < year(today) ? ymd(y, 12, 31) : null,
          isCadre: true, serviceIntent: rng.pick(SERVICE_INTENTS), feedback: [] };
        for (let q = 1; q <= 4; q++) {
          const sentOn = addDays(ymd(y, q * 3, 1), 30 + rng.int(5, 15));
          if (sentOn > today) break;
          const attended = rng.int(1, 4);
          const services = rng.pick(['认领并履行岗位职责', '参与小区环境整治', '参加平安巡逻', '走访联系户']);
          r.feedback.push({ period: `${y}-Q${q}`, sentOn, attended, services, hours: attended * 2, comment: `${m.name}同志本季度参加社区志愿服务${attended}次，${services}，表现${rng.pick(['良好', '较好', '积极'])}。` });
        }
        m.residents.push(r);
      }
    } else if (rng.chance(0.6)) {
      const registeredOn = randomDate(rng, maxDate(since, '2019-03-01'), addDays(today, -15));
      const ended = rng.chance(0.06) ? randomDate(rng, registeredOn, today) : null;
      m.residents.push({ id: regId++, communityOrgId: community.id, unitOrg, registeredOn, endedOn: ended === registeredOn ? null : ended,
        isCadre: false, serviceIntent: rng.pick(SERVICE_INTENTS), feedback: [] });
    }
  }
}

/** 设岗定责: a good share of community members hold a post; no-post members almost always. */
function posts(ctx: Ctx): void {
  const { rng, today } = ctx;
  for (const m of activeMembers(ctx)) {
    const s = m.spans[m.spans.length - 1]!;
    const org = ctx.orgs.find((o) => o.id === s.orgId)!;
    let p = 0;
    if (m.situation === 'noPost') p = 0.9;
    else if (m.situation === 'mobileOut') p = 0;
    else if (org.category === 'community') p = m.situation === 'retired' ? 0.55 : 0.45;
    else if (m.residents.length > 0) p = 0.6;
    else p = 0.12;
    if (!rng.chance(p)) continue;
    const n = rng.chance(0.15) ? 2 : 1;
    for (const post of rng.sample(DEMO_POSTS, n)) {
      const from = randomDate(rng, maxDate(s.from, '2020-03-01'), addDays(today, -10));
      const to = rng.chance(0.05) ? randomDate(rng, from, today) : null;
      m.posts.push({ postId: post.id, from, to: to === from ? null : to, pledge: rng.pick(POST_DETAILS[post.name]!.pledges) });
    }
  }
}

/** 党员联系户: community members each keep in touch with a few households. */
function households(ctx: Ctx): void {
  const { rng, today } = ctx;
  for (const m of activeMembers(ctx)) {
    const community = COMMUNITIES.find((c) => c.key === m.livesIn);
    const org = ctx.orgs.find((o) => o.id === m.spans[m.spans.length - 1]!.orgId)!;
    if (!community || org.category !== 'community' || m.situation === 'mobileOut') continue;
    if (!rng.chance(['retired', 'noPost', 'communityWorker'].includes(m.situation) ? 0.3 : 0.12)) continue;
    const since = randomDate(rng, maxDate(m.spans[m.spans.length - 1]!.from, '2021-01-01'), addDays(today, -20));
    for (let i = rng.int(2, 4); i > 0; i--) {
      m.households.push({ household: ctx.people.nameOnly(rng.chance(0.5) ? '男' : '女', rng.int(1940, 1990)), address: address(community, rng), phone: mobilePhone(rng), since });
    }
  }
}

/** A few rosters are never perfect: blanks the 'missing required fields' check should find. */
function missingFields(ctx: Ctx): void {
  const { rng } = ctx;
  const pool = rng.sample(activeMembers(ctx), 11);
  const blanks: ((m: DemoMember) => void)[] = [
    (m) => { m.phone = null; }, (m) => { m.phone = null; }, (m) => { m.phone = null; }, (m) => { m.phone = null; },
    (m) => { m.education = null; }, (m) => { m.education = null; }, (m) => { m.education = null; },
    (m) => { m.nativePlace = null; }, (m) => { m.nativePlace = null; },
    (m) => { m.address = null; m.livesIn = m.residents.length || m.posts.length || m.households.length ? m.livesIn : null; },
    (m) => { m.ethnicity = null; },
  ];
  pool.forEach((m, i) => blanks[i]!(m));
}
