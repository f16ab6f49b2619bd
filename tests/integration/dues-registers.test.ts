// 党费收缴登记表 and 党费收缴汇总表 exported from a small real ledger and read back: the workbook
// with exceljs, the PDF with pdftotext.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember } from '../../electron/ledger/members';
import { payDues, payMonthForAll, remitDues, setDuesBase } from '../../electron/ledger/dues';
import { exportRegister } from '../../electron/reports/export';
import { renderWorker } from '../../electron/reports/worker-pool';
import { makeId, memberInput, smallStreet } from '../helpers/builders';
import { tempLedger } from '../helpers/temp-ledger';
import { firstSheetRows } from '../helpers/xlsx-rows';

const TODAY = '2025-12-10';
let t: Awaited<ReturnType<typeof tempLedger>>;
let s: ReturnType<typeof smallStreet>;

beforeAll(async () => {
  t = await tempLedger();
  s = smallStreet(t.ledger);
  const opts = { today: TODAY };
  const wang = createMember(t.ledger, memberInput(s.branchA, { name: '王建国', idNumber: makeId('19650301', 11), joinedOn: '1990-07-01', confirmedOn: '1991-07-01' }));
  const li = createMember(t.ledger, memberInput(s.branchA, { name: '李秀英', idNumber: makeId('19700815', 22), joinedOn: '2000-07-01', confirmedOn: '2001-07-01' }));
  const chen = createMember(t.ledger, memberInput(s.branchB, { name: '陈静', idNumber: makeId('19751212', 56), joinedOn: '1999-07-01', confirmedOn: '2000-07-01' }));
  setDuesBase(t.ledger, { memberId: wang, fromMonth: '2025-01', category: 'employed', income: 6000 }); // 90.00
  setDuesBase(t.ledger, { memberId: li, fromMonth: '2025-01', category: 'retired', income: 4000 }); // 20.00
  setDuesBase(t.ledger, { memberId: chen, fromMonth: '2025-01', category: 'lowIncome' }); // 0.20
  for (let m = 1; m <= 9; m++) payMonthForAll(t.ledger, { orgId: s.branchA, month: `2025-0${m}`, paidOn: `2025-0${m}-15` }, opts);
  payDues(t.ledger, { memberId: wang, months: ['2025-10', '2025-11'], paidOn: '2025-12-03' }, opts);
  payDues(t.ledger, { memberId: chen, months: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'], paidOn: '2025-01-08' }, opts);
  remitDues(t.ledger, { orgId: s.branchA, month: '2025-01', remittedOn: '2025-02-10', amount: 110, recipient: '东风社区党委' }, opts);
});
afterAll(async () => {
  await renderWorker.stop();
  t.cleanup();
});

const exportTo = (register: 'dues' | 'dues-summary', format: 'pdf' | 'xlsx') => {
  const file = join(t.dir, `${register}.${format}`);
  return exportRegister(t.ledger, { register, format, scope: { orgId: null }, period: { year: 2025 }, today: TODAY }, file).then(() => file);
};
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-']).toString();

describe('党费 registers', () => {
  it('党费收缴登记表: each member’s base, rate, amount and each month’s paid date, arrears marked', { timeout: 120_000 }, async () => {
    const rows = await firstSheetRows(await exportTo('dues', 'xlsx'));
    const wang = rows.find((r) => r.includes('王建国'))!;
    expect(wang.slice(1, 6)).toEqual(['王建国', '正式党员', '月收入 6000.00', '1.5%', '90']);
    expect(wang.slice(6, 18)).toEqual(['1.15', '2.15', '3.15', '4.15', '5.15', '6.15', '7.15', '8.15', '9.15', '12.3补', '12.3补', '']);
    const li = rows.find((r) => r.includes('李秀英'))!;
    expect(li.slice(15, 20)).toEqual(['欠', '欠', '', '180', '2']);
    expect(rows.flat().join('|')).toContain('东风社区第二党支部：应交 2.40 元，已交 1.20 元');
    const text = pdfText(await exportTo('dues', 'pdf'));
    expect(text).toContain('党费收缴登记表');
    expect(text).toMatch(/王建国.*90\.00.*1\.15/);
    expect(text).toMatch(/李秀英.*欠\s+欠/);
  });

  it('党费收缴汇总表: branch × month collected, with due, paid, remitted and the street’s totals', { timeout: 120_000 }, async () => {
    const rows = await firstSheetRows(await exportTo('dues-summary', 'xlsx'));
    const a = rows.find((r) => r.includes('东风社区第一党支部'))!;
    expect(a.slice(1, 5)).toEqual(['东风社区第一党支部', '2', '110', '110']);
    expect(a.slice(14, 19)).toEqual(['0', '1320', '1170', '110', '1']);
    const total = rows.find((r) => r.includes('合计'))!;
    expect(total.slice(1, 4)).toEqual(['合计', '3', '110.2']);
    expect(total.slice(14, 18)).toEqual(['0', '1322.4', '1171.2', '110']);
    const text = pdfText(await exportTo('dues-summary', 'pdf'));
    expect(text).toContain('党费收缴汇总表');
    expect(text).toMatch(/合计\s+3\s+110\.20/);
  });
});
