// 党员设岗定责台帐: each post with its duty, and the members holding it in the period with their pledge.
import type { Column, RegisterDoc, TableBlock } from '../model';
import { type ReportHeader, maskerOf, registerDoc, tableSection } from './common';

export type PostHolder = {
  name: string;
  branch: string | null;
  phone: string | null;
  fromDate: string;
  toDate: string | null;
  pledge: string | null;
  note: string | null;
};

export type PostGroup = { name: string; duty: string | null; holders: PostHolder[] };
export type PostsData = ReportHeader & { posts: PostGroup[] };

const COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '姓名', wrap: false },
  { header: '所在党支部', max: 16 },
  { header: '联系电话', kind: 'code', max: 14 },
  { header: '上岗日期', kind: 'date' },
  { header: '离岗日期', kind: 'date' },
  { header: '承诺事项', max: 36 },
  { header: '备注', max: 12 },
];

export function buildPosts(data: PostsData): RegisterDoc {
  const rows: TableBlock['rows'] = [];
  const captions: { before: number; text: string }[] = [];
  const mask = maskerOf(data);
  for (const p of data.posts) {
    if (p.holders.length === 0) continue;
    captions.push({ before: rows.length, text: `${p.name}（${p.holders.length} 人）${p.duty ? `　岗位职责：${p.duty}` : ''}` });
    p.holders.forEach((h, i) => rows.push([i + 1, h.name, h.branch, mask.phone(h.phone), h.fromDate, h.toDate, h.pledge, h.note]));
  }
  const people = rows.length;
  const empty = data.posts.filter((p) => p.holders.length === 0).map((p) => p.name);
  const blocks: TableBlock[] = [{ type: 'table', columns: COLUMNS, rows, captions, emptyText: '（期间内没有党员认领岗位）' }];
  return registerDoc('posts', data, [
    tableSection('posts', data, 'portrait', [
      ...blocks,
      { type: 'text', style: 'note', text: `合计：${data.posts.length - empty.length} 个岗位，认岗 ${people} 人次。${empty.length ? `无人认领的岗位：${empty.join('、')}。` : ''}` },
    ]),
  ]);
}
