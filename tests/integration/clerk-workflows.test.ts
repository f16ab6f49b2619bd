// What a clerk expected and did not find (issue 17): the 党员 list exported as shown (filters, search
// and 截至日期 applied) to Excel; several selected members transferred or moved at once — one event
// and one audit entry per member, all or none; one meeting's record printed from its page.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { SessionState } from '../../electron/api/session-state';
import { recordActivity } from '../../electron/ledger/activities';
import { membersOn } from '../../electron/ledger/member-state';
import { createMember, getMember, memberHistory, transferInternal } from '../../electron/ledger/members';
import { createOrg } from '../../electron/ledger/orgs';
import { makeId, memberInput, smallStreet } from '../helpers/builders';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';

let t: Awaited<ReturnType<typeof tempLedger>>;
let s: ReturnType<typeof smallStreet>;
let state: SessionState;
let wrongBranch: number;
const sixteen: number[] = [];
let moved: number;
beforeAll(async () => {
  t = await tempLedger();
  s = smallStreet(t.ledger);
  wrongBranch = createOrg(t.ledger, { parentId: s.community, name: '东风社区误建党支部', type: 'branch', category: 'community' });
  for (let i = 0; i < 16; i++) sixteen.push(createMember(t.ledger, memberInput(wrongBranch, { name: `误建${i + 1}`, idNumber: makeId('19700101', 100 + i) })));
  moved = createMember(t.ledger, memberInput(s.branchA, { name: '调走的人', idNumber: makeId('19750101', 200) }));
  transferInternal(t.ledger, moved, { date: '2025-07-01', toOrgId: s.branchB });
  t.ledger.close();
  state = new SessionState(t.path);
  expect((await dispatch(state, 'session.unlock', { password: TEST_PASSWORD })).ok).toBe(true);
});
afterAll(() => {
  state.requireLedger().close();
  t.cleanup();
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(state, method as never, input as never);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value as T;
}
const auditCount = (action: string) => (state.requireLedger().db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = ? AND entity = 'member'").get(action) as { n: number }).n;

describe('the member list exported as shown', () => {
  it('holds exactly the members shown, in that order, as they stood on the 截至日期, with the filters named', async () => {
    const shown = [sixteen[3]!, sixteen[1]!, moved];
    const f = await call<{ fileName: string; data: Uint8Array }>('members.exportList', { ids: shown, asOf: '2025-06-30', filters: '查找“误建”' });
    expect(f.fileName).toContain('截至2025-06-30');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.data) as unknown as ArrayBuffer);
    const text: string[] = [];
    wb.worksheets[0]!.eachRow((row) => text.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')).join('|')));
    const names = text.map((l) => l.split('|')[1]).filter((n) => n && /^(误建|调走)/.test(n));
    expect(names).toEqual(['误建4', '误建2', '调走的人']);
    // On 2025-06-30 the moved member was still in the first branch.
    expect(text.some((l) => l.includes('东风社区第一党支部'))).toBe(true);
    expect(text.some((l) => l.includes('东风社区第二党支部'))).toBe(false);
    expect(text.join('\n')).toContain('查找“误建”');
    expect(auditCount('export')).toBe(1);
  });
});

describe('several members at once', () => {
  it('a branch of 16 emptied in one action: one dated move and one audit entry per member', async () => {
    const before = auditCount('transfer');
    const r = await call<{ count: number }>('members.bulk', { ids: sixteen, action: { kind: 'transferInternal', date: '2025-09-01', toOrgId: s.branchA, note: null } });
    expect(r.count).toBe(16);
    expect(auditCount('transfer') - before).toBe(16);
    const ledger = state.requireLedger();
    expect(membersOn(ledger, '2025-09-01').filter((m) => m.orgId === wrongBranch)).toEqual([]);
    expect(membersOn(ledger, '2025-08-31').filter((m) => m.orgId === wrongBranch)).toHaveLength(16);
    expect(sixteen.every((id) => memberHistory(ledger, id).some((e) => e.type === 'transferInternal'))).toBe(true);
  });

  it('into a 党小组, and all or none: one member of another branch stops the whole action and is named', async () => {
    const ledger = state.requireLedger();
    const group = createOrg(ledger, { parentId: s.branchA, name: '东风社区第一党支部第一党小组', type: 'group', category: 'community' });
    const r = await dispatch(state, 'members.bulk', { ids: [sixteen[0]!, moved], action: { kind: 'moveGroup', date: '2025-10-01', groupId: group, note: null } });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toContain('调走的人');
    expect(getMember(ledger, sixteen[0]!).groupId).toBeNull();
    await call('members.bulk', { ids: sixteen.slice(0, 3), action: { kind: 'moveGroup', date: '2025-10-01', groupId: group, note: null } });
    expect(membersOn(ledger, '2025-10-01').filter((m) => m.groupId === group).map((m) => m.id)).toEqual(sixteen.slice(0, 3));
  });

  it('组织关系转出 for several, each with the 介绍信编号 and 党费交至', async () => {
    const ledger = state.requireLedger();
    await call('members.bulk', { ids: sixteen.slice(10), action: { kind: 'transferOut', date: '2025-11-01', toOrg: '外区某党委', letterNumber: '组转〔2025〕3号', duesPaidTo: '2025-10', note: null } });
    expect(sixteen.slice(10).every((id) => getMember(ledger, id).status === 'transferredOut')).toBe(true);
    expect(memberHistory(ledger, sixteen[10]!).find((e) => e.type === 'transferOut')!.data).toMatchObject({ letterNumber: '组转〔2025〕3号', duesPaidTo: '2025-10' });
  });
});

describe('one meeting printed from its page', () => {
  it('is that activity alone: topic, date, place, who came and who did not, the minutes', async () => {
    const ledger = state.requireLedger();
    const [a, b, c] = [sixteen[0]!, sixteen[1]!, sixteen[2]!];
    const id = recordActivity(ledger, {
      orgId: s.branchA, type: 'branchAssembly', date: '2025-12-05', startTime: '09:00', endTime: '10:30', place: '社区党员活动室', topic: '学习贯彻全会精神',
      host: '误建1', recorder: '误建2', minutes: '一、传达学习全会精神。二、讨论本支部落实措施。',
      attendance: [{ memberId: a, status: 'present' }, { memberId: b, status: 'present' }, { memberId: c, status: 'absent', absenceReason: 'sick' }],
    });
    recordActivity(ledger, { orgId: s.branchA, type: 'partyLesson', date: '2025-12-06', topic: '另一次党课', lecturer: '误建3', attendance: [] });
    const f = await call<{ fileName: string; data: Uint8Array }>('activities.printRecord', { id });
    const file = join(t.dir, f.fileName);
    writeFileSync(file, f.data);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const want of ['支部党员大会记录', '学习贯彻全会精神', '社区党员活动室', '2025年12月5日', '误建1', '误建2', '误建3（因病）', '传达学习全会精神']) expect(text).toContain(want);
    expect(text).not.toContain('另一次党课');
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+1\b/);
  });
});
