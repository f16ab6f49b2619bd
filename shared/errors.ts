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

