// The calls the org, member, dashboard, settings and audit pages make, through dispatch() the
// way both bindings call it, on a real encrypted ledger.
import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { SessionState } from '../../electron/api/session-state';
import { Ledger } from '../../electron/ledger/ledger';
import { electCommittee } from '../../electron/ledger/orgs';
import { makeId, memberInput, smallStreet } from '../helpers/builders';
import { tempLedger } from '../helpers/temp-ledger';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

async function setup() {
  const t = await tempLedger();
  cleanups.push(t.cleanup);
  const s = smallStreet(t.ledger);
  const state = new SessionState(t.path);
  state.ledger = t.ledger;
  const ok = async <T = any>(method: string, input: unknown): Promise<T> => {
    const r = await dispatch(state, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  return { t, s, state, ok };
}

describe('members over the API', () => {
  it('lists with pinyin initials (surnames read as surnames), rejects a bad ID on its field, transfers out into history', async () => {
    const { s, ok, state } = await setup();
    const zhang = (await ok('members.create', memberInput(s.branchA))).id as number;
    await ok('members.create', memberInput(s.branchB, { name: '单雄信', idNumber: makeId('19900101', 13), kind: 'probationary', confirmedOn: null, joinedOn: '2025-03-01' }));
    const list = await ok<{ name: string; initials: string; pinyin: string; missing: string[] }[]>('members.list', {});
    expect(list.map((m) => [m.name, m.initials])).toEqual([['张三', 'zs'], ['单雄信', 'sxx']]);
    expect(list[0]!.missing).toContain('民族');

    const bad = await dispatch(state, 'members.create', memberInput(s.branchA, { idNumber: '110105198005120110' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_INPUT');
      expect(bad.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['idNumber'], message: '身份证号校验位不正确，请核对每一位' })]));
    }

    await ok('members.transferOut', { id: zhang, date: '2026-01-05', toOrg: '某区某街道党工委', note: null });
    expect((await ok<{ name: string }[]>('members.list', {})).map((m) => m.name)).toEqual(['单雄信']);
    const detail = await ok('members.get', { id: zhang });
    expect(detail.member.status).toBe('transferredOut');
    expect(detail.history[0]).toMatchObject({ type: 'transferOut', date: '2026-01-05', otherOrg: '某区某街道党工委' });
    const inactive = await ok<{ name: string; status: string }[]>('members.list', { includeInactive: true });
    expect(inactive.find((m) => m.name === '张三')?.status).toBe('transferredOut');
  });

  it('an update with the whole form keeps categories and records the changed fields', async () => {
    const { s, ok } = await setup();
    const id = (await ok('members.create', memberInput(s.branchA, { categories: ['retired'] }))).id;
    const { member } = await ok('members.get', { id });
    const { id: _id, orgId: _o, standing: _s, standingReason: _r, standingSince: _ss, status: _st, createdAt: _c, updatedAt: _u, ...form } = member;
    const r = await ok('members.update', { id, patch: { ...form, phone: '13900002222' } });
    expect(r.changed).toEqual(['phone']);
    const after = await ok('members.get', { id });
    expect(after.member.categories).toEqual(['retired']);
    expect(after.history[0]).toMatchObject({ type: 'fieldsUpdated' });
  });
});

describe('orgs, dashboard, settings and audit over the API', () => {
  it('creates a branch under a community, reports the term warning and member counts, dissolves into history', async () => {
    const { t, s, ok, state } = await setup();
    await ok('members.create', memberInput(s.branchA));
    const expiresOn = dayjs().add(3, 'month').format('YYYY-MM-DD');
    electCommittee(t.ledger, s.branchA, { electedOn: dayjs().subtract(5, 'year').format('YYYY-MM-DD'), expiresOn, roles: [{ personName: '张三', role: 'secretary' }] });
    const created = await ok('orgs.create', { parentId: s.community, name: '东风社区第三党支部', type: 'branch', category: 'community' });
    const tree = await ok<{ id: number; parentId: number | null }[]>('orgs.tree', {});
    expect(tree.find((o) => o.id === created.id)?.parentId).toBe(s.community);

    const detail = await ok('orgs.get', { id: s.community });
    expect(detail.members).toMatchObject({ full: 1, probationary: 0, total: 1 });
    expect(detail.children.map((c: { name: string }) => c.name)).toContain('东风社区第三党支部');

    const dash = await ok('dashboard.summary', { orgId: null });
    expect(dash.totals.members).toBe(1);
    expect(dash.byKind).toEqual([{ label: '正式党员', value: 1 }]);
    const warned = dash.terms.find((x: { orgId: number }) => x.orgId === s.branchA);
    expect(warned).toMatchObject({ state: 'expiringSoon', expiresOn });

    const refused = await dispatch(state, 'orgs.dissolve', { id: s.branchA, date: '2026-01-01' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ORG_NOT_EMPTY' } });
    await ok('orgs.dissolve', { id: created.id, date: '2026-01-01', note: null });
    expect((await ok<{ id: number }[]>('orgs.tree', {})).some((o) => o.id === created.id)).toBe(false);
    expect((await ok<{ id: number; dissolvedOn: string }[]>('orgs.tree', { includeDissolved: true })).find((o) => o.id === created.id)?.dissolvedOn).toBe('2026-01-01');

    const audit = await ok('audit.search', { q: '第三党支部' });
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(['dissolve', 'create']);
  });

  it('keeps the idle-lock minutes in the ledger and a new recovery key replaces the old one', async () => {
    const { t, ok, state } = await setup();
    expect(await ok('users.setIdleLock', { minutes: 5 })).toEqual({ idleLockMinutes: 5 });
    state.idleLockMinutes = 15;
    expect(await ok('users.preferences', {})).toEqual({ idleLockMinutes: 5 });
    const { recoveryKey } = await ok('users.newRecoveryKey', {});
    expect(recoveryKey).not.toBe(t.recoveryKey);
    await expect(Ledger.openWithRecoveryKey(t.path, t.recoveryKey)).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    const reopened = await Ledger.openWithRecoveryKey(t.path, recoveryKey);
    reopened.close();
  });
});

describe('refusals that name their field', () => {
  it('a name taken, a member already on the roll, a member put in a non-branch: details.field says where the form shows it', async () => {
    const { s, state, ok } = await setup();
    const fieldOf = async (method: string, input: unknown) => {
      const r = await dispatch(state, method, input);
      return r.ok ? null : [r.error.code, (r.error.details as { field?: string } | undefined)?.field];
    };
    expect(await fieldOf('orgs.create', { parentId: s.community, name: '东风社区第一党支部', type: 'branch', category: 'community', facilities: [], sortOrder: 0 })).toEqual(['ORG_NAME_TAKEN', 'name']);
    await ok('members.create', memberInput(s.branchA));
    expect(await fieldOf('members.create', memberInput(s.branchB))).toEqual(['MEMBER_EXISTS', 'idNumber']);
    expect(await fieldOf('members.create', memberInput(s.community, { idNumber: makeId('19800101', 13) }))).toEqual(['NOT_A_BRANCH', 'orgId']);
    expect(await fieldOf('users.add', { name: state.ledger!.actor.name, role: 'clerk', password: 'ling-yi-ge-mima-2026' })).toEqual(['USER_EXISTS', 'name']);
  });
});
