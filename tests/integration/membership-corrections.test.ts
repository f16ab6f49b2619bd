// Corrections of what moved a member's 组织关系 (issue 11): a transfer in/out, a move between
// branches, 出党 or 死亡 entered by mistake is voided with a reason, and every register as of any
// date reads as if it had never been entered. 失联 regained (恢复联系) is a dated event (issue 11),
// and a transfer out keeps its 介绍信编号 and 党费交至 (issue 17).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membersOn } from '../../electron/ledger/member-state';
import {
  changeStanding, createMember, getMember, memberHistory, regainContact, transferIn, transferInternal, transferOut, updateMember, voidMemberEvent,
} from '../../electron/ledger/members';
import { createOrg } from '../../electron/ledger/orgs';
import { rollStats } from '../../electron/ledger/stats';
import { verifyLedger } from '../../electron/ledger/verify';
import { makeId, memberInput, smallStreet } from '../helpers/builders';
import { tempLedger } from '../helpers/temp-ledger';

let t: Awaited<ReturnType<typeof tempLedger>>;
let s: ReturnType<typeof smallStreet>;
let n = 0;
beforeAll(async () => {
  t = await tempLedger();
  s = smallStreet(t.ledger);
});
afterAll(() => t.cleanup());

const member = (over: Parameters<typeof memberInput>[1] = {}) =>
  createMember(t.ledger, memberInput(s.branchA, { name: `党员${++n}`, idNumber: makeId('19800512', 10 + n), joinedOn: '2005-07-01', ...over }));
const on = (id: number, date: string) => membersOn(t.ledger, date).find((m) => m.id === id);
const eventOf = (id: number, type: string) => memberHistory(t.ledger, id).find((e) => e.type === type && !e.voidedAt)!;
const spanProblems = () => verifyLedger(t.ledger).filter((f) => /span/.test(f.check));

