// A large street: the demo street (its years of activities) with a generated 5,000-row roster
// imported into 48 more branches (5,647 members, 68 branches). Printed: the main thread's
// longest stall while the 5,000-row import commits through dispatch() — in this thread, as before
// the ledger thread, and through the ledger thread, as the app does now — the compliance matrix and
// the year's assessments, and — each in a child process, so the peak memory is its own — the PDF
// of the roster, of the year's meeting pages and of the yearly binder.
//   npx tsx bench/large-street.ts            (--stall-only: the street and the two import stalls)
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { dispatch } from '../electron/api/dispatch';
import { stopImportWorker } from '../electron/import/worker-client';
import { SessionState } from '../electron/api/session-state';
import { createDemoStreet } from '../electron/ledger/demo';
import { keysPathFor, Ledger } from '../electron/ledger/ledger';
import { LedgerThread } from '../electron/ledger-thread/client';
import { ensureBundles, outDir } from '../scripts/bundle.mjs';
import { ledgerStats } from '../electron/ledger/stats';
import { complianceReport } from '../electron/ledger/compliance';
import { yearSummary } from '../electron/ledger/assessments';
import { renderWorker } from '../electron/reports/worker-pool';
import { buildRegister } from '../electron/reports/export';
import type { RegisterName } from '../shared/reports/catalog';
import { generateRoster } from './import';
import { fmtMs, median, peakRssMb, row, runChild, timeOnce } from './measure';

const PASSWORD = 'bench-password-1';
const YEAR = 2025;
const NEW_BRANCHES = Array.from({ length: 48 }, (_, i) => `青云社区第${i + 1}网格党支部`);
const CASES: RegisterName[] = ['roster', 'meeting-pages', 'binder'];
const LABELS: Record<string, string> = { roster: '花名册 PDF', 'meeting-pages': '全年会议记录 PDF', binder: '年度台帐合订本 PDF' };
type CaseResult = { pages: number | null; bytes: number; seconds: number; maxRssMb: number };

/** One register of the whole street for YEAR, built and rendered in this (child) process. */
async function runCase(register: RegisterName, db: string): Promise<CaseResult> {
  const ledger = await Ledger.open(db, PASSWORD);
  const t0 = performance.now();
  const { doc } = buildRegister(ledger, { register, format: 'pdf', period: { year: YEAR } });
  ledger.close();
  // In the render worker, as the app renders.
  const { bytes, pages } = await renderWorker.render(doc, 'pdf');
  await renderWorker.stop();
  return { pages, bytes: bytes.length, seconds: (performance.now() - t0) / 1000, maxRssMb: peakRssMb() };
}

type Call = (method: string, input: unknown) => ReturnType<typeof dispatch>;

/**
 * Imports the roster through `call` (dispatch() here, or the ledger thread's) and returns the
 * commit's time and the longest the event loop of this thread waited meanwhile.
 */
async function importThrough(call: Call, data: Uint8Array): Promise<{ ms: number; stallMs: number; created: number }> {
  const jobId = 'bench-large-street';
  const analysed = await call('import.analyse', { jobId, fileName: 'roster-5000.xlsx', data, createOrgs: true });
  if (!analysed.ok) throw new Error(analysed.error.message);
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  // The histogram's first tick only starts its clock: a block before it would go unseen.
  await sleep(50);
  const t = await timeOnce(() => call('import.commit', { jobId }));
  // The delay of a blocked loop is recorded by the first tick after it.
  await sleep(50);
  h.disable();
  if (!t.value.ok) throw new Error(t.value.error.message);
  return { ms: t.ms, stallMs: h.max / 1e6, created: (t.value.value as { counts: { created: number } }).counts.created };
}

/** The same import on a copy of the street, in the ledger thread the app runs the ledger in. */
async function importThroughThread(db: string, data: Uint8Array): Promise<{ ms: number; stallMs: number; created: number }> {
  await ensureBundles();
  const copy = db.replace(/\.ledger$/, '-thread.ledger');
  copyFileSync(db, copy);
  copyFileSync(keysPathFor(db), keysPathFor(copy));
  const thread = new LedgerThread(join(outDir, 'ledger-thread.cjs'), { ledgerPath: copy, options: { autoBackup: false } });
  try {
    const unlocked = await thread.call('session.unlock', { password: PASSWORD });
    if (!unlocked.ok) throw new Error(unlocked.error.message);
    return await importThrough((method, input) => thread.call(method, input), data);
  } finally {
    await thread.stop();
  }
}

export async function benchLargeStreet(opts: { stallOnly?: boolean } = {}): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-large-'));
  try {
    const db = join(dir, 'large.ledger');
    const built = await timeOnce(() => createDemoStreet(db, PASSWORD, { kdf: { N: 1 << 12, r: 8, p: 1 } }));
    built.value.ledger.close();
    const file = join(dir, 'roster-5000.xlsx');
    await generateRoster(file, 5000, NEW_BRANCHES);
    const threaded = await importThroughThread(db, new Uint8Array(readFileSync(file)));
    const state = new SessionState(db, { autoBackup: false });
    state.attach(await Ledger.open(db, PASSWORD));
    const imported = await importThrough((method, input) => dispatch(state, method, input), new Uint8Array(readFileSync(file)));
    const ledger = state.requireLedger();
    const stats = ledgerStats(ledger);
    const branches = (ledger.db.prepare("SELECT count(*) AS n FROM orgs WHERE type IN ('branch','jointBranch','temporaryBranch')").get() as { n: number }).n;
    row('the street', `${stats.members} members, ${branches} branches, ${stats.activities} activities (demo ${fmtMs(built.ms)})`);
    row(`import commit, dispatch in this thread (${imported.created} new)`, `${fmtMs(imported.ms)}  main-thread longest stall ${fmtMs(imported.stallMs)}`);
    row(`import commit via the ledger thread (${threaded.created} new)`, `${fmtMs(threaded.ms)}  main-thread longest stall ${fmtMs(threaded.stallMs)}`);
    if (opts.stallOnly) return state.lock();
    let orgs = 0;
    const compliance = await median(3, () => (orgs = complianceReport(ledger, { year: YEAR }).orgs.length));
    row(`compliance matrix ${YEAR} (${orgs} orgs)`, fmtMs(compliance));
    let assessed = 0;
    const assessment = await median(3, () => (assessed = yearSummary(ledger, YEAR, { cached: false }).branches.length));
    row(`assessment year summary ${YEAR} (${assessed} branches)`, fmtMs(assessment));
    state.lock();
    for (const c of CASES) {
      const r = runChild<CaseResult>(fileURLToPath(import.meta.url), ['--case', c, '--db', db]);
      row(LABELS[c]!, typeof r === 'string' ? r : `${r.pages} 页  ${(r.bytes / 1024).toFixed(0)} KB  ${r.seconds.toFixed(2)} s  峰值内存 ${r.maxRssMb.toFixed(0)} MB`);
    }
    process.stdout.write('  （目标：花名册 ≤ 300 MB，全年会议记录与合订本 ≤ 400 MB）\n');
  } finally {
    await stopImportWorker();
    rmSync(dir, { recursive: true, force: true });
  }
}

// As a child: `tsx bench/large-street.ts --case binder --db FILE` prints one JSON line.
const argv = process.argv;
const i = argv.indexOf('--case');
if (i > 0) {
  const result = await runCase(argv[i + 1] as RegisterName, argv[argv.indexOf('--db') + 1]!);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else if (fileURLToPath(import.meta.url) === resolve(argv[1] ?? '')) {
  await benchLargeStreet({ stallOnly: argv.includes('--stall-only') });
}
