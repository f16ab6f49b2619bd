// 双报到 on a fresh ledger (no demo data): an outside unit's registrant is recorded without joining
// any roster or count; a quarter's feedback fills that quarter's column of the resident register
// (the exported workbook read back), moves the 报到管理到位 indicator, and prints on the unit's
// 反馈单 and in the half-yearly summary; the CLI records a quarter headlessly.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, listMembers, registerResident } from '../../electron/ledger/members';
import { computeMetric } from '../../electron/ledger/metrics';
import { recordEvaluation, recordFeedback, registerOutsider, residentBoard } from '../../electron/ledger/residents';
import { rollStats } from '../../electron/ledger/stats';
import { exportRegister } from '../../electron/reports/export';
import { renderWorker } from '../../electron/reports/worker-pool';
import type { RegisterName } from '../../shared/reports/catalog';
import { makeId, memberInput, smallStreet } from '../helpers/builders';
import { runCli } from '../helpers/cli';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';
import { firstSheetRows } from '../helpers/xlsx-rows';

const TODAY = '2025-12-31';
let t: Awaited<ReturnType<typeof tempLedger>>;
let s: ReturnType<typeof smallStreet>;
let member: number;
let outsider: number;

beforeAll(async () => {
  t = await tempLedger();
  s = smallStreet(t.ledger);
  const wang = createMember(t.ledger, memberInput(s.branchA, { name: '王建国', idNumber: makeId('19750301', 11), employer: '东风小学 教师' }));
  member = registerResident(t.ledger, wang, { communityOrgId: s.community, unitOrg: '东风小学党支部', registeredOn: '2025-03-01', serviceIntent: '辅导功课' });
  outsider = registerOutsider(t.ledger, {
    name: '李华', employer: '县财政局 副局长', unitOrg: '中共县财政局机关支部委员会', phone: '13912345678',
    communityOrgId: s.community, registeredOn: '2025-02-10', isCadre: true, serviceIntent: '政策宣传',
  });
});
afterAll(async () => {
  await renderWorker.stop();
  t.cleanup();
});

const exportTo = async (register: RegisterName, format: 'pdf' | 'xlsx', name = register) => {
  const file = join(t.dir, `${name}.${format}`);
  await exportRegister(t.ledger, { register, format, scope: { orgId: null }, period: { year: 2025 }, today: TODAY }, file);
  return file;
};
const indicator = () => computeMetric(t.ledger, 'mobileKeptUp', s.community, 2025, { today: TODAY });

