// What the handlers work on: the ledger (when unlocked) and where it lives. One per app run.
// It also keeps the automatic backups: one the first time each day the ledger is unlocked (and
// hourly while it stays open), one whenever it is locked or closed after changes.
import { runAutoBackup, scheduleDailyBackups } from '../ledger/backup-schedule';
import type { Ledger } from '../ledger/ledger';

export class SessionState {
  ledger: Ledger | null = null;
  idleLockMinutes = 15;
  private stopSchedule: (() => void) | null = null;

  constructor(
    /** Where the ledger file is (the user's data folder in the app, a temp folder in the demo). */
    public ledgerPath: string,
    readonly options: { demoPassword?: string; autoBackup?: boolean } = {},
  ) {}

  requireLedger(): Ledger {
    if (!this.ledger) throw new LockedError();
    return this.ledger;
  }

  /** Takes over an unlocked ledger (closing any other) and starts its daily backups. */
  attach(ledger: Ledger): void {
    this.lock();
    this.ledger = ledger;
    if (this.options.autoBackup === false) return;
    // Runs once now (the day's first backup, when due), then hourly.
    this.stopSchedule = scheduleDailyBackups(() => this.ledger, (_r, error) => {
      if (error) console.error('[backup] daily backup failed:', error);
    });
  }

  lock(): void {
    this.stopSchedule?.();
    this.stopSchedule = null;
    this.recordLock();
    if (this.ledger && this.options.autoBackup !== false) this.backup('close');
    this.ledger?.close();
    this.ledger = null;
  }

  /** Locking is recorded; a ledger that can no longer be written to must still close. */
  private recordLock(): void {
    const ledger = this.ledger;
    if (!ledger?.db.open) return;
    try {
      ledger.tx(() => ledger.audit({ action: 'lock', entity: 'session', summary: '锁定' }));
    } catch (e) {
      console.error('[audit] lock not recorded:', e);
    }
  }

  /** A failed automatic backup must never stop a clerk from working or locking: it is logged. */
  private backup(reason: 'daily' | 'close'): void {
    try {
      const r = this.ledger && runAutoBackup(this.ledger, reason);
      if (r) for (const w of r.warnings) console.warn(`[backup] ${w}`);
    } catch (e) {
      console.error(`[backup] ${reason} backup failed:`, e);
    }
  }
}

export class LockedError extends Error {
  readonly code = 'LOCKED';
  constructor() {
    super('台帐已锁定，请先输入密码解锁。');
  }
}
