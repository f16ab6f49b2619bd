// Importing a dues spreadsheet as clerks keep them (姓名, 身份证号, 1月…12月 with amounts or ✓; or a
// 缴费月份 column, in a GBK CSV) through the import engine: the months land on the member × month
// grid; a member not found, an ID that is someone else's, a month already paid and a bad amount are
// Chinese row messages with the member import's codes, in its rejects file; a bad file writes nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesSheet, setDuesBase } from '../../electron/ledger/dues';
import { createMember } from '../../electron/ledger/members';
import { commitDuesImport, duesRejects, planDuesImport } from '../../electron/import/dues';
import { csvBytes } from '../fixtures/import/builders';
import { makeId, memberInput, smallStreet } from '../helpers/builders';
import { runCli } from '../helpers/cli';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';

const TODAY = '2025-12-20';
const WANG = makeId('19650301', 11);
const LI = makeId('19700815', 22);
const CHEN = makeId('19751212', 56);
let t: Awaited<ReturnType<typeof tempLedger>>;
let s: ReturnType<typeof smallStreet>;

beforeAll(async () => {
  t = await tempLedger();
  s = smallStreet(t.ledger);
  const wang = createMember(t.ledger, memberInput(s.branchA, { name: '王建国', idNumber: WANG }));
  const li = createMember(t.ledger, memberInput(s.branchA, { name: '李秀英', idNumber: LI }));
  const chen = createMember(t.ledger, memberInput(s.branchB, { name: '陈静', idNumber: CHEN }));
  setDuesBase(t.ledger, { memberId: wang, fromMonth: '2025-01', category: 'employed', income: 6000 }); // 90.00
  setDuesBase(t.ledger, { memberId: li, fromMonth: '2025-01', category: 'retired', income: 4000 }); // 20.00
  setDuesBase(t.ledger, { memberId: chen, fromMonth: '2025-01', category: 'lowIncome' }); // 0.20
});
afterAll(() => t.cleanup());

/** A clerk's workbook: a title with the year, then 序号, 姓名, 身份证号 (as text), 1月…12月. */
async function monthGrid(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('第一党支部');
  ws.addRow(['东风社区第一党支部2025年党费收缴登记表']);
  ws.addRow(['序号', '姓名', '身份证号', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)]);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  ws.getColumn(3).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const paidMonths = (name: string, orgId = s.branchA) =>
  duesSheet(t.ledger, orgId, 2025, { today: TODAY }).members.find((m) => m.name === name)!.cells.filter((c) => c.state === 'paid' || c.state === 'late').map((c) => c.month);
const ledgerRows = () => t.ledger.db.prepare("SELECT (SELECT count(*) FROM dues_payments) AS payments, (SELECT count(*) FROM audit_log WHERE entity <> 'session') AS audits").get();

