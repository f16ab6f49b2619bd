// import-members on real templates, as a clerk reads it at the command line: a file-level problem
// said once, a branch missing from the ledger said once with the option that fixes it (not the
// wizard's label), one message per fact, unknown columns listed and mapped by hand with --map.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../electron/ledger/ledger';
import { REAL_DIR } from '../fixtures/import/real-templates';
import { runCli } from '../helpers/cli';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
let t: Awaited<ReturnType<typeof tempLedger>>;
beforeAll(async () => {
  t = await tempLedger();
  t.ledger.close();
});
afterAll(() => t.cleanup());

const importCli = (...args: string[]) => runCli(['import-members', ...args, '--db', t.path], { LEDGER_PASSWORD: TEST_PASSWORD });

// Each CLI run starts tsx: seconds apiece on a busy machine.
describe('import-members on real templates', { timeout: 240_000 }, () => {
  it('a header-only template: one NO_DATA line, exit 1, nothing written', async () => {
    const r = importCli(path.join(REAL_DIR, 'header-only.xlsx'), '--create-orgs');
    expect(r.code).toBe(1);
    expect(r.stdout.match(/NO_DATA/g)).toHaveLength(1);
    expect(r.stdout).not.toContain('已导入');
    expect(r.stdout).toContain('已跳过：说明');
    const json = importCli(path.join(REAL_DIR, 'header-only.xlsx'), '--create-orgs', '--json').json();
    expect(json.fileErrors).toEqual([{ sheet: 'Sheet1', code: 'NO_DATA', message: expect.stringContaining('没有党员数据') }]);
    const l = await Ledger.open(t.path, TEST_PASSWORD);
    try {
      expect(l.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'import'").pluck().get()).toBe(0);
    } finally {
      l.close();
    }
  });

  it('a branch not in the ledger: said once for all its rows, naming --create-orgs', () => {
    const r = importCli(path.join(REAL_DIR, 'notice-below.xlsx'), '--dry-run');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.includes('ORG_UNKNOWN'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('第 2–4 行（3 行）');
    expect(r.stdout.match(/--create-orgs/g)).toHaveLength(1);
    expect(r.stdout).not.toContain('自动新建表中的党支部');
  });

  it('a sheet named like a form is no branch; the message names --map and --org', () => {
    const r = importCli(path.join(REAL_DIR, 'form-sheet-name.xlsx'), '--create-orgs', '--dry-run');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.includes('ORG_UNKNOWN'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/工作表名“报名表”也不是党支部的名称.*--map.*--org/);
  });

  it('one message per fact: the cell, the code, the value once', () => {
    const r = importCli(path.join(FIXTURES, 'roster-errors.xlsx'), '--create-orgs', '--dry-run');
    const id = r.stdout.split('\n').find((l) => l.includes('ID_FORMAT'))!;
    expect(id).toMatch(/^ {2}错误 “Sheet1”[A-Z]+7 ID_FORMAT：身份证号“[^”]*”/);
    expect(id).not.toMatch(/身份证号格式不对：身份证号/);
    expect(r.stdout).not.toMatch(/【/);
  });

  it('unknown columns are listed; --map keeps one as a member field', async () => {
    const file = path.join(REAL_DIR, 'two-join-dates.xlsx');
    const before = importCli(file, '--create-orgs', '--dry-run');
    expect(before.stdout).toContain('未导入的列（“Sheet1”）：党内职务、入党介绍人、学工号、邮箱、组织关系转入时间');
    const r = importCli(file, '--create-orgs', '--map', '学工号=note', '--map', '编入党支部=org', '--json');
    expect(r.code).toBe(0);
    expect(r.json().unmappedColumns).toEqual([{ sheet: 'Sheet1', columns: ['党内职务', '入党介绍人', '邮箱', '组织关系转入时间'] }]);
    const l = await Ledger.open(t.path, TEST_PASSWORD);
    try {
      expect(l.db.prepare("SELECT note FROM members WHERE name = '双日一'").pluck().get()).toBe('20120001');
    } finally {
      l.close();
    }
    expect(importCli(file, '--map', '学工号').code).toBe(2);
  });
});
