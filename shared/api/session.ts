import { z } from 'zod';
import { call } from './contract';
import { reqText } from '../schemas/common';

export type SessionStatus = {
  /** No ledger file yet (first run): the app offers create / open / demo. */
  hasLedger: boolean;
  ledgerPath: string | null;
  unlocked: boolean;
  user: { id: number | null; name: string; role: 'admin' | 'clerk' | 'system' } | null;
  idleLockMinutes: number;
  /** The ledger has several users: the unlock screen asks for a user name with the password. */
  askUserName: boolean;
  /** Set only by the demo host: the demo password shown on the unlock screen. */
  demoPassword?: string;
};

export const sessionCalls = {
  'session.status': call<SessionStatus>()(z.object({})),
  /** `userName` may be left out while the ledger has one user. */
  'session.unlock': call<SessionStatus>()(z.object({ userName: z.string().min(1).optional(), password: z.string().min(1, '请输入密码') })),
  'session.lock': call<SessionStatus>()(z.object({})),
  /** First run: creates the ledger at the default place; returns the recovery key to show once. */
  'session.create': call<{ status: SessionStatus; recoveryKey: string }>()(
    z.object({ password: z.string().min(8, '密码至少需要 8 个字符'), userName: reqText('用户名', 20).default('管理员') }),
  ),
  'session.resetWithRecoveryKey': call<SessionStatus>()(
    z.object({ recoveryKey: z.string().min(8), newPassword: z.string().min(8, '密码至少需要 8 个字符') }),
  ),
};
