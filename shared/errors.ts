/**
 * An error meant for a person: `message` is a Chinese sentence that says what happened and what
 * to do; `code` is stable for programs (CLI exit codes, tests, the UI).
 */
export class LedgerError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}

/** Codes that mean "wrong password or key" (CLI exit 3). */
export const AUTH_ERROR_CODES = new Set(['WRONG_PASSWORD', 'WRONG_RECOVERY_KEY', 'TOO_MANY_ATTEMPTS']);

export function isLedgerError(e: unknown): e is LedgerError {
  return e instanceof LedgerError;
}
