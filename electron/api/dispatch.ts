// The one place a call is validated and routed; the IPC and HTTP bindings only move bytes.
import { API, type Method } from '../../shared/api';
import { FORBIDDEN_MESSAGE, METHOD_ACCESS } from '../../shared/api/permissions';
import type { ApiErrorBody } from '../../shared/api/contract';
import { LedgerError } from '../../shared/errors';
import { HANDLERS } from './handlers';
import { withBackupHintError } from '../ledger/backup-file';
import { fileSystemProblem } from '../ledger/fs-errors';
import type { SessionState } from './session-state';

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

export function isMethod(name: string): name is Method {
  return Object.hasOwn(API, name);
}

export async function dispatch(state: SessionState, method: string, rawInput: unknown): Promise<DispatchResult> {
  if (!isMethod(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的操作：${method}` } };
  // Who may call it is settled before the input is looked at: a refusal says nothing about it.
  const access = METHOD_ACCESS[method];
  if (access !== 'public' && !state.ledger) {
    return { ok: false, error: { code: 'LOCKED', message: '台帐已锁定，请先输入密码解锁。' } };
  }
  if (access === 'admin' && state.ledger?.actor.role !== 'admin') {
    return { ok: false, error: { code: 'FORBIDDEN', message: FORBIDDEN_MESSAGE } };
  }
  const parsed = API[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: first ? first.message : '输入不正确', details: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })) },
    };
  }
  try {
    const handler = HANDLERS[method] as (s: SessionState, input: unknown) => unknown;
    return { ok: true, value: await handler(state, parsed.data) };
  } catch (raw) {
    const e = fileSystemProblem(raw) ?? withBackupHintError(state.ledgerPath, raw);
    if (e instanceof LedgerError) return { ok: false, error: { code: e.code, message: e.message, details: e.details } };
    const code = (e as { code?: string }).code;
    if (code === 'LOCKED') return { ok: false, error: { code, message: (e as Error).message } };
    console.error(`[api] ${method} failed:`, e);
    return { ok: false, error: { code: 'INTERNAL', message: '操作失败：程序内部错误。请重试；如果问题持续，请联系技术支持。' } };
  }
}
