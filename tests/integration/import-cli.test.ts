// The import-members command as a clerk or a script runs it: exit codes 0/1/2/3, the JSON report
// on stdout in the contract's shape, --rejects, and an unreadable file that touches nothing.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../electron/ledger/ledger';
import { runCli } from '../helpers/cli';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');

let t: Awaited<ReturnType<typeof tempLedger>>;
beforeAll(async () => {
  t = await tempLedger();
  t.ledger.close();
});
afterAll(() => t.cleanup());

function cli(args: string[], password = TEST_PASSWORD) {
  return runCli(['import-members', ...args], { LEDGER_PASSWORD: password }, 60_000);
}

async function memberCount(): Promise<number> {
  const l = await Ledger.open(t.path, TEST_PASSWORD);
  try {
    return l.db.prepare('SELECT count(*) FROM members').pluck().get() as number;
  } finally {
    l.close();
  }
}

describe('import-members', () => {
  it('dry run with errors: exit 1, the contract JSON, nothing written', async () => {
    const r = cli([path.join(FIXTURES, 'roster-errors.xlsx'), '--db', t.path, '--dry-run', '--create-orgs', '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual([
      'file', 'format', 'ignoredSheets', 'rows', 'valid', 'created', 'updated', 'unchanged', 'written',
      'fileErrors', 'errors', 'warnings', 'unmappedColumns', 'skippedRows', 'valueMappings',
    ]);
    expect(report).toMatchObject({ file: 'roster-errors.xlsx', format: 'xlsx', rows: 30, valid: 13, written: false });
    expect(Object.keys(report.errors[0])).toEqual(['sheet', 'row', 'column', 'code', 'message', 'cell']);
    expect(await memberCount()).toBe(0);
  });

  it('--skip-invalid writes the valid rows and still exits 1; --rejects writes the rejected ones', async () => {
    const rejects = path.join(t.dir, 'rejects.xlsx');
    const r = cli([path.join(FIXTURES, 'roster-errors.xlsx'), '--db', t.path, '--create-orgs', '--skip-invalid', '--rejects', rejects, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ written: true, created: 13 });
    expect(existsSync(rejects)).toBe(true);
    expect(statSync(rejects).mode & 0o077).toBe(0); // personal data: readable by the clerk only
    expect(await memberCount()).toBe(13);
  });

  it('a clean file: exit 0, and again: all unchanged', () => {
    const args = [path.join(FIXTURES, 'roster-gbk.csv'), '--db', t.path, '--create-orgs', '--json'];
    const first = cli(args);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ format: 'csv', created: 25, written: true });
    const again = cli(args);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 25 });
  });

  it('an unreadable file: exit 2, a clear message, the ledger untouched', async () => {
    const before = readFileSync(t.path);
    const bad = path.join(t.dir, 'roster.xlsx');
    writeFileSync(bad, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(500, 1)]));
    const r = cli([bad, '--db', t.path, '--create-orgs', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法读取文件');
    expect(JSON.parse(r.stdout)).toMatchObject({ file: 'roster.xlsx', written: false, error: { code: 'IMPORT_UNREADABLE' } });
    expect(readFileSync(t.path).equals(before)).toBe(true);
  });

  it('usage errors exit 2; a wrong password exits 3', () => {
    expect(cli(['--db', t.path]).code).toBe(2);
    expect(cli([path.join(FIXTURES, 'roster-clean.xlsx')]).code).toBe(2);
    const wrong = cli([path.join(FIXTURES, 'roster-clean.xlsx'), '--db', t.path], 'not-the-password');
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('密码');
  });

  it('prints a Chinese summary without --json', () => {
    const r = cli([path.join(FIXTURES, 'roster-legacy.xls'), '--db', t.path, '--create-orgs', '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ID_PRECISION_LOST：身份证号已被 Excel 当成数字/);
    expect(r.stdout).toContain('试运行，未写入台帐');
  });
});