describe('dues import', () => {
  it('a month grid with amounts and ✓ pays those months, each on its month’s last day', { timeout: 60_000 }, async () => {
    const bytes = await monthGrid([['王建国', WANG, 90, 90, '✓'], ['李秀英', LI, 20, null, '√']]);
    const plan = planDuesImport(t.ledger, bytes, '党费.xlsx', { today: TODAY });
    expect(plan.year).toBe(2025);
    expect(plan.rows.flatMap((r) => r.issues)).toEqual([]);
    const report = commitDuesImport(t.ledger, plan);
    expect(report).toMatchObject({ rows: 2, valid: 2, payments: 5, months: 5, written: true, errors: [] });
    expect(paidMonths('王建国')).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(paidMonths('李秀英')).toEqual(['2025-01', '2025-03']);
    const jan = duesSheet(t.ledger, s.branchA, 2025, { today: TODAY }).members.find((m) => m.name === '王建国')!.cells[0]!;
    expect(jan).toMatchObject({ state: 'paid', paidOn: '2025-01-31', paid: 90 });
  });

  it('a member not found, an ID that is someone else’s, a month already paid and a bad amount: row messages, nothing written', { timeout: 60_000 }, async () => {
    const before = ledgerRows();
    const bytes = await monthGrid([
      ['赵六', makeId('19800101', 33), 90],          // not in the ledger
      ['王建图', WANG, null, null, null, 90],         // the ID is 王建国's
      ['李秀英', LI, 20],                              // January already paid above
      ['王建国', WANG, null, null, null, '九十'],      // not an amount
      ['王建国', WANG, null, null, null, null, 80],    // not what his base makes (90.00)
      ['陈静', CHEN, 0.2],                             // fine
    ]);
    const plan = planDuesImport(t.ledger, bytes, '党费-有错.xlsx', { today: TODAY });
    const report = commitDuesImport(t.ledger, plan);
    expect(report.written).toBe(false);
    expect(report.valid).toBe(1);
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'MEMBER_NOT_FOUND'], [4, 'NAME_MISMATCH'], [5, 'MONTH_ALREADY_PAID'], [6, 'AMOUNT_INVALID'], [7, 'AMOUNT_INVALID'],
    ]);
    const msg = (row: number) => report.errors.find((e) => e.row === row)!.message;
    expect(msg(3)).toContain('台帐中没有身份证号为');
    expect(msg(4)).toBe(`身份证号“${WANG}”在台帐中是“王建国”，表中姓名是“王建图”。请核对姓名或身份证号。`);
    expect(msg(5)).toContain('“李秀英”2025-01 的党费已于 2025-01-31 交纳');
    expect(msg(6)).toContain('4月“九十”不是金额也不是“✓”');
    expect(msg(7)).toContain('表中金额 80.00 元，台帐按交纳基数应交 90.00 元');
    expect(ledgerRows()).toEqual(before);

    // The rejects file: the file's own columns plus 错误原因, the ID as text.
    const rejects = await duesRejects(plan);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(rejects! as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('第一党支部');
    expect(ws.getRow(1).getCell(16).value).toBe('错误原因');
    expect(ws.rowCount).toBe(6);
    expect(ws.getRow(3).getCell(3).value).toBe(WANG);
    expect(String(ws.getRow(3).getCell(16).value)).toContain('【姓名】身份证号');
  });

  it('a GBK CSV with 缴费月份, 金额 and 缴费日期 through the CLI', { timeout: 120_000 }, async () => {
    const file = join(t.dir, '党费.csv');
    writeFileSync(file, csvBytes([['姓名', '身份证号', '缴费月份', '金额', '缴费日期'], ['陈静', CHEN, '4-6月', 0.6, '2025-06-20'], ['张三', '', '1月', 90, '']], 'gbk'));
    t.ledger.close();
    const env = { LEDGER_PASSWORD: TEST_PASSWORD };
    const dry = runCli(['dues-import', file, '--db', t.path, '--year', '2025', '--today', TODAY, '--json', '--rejects', join(t.dir, 'rejects.xlsx')], env);
    expect(dry.code).toBe(1);
    expect(dry.json()).toMatchObject({ format: 'csv', rows: 2, valid: 1, written: false, errors: [{ row: 3, code: 'MEMBER_NOT_FOUND', message: '台帐中没有名为“张三”的党员。请核对姓名，或先在“党员”中登记此人。' }] });
    const ok = runCli(['dues-import', file, '--db', t.path, '--year', '2025', '--today', TODAY, '--skip-invalid'], env);
    expect(ok.stdout).toContain('已导入：1 条交纳记录，共 3 个月。');
    const again = runCli(['dues-import', file, '--db', t.path, '--year', '2025', '--today', TODAY, '--json'], env);
    expect(again.json().errors.map((e: { code: string }) => e.code)).toEqual(['MONTH_ALREADY_PAID', 'MEMBER_NOT_FOUND']);
    const notDues = join(t.dir, 'roster.csv');
    writeFileSync(notDues, csvBytes([['姓名', '身份证号', '性别'], ['陈静', CHEN, '女']], 'gbk'));
    const bad = runCli(['dues-import', notDues, '--db', t.path, '--json'], env);
    expect(bad.code).toBe(1);
    expect(bad.json().fileErrors[0].code).toBe('NOT_A_DUES_LIST');
  });
});
