// 党费: per member and month since January last year, on the rates of the 2008 regulation, with
// most months paid on time, a few members in arrears, and this month partly collected.
import type { Rng } from './random';
import type { DemoDues, DemoMember } from './model';
import { activeIn, spanOn } from './model';
import { daysInMonth, ymd } from './dates';
import type { Situation } from './work';
import { standardDues } from '../../../shared/domain/dues';

const MONTHLY_INCOME: Partial<Record<Situation, readonly [number, number]>> = {
  retired: [2600, 7500], communityWorker: [5200, 7200], employedLocal: [3200, 9000], privateOwner: [4000, 9500], mobileOut: [5000, 9000],
  agencyStaff: [6000, 9000], agencyCadre: [9000, 14000], doctor: [8500, 16000], nurse: [5500, 9500], teacher: [7000, 11500],
  utilityWorker: [7000, 12500], engineer: [11000, 26000], marketStaff: [3600, 6200], marketOwner: [4500, 10000], socialWorker: [4500, 6800],
  gigWorker: [5200, 9800],
};

/** Rate on after-tax monthly income, from the regulation's brackets. */
function rate(income: number, retired: boolean): number {
  return standardDues(retired ? 'retired' : 'employed', Math.round(income * 100)).rate!;
}

export function buildDues(rng: Rng, members: DemoMember[], today: string): DemoDues[] {
  const out: DemoDues[] = [];
  const firstYear = Number(today.slice(0, 4)) - 1;
  for (const m of members) {
    // 流入 members pay at the org that keeps their membership.
    if (m.situation === 'mobileIn') continue;
    const range = MONTHLY_INCOME[m.situation];
    const baseIncome = range ? Math.round(rng.int(range[0], range[1]) / 10) * 10 : null;
    const laggard = m.situation === 'mobileOut' ? rng.chance(0.5) : rng.chance(0.02);
    const thisMonth = Number(today.slice(5, 7));
    const arrearsFrom = `${today.slice(0, 4)}-${String(Math.max(1, thisMonth - rng.int(2, 4))).padStart(2, '0')}`;
    for (let y = firstYear; y <= Number(today.slice(0, 4)); y++) {
      for (let mo = 1; mo <= 12; mo++) {
        const first = ymd(y, mo, 1);
        if (first > today) break;
        const last = ymd(y, mo, daysInMonth(y, mo));
        const on = last < today ? last : today;
        const span = spanOn(m, on);
        if (!span || !activeIn(m, span.orgId, on) || m.joinedOn > last) continue;
        const month = first.slice(0, 7);
        const income = baseIncome === null ? null : Math.round(baseIncome * (y > firstYear ? 1.03 : 1) / 10) * 10;
        const r = income === null ? null : rate(income, m.situation === 'retired');
        const due = income === null ? 0.2 : standardDues(m.situation === 'retired' ? 'retired' : 'employed', Math.round(income * 100)).fen / 100;
        const paidOn = ymd(y, mo, rng.int(5, 25));
        const lost = m.lostContactSince !== null && month >= m.lostContactSince;
        const arrears = lost || (laggard && month >= arrearsFrom);
        const paid = !arrears && paidOn <= today;
        out.push({ memberId: m.id, month, income, rate: r, amountDue: due, amountPaid: paid ? due : null, paidOn: paid ? paidOn : null,
          note: lost ? '失去联系，未交纳' : null });
      }
    }
  }
  return out;
}
