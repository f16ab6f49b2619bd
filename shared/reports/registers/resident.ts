// 在职党员到社区报到台帐 (双重管理): who registered at which community, what they offered, and the
// community's quarterly feedback to the member's unit.
import type { Column, RegisterDoc } from '../model';
import { type ReportHeader, maskerOf, registerDoc, tableSection } from './common';

export type ResidentLine = {
  name: string;
  gender: string | null;
  employer: string | null;
  unitOrg: string | null;
  community: string;
  registeredOn: string;
  endedOn: string | null;
  isCadre: boolean;
  serviceIntent: string | null;
  posts: string | null;
  phone: string | null;
  /** Feedback sent for Q1..Q4 of the period's year. */
  feedback: [boolean, boolean, boolean, boolean];
  note: string | null;
};

export type ResidentData = ReportHeader & { year: number; records: ResidentLine[] };

const COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '姓名', wrap: false },
  { header: '性别', kind: 'center' },
  { header: '工作单位及职务', max: 20 },
  { header: '单位党组织', max: 16 },
  { header: '报到社区', max: 14 },
  { header: '报到日期', kind: 'date' },
  { header: '结束日期', kind: 'date' },
  { header: '副科级以上干部', kind: 'center' },
  { header: '服务意向', max: 20 },
  { header: '认领岗位', max: 12 },
  { header: '联系电话', kind: 'code', max: 14 },
  { header: '一季度', kind: 'center' },
  { header: '二季度', kind: 'center' },
  { header: '三季度', kind: 'center' },
  { header: '四季度', kind: 'center' },
  { header: '备注', max: 10 },
];

export function buildResident(data: ResidentData): RegisterDoc {
  const mask = maskerOf(data);
  const rows = data.records.map((r, i) => [
    i + 1, r.name, r.gender, r.employer, r.unitOrg, r.community, r.registeredOn, r.endedOn, r.isCadre ? '是' : '', r.serviceIntent, r.posts, mask.phone(r.phone),
    ...r.feedback.map((f) => (f ? '√' : '')), r.note,
  ]);
  const groups = [
    ...COLUMNS.slice(0, 12).map(() => ({ header: '', span: 1 })),
    { header: `${data.year}年向单位党组织反馈`, span: 4 },
    { header: '', span: 1 },
  ];
  const cadres = data.records.filter((r) => r.isCadre).length;
  return registerDoc('resident', data, [
    tableSection('resident', data, 'landscape', [
      { type: 'table', columns: COLUMNS, groups, rows, emptyText: '（期间内没有在职党员报到）' },
      { type: 'text', style: 'note', text: `合计：报到在职党员 ${data.records.length} 名，其中副科级以上党员干部 ${cadres} 名。“√”表示该季度已向所在单位党组织反馈表现情况。` },
    ]),
  ]);
}
