// 党建工作目标责任书: one per branch, ready to sign and stamp — the preamble, the indicators by
// category with points and scoring rules, how the year-end assessment grades, and both parties.
import type { Column, RegisterDoc, Section, TableBlock } from '../model';
import { chineseDate } from '../conventions';
import { type ReportHeader, chineseOrdinal, registerDoc } from './common';

export type ContractIndicatorLine = { category: string; content: string; points: number; rule: string | null; computed: boolean };

export type ContractSheet = {
  title: string;
  /** 甲方: the street committee */
  committee: string;
  /** 乙方: the branch */
  org: string;
  year: number;
  preamble: string | null;
  indicators: ContractIndicatorLine[];
  issuedOn: string;
  signedOn: string | null;
};

export type ContractData = ReportHeader & { contracts: ContractSheet[]; bands: { grade: string; min: number }[] };

const COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '考核内容', max: 40 },
  { header: '分值', kind: 'number' },
  { header: '评分标准', max: 44 },
];

export const points = (n: number) => String(Math.round(n * 100) / 100);
/** A score in running text, to 2 decimals as in the score columns. */
export const scoreText = (n: number) => n.toFixed(2);

/** Indicators under one caption per category: 「一、领导班子好（20 分）」. */
export function indicatorTable<T extends ContractIndicatorLine>(lines: T[], columns: Column[], cells: (l: T, i: number) => TableBlock['rows'][number], captionExtra?: (category: string) => string): TableBlock {
  const rows: TableBlock['rows'] = [];
  const captions: { before: number; text: string }[] = [];
  const categories = [...new Set(lines.map((l) => l.category))];
  categories.forEach((cat, ci) => {
    const list = lines.filter((l) => l.category === cat);
    const sum = list.reduce((a, l) => a + l.points, 0);
    captions.push({ before: rows.length, text: `${chineseOrdinal(ci + 1)}、${cat}（${points(sum)} 分${captionExtra ? captionExtra(cat) : ''}）` });
    list.forEach((l) => rows.push(cells(l, rows.length)));
  });
  return { type: 'table', columns, rows, captions, splitAtCaptions: false, emptyText: '（没有考核指标）' };
}

export function bandsText(bands: { grade: string; min: number }[]): string {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.map((b, i) => (i === 0 ? `${b.min} 分以上为“${b.grade}”` : b.min > 0 ? `${b.min} 分至 ${sorted[i - 1]!.min} 分（不含）为“${b.grade}”` : `${sorted[i - 1]!.min} 分以下为“${b.grade}”`)).join('，');
}

export function contractSection(c: ContractSheet, bands: ContractData['bands']): Section {
  const total = c.indicators.reduce((a, l) => a + l.points, 0);
  const table = indicatorTable(c.indicators, COLUMNS, (l, i) => [i + 1, l.content, points(l.points), l.rule ? `${l.rule}${l.computed ? '（系统依据台帐计算）' : ''}` : '']);
  table.totals = ['合计', null, points(total), null];
  return {
    title: c.title,
    unit: '',
    period: '',
    orientation: 'portrait',
    blocks: [
      { type: 'text', style: 'heading', text: `甲方：${c.committee}　　　　乙方：${c.org}` },
      ...(c.preamble ? c.preamble.split('\n').filter((p) => p.trim()).map((p) => ({ type: 'text' as const, text: p.trim() })) : []),
      { type: 'text', style: 'heading', text: `一、${c.year} 年度目标任务及考核分值` },
      table,
      { type: 'text', style: 'heading', text: '二、考核办法' },
      { type: 'text', text: `年终由甲方对照本责任书逐项考核。标注“系统依据台帐计算”的指标按党建台帐中的记录计算得分，其余指标由乙方自评、甲方评定。满分 ${points(total)} 分，${bandsText(bands)}。考核结果作为评先评优的重要依据。` },
      { type: 'text', style: 'heading', text: '三、其他' },
      { type: 'text', text: `本责任书一式两份，甲乙双方各执一份，自签订之日起生效，有效期至 ${c.year} 年 12 月 31 日。` },
      { type: 'signatures', items: [`甲方（盖章）：${c.committee}\n\n书记（签字）：`, `乙方（盖章）：${c.org}\n\n书记（签字）：`], dated: true },
      { type: 'text', style: 'note', text: `下达日期：${chineseDate(c.issuedOn)}${c.signedOn ? `　签订日期：${chineseDate(c.signedOn)}` : ''}` },
    ],
    sheet: '责任书',
  };
}

export function buildContract(data: ContractData): RegisterDoc {
  const sections = data.contracts.map((c, i) => ({ ...contractSection(c, data.bands), ...(i === 0 ? { toc: '党建工作目标责任书' } : {}) }));
  const warnings: string[] = [];
  if (sections.length === 0) {
    warnings.push('所选范围和年度还没有下达责任书。');
    sections.push({ title: '党建工作目标责任书', unit: data.unit, period: `${data.period.to.slice(0, 4)}年度`, orientation: 'portrait', blocks: [{ type: 'text', text: '（所选范围和年度还没有下达责任书）' }], sheet: '责任书', toc: '党建工作目标责任书' });
  }
  return registerDoc('contract', data, sections, warnings);
}
