import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { SessionState } from '../../electron/api/session-state';
import { createMember } from '../../electron/ledger/members';
import { memberInput, smallStreet } from '../helpers/builders';
import { tempLedger } from '../helpers/temp-ledger';

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

describe('activities over the API dispatch', () => {
  it('validates, records, reports and serves attachments the way the renderer calls them', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    const s = smallStreet(t.ledger);
    const m = createMember(t.ledger, memberInput(s.branchA), { since: '2015-01-01' });
    const state = new SessionState(t.path);
    state.ledger = t.ledger;
    const ok = async (method: string, input: unknown) => {
      const r = await dispatch(state, method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as any;
    };

    const bad = await dispatch(state, 'activities.record', { orgId: s.branchA, type: 'partyLesson', date: '2025-02-30', topic: '', attendance: [] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const absentNoReason = await dispatch(state, 'activities.record', { orgId: s.branchA, type: 'partyLesson', date: '2025-02-10', topic: '党课', attendance: [{ memberId: m, status: 'absent' }] });
    expect(absentNoReason).toMatchObject({ ok: false, error: { message: '请选择缺席原因（因病/因公/外出/其他）' } });

    const expected = await ok('activities.expected', { orgId: s.branchA, type: 'partyLesson', date: '2025-02-10' });
    expect(expected.attendees.map((a: { memberId: number }) => a.memberId)).toEqual([m]);
    const rec = await ok('activities.record', { orgId: s.branchA, type: 'partyLesson', date: '2025-02-10', topic: '学习党的二十届三中全会精神', lecturer: '王书记', attendance: [{ memberId: m, status: 'present' }] });
    expect(rec).toMatchObject({ typeLabel: '党课', lecturer: '王书记', presentCount: 1 });

    const matrix = await ok('activities.compliance', { year: 2025, orgId: s.branchA });
    const lesson = matrix.orgs[0].rules.find((r: { ruleId: string }) => r.ruleId === 'partyLesson');
    expect(lesson.periods[0]).toMatchObject({ period: '2025-Q1', status: 'met', activityIds: [rec.id] });

    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);
    const meta = await ok('activities.attachments.add', { activityId: rec.id, fileName: '现场照片.jpg', dataBase64: bytes.toString('base64') });
    const back = await ok('activities.attachments.data', { id: meta.id });
    expect(Buffer.from(back.dataBase64, 'base64').equals(bytes)).toBe(true);
    expect((await ok('activities.get', { id: rec.id })).attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['现场照片.jpg']);

    await ok('activities.void', { id: rec.id, reason: '录入错误' });
    expect(await ok('activities.list', { orgId: s.branchA })).toEqual([]);
    const rules = await ok('activities.rules', {});
    expect(rules.effective.branch.map((r: { label: string }) => r.label)).toContain('远程教育集中收看');
  });
});
