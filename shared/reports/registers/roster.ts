// 党员花名册: the DOMAIN.md roster columns, members grouped under their branch's name.
import type { Column, RegisterDoc, TableBlock } from '../model';
import { type ReportHeader, maskerOf, registerDoc, tableSection } from './common';

export type RosterMember = {
  name: string;
  gender: string | null;
  ethnicity: string | null;
  idNumber: string;
  birthDate: string | null;
  nativePlace: string | null;
  education: string | null;
  /** 正式党员 / 预备党员 */
  kind: string;
  joinedOn: string | null;
  confirmedOn: string | null;
  groupName: string | null;
  employer: string | null;
  phone: string | null;
  address: string | null;
  /** Anything unusual: 停止党籍, 失联, 流动, and the member's note. */
  remark: string | null;
};

export type RosterBranch = { name: string; members: RosterMember[] };
export type RosterData = ReportHeader & { branches: RosterBranch[] };

export const ROSTER_COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '姓名', wrap: false },
  { header: '性别', kind: 'center' },
  { header: '民族', kind: 'center', max: 8 },
  { header: '公民身份号码', kind: 'code' },
  { header: '出生日期', kind: 'date' },
  { header: '籍贯', max: 10 },
  { header: '学历', kind: 'center', max: 10 },
  { header: '人员类别', kind: 'center' },
  { header: '入党日期', kind: 'date' },
  { header: '转正日期', kind: 'date' },
  { header: '党小组', wrap: false },
  { header: '工作单位及职务', max: 18 },
  { header: '联系电话', kind: 'code', max: 13 },
  { header: '现居住地', max: 18 },
  { header: '备注', max: 10 },
];

export function rosterTable(data: RosterData): TableBlock {
  const rows: TableBlock['rows'] = [];
  const captions: { before: number; text: string }[] = [];
  const several = data.branches.length > 1;
  const mask = maskerOf(data);
  for (const b of data.branches) {
    if (several) {
      const full = b.members.filter((m) => m.kind === '正式党员').length;
      captions.push({ before: rows.length, text: `${b.name}（共 ${b.members.length} 名：正式党员 ${full} 名，预备党员 ${b.members.length - full} 名）` });
    }
    for (const m of b.members) {
      rows.push([
        rows.length + 1, m.name, m.gender, m.ethnicity, mask.id(m.idNumber), mask.birthDate(m.birthDate), m.nativePlace, m.education,
        m.kind, m.joinedOn, m.confirmedOn, m.groupName, m.employer, mask.phone(m.phone), mask.address(m.address), m.remark,
      ]);
    }
  }
  return { type: 'table', columns: ROSTER_COLUMNS, rows, captions, emptyText: '（期间内没有党员）' };
}

export function buildRoster(data: RosterData): RegisterDoc {
  const table = rosterTable(data);
  const total = table.rows.length;
  const full = data.branches.reduce((n, b) => n + b.members.filter((m) => m.kind === '正式党员').length, 0);
  const summary = { type: 'text' as const, style: 'note' as const, text: `合计：党员 ${total} 名，其中正式党员 ${full} 名，预备党员 ${total - full} 名。` };
  return registerDoc('roster', data, [tableSection('roster', data, 'landscape', [table, summary])]);
}
