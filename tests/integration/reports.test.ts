// Every register exported from the demo street and read back: the workbook with exceljs (sheets,
// headers, rows, print setup), the PDF with pdftotext (names, page count, footer, no blanks).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listActivities } from '../../electron/ledger/activities';
import { yearSummary } from '../../electron/ledger/assessments';
import type { Ledger } from '../../electron/ledger/ledger';
import { listMembers } from '../../electron/ledger/members';
import { buildRegister, exportRegister } from '../../electron/reports/export';
import { renderPdf } from '../../electron/reports/render';
import { resolveScope } from '../../electron/reports/scope';
import { renderWorker } from '../../electron/reports/worker-pool';
import { REGISTER_NAMES, type RegisterName, registerInfo } from '../../shared/reports/catalog';
import { MISSING_GLYPH_PLACEHOLDER } from '../../shared/reports/glyphs';
import type { TableBlock } from '../../shared/reports/model';
import { tempDir } from '../helpers/temp-ledger';
import { DEMO_TODAY, openDemoCopy } from '../helpers/demo-street';

const TODAY = DEMO_TODAY;
const YEAR = 2025;
const squash = (s: string) => s.replace(/\s+/g, '');

let ledger: Ledger;
let dir: ReturnType<typeof tempDir>;
let out: string;
let branch: { id: number; name: string };

function pdfPages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);
}
function pdfText(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...range, file, '-'], { maxBuffer: 256 * 1024 * 1024 }).toString();
}
async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}
function sheetText(ws: ExcelJS.Worksheet): string {
  const parts: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => parts.push(String(c.value ?? ''))));
  return parts.join('\n');
}
function exportTo(register: RegisterName, format: 'pdf' | 'xlsx', opts: { orgId?: number | null; maskIds?: boolean } = {}) {
  const file = join(out, `${register}-${opts.orgId ?? 'street'}${opts.maskIds ? '-masked' : ''}.${format}`);
  return exportRegister(ledger, { register, format, scope: { orgId: opts.orgId ?? null }, period: { year: YEAR }, maskIds: opts.maskIds, today: TODAY }, file)
    .then((result) => ({ file, result }));
}
const yearEndNames = (orgId: number | null) => listMembers(ledger, { orgId, asOf: `${YEAR}-12-31` }).map((m) => m.name);

beforeAll(async () => {
  dir = tempDir('reports-test-');
  out = join(dir.dir, 'out');
  mkdirSync(out);
  ledger = await openDemoCopy(join(dir.dir, 'demo.ledger'));
  const scope = resolveScope(ledger, {}, { year: YEAR }, TODAY);
  const b = scope.branches.find((o) => listMembers(ledger, { orgId: o.id }).length >= 20)!;
  branch = { id: b.id, name: b.name };
}, 300_000);
afterAll(async () => {
  await renderWorker.stop();
  ledger?.close();
  dir?.cleanup();
});

