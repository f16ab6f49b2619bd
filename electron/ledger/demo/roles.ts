// Who sits on each committee (班子) in each term, the 党小组组长, and the 党工委's own seats.
import type { CommitteeRole } from '../../../shared/domain/org';
import type { Rng } from './random';
import type { DemoMember, DemoOrg, DemoRole, DemoTerm } from './model';
import { activeIn } from './model';
import { addDays } from './dates';
import { COMMUNITIES } from './places';

const BIG_COMMITTEE: CommitteeRole[] = ['secretary', 'deputySecretary', 'organization', 'propaganda', 'discipline'];
const SMALL_COMMITTEE: CommitteeRole[] = ['secretary', 'organization', 'propaganda'];
const PARTY_COMMITTEE: CommitteeRole[] = ['secretary', 'deputySecretary', 'organization', 'propaganda', 'discipline', 'member', 'member'];

const STREET_SEATS: { role: CommitteeRole; title: string }[] = [
  { role: 'secretary', title: '锦澜街道党工委书记' },
  { role: 'deputySecretary', title: '锦澜街道党工委副书记、办事处主任' },
  { role: 'organization', title: '锦澜街道党工委委员、组织委员' },
  { role: 'propaganda', title: '锦澜街道党工委委员、宣传委员' },
  { role: 'discipline', title: '锦澜街道党工委委员、纪工委书记' },
];

function age(m: DemoMember, on: string): number {
  return Number(on.slice(0, 4)) - Number(m.birthDate.slice(0, 4));
}

/** Who can serve: full members in good standing on that day, not away, of a sensible age. */
function eligible(m: DemoMember, orgIds: number[], on: string, stillHereOn: string | null): boolean {
  if (m.confirmedOn === null || m.confirmedOn > on) return false;
  if (m.situation === 'mobileOut' || m.situation === 'mobileIn' || m.lostContactSince) return false;
  if (!orgIds.some((id) => activeIn(m, id, on))) return false;
  if (stillHereOn && !orgIds.some((id) => activeIn(m, id, stillHereOn))) return false;
  const a = age(m, on);
  return a >= 25 && a <= 72;
}

/** Prefer the people a branch would elect: community workers, cadres, then the younger retirees. */
function preference(m: DemoMember): number {
  switch (m.situation) {
    case 'communityWorker': return 0;
    case 'agencyCadre': return 1;
    case 'doctor': case 'teacher': case 'engineer': case 'utilityWorker': case 'agencyStaff': case 'socialWorker': case 'marketStaff': case 'gigWorker': return 2;
    case 'employedLocal': case 'privateOwner': case 'marketOwner': case 'graduate': return 3;
    case 'retired': return 4;
    default: return 5;
  }
}

function choose(rng: Rng, pool: DemoMember[], n: number, taken: Set<number>): DemoMember[] {
  const ranked = rng.shuffle(pool.filter((m) => !taken.has(m.id))).sort((a, b) => preference(a) - preference(b));
  const out = ranked.slice(0, n);
  out.forEach((m) => taken.add(m.id));
  return out;
}

function seat(role: CommitteeRole, m: DemoMember, term: DemoTerm): DemoRole {
  return { role, roleLabel: null, memberId: m.id, personName: m.name, fromDate: term.electedOn, toDate: term.endedOn };
}

