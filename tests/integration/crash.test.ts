// Crash safety: a child process imports generated rosters through the real import engine and is
// killed (SIGKILL) at random moments. After every kill the ledger must open, pass `verify`, and
// hold each import either whole or not at all.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../electron/ledger/ledger';
import { verifyLedger } from '../../electron/ledger/verify';
import { TEST_KDF, TEST_PASSWORD, tempDir } from '../helpers/temp-ledger';

const root = resolve(__dirname, '../..');
const ROWS = 200;
const KILLS = 52;

let bundleDir = '';
let child = '';

beforeAll(async () => {
  // Bundled once so each of the 50+ children starts in a fraction of tsx's start-up time.
  bundleDir = mkdtempSync(join(root, 'tmp', 'crash-test-'));
  child = join(bundleDir, 'crash-child.mjs');
  await build({
    entryPoints: [join(root, 'tests/helpers/crash-child.ts')],
    bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: child, logLevel: 'warning',
  });
}, 60_000);

afterAll(() => {
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

type Round = { lines: string[]; exit: string };

/** Runs the child from `firstBatch` and kills it `delay` ms after it says ready (or after spawn). */
function runAndKill(db: string, firstBatch: number, delay: number, afterReady: boolean): Promise<Round & { readyAt: number; killedAt: number; doneAt: number[] }> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [child, db, String(firstBatch), String(ROWS)], {
      cwd: root, env: { ...process.env, LEDGER_PASSWORD: TEST_PASSWORD }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const doneAt: number[] = [];
    let readyAt = 0;
    let killedAt = 0;
    let stderr = '';
    let buf = '';
    const kill = () => {
      killedAt = performance.now();
      p.kill('SIGKILL');
    };
    if (!afterReady) setTimeout(kill, delay);
    p.stdout.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        lines.push(line);
        if (line === 'ready') {
          readyAt = performance.now();
          if (afterReady) setTimeout(kill, delay);
        }
        if (line.startsWith('done ')) doneAt.push(performance.now());
      }
    });
    p.stderr.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
    p.on('error', fail);
    p.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') fail(new Error(`child ended by itself (code ${code}): ${stderr}`));
      else done({ lines, exit: signal, readyAt, killedAt, doneAt });
    });
  });
}

describe('crash safety', () => {
  it(`an import killed at ${KILLS} random moments always leaves a sound ledger with whole imports only`, async () => {
    const t = tempDir();
    try {
      const db = join(t.dir, 'crash.ledger');
      const created = await Ledger.create(db, TEST_PASSWORD, { kdf: TEST_KDF });
      created.ledger.close();

      let batches = 0; // imports that have landed so far
      let cycleMs = 300; // time per import in the child, learnt as we go, to aim the kills
      const outcomes = { beforeReady: 0, parsing: 0, midCommit: 0, rolledBack: 0, landedUnreported: 0 };
      for (let round = 0; round < KILLS; round++) {
        const afterReady = round % 8 !== 0; // every 8th kill lands during start-up and unlock
        const delay = Math.random() * (afterReady ? 2.5 * cycleMs : 400);
        const r = await runAndKill(db, batches, delay, afterReady);
        // Aim the next kill: learn how long one import takes; a slow (busy) machine must not
        // keep every kill before the first commit.
        if (r.doneAt.length > 0) cycleMs = 0.7 * cycleMs + 0.3 * ((r.doneAt.at(-1)! - r.readyAt) / r.doneAt.length);
        else if (afterReady) cycleMs = Math.min(cycleMs * 1.4, 10_000);

        const ledger = await Ledger.open(db, TEST_PASSWORD);
        try {
          expect(verifyLedger(ledger)).toEqual([]);
          const members = ledger.db.prepare('SELECT count(*) FROM members').pluck().get() as number;
          const imports = ledger.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'import'").pluck().get() as number;
          const commits = r.lines.filter((l) => l.startsWith('commit ')).length;
          const reported = r.lines.filter((l) => l.startsWith('done ')).length;
          // All or nothing: whole batches only, each with its one audit entry.
          expect(members % ROWS).toBe(0);
          const landed = members / ROWS - batches;
          expect(imports).toBe(batches + landed);
          expect(landed).toBeGreaterThanOrEqual(reported);
          expect(landed).toBeLessThanOrEqual(commits);
          if (members > 0) {
            const highest = ledger.db.prepare("SELECT max(CAST(substr(name, 3) AS INTEGER)) FROM members WHERE name LIKE '测试%'").pluck().get();
            expect(highest).toBe(members - 1);
          }
          const last = r.lines.at(-1) ?? '';
          if (!r.lines.includes('ready')) outcomes.beforeReady++;
          else if (last.startsWith('commit ')) {
            outcomes.midCommit++;
            if (landed === reported) outcomes.rolledBack++;
            else outcomes.landedUnreported++;
          } else outcomes.parsing++;
          batches += landed;
        } finally {
          ledger.close();
        }
      }
      // The test only means something if kills really hit open transactions.
      expect(outcomes.midCommit).toBeGreaterThanOrEqual(5);
      expect(outcomes.rolledBack).toBeGreaterThanOrEqual(3);
      expect(batches).toBeGreaterThan(0);
      console.log(`crash test: ${KILLS} kills`, outcomes, `${batches} imports of ${ROWS} rows landed`);
    } finally {
      t.cleanup();
    }
  }, 300_000);
});
