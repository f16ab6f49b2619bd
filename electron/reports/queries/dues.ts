// 党费 registers' data: each branch's sheet of the year (electron/ledger/dues.ts) in print form.
import { DUES_CATEGORY_LABELS, formatYuan } from '../../../shared/domain/dues';
import { MEMBER_KIND_LABELS } from '../../../shared/domain/member';
import type { DuesData, DuesSummaryData, DuesSummaryRow } from '../../../shared/reports/registers/dues';
import type { DuesSheet } from '../../../shared/api/dues';
import { duesSheet, sumYuan } from '../../ledger/dues';
import type { Ledger } from '../../ledger/ledger';
import { type Scope, headerFor } from '../scope';
import type { QueryOptions } from './options';

const yuan = (v: number) => formatYuan(Math.round(v * 100));

function sheets(ledger: Ledger, scope: Scope, opts: QueryOptions): DuesSheet[] {
  return scope.orgs.map((o) => duesSheet(ledger, o.id, scope.year, { today: opts.printedOn })).filter((s) => s.members.length > 0);
}

/** Due over the months owed so far, and paid over the months of the year. */
function dueAndPaid(s: DuesSheet): { due: number; paid: number } {
  const cells = s.members.flatMap((m) => m.cells);
  return {
    due: sumYuan(cells.filter((c) => c.state !== 'notOwed' && c.state !== 'notDue').map((c) => c.due ?? 0)),
    paid: sumYuan(cells.filter((c) => c.state === 'paid' || c.state === 'late').map((c) => c.paid ?? 0)),
  };
}

export function duesData(ledger: Ledger, scope: Scope, opts: QueryOptions): DuesData {
  const all = sheets(ledger, scope, opts);
  return {
    ...headerFor(scope, opts),
    months: all[0]?.months ?? [],
    branches: all.map((s) => {
      const t = dueAndPaid(s);
      return {
        name: s.org, due: yuan(t.due), paid: yuan(t.paid),
        members: s.members.map((m) => ({
          name: m.name,
          kind: MEMBER_KIND_LABELS[m.kind],
          base: !m.base ? '' : m.base.income !== null ? `月收入 ${yuan(m.base.income)}` : DUES_CATEGORY_LABELS[m.base.category],
          rate: m.base?.rate ? `${m.base.rate * 100}%` : '',
          amount: m.base ? yuan(m.base.amount) : '',
          months: m.cells.map((c) => ({ state: c.state, paidOn: c.paidOn })),
          paid: yuan(sumYuan(m.cells.filter((c) => c.state === 'paid' || c.state === 'late').map((c) => c.paid ?? 0))),
          arrears: m.arrears.length,
        })),
      };
    }),
  };
}

export function duesSummaryData(ledger: Ledger, scope: Scope, opts: QueryOptions): DuesSummaryData {
  const all = sheets(ledger, scope, opts);
  const months = all[0]?.months ?? [];
  const rows = all.map((s) => {
    const t = dueAndPaid(s);
    return {
      name: s.org, members: s.members.length, byMonth: s.totals.map((x) => x.paid), due: t.due, paid: t.paid,
      remitted: sumYuan(s.totals.map((x) => x.remitted)), arrearsMembers: s.arrears.length,
    };
  });
  const text = (r: (typeof rows)[number]): DuesSummaryRow => ({ ...r, byMonth: r.byMonth.map(yuan), due: yuan(r.due), paid: yuan(r.paid), remitted: yuan(r.remitted) });
  const total = {
    name: '合计', members: rows.reduce((n, r) => n + r.members, 0),
    byMonth: months.map((_, i) => sumYuan(rows.map((r) => r.byMonth[i]!))),
    due: sumYuan(rows.map((r) => r.due)), paid: sumYuan(rows.map((r) => r.paid)), remitted: sumYuan(rows.map((r) => r.remitted)),
    arrearsMembers: rows.reduce((n, r) => n + r.arrearsMembers, 0),
  };
  return { ...headerFor(scope, opts), months, branches: rows.map(text), total: text(total) };
}
