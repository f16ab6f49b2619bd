// 台帐打印 figures: the street-wide roster (the demo street, 600+ members) and a 5,000-member roster
// to xlsx and PDF, and the street's yearly binder; each beside a bare pdfmake / bare exceljs
// rendering of the same rows (the floor). Every case runs in its own child process so that its
// peak memory (maxRSS) is its own. Figures only; nothing here asserts.
//   targets: roster PDF ≤ 1.2× the floor and < 500 MB, xlsx ≤ 1.5× the floor, binder < 30 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { createDemoStreet } from '../electron/ledger/demo';
import { Ledger } from '../electron/ledger/ledger';
import { buildRegister } from '../electron/reports/export';
import { MAIN_FONT, glyphChecker, mainCharWidth, pdfmakeWithFonts } from '../electron/reports/fonts';
import { PAGE_MARGINS } from '../shared/reports/conventions';
import { toPdfDefinition } from '../shared/reports/pdf';
import { renderXlsx } from '../electron/reports/render';
import { renderWorker } from '../electron/reports/worker-pool';
import { resolveScope } from '../electron/reports/scope';
import { rosterData } from '../electron/reports/queries/roster';
import { buildRoster, type RosterData } from '../shared/reports/registers/roster';
import type { RegisterDoc, TableBlock } from '../shared/reports/model';
import { peakRssMb, row, runChild } from './measure';

const PASSWORD = 'bench-password-1';
const YEAR = 2025;
const CASES = [
  'roster-street:pdf-floor', 'roster-street:pdf', 'roster-street:xlsx-floor', 'roster-street:xlsx',
  'roster-5000:pdf-floor', 'roster-5000:pdf', 'roster-5000:xlsx-floor', 'roster-5000:xlsx',
  'binder-street:pdf',
] as const;
type CaseResult = { pages: number | null; bytes: number; seconds: number; renderSeconds: number; renderCpuSeconds: number; maxRssMb: number; rows: number };

/** The street's roster grown to `n` members in branches of 50: the demo's people, renumbered. */
function grownRoster(data: RosterData, n: number): RosterData {
  const people = data.branches.flatMap((b) => b.members);
  const branches: RosterData['branches'] = [];
  for (let i = 0; i < n; i++) {
    if (i % 50 === 0) branches.push({ name: `扩充第${branches.length + 1}党支部`, members: [] });
    const p = people[i % people.length]!;
    branches[branches.length - 1]!.members.push({ ...p, name: i < people.length ? p.name : `${p.name}${Math.floor(i / people.length)}`, idNumber: `${p.idNumber.slice(0, 14)}${String(i % 10000).padStart(4, '0')}` });
  }
  return { ...data, branches };
}

function floorRows(doc: RegisterDoc): { headers: string[]; rows: string[][] } {
  const table = doc.sections[0]!.blocks.find((b): b is TableBlock => b.type === 'table')!;
  return { headers: table.columns.map((c) => c.header), rows: table.rows.map((r) => r.map((v) => (v === null ? '' : String(v)))) };
}

/**
 * The floor: pdfmake given the same rows as one plain table, at the column widths and type size our
 * layout chose (so it fits the page as ours does), with no styling, captions or pre-broken lines.
 */
async function barePdf(doc: RegisterDoc): Promise<{ bytes: Buffer; pages: number }> {
  const pdfmake = pdfmakeWithFonts();
  const { headers, rows } = floorRows(doc);
  const ours = toPdfDefinition(doc, { glyphs: glyphChecker(), font: MAIN_FONT, charWidth: mainCharWidth }).content as { stack?: { table: { widths: number[] } }[]; fontSize?: number }[];
  const layout = ours.find((c) => c.stack)!;
  let pages = 0;
  const def = {
    pageSize: 'A4', pageOrientation: doc.sections[0]!.orientation, pageMargins: PAGE_MARGINS, defaultStyle: { font: MAIN_FONT, fontSize: layout.fontSize },
    content: [{ table: { headerRows: 1, widths: layout.stack![0]!.table.widths, body: [headers, ...rows] } }],
    footer: (p: number, n: number) => ((pages = n), `${p} / ${n}`),
  };
  const bytes = Buffer.from(await pdfmake.createPdf(def as never).getBuffer());
  return { bytes, pages };
}

