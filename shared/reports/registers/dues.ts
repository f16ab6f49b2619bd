// 党费收缴登记表: member × month of each branch — the base, rate and monthly amount, then each
// month's paid date (补 for 补缴, 欠 for an ended month unpaid) — with the year's totals.
// 党费收缴汇总表: branch × month of what was collected, with each branch's due, paid, remitted
// and members in arrears, and the street's totals.
import type { Column, RegisterDoc, TableBlock } from '../model';
import { type ReportHeader, registerDoc, tableSection } from './common';

/** One month of a member: what the cell shows. */
type DuesMark = { state: 'paid' | 'late' | 'unpaid' | 'current' | 'notDue' | 'notOwed'; paidOn: string | null };

type DuesLine = {
  name: string;
  kind: string;
  /** 税后月收入 or the flat category. */
  base: string;
  rate: string;
  /** Monthly amount in 元, '' when no base is recorded. */
  amount: string;
  months: DuesMark[];
  paid: string;
  arrears: number;
};

export type DuesData = ReportHeader & { months: string[]; branches: { name: string; members: DuesLine[]; paid: string; due: string }[] };

const monthHeader = (m: string) => `${Number(m.slice(5))}月`;

function markText(m: DuesMark): string {
  if (m.state === 'notOwed') return '—';
  if (m.state === 'unpaid') return '欠';
  if (!m.paidOn) return m.state === 'paid' || m.state === 'late' ? '已交' : '';
  const md = `${Number(m.paidOn.slice(5, 7))}.${Number(m.paidOn.slice(8, 10))}`;
  return m.state === 'late' ? `${md}补` : md;
}

export function buildDues(data: DuesData): RegisterDoc {
  const columns: Column[] = [
    { header: '序号', kind: 'number', min: 4 },
    { header: '姓名', wrap: false },
    { header: '类别', kind: 'center' },
    { header: '交纳基数', max: 12 },
    { header: '比例', kind: 'center' },
    { header: '月交纳额', kind: 'number' },
    ...data.months.map((m): Column => ({ header: monthHeader(m), kind: 'center', min: 5 })),
    { header: '已交合计', kind: 'number' },
    { header: '欠交月数', kind: 'number' },
  ];
  const groups = [
    ...Array.from({ length: 6 }, () => ({ header: '', span: 1 })),
    { header: '各月交纳日期（月.日；“补”为补缴，“欠”为欠交，“—”为不在本支部交纳）', span: data.months.length },
    { header: '全年', span: 2 },
  ];
  const rows: TableBlock['rows'] = [];
  const captions: { before: number; text: string }[] = [];
  for (const b of data.branches) {
    captions.push({ before: rows.length, text: `${b.name}：应交 ${b.due} 元，已交 ${b.paid} 元` });
    b.members.forEach((m, i) => rows.push([i + 1, m.name, m.kind, m.base, m.rate, m.amount, ...m.months.map(markText), m.paid, m.arrears || null]));
  }
  const missing = data.branches.flatMap((b) => b.members.filter((m) => m.amount === '').map((m) => `${b.name} ${m.name}`));
  return registerDoc('dues', data, [
    tableSection('dues', data, 'landscape', [
      { type: 'table', columns, groups, rows, captions, emptyText: '（期间内没有交纳党费的党员）' },
      { type: 'text', style: 'note', text: '说明：按税后月收入，在职党员 3000 元以下（含）0.5%、3000–5000 元（含）1%、5000–10000 元（含）1.5%、10000 元以上 2%；离退休 5000 元以下（含）0.5%、以上 1%；学生、低保、下岗失业党员每月 0.2 元，农民党员 0.2–1 元。预备党员自支部大会通过之日起交纳。' },
    ]),
  ], missing.length ? [`${missing.length} 名党员没有登记交纳基数：${missing.slice(0, 5).join('、')}${missing.length > 5 ? ' 等' : ''}`] : []);
}

export type DuesSummaryRow = { name: string; members: number; byMonth: string[]; due: string; paid: string; remitted: string; arrearsMembers: number };
export type DuesSummaryData = ReportHeader & { months: string[]; branches: DuesSummaryRow[]; total: DuesSummaryRow };

export function buildDuesSummary(data: DuesSummaryData): RegisterDoc {
  const columns: Column[] = [
    { header: '序号', kind: 'number', min: 4 },
    { header: '党组织', min: 12, max: 20 },
    { header: '人数', kind: 'number' },
    ...data.months.map((m): Column => ({ header: monthHeader(m), kind: 'number', min: 10 })),
    { header: '应交', kind: 'number', min: 12 },
    { header: '已交', kind: 'number', min: 12 },
    { header: '已上缴', kind: 'number', min: 12 },
    { header: '欠交人数', kind: 'number' },
  ];
  const groups = [
    { header: '', span: 1 }, { header: '', span: 1 }, { header: '', span: 1 },
    { header: '各月收缴金额（元）', span: data.months.length },
    { header: '全年（元）', span: 4 },
  ];
  const line = (r: DuesSummaryRow) => [r.name, r.members, ...r.byMonth, r.due, r.paid, r.remitted, r.arrearsMembers];
  const rows: TableBlock['rows'] = data.branches.map((r, i) => [i + 1, ...line(r)]);
  return registerDoc('dues-summary', data, [
    tableSection('dues-summary', data, 'landscape', [
      { type: 'table', columns, groups, rows, totals: data.branches.length ? ['', ...line({ ...data.total, name: '合计' })] : undefined, emptyText: '（没有党费记录）' },
      { type: 'text', style: 'note', text: '说明：各月金额为该月份应交党费中已收缴的部分（提前交纳的计入所属月份）；应交为截至制表日已到期月份的应交金额。' },
    ]),
  ]);
}
