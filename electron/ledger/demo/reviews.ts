// The demo street's 述职评议 and 表彰: every 党委, 总支 and 支部 reports at each finished year's end
// (mid-December to mid-January) before members and, in the communities, residents' representatives,
// who rate it mostly 好 and 较好; and a dozen commendations of members, members' households and
// orgs at street, district and city level. Written through the services, before the contracts, so
// the assessments' 述职 and 满意度 indicators have records to compute from.
import { isBranchType } from '../../../shared/domain/org';
import type { CommendationLevel } from '../../../shared/domain/commendation';
import type { Tally } from '../../../shared/domain/secretary-review';
import type { Ledger } from '../ledger';
import { saveSecretaryReview } from '../secretary-reviews';
import { createCommendation } from '../commendations';
import { addDays, ymd } from './dates';
import { type DemoOrg, type DemoStreet, spanOn } from './model';
import { STREET } from './places';
import type { Rng } from './random';

function secretaryOn(org: DemoOrg, on: string): string | null {
  for (const t of org.terms) {
    const r = t.roles.find((x) => x.role === 'secretary' && x.fromDate <= on && (x.toDate === null || x.toDate > on));
    if (r) return r.personName;
  }
  return null;
}

/** Votes of `n` raters: mostly 好, some 较好, a few 一般, 差 rare; `tone` 0–1 moves votes towards 好. */
function tally(rng: Rng, n: number, tone: number): Tally {
  const average = Math.round(n * (1 - tone) * rng.next() * 0.08);
  const poor = rng.chance(0.12) && n > 10 ? 1 : 0;
  const fair = Math.min(n - average - poor, Math.round(n * (0.06 + (1 - tone) * 0.18 + rng.next() * 0.05)));
  return { good: n - fair - average - poor, fair, average, poor };
}

export function addDemoReviews(ledger: Ledger, street: DemoStreet, rng: Rng): void {
  const thisYear = Number(street.today.slice(0, 4));
  const byId = new Map(street.orgs.map((o) => [o.id, o]));
  const under = (orgId: number, root: number): boolean => {
    for (let o = byId.get(orgId); o; o = o.parentId === null ? undefined : byId.get(o.parentId)) if (o.id === root) return true;
    return false;
  };
  const committeeSecretary = secretaryOn(street.committee, street.today) ?? '周明';
  const reporting = street.orgs.filter((o) => o.type === 'partyCommittee' || o.type === 'generalBranch' || isBranchType(o.type));
  for (const year of [thisYear - 2, thisYear - 1, thisYear]) {
    for (const org of reporting) {
      const r = rng.fork(`${year}-${org.id}`);
      const reportedOn = addDays(ymd(year, 12, 15), r.int(0, 35));
      if (org.foundedOn > ymd(year, 12, 31) || reportedOn > street.today) continue;
      const members = street.members.filter((m) => m.standing === 'normal' || m.standing === 'suspended')
        .filter((m) => { const s = spanOn(m, reportedOn); return s !== undefined && under(s.orgId, org.id); }).length;
      if (members < 3) continue;
      const voters = Math.max(3, Math.round(members * (0.82 + r.next() * 0.15)));
      const tone = r.next();
      const community = org.category === 'community';
      const residents = community ? r.int(15, 36) : 0;
      saveSecretaryReview(ledger, {
        orgId: org.id, year, secretary: secretaryOn(org, reportedOn), reportedOn,
        attendees: [`${STREET.committeeName} ${committeeSecretary}`, `党员 ${voters} 人`, ...(residents ? [`居民代表 ${residents} 人`] : [])].join('；'),
        members: tally(r, voters, tone),
        residents: residents ? tally(r, residents, tone * 0.8) : null,
      }, { today: street.today });
    }
  }
  addDemoCommendations(ledger, street, rng.fork('commendations'), thisYear);
}

const ISSUERS: Record<CommendationLevel, { name: string; prefix: string }> = {
  street: { name: STREET.committeeName, prefix: '锦街党工' },
  district: { name: '区委', prefix: '区委' },
  city: { name: '市委组织部', prefix: '市委组' },
  province: { name: '省委', prefix: '省委' },
  national: { name: '中共中央', prefix: '中发' },
};

function addDemoCommendations(ledger: Ledger, street: DemoStreet, rng: Rng, thisYear: number): void {
  const add = (c: Omit<Parameters<typeof createCommendation>[1], 'issuer' | 'docNumber'> & { level: CommendationLevel; year: number }) => {
    const issuer = ISSUERS[c.level];
    createCommendation(ledger, { ...c, issuer: issuer.name, docNumber: `${issuer.prefix}〔${c.year}〕${rng.int(3, 60)}号` });
  };
  for (const year of [thisYear - 2, thisYear - 1, thisYear]) {
    const july = ymd(year, 6, 28);
    if (july > street.today) continue;
    const onRoll = street.members.filter((m) => m.kind === 'full' && m.standing === 'normal' && spanOn(m, july) !== undefined);
    const picked = rng.sample(onRoll, 4);
    picked.slice(0, 2).forEach((m) => add({ kind: 'member', memberId: m.id, title: '优秀共产党员', level: rng.chance(0.4) ? 'district' : 'street', year, awardedOn: july }));
    add({ kind: 'member', memberId: picked[2]!.id, title: '党员先锋岗', level: 'street', year, awardedOn: july });
    const home = picked[3]!;
    const dec = ymd(year, 12, 10);
    if (dec <= street.today && home.address) {
      add({ kind: 'household', orgId: spanOn(home, dec)?.orgId ?? spanOn(home, july)!.orgId, householdName: home.name, householdAddress: home.address, title: '社区党员文明户', level: 'street', year, awardedOn: dec });
    }
    const orgs = street.branches.filter((b) => b.foundedOn < july);
    const best = rng.pick(orgs);
    add({ kind: 'org', orgId: best.id, title: '先进基层党组织', level: year === thisYear - 1 ? 'city' : 'district', year, awardedOn: july });
  }
}
