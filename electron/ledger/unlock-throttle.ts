// Slows down password guessing at the unlock screen. After a few honest typos every further wrong
// password makes the next attempt wait longer (30 s, 1 min, 2 min … up to 15 min). The counter
// lives beside the keys in `<ledger>.attempts`: it is not secret, and deleting it only helps
// someone who could copy the files anyway — against that, scrypt on every slot is the defence.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { LedgerError } from '../../shared/errors';
import { writeFileAtomic } from './atomic-file';
import { type KeyFile, unlockWithPassword } from './keyring';

export const THROTTLE = {
  /** Wrong passwords allowed before any waiting: typos and caps lock. */
  freeFailures: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
} as const;

export type AttemptsState = { failures: number; lastFailureAt: number };

export function attemptsPathFor(dbPath: string): string {
  return `${dbPath}.attempts`;
}

export function readAttempts(dbPath: string): AttemptsState {
  const p = attemptsPathFor(dbPath);
  if (!existsSync(p)) return { failures: 0, lastFailureAt: 0 };
  try {
    const j = JSON.parse(readFileSync(p, 'utf8')) as Partial<AttemptsState>;
    const failures = Number.isInteger(j.failures) && j.failures! > 0 ? j.failures! : 0;
    const lastFailureAt = typeof j.lastFailureAt === 'number' && Number.isFinite(j.lastFailureAt) ? j.lastFailureAt : 0;
    return { failures, lastFailureAt };
  } catch {
    return { failures: 0, lastFailureAt: 0 };
  }
}

/** How long the wait after `failures` wrong passwords is (0 while still within the free ones). */
export function delayAfter(failures: number): number {
  if (failures < THROTTLE.freeFailures) return 0;
  return Math.min(THROTTLE.firstDelayMs * 2 ** (failures - THROTTLE.freeFailures), THROTTLE.maxDelayMs);
}

/** Milliseconds until the next attempt is allowed; 0 = now. */
export function waitRemaining(state: AttemptsState, now: number): number {
  const delay = delayAfter(state.failures);
  if (delay === 0) return 0;
  // Never more than one full delay: a clock set back must not lock a clerk out for a year.
  return Math.max(0, Math.min(delay, state.lastFailureAt + delay - now));
}

export function formatWait(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  const m = Math.floor(s / 60);
  const r = s % 60;
  if (m === 0) return `${s} 秒`;
  return r === 0 ? `${m} 分钟` : `${m} 分 ${r} 秒`;
}

function tooMany(ms: number, failures: number): LedgerError {
  return new LedgerError(
    'TOO_MANY_ATTEMPTS',
    `密码已连续输错 ${failures} 次。为保护台帐，请在 ${formatWait(ms)}后再试。如果忘记了密码，可以用恢复密钥重设。`,
    { retryAfterMs: ms, failures },
  );
}

export function recordFailure(dbPath: string, now: number): AttemptsState {
  const prev = readAttempts(dbPath);
  const next = { failures: prev.failures + 1, lastFailureAt: now };
  writeFileAtomic(attemptsPathFor(dbPath), JSON.stringify(next));
  return next;
}

export function clearAttempts(dbPath: string): void {
  rmSync(attemptsPathFor(dbPath), { force: true });
}

/** One attempt at a time per ledger: forty at once must not all be checked before one is counted. */
const queues = new Map<string, Promise<unknown>>();

function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(fn, fn);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

/**
 * Unlocks a password slot, refusing without trying while a wait is running. A wrong password
 * that starts (or lengthens) a wait says so at once, so nobody types again in vain.
 */
export async function throttledUnlock(
  dbPath: string,
  keyFile: KeyFile,
  password: string,
  now: () => number = Date.now,
  user?: string,
): Promise<{ dataKey: Buffer; slotId: string; before: AttemptsState }> {
  return oneAtATime(attemptsPathFor(dbPath), () => attempt(dbPath, keyFile, password, now, user));
}

async function attempt(dbPath: string, keyFile: KeyFile, password: string, now: () => number, user?: string) {
  const before = readAttempts(dbPath);
  const wait = waitRemaining(before, now());
  if (wait > 0) throw tooMany(wait, before.failures);
  const unlocked = await unlockWithPassword(keyFile, password, user);
  if (unlocked) {
    if (existsSync(attemptsPathFor(dbPath))) clearAttempts(dbPath);
    // The wrong passwords before this one: the ledger was closed then, so the login records them.
    return { ...unlocked, before };
  }
  const state = recordFailure(dbPath, now());
  const next = waitRemaining(state, now());
  if (next > 0) throw tooMany(next, state.failures);
  const left = THROTTLE.freeFailures - state.failures;
  const hint = state.failures >= 2 ? `再输错 ${left} 次后需要等待一段时间才能再试。` : '';
  throw new LedgerError('WRONG_PASSWORD', `密码不正确，请重新输入。${hint}如果忘记了密码，可以用恢复密钥重设。`, { failures: state.failures });
}