describe('every register of one branch, in both formats', () => {
  for (const register of REGISTER_NAMES.filter((r) => r !== 'binder')) {
    it(`${register}: the PDF and the workbook carry the same title, pages are counted, the print setup is set`, { timeout: 180_000 }, async () => {
      const { doc } = buildRegister(ledger, { register, format: 'pdf', scope: { orgId: branch.id }, period: { year: YEAR }, today: TODAY });
      const first = doc.sections[0]!;

      const pdf = await exportTo(register, 'pdf', { orgId: branch.id });
      const pages = pdfPages(pdf.file);
      expect(pdf.result.pages).toBe(pages);
      const text = squash(pdfText(pdf.file));
      expect(text).toContain(squash(first.title));
      expect(text).toContain(squash(`第 1 页 共 ${pages} 页`));
      expect(text).toContain(squash(`第 ${pages} 页 共 ${pages} 页`));
      expect(text).not.toContain(squash(MISSING_GLYPH_PLACEHOLDER));
      if (doc.sections.length > 1) expect(pages).toBeGreaterThanOrEqual(doc.sections.length);

      const xlsx = await exportTo(register, 'xlsx', { orgId: branch.id });
      const wb = await workbook(xlsx.file);
      const ws = wb.worksheets[0]!;
      expect(ws.getCell('A1').value).toBe(first.title);
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.orientation).toBe(first.orientation);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.printArea).toMatch(/^A1:[A-Z]+\d+$/);
      const table = first.blocks.find((b): b is TableBlock => b.type === 'table');
      if (table && doc.sections.length === 1) {
        // One table: its header repeats on every printed page and stays in view on screen.
        expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
        expect(ws.views[0]?.state).toBe('frozen');
        const [, last] = ws.pageSetup.printTitlesRow!.split(':').map(Number);
        const headers = (ws.getRow(last!).values as unknown[]).filter((v) => typeof v === 'string');
        for (const c of table.columns) if (!table.groups) expect(headers).toContain(c.header);
      }
    });
  }

  it('the roster and the forms have every member of the branch; each form is one page', { timeout: 120_000 }, async () => {
    const names = yearEndNames(branch.id);
    expect(names.length).toBeGreaterThanOrEqual(20);
    const roster = squash(pdfText(join(out, `roster-${branch.id}.pdf`)));
    const forms = join(out, `member-form-${branch.id}.pdf`);
    const formText = squash(pdfText(forms));
    const sheet = sheetText((await workbook(join(out, `roster-${branch.id}.xlsx`))).worksheets[0]!);
    for (const n of names) {
      expect(roster).toContain(n);
      expect(formText).toContain(n);
      expect(sheet).toContain(n);
    }
    expect(pdfPages(forms)).toBe(names.length);
  });

  it('the meeting list has one row per meeting of the year, and the record pages one page or more each', { timeout: 120_000 }, async () => {
    const meetings = listActivities(ledger, { orgId: branch.id, from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, limit: 5000 });
    expect(meetings.length).toBeGreaterThan(20);
    const ws = (await workbook(join(out, `meetings-${branch.id}.xlsx`))).worksheets[0]!;
    let rows = 0;
    ws.eachRow((row) => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(String(row.getCell(2).value ?? ''))) rows++;
    });
    expect(rows).toBe(meetings.length);
    expect(pdfPages(join(out, `meeting-pages-${branch.id}.pdf`))).toBeGreaterThanOrEqual(meetings.length);
    const text = squash(pdfText(join(out, `meetings-${branch.id}.pdf`)));
    for (const m of meetings.slice(0, 10)) expect(text).toContain(squash(m.topic).slice(0, 8));
  });

  it('the assessment sheet and the summary print the assessment service’s totals, grades and ranks', { timeout: 120_000 }, async () => {
    const mine = yearSummary(ledger, YEAR).branches.find((b) => b.orgId === branch.id)!;
    const text = squash(pdfText(join(out, `assessment-${branch.id}.pdf`)));
    expect(text).toContain(squash(`考核总分：${mine.total.toFixed(2)} 分`));
    expect(text).toContain(squash(`考核等次：${mine.grade}`));
    expect(text).toContain(squash(`第 ${mine.rank} 名`));
    const contract = squash(pdfText(join(out, `contract-${branch.id}.pdf`)));
    expect(contract).toContain(squash(`乙方：${branch.name}`));
    expect(contract).toContain('书记（签字）');
  });
});

