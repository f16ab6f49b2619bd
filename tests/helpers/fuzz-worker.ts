// The fuzz test's worker: builds each hostile file from its spec and runs it through the import
// engine as the CLI does (analyse → plan → commit when the plan has errors, which must write
// nothing), against a real encrypted ledger. The main thread watches the clock and the memory.
import { parentPort, workerData } from 'node:worker_threads';
import { LedgerError } from '../../shared/errors';
import { Ledger } from '../../electron/ledger/ledger';
import { analyseFile } from '../../electron/import/analyse';
import { planImport } from '../../electron/import/plan';
import { commitPlan } from '../../electron/import/commit';
import { buildCase, craftedCases, loadFixtures, type FuzzSpec } from './fuzz-cases';

export type FuzzResult = {
  label: string;
  outcome: 'refused' | 'planned' | 'crash';
  code?: string;
  message?: string;
  rows?: number;
  rejected?: number;
  written?: boolean;
  ms: number;
  heapMB: number;
};

const TODAY = '2026-11-21';

// SheetJS reports unknown BIFF records of a damaged .xls on the console: thousands of lines of
// noise in a fuzz run, and nothing the test checks.
console.error = () => {};
console.log = () => {};

async function main(): Promise<void> {
  const { fixturesDir, dbPath, password } = workerData as { fixturesDir: string; dbPath: string; password: string };
  const fixtures = loadFixtures(fixturesDir);
  const crafted = craftedCases(fixtures);
  const ledger = await Ledger.open(dbPath, password);
  parentPort!.on('message', (spec: FuzzSpec | 'close') => {
    if (spec === 'close') {
      ledger.close();
      parentPort!.postMessage('closed');
      return;
    }
    const built = buildCase(spec, fixtures, crafted);
    const t0 = performance.now();
    let r: Omit<FuzzResult, 'label' | 'ms' | 'heapMB'>;
    try {
      const { analysis } = analyseFile(built.bytes, built.fileName, { today: TODAY });
      const plan = planImport(ledger, analysis, { createOrgs: true, today: TODAY });
      const written = plan.counts.rejected > 0 ? commitPlan(ledger, plan).written : false;
      r = { outcome: 'planned', rows: plan.counts.rows, rejected: plan.counts.rejected, written };
    } catch (e) {
      r = e instanceof LedgerError
        ? { outcome: 'refused', code: e.code, message: e.message }
        : { outcome: 'crash', message: String((e as Error)?.stack ?? e).slice(0, 2000) };
    }
    const result: FuzzResult = { label: built.label, ...r, ms: performance.now() - t0, heapMB: process.memoryUsage().heapUsed / 1e6 };
    parentPort!.postMessage(result);
  });
  parentPort!.postMessage('ready');
}

main().catch((e) => {
  throw e;
});
