// Roles that hold: one permission table (method × role) used by dispatch() for every method of the
// contract and by the CLI for its commands; passwords that reveal nothing about anyone else's.
import { afterEach, describe, expect, it } from 'vitest';
import { API, type Method } from '../../shared/api';
import { CLI_ACCESS, METHOD_ACCESS } from '../../shared/api/permissions';
import { COMMANDS } from '../../electron/cli/commands';
import { dispatch, type DispatchResult } from '../../electron/api/dispatch';
import { SessionState } from '../../electron/api/session-state';
import type { SessionStatus } from '../../shared/api/session';
import { Ledger } from '../../electron/ledger/ledger';
import { addUser } from '../../electron/ledger/users';
import { TEST_KDF, TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';
import { runCli } from '../helpers/cli';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

const CLERK = { name: '小王', password: 'qingtian-47-baiyun' };

/** The methods only an admin may call: what the README's roles table says. */
const ADMIN_ONLY: Method[] = [
  'users.add', 'users.disable', 'users.newRecoveryKey', 'users.rotateDataKey', 'users.setIdleLock',
  'assessment.setBands', 'assessment.unlock',
  'activities.saveTypes', 'activities.saveRules',
  'backups.restore', 'backups.saveSettings',
  'members.void', 'members.voidEvent', 'members.correctEventDate', 'import.unifySpellings',
];

async function ledgerWithClerk() {
  const t = await tempLedger();
  await addUser(t.ledger, { name: CLERK.name, role: 'clerk', password: CLERK.password }, TEST_KDF);
  t.ledger.close();
  const state = new SessionState(t.path, { autoBackup: false });
  cleanups.push(() => { state.lock(); t.cleanup(); });
  return { ...t, state };
}

function value<T>(r: DispatchResult): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe('one permission table', () => {
  it('names every method of the contract and every CLI command, and its admin rows are the documented ones', () => {
    expect(Object.keys(METHOD_ACCESS).sort()).toEqual(Object.keys(API).sort());
    expect(Object.keys(CLI_ACCESS).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
    expect(Object.entries(METHOD_ACCESS).filter(([, a]) => a === 'admin').map(([m]) => m).sort()).toEqual([...ADMIN_ONLY].sort());
    expect(CLI_ACCESS.restore).toBe('admin');
  });

  it('dispatch() refuses every admin method to a clerk, whatever the input, and lets an admin through', async () => {
    const { state, path } = await ledgerWithClerk();
    for (const [userName, password, role] of [[CLERK.name, CLERK.password, 'clerk'], ['管理员', TEST_PASSWORD, 'admin']] as const) {
      const unlock = async () => value(await dispatch(state, 'session.unlock', { userName, password }));
      await unlock();
      expect(state.requireLedger().actor.role).toBe(role);
      for (const method of Object.keys(API) as Method[]) {
        if (method === 'session.lock') continue; // walked below: it would end the session under test
        const r = await dispatch(state, method, {});
        const forbidden = !r.ok && r.error.code === 'FORBIDDEN';
        expect({ method, role, forbidden }).toEqual({ method, role, forbidden: role === 'clerk' && ADMIN_ONLY.includes(method) });
        if (!state.ledger) await unlock();
      }
      expect(value<SessionStatus>(await dispatch(state, 'session.lock', {})).unlocked).toBe(false);
    }
    expect(path).toBeTruthy();
  });

  it('a clerk can neither change the grade bands nor turn auto-lock off for everyone', async () => {
    const { state } = await ledgerWithClerk();
    value(await dispatch(state, 'session.unlock', { userName: CLERK.name, password: CLERK.password }));
    const bands = await dispatch(state, 'assessment.setBands', { bands: [{ grade: '好', min: 0 }] });
    expect(bands).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('管理员') } });
    expect(await dispatch(state, 'users.setIdleLock', { minutes: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const prefs = value<{ idleLockMinutes: number }>(await dispatch(state, 'users.preferences', {}));
    expect(prefs.idleLockMinutes).toBe(15);
  });
});

describe('passwords reveal nothing about another user', () => {
  it('changing one\'s own password needs the current one', async () => {
    const { state, path } = await ledgerWithClerk();
    value(await dispatch(state, 'session.unlock', { userName: CLERK.name, password: CLERK.password }));
    expect(await dispatch(state, 'users.changePassword', { newPassword: 'hongqiao-83-liushu' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch(state, 'users.changePassword', { currentPassword: 'not-my-password', newPassword: 'hongqiao-83-liushu' })).toMatchObject({
      ok: false, error: { code: 'WRONG_PASSWORD' },
    });
    value(await dispatch(state, 'users.changePassword', { currentPassword: CLERK.password, newPassword: 'hongqiao-83-liushu' }));
    state.lock();
    const again = await Ledger.open(path, 'hongqiao-83-liushu', { userName: CLERK.name });
    expect(again.actor.name).toBe(CLERK.name);
    again.close();
  });

  it('two users may share a password: no PASSWORD_IN_USE answer, and each still opens as themself', async () => {
    const { state, path } = await ledgerWithClerk();
    value(await dispatch(state, 'session.unlock', { userName: CLERK.name, password: CLERK.password }));
    const r = await dispatch(state, 'users.changePassword', { currentPassword: CLERK.password, newPassword: TEST_PASSWORD });
    expect(r).toEqual({ ok: true, value: { ok: true } });
    state.lock();
    const locked = value<SessionStatus>(await dispatch(state, 'session.status', {}));
    expect(locked.askUserName).toBe(true);
    for (const [userName, role] of [['管理员', 'admin'], [CLERK.name, 'clerk']] as const) {
      const l = await Ledger.open(path, TEST_PASSWORD, { userName });
      expect(l.actor).toMatchObject({ name: userName, role });
      if (role === 'admin') {
        await expect(addUser(l, { name: '老李', role: 'clerk', password: TEST_PASSWORD }, TEST_KDF)).resolves.toMatchObject({ name: '老李' });
      }
      l.close();
    }
    await expect(Ledger.open(path, TEST_PASSWORD)).rejects.toMatchObject({ code: 'USER_REQUIRED' });
  });

  it('the CLI asks an admin for restore and refuses a clerk (exit 3)', async () => {
    const { path } = await ledgerWithClerk();
    const r = runCli(['restore', '--db', path, '--from', `${path}.nope`], { LEDGER_USER: CLERK.name, LEDGER_PASSWORD: CLERK.password });
    expect(r.stderr).toContain('只有管理员');
    expect(r.code).toBe(3);
  });
});
