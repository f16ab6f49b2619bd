// 民主评议党员结果: each branch's members with their grade; probationary members take part without
// a grade; the counts and the share of 优秀 under each branch.
import type { Column, RegisterDoc, TableBlock } from '../model';
import { type ReportHeader, percent, registerDoc, tableSection } from './common';

export type AppraisalLine = { name: string; kind: string; grade: string; appraisedOn: string | null; note: string | null };
export type AppraisalBranch = {
  name: string;
  members: AppraisalLine[];
  counts: { excellent: number; qualified: number; basicallyQualified: number; unqualified: number; notGraded: number; notAppraised: number };
};
export type AppraisalData = ReportHeader & { year: number; branches: AppraisalBranch[] };

const COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '姓名', wrap: false },
  { header: '人员类别', kind: 'center' },
  { header: '评议等次', kind: 'center', min: 8 },
  { header: '评议日期', kind: 'date' },
  { header: '备注', max: 30 },
];

export function branchSummary(b: AppraisalBranch): string {
  const c = b.counts;
  const graded = c.excellent + c.qualified + c.basicallyQualified + c.unqualified;
  const parts = [
    `参加评议 ${graded + c.notGraded} 人`,
    `评定等次 ${graded} 人`,
    `优秀 ${c.excellent} 人${graded ? `（${percent(c.excellent, graded)}）` : ''}`,
    `合格 ${c.qualified} 人`,
    `基本合格 ${c.basicallyQualified} 人`,
    `不合格 ${c.unqualified} 人`,
  ];
  if (c.notGraded) parts.push(`预备党员不评定等次 ${c.notGraded} 人`);
  if (c.notAppraised) parts.push(`未评议 ${c.notAppraised} 人`);
  return parts.join('，');
}

export function buildAppraisal(data: AppraisalData): RegisterDoc {
  const rows: TableBlock['rows'] = [];
  const captions: { before: number; text: string }[] = [];
  for (const b of data.branches) {
    captions.push({ before: rows.length, text: `${b.name}：${branchSummary(b)}` });
    b.members.forEach((m, i) => rows.push([i + 1, m.name, m.kind, m.grade, m.appraisedOn, m.note]));
  }
  return registerDoc('appraisal', data, [
    tableSection('appraisal', data, 'portrait', [
      { type: 'table', columns: COLUMNS, rows, captions, emptyText: '（没有党支部）' },
      { type: 'text', style: 'note', text: '说明：等次分优秀、合格、基本合格、不合格；优秀一般不超过评定等次人数的三分之一；预备党员参加评议，不评定等次。' },
    ]),
  ], data.branches.flatMap((b) => (b.counts.notAppraised && b.counts.notAppraised === b.members.length ? [`${b.name}${data.year}年度尚未录入民主评议结果。`] : [])));
}
