// Who is signed in and whether the ledger is open. Every call that finds the ledger locked
// (idle lock, lock from the menu) sends the app back to the unlock screen.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SessionStatus } from '../shared/api/session';
import { ledger, onLocked } from './api';
import { showError } from './feedback';

type SessionContextValue = {
  status: SessionStatus | null;
  setStatus: (s: SessionStatus) => void;
  refresh: () => Promise<void>;
  lock: () => Promise<void>;
};

const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

const ACTIVITY_EVENTS = ['mousedown', 'mousemove', 'keydown', 'wheel', 'touchstart'] as const;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus | null>(null);

  const refresh = useCallback(async () => {
    try {
      setStatus(await ledger['session.status']({}));
    } catch (e) {
      showError(e);
    }
  }, []);

  const lock = useCallback(async () => {
    try {
      setStatus(await ledger['session.lock']({}));
    } catch (e) {
      showError(e);
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onLocked(() => void refresh());
  }, [refresh]);

  // The Electron menu (锁定) and the OS going to sleep ask the window to lock.
  useEffect(() => {
    const onLockRequest = () => void lock();
    window.addEventListener('ledger:lock', onLockRequest);
    return () => window.removeEventListener('ledger:lock', onLockRequest);
  }, [lock]);

  // The minutes live in the ledger (设置 → 自动锁定); read them once it is open.
  const [idleMinutes, setIdleMinutes] = useState<number | null>(null);
  useEffect(() => {
    if (!status?.unlocked) return setIdleMinutes(null);
    ledger['users.preferences']({}).then((p) => setIdleMinutes(p.idleLockMinutes), showError);
  }, [status?.unlocked, status?.user?.id, status?.idleLockMinutes]);
  useIdleLock(status?.unlocked ? (idleMinutes ?? status.idleLockMinutes) : 0, lock);

  const value = useMemo(() => ({ status, setStatus, refresh, lock }), [status, refresh, lock]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** Locks after `minutes` without keyboard or mouse input; 0 turns it off. */
function useIdleLock(minutes: number, lock: () => Promise<void>): void {
  const last = useRef(Date.now());
  useEffect(() => {
    if (!minutes) return;
    last.current = Date.now();
    const touch = () => {
      last.current = Date.now();
    };
    for (const ev of ACTIVITY_EVENTS) window.addEventListener(ev, touch, { passive: true, capture: true });
    // A coarse tick: a timer per keystroke would churn; 15 s of slack is invisible here.
    const timer = window.setInterval(() => {
      if (Date.now() - last.current >= minutes * 60_000) void lock();
    }, 15_000);
    return () => {
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [minutes, lock]);
}
