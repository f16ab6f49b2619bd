// 帮扶台账 and 捐助物资收发登记 data: the help records and the stations of the scope's orgs over the
// period, from the same service the 帮扶 page reads (electron/ledger/aid.ts).
import { AID_CATEGORY_LABELS, DONATION_KIND_LABELS } from '../../../shared/domain/aid';
import { formatYuan, yuanToFen } from '../../../shared/domain/dues';
import type { DonationsData, HelpData } from '../../../shared/reports/registers/help';
import { aidByCategory, listAid, stationViews } from '../../ledger/aid';
import type { Ledger } from '../../ledger/ledger';
import { type Scope, headerFor } from '../scope';
import type { QueryOptions } from './options';

const yuan = (v: number) => formatYuan(yuanToFen(v));

export function helpData(ledger: Ledger, scope: Scope, opts: QueryOptions): HelpData {
  const records = listAid(ledger, scope.root.id, scope.period.from, scope.period.to).filter((r) => scope.orgIds.has(r.orgId));
  return {
    ...headerFor(scope, opts),
    records: records.map((r) => ({
      date: r.date, recipient: r.recipient, address: r.address, category: AID_CATEGORY_LABELS[r.category], helper: r.helperName, content: r.content,
      value: r.value ? yuan(r.value) : '', org: r.org,
    })),
    byCategory: aidByCategory(records).map((c) => ({ category: AID_CATEGORY_LABELS[c.category], count: c.count, value: yuan(c.value) })),
    total: formatYuan(records.reduce((n, r) => n + yuanToFen(r.value), 0)),
  };
}

export function donationsData(ledger: Ledger, scope: Scope, opts: QueryOptions): DonationsData {
  const stations = stationViews(ledger, scope.root.id, scope.period.from, scope.period.to).filter((s) => scope.orgIds.has(s.orgId));
  return {
    ...headerFor(scope, opts),
    stations: stations.map((s) => ({
      name: s.name, org: s.org,
      opening: { money: yuan(s.opening.money), total: yuan(s.opening.total) },
      entries: s.entries.map((e) => ({
        date: e.date, direction: e.direction === 'in' ? '收' : '发', party: e.party, kind: DONATION_KIND_LABELS[e.kind], description: e.description,
        in: e.direction === 'in' ? yuan(e.value) : '', out: e.direction === 'out' ? yuan(e.value) : '',
        moneyBalance: yuan(e.moneyBalance), balance: yuan(e.balance), handledBy: e.handledBy ?? '',
      })),
      totals: { in: yuan(s.totals.in), out: yuan(s.totals.out) },
      closing: { money: yuan(s.closing.money), total: yuan(s.closing.total) },
    })),
  };
}