describe('street-wide', () => {
  it('the summary ranks each level in its own table; a 社区党委’s 考核表 reads its branches’ figures and its secretary signs', { timeout: 120_000 }, async () => {
    const s = yearSummary(ledger, YEAR);
    const communities = s.branches.filter((b) => b.level === 'community');
    const summary = squash(pdfText((await exportTo('assessment-summary', 'pdf')).file));
    expect(summary).toContain(squash('党建工作年终考核汇总表（党支部）'));
    expect(summary).toContain(squash(`共 ${communities.length} 个社区党委（党总支）`));
    const xlsx = await workbook((await exportTo('assessment-summary', 'xlsx')).file);
    expect(xlsx.worksheets.map((w) => w.name)).toEqual(['汇总表（党支部）', '汇总表（社区党委、党总支）']);
    const community = communities[0]!;
    const sheet = squash(pdfText((await exportTo('assessment', 'pdf', { orgId: community.orgId })).file));
    expect(sheet).toContain(squash(`${YEAR}年度社区党建工作年终考核表`));
    expect(sheet).toContain(squash(`名次：第 ${community.rank} 名（共 ${community.of} 个社区党委（党总支））`));
    expect(sheet).toContain(squash('社区党委（党总支）书记（签字）'));
    expect(sheet).toContain(squash(community.indicators.find((i) => i.metric === 'committeeMonths')!.computed!.explanation));
  });

  it('the roster has every member of the street in both formats, one row each', { timeout: 240_000 }, async () => {
    const names = yearEndNames(null);
    expect(names.length).toBeGreaterThanOrEqual(600);
    const pdf = await exportTo('roster', 'pdf');
    const text = squash(pdfText(pdf.file));
    expect(names.filter((n) => !text.includes(n))).toEqual([]);
    const xlsx = await exportTo('roster', 'xlsx');
    const ws = (await workbook(xlsx.file)).worksheets[0]!;
    let rows = 0;
    ws.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number') rows++;
    });
    expect(rows).toBe(names.length);
  });

  it('masks ID numbers on request and says so in the audit log', { timeout: 240_000 }, async () => {
    const before = (ledger.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export'").get() as { n: number }).n;
    const m = listMembers(ledger, { asOf: `${YEAR}-12-31` })[0]!;
    const pdf = await exportTo('roster', 'pdf', { maskIds: true });
    const text = pdfText(pdf.file);
    expect(text).not.toContain(m.idNumber);
    expect(text).toContain(`${m.idNumber.slice(0, 6)}********${m.idNumber.slice(-4)}`);
    const xlsx = await exportTo('roster', 'xlsx', { maskIds: true });
    expect(sheetText((await workbook(xlsx.file)).worksheets[0]!)).not.toContain(m.idNumber);
    const entries = ledger.db.prepare("SELECT summary, after FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 2").all() as { summary: string; after: string }[];
    expect((ledger.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export'").get() as { n: number }).n).toBe(before + 2);
    expect(entries[1]!.summary).toContain('已脱敏');
    expect(JSON.parse(entries[1]!.after)).toMatchObject({ register: 'roster', format: 'pdf', maskIds: true });
  });

  it('the yearly binder: a cover, a table of contents whose page numbers are where each register begins', { timeout: 300_000 }, async () => {
    const { file, result } = await exportTo('binder', 'pdf');
    const pages = pdfPages(file);
    expect(result.pages).toBe(pages);
    expect(squash(pdfText(file, 1))).toContain('党建工作台帐');
    const toc = pdfText(file, 2);
    const entries = [...toc.matchAll(/^\s*([一二三四五六七八九十]+)、(.+?)\s+(\d+)\s*$/gm)].map((m) => ({ title: m[2]!.trim(), page: Number(m[3]) }));
    expect(entries.map((e) => e.title)).toEqual(expect.arrayContaining(['党组织基本情况', '党员花名册', '党建工作年终考核汇总表']));
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.page).toBeGreaterThan(entries[i - 1]!.page);
    for (const e of entries.filter((x) => ['党组织基本情况', '党员花名册', '流动党员台帐', '党员参加组织生活登记表'].includes(x.title))) {
      expect(squash(pdfText(file, e.page))).toContain(squash(e.title));
    }
    expect(entries.at(-1)!.page).toBeLessThanOrEqual(pages);
    // Laid out in pieces and joined: every page but the cover still counts itself and the whole.
    const text = pdfText(file).split('\f');
    const footers = text.slice(0, pages).map((t) => /第 (\d+) 页 共 (\d+) 页/.exec(t)?.slice(1).map(Number) ?? null);
    expect(footers[0]).toBeNull();
    expect(footers.slice(1)).toEqual(Array.from({ length: pages - 1 }, (_, i) => [i + 2, pages]));
  });

  it('a street’s year of meeting pages, laid out in pieces: every meeting, each page numbered in order', { timeout: 300_000 }, async () => {
    const { file, result } = await exportTo('meeting-pages', 'pdf');
    const pages = pdfPages(file);
    expect(result.pages).toBe(pages);
    expect(result.warnings.join()).not.toContain('分别导出');
    const text = pdfText(file).split('\f').slice(0, pages);
    expect(text.map((t) => /第 (\d+) 页 共 (\d+) 页/.exec(t)?.slice(1).map(Number))).toEqual(Array.from({ length: pages }, (_, i) => [i + 1, pages]));
    // Every meeting's page is there, its text extractable: each title as often as there are meetings of that kind.
    const { doc } = buildRegister(ledger, { register: 'meeting-pages', format: 'pdf', period: { year: YEAR }, today: TODAY });
    expect(doc.sections.length).toBeGreaterThan(100);
    const all = squash(text.join(''));
    const count = (s: string, sub: string) => s.split(sub).length - 1;
    for (const title of new Set(doc.sections.map((x) => squash(x.title)))) {
      expect(count(all, title)).toBeGreaterThanOrEqual(doc.sections.filter((x) => squash(x.title) === title).length);
    }
  });

  it('renders the same document in the worker thread as in this one', { timeout: 240_000 }, async () => {
    const { doc } = buildRegister(ledger, { register: 'orgs', format: 'pdf', period: { year: YEAR }, today: TODAY });
    const progress: number[] = [];
    const inWorker = await renderWorker.render(doc, 'pdf', { onProgress: (f) => progress.push(f) });
    const here = await renderPdf(doc);
    expect(inWorker.pages).toBe(here.pages);
    expect(inWorker.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(progress.at(-1)).toBe(1);
  });

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
  it.skipIf(!soffice)('the workbook opens cleanly in LibreOffice (as a stand-in for WPS)', { timeout: 240_000 }, () => {
    const file = join(out, 'orgs-street.xlsx');
    return exportTo('orgs', 'xlsx').then(() => {
      const r = spawnSync(soffice!, ['--headless', '--convert-to', 'pdf', '--outdir', out, file], { timeout: 200_000, env: { ...process.env, HOME: dir.dir } });
      expect(r.status).toBe(0);
      const pdf = join(out, 'orgs-street.pdf');
      expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
      expect(squash(pdfText(pdf))).toContain(squash(registerInfo('orgs').title));
    });
  });
});
