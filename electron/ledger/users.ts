// Users and their key slots. A user is a row in the ledger plus a password slot in the keys file;
// the slot id links them, and the slot carries a tag of the user's name: two users may share a password.
import { LedgerError } from '../../shared/errors';
import { nowIso } from '../../shared/dates';
import { type KdfParams, DEFAULT_KDF, newRecoveryKey, passwordSlot, recoverySlot } from './keyring';
import { validatePassword } from './password-policy';
import { throttledUnlock } from './unlock-throttle';
import { rotateDataKey } from './rotation';
import { Ledger } from './ledger';

export type UserRow = { id: number; name: string; role: 'admin' | 'clerk'; createdAt: string; disabledAt: string | null };

export function listUsers(ledger: Ledger): UserRow[] {
  return ledger.db.prepare('SELECT id, name, role, created_at AS createdAt, disabled_at AS disabledAt FROM users ORDER BY id').all() as UserRow[];
}

function requireAdmin(ledger: Ledger, message = '只有管理员可以管理用户。'): void {
  if (ledger.actor.role !== 'admin') throw new LedgerError('FORBIDDEN', message);
}

/** The names a colleague would try first: the street's (the committee's) and the user's. */
function passwordContext(ledger: Ledger, userId: number | null) {
  const streetName = ledger.db.prepare("SELECT name FROM orgs WHERE parent_id IS NULL ORDER BY id LIMIT 1").pluck().get() as string | undefined;
  const userName = userId === null ? undefined : (ledger.db.prepare('SELECT name FROM users WHERE id = ?').pluck().get(userId) as string | undefined);
  return { streetName, userName };
}

function slotOf(ledger: Ledger, userId: number): string {
  const row = ledger.db.prepare('SELECT slot_id FROM users WHERE id = ?').get(userId) as { slot_id: string } | undefined;
  if (!row) throw new LedgerError('NOT_FOUND', '找不到这个用户。');
  return row.slot_id;
}

/** Rewraps the data key under a new password in the user's existing slot. */
async function rewrapSlot(ledger: Ledger, slotId: string, newPassword: string, kdf: KdfParams): Promise<void> {
  const name = ledger.db.prepare('SELECT name FROM users WHERE slot_id = ?').pluck().get(slotId) as string;
  const slot = await passwordSlot(ledger.keys.ledgerId, ledger.key, newPassword, kdf, slotId, name);
  ledger.saveKeys({ ...ledger.keys, slots: ledger.keys.slots.map((s) => (s.id === slotId ? slot : s)) });
}

/**
 * The signed-in user proves it is still them with their own current password (wrong ones count
 * toward the unlock lock-out): an unlocked screen left alone must not hand over the account.
 */
export async function confirmOwnPassword(ledger: Ledger, password: string): Promise<void> {
  if (ledger.actor.id === null) throw new LedgerError('NOT_FOUND', '找不到当前用户。');
  const slotId = slotOf(ledger, ledger.actor.id);
  const own = { ...ledger.keys, slots: ledger.keys.slots.filter((s) => s.id === slotId) };
  await throttledUnlock(ledger.path, own, password);
}

/** Own password, or (admin) another user's; either way the caller's current password first. */
export async function changePassword(ledger: Ledger, currentPassword: string, newPassword: string, opts: { userId?: number; kdf?: KdfParams } = {}): Promise<void> {
  const userId = opts.userId ?? ledger.actor.id;
  if (userId === null) throw new LedgerError('NOT_FOUND', '找不到当前用户。');
  validatePassword(newPassword, passwordContext(ledger, userId));
  if (userId !== ledger.actor.id) requireAdmin(ledger);
  await confirmOwnPassword(ledger, currentPassword);
  const slotId = slotOf(ledger, userId);
  await rewrapSlot(ledger, slotId, newPassword, opts.kdf ?? DEFAULT_KDF);
  ledger.tx(() => ledger.audit({ action: 'changePassword', entity: 'user', entityId: userId, summary: '修改密码' }));
}

