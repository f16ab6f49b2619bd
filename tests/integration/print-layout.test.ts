// Print that holds together, read back page by page with pdftotext: every page that holds a row of
// a table also holds that table's column header, and no page holds only the furniture of a page —
// a signature block, a title, a branch heading or a header row with nothing under it.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../electron/ledger/ledger';
import { listMembers } from '../../electron/ledger/members';
import { buildRegister, exportRegister } from '../../electron/reports/export';
import { resolveScope } from '../../electron/reports/scope';
import { REGISTER_NAMES, type RegisterName, registerInfo } from '../../shared/reports/catalog';
import { BINDER_ORDER } from '../../shared/reports/registers/binder';
import { PLANS_TOC, SUMMARY_SHEET } from '../../shared/reports/registers/plans';
import type { RegisterDoc, TableBlock } from '../../shared/reports/model';
import { tempDir } from '../helpers/temp-ledger';
import { DEMO_TODAY, openDemoCopy } from '../helpers/demo-street';

const TODAY = DEMO_TODAY;
const YEAR = 2025;
const squash = (s: string) => s.replace(/\s+/g, '');

let ledger: Ledger;
let dir: ReturnType<typeof tempDir>;
let branchId: number;

/** Each page's text: one pdftotext run (a page ends in a form feed) instead of one per page. */
function pdfPages(file: string): string[] {
  const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);
  const pages = execFileSync('pdftotext', [file, '-'], { maxBuffer: 512 * 1024 * 1024 }).toString().split('\f');
  expect(pages.length, 'pdftotext ends every page with a form feed').toBe(n + 1);
  return pages.slice(0, n).map(squash);
}

/** A row's mark on a page: its first two cells and the start of the third (序号, 姓名 and 性别 …). */
function rowMark(row: TableBlock['rows'][number]): string | null {
  const cells = row.filter((c) => c !== null && c !== '').map((c) => squash(String(c)));
  if (cells.length < 2) return null;
  const mark = cells[0]! + cells[1]! + (cells[2] ?? '').slice(0, 2);
  return mark.length >= 4 ? mark : null;
}

type Layout = { tables: { headers: string[]; marks: Set<string> }[]; furniture: string[] };

/** What the document model says each table's header and rows are, and what is page furniture. */
function layoutOf(doc: RegisterDoc): Layout {
  const tables: Layout['tables'] = [];
  const furniture = new Set<string>();
  for (const s of doc.sections) {
    furniture.add(s.title);
    if (s.unit) furniture.add(`填报单位：${s.unit}`);
    furniture.add(s.unit);
    furniture.add(s.period);
    if (s.toc) furniture.add(s.toc);
    for (const b of s.blocks) {
      if (b.type === 'signatures') for (const item of b.items) furniture.add(item);
      if (b.type === 'signatures' && b.dated) furniture.add('年月日');
      if (b.type === 'text' && b.style === 'heading') furniture.add(b.text);
      if (b.type !== 'table') continue;
      const headers = b.columns.map((c) => squash(c.header)).filter(Boolean);
      for (const h of headers) furniture.add(h);
      for (const g of b.groups ?? []) furniture.add(g.header);
      for (const c of b.captions ?? []) furniture.add(c.text);
      const marks = new Set(b.rows.map(rowMark).filter((m): m is string => m !== null));
      tables.push({ headers, marks });
    }
  }
  return { tables, furniture: [...furniture].map(squash).filter(Boolean).sort((a, b) => b.length - a.length) };
}

type Check = { pages: number; tablePages: number; headerless: string[]; bare: number[] };

/**
 * How many pages the binder's cover and 目录 take (the 目录 grows with the registers): up to the page
 * with the first register's title that does not also list the last one's, as the 目录 does.
 */
