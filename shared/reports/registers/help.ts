// 帮扶台账 (五助二扶一带): every help record of the period — date, who was helped (address cut to
// the building in a masked export), category, helper, what was given or done and its value — with
// the count and value per category under it.
// 捐助物资收发登记: per donation station, each receipt and distribution in date order with the
// running balance (money, and money + goods valued), the balance brought forward and the totals,
// so that in − out = closing − opening can be checked on paper.
import type { Column, RegisterDoc, TableBlock } from '../model';
import { type ReportHeader, maskerOf, registerDoc, tableSection } from './common';

type HelpLine = { date: string; recipient: string; address: string | null; category: string; helper: string; content: string; value: string; org: string };
export type HelpData = ReportHeader & { records: HelpLine[]; byCategory: { category: string; count: number; value: string }[]; total: string };

export function buildHelp(data: HelpData): RegisterDoc {
  const mask = maskerOf(data);
  const columns: Column[] = [
    { header: '序号', kind: 'number', min: 4 },
    { header: '日期', kind: 'date' },
    { header: '帮扶对象', wrap: false },
    { header: '住址', max: 24 },
    { header: '类别', kind: 'center' },
    { header: '帮扶人（单位）', max: 18 },
    { header: '帮扶内容', max: 30 },
    { header: '折合金额（元）', kind: 'number' },
    { header: '所属党组织', max: 18 },
  ];
  const rows: TableBlock['rows'] = data.records.map((r, i) => [i + 1, r.date, r.recipient, mask.address(r.address) ?? '', r.category, r.helper, r.content, r.value, r.org]);
  const summary = data.byCategory.filter((c) => c.count > 0).map((c) => `${c.category} ${c.count} 次 ${c.value} 元`).join('；');
  return registerDoc('help', data, [
    tableSection('help', data, 'landscape', [
      { type: 'table', columns, rows, totals: rows.length ? ['', '合计', `${rows.length} 次`, '', '', '', '', data.total, ''] : undefined, emptyText: '（期间内没有帮扶记录）' },
      { type: 'text', style: 'note', text: `分类：${summary || '无'}。“五助二扶一带”：助学、助贫、助残、助老、助民工，扶下岗职工就业、扶低保户脱贫，带好两劳帮教对象。` },
    ]),
  ]);
}

type DonationLine = { date: string; direction: string; party: string; kind: string; description: string; in: string; out: string; moneyBalance: string; balance: string; handledBy: string };
type StationPart = {
  name: string;
  org: string;
  opening: { money: string; total: string };
  entries: DonationLine[];
  totals: { in: string; out: string };
  closing: { money: string; total: string };
};
export type DonationsData = ReportHeader & { stations: StationPart[] };

export function buildDonations(data: DonationsData): RegisterDoc {
  const columns = (): Column[] => [
    { header: '序号', kind: 'number', min: 4 },
    { header: '日期', kind: 'date' },
    { header: '收/发', kind: 'center' },
    { header: '捐助人／领取人', max: 20 },
    { header: '款/物', kind: 'center' },
    { header: '款物内容', max: 26 },
    { header: '收入（元）', kind: 'number' },
    { header: '发出（元）', kind: 'number' },
    { header: '现金结余（元）', kind: 'number' },
    { header: '结余合计（元）', kind: 'number' },
    { header: '经手人', wrap: false },
  ];
  const sections = (data.stations.length ? data.stations : [null]).map((s) => {
    const rows: TableBlock['rows'] = s
      ? [
          ['', '', '', '上期结余', '', '', '', '', s.opening.money, s.opening.total, ''],
          ...s.entries.map((e, i) => [i + 1, e.date, e.direction, e.party, e.kind, e.description, e.in, e.out, e.moneyBalance, e.balance, e.handledBy]),
        ]
      : [];
    return tableSection('donations', data, 'landscape', [
      {
        type: 'table', columns: columns(), rows,
        totals: s ? ['', '合计', '', `收 ${s.entries.filter((e) => e.in).length} 笔，发 ${s.entries.filter((e) => e.out).length} 笔`, '', '', s.totals.in, s.totals.out, s.closing.money, s.closing.total, ''] : undefined,
        emptyText: '（没有捐助站）',
      },
      ...(s ? [{ type: 'text' as const, style: 'note' as const, text: `核对：上期结余 ${s.opening.total} 元 + 本期收入 ${s.totals.in} 元 − 本期发出 ${s.totals.out} 元 = 本期结余 ${s.closing.total} 元（其中现金 ${s.closing.money} 元；物资按折合金额计）。` }] : []),
    ], s ? { unit: `${s.org}　${s.name}`, sheet: s.name } : {});
  });
  return registerDoc('donations', data, sections);
}
