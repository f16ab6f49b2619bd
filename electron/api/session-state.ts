// What the handlers work on: the ledger (when unlocked) and where it lives. One per app run.
import { Ledger } from '../ledger/ledger';

export class SessionState {
  ledger: Ledger | null = null;
  idleLockMinutes = 15;
  constructor(
    /** Where the ledger file is (the user's data folder in the app, a temp folder in the demo). */
    public ledgerPath: string,
    readonly options: { demoPassword?: string } = {},
  ) {}

  requireLedger(): Ledger {
    if (!this.ledger) throw new LockedError();
    return this.ledger;
  }

  lock(): void {
    this.ledger?.close();
    this.ledger = null;
  }
}

export class LockedError extends Error {
  readonly code = 'LOCKED';
  constructor() {
    super('台帐已锁定，请先输入密码解锁。');
  }
}
