// 年初有计划、月度有安排、年终有总结 on a real ledger: the plan/summary warnings by deadline (missing,
// late, not yet due, a branch founded after the deadline), an arrangement carried out by an activity
// of its month and type, and the 工作计划和总结 register read back — in the binder, plans open the
// year and summaries close it.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActivity } from '../../electron/ledger/activities';
import { createMember } from '../../electron/ledger/members';
import { createOrg } from '../../electron/ledger/orgs';
import { addArrangement, planGaps, planYear, savePlan, voidArrangement } from '../../electron/ledger/plans';
import { buildRegister, exportRegister } from '../../electron/reports/export';
import { renderWorker } from '../../electron/reports/worker-pool';
import { runCli } from '../helpers/cli';
import { memberInput, smallStreet } from '../helpers/builders';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';
import { firstSheetRows } from '../helpers/xlsx-rows';

let t: Awaited<ReturnType<typeof tempLedger>>;
let s: ReturnType<typeof smallStreet>;
let late: number;

beforeAll(async () => {
  t = await tempLedger();
  s = smallStreet(t.ledger);
  late = createOrg(t.ledger, { parentId: s.community, name: '东风社区新建党支部', type: 'branch', category: 'community', foundedOn: '2025-06-01' });
  const m = createMember(t.ledger, memberInput(s.branchA));
  savePlan(t.ledger, { orgId: s.branchA, year: 2025, kind: 'plan', title: '2025年党建工作计划', content: '一、抓好理论学习。\n二、规范三会一课。', submittedOn: '2025-02-15' });
  savePlan(t.ledger, { orgId: s.branchA, year: 2025, kind: 'summary', title: '2025年党建工作总结', content: '全年召开支部党员大会 4 次。', submittedOn: '2025-12-20' });
  savePlan(t.ledger, { orgId: s.branchB, year: 2025, kind: 'plan', title: '2025年工作计划', content: null, submittedOn: '2025-03-10', file: { fileName: '计划.docx', dataBase64: Buffer.from('计划正文').toString('base64') } });
  addArrangement(t.ledger, { orgId: s.branchA, month: '2025-03', title: '学雷锋志愿服务', activityType: 'volunteer', plannedOn: '2025-03-05' });
  addArrangement(t.ledger, { orgId: s.branchA, month: '2025-04', title: '清明祭扫主题党日', activityType: 'themeDay' });
  const dropped = addArrangement(t.ledger, { orgId: s.branchA, month: '2025-05', title: '取消的安排' });
  voidArrangement(t.ledger, dropped, '改期');
  recordActivity(t.ledger, { orgId: s.branchA, type: 'volunteer', date: '2025-03-05', topic: '学雷锋 清扫楼道', attendance: [{ memberId: m, status: 'present' }] });
  recordActivity(t.ledger, { orgId: s.branchA, type: 'committeeMeeting', date: '2025-04-10', topic: '支委会', attendance: [{ memberId: m, status: 'present' }] });
});
afterAll(async () => {
  await renderWorker.stop();
  t.cleanup();
});

describe('plan and summary warnings', () => {
  it('before 1 March nothing is due; after it, a missing plan and a late one; after 31 December the summaries', () => {
    expect(planGaps(t.ledger, 2025, { on: '2025-03-01' })).toEqual([]);
    const march = planGaps(t.ledger, 2025, { on: '2025-03-02' }).map((g) => [g.orgId, g.kind, g.state]);
    // The new branch was founded after 1 March: no plan asked of it.
    expect(march).toEqual([[s.branchB, 'plan', 'late']]);
    expect(planGaps(t.ledger, 2025, { on: '2025-12-31' }).some((g) => g.kind === 'summary')).toBe(false);
    const after = planGaps(t.ledger, 2025, { on: '2026-01-05' }).map((g) => [g.orgId, g.kind, g.state]);
    expect(after).toEqual([[s.branchB, 'plan', 'late'], [s.branchB, 'summary', 'missing'], [late, 'summary', 'missing']]);
    expect(planGaps(t.ledger, 2025, { on: '2026-01-05', orgId: s.branchA })).toEqual([]);
  });
});

describe('arrangements and the register', () => {
  it('an arrangement is carried out by an activity of its month and type; a voided one is gone', () => {
    const y = planYear(t.ledger, s.branchA, 2025);
    expect(y.plan).toMatchObject({ title: '2025年党建工作计划', late: false, file: null });
    expect(y.arrangements.map((a) => [a.title, a.activities.map((x) => x.topic)])).toEqual([['学雷锋志愿服务', ['学雷锋 清扫楼道']], ['清明祭扫主题党日', []]]);
    expect(planYear(t.ledger, s.branchB, 2025).plan).toMatchObject({ late: true, file: { fileName: '计划.docx' } });
    expect(() => savePlan(t.ledger, { orgId: s.branchB, year: 2025, kind: 'summary', title: '总结', content: null, submittedOn: '2025-12-30' })).toThrow(/请填写年终工作总结的正文，或上传文件/);
  });

  it('prints plans, arrangements with what carried them out, and summaries; the binder opens with the plans and closes with the summaries', { timeout: 120_000 }, async () => {
    const file = join(t.dir, 'plans.xlsx');
    await exportRegister(t.ledger, { register: 'plans', format: 'xlsx', scope: { orgId: s.community }, period: { year: 2025 }, today: '2026-01-05' }, file);
    const text = (await firstSheetRows(file)).map((r) => [...new Set(r)].join('|')).join('\n');
    expect(text).toContain('2025年党建工作计划');
    expect(text).toContain('二、规范三会一课。');
    expect(text).toContain('3月|学雷锋志愿服务|志愿服务|2025-03-05|3月5日 学雷锋 清扫楼道');
    expect(text).toContain('4月|清明祭扫主题党日|主题党日||未落实');
    expect(text).toContain('见附件：计划.docx（存于党建台帐）');
    expect(text).toContain('报送日期：2025年3月10日（逾期报送）');
    expect(text).not.toContain('取消的安排');
    const { doc } = buildRegister(t.ledger, { register: 'binder', format: 'pdf', scope: { orgId: s.branchA }, period: { year: 2025 }, today: '2026-01-05' });
    const toc = doc.sections.filter((x) => x.toc).map((x) => x.toc!);
    expect(toc[0]).toBe('一、年度工作计划和月度安排');
    expect(toc.at(-1)).toMatch(/、年终工作总结$/);
    expect(doc.sections.at(-1)!.blocks.some((b) => b.type === 'text' && b.text === '全年召开支部党员大会 4 次。')).toBe(true);
  });

  it('compliance --json lists them next to the meeting rules', () => {
    t.ledger.close(); // the CLI opens the ledger itself; the last test
    const r = runCli(['compliance', '--db', t.path, '--year', '2025', '--today', '2026-01-05', '--json'], { LEDGER_PASSWORD: TEST_PASSWORD });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json().plans.map((g: { orgName: string; kind: string; state: string }) => `${g.orgName} ${g.kind} ${g.state}`)).toEqual([
      '东风社区第二党支部 plan late', '东风社区第二党支部 summary missing', '东风社区新建党支部 summary missing',
    ]);
  });
});
