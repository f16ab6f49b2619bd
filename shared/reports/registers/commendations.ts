// 表彰台账: every commendation of the year in the scope — members, households and orgs — with its
// level, the body that commended, the document number (文号) and the date. A household's address
// is personal data: a masked export cuts it after the 小区/楼栋.
import type { Column, RegisterDoc, TableBlock } from '../model';
import { type ReportHeader, maskerOf, registerDoc, tableSection } from './common';

export type CommendationLine = {
  kind: string;
  /** A member's or household head's name, or the org's. */
  name: string;
  householdAddress: string | null;
  org: string;
  title: string;
  level: string;
  issuer: string | null;
  docNumber: string | null;
  awardedOn: string | null;
  note: string | null;
};

export type CommendationsData = ReportHeader & { year: number; commendations: CommendationLine[] };

const COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '类别', kind: 'center' },
  { header: '受表彰对象', max: 18 },
  { header: '所在党组织', max: 18 },
  { header: '表彰名称', max: 14 },
  { header: '级别', kind: 'center' },
  { header: '表彰单位', max: 14 },
  { header: '文号', kind: 'code', max: 18 },
  { header: '表彰日期', kind: 'date' },
  { header: '备注', max: 14 },
];

export function buildCommendations(data: CommendationsData): RegisterDoc {
  const mask = maskerOf(data);
  const rows: TableBlock['rows'] = data.commendations.map((c, i) => [
    i + 1, c.kind, c.householdAddress ? `${c.name}（${mask.address(c.householdAddress)}）` : c.name, c.org, c.title, c.level, c.issuer, c.docNumber, c.awardedOn, c.note,
  ]);
  return registerDoc('commendations', data, [
    tableSection('commendations', data, 'landscape', [
      { type: 'table', columns: COLUMNS, rows, emptyText: `（${data.year} 年度没有表彰记录）` },
      { type: 'text', style: 'note', text: '说明：含党员（党员先锋岗、优秀共产党员等）、家庭（社区党员文明户等）和党组织（先进基层党组织等）受到的街道、区、市、省和全国表彰；作废的记录不列。' },
    ]),
  ]);
}
