// 党建工作年终考核汇总表: the branches ranked by total, with each category's score and the grade.
import type { Column, RegisterDoc } from '../model';
import { points } from './contract';
import { type ReportHeader, registerDoc, tableSection } from './common';

export type SummaryLine = { rank: number; org: string; categories: number[]; total: number; grade: string; confirmed: boolean };
export type SummaryData = ReportHeader & {
  year: number;
  /** Category names with their points, in contract order. */
  categories: { category: string; points: number }[];
  lines: SummaryLine[];
  bands: string;
};

export function buildAssessmentSummary(data: SummaryData): RegisterDoc {
  const columns: Column[] = [
    { header: '名次', kind: 'number', min: 4 },
    { header: '党组织', max: 28 },
    ...data.categories.map((c): Column => ({ header: `${c.category}（${points(c.points)}分）`, kind: 'number', min: 6, decimals: 2 })),
    { header: '总分', kind: 'number', min: 6, decimals: 2 },
    { header: '等次', kind: 'center' },
    { header: '状态', kind: 'center' },
  ];
  const rows = data.lines.map((l) => [l.rank || '—', l.org, ...l.categories, l.total, l.grade, l.confirmed ? '已确认' : '未确认']);
  const counts = new Map<string, number>();
  for (const l of data.lines) counts.set(l.grade, (counts.get(l.grade) ?? 0) + 1);
  const tally = [...counts].map(([g, n]) => `${g} ${n} 个`).join('，');
  return registerDoc('assessment-summary', data, [
    tableSection('assessment-summary', data, columns.length > 8 ? 'landscape' : 'portrait', [
      { type: 'table', columns, rows, emptyText: '（所选范围和年度没有考核结果）' },
      { type: 'text', style: 'note', text: `共 ${data.lines.length} 个党组织${tally ? `：${tally}` : ''}。等次标准：${data.bands}。名次为在全街道参加考核的党组织中的名次，同分同名次。` },
    ]),
  ], data.lines.some((l) => !l.confirmed) ? ['部分党组织的考核结果尚未确认，汇总表中的得分和名次可能还会变化。'] : []);
}
