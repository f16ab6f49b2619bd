// 党建工作年终考核表: one per branch — every indicator with its points, the self-score, the score
// that counts, and the figures behind each computed score; the total, grade and rank.
import { CONTRACT_LEVEL_SECRETARY, CONTRACT_LEVEL_UNITS, type ContractLevel } from '../../assessment/levels';
import type { Column, RegisterDoc, Section } from '../model';
import { type ContractIndicatorLine, indicatorTable, points, scoreText } from './contract';
import { type ReportHeader, registerDoc } from './common';

export type AssessmentLine = ContractIndicatorLine & {
  selfScore: number | null;
  score: number | null;
  /** What the score rests on: the computed figures and arithmetic, an override's reason, a note. */
  basis: string;
};

export type AssessmentSheet = {
  org: string;
  /** Who signs and among whom the rank is: 党支部, or 社区党委/党总支. */
  level: ContractLevel;
  year: number;
  lines: AssessmentLine[];
  categories: { category: string; points: number; score: number }[];
  total: number;
  grade: string;
  rank: number;
  of: number;
  confirmed: boolean;
  confirmedOn: string | null;
  note: string | null;
};

export type AssessmentData = ReportHeader & { committee: string; sheets: AssessmentSheet[] };

const COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '考核内容', max: 28 },
  { header: '分值', kind: 'number' },
  { header: '评分标准', max: 30 },
  { header: '自评分', kind: 'number', decimals: 2 },
  { header: '考核得分', kind: 'number', decimals: 2 },
  { header: '得分依据', max: 48 },
];


export function assessmentSection(s: AssessmentSheet, committee: string): Section {
  const byCat = new Map(s.categories.map((c) => [c.category, c.score]));
  const table = indicatorTable(s.lines, COLUMNS, (l, i) => [i + 1, l.content, points(l.points), l.rule, l.selfScore, l.score, l.basis], (cat) => `，得 ${scoreText(byCat.get(cat) ?? 0)} 分`);
  const selfTotal = s.lines.some((l) => l.selfScore !== null) ? s.lines.reduce((a, l) => a + (l.selfScore ?? 0), 0) : null;
  table.totals = ['合计', null, points(s.lines.reduce((a, l) => a + l.points, 0)), null, selfTotal, s.total, null];
  return {
    title: `${s.year}年度${s.level === 'community' ? '社区' : ''}党建工作年终考核表`,
    unit: s.org,
    period: `${s.year}年度`,
    orientation: 'landscape',
    blocks: [
      table,
      {
        type: 'text',
        style: 'heading',
        text: `考核总分：${scoreText(s.total)} 分　　考核等次：${s.grade}　　名次：${s.rank ? `第 ${s.rank} 名（共 ${s.of} 个${CONTRACT_LEVEL_UNITS[s.level]}）` : '不参加排名'}${s.confirmed ? '' : '　　（考核结果尚未确认）'}`,
      },
      ...(s.note ? [{ type: 'text' as const, style: 'note' as const, text: `考核意见：${s.note}` }] : []),
      { type: 'signatures', items: ['考核组成员（签字）：', `${CONTRACT_LEVEL_SECRETARY[s.level]}（签字）：`, `${committee}（盖章）`], dated: true },
    ],
    sheet: '年终考核表',
  };
}

export function buildAssessment(data: AssessmentData): RegisterDoc {
  const sections = data.sheets.map((s, i) => ({ ...assessmentSection(s, data.committee), ...(i === 0 ? { toc: '党建工作年终考核表' } : {}) }));
  const warnings = data.sheets.filter((s) => !s.confirmed).map((s) => `${s.org}${s.year}年度考核结果尚未确认，打印的是当前得分。`);
  if (sections.length === 0) {
    warnings.push('所选范围和年度没有责任书，无从考核。');
    sections.push({ title: '党建工作年终考核表', unit: data.unit, period: `${data.period.to.slice(0, 4)}年度`, orientation: 'landscape', blocks: [{ type: 'text', text: '（所选范围和年度没有责任书）' }], sheet: '年终考核表', toc: '党建工作年终考核表' });
  }
  return registerDoc('assessment', data, sections, warnings);
}
