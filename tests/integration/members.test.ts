import { afterEach, describe, expect, it } from 'vitest';
import {
  changeStanding, confirmMember, createMember, getMember, listMembers, memberHistory, transferIn, transferInternal, transferOut, updateMember,
} from '../../electron/ledger/members';
import { dissolveOrg, electCommittee, currentTerm, termStatus, createOrg, moveOrg } from '../../electron/ledger/orgs';
import { tempLedger } from '../helpers/temp-ledger';
import { makeId, memberInput, smallStreet } from '../helpers/builders';

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

async function setup() {
  const t = await tempLedger();
  cleanups.push(t.cleanup);
  return { ...t, ...smallStreet(t.ledger) };
}

const auditCount = (t: { ledger: { db: { prepare: (s: string) => { get: () => unknown } } } }) => (t.ledger.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

describe('member services', () => {
  it('creates a member with birth date and gender from the ID number, an event and an audit entry', async () => {
    const t = await setup();
    const before = auditCount(t);
    const id = createMember(t.ledger, memberInput(t.branchA));
    const m = getMember(t.ledger, id);
    expect(m).toMatchObject({ name: '张三', birthDate: '1980-05-12', gender: '男', orgId: t.branchA, status: 'active' });
    expect(memberHistory(t.ledger, id).map((e) => e.type)).toEqual(['created']);
    expect(auditCount(t)).toBe(before + 1);
    const audit = t.ledger.db.prepare("SELECT user_name, action, entity, entity_id FROM audit_log WHERE entity = 'member'").get();
    expect(audit).toEqual({ user_name: '管理员', action: 'create', entity: 'member', entity_id: id });
  });

  it('rejects a bad checksum, dates out of order and a duplicate ID with Chinese messages, writing nothing', async () => {
    const t = await setup();
    const before = auditCount(t);
    const badId = makeId('19800512', 11).slice(0, 17) + (makeId('19800512', 11).endsWith('1') ? '2' : '1');
    expect(() => createMember(t.ledger, memberInput(t.branchA, { idNumber: badId }))).toThrow(/校验位/);
    expect(() => createMember(t.ledger, memberInput(t.branchA, { joinedOn: '1990-01-01', confirmedOn: '1991-01-01' }))).toThrow(/18 周岁/);
    expect(() => createMember(t.ledger, memberInput(t.branchA, { confirmedOn: '2004-01-01' }))).toThrow(/转正日期早于入党日期/);
    expect(() => createMember(t.ledger, memberInput(t.community))).toThrow(/不是党支部/);
    createMember(t.ledger, memberInput(t.branchA));
    expect(() => createMember(t.ledger, memberInput(t.branchB, { name: '李四' }))).toThrow(/已在台帐中/);
    expect((t.ledger.db.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n).toBe(1);
    expect(auditCount(t)).toBe(before + 1);
  });

  it('records changed fields as a dated event; unchanged edits record nothing', async () => {
    const t = await setup();
    const id = createMember(t.ledger, memberInput(t.branchA));
    const r = updateMember(t.ledger, id, { phone: '13900002222', address: '东风路 1 号' }, { date: '2026-03-01' });
    expect(r.changed.sort()).toEqual(['address', 'phone']);
    const ev = memberHistory(t.ledger, id)[0]!;
    expect(ev).toMatchObject({ type: 'fieldsUpdated', date: '2026-03-01', data: { phone: { from: '13800001111', to: '13900002222' } } });
    expect(updateMember(t.ledger, id, { phone: '13900002222' }).changed).toEqual([]);
    expect(memberHistory(t.ledger, id)).toHaveLength(2);
  });

  it('transfers out and in keep the roster as of any date', async () => {
    const t = await setup();
    const id = createMember(t.ledger, memberInput(t.branchA), { since: '2020-01-01' });
    transferInternal(t.ledger, id, { date: '2024-03-15', toOrgId: t.branchB });
    transferOut(t.ledger, id, { date: '2025-06-01', toOrg: '外省某党支部' });
    const names = (q: Parameters<typeof listMembers>[1]) => listMembers(t.ledger, q).map((m) => m.orgName);
    expect(names({ asOf: '2023-12-31' })).toEqual(['东风社区第一党支部']);
    expect(names({ asOf: '2024-03-15' })).toEqual(['东风社区第二党支部']);
    expect(names({ asOf: '2025-06-01' })).toEqual([]);
    expect(listMembers(t.ledger)).toHaveLength(0);
    expect(listMembers(t.ledger, { includeInactive: true })).toHaveLength(1);
    expect(() => transferOut(t.ledger, id, { date: '2025-07-01', toOrg: 'X' })).toThrow(/已转出/);
    transferIn(t.ledger, { member: memberInput(t.branchA), date: '2026-01-10', fromOrg: '外省某党支部' });
    expect(getMember(t.ledger, id)).toMatchObject({ status: 'active', orgId: t.branchA });
    expect(memberHistory(t.ledger, id).map((e) => e.type)).toEqual(['transferIn', 'transferOut', 'transferInternal', 'created']);
  });

  it('confirms a probationary member and changes standing without deleting', async () => {
    const t = await setup();
    const id = createMember(t.ledger, memberInput(t.branchA, { kind: 'probationary', joinedOn: '2025-06-01', confirmedOn: null, idNumber: makeId('19990101', 22) }));
    expect(() => confirmMember(t.ledger, id, { date: '2025-01-01' })).toThrow(/早于入党日期/);
    confirmMember(t.ledger, id, { date: '2026-06-01' });
    expect(getMember(t.ledger, id)).toMatchObject({ kind: 'full', confirmedOn: '2026-06-01' });
    changeStanding(t.ledger, id, { standing: 'deceased', date: '2026-08-01' });
    expect(listMembers(t.ledger)).toHaveLength(0);
    expect(getMember(t.ledger, id).standing).toBe('deceased');
  });

  it('a transaction that fails half-way leaves nothing behind', async () => {
    const t = await setup();
    const before = { members: listMembers(t.ledger).length, audit: auditCount(t) };
    expect(() =>
      t.ledger.tx(() => {
        createMember(t.ledger, memberInput(t.branchA));
        createMember(t.ledger, memberInput(t.branchA, { name: '李四', idNumber: makeId('19850101', 33) }));
        throw new Error('power cut');
      }),
    ).toThrow('power cut');
    expect(listMembers(t.ledger).length).toBe(before.members);
    expect(auditCount(t)).toBe(before.audit);
  });
});

describe('org services', () => {
  it('enforces the tree, dissolves only empty orgs and keeps them in history', async () => {
    const t = await setup();
    expect(() => createOrg(t.ledger, { parentId: t.branchA, name: '错误的支部', type: 'branch' })).toThrow(/党支部下不能设立党支部/);
    expect(() => createOrg(t.ledger, { parentId: t.community, name: '东风社区第一党支部', type: 'branch' })).toThrow(/已有名为/);
    expect(() => moveOrg(t.ledger, t.community, t.branchA)).toThrow();
    const id = createMember(t.ledger, memberInput(t.branchB));
    expect(() => dissolveOrg(t.ledger, t.branchB, { date: '2026-01-01' })).toThrow(/还有 1 名党员/);
    transferInternal(t.ledger, id, { date: '2025-12-31', toOrgId: t.branchA });
    dissolveOrg(t.ledger, t.branchB, { date: '2026-01-01' });
    expect(t.ledger.db.prepare('SELECT dissolved_on FROM orgs WHERE id = ?').get(t.branchB)).toEqual({ dissolved_on: '2026-01-01' });
  });

  it('elects a committee with a term and warns six months before it expires', async () => {
    const t = await setup();
    electCommittee(t.ledger, t.branchA, { electedOn: '2021-12-01', roles: [{ personName: '王书记', role: 'secretary' }] });
    const term = currentTerm(t.ledger, t.branchA)!;
    expect(term.expiresOn).toBe('2026-12-01'); // community: 5 years
    expect(termStatus(term, '2026-05-31').state).toBe('inTerm');
    expect(termStatus(term, '2026-07-01').state).toBe('expiringSoon');
    expect(termStatus(term, '2026-12-02').state).toBe('expired');
  });
});

describe('patches through the API schema', () => {
  it('change only the fields they carry', async () => {
    const { MemberUpdateSchema } = await import('../../shared/schemas/member');
    const { OrgUpdateSchema } = await import('../../shared/schemas/org');
    expect(MemberUpdateSchema.parse({ phone: '13900000000' })).toEqual({ phone: '13900000000' });
    expect(OrgUpdateSchema.parse({ name: '新名称' })).toEqual({ name: '新名称' });
  });
});
