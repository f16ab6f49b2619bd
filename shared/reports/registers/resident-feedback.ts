// 双报到 to the units: the community's 反馈单 to each registrant's unit Party organisation (one
// page per unit: each quarter's activities, services and hours, the year-end evaluation), and the
// half-yearly summary the street sends up to the 组织部 (per community: registrants, feedback given,
// activities and hours).
import type { Column, RegisterDoc, Section } from '../model';
import { type ReportHeader, maskerOf, periodOf, registerDoc, signatures, tableSection } from './common';

export type FeedbackLine = {
  name: string;
  employer: string | null;
  phone: string | null;
  community: string;
  /** '二季度' … */
  quarter: string;
  attended: number;
  services: string | null;
  hours: number;
  comment: string | null;
};

export type FeedbackUnit = {
  /** The unit's Party organisation the sheet goes to. */
  unitOrg: string;
  lines: FeedbackLine[];
  /** Year-end evaluations of the unit's registrants in the period. */
  evaluations: { name: string; year: number; grade: string; note: string | null }[];
};

export type ResidentFeedbackData = ReportHeader & { units: FeedbackUnit[] };

const COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '姓名', wrap: false },
  { header: '工作单位及职务', max: 16 },
  { header: '联系电话', kind: 'code', max: 13 },
  { header: '报到社区', max: 12 },
  { header: '季度', kind: 'center' },
  { header: '参加活动（次）', kind: 'number' },
  { header: '服务内容', max: 20 },
  { header: '服务时长（小时）', kind: 'number' },
  { header: '社区意见', max: 22 },
];

const EVALUATION_COLUMNS: Column[] = [
  { header: '姓名', wrap: false },
  { header: '年度', kind: 'center' },
  { header: '评价等次', kind: 'center' },
  { header: '评语', max: 40 },
];

const TITLE = '在职党员到社区报到表现情况反馈单';

export function buildResidentFeedback(data: ResidentFeedbackData): RegisterDoc {
  const mask = maskerOf(data);
  const sections: Section[] = data.units.map((u, i) => ({
    title: TITLE,
    unit: data.unit,
    period: periodOf('resident-feedback', data),
    orientation: 'landscape',
    blocks: [
      { type: 'text', text: `${u.unitOrg}：` },
      { type: 'text', text: `贵单位以下在职党员在${data.unit}报到参加社区服务，现将期间内的表现情况反馈如下，请结合日常管理考核使用。` },
      {
        type: 'table', columns: COLUMNS,
        rows: u.lines.map((l, n) => [n + 1, l.name, l.employer, mask.phone(l.phone), l.community, l.quarter, l.attended, l.services, l.hours, l.comment]),
        totals: ['', '合计', '', '', '', '', u.lines.reduce((s, l) => s + l.attended, 0), '', u.lines.reduce((s, l) => s + l.hours, 0), ''],
        emptyText: '（期间内没有登记反馈）',
      },
      ...(u.evaluations.length
        ? [
            { type: 'text' as const, style: 'heading' as const, text: '年度评价' },
            { type: 'table' as const, columns: EVALUATION_COLUMNS, rows: u.evaluations.map((e) => [e.name, `${e.year}`, e.grade, e.note]) },
          ]
        : []),
      { type: 'signatures', items: ['社区党组织（盖章）：', '经办人：', '联系电话：'], dated: true },
    ],
    sheet: '反馈单',
    ...(i === 0 ? { toc: '在职党员报到反馈单' } : {}),
  }));
  if (sections.length === 0) {
    sections.push({ title: TITLE, unit: data.unit, period: periodOf('resident-feedback', data), orientation: 'landscape',
      blocks: [{ type: 'text', text: '（期间内没有登记在职党员报到反馈）' }, signatures()], sheet: '反馈单', toc: '在职党员报到反馈单' });
  }
  return registerDoc('resident-feedback', data, sections);
}

export type SummaryLine = {
  community: string;
  registrants: number;
  cadres: number;
  outside: number;
  owed: number;
  given: number;
  attended: number;
  hours: number;
  /** 优秀 … 不合格 counts, '' when none evaluated. */
  evaluations: string;
};

export type ResidentSummaryData = ReportHeader & { lines: SummaryLine[] };

const SUMMARY_COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '报到社区', max: 18 },
  { header: '报到人数', kind: 'number' },
  { header: '其中副科级以上干部', kind: 'number' },
  { header: '其中外单位党员', kind: 'number' },
  { header: '应反馈（人次）', kind: 'number' },
  { header: '已反馈（人次）', kind: 'number' },
  { header: '参加活动（次）', kind: 'number' },
  { header: '服务时长（小时）', kind: 'number' },
  { header: '年度评价', max: 24 },
];

export function buildResidentSummary(data: ResidentSummaryData): RegisterDoc {
  const sum = (k: 'registrants' | 'cadres' | 'outside' | 'owed' | 'given' | 'attended' | 'hours') => data.lines.reduce((s, l) => s + l[k], 0);
  const rows = data.lines.map((l, i) => [i + 1, l.community, l.registrants, l.cadres, l.outside, l.owed, l.given, l.attended, l.hours, l.evaluations]);
  return registerDoc('resident-summary', data, [
    tableSection('resident-summary', data, 'landscape', [
      {
        type: 'table', columns: SUMMARY_COLUMNS, rows, emptyText: '（期间内没有在职党员报到）',
        ...(rows.length ? { totals: ['', '合计', sum('registrants'), sum('cadres'), sum('outside'), sum('owed'), sum('given'), sum('attended'), sum('hours'), ''] } : {}),
      },
      { type: 'text', style: 'note', text: '说明：应反馈为期间内已结束、且党员在报到期内的季度数；已反馈为社区已登记反馈的季度数；外单位党员为不在本街道党员名册上的报到党员。' },
    ]),
  ]);
}
