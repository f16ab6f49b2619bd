// 发展党员: the admission records behind the street's recent members, and a few people still on
// the way (申请人, 积极分子, 发展对象), one of whom dropped out.
import type { Rng } from './random';
import type { PersonFactory } from './people';
import type { DemoApplicant, DemoMember, DemoOrg } from './model';
import { activeIn } from './model';
import { addDays, addMonths, minDate, randomDate } from './dates';

function sponsorsFrom(rng: Rng, members: DemoMember[], orgId: number, on: string, n: number): string | null {
  const pool = members.filter((m) => m.confirmedOn !== null && m.confirmedOn <= on && activeIn(m, orgId, on));
  const chosen = rng.sample(pool, n).map((m) => m.name);
  return chosen.length ? chosen.join('、') : null;
}

export function buildApplicants(rng: Rng, people: PersonFactory, branches: DemoOrg[], members: DemoMember[], today: string): DemoApplicant[] {
  const out: Omit<DemoApplicant, 'reviews' | 'publicityFrom' | 'publicityTo'>[] = [];
  // Members admitted in the street since 2023: their whole pipeline, ending at 预备党员.
  for (const m of members) {
    const org = m.spans[0]!.orgId;
    if (m.joinedAt !== null || m.joinedOn < '2023-01-01') continue;
    const candidateOn = addMonths(m.joinedOn, -rng.int(3, 8));
    const activistOn = addMonths(candidateOn, -rng.int(12, 18));
    const appliedOn = addMonths(activistOn, -rng.int(1, 4));
    const sinceJoined = Math.max(1, Math.round((Date.parse(today) - Date.parse(m.joinedOn)) / 86_400_000));
    out.push({
      orgId: org, name: m.name, idNumber: m.idNumber, gender: m.gender, birthDate: m.birthDate,
      appliedOn, talkedOn: addDays(appliedOn, rng.int(5, 28)), activistOn, sponsors: sponsorsFrom(rng, members, org, activistOn, 2),
      candidateOn, trainingHours: rng.pick([24, 24, 28, 32]), politicalReviewOn: addDays(candidateOn, rng.int(20, 60)),
      introducers: sponsorsFrom(rng, members, org, m.joinedOn, 2), admittedOn: m.joinedOn,
      approvedOn: addDays(m.joinedOn, Math.min(sinceJoined, rng.int(15, 80))), memberId: m.id, stage: 'probationary', note: null,
    });
  }
  // People on the way.
  const stages: DemoApplicant['stage'][] = ['applicant', 'applicant', 'applicant', 'activist', 'activist', 'activist', 'activist', 'candidate', 'candidate', 'candidate', 'dropped'];
  const hosts = branches.filter((b) => b.foundedOn < '2024-01-01');
  for (const stage of stages) {
    const org = rng.pick(hosts);
    const p = people.make({ fromYear: Number(today.slice(0, 4)) - 45, toYear: Number(today.slice(0, 4)) - 22, femaleShare: 0.5 });
    let appliedOn: string;
    let activistOn: string | null = null;
    let candidateOn: string | null = null;
    if (stage === 'applicant') appliedOn = randomDate(rng, addMonths(today, -5), addDays(today, -10));
    else if (stage === 'activist' || stage === 'dropped') {
      activistOn = randomDate(rng, addMonths(today, -16), addMonths(today, -2));
      appliedOn = addMonths(activistOn, -rng.int(1, 4));
    } else {
      candidateOn = randomDate(rng, addMonths(today, -8), addMonths(today, -1));
      activistOn = addMonths(candidateOn, -rng.int(12, 18));
      appliedOn = addMonths(activistOn, -rng.int(1, 4));
    }
    const talkedOn = addDays(appliedOn, rng.int(5, 28));
    out.push({
      orgId: org.id, name: p.name, idNumber: p.idNumber, gender: p.gender, birthDate: p.birthDate,
      appliedOn, talkedOn: talkedOn <= today ? talkedOn : null, activistOn, sponsors: activistOn ? sponsorsFrom(rng, members, org.id, activistOn, 2) : null,
      candidateOn, trainingHours: candidateOn ? rng.pick([24, 28, 32]) : null, politicalReviewOn: candidateOn ? minDate(addDays(candidateOn, rng.int(20, 50)), today) : null,
      introducers: candidateOn ? sponsorsFrom(rng, members, org.id, candidateOn, 2) : null, admittedOn: null, approvedOn: null, memberId: null,
      stage, note: stage === 'dropped' ? '工作调动离开本街道，培养考察材料已转交新单位党组织' : null,
    });
  }
  return withLaterSteps(out.map((a) => ({ ...a, reviews: [], publicityFrom: null, publicityTo: null })), today);
}

/**
 * The half-yearly reviews of every activist and the 公示 week before each branch meeting; then the
 * gaps an inspector would find: one activist's latest review not held, and the latest person
 * admitted still waiting for the higher committee's approval.
 */
function withLaterSteps(all: DemoApplicant[], today: string): DemoApplicant[] {
  for (const a of all) {
    if (a.activistOn) {
      const until = a.candidateOn ?? (a.stage === 'dropped' ? addMonths(a.activistOn, 7) : today);
      for (let r = addDays(addMonths(a.activistOn, 6), -5); r < until; r = addDays(addMonths(r, 6), -5)) a.reviews.push(r);
    }
    if (a.admittedOn) {
      a.publicityFrom = addDays(a.admittedOn, -13);
      a.publicityTo = addDays(a.admittedOn, -7);
    }
  }
  const late = all.find((a) => a.stage === 'activist' && a.reviews.length > 0);
  late?.reviews.pop();
  const latest = all.filter((a) => a.admittedOn !== null).sort((x, y) => y.admittedOn!.localeCompare(x.admittedOn!))[0];
  if (latest) latest.approvedOn = null;
  return all;
}