describe('双报到', () => {
  it('an outside registrant is on no roster, in no count and not in 党组织基本情况', { timeout: 120_000 }, async () => {
    expect(listMembers(t.ledger).map((m) => m.name)).toEqual(['王建国']);
    expect(rollStats(t.ledger, TODAY)).toMatchObject({ members: 1, full: 1 });
    const roster = (await firstSheetRows(await exportTo('roster', 'xlsx'))).flat().join('|');
    expect(roster).toContain('王建国');
    expect(roster).not.toContain('李华');
    const orgs = (await firstSheetRows(await exportTo('orgs', 'xlsx'))).flat().join('|');
    expect(orgs).not.toContain('李华');
    expect(residentBoard(t.ledger, null, 2025, { today: TODAY }).registrants.map((r) => [r.name, r.memberId === null])).toEqual([['李华', true], ['王建国', false]]);
  });

  it('a quarter’s feedback fills that quarter’s column of the resident register and moves the indicator', { timeout: 120_000 }, async () => {
    const before = indicator();
    expect(before.value).toBe(0);
    expect(before.figures).toContainEqual({ label: '未反馈的季度', value: '李华（一季度、二季度、三季度、四季度）；王建国（一季度、二季度、三季度、四季度）' });

    recordFeedback(t.ledger, { registrationId: outsider, year: 2025, quarter: 2, attended: 3, hours: 6, services: '政策宣讲 2 场', comment: '表现突出' });
    recordFeedback(t.ledger, { registrationId: member, year: 2025, quarter: 2, attended: 2, hours: 4.5, services: '课业辅导' });
    const after = indicator();
    expect(after.value).toBeCloseTo(2 / 8, 10);
    expect(after.figures).toContainEqual({ label: '报到党员季度反馈（已反馈/应反馈）', value: '2/8（2 人报到）' });
    expect(after.explanation).toBe('应到位 8 项，已到位 2 项，到位率 25%');

    const rows = await firstSheetRows(await exportTo('resident', 'xlsx'));
    const header = rows.find((r) => r.includes('一季度'))!;
    const q = (row: string[]) => [1, 2, 3, 4].map((n) => row[header.indexOf(['一季度', '二季度', '三季度', '四季度'][n - 1]!)]);
    expect(q(rows.find((r) => r.includes('李华'))!)).toEqual(['', '√', '', '']);
    expect(q(rows.find((r) => r.includes('王建国'))!)).toEqual(['', '√', '', '']);
    expect(rows.find((r) => r.includes('李华'))!).toContain('中共县财政局机关支部委员会');

    // Entering the quarter again corrects it: still one feedback, the indicator unchanged.
    recordFeedback(t.ledger, { registrationId: member, year: 2025, quarter: 2, attended: 4, hours: 8, services: '课业辅导' });
    expect(indicator().value).toBeCloseTo(2 / 8, 10);
    expect(residentBoard(t.ledger, null, 2025, { today: TODAY }).registrants.find((r) => r.name === '王建国')!.quarters[1]!.feedback).toMatchObject({ attended: 4, hours: 8 });
  });

  it('prints a 反馈单 per unit with the year-end evaluation, and the half-yearly summary', { timeout: 120_000 }, async () => {
    recordEvaluation(t.ledger, { registrationId: outsider, year: 2025, grade: 'excellent', note: '服务群众热情' });
    const sheet = execFileSync('pdftotext', ['-layout', await exportTo('resident-feedback', 'pdf'), '-']).toString();
    expect(sheet).toContain('在职党员到社区报到表现情况反馈单');
    expect(sheet).toContain('中共县财政局机关支部委员会');
    expect(sheet).toContain('东风小学党支部');
    expect(sheet).toMatch(/李华.*2025年二季度\s+3\s+政策宣讲 2 场\s+6/);
    expect(sheet).toMatch(/李华\s+2025\s+优秀\s+服务群众热情/);
    expect(sheet).toContain('社区党组织（盖章）');

    const file = join(t.dir, 'half.xlsx');
    await exportRegister(t.ledger, { register: 'resident-summary', format: 'xlsx', scope: { orgId: null }, period: { from: '2025-01-01', to: '2025-06-30' }, today: TODAY }, file);
    const line = (await firstSheetRows(file)).find((r) => r.includes('东风社区党委'))!;
    // 2 registrants, 1 cadre, 1 outside; Q1 and Q2 owed for both, Q2 given; 3+4 activities, 6+8 hours.
    expect(line.slice(1, 9)).toEqual(['东风社区党委', '2', '1', '1', '4', '2', '7', '14']);
  });

  it('records a quarter headlessly with `resident-feedback`', { timeout: 120_000 }, async () => {
    t.ledger.close();
    const env = { LEDGER_PASSWORD: TEST_PASSWORD };
    const r = runCli(['resident-feedback', '--db', t.path, '--name', '李华', '--year', '2025', '--quarter', '3', '--attended', '2', '--hours', '5', '--services', '反诈宣传', '--json'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ name: '李华', unitOrg: '中共县财政局机关支部委员会', community: '东风社区党委', period: '2025-Q3', attended: 2, hours: 5, services: '反诈宣传', corrected: false });
    const missing = runCli(['resident-feedback', '--db', t.path, '--name', '赵六', '--year', '2025', '--quarter', '3', '--attended', '1'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到 2025 年三季度在报到期内的“赵六”');
    expect(runCli(['resident-feedback', '--db', t.path, '--name', '李华', '--year', '2025', '--quarter', '5', '--attended', '1'], env).code).toBe(2);
  });
});
