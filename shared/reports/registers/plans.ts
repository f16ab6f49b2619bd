// 年度工作计划、月度安排和年终总结: for each org of the scope, the year's plan (its text, or the file
// it was handed in as), the monthly arrangements with the activities that carried them out, and the
// year-end summary. In the binder the plans open the year and the summaries close it (binder.ts).
import { PLAN_KIND_LABELS, type PlanKind } from '../../domain/posts';
import { chineseDate } from '../conventions';
import type { Block, Column, RegisterDoc, Section } from '../model';
import { type ReportHeader, registerDoc, signatures } from './common';

export type PlanText = { title: string; content: string | null; submittedOn: string; fileName: string | null; late: boolean };
export type PlanArrangementLine = { month: string; title: string; activityType: string | null; plannedOn: string | null; done: string[] };
export type PlanOrg = { org: string; plan: PlanText | null; summary: PlanText | null; arrangements: PlanArrangementLine[] };
export type PlansData = ReportHeader & { year: number; orgs: PlanOrg[] };

/** The sheet (and binder part) of the summaries: binder.ts moves these sections to the end. */
export const SUMMARY_SHEET = '年终工作总结';
const PLAN_SHEET = '年度工作计划';
/** The binder's 目录 lines of the two parts. */
export const PLANS_TOC = '年度工作计划和月度安排';

const ARRANGEMENT_COLUMNS: Column[] = [
  { header: '月份', kind: 'center', min: 6 },
  { header: '工作安排', max: 40 },
  { header: '活动类型', max: 14 },
  { header: '计划日期', kind: 'date' },
  { header: '落实情况', max: 40 },
];

function textBlocks(kind: PlanKind, t: PlanText | null, year: number): Block[] {
  if (!t) return [{ type: 'text', text: `（${year}年${PLAN_KIND_LABELS[kind]}尚未报送）` }];
  const body = (t.content ?? '').split('\n').map((p) => p.trim()).filter(Boolean).map((p): Block => ({ type: 'text', text: p }));
  return [
    { type: 'text', style: 'heading', text: t.title },
    ...body,
    ...(t.fileName ? [{ type: 'text' as const, text: `${body.length ? '另附' : '见附件'}：${t.fileName}（存于党建台帐）` }] : []),
    { type: 'text', style: 'right', text: `报送日期：${chineseDate(t.submittedOn)}${t.late ? '（逾期报送）' : ''}` },
  ];
}

export function buildPlans(data: PlansData): RegisterDoc {
  const period = `${data.year}年度`;
  const section = (title: string, org: string, sheet: string, blocks: Block[], toc?: string): Section => ({
    title, unit: org, period, orientation: 'portrait', blocks: [...blocks, signatures()], sheet, ...(toc ? { toc } : {}),
  });
  const plans = data.orgs.map((o, i) => section(`${data.year}年度工作计划和月度安排`, o.org, PLAN_SHEET, [
    ...textBlocks('plan', o.plan, data.year),
    { type: 'text', style: 'heading', text: '月度工作安排' },
    {
      type: 'table', columns: ARRANGEMENT_COLUMNS, emptyText: '（没有登记月度工作安排）',
      rows: o.arrangements.map((a) => [`${Number(a.month.slice(5))}月`, a.title, a.activityType, a.plannedOn, a.done.length ? a.done.join('；') : '未落实']),
    },
  ], i === 0 ? PLANS_TOC : undefined));
  const summaries = data.orgs.map((o, i) => section(`${data.year}年终工作总结`, o.org, SUMMARY_SHEET, textBlocks('summary', o.summary, data.year), i === 0 ? SUMMARY_SHEET : undefined));
  const missing = (k: 'plan' | 'summary') => data.orgs.filter((o) => !o[k]).map((o) => o.org);
  const warnings = [
    ...(missing('plan').length ? [`未报送${data.year}年度工作计划：${missing('plan').join('、')}`] : []),
    ...(missing('summary').length ? [`未报送${data.year}年终工作总结：${missing('summary').join('、')}`] : []),
  ];
  const empty = (title: string, sheet: string, toc: string) => section(title, data.unit, sheet, [{ type: 'text', text: '（所选范围内没有党组织）' }], toc);
  return registerDoc('plans', data, [
    ...(plans.length ? plans : [empty(`${data.year}年度工作计划和月度安排`, PLAN_SHEET, PLANS_TOC)]),
    ...(summaries.length ? summaries : [empty(`${data.year}年终工作总结`, SUMMARY_SHEET, SUMMARY_SHEET)]),
  ], warnings);
}
