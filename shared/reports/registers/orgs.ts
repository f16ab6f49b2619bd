// 党组织基本情况: one line per org (党委, 总支, 支部; 党小组 are counted under their branch).
import type { Column, RegisterDoc } from '../model';
import { type ReportHeader, registerDoc, tableSection } from './common';

export type OrgLine = {
  name: string;
  /** 党支部 · 社区 */
  typeLabel: string;
  parentName: string | null;
  foundedOn: string | null;
  fullMembers: number;
  probationaryMembers: number;
  groups: number;
  secretary: string | null;
  /** 副书记 王某, 组织委员 李某 … */
  committee: string;
  /** 2021-04-07 至 2026-04-07 */
  term: string;
  instructor: string | null;
  partners: string;
  /** 8/10 and what is missing */
  facilities: string;
  phone: string | null;
  address: string | null;
};

export type OrgsData = ReportHeader & {
  orgs: OrgLine[];
  /** Members on the roll of the scope, each counted once (the 合计 row). */
  total: { full: number; probationary: number };
};

const COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '党组织名称', max: 20 },
  { header: '组织类型', kind: 'center', max: 10 },
  { header: '上级党组织', max: 14 },
  { header: '成立日期', kind: 'date' },
  { header: '正式党员', kind: 'number' },
  { header: '预备党员', kind: 'number' },
  { header: '党小组', kind: 'number' },
  { header: '书记', wrap: false },
  { header: '班子其他成员', max: 16, min: 15 },
  { header: '本届任期', kind: 'center' },
  { header: '党建指导员', max: 8 },
  { header: '共建单位', max: 20 },
  { header: '“十有”落实', max: 20 },
  { header: '联系电话', kind: 'code', max: 14 },
  { header: '地址', max: 18 },
];

export function buildOrgs(data: OrgsData): RegisterDoc {
  const rows = data.orgs.map((o, i) => [
    i + 1, o.name, o.typeLabel, o.parentName, o.foundedOn, o.fullMembers, o.probationaryMembers, o.groups || null, o.secretary,
    o.committee, o.term, o.instructor, o.partners, o.facilities, o.phone, o.address,
  ]);
  // Each org's line counts the members below it too: the total counts each member once.
  const totals = ['合计', `${data.orgs.length} 个党组织`, null, null, null, data.total.full, data.total.probationary, data.orgs.reduce((n, o) => n + o.groups, 0), null, null, null, null, null, null, null, null];
  return registerDoc('orgs', data, [
    tableSection('orgs', data, 'landscape', [{ type: 'table', columns: COLUMNS, rows, totals, emptyText: '（没有党组织）' }]),
  ]);
}
