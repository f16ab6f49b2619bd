// Corrections without deletion (issue 11): impossible ID numbers refused everywhere, 提前转正 only
// with a reason, and members or dated events entered by mistake voided (录入错误), not deleted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { SessionState } from '../../electron/api/session-state';
import { membersOn } from '../../electron/ledger/member-state';
import { changeStanding, confirmMember, createMember, getMember, listMembers, memberHistory, voidMember, voidMemberEvent, correctMemberEventDate } from '../../electron/ledger/members';
import { rollStats } from '../../electron/ledger/stats';
import { idNumberProblem, idProblemMessage } from '../../shared/domain/id-number';
import { makeId, memberInput, smallStreet } from '../helpers/builders';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';

let t: Awaited<ReturnType<typeof tempLedger>>;
let s: ReturnType<typeof smallStreet>;
beforeEach(async () => {
  t = await tempLedger();
  s = smallStreet(t.ledger);
});
afterEach(() => t.cleanup());

describe('ID numbers whose birth date cannot be', () => {
  const future = makeId('20990101', 11);
  const ancient = makeId('18991231', 12);

  it('are refused by the shared validator with a sentence that says why', () => {
    expect(idNumberProblem(future, '2026-11-22')).toBe('ID_BIRTH_RANGE');
    expect(idNumberProblem(ancient, '2026-11-22')).toBe('ID_BIRTH_RANGE');
    expect(idNumberProblem(makeId('19800512', 11), '2026-11-22')).toBeNull();
    expect(idProblemMessage('ID_BIRTH_RANGE', future)).toContain('2099-01-01 晚于今天');
    expect(idProblemMessage('ID_BIRTH_RANGE', ancient)).toContain('早于 1900 年');
  });

  it('are refused by the member service and by the API, on the ID field', async () => {
    expect(() => createMember(t.ledger, memberInput(s.branchA, { idNumber: future }))).toThrow(/2099-01-01 晚于今天/);
    t.ledger.close();
    const state = new SessionState(t.path);
    expect((await dispatch(state, 'session.unlock', { password: TEST_PASSWORD })).ok).toBe(true);
    const r = await dispatch(state, 'members.create', memberInput(s.branchA, { idNumber: ancient }));
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toContain('早于 1900 年');
    state.requireLedger().close();
  });
});

describe('预备党员转正', () => {
  it('before the probation ends needs a reason, recorded in history and audit', () => {
    const id = createMember(t.ledger, memberInput(s.branchA, { kind: 'probationary', joinedOn: '2025-12-01', confirmedOn: null }));
    expect(() => confirmMember(t.ledger, id, { date: '2026-11-17' })).toThrow(/预备期到 2026-12-01 才满/);
    expect(getMember(t.ledger, id).kind).toBe('probationary');
    confirmMember(t.ledger, id, { date: '2026-11-17', earlyReason: '上级党委批准提前讨论' });
    const ev = memberHistory(t.ledger, id).find((e) => e.type === 'confirmed')!;
    expect(ev.data).toMatchObject({ earlyReason: '上级党委批准提前讨论', probationEndsOn: '2026-12-01' });
  });

  it('after the probation ends needs none', () => {
    const id = createMember(t.ledger, memberInput(s.branchA, { kind: 'probationary', joinedOn: '2024-03-01', confirmedOn: null }));
    confirmMember(t.ledger, id, { date: '2025-03-01' });
    expect(getMember(t.ledger, id)).toMatchObject({ kind: 'full', confirmedOn: '2025-03-01' });
  });
});

