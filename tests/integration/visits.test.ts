// 走千家: a visit entered once shows in the branch's 走访 compliance, the 走千家 indicator, the
// household's history and the 民情台账 register; a visit made inside a 走访 activity already
// recorded counts once; the `visits` and `households` commands report it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActivity } from '../../electron/ledger/activities';
import { complianceForOrg, saveComplianceConfig } from '../../electron/ledger/compliance';
import { createHousehold, linkContact } from '../../electron/ledger/households';
import type { Ledger } from '../../electron/ledger/ledger';
import { createMember } from '../../electron/ledger/members';
import { computeMetric } from '../../electron/ledger/metrics';
import { listVisits, recordVisit, resolveVisit, voidVisit } from '../../electron/ledger/visits';
import { exportRegister } from '../../electron/reports/export';
import { renderWorker } from '../../electron/reports/worker-pool';
import { makeId, memberInput, smallStreet } from '../helpers/builders';
import { runCli } from '../helpers/cli';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';

let t: Awaited<ReturnType<typeof tempLedger>>;
let ledger: Ledger;
let street: ReturnType<typeof smallStreet>;
let wang: number;
let home: number;
let visit: number;

const quarterCount = (q: string) =>
  complianceForOrg(ledger, street.branchA, 2025, { today: '2026-03-01' }).find((r) => r.ruleId === 'visit')!.periods.find((p) => p.period === q)!;

beforeAll(async () => {
  t = await tempLedger();
  ledger = t.ledger;
  street = smallStreet(ledger);
  wang = createMember(ledger, memberInput(street.branchA, { name: '王建国', idNumber: makeId('19650301', 11) }));
  home = createHousehold(ledger, {
    orgId: street.branchA, estate: '幸福里小区', building: '3', unit: '2', room: '501', head: '李秀英', phone: '13912345678',
    categories: ['emptyNestElderly'], registeredOn: '2025-01-10',
  });
  linkContact(ledger, { memberId: wang, householdId: home, fromDate: '2025-01-10' });
  // The street checks 走访 quarterly (an admin's setting; there is no default rule for it).
  saveComplianceConfig(ledger, { byOrgType: { branch: { visit: { activityType: 'visit', label: '走访', period: 'quarter', minCount: 1, scope: 'org', enabled: true } } } });
  visit = recordVisit(ledger, {
    householdId: home, date: '2025-04-18', memberIds: [wang], others: ['社区网格员刘芳'], concernCategory: 'medical',
    concern: '老人腿脚不便，希望有人定期代买降压药', referredTo: '社区卫生服务站',
  });
});
afterAll(async () => {
  await renderWorker.stop();
  t.cleanup();
});

const squash = (s: string) => s.replace(/\s+/g, '');
async function exported(register: 'visits' | 'households' | 'contacts' | 'contact-cards', format: 'xlsx' | 'pdf', maskIds = false): Promise<string> {
  const file = join(t.dir, `${register}${maskIds ? '-masked' : ''}.${format}`);
  await exportRegister(ledger, { register, format, scope: { orgId: street.branchA }, period: { year: 2025 }, maskIds, today: '2026-03-01' }, file);
  if (format === 'pdf') return squash(execFileSync('pdftotext', [file, '-']).toString());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const parts: string[] = [];
  wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => parts.push(String(c.value ?? ''))));
  return parts.join('\n');
}

