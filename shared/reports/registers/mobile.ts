// 流动党员台帐: members who left to work elsewhere (流出) and those who came from elsewhere (流入).
import type { Column, RegisterDoc, TableBlock } from '../model';
import { type ReportHeader, chineseOrdinal, maskerOf, registerDoc, tableSection } from './common';

export type MobileLine = {
  name: string;
  gender: string | null;
  idNumber: string;
  branch: string | null;
  direction: 'out' | 'in';
  /** 流出地 / 流入前所在地 */
  place: string;
  unit: string | null;
  cardNumber: string | null;
  phone: string | null;
  /** For 流入: the member's own Party org elsewhere. */
  homeOrg: string | null;
  fromDate: string;
  toDate: string | null;
  note: string | null;
};

export type MobileData = ReportHeader & { records: MobileLine[] };

const COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '姓名', wrap: false },
  { header: '性别', kind: 'center' },
  { header: '公民身份号码', kind: 'code' },
  { header: '所在党支部', max: 16 },
  { header: '流出（流入）地', max: 16 },
  { header: '工作单位', max: 20 },
  { header: '流动党员活动证号', kind: 'code' },
  { header: '联系电话', kind: 'code', max: 14 },
  { header: '原党组织', max: 14 },
  { header: '开始日期', kind: 'date' },
  { header: '返回日期', kind: 'date' },
  { header: '备注', max: 12 },
];

export function buildMobile(data: MobileData): RegisterDoc {
  const rows: TableBlock['rows'] = [];
  const captions: { before: number; text: string }[] = [];
  const mask = maskerOf(data);
  const parts = [
    { label: '流出党员', list: data.records.filter((r) => r.direction === 'out') },
    { label: '流入党员', list: data.records.filter((r) => r.direction === 'in') },
  ];
  parts.forEach((p, i) => {
    captions.push({ before: rows.length, text: `${chineseOrdinal(i + 1)}、${p.label}（${p.list.length} 名${p.list.length ? '' : '，无'}）` });
    p.list.forEach((r, k) => rows.push([
      k + 1, r.name, r.gender, mask.id(r.idNumber), r.branch, r.place, r.unit, r.cardNumber, mask.phone(r.phone), r.homeOrg, r.fromDate, r.toDate, r.note,
    ]));
  });
  // Captions before an empty part stack at the same index, which both renderers print in order.
  const table: TableBlock = { type: 'table', columns: COLUMNS, rows, captions, emptyText: '（期间内没有流动党员）' };
  return registerDoc('mobile', data, [tableSection('mobile', data, 'landscape', [table])]);
}
