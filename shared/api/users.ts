import { z } from 'zod';
import { call } from './contract';
import { reqText } from '../schemas/common';

export type UserInfo = { id: number; name: string; role: 'admin' | 'clerk'; createdAt: string; disabledAt: string | null; isMe: boolean };
export type Preferences = { idleLockMinutes: number };

const password = z.string().min(8, '密码至少需要 8 个字符');

export const usersCalls = {
  'users.list': call<UserInfo[]>()(z.object({})),
  'users.add': call<UserInfo>()(z.object({ name: reqText('用户名', 20), role: z.enum(['admin', 'clerk']), password })),
  /** Stops a user: their key slot is removed, the row stays for the audit log. */
  'users.disable': call<{ id: number }>()(z.object({ id: z.number().int().positive() })),
  /** Own password (no userId) or, for an admin, another user's; the caller's current password first. */
  'users.changePassword': call<{ ok: true }>()(
    z.object({ userId: z.number().int().positive().optional(), currentPassword: z.string().min(1, '请输入你现在的密码'), newPassword: password }),
  ),
  /** A new recovery key replaces the old one (which stops working); shown once. Admin only. */
  'users.newRecoveryKey': call<{ recoveryKey: string }>()(z.object({})),
  /** 更换数据密钥: re-encrypts the ledger under a new key, reseals every slot, backs up. Admin only. */
  'users.rotateDataKey': call<{ backup: string }>()(z.object({})),
  'users.preferences': call<Preferences>()(z.object({})),
  'users.setIdleLock': call<Preferences>()(z.object({ minutes: z.number().int().min(0, '不能小于 0').max(240, '最长 240 分钟') })),
};
