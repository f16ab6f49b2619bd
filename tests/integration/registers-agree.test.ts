// The demo street's registers of the last two year-ends and one mid-year date, exported and read
// back: the roster, 党组织基本情况, the 采集表 set, the appraisal, the dashboard and
// `stats --as-of DATE --json` print one figure for full and probationary members (issue 11).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardSummary } from '../../electron/ledger/dashboard';
import { Ledger } from '../../electron/ledger/ledger';
import { exportRegister } from '../../electron/reports/export';
import { renderWorker } from '../../electron/reports/worker-pool';
import type { RegisterName } from '../../shared/reports/catalog';
import { runCli } from '../helpers/cli';
import { TEST_PASSWORD, tempDir } from '../helpers/temp-ledger';
import { DEMO_TODAY, copyDemoStreet } from '../helpers/demo-street';

const TODAY = DEMO_TODAY;
type Stats = { asOf: string; members: number; full: number; probationary: number; byOrg: { org: string; full: number; probationary: number }[] };
const DATES: { on: string; period: { year?: number; from?: string; to?: string }; yearEnd: boolean }[] = [
  { on: '2024-12-31', period: { year: 2024 }, yearEnd: true },
  { on: '2025-12-31', period: { year: 2025 }, yearEnd: true },
  { on: '2026-06-30', period: { from: '2026-01-01', to: '2026-06-30' }, yearEnd: false },
];

const dir = tempDir('registers-agree-');
const path = join(dir.dir, 'demo.ledger');
const out = join(dir.dir, 'out');
let ledger: Ledger;
const stats = new Map<string, Stats>();

async function cells(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => {
    const r: string[] = [];
    row.eachCell({ includeEmpty: true }, (c) => r.push(String(c.value ?? '')));
    rows.push(r);
  }));
  return rows;
}
const kindCount = (rows: string[][], label: string) => rows.flat().filter((v) => v === label).length;

async function exported(register: RegisterName, period: (typeof DATES)[number]['period'], format: 'xlsx' | 'pdf' = 'xlsx'): Promise<string> {
  const file = join(out, `${register}-${period.year ?? period.to}.${format}`);
  await exportRegister(ledger, { register, format, scope: { orgId: null }, period, today: TODAY }, file);
  return file;
}

beforeAll(async () => {
  mkdirSync(out);
  copyDemoStreet(path);
  // The CLI opens the ledger file itself: one process at a time.
  for (const { on } of DATES) {
    const r = runCli(['stats', '--db', path, '--as-of', on, '--json'], { LEDGER_PASSWORD: TEST_PASSWORD });
    expect(r.stderr).toBe('');
    stats.set(on, r.json() as Stats);
  }
  ledger = await Ledger.open(path, TEST_PASSWORD);
}, 900_000);
afterAll(async () => {
  await renderWorker.stop();
  ledger?.close();
  dir.cleanup();
});

describe.each(DATES)('as of $on', ({ on, period, yearEnd }) => {
  it('stats names the date, adds up, and lists each branch with members', () => {
    const s = stats.get(on)!;
    expect(s.asOf).toBe(on);
    expect(s.full + s.probationary).toBe(s.members);
    expect(s.byOrg.reduce((n, o) => n + o.full + o.probationary, 0)).toBe(s.members);
    expect(s.byOrg.every((o) => o.full + o.probationary > 0)).toBe(true);
    expect(s.probationary).toBeGreaterThan(0);
  });

  it('花名册, 党组织基本情况, 采集表 and the dashboard print the figures of stats', async () => {
    const s = stats.get(on)!;
    const roster = await cells(await exported('roster', period));
    expect({ full: kindCount(roster, '正式党员'), probationary: kindCount(roster, '预备党员') }).toEqual({ full: s.full, probationary: s.probationary });
    expect(roster.flat().join('\n')).toContain(`合计：党员 ${s.members} 名，其中正式党员 ${s.full} 名，预备党员 ${s.probationary} 名。`);

    const orgs = await cells(await exported('orgs', period));
    const total = orgs.find((r) => r[0] === '合计')!;
    expect(total.slice(5, 7).map(Number)).toEqual([s.full, s.probationary]);
    // Each branch's line: the figures of stats.byOrg.
    for (const o of s.byOrg) {
      const line = orgs.find((r) => r[1] === o.org)!;
      expect(line.slice(5, 7).map(Number), o.org).toEqual([o.full, o.probationary]);
    }

    const forms = await cells(await exported('member-form', period));
    expect({ full: kindCount(forms, '正式党员'), probationary: kindCount(forms, '预备党员') }).toEqual({ full: s.full, probationary: s.probationary });

    const dash = dashboardSummary(ledger, null, on).totals;
    expect({ members: dash.members, full: dash.full, probationary: dash.probationary }).toEqual({ members: s.members, full: s.full, probationary: s.probationary });
  }, 600_000);

  it.runIf(yearEnd)('the appraisal lists the same members, and grades no 预备党员', async () => {
    const s = stats.get(on)!;
    const rows = await cells(await exported('appraisal', period));
    expect({ full: kindCount(rows, '正式党员'), probationary: kindCount(rows, '预备党员') }).toEqual({ full: s.full, probationary: s.probationary });
    const graded = new Set(['优秀', '合格', '基本合格', '不合格']);
    const probationaryGraded = rows.filter((r) => r.includes('预备党员') && r.some((v) => graded.has(v)));
    expect(probationaryGraded).toEqual([]);
  }, 600_000);

  it.runIf(on === '2025-12-31')('the roster PDF prints the same totals', async () => {
    const s = stats.get(on)!;
    const text = execFileSync('pdftotext', [await exported('roster', period, 'pdf'), '-'], { maxBuffer: 256 * 1024 * 1024 }).toString().replace(/\s+/g, '');
    expect(text).toContain(`合计：党员${s.members}名，其中正式党员${s.full}名，预备党员${s.probationary}名。`);
  }, 600_000);
});
