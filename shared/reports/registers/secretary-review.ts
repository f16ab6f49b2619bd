// 书记抓党建述职评议表: one row per 党委, 总支 and 支部 of the scope for the year — who reported,
// when, who attended, the report on file, and the ratings of members and of residents'
// representatives with the share satisfied (好 + 较好). An org with no record prints 未述职.
import { RATINGS, RATING_LABELS, type Tally, satisfactionRate, tallyTotal } from '../../domain/secretary-review';
import type { Column, RegisterDoc, TableBlock } from '../model';
import { type ReportHeader, percent, registerDoc, tableSection } from './common';

export type SecretaryReviewLine = {
  org: string;
  secretary: string | null;
  reportedOn: string | null;
  attendees: string | null;
  report: string | null;
  members: Tally | null;
  residents: Tally | null;
  note: string | null;
};

export type SecretaryReviewData = ReportHeader & { year: number; orgs: SecretaryReviewLine[] };

const tallyColumns = (): Column[] => [
  ...RATINGS.map((r): Column => ({ header: RATING_LABELS[r], kind: 'number', min: 4 })),
  { header: '满意率', kind: 'center', min: 7 },
];

const COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '党组织', max: 18 },
  { header: '书记', wrap: false },
  { header: '述职日期', kind: 'date' },
  { header: '参加人员', max: 16 },
  { header: '述职报告', max: 12 },
  ...tallyColumns(),
  ...tallyColumns(),
  { header: '备注', max: 12 },
];

function tallyCells(t: Tally | null): (number | string | null)[] {
  if (!t) return ['', '', '', '', '未评议'];
  const rate = satisfactionRate(t);
  return [...RATINGS.map((r) => t[r]), rate === null ? '' : percent(t.good + t.fair, tallyTotal(t))];
}

export function buildSecretaryReview(data: SecretaryReviewData): RegisterDoc {
  const rows: TableBlock['rows'] = data.orgs.map((o, i) => [
    i + 1, o.org, o.secretary, o.reportedOn ?? '未述职', o.attendees, o.report, ...tallyCells(o.members), ...tallyCells(o.residents), o.note,
  ]);
  return registerDoc('secretary-review', data, [
    tableSection('secretary-review', data, 'landscape', [
      {
        type: 'table', columns: COLUMNS, rows, emptyText: '（没有需要述职的党组织）',
        groups: [{ header: '', span: 1 }, { header: '', span: 1 }, { header: '述职情况', span: 4 }, { header: '党员评议（票）', span: 5 }, { header: '群众代表评议（票）', span: 5 }, { header: '', span: 1 }],
      },
      { type: 'text', style: 'note', text: `说明：${data.year} 年度党组织书记抓基层党建工作述职，由党员和群众代表按“好、较好、一般、差”评议；满意率 =（好 + 较好）÷ 总票数。` },
    ]),
  ]);
}