export async function addUser(ledger: Ledger, input: { name: string; role: 'admin' | 'clerk'; password: string }, kdf: KdfParams = DEFAULT_KDF): Promise<UserRow> {
  requireAdmin(ledger);
  validatePassword(input.password, { ...passwordContext(ledger, null), userName: input.name });
  const name = input.name.trim();
  if (!name) throw new LedgerError('INVALID_INPUT', '请输入用户名。');
  if (ledger.db.prepare('SELECT 1 FROM users WHERE name = ?').get(name)) throw new LedgerError('USER_EXISTS', `用户“${name}”已存在。`, { field: 'name' });
  const slot = await passwordSlot(ledger.keys.ledgerId, ledger.key, input.password, kdf, undefined, name);
  // Slot first, then the row: a slot without a row opens nothing (open() refuses unknown slots).
  ledger.saveKeys({ ...ledger.keys, slots: [...ledger.keys.slots, slot] });
  const id = ledger.tx(() => {
    const id = Number(ledger.db.prepare('INSERT INTO users (name, role, slot_id, created_at) VALUES (?, ?, ?, ?)').run(name, input.role, slot.id, nowIso()).lastInsertRowid);
    ledger.audit({ action: 'create', entity: 'user', entityId: id, summary: `添加用户“${name}”`, after: { name, role: input.role } });
    return id;
  });
  return listUsers(ledger).find((u) => u.id === id)!;
}

/**
 * Disables a user, removes their key slot and changes the data key: the row stays for the audit
 * log, and what they may have kept (their slot in an older backup) opens nothing made after.
 */
export function removeUser(ledger: Ledger, userId: number): void {
  requireAdmin(ledger);
  if (userId === ledger.actor.id) throw new LedgerError('FORBIDDEN', '不能停用自己的账户。');
  const slotId = slotOf(ledger, userId);
  const admins = ledger.db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id != ?").get(userId) as { n: number };
  if (admins.n === 0) throw new LedgerError('FORBIDDEN', '至少要保留一个管理员。');
  ledger.tx(() => {
    ledger.db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(nowIso(), userId);
    ledger.audit({ action: 'disable', entity: 'user', entityId: userId, summary: '停用用户' });
  });
  ledger.saveKeys({ ...ledger.keys, slots: ledger.keys.slots.filter((s) => s.id !== slotId) });
  rotateDataKey(ledger, '停用用户');
}

/** Forgotten password: the recovery key opens the ledger and sets a new password for the first admin. */
export async function resetPasswordWithRecoveryKey(path: string, recoveryKey: string, newPassword: string, kdf: KdfParams = DEFAULT_KDF): Promise<Ledger> {
  validatePassword(newPassword);
  const ledger = await Ledger.openWithRecoveryKey(path, recoveryKey);
  try {
    if (ledger.actor.id === null) throw new LedgerError('NOT_FOUND', '台帐中没有可用的管理员账户。');
    validatePassword(newPassword, passwordContext(ledger, ledger.actor.id));
    const slotId = slotOf(ledger, ledger.actor.id);
    await rewrapSlot(ledger, slotId, newPassword, kdf);
    ledger.tx(() => ledger.audit({ action: 'resetPassword', entity: 'user', entityId: ledger.actor.id, summary: '用恢复密钥重设密码' }));
    // The old password may be known to someone else: what it unwraps opens nothing from now on.
    rotateDataKey(ledger, '用恢复密钥重设密码');
    return ledger;
  } catch (e) {
    ledger.close();
    throw e;
  }
}

/**
 * A new recovery key replaces the old one (which stops working at once, also against the data
 * key it could unwrap: that key is changed); shown once.
 */
export function rotateRecoveryKey(ledger: Ledger): string {
  requireAdmin(ledger, '只有管理员可以重新生成恢复密钥。');
  const recoveryKey = newRecoveryKey();
  const slot = recoverySlot(ledger.keys.ledgerId, ledger.key, recoveryKey);
  ledger.saveKeys({ ...ledger.keys, slots: [...ledger.keys.slots.filter((s) => s.kind !== 'recovery'), slot] });
  ledger.tx(() => ledger.audit({ action: 'rotateRecoveryKey', entity: 'ledger', summary: '重新生成恢复密钥（旧的恢复密钥作废）' }));
  rotateDataKey(ledger, '重新生成恢复密钥');
  return recoveryKey;
}
