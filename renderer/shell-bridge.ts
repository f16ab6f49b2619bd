// The few window-level actions only the Electron app has (native file dialogs). The preload
// exposes them as `window.ledgerShell`; in a browser they are absent and the UI hides them.
export type LedgerShell = {
  /** Shows an open-file dialog and switches to the chosen ledger; false when cancelled. */
  openExisting: () => Promise<boolean>;
  /** Creates a fresh demo street in a temporary folder and switches to it. */
  openDemo: () => Promise<boolean>;
};

declare global {
  interface Window {
    ledgerShell?: LedgerShell;
  }
}

export const shellBridge: LedgerShell | null = typeof window !== 'undefined' && window.ledgerShell ? window.ledgerShell : null;
