// 党建工作年终考核汇总表: per level (党支部; 社区党委、党总支) the orgs ranked by total among
// their peers, with each category's score and the grade.
import { CONTRACT_LEVEL_UNITS, type ContractLevel } from '../../assessment/levels';
import type { Column, RegisterDoc, Section } from '../model';
import { points } from './contract';
import { type ReportHeader, registerDoc, tableSection } from './common';

export type SummaryLine = { rank: number; org: string; categories: number[]; total: number; grade: string; confirmed: boolean };
export type SummaryLevel = {
  level: ContractLevel;
  /** Category names with their points, in contract order. */
  categories: { category: string; points: number }[];
  lines: SummaryLine[];
};
export type SummaryData = ReportHeader & {
  year: number;
  /** One table per level that has contracts, ranked within it. */
  levels: SummaryLevel[];
  bands: string;
};

/** In titles and sheet names (an Excel sheet name cannot hold "/"). */
const LEVEL_TITLES: Record<ContractLevel, string> = { branch: '党支部', community: '社区党委、党总支' };

function levelSection(data: SummaryData, l: SummaryLevel, titled: boolean): Section {
  const columns: Column[] = [
    { header: '名次', kind: 'number', min: 4 },
    { header: '党组织', max: 28 },
    ...l.categories.map((c): Column => ({ header: `${c.category}（${points(c.points)}分）`, kind: 'number', min: 6, decimals: 2 })),
    { header: '总分', kind: 'number', min: 6, decimals: 2 },
    { header: '等次', kind: 'center' },
    { header: '状态', kind: 'center' },
  ];
  const rows = l.lines.map((x) => [x.rank || '—', x.org, ...x.categories, x.total, x.grade, x.confirmed ? '已确认' : '未确认']);
  const counts = new Map<string, number>();
  for (const x of l.lines) counts.set(x.grade, (counts.get(x.grade) ?? 0) + 1);
  const tally = [...counts].map(([g, n]) => `${g} ${n} 个`).join('，');
  const unit = CONTRACT_LEVEL_UNITS[l.level];
  const title = `党建工作年终考核汇总表（${LEVEL_TITLES[l.level]}）`;
  return tableSection('assessment-summary', data, columns.length > 8 ? 'landscape' : 'portrait', [
    { type: 'table', columns, rows, emptyText: '（所选范围和年度没有考核结果）' },
    { type: 'text', style: 'note', text: `共 ${l.lines.length} 个${unit}${tally ? `：${tally}` : ''}。等次标准：${data.bands}。名次为在全街道参加考核的${unit}中的名次，同分同名次。` },
  ], titled ? { title, sheet: `汇总表（${LEVEL_TITLES[l.level]}）` } : {});
}

export function buildAssessmentSummary(data: SummaryData): RegisterDoc {
  const levels = data.levels.filter((l) => l.lines.length > 0);
  const sections = levels.length === 0
    ? [levelSection(data, { level: 'branch', categories: [], lines: [] }, false)]
    // A street with one level prints the one table under the register's own title, as before levels.
    : levels.map((l) => levelSection(data, l, levels.length > 1 || l.level !== 'branch'));
  return registerDoc('assessment-summary', data, sections, levels.some((l) => l.lines.some((x) => !x.confirmed)) ? ['部分党组织的考核结果尚未确认，汇总表中的得分和名次可能还会变化。'] : []);
}
