// 党员设岗定责台帐: each post with its duty and how many holders it wants, and the members holding it in
// the period with their pledge and the year's 考核评岗.
import { POST_REVIEW_LABELS, type PostReviewResult } from '../../domain/posts';
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
  /** 考核评岗 of the period's year. */
  review: { result: PostReviewResult; note: string | null } | null;
};

export type PostGroup = { name: string; duty: string | null; capacity: number | null; holders: PostHolder[] };
export type PostsData = ReportHeader & { year: number; posts: PostGroup[] };

const COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '姓名', wrap: false },
  { header: '所在党支部', max: 16 },
  { header: '联系电话', kind: 'code', max: 14 },
  { header: '上岗日期', kind: 'date' },
  { header: '离岗日期', kind: 'date' },
  { header: '承诺事项', max: 30 },
  { header: '评岗结果', max: 16 },
  { header: '备注', max: 10 },
];

function reviewText(r: PostHolder['review']): string | null {
  return r ? `${POST_REVIEW_LABELS[r.result]}${r.note ? `（${r.note}）` : ''}` : null;
}

export function buildPosts(data: PostsData): RegisterDoc {
  const rows: TableBlock['rows'] = [];
  const captions: { before: number; text: string }[] = [];
  const mask = maskerOf(data);
  for (const p of data.posts) {
    if (p.holders.length === 0) continue;
    const count = p.capacity === null ? `${p.holders.length} 人` : `设岗 ${p.capacity} 人，认岗 ${p.holders.length} 人`;
    captions.push({ before: rows.length, text: `${p.name}（${count}）${p.duty ? `　岗位职责：${p.duty}` : ''}` });
    p.holders.forEach((h, i) => rows.push([i + 1, h.name, h.branch, mask.phone(h.phone), h.fromDate, h.toDate, h.pledge, reviewText(h.review), h.note]));
  }
  const people = rows.length;
  const empty = data.posts.filter((p) => p.holders.length === 0).map((p) => p.name);
  const reviewed = data.posts.flatMap((p) => p.holders).filter((h) => h.review);
  const byResult = Object.entries(POST_REVIEW_LABELS).map(([k, label]) => [label, reviewed.filter((h) => h.review!.result === k).length] as const).filter(([, n]) => n > 0);
  const reviewLine = reviewed.length ? `${data.year}年考核评岗 ${reviewed.length} 人：${byResult.map(([l, n]) => `${l} ${n} 人`).join('，')}。` : `${data.year}年尚未考核评岗。`;
  const blocks: TableBlock[] = [{ type: 'table', columns: COLUMNS, rows, captions, emptyText: '（期间内没有党员认领岗位）' }];
  return registerDoc('posts', data, [
    tableSection('posts', data, 'portrait', [
      ...blocks,
      { type: 'text', style: 'note', text: `合计：${data.posts.length - empty.length} 个岗位，认岗 ${people} 人次。${reviewLine}${empty.length ? `无人认领的岗位：${empty.join('、')}。` : ''}` },
    ]),
  ]);
}
