// 发展党员工作台帐 and the 公示 notice exported from a small real ledger and read back.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplicant, recordAdmissionStep } from '../../electron/ledger/admission';
import { updateOrg } from '../../electron/ledger/orgs';
import { exportRegister } from '../../electron/reports/export';
import { renderWorker } from '../../electron/reports/worker-pool';
import { makeId, smallStreet } from '../helpers/builders';
import { tempLedger } from '../helpers/temp-ledger';

const TODAY = '2025-09-01';
let t: Awaited<ReturnType<typeof tempLedger>>;

beforeAll(async () => {
  t = await tempLedger();
  const s = smallStreet(t.ledger);
  updateOrg(t.ledger, s.branchA, { phone: '010-66668888' });
  const opts = { today: TODAY };
  const step = (applicantId: number, st: string, date: string, more: Record<string, unknown> = {}) => recordAdmissionStep(t.ledger, { applicantId, step: st, date, ...more }, opts);
  const zhao = createApplicant(t.ledger, { orgId: s.branchA, name: '赵敏', idNumber: makeId('19990310', 42), gender: '女', birthDate: '1999-03-10', appliedOn: '2023-09-01' }, opts);
  step(zhao, 'talked', '2023-09-20');
  step(zhao, 'activist', '2023-11-01', { people: ['王建国', '李秀英'] });
  step(zhao, 'review', '2024-04-30');
  step(zhao, 'candidate', '2024-12-01');
  step(zhao, 'politicalReview', '2025-01-10');
  step(zhao, 'training', '2025-02-10', { trainingHours: 24 });
  step(zhao, 'introducers', '2025-03-01', { people: ['王建国', '李秀英'] });
  createApplicant(t.ledger, { orgId: s.branchB, name: '钱磊', appliedOn: '2025-07-01' }, opts);
});
afterAll(async () => {
  await renderWorker.stop();
  t.cleanup();
});

const exportTo = (register: 'admission' | 'admission-notice', format: 'pdf' | 'xlsx') => {
  const file = join(t.dir, `${register}.${format}`);
  return exportRegister(t.ledger, { register, format, scope: { orgId: null }, period: { year: 2025 }, today: TODAY }, file).then(() => file);
};
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-']).toString();

describe('发展党员 registers', () => {
  it('发展党员工作台帐: a row per person with every step’s date and the warnings', { timeout: 120_000 }, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await exportTo('admission', 'xlsx')) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => String(v ?? ''))));
    const zhao = rows.find((r) => r.includes('赵敏'))!;
    expect(zhao.slice(1, 17)).toEqual([
      '赵敏', '女', '1999-03-10', '2023-09-01', '2023-09-20', '2023-11-01', '王建国、李秀英', '2024-04-30', '2024-12-01', '2025-01-10', '24 学时', '王建国、李秀英', '', '', '', '发展对象',
    ]);
    expect(rows.find((r) => r.includes('钱磊'))!.at(-1)).toBe('递交申请已超过一个月（2025-08-01 到期），尚未派人谈话');
    const text = pdfText(await exportTo('admission', 'pdf'));
    expect(text).toContain('发展党员工作台帐');
    expect(text).toMatch(/赵敏\s+女\s+1999-03-10\s+2023-09-01/);
  });

  it('公示 notice: one A4 page per 发展对象 due, with the branch, facts, period and phone', { timeout: 120_000 }, async () => {
    const file = await exportTo('admission-notice', 'pdf');
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);
    const text = pdfText(file).replace(/\s+/g, '');
    expect(text).toContain('关于拟发展赵敏同志为中共预备党员的公示');
    expect(text).toContain('经中共东风社区第一党支部委员会研究');
    expect(text).toContain('入党介绍人王建国、李秀英');
    expect(text).toContain('联系电话：010-66668888');
    expect(text).not.toContain('钱磊');
  });
});