async function bareXlsx(doc: RegisterDoc): Promise<Buffer> {
  const { headers, rows } = floorRows(doc);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One case, in this (child) process. */
async function runCase(name: string, db: string): Promise<CaseResult> {
  const [what, how] = name.split(':') as [string, string];
  const ledger = await Ledger.open(db, PASSWORD);
  const t0 = performance.now();
  let doc: RegisterDoc;
  if (what === 'binder-street') doc = buildRegister(ledger, { register: 'binder', format: 'pdf', period: { year: YEAR } }).doc;
  else {
    const data = rosterData(ledger, resolveScope(ledger, {}, { year: YEAR }), {});
    doc = buildRoster(what === 'roster-5000' ? grownRoster(data, 5000) : data);
  }
  ledger.close();
  const rows = doc.sections.reduce((n, s) => n + s.blocks.reduce((m, b) => m + (b.type === 'table' ? b.rows.length : 0), 0), 0);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  let bytes: Buffer;
  let pages: number | null = null;
  if (how === 'pdf') {
    // In the render worker, as the app renders (its heap bound is what keeps the peak down).
    ({ bytes, pages } = await renderWorker.render(doc, 'pdf'));
    await renderWorker.stop();
  }
  else if (how === 'xlsx') ({ bytes } = await renderXlsx(doc));
  else if (how === 'pdf-floor') ({ bytes, pages } = await barePdf(doc));
  else bytes = await bareXlsx(doc);
  const t2 = performance.now();
  const cpu = process.cpuUsage(c1);
  return {
    pages, bytes: bytes.length, seconds: (t2 - t0) / 1000, renderSeconds: (t2 - t1) / 1000, renderCpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssMb: peakRssMb(), rows,
  };
}

export async function benchReports(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-reports-'));
  try {
    const db = join(dir, 'demo.ledger');
    const { ledger } = await createDemoStreet(db, PASSWORD, { kdf: { N: 1 << 12, r: 8, p: 1 } });
    ledger.close();
    const results = new Map<string, CaseResult | string>();
    for (const c of CASES) {
      const r = runChild<CaseResult>(fileURLToPath(import.meta.url), ['--case', c, '--db', db]);
      results.set(c, r);
      const label = c.replace(':', ' ').replace('roster-street', '街道花名册').replace('roster-5000', '5000人花名册').replace('binder-street', '街道年度台帐合订本');
      if (typeof r === 'string') row(label, r);
      else {
        const floor = results.get(c.replace(/:(pdf|xlsx)$/, ':$1-floor'));
        // The ratio is of CPU time: wall time on a shared machine swings with its load.
        const ratio = !c.endsWith('floor') && floor && typeof floor !== 'string' && !c.startsWith('binder') ? `  = ${(r.renderCpuSeconds / floor.renderCpuSeconds).toFixed(2)}× 底线` : '';
        row(label, `${r.rows} 行  ${r.pages ?? '-'} 页  ${(r.bytes / 1024).toFixed(0)} KB  ${r.seconds.toFixed(2)} s（生成 ${r.renderSeconds.toFixed(2)} s，CPU ${r.renderCpuSeconds.toFixed(2)} s）  峰值内存 ${r.maxRssMb.toFixed(0)} MB${ratio}`);
      }
    }
    process.stdout.write('  （底线 floor：同样的行交给 pdfmake / exceljs、不加样式时的时间；目标：PDF ≤ 1.2×、内存 < 500 MB，xlsx ≤ 1.5×，合订本 < 30 s）\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// As a child: `tsx bench/reports.ts --case roster-street:pdf --db FILE` prints one JSON line.
const argv = process.argv;
const i = argv.indexOf('--case');
if (i > 0) {
  const result = await runCase(argv[i + 1]!, argv[argv.indexOf('--db') + 1]!);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else if (fileURLToPath(import.meta.url) === resolve(argv[1] ?? '')) {
  await benchReports();
}