export function assignRoles(rng: Rng, orgs: DemoOrg[], members: DemoMember[], today: string): void {
  for (const org of orgs) {
    if (org.terms.length === 0) continue;
    const orgIds = org.type === 'partyCommittee' || org.type === 'generalBranch' ? orgs.filter((o) => o.parentId === org.id).map((o) => o.id) : [org.id];
    const isCommittee = org.type === 'partyCommittee' || org.type === 'generalBranch';
    let previous: DemoMember[] = [];
    for (const term of org.terms) {
      const current = term.endedOn === null;
      let pool = members.filter((m) => eligible(m, orgIds, term.electedOn, current ? today : null));
      // A branch founded with few members elects its committee from those who joined in the first months.
      if (pool.length < 3) pool = members.filter((m) => eligible(m, orgIds, addDays(term.electedOn, 150), current ? today : null));
      if (org.category === 'community' && !isCommittee) {
        const community = COMMUNITIES.find((c) => c.key === org.plan?.community);
        if (community) pool = pool.filter((m) => m.situation !== 'communityWorker' || m.employer?.startsWith(community.name));
      }
      const rosterSize = members.filter((m) => orgIds.some((id) => activeIn(m, id, term.electedOn))).length;
      const roles = isCommittee ? (org.type === 'generalBranch' ? BIG_COMMITTEE : PARTY_COMMITTEE) : rosterSize >= 25 ? BIG_COMMITTEE : SMALL_COMMITTEE;
      const taken = new Set<number>();
      // Most of a committee is re-elected; keep those still eligible in the same seats.
      const kept = previous.filter((m) => pool.includes(m) && rng.chance(0.7));
      kept.forEach((m) => taken.add(m.id));
      const fresh = choose(rng, pool, roles.length - kept.length, taken);
      const people = [...kept, ...fresh];
      term.roles = roles.slice(0, people.length).map((role, i) => seat(role, people[i]!, term));
      byElection(rng, term, pool, orgIds);
      previous = people;
    }
    if (isCommittee) {
      const sec = org.terms[org.terms.length - 1]!.roles[0];
      const m = sec && members.find((x) => x.id === sec.memberId);
      if (m && m.situation === 'communityWorker') m.employer = `${m.employer!.split(' ')[0]} 社区党组织书记、居委会主任`;
    }
  }
  groupLeaders(rng, orgs, members, today);
}

/** The day a member stops being on any of the orgs' rosters (transfer out, death), if before `until`. */
function leavesOn(m: DemoMember, orgIds: number[], from: string, until: string): string | null {
  const span = m.spans.find((s) => orgIds.includes(s.orgId) && s.from <= from && (s.to === null || s.to > from));
  let end = span?.to ?? null;
  if (m.standing !== 'normal' && m.standingSince && (end === null || m.standingSince < end)) end = m.standingSince;
  return end !== null && end < until ? end : null;
}

/** A seat whose holder left during the term ends then, and a 补选 fills it a few weeks later. */
function byElection(rng: Rng, term: DemoTerm, pool: DemoMember[], orgIds: number[]): void {
  const until = term.endedOn ?? '9999-12-31';
  for (const r of [...term.roles]) {
    const holder = pool.find((m) => m.id === r.memberId);
    const left = holder && leavesOn(holder, orgIds, term.electedOn, until);
    if (!left) continue;
    r.toDate = left;
    const on = addDays(left, rng.int(20, 45));
    if (on >= until) continue;
    const seated = new Set(term.roles.filter((x) => x.toDate === null || x.toDate > on).map((x) => x.memberId));
    const next = rng.shuffle(pool.filter((m) => !seated.has(m.id) && orgIds.some((id) => activeIn(m, id, on)) && !leavesOn(m, orgIds, on, until)))
      .sort((a, b) => preference(a) - preference(b))[0];
    if (next) term.roles.push({ role: r.role, roleLabel: null, memberId: next.id, personName: next.name, fromDate: on, toDate: term.endedOn });
  }
}

function groupLeaders(rng: Rng, orgs: DemoOrg[], members: DemoMember[], today: string): void {
  for (const group of orgs.filter((o) => o.type === 'group')) {
    const pool = members.filter((m) => m.groupId === group.id && eligible(m, [group.parentId!], today, null));
    const leader = rng.shuffle(pool).sort((a, b) => preference(a) - preference(b))[0];
    if (leader) group.leaderId = leader.id;
  }
}

/** The 党工委's own seats: cadres of the 机关党支部 (no elected term: appointed). */
export function streetSeats(rng: Rng, members: DemoMember[]): DemoRole[] {
  const agency = members.filter((m) => m.situation === 'agencyCadre' && m.lostContactSince === null && m.standing === 'normal' && m.spans.at(-1)!.end === undefined);
  const chosen = rng.sample(agency, STREET_SEATS.length);
  return chosen.map((m, i) => {
    m.employer = STREET_SEATS[i]!.title;
    return { role: STREET_SEATS[i]!.role, roleLabel: null, memberId: m.id, personName: m.name, fromDate: `20${rng.int(21, 25)}-0${rng.int(1, 9)}-${String(rng.int(10, 28))}`, toDate: null };
  });
}
