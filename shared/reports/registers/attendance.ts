// 党员参加组织生活登记表: member × month, each cell 「出席/应参加」, with the year's totals and rate
// as the compliance engine counts them.
import type { Column, RegisterDoc, TableBlock } from '../model';
import { type ReportHeader, percent, registerDoc, tableSection } from './common';

export type AttendanceMember = {
  name: string;
  kind: string;
  /** Per month of the period: [present, expected]; expected 0 = nothing that month. */
  months: [number, number][];
  expected: number;
  present: number;
  /** 因病/因公 absences */
  excused: number;
};

export type AttendanceData = ReportHeader & {
  /** 'YYYY-MM' of each month column. */
  months: string[];
  branches: { name: string; members: AttendanceMember[] }[];
};

export function buildAttendance(data: AttendanceData): RegisterDoc {
  const sameYear = new Set(data.months.map((m) => m.slice(0, 4))).size === 1;
  const monthHeader = (m: string) => (sameYear ? `${Number(m.slice(5))}月` : `${m.slice(2, 4)}.${m.slice(5)}`);
  const columns: Column[] = [
    { header: '序号', kind: 'number', min: 4 },
    { header: '姓名', wrap: false },
    { header: '人员类别', kind: 'center' },
    ...data.months.map((m): Column => ({ header: monthHeader(m), kind: 'center', min: 5 })),
    { header: '应参加', kind: 'number' },
    { header: '实参加', kind: 'number' },
    { header: '请假', kind: 'number' },
    { header: '参加率', kind: 'number' },
  ];
  const groups = [
    { header: '', span: 1 }, { header: '', span: 1 }, { header: '', span: 1 },
    { header: '各月参加组织生活情况（参加次数/应参加次数）', span: data.months.length },
    { header: '全年合计', span: 4 },
  ];
  const rows: TableBlock['rows'] = [];
  const captions: { before: number; text: string }[] = [];
  for (const b of data.branches) {
    if (data.branches.length > 1) captions.push({ before: rows.length, text: b.name });
    b.members.forEach((m, i) => rows.push([
      i + 1, m.name, m.kind, ...m.months.map(([p, e]) => (e ? `${p}/${e}` : '')), m.expected, m.present, m.excused || null, percent(m.present, m.expected),
    ]));
  }
  return registerDoc('attendance', data, [
    tableSection('attendance', data, 'landscape', [
      { type: 'table', columns, groups, rows, captions, emptyText: '（期间内没有党员）' },
      { type: 'text', style: 'note', text: '说明：计入参加率的为支部党员大会、支委会、党小组会、党课、主题党日、组织生活会和民主评议等组织生活；“请假”为因病、因公缺席；外出请假或流出期间的会议不计入应参加；列席不计。' },
    ]),
  ]);
}
