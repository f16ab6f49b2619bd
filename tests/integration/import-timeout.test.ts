// Damaged .xls files on which SheetJS loops forever or allocates without end (found by the fuzz
// test): the import thread is stopped by its time or memory limit, the clerk gets a Chinese
// message, and the next import runs on a fresh thread.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseInWorker, stopImportWorker } from '../../electron/import/worker-client';
import { buildCase, craftedCases, loadFixtures, type FuzzSpec } from '../helpers/fuzz-cases';

const fixturesDir = resolve(__dirname, '../../../shared/fixtures');

afterAll(async () => {
  delete process.env.LEDGER_IMPORT_TIME_LIMIT_MS;
  await stopImportWorker();
});

describe('the import thread has a time limit', () => {
  it('stops a parse that never ends and then imports the next file normally', async () => {
    const fixtures = loadFixtures(fixturesDir);
    const spec: FuzzSpec = { kind: 'bytes', fixture: 'roster-legacy.xls', seed: 672985688 };
    const stuck = buildCase(spec, fixtures, craftedCases(fixtures));
    process.env.LEDGER_IMPORT_TIME_LIMIT_MS = '4000';
    await expect(analyseInWorker(stuck.bytes, stuck.fileName)).rejects.toMatchObject({ code: 'FILE_UNREADABLE', message: expect.stringContaining('超时') });
    process.env.LEDGER_IMPORT_TIME_LIMIT_MS = '120000';
    const clean = await analyseInWorker(readFileSync(resolve(fixturesDir, 'roster-clean.xlsx')), 'roster-clean.xlsx');
    expect(clean).toMatchObject({ file: 'roster-clean.xlsx', format: 'xlsx' });
    expect(clean.rows).toHaveLength(40);
  }, 120_000);

  it('stops a parse that exhausts its memory (the thread dies, not the app) with a Chinese message', async () => {
    const fixtures = loadFixtures(fixturesDir);
    const hungry = buildCase({ kind: 'bytes', fixture: 'roster-legacy.xls', seed: 615997952 }, fixtures, craftedCases(fixtures));
    process.env.LEDGER_IMPORT_TIME_LIMIT_MS = '170000';
    const outcome = await analyseInWorker(hungry.bytes, hungry.fileName).then(() => null, (e: { code: string; message: string }) => e);
    // Whichever bound it meets first, the clerk is told in Chinese and the app goes on.
    expect(outcome).toMatchObject({ code: 'FILE_UNREADABLE', message: expect.stringMatching(/内存不足|超时/) });
  }, 180_000);
});
