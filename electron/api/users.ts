// Users, passwords, the recovery key and the idle-lock preference (kept in the ledger's settings).
import { basename } from 'node:path';
import type { Preferences, UserInfo } from '../../shared/api/users';
import { rotateDataKey } from '../ledger/rotation';
import type { Ledger } from '../ledger/ledger';
import { addUser, changePassword, listUsers, removeUser, rotateRecoveryKey } from '../ledger/users';
import type { HandlerMap } from './handlers';
import type { SessionState } from './session-state';

const IDLE_KEY = 'idleLockMinutes';

function users(ledger: Ledger): UserInfo[] {
  return listUsers(ledger).map((u) => ({ ...u, isMe: u.id === ledger.actor.id }));
}

function preferences(state: SessionState): Preferences {
  const row = state.requireLedger().db.prepare('SELECT value FROM settings WHERE key = ?').get(IDLE_KEY) as { value: string } | undefined;
  const stored = row ? Number(JSON.parse(row.value)) : NaN;
  // The session keeps the value so `session.status` reports what the ledger says after unlock.
  if (Number.isInteger(stored)) state.idleLockMinutes = stored;
  return { idleLockMinutes: state.idleLockMinutes };
}

/**
 * Replaces the recovery slot: the old printed key stops working at once. Lives here until the
 * users service has it (told the lead).
 */

type UserMethods =
  | 'users.list' | 'users.add' | 'users.disable' | 'users.changePassword' | 'users.newRecoveryKey' | 'users.rotateDataKey' | 'users.preferences'
  | 'users.setIdleLock';

export const usersHandlers: HandlerMap<UserMethods> = {
  'users.list': (state) => users(state.requireLedger()),
  'users.add': async (state, input) => {
    const ledger = state.requireLedger();
    const u = await addUser(ledger, input);
    return { ...u, isMe: false };
  },
  'users.disable': (state, { id }) => {
    removeUser(state.requireLedger(), id);
    return { id };
  },
  'users.changePassword': async (state, { userId, currentPassword, newPassword }) => {
    await changePassword(state.requireLedger(), currentPassword, newPassword, { userId });
    return { ok: true as const };
  },
  'users.newRecoveryKey': (state) => ({ recoveryKey: rotateRecoveryKey(state.requireLedger()) }),
  'users.rotateDataKey': (state) => ({ backup: basename(rotateDataKey(state.requireLedger(), '管理员手动更换').path) }),
  'users.preferences': (state) => preferences(state),
  'users.setIdleLock': (state, { minutes }) => {
    const ledger = state.requireLedger();
    ledger.tx(() => {
      ledger.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(IDLE_KEY, JSON.stringify(minutes));
      ledger.audit({ action: 'update', entity: 'settings', summary: minutes ? `空闲 ${minutes} 分钟后自动锁定` : '关闭自动锁定', after: { idleLockMinutes: minutes } });
    });
    state.idleLockMinutes = minutes;
    return { idleLockMinutes: minutes };
  },
};