function frontMatter(doc: RegisterDoc, pages: string[]): number {
  if (!doc.cover) return 0;
  const titles = doc.sections.filter((x) => x.toc).map((x) => squash(x.title));
  const at = pages.findIndex((text, i) => i >= 1 && text.includes(titles[0]!) && !text.includes(titles.at(-1)!));
  expect(at, '找不到第一个台帐的首页').toBeGreaterThan(0);
  return at;
}

function checkPdf(doc: RegisterDoc, pages: string[]): Check {
  const { tables, furniture } = layoutOf(doc);
  const front = frontMatter(doc, pages);
  const headerless: string[] = [];
  const bare: number[] = [];
  let tablePages = 0;
  pages.forEach((text, i) => {
    // The binder's cover and contents hold no rows (a contents page number, then the footer's unit
    // and year, can read like a row's mark: 2 + 望江社区第一党支部 + 20).
    const holding = i < front ? [] : tables.filter((t) => [...t.marks].some((m) => text.includes(m)));
    if (holding.length > 0) {
      tablePages++;
      if (!holding.some((t) => t.headers.every((h) => text.includes(h)))) {
        const t = holding[0]!;
        headerless.push(`第 ${i + 1} 页（${[...t.marks].find((m) => text.includes(m))}；缺 ${t.headers.filter((h) => !text.includes(h)).join('、')}）`);
      }
    }
    // The footer, then every piece of furniture: a page with nothing left held only those.
    let rest = text.replace(/第\d+页共\d+页/g, '').replace(/打印日期：\d+年\d+月\d+日/g, '').replace(squash(doc.title), '');
    for (const f of furniture) rest = rest.split(f).join('');
    if (i >= front && rest.replace(/[（）()：:，。、]/g, '') === '') bare.push(i + 1);
  });
  return { pages: pages.length, tablePages, headerless, bare };
}

beforeAll(async () => {
  dir = tempDir('print-layout-');
  mkdirSync(join(dir.dir, 'out'));
  ledger = await openDemoCopy(join(dir.dir, 'demo.ledger'));
  const scope = resolveScope(ledger, {}, { year: YEAR }, TODAY);
  branchId = scope.branches.find((o) => listMembers(ledger, { orgId: o.id }).length >= 20)!.id;
}, 300_000);
afterAll(() => {
  ledger?.close();
  dir?.cleanup();
});

type Printed = { doc: RegisterDoc; file: string; pages: string[] };
const printed = new Map<string, Promise<Printed>>();

/** A register exported as PDF and read back; the binder of a branch is printed once for the two tests that read it. */
function print(register: RegisterName, orgId: number | null, binderPages = false): Promise<Printed> {
  const name = `${register}-${orgId ?? 'street'}${binderPages ? '-pages' : ''}`;
  if (!printed.has(name)) {
    printed.set(name, (async () => {
      const req = { register, format: 'pdf' as const, scope: { orgId }, period: { year: YEAR }, binderPages, today: TODAY };
      const { doc } = buildRegister(ledger, req);
      const file = join(dir.dir, 'out', `${name}.pdf`);
      await exportRegister(ledger, req, file);
      return { doc, file, pages: pdfPages(file) };
    })());
  }
  return printed.get(name)!;
}

async function exported(register: RegisterName, orgId: number | null): Promise<Check & { rows: number }> {
  const { doc, pages } = await print(register, orgId);
  const rows = doc.sections.flatMap((x) => x.blocks).filter((b): b is TableBlock => b.type === 'table').reduce((a, b) => a + b.rows.length, 0);
  return { ...checkPdf(doc, pages), rows };
}

// Street-wide for the registers of tables; the page-per-member and page-per-meeting registers of
// one branch (street-wide they run to thousands of pages of forms, each a page of its own).
const PER_PAGE: RegisterName[] = ['member-form', 'meeting-pages'];

