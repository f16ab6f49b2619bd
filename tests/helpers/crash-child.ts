// The process the crash test kills: imports generated roster spreadsheets into a ledger, one
// after another, through the real import engine (analyse → plan → one-transaction commit),
// saying on stdout where it is. Pipes are synchronous on Linux: a line printed is a line read.
// Args: <ledger> <first batch> <rows per batch>; password in LEDGER_PASSWORD.
import * as XLSX from '@e965/xlsx';
import { Ledger } from '../../electron/ledger/ledger';
import { analyseFile } from '../../electron/import/analyse';
import { planImport } from '../../electron/import/plan';
import { commitPlan } from '../../electron/import/commit';
import { makeId } from './builders';

export const CRASH_BRANCH = '崩溃测试第一党支部';
const HEADER = ['序号', '姓名', '性别', '公民身份号码', '人员类别', '入党日期', '转正日期', '所在党支部', '联系电话'];

/** Batch k's roster: `rows` members whose ID numbers no other batch uses. */
export function rosterBatch(k: number, rows: number): Buffer {
  const aoa: unknown[][] = [['崩溃测试花名册'], HEADER];
  for (let i = 0; i < rows; i++) {
    const n = k * rows + i;
    const birth = new Date(Date.UTC(1940, 0, 1) + (n % 9000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    const seq = 100 + Math.floor(n / 9000) * 2 + (n % 2);
    aoa.push([i + 1, `测试${n}`, seq % 2 ? '男' : '女', makeId(birth, seq), '正式党员', '2000-07-01', '2001-07-01', CRASH_BRANCH, `138${String(n).padStart(8, '0')}`]);
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '花名册');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

async function main(): Promise<void> {
  const [db, first, perBatch] = process.argv.slice(2);
  const rows = Number(perBatch);
  const parent = process.ppid;
  const started = Date.now();
  const ledger = await Ledger.open(db!, process.env.LEDGER_PASSWORD!);
  process.stdout.write('ready\n');
  for (let k = Number(first); k < Number(first) + 1000; k++) {
    // Orphaned (the test died) or forgotten: never keep writing on our own.
    if (process.ppid !== parent || Date.now() - started > 120_000) process.exit(3);
    const { analysis } = analyseFile(rosterBatch(k, rows), `batch-${k}.xlsx`, { today: '2026-03-01' });
    const plan = planImport(ledger, analysis, { createOrgs: true, today: '2026-03-01' });
    if (plan.counts.rejected > 0) throw new Error(`batch ${k}: ${plan.counts.rejected} rows rejected`);
    process.stdout.write(`commit ${k}\n`);
    const r = commitPlan(ledger, plan);
    process.stdout.write(`done ${k} ${r.created}\n`);
  }
}

if (process.argv[1] && /crash-child/.test(process.argv[1])) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