describe('录入错误', () => {
  it('a voided member is gone from every roll and count, but kept with the reason', () => {
    const keep = createMember(t.ledger, memberInput(s.branchA));
    const wrong = createMember(t.ledger, memberInput(s.branchA, { name: '李四', idNumber: makeId('19810101', 13) }));
    expect(rollStats(t.ledger, '2025-12-31').members).toBe(2);
    voidMember(t.ledger, wrong, { reason: '重复录入' });
    expect(rollStats(t.ledger, '2025-12-31')).toMatchObject({ members: 1, full: 1, probationary: 0 });
    expect(listMembers(t.ledger, {}).map((m) => m.id)).toEqual([keep]);
    expect(listMembers(t.ledger, { asOf: '2025-12-31' }).map((m) => m.id)).toEqual([keep]);
    expect(getMember(t.ledger, wrong).name).toBe('李四');
    expect(() => voidMember(t.ledger, keep, { reason: '  ' })).toThrow(/原因/);
  });

  it('through the API: voided with a reason, the member page says so, the list no longer shows them', async () => {
    const id = createMember(t.ledger, memberInput(s.branchA));
    t.ledger.close();
    const state = new SessionState(t.path);
    expect((await dispatch(state, 'session.unlock', { password: TEST_PASSWORD })).ok).toBe(true);
    expect((await dispatch(state, 'members.void', { id, reason: '' })).ok).toBe(false);
    expect((await dispatch(state, 'members.void', { id, reason: '重复录入' })).ok).toBe(true);
    const got = await dispatch(state, 'members.get', { id });
    expect(got.ok && (got.value as { voided: { reason: string } | null }).voided).toMatchObject({ reason: '重复录入' });
    const list = await dispatch(state, 'members.list', {});
    expect(list.ok && (list.value as unknown[]).length).toBe(0);
    state.requireLedger().close();
  });

  it('only an admin may void', () => {
    const id = createMember(t.ledger, memberInput(s.branchA));
    const admin = t.ledger.actor;
    t.ledger.actor = { ...admin, role: 'clerk' };
    expect(() => voidMember(t.ledger, id, { reason: '错' })).toThrow(/只有管理员/);
    t.ledger.actor = admin;
  });

  it('a voided 转正 makes the member 预备 again on every date; a corrected date moves it', () => {
    const id = createMember(t.ledger, memberInput(s.branchA, { kind: 'probationary', joinedOn: '2023-03-01', confirmedOn: null }));
    confirmMember(t.ledger, id, { date: '2024-03-01' });
    const ev = memberHistory(t.ledger, id).find((e) => e.type === 'confirmed')!;
    const kindOn = (d: string) => membersOn(t.ledger, d).find((m) => m.id === id)!.kind;
    expect(kindOn('2024-06-30')).toBe('full');
    const fixed = correctMemberEventDate(t.ledger, ev.id, { date: '2024-09-01', reason: '支部大会日期抄错' });
    expect(kindOn('2024-06-30')).toBe('probationary');
    expect(kindOn('2024-09-01')).toBe('full');
    voidMemberEvent(t.ledger, fixed, { reason: '未经支部大会讨论' });
    expect(getMember(t.ledger, id)).toMatchObject({ kind: 'probationary', confirmedOn: null });
    expect(kindOn('2025-12-31')).toBe('probationary');
    const history = memberHistory(t.ledger, id).filter((e) => e.type === 'confirmed');
    expect(history).toHaveLength(2);
    expect(history.every((e) => e.voidedAt !== null && e.voidReason)).toBe(true);
  });

  it('a voided 停止党籍 restores the standing of its dates; creating the record cannot be voided alone', () => {
    const id = createMember(t.ledger, memberInput(s.branchA));
    changeStanding(t.ledger, id, { standing: 'suspended', date: '2025-05-01', reason: null });
    const ev = memberHistory(t.ledger, id).find((e) => e.type === 'standingChanged')!;
    expect(membersOn(t.ledger, '2025-06-01').find((m) => m.id === id)!.standing).toBe('suspended');
    voidMemberEvent(t.ledger, ev.id, { reason: '录错人' });
    expect(membersOn(t.ledger, '2025-06-01').find((m) => m.id === id)!.standing).toBe('normal');
    expect(getMember(t.ledger, id).standing).toBe('normal');
    const created = memberHistory(t.ledger, id).find((e) => e.type === 'created')!;
    expect(() => voidMemberEvent(t.ledger, created.id, { reason: 'x' })).toThrow(/不能直接作废/);
  });
});