describe('a visit entered once', () => {
  it('is a 走访 of the branch in the compliance matrix (Q2 met, Q1 still missing)', () => {
    expect(quarterCount('2025-Q2')).toMatchObject({ status: 'met', count: 1 });
    expect(quarterCount('2025-Q1')).toMatchObject({ status: 'missing', count: 0 });
    // The activity prints in the 三会一课 registers, which mask no addresses: the building only.
    expect(ledger.db.prepare("SELECT topic, place FROM activities WHERE type = 'visit'").all()).toEqual([{ topic: '走千家：走访李秀英户（幸福里小区3栋）', place: '幸福里小区3栋' }]);
  });

  it('feeds the 走千家 indicator, which says what it counted', () => {
    const m = computeMetric(ledger, 'visits', street.branchA, 2025, { today: '2026-03-01' });
    expect(m.value).toBe(1);
    expect(m.explanation).toBe('全年入户走访 1 户次（1 户），共 1 次；转办 1 件，未办结 1 件');
  });

  it("is on the household's history with its visitors and follow-up", () => {
    expect(listVisits(ledger, { householdId: home })).toMatchObject([
      { id: visit, date: '2025-04-18', visitors: ['王建国', '社区网格员刘芳'], concernCategory: 'medical', referredTo: '社区卫生服务站', resolvedOn: null },
    ]);
    resolveVisit(ledger, { id: visit, resolvedOn: '2025-04-25', resolution: '服务站每周上门送药' });
    expect(computeMetric(ledger, 'visits', street.branchA, 2025, { today: '2026-03-01' }).explanation).toContain('转办 1 件，均已办结');
  });

  it('counts once when made inside a 走访 activity already recorded, and leaves nothing behind when voided', () => {
    const outing = recordActivity(ledger, { orgId: street.branchA, type: 'visit', date: '2025-07-08', topic: '入户走访收集民情民意', attendance: [{ memberId: wang, status: 'present' }] });
    expect(computeMetric(ledger, 'visits', street.branchA, 2025, { today: '2026-03-01' }).value).toBe(2);
    const inside = recordVisit(ledger, { householdId: home, date: '2025-07-08', memberIds: [wang], concernCategory: 'none', activityId: outing });
    expect(quarterCount('2025-Q3')).toMatchObject({ count: 1 });
    expect(computeMetric(ledger, 'visits', street.branchA, 2025, { today: '2026-03-01' }).value).toBe(2);
    const extra = recordVisit(ledger, { householdId: home, date: '2025-07-20', memberIds: [wang], concernCategory: 'suggestion', concern: '楼道灯坏了' });
    expect(quarterCount('2025-Q3')).toMatchObject({ count: 2 });
    voidVisit(ledger, { id: extra, reason: '重复录入' });
    expect(quarterCount('2025-Q3')).toMatchObject({ count: 1 });
    expect(computeMetric(ledger, 'visits', street.branchA, 2025, { today: '2026-03-01' }).value).toBe(2);
    expect(listVisits(ledger, { householdId: home }).map((v) => v.id)).toEqual([inside, visit]);
  });

  it('refuses a visit before the household was 入册', () => {
    expect(() => recordVisit(ledger, { householdId: home, date: '2024-12-01', memberIds: [wang], concernCategory: 'none' })).toThrow(/早于“李秀英”户的入册日期/);
  });
});

describe('the registers', () => {
  it('民情台账 (visits) prints the visit, its visitors, 民情 and 办结, in the workbook and the PDF', { timeout: 120_000 }, async () => {
    const xlsx = await exported('visits', 'xlsx');
    for (const text of ['民情台账', '2025-04-18', '李秀英', '王建国、社区网格员刘芳', '医疗健康', '老人腿脚不便，希望有人定期代买降压药', '社区卫生服务站', '2025-04-25 办结：服务站每周上门送药']) {
      expect(xlsx).toContain(text);
    }
    expect(xlsx).not.toContain('楼道灯坏了');
    const pdf = await exported('visits', 'pdf');
    for (const text of ['民情台账', '李秀英', '老人腿脚不便', '合计：走访2户次（1户），转办1件，均已办结。']) expect(pdf).toContain(squash(text));
  });

  it('民情卡, 联系户 and 联系卡 mask phones and addresses in a masked export', { timeout: 120_000 }, async () => {
    const plain = await exported('households', 'xlsx');
    expect(plain).toContain('幸福里小区3栋2单元501室');
    expect(plain).toContain('13912345678');
    for (const register of ['households', 'contacts'] as const) {
      const masked = await exported(register, 'xlsx', true);
      expect(masked).toContain('139****5678');
      expect(masked).toContain('幸福里小区3栋');
      expect(masked).not.toContain('13912345678');
      expect(masked).not.toContain('2单元501室');
    }
    const cards = await exported('contact-cards', 'pdf', true);
    for (const text of ['党员联系卡', '姓名：王建国', '支部：东风社区第一党支部', '电话：138****1111', '李秀英', '五带六有']) expect(cards).toContain(squash(text));
    expect(cards).not.toContain('13800001111');
  });
});

describe('CLI', () => {
  it('visits --json and households --json report per org', { timeout: 120_000 }, () => {
    ledger.close();
    const env = { LEDGER_PASSWORD: TEST_PASSWORD };
    const v = runCli(['visits', '--db', t.path, '--year', '2025', '--json'], env);
    expect(v.stderr).toBe('');
    expect(v.json()).toEqual({ year: 2025, orgs: [{ org: '东风社区第一党支部', visits: 2, households: 1, followUpsOpen: 0 }] });
    expect(runCli(['visits', '--db', t.path, '--year', '2025', '--org', '东风社区第二党支部', '--json'], env).json()).toEqual({ year: 2025, orgs: [] });
    const h = runCli(['households', '--db', t.path, '--org', '东风社区党委', '--json'], env);
    expect(h.json()).toEqual({
      orgs: [{
        org: '东风社区第一党支部', households: 1,
        list: [{ head: '李秀英', address: '幸福里小区3栋2单元501室', categories: ['空巢老人'], status: '在册', registeredOn: '2025-01-10', closedOn: null, contacts: ['王建国'], visits: 2 }],
      }],
    });
  });
});