describe('every exported register, page by page', () => {
  for (const register of REGISTER_NAMES) {
    const scopes: (null | 'branch')[] = register === 'binder' ? [null, 'branch'] : PER_PAGE.includes(register) ? ['branch'] : [null];
    for (const s of scopes) {
      it(`${register} (${s ?? 'street'}): every page with rows has their header; no page holds only a title, a heading or signatures`, { timeout: 600_000 }, async () => {
        const check = await exported(register, s === 'branch' ? branchId : null);
        expect(check.headerless, `pages without their table's header, of ${check.pages}`).toEqual([]);
        expect(check.bare, `pages holding only furniture, of ${check.pages}`).toEqual([]);
        // The check saw tables wherever the register has them.
        if (check.rows > 0) expect(check.tablePages).toBeGreaterThan(0);
      });
    }
  }
});

/** The binder's 目录 read back, and the page where each register's first title actually is. */
async function binderContents(orgId: number | null, binderPages: boolean) {
  const { doc, file, pages } = await print('binder', orgId, binderPages);
  const toc = execFileSync('pdftotext', ['-f', '2', '-l', '3', file, '-']).toString();
  const entries = [...toc.matchAll(/^\s*([一二三四五六七八九十]+)、(.+?)\s+(\d+)\s*$/gm)].map((m) => ({ title: m[2]!.trim(), page: Number(m[3]) }));
  // Each entry's register begins with the first section carrying a toc line after the previous one.
  const starts = doc.sections.filter((x) => x.toc).map((x) => squash(x.title));
  let from = 2;
  const actual = starts.map((title) => {
    const at = pages.findIndex((text, i) => i >= from && text.includes(title));
    from = at + 1;
    return at + 1;
  });
  return { doc, pages, entries, actual };
}

describe('the yearly binder', () => {
  it('of a branch holds every inspection item, each where the contents say', { timeout: 600_000 }, async () => {
    const { doc, pages, entries, actual } = await binderContents(branchId, false);
    // 年初有计划、年终有总结: the plans open the binder, the summaries close it.
    expect(entries.map((e) => e.title)).toEqual([PLANS_TOC, ...BINDER_ORDER.filter((r) => r !== 'plans').map((r) => registerInfo(r).title), SUMMARY_SHEET]);
    expect(entries.map((e) => e.page)).toEqual(actual);
    // One page or more per member and per meeting.
    const forms = doc.sections.filter((x) => x.title === '党员基本信息采集表').length;
    expect(forms).toBeGreaterThan(10);
    expect(pages.filter((t) => t.includes('党员基本信息采集表')).length).toBeGreaterThanOrEqual(forms);
    expect(doc.sections.filter((x) => x.sheet === '会议记录').length).toBeGreaterThan(10);
  });
  it('of several branches takes the per-member and per-meeting pages on request, contents matching', { timeout: 600_000 }, async () => {
    // The smallest org above branches: a community's committee with its branches.
    const scope = resolveScope(ledger, {}, { year: YEAR }, TODAY);
    const parents = [...new Set(scope.branches.map((b) => b.parentId))].filter((id): id is number => id !== null && id !== scope.root.id);
    const sized = parents.map((id) => ({ id, n: scope.branches.filter((b) => b.parentId === id).length })).filter((x) => x.n >= 2).sort((a, b) => a.n - b.n);
    const { doc, entries, actual } = await binderContents(sized[0]!.id, true);
    const titles = entries.map((e) => e.title);
    expect(titles).toEqual(expect.arrayContaining(['党员基本信息采集表', '会议记录', '党建工作年终考核汇总表']));
    expect(entries.map((e) => e.page)).toEqual(actual);
    expect(doc.sections.filter((x) => x.title === '党员基本信息采集表').length).toBeGreaterThan(10);
    const without = buildRegister(ledger, { register: 'binder', format: 'pdf', scope: { orgId: sized[0]!.id }, period: { year: YEAR }, today: TODAY }).doc;
    expect(without.sections.some((x) => x.title === '党员基本信息采集表')).toBe(false);
  });
});
