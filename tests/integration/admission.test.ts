// 发展党员 on a real ledger: a person through every step; the branch meeting's admission makes them
// a member (预备 from the meeting's date, on the roster from then, not before); the CLI's JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplicant, dropApplicant, listAdmission, recordAdmissionStep } from '../../electron/ledger/admission';
import { dashboardSummary } from '../../electron/ledger/dashboard';
import { listMembers } from '../../electron/ledger/members';
import { makeId, smallStreet } from '../helpers/builders';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';
import { runCli } from '../helpers/cli';

const TODAY = { today: '2025-09-01' };
let t: Awaited<ReturnType<typeof tempLedger>>;
let s: ReturnType<typeof smallStreet>;
let zhao: number;
let qian: number;

beforeAll(async () => {
  t = await tempLedger();
  s = smallStreet(t.ledger);
  zhao = createApplicant(t.ledger, { orgId: s.branchA, name: '赵敏', idNumber: makeId('19990310', 42), gender: '女', birthDate: '1999-03-10', appliedOn: '2023-09-01' }, TODAY);
  qian = createApplicant(t.ledger, { orgId: s.branchB, name: '钱磊', appliedOn: '2025-07-01' }, TODAY);
});
afterAll(() => t.cleanup());

const step = (applicantId: number, st: string, date: string, more: Record<string, unknown> = {}) =>
  recordAdmissionStep(t.ledger, { applicantId, step: st, date, ...more }, TODAY);

describe('发展党员', () => {
  it('moves a person through the steps, refusing a step before the one it needs', () => {
    expect(() => step(zhao, 'candidate', '2024-01-01')).toThrow('还没有“确定为入党积极分子”的记录');
    step(zhao, 'talked', '2023-09-20');
    step(zhao, 'activist', '2023-11-01', { people: ['王建国', '李秀英'] });
    step(zhao, 'review', '2024-04-30');
    step(zhao, 'review', '2024-10-25');
    step(zhao, 'candidate', '2024-12-01');
    step(zhao, 'politicalReview', '2025-01-10');
    step(zhao, 'training', '2025-02-10', { trainingDays: 3 });
    step(zhao, 'introducers', '2025-03-01', { people: ['王建国', '李秀英'] });
    const p = step(zhao, 'publicity', '2025-03-03', { until: '2025-03-07' });
    expect(p).toMatchObject({ stage: 'candidate', next: { step: 'admitted', due: null }, warnings: [] });
  });

  it('a late talk is a warning on the person, and clears once recorded', () => {
    const before = listAdmission(t.ledger, { orgId: null }, { today: '2025-08-05' }).people.find((p) => p.name === '钱磊')!;
    expect(before.warnings).toEqual(['递交申请已超过一个月（2025-08-01 到期），尚未派人谈话']);
    // 首页's 需要关注 lists the same warning, for the street and for the person's branch only.
    const warning = { applicantId: qian, name: '钱磊', orgName: '东风社区第二党支部', warnings: before.warnings };
    expect(dashboardSummary(t.ledger, null, '2025-08-05').admission).toEqual([warning]);
    expect(dashboardSummary(t.ledger, s.branchA, '2025-08-05').admission).toEqual([]);
    step(qian, 'talked', '2025-07-20');
    expect(listAdmission(t.ledger, { orgId: null }, TODAY).people.find((p) => p.name === '钱磊')!.warnings).toEqual([]);
    expect(dashboardSummary(t.ledger, null, '2025-08-05').admission).toEqual([]);
  });

  it('admitting a 发展对象 creates the member: 预备 from the meeting date, on the roster from then', () => {
    const p = step(zhao, 'admitted', '2025-03-20');
    expect(p).toMatchObject({ stage: 'probationary', next: { step: 'approved', due: '2025-06-20' } });
    expect(p.memberId).not.toBeNull();
    const onRoster = (asOf: string) => listMembers(t.ledger, { orgId: s.branchA, asOf }).filter((m) => m.name === '赵敏');
    expect(onRoster('2025-03-19')).toHaveLength(0);
    expect(onRoster('2025-03-20')).toMatchObject([{ kind: 'probationary', joinedOn: '2025-03-20', gender: '女', birthDate: '1999-03-10' }]);
    expect(() => step(zhao, 'admitted', '2025-03-21')).toThrow('已接收为预备党员');
    // Waiting for the higher committee beyond 3 months: the warning, then approval clears it.
    expect(listAdmission(t.ledger, { orgId: null }, TODAY).people.find((x) => x.name === '赵敏')!.warnings).toEqual(['上级党委应在 2025-06-20 前审批，已逾期']);
  });

  it('refuses admitting someone without an ID number, and dropping keeps the record', () => {
    expect(() => dropApplicant(t.ledger, { applicantId: zhao, date: '2025-08-01', reason: '调离' })).toThrow('已是预备党员');
    const list = listAdmission(t.ledger, { orgId: null, includeDone: true }, TODAY);
    expect(list.counts).toMatchObject({ applicant: 1, probationary: 1 });
  });

  it('prints everyone’s stage, steps, next step and warnings as JSON', { timeout: 240_000 }, () => {
    t.ledger.close();
    const r = runCli(['admission', '--db', t.path, '--today', '2025-09-01', '--json'], { LEDGER_PASSWORD: TEST_PASSWORD });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.people.map((p: { name: string }) => p.name)).toEqual(['赵敏', '钱磊']);
    expect(out.people[0]).toMatchObject({
      org: '东风社区第一党支部', stage: 'probationary', next: { step: 'approved', due: '2025-06-20' }, warnings: ['上级党委应在 2025-06-20 前审批，已逾期'],
    });
    expect(out.people[0].steps.slice(0, 3)).toEqual([{ step: 'applied', date: '2023-09-01' }, { step: 'talked', date: '2023-09-20' }, { step: 'activist', date: '2023-11-01' }]);
    expect(out.people[1]).toMatchObject({ name: '钱磊', stage: 'applicant', next: { step: 'activist', due: null }, warnings: [] });
  });
});