describe('voiding a membership event entered by mistake (录入错误)', () => {
  it('a transfer out: the member is on the roll of the branch again on every date, audited with the reason', () => {
    const id = member();
    transferOut(t.ledger, id, { date: '2025-03-01', toOrg: '外区某党委', letterNumber: null, duesPaidTo: null });
    expect(on(id, '2025-06-30')).toBeUndefined();
    expect(on(id, '2025-01-31')?.orgId).toBe(s.branchA);
    voidMemberEvent(t.ledger, eventOf(id, 'transferOut').id, { reason: '转错了人' });
    expect(on(id, '2025-06-30')?.orgId).toBe(s.branchA);
    expect(on(id, '2025-01-31')?.orgId).toBe(s.branchA);
    expect(getMember(t.ledger, id).status).toBe('active');
    const audit = t.ledger.db.prepare("SELECT summary FROM audit_log WHERE action = 'void' AND entity = 'memberEvent' ORDER BY id DESC LIMIT 1").get() as { summary: string };
    expect(audit.summary).toContain('转错了人');
    expect(spanProblems()).toEqual([]);
  });

  it('a move to another branch with a 党小组: back in the first branch and its group, before and after', () => {
    const group = createOrg(t.ledger, { parentId: s.branchA, name: '第一党小组', type: 'group', category: 'community' });
    const id = member({ groupId: group });
    transferInternal(t.ledger, id, { date: '2025-04-01', toOrgId: s.branchB });
    expect(on(id, '2025-06-30')?.orgId).toBe(s.branchB);
    voidMemberEvent(t.ledger, eventOf(id, 'transferInternal').id, { reason: '调错了支部' });
    expect(on(id, '2025-06-30')).toMatchObject({ orgId: s.branchA, groupId: group });
    expect(on(id, '2025-01-01')).toMatchObject({ orgId: s.branchA, groupId: group });
    expect(getMember(t.ledger, id)).toMatchObject({ orgId: s.branchA, groupId: group });
    expect(rollStats(t.ledger, '2025-06-30').byOrg.find((o) => o.org === '东风社区第二党支部')?.full ?? 0).toBe(0);
    expect(spanProblems()).toEqual([]);
  });

  it('a return transfer in: the member is off the roll again from that day, on it before the first transfer out', () => {
    const id = member();
    transferOut(t.ledger, id, { date: '2024-03-01', toOrg: '外区某党委', letterNumber: null, duesPaidTo: null });
    transferIn(t.ledger, { member: { ...getMember(t.ledger, id), orgId: s.branchB, groupId: null }, date: '2025-02-01', fromOrg: '外区某党委' });
    expect(on(id, '2025-06-30')?.orgId).toBe(s.branchB);
    expect(() => voidMemberEvent(t.ledger, eventOf(id, 'transferOut').id, { reason: 'x' })).toThrow(/请先作废较晚的那一条/);
    voidMemberEvent(t.ledger, eventOf(id, 'transferIn').id, { reason: '转入的是同名的人' });
    expect(on(id, '2025-06-30')).toBeUndefined();
    expect(on(id, '2024-01-01')?.orgId).toBe(s.branchA);
    expect(getMember(t.ledger, id)).toMatchObject({ status: 'transferredOut', orgId: s.branchA });
    expect(spanProblems()).toEqual([]);
  });

  it('出党 and 死亡: back on the roll with 正常 standing on every date after', () => {
    for (const standing of ['left', 'deceased'] as const) {
      const id = member();
      changeStanding(t.ledger, id, { standing, date: '2025-05-01', reason: standing === 'left' ? 'removed' : null });
      expect(on(id, '2025-06-30')).toBeUndefined();
      voidMemberEvent(t.ledger, eventOf(id, 'standingChanged').id, { reason: '录错了人' });
      expect(on(id, '2025-06-30')).toMatchObject({ orgId: s.branchA, standing: 'normal' });
      expect(getMember(t.ledger, id).standing).toBe('normal');
    }
    expect(spanProblems()).toEqual([]);
  });

  it('the transfer in that created the member is voided with the member, not alone', () => {
    const id = transferIn(t.ledger, { member: memberInput(s.branchA, { name: '转入者', idNumber: makeId('19700101', 30) }), date: '2025-01-01', fromOrg: '外区' });
    expect(() => voidMemberEvent(t.ledger, eventOf(id, 'transferIn').id, { reason: 'x' })).toThrow(/作废党员记录/);
  });
});

describe('恢复联系 (失联 regained)', () => {
  it('registers as of a date show 失联 only between losing and regaining contact', () => {
    const id = member();
    updateMember(t.ledger, id, { lostContactSince: '2024-05' }, { date: '2024-05-20' });
    regainContact(t.ledger, id, { date: '2025-03-10' });
    expect(on(id, '2024-04-30')?.lostContactSince).toBeNull();
    expect(on(id, '2024-12-31')?.lostContactSince).toBe('2024-05');
    expect(on(id, '2025-03-09')?.lostContactSince).toBe('2024-05');
    expect(on(id, '2025-03-10')?.lostContactSince).toBeNull();
    expect(getMember(t.ledger, id).lostContactSince).toBeNull();
    expect(eventOf(id, 'contactRegained').date).toBe('2025-03-10');
    expect(() => regainContact(t.ledger, id, { date: '2025-04-01' })).toThrow(/没有失联记录/);
  });
});

describe('组织关系转出 with 介绍信编号 and 党费交至', () => {
  it('keeps both in the transfer event of the history', () => {
    const id = member();
    transferOut(t.ledger, id, { date: '2025-08-01', toOrg: '外区某党委', letterNumber: '望组转〔2025〕12号', duesPaidTo: '2025-07' });
    expect(eventOf(id, 'transferOut').data).toMatchObject({ letterNumber: '望组转〔2025〕12号', duesPaidTo: '2025-07' });
  });
});
